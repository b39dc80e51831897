package workshop

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"quietroom/app/report"
)

// Agenda is the handbook's proposed agenda of the follow-up visit, "approximately 4 months
// after the peer challenge visit", where the three DCSs meet for feedback, in its words.
var Agenda = []string{
	"Feedback from the host authority on what they learnt from the peer challenge and the impact this has had on the local authority – e.g. what has changed?",
	"Feedback from the visiting DCS on what they learned from the process, and any impact this has had on their thinking",
	"Any wider learning, they feel that it is worth communicating to others in the region",
	"Feedback on the process of the review, what worked well and what could be improved for the next round",
}

// AgendaIntro is the handbook's sentence that introduces the agenda.
const AgendaIntro = "It is proposed that approximately 4 months after the peer challenge visit, there is a follow up visit where the three DCSs meet for feedback. The proposed agenda for this is:"

func markWord(m Mark) string {
	switch m {
	case Agree:
		return "Agree"
	case Disagree:
		return "Disagree"
	}
	return "Amend"
}

// PDF writes the workshop as a PDF under the review's title, with fonts embedded: the four
// parts in order. It says nothing the workshop does not hold: no names, no dates.
func (w Workshop) PDF(title string, f report.Fonts) ([]byte, error) {
	d, err := report.New(title+": workshop", f)
	if err != nil {
		return nil, err
	}
	d.Title(title + ": the workshop")
	d.Note("Peer challenge, day 2: the facilitated workshop with the host authority. Tables are numbered; nobody is named.")

	d.Heading("1. Reflecting on the key insights")
	for _, t := range w.Tables {
		d.Subheading(fmt.Sprintf("Table %d", t.Number))
		for i, in := range w.Insights {
			m, ok := t.MarkOf(in.ID)
			if !ok {
				d.Bullet(fmt.Sprintf("Insight %d: not marked. %s", i+1, in.Statement))
				continue
			}
			line := fmt.Sprintf("Insight %d: %s. %s", i+1, markWord(m.Mark), in.Statement)
			d.Bullet(line)
			if m.Mark == Amend {
				// The table's own words: never in quotation marks, which the presentation keeps
				// for the key quotes of interviews.
				d.Paragraph("Table " + strconv.Itoa(t.Number) + "'s amendment: " + m.Amendment)
			}
		}
		for _, in := range t.NewInsights {
			d.Bullet("New insight: " + in.Statement)
		}
	}
	d.Subheading("The central list of goals")
	goals := w.Goals()
	if len(goals) == 0 {
		d.Note("No goals.")
	}
	for i, g := range goals {
		in, _ := w.InsightText(g.Insight)
		s := fmt.Sprintf("%d. %s (table %d, for: %s)", i+1, g.Text, g.Table, in)
		if g.ChosenBy != 0 {
			s += fmt.Sprintf(". Chosen by table %d", g.ChosenBy)
		}
		d.Bullet(s)
	}

	d.Heading("2. Idea generation")
	for _, t := range w.Tables {
		d.Subheading(fmt.Sprintf("Table %d", t.Number))
		if g, ok := w.Goal(t.Chosen); ok {
			d.Paragraph("Goal: " + g.Text)
		} else {
			d.Note("No goal chosen.")
		}
		for _, i := range t.Ideas {
			d.Bullet(i.Text)
		}
	}

	d.Heading("3. Feedback")
	d.Subheading("Each table's three best ideas for change")
	best := w.BestIdeas()
	if len(best) == 0 {
		d.Note("No table has chosen its three actions.")
	}
	for _, b := range best {
		d.Paragraph(fmt.Sprintf("Table %d: %s", b.Table, b.Goal))
		for i, s := range b.Ideas {
			d.Bullet(fmt.Sprintf("%d. %s", i+1, s))
		}
	}
	d.Subheading("The host director's next steps")
	if w.NextSteps != "" {
		d.Paragraph(w.NextSteps)
	} else {
		d.Note("Not written.")
	}
	d.Subheading("What went well?")
	remarks(d, w.WentWell)
	d.Subheading("Even better if")
	remarks(d, w.EvenBetter)

	d.Heading("4. Timings")
	var rows [][]string
	for i, s := range w.Timetable.Steps {
		rows = append(rows, []string{w.Timetable.At(i), s.Title, strconv.Itoa(s.Minutes)})
	}
	rows = append(rows, []string{w.Timetable.At(len(w.Timetable.Steps)), "Finish", ""})
	cw := d.ContentWidth()
	d.Table([]string{"Time", "Content", "Minutes"}, rows, []float64{cw * 0.12, cw * 0.73, cw * 0.15})
	return d.Bytes()
}

