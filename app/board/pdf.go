package board

import (
	"fmt"
	"strconv"

	"quietroom/app/report"
)

// SlidesPDF writes the presentation as its slides (Deck): 16:9 pages, the given fonts embedded,
// what the slide show shows.
func (p Presentation) SlidesPDF(title string, f report.Fonts) ([]byte, error) {
	return p.Deck(title).PDF(f)
}

// PDF writes the presentation's outline: an A4 document of its text in the handbook's order,
// under the review's title, with the given fonts embedded, for a team to paste into its own
// slide template. Its sentences are the slides' (slides.go). It says nothing the presentation
// does not hold: no names, dates, sessions or kiosks.
func (p Presentation) PDF(title string, f report.Fonts) ([]byte, error) {
	d, err := report.New(title, f)
	if err != nil {
		return nil, err
	}
	d.Title(title)
	d.Note("Peer challenge: the team's presentation of what it heard. " + NonAttributable)

	d.Heading("Key aim of the review")
	if p.Aim != "" {
		d.Paragraph(p.Aim)
	} else {
		d.Note("Not written yet.")
	}

	d.Heading("Who was interviewed")
	iv := p.Interviewed
	if len(iv.Groups) > 0 {
		var rows [][]string
		for _, g := range iv.Groups {
			rows = append(rows, []string{g.Group, strconv.Itoa(g.Count)})
		}
		w := d.ContentWidth()
		d.Table([]string{"Stakeholder group", "People"}, rows, []float64{w * 0.75, w * 0.25})
	}
	if s := SmallGroupsSentence(iv); s != "" {
		d.Paragraph(s)
	}
	d.Paragraph(InAllSentence(p))

	d.Heading("Methodology")
	for _, s := range MethodologySentences(p.Methodology) {
		d.Paragraph(s)
	}
	d.Paragraph(QuotesSentence)

	d.Heading("Key themes")
	if len(p.Themes) == 0 {
		d.Note("No themes.")
	}
	for _, t := range p.Themes {
		d.Subheading(t.Name)
		for _, q := range t.Quotes {
			d.Quote(q)
		}
		for _, s := range t.Points {
			d.Bullet(s)
		}
	}

	d.Heading("Key insights")
	if len(p.Insights) == 0 {
		d.Note("No insights.")
	}
	for i, in := range p.Insights {
		d.Subheading(fmt.Sprintf("%d. %s", i+1, in.Statement))
		if in.Description != "" {
			d.Paragraph(in.Description)
		}
		for _, q := range in.Quotes {
			d.Quote(q)
		}
	}

	if len(p.Ideas) > 0 {
		d.Heading("Solution ideas for the workshop")
		for _, s := range p.Ideas {
			d.Bullet(s)
		}
	}
	return d.Bytes()
}

// InterviewsPhrase says how many confidential interviews there were, one-to-one and
// small-group as they were: "3 confidential one-to-one and 2 small-group interviews",
// "1 confidential small-group interview".
func InterviewsPhrase(m Methodology) string {
	n := m.OneToOne + m.SmallGroup
	word := plural(n, "interview", "interviews")
	switch {
	case m.SmallGroup == 0:
		return fmt.Sprintf("%d confidential one-to-one %s", m.OneToOne, plural(m.OneToOne, "interview", "interviews"))
	case m.OneToOne == 0:
		return fmt.Sprintf("%d confidential small-group %s", m.SmallGroup, plural(m.SmallGroup, "interview", "interviews"))
	}
	return fmt.Sprintf("%d confidential one-to-one and %d small-group %s", m.OneToOne, m.SmallGroup, word)
}

// InterviewKinds says which the interviews were: "1 one-to-one, 2 small-group", "all
// one-to-one", "all small-group" ("one-to-one" or "small-group" for one interview).
func InterviewKinds(m Methodology) string {
	switch {
	case m.OneToOne+m.SmallGroup == 1 && m.SmallGroup == 1:
		return "small-group"
	case m.OneToOne+m.SmallGroup <= 1:
		return "one-to-one"
	case m.SmallGroup == 0:
		return "all one-to-one"
	case m.OneToOne == 0:
		return "all small-group"
	}
	return fmt.Sprintf("%d one-to-one, %d small-group", m.OneToOne, m.SmallGroup)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
