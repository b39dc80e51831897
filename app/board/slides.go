package board

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The slides' measures. A slide holds at most MaxSlideLines lines of body text (what presenters
// hold to, so that a room reads it from the back); its text is wrapped here, once, to
// SlideBodyChars characters a line and its title to SlideTitleChars, so that the slide show
// and the PDF put the same words on the same lines. A title that would take more than
// SlideTitleLines lines (a long insight statement) goes into the body in bold, under its
// label as the title.
const (
	MaxSlideLines   = 6
	SlideBodyChars  = 62
	SlideTitleChars = 44
	SlideTitleLines = 3
)

// SlideKind says which part of the handbook's presentation a slide is.
type SlideKind string

// The parts, in the handbook's order.
const (
	SlideCover       SlideKind = "cover"
	SlideAim         SlideKind = "aim"
	SlideInterviewed SlideKind = "interviewed"
	SlideMethodology SlideKind = "methodology"
	SlideTheme       SlideKind = "theme"
	SlideInsight     SlideKind = "insight"
)

// LineStyle is how a line of a slide's body is shown.
type LineStyle int

// The styles of a slide's lines.
const (
	// LinePlain is the team's sentence.
	LinePlain LineStyle = iota
	// LineQuote is a key quote, in quotation marks: what someone said, as the note taker kept it.
	LineQuote
	// LinePoint is one of a theme's other points (a note, the team's post-it) or a group: the
	// team's words, after a bullet, never in quotation marks.
	LinePoint
	// LineStrong is a heading too long for the slide's title, in bold.
	LineStrong
)

// SlideLine is one line of a slide's body.
type SlideLine struct {
	Text  string
	Style LineStyle
	// More says the line goes on with the entry above it (a quote or point wrapped onto a
	// second line): no bullet and no space before it.
	More bool
}

// Slide is one slide: a small label saying where in the presentation it is ("Key theme 2 of
// 5"), the title's lines and at most MaxSlideLines body lines. A theme or insight with more
// goes on onto the next slide, labelled "(continued)": nothing is cut.
type Slide struct {
	Kind      SlideKind
	Label     string
	Title     []string
	Lines     []SlideLine
	Continued bool
}

// Text is everything the slide says, its lines joined by line breaks.
func (s Slide) Text() string {
	var b strings.Builder
	b.WriteString(s.Label)
	for _, l := range s.Title {
		b.WriteString("\n" + l)
	}
	for _, l := range s.Lines {
		b.WriteString("\n" + l.Text)
	}
	return b.String()
}

// Deck is the presentation as slides, under the review's title. It is made from a
// Presentation only (Presentation.Deck), so it shows nothing the presentation does not hold:
// the small-group floor, and only the key quotes kept as quotes, hold on every slide.
type Deck struct {
	Title  string
	Slides []Slide
}

// Counter is the slide counter for slide i (from 0): "3 / 12".
func (d Deck) Counter(i int) string { return fmt.Sprintf("%d / %d", i+1, len(d.Slides)) }

// entry is a paragraph of a slide's body before it is wrapped.
type entry struct {
	text  string
	style LineStyle
}

// Deck builds the slides in the handbook's order: a cover; the key aim; who was interviewed;
// the methodology; each theme with its key quotes and other points; each insight with its
// description and key quotes. The solution ideas (the buds) are the workshop's, not the
// slides'.
func (p Presentation) Deck(title string) Deck {
	d := Deck{Title: title}
	d.add(SlideCover, "", title, []entry{
		{"What the peer challenge team heard, and what it makes of it.", LinePlain},
		{NonAttributable, LinePlain},
		{QuotesSentence, LinePlain},
	})

	aim := []entry{{p.Aim, LinePlain}}
	if strings.TrimSpace(p.Aim) == "" {
		aim = []entry{{"Not written yet.", LinePlain}}
	}
	d.add(SlideAim, "Key aim", "What was the key aim of the review?", aim)

	var who []entry
	for _, g := range p.Interviewed.Groups {
		who = append(who, entry{fmt.Sprintf("%s: %d people", g.Group, g.Count), LinePoint})
	}
	if s := SmallGroupsSentence(p.Interviewed); s != "" {
		who = append(who, entry{s, LinePlain})
	}
	who = append(who, entry{InAllSentence(p), LinePlain})
	d.add(SlideInterviewed, "Who was interviewed", "Who was interviewed?", who)

	var method []entry
	for _, s := range MethodologySentences(p.Methodology) {
		method = append(method, entry{s, LinePlain})
	}
	d.add(SlideMethodology, "Methodology", "What methodology was used?", method)

	for i, t := range p.Themes {
		var es []entry
		for _, q := range t.Quotes {
			es = append(es, entry{Quoted(q), LineQuote})
		}
		for _, s := range t.Points {
			es = append(es, entry{s, LinePoint})
		}
		if len(es) == 0 {
			es = append(es, entry{"No key quotes or points in this theme.", LinePlain})
		}
		d.add(SlideTheme, fmt.Sprintf("Key theme %d of %d", i+1, len(p.Themes)), t.Name, es)
	}
	for i, in := range p.Insights {
		var es []entry
		if in.Description != "" {
			es = append(es, entry{in.Description, LinePlain})
		}
		for _, q := range in.Quotes {
			es = append(es, entry{Quoted(q), LineQuote})
		}
		d.add(SlideInsight, fmt.Sprintf("Key insight %d of %d", i+1, len(p.Insights)), in.Statement, es)
	}
	return d
}

