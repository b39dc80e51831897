package board

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NamePlaceholder is what a word that looks like a name is replaced with.
const NamePlaceholder = "[name]"

// Why says why a word looks like a name.
type Why string

const (
	// WhyCapital: a capitalised word that does not start a sentence.
	WhyCapital Why = "capital"
	// WhyFirstName: a word on the list of common first names, capitalised or not.
	WhyFirstName Why = "first-name"
	// WhyTerm: one of the engagement's own terms (the authority, its services, places).
	WhyTerm Why = "term"
)

// Suspect is a word in an item's text that may name a person or a place, with its byte range.
type Suspect struct {
	Start, End int
	Word       string
	Why        Why
}

// NameCheck finds words that look like names of people or places, for the member to confirm
// before an item joins the board. It errs on the side of asking: it is an offer to replace,
// never a silent change.
type NameCheck struct {
	terms map[string]bool
}

// NewNameCheck returns a check that also flags the given engagement terms (case-insensitive;
// a term of several words is flagged word by word).
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

// Check returns the suspect words of text in order.
func (c NameCheck) Check(text string) []Suspect {
	var out []Suspect
	sentenceStart := true
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if notWordRune(r) || r == '\'' || r == '-' {
			if r == '.' || r == '!' || r == '?' || r == '\n' || r == ':' {
				sentenceStart = true
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
		word := strings.TrimRight(text[i:j], "'-")
		end := i + len(word)
		lower := strings.ToLower(word)
		lower = strings.TrimSuffix(strings.TrimSuffix(lower, "'s"), "s'")
		first, _ := utf8.DecodeRuneInString(word)
		switch {
		case c.terms[lower]:
			out = append(out, Suspect{Start: i, End: end, Word: word, Why: WhyTerm})
		case firstNames[lower] && (unicode.IsUpper(first) || !ambiguousNames[lower]):
			out = append(out, Suspect{Start: i, End: end, Word: word, Why: WhyFirstName})
		case unicode.IsUpper(first) && !sentenceStart && !commonWords[lower] && utf8.RuneCountInString(word) > 1:
			out = append(out, Suspect{Start: i, End: end, Word: word, Why: WhyCapital})
		}
		sentenceStart = false
		i = j
	}
	return out
}

// Replace returns text with the chosen suspects replaced by NamePlaceholder. Suspects must
// come from Check on the same text.
func Replace(text string, chosen []Suspect) string {
	s := append([]Suspect(nil), chosen...)
	sort.Slice(s, func(a, b int) bool { return s[a].Start > s[b].Start })
	for _, x := range s {
		if x.Start < 0 || x.End > len(text) || x.Start >= x.End {
			continue
		}
		text = text[:x.Start] + NamePlaceholder + text[x.End:]
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
