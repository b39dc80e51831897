package board

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NamePlaceholder is what a person's name is replaced with; PlacePlaceholder what a place's
// name is replaced with. A name of several words (a first name and a surname, "Dr Patel",
// "Station Road") becomes one placeholder.
const (
	NamePlaceholder  = "[name]"
	PlacePlaceholder = "[place]"
)

// Why says why a word looks like a name.
type Why string

const (
	// WhyCapital: a capitalised word that does not start a sentence.
	WhyCapital Why = "capital"
	// WhyFirstName: a word on the list of common first names, capitalised or not, or a title
	// such as "Dr" before a capitalised word.
	WhyFirstName Why = "first-name"
	// WhyTerm: one of the engagement's own terms (the authority, its services, places).
	WhyTerm Why = "term"
	// WhyPlace: a capitalised word that reads as a place: after "in", "at", "from" and the
	// like, before "Road" or "Hospital" and the like, or ending as English places do.
	WhyPlace Why = "place"
)

// Suspect is a word, or words in a row that read as one name, in an item's text that may name
// a person or a place, with its byte range.
type Suspect struct {
	Start, End int
	Word       string
	Why        Why
	// Placeholder is what Replace puts in its place: NamePlaceholder for a person (and for a
	// capitalised word that could be either), PlacePlaceholder for a place. A caller may set
	// the other one where the member says so; anything else counts as NamePlaceholder.
	Placeholder string
}

// Place reports whether the suspect is offered as a place.
func (s Suspect) Place() bool { return s.Placeholder == PlacePlaceholder }

// NameCheck finds words that look like names of people or places, for the member to confirm
// before an item joins the board. It errs on the side of asking: it is an offer to replace,
// never a silent change.
type NameCheck struct {
	terms map[string]bool
}

// NewNameCheck returns a check that also flags the given engagement terms (case-insensitive;
// a term of several words is flagged word by word, and offered as a place).
func NewNameCheck(terms []string) NameCheck {
	c := NameCheck{terms: map[string]bool{}}
	for _, t := range terms {
		for _, w := range strings.FieldsFunc(t, notWordRune) {
			if utf8.RuneCountInString(w) >= 3 && !commonWords[strings.ToLower(w)] {
				c.terms[strings.ToLower(w)] = true
			}
		}
	}
	return c
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '-' }

// commonWords are capitalised often for reasons other than names; they are never flagged as
// capitals (a first name or a term still is).
var commonWords = map[string]bool{
	"i": true, "i'm": true, "i've": true, "i'd": true, "i'll": true, "ok": true, "okay": true,
	"the": true, "and": true, "for": true, "council": false,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"english": true, "covid": true, "tv": true,
}

// titles come before a person's surname: "Dr Patel" is one name.
var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "sir": true, "dame": true}

// placeBefore are lower-case words after which a capitalised word is read as a place.
var placeBefore = map[string]bool{"in": true, "at": true, "from": true, "near": true, "to": true, "around": true, "outside": true, "into": true, "via": true}

// placeWords, capitalised after a capitalised word, make both a place: "Station Road".
var placeWords = map[string]bool{
	"road": true, "street": true, "lane": true, "avenue": true, "drive": true, "close": true, "way": true, "square": true,
	"park": true, "estate": true, "hospital": true, "school": true, "academy": true, "college": true, "centre": true,
	"house": true, "court": true, "surgery": true, "ward": true, "station": true, "hall": true, "green": true, "hill": true,
	"council": true, "county": true, "borough": true, "city": true, "town": true, "village": true,
}

// placeEndings are how many English place names end.
var placeEndings = []string{"shire", "ton", "ham", "ford", "bury", "borough", "brough", "field", "pool", "wick", "minster",
	"chester", "caster", "mouth", "port", "by", "thorpe", "worth", "stead", "bridge", "dale", "combe", "ley"}

func placeLike(lower string) bool {
	if utf8.RuneCountInString(lower) < 5 {
		return false
	}
	for _, e := range placeEndings {
		if strings.HasSuffix(lower, e) {
			return true
		}
	}
	return false
}

// word is one word of a text as Check reads it.
type word struct {
	start, end    int
	text, lower   string
	capital       bool
	sentenceStart bool
	joined        bool // only spaces or tabs between it and the word before
}

func words(text string) []word {
	var out []word
	sentenceStart := true
	gapOK := false
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if notWordRune(r) || r == '\'' || r == '-' {
			if r == '.' || r == '!' || r == '?' || r == '\n' || r == ':' {
				sentenceStart = true
			}
			if r != ' ' && r != '\t' {
				gapOK = false
			}
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if notWordRune(r2) {
				break
			}
			j += n2
		}
		w := strings.TrimRight(text[i:j], "'-")
		lower := strings.ToLower(w)
		lower = strings.TrimSuffix(strings.TrimSuffix(lower, "'s"), "s'")
		first, _ := utf8.DecodeRuneInString(w)
		out = append(out, word{start: i, end: i + len(w), text: w, lower: lower, capital: unicode.IsUpper(first),
			sentenceStart: sentenceStart, joined: gapOK && len(out) > 0})
		sentenceStart = false
		gapOK = len(w) == j-i // a trailing ' or - breaks a name in a row
		i = j
	}
	return out
}