// add adds a part's slides: as many as its entries need at MaxSlideLines lines each. An entry
// is kept whole on one slide where it fits on one; a longer one runs on to the next.
func (d *Deck) add(kind SlideKind, label, heading string, entries []entry) {
	title := wrap(heading, SlideTitleChars)
	var groups [][]SlideLine
	if len(title) > SlideTitleLines {
		title = wrap(label, SlideTitleChars)
		groups = append(groups, lines(heading, LineStrong))
	}
	for _, e := range entries {
		groups = append(groups, lines(e.text, e.style))
	}
	cur := Slide{Kind: kind, Label: label, Title: title}
	flush := func() {
		d.Slides = append(d.Slides, cur)
		cur = Slide{Kind: kind, Label: strings.TrimSpace(label + " (continued)"), Title: title, Continued: true}
	}
	for _, g := range groups {
		for len(g) > 0 {
			room := MaxSlideLines - len(cur.Lines)
			switch {
			case len(g) <= room:
				cur.Lines = append(cur.Lines, g...)
				g = nil
			case len(cur.Lines) > 0 && (len(g) <= MaxSlideLines || room < 2):
				flush()
			default:
				cur.Lines = append(cur.Lines, g[:room]...)
				g = g[room:]
				flush()
			}
		}
	}
	if len(cur.Lines) > 0 || !cur.Continued {
		d.Slides = append(d.Slides, cur)
	}
}

// lines wraps an entry's text into body lines of its style.
func lines(text string, style LineStyle) []SlideLine {
	var out []SlideLine
	for i, l := range wrap(text, SlideBodyChars) {
		out = append(out, SlideLine{Text: l, Style: style, More: i > 0})
	}
	return out
}

// wrap breaks text into lines of at most width characters at spaces, keeping its own line
// breaks; a word longer than a line is broken within it. Nothing of the text is dropped but
// the spaces it is broken at.
func wrap(text string, width int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			for utf8.RuneCountInString(w) > width {
				if line != "" {
					out = append(out, line)
					line = ""
				}
				r := []rune(w)
				out = append(out, string(r[:width]))
				w = string(r[width:])
			}
			switch {
			case line == "":
				line = w
			case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
				line += " " + w
			default:
				out = append(out, line)
				line = w
			}
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// The presentation's sentences, shared by the slides and the outline (the A4 document), so
// that what the team shows and what it pastes into its own template say the same.

// NonAttributable is the presentation's promise about its quotes.
const NonAttributable = "All interview content is non-attributable: nobody is named, and no quote says who said it."

// Quoted puts a key quote in quotation marks.
func Quoted(q string) string { return "“" + q + "”" }

// SmallGroupsSentence says how many people were in groups under the floor, counted together;
// "" when there were none.
func SmallGroupsSentence(iv Interviewed) string {
	if iv.SmallPeople == 0 {
		return ""
	}
	return fmt.Sprintf("%d more %s in %d %s of fewer than %d people each, counted together so that nobody can be identified (a rule of this kiosk's; the handbook has none).",
		iv.SmallPeople, plural(iv.SmallPeople, "person", "people"), iv.SmallGroups, plural(iv.SmallGroups, "group", "groups"), iv.Threshold)
}

// InAllSentence says how many people were interviewed in how many interviews, of which kinds.
func InAllSentence(p Presentation) string {
	iv := p.Interviewed
	if iv.Interviews == 0 {
		return "No interviews are on the board yet."
	}
	return fmt.Sprintf("%d %s in all, in %d %s (%s).", iv.Total, plural(iv.Total, "person", "people"),
		iv.Interviews, plural(iv.Interviews, "interview", "interviews"), InterviewKinds(p.Methodology))
}

// MethodologySentences say how the review was done: the interviews, the question sets and how
// the team worked the notes into insights.
func MethodologySentences(m Methodology) []string {
	out := []string{InterviewsPhrase(m) + "."}
	if len(m.QuestionSets) > 0 {
		out = append(out, "Question sets: "+strings.Join(m.QuestionSets, "; ")+".")
	}
	return append(out,
		"Notes sorted as roses, thorns and buds, grouped into themes; each theme asked “So what?” to reach the insights.")
}

// QuotesSentence says what the quotation marks mean.
const QuotesSentence = "In quotation marks: words as said; the rest is the team's."