func remarks(d *report.Document, rs []string) {
	if len(rs) == 0 {
		d.Note("None.")
	}
	for _, r := range rs {
		d.Bullet(r)
	}
}

// CSV writes the workshop as one table: part, table (0 for the whole group), what the row is,
// the insight or goal it refers to, and its text, exactly as typed. A cell that a spreadsheet
// would read as a formula (starting =, +, -, @) is prefixed with an apostrophe.
func (w Workshop) CSV() ([]byte, error) {
	var b bytes.Buffer
	c := csv.NewWriter(&b)
	row := func(part string, table int, what, about, text string) {
		_ = c.Write([]string{part, strconv.Itoa(table), what, cell(about), cell(text)})
	}
	_ = c.Write([]string{"part", "table", "what", "about", "text"})
	const p1, p2, p3, p4 = "1 Reflecting on the key insights", "2 Idea generation", "3 Feedback", "4 Timings"
	for _, t := range w.Tables {
		for _, in := range w.Insights {
			if m, ok := t.MarkOf(in.ID); ok {
				row(p1, t.Number, strings.ToLower(markWord(m.Mark)), in.Statement, m.Amendment)
			}
		}
		for _, in := range t.NewInsights {
			row(p1, t.Number, "new insight", "", in.Statement)
		}
		for _, g := range t.Goals {
			in, _ := w.InsightText(g.Insight)
			row(p1, t.Number, "goal", in, g.Text)
		}
	}
	for _, t := range w.Tables {
		if g, ok := w.Goal(t.Chosen); ok {
			row(p2, t.Number, "chosen goal", "", g.Text)
		}
		goal := ""
		if g, ok := w.Goal(t.Chosen); ok {
			goal = g.Text
		}
		for _, i := range t.Ideas {
			row(p2, t.Number, "idea", goal, i.Text)
		}
	}
	for _, b := range w.BestIdeas() {
		for i, s := range b.Ideas {
			row(p3, b.Table, "action "+strconv.Itoa(i+1), b.Goal, s)
		}
	}
	if w.NextSteps != "" {
		row(p3, 0, "host director's next steps", "", w.NextSteps)
	}
	for _, s := range w.WentWell {
		row(p3, 0, "what went well", "", s)
	}
	for _, s := range w.EvenBetter {
		row(p3, 0, "even better if", "", s)
	}
	for i, s := range w.Timetable.Steps {
		row(p4, 0, "step at "+w.Timetable.At(i), strconv.Itoa(s.Minutes)+" minutes", s.Title)
	}
	c.Flush()
	return b.Bytes(), c.Error()
}

// cell guards a text against being read as a formula by a spreadsheet.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// FollowUpPDF writes the follow-up visit's agenda for the directors' meeting: the handbook's
// four points, each with room for notes, then the workshop's goals and each table's chosen
// actions, under the review's title. followUp is the date as the engagement gives it
// ("" for none).
func (w Workshop) FollowUpPDF(title, followUp string, f report.Fonts) ([]byte, error) {
	d, err := report.New(title+": follow-up visit", f)
	if err != nil {
		return nil, err
	}
	d.Title(title + ": the follow-up visit")
	if followUp != "" {
		d.Paragraph("Follow-up visit: " + followUp + ".")
	}
	d.Paragraph(AgendaIntro)
	d.Heading("Agenda")
	for i, a := range Agenda {
		d.Subheading(fmt.Sprintf("%d. %s", i+1, a))
		d.Space(60)
	}
	d.Heading("The workshop's goals and chosen actions")
	// The handbook has the visit "in 4 months' time to review progress on the chosen actions";
	// the engagement's own date is said above, so only the purpose is said here.
	d.Note("The visit reviews progress on the chosen actions.")
	best := w.BestIdeas()
	for _, b := range best {
		d.Subheading(fmt.Sprintf("Table %d: %s", b.Table, b.Goal))
		for i, s := range b.Ideas {
			d.Bullet(fmt.Sprintf("Action %d: %s", i+1, s))
		}
	}
	if len(best) == 0 {
		d.Note("No table chose its three actions.")
	}
	if w.NextSteps != "" {
		d.Subheading("The host director's next steps")
		d.Paragraph(w.NextSteps)
	}
	d.Subheading("The central list of goals")
	goals := w.Goals()
	if len(goals) == 0 {
		d.Note("No goals.")
	}
	for i, g := range goals {
		s := fmt.Sprintf("%d. %s", i+1, g.Text)
		if g.ChosenBy != 0 {
			s += fmt.Sprintf(" (chosen by table %d)", g.ChosenBy)
		}
		d.Bullet(s)
	}
	return d.Bytes()
}