// Check returns the suspect words of text in order. Capitalised words in a row that each look
// like a name are one suspect: a first name and a surname are one person.
func (c NameCheck) Check(text string) []Suspect {
	ws := words(text)
	why := make([]Why, len(ws))
	for k, w := range ws {
		switch {
		case c.terms[w.lower]:
			why[k] = WhyTerm
		case firstNames[w.lower] && (w.capital || !ambiguousNames[w.lower]):
			why[k] = WhyFirstName
		case titles[w.lower] && w.capital && k+1 < len(ws) && ws[k+1].joined && ws[k+1].capital:
			why[k] = WhyFirstName
		case w.capital && !commonWords[w.lower] && utf8.RuneCountInString(w.text) > 1 &&
			(!w.sentenceStart || (k+1 < len(ws) && ws[k+1].joined && ws[k+1].capital && placeWords[ws[k+1].lower])):
			why[k] = WhyCapital
			if placeLike(w.lower) || (k > 0 && placeBefore[ws[k-1].text] && !ws[k-1].capital) {
				why[k] = WhyPlace
			}
		}
	}
	// A place word after a flagged capital is part of it; the capital before it a place.
	for k := 1; k < len(ws); k++ {
		if why[k] != "" && why[k-1] != "" && ws[k].joined && placeWords[ws[k].lower] && ws[k].capital && why[k-1] != WhyFirstName {
			why[k], why[k-1] = WhyPlace, WhyPlace
		}
	}
	var out []Suspect
	for k := 0; k < len(ws); k++ {
		if why[k] == "" {
			continue
		}
		// Join the flagged capitalised words that follow with only a space between.
		parts := []Why{why[k]}
		end := k
		for end+1 < len(ws) && why[end+1] != "" && ws[end+1].joined && ws[end+1].capital && ws[end].capital {
			end++
			parts = append(parts, why[end])
		}
		s := Suspect{Start: ws[k].start, End: ws[end].end, Word: text[ws[k].start:ws[end].end], Why: strongest(parts), Placeholder: NamePlaceholder}
		if s.Why == WhyTerm || s.Why == WhyPlace {
			s.Placeholder = PlacePlaceholder
		}
		out = append(out, s)
		k = end
	}
	return out
}

// strongest is the reason a run of words is flagged: a first name makes it a person, else a
// term or a place makes it a place.
func strongest(parts []Why) Why {
	for _, w := range []Why{WhyFirstName, WhyTerm, WhyPlace} {
		for _, p := range parts {
			if p == w {
				return w
			}
		}
	}
	return WhyCapital
}

// Replace returns text with the chosen suspects replaced, each by its Placeholder. Suspects
// must come from Check on the same text.
func Replace(text string, chosen []Suspect) string {
	s := append([]Suspect(nil), chosen...)
	sort.Slice(s, func(a, b int) bool { return s[a].Start > s[b].Start })
	for _, x := range s {
		if x.Start < 0 || x.End > len(text) || x.Start >= x.End {
			continue
		}
		p := NamePlaceholder
		if x.Placeholder == PlacePlaceholder {
			p = PlacePlaceholder
		}
		text = text[:x.Start] + p + text[x.End:]
	}
	return text
}

// ambiguousNames are first names that are also ordinary words: flagged only when capitalised.
var ambiguousNames = map[string]bool{
	"will": true, "mark": true, "grace": true, "hope": true, "joy": true, "faith": true, "rose": true,
	"bill": true, "pat": true, "sue": true, "dawn": true, "amber": true, "ruby": true, "jack": true,
	"frank": true, "art": true, "ray": true, "sky": true, "summer": true, "april": true, "may": true,
	"june": true, "august": true, "holly": true, "ivy": true, "daisy": true, "iris": true, "victor": true,
}

// firstNames is a list of common first names in the UK, lower case.
var firstNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(firstNameList) {
		m[n] = true
	}
	return m
}()

const firstNameList = `
aaron abdul abigail adam adrian ahmed aisha alan alex alexander alexandra alfie ali alice alison amanda amber amelia amir amy andrea andrew angela anita ann anna anne annie anthony april archie arthur ashley
barbara barry ben benjamin beth bethany beverley bill billy brenda brian bridget callum cameron carl carol caroline carolyn catherine charles charlie charlotte chloe chris christine christopher claire clare colin connor craig
daisy dale daniel danielle darren dave david dawn dean debbie deborah declan denise dennis derek diane donna dorothy douglas dylan eddie edward eileen elaine eleanor elizabeth ella ellie emily emma eric erin ethan eve evelyn
faith fatima finley fiona florence frances frank freddie freya gail gareth gary gavin gemma geoffrey george georgia gerald gillian glen gordon grace graham greg gwen hannah harriet harry harvey hayley heather helen henry holly hope howard hugh
ian imran irene iris isaac isabel isabella isla ivy jack jackie jacob jake james jamie jan jane janet janice jasmine jason jay jean jeff jennifer jenny jeremy jessica jill jim joan joanna joanne joe john jon jonathan jordan joseph josh joshua joy joyce judith julia julie june justin
karen kate katherine kathleen kathryn katie kay keith kelly ken kerry kevin kieran kim kirsty laura lauren lee leo leon lewis liam lily linda lindsay lisa logan lois louis louise lucy luke lydia lynn
malcolm mandy margaret maria marie mark martin mary matthew maureen max megan melanie mia michael michelle mike mohammed molly muhammad nancy naomi natalie nathan neil nicholas nicola nigel noah norman
olivia oliver oscar owen paige pamela patricia patrick paul paula pauline peter philip phillip phoebe poppy priya rachel rajesh ray rebecca reece richard rita rob robert robin rose rosie ruby russell ruth ryan
sally sam samantha samuel sandra sarah scott sean shane sharon shaun sheila shirley simon sophia sophie stacey stella stephanie stephen steve steven stuart sue susan suzanne sylvia tara teresa theo thomas tim timothy tina toby tom tony tracey tracy trevor valerie vanessa victor victoria vincent wayne wendy will william yasmin yvonne zach zara zoe
`
