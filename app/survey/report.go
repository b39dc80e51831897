package survey

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"strconv"
	"strings"
	"text/template"
	"time"

	"quietroom/app/report"
)

// ReportInfo is what a report says about where its figures come from: the engagement's title
// and days. No response, no time finer than a day, no name.
type ReportInfo struct {
	Title         string
	Opens, Closes time.Time
	DeletionDate  time.Time
	// Unreadable counts stored responses that did not open and are in no figure.
	Unreadable int
}

// groupsOf is the overall group then each shown group.
func groupsOf(r *Results) []Group { return append([]Group{r.Overall}, r.Groups...) }

// A Sentence is one sentence the results say about themselves: Text, in English, with
// {{.Name}} placeholders for Values. The screens translate the very same Text (it is the key
// of their English bundle) and the report and the CSV fill it in here, so the words a person
// reads on the results screen and in the exported file come from one place.
type Sentence struct {
	Text   string
	Values map[string]any
}

// The sentences of the protection note (ProtectionSentences, UnreadableSentence).
const (
	SentenceMerged     = "Teams with fewer than {{.N}} responses each are shown together as “other teams”: {{.Teams}}."
	SentenceWithheld   = "Not shown, and left out of every figure (fewer than {{.N}} responses between them): {{.Teams}}."
	SentenceAllShown   = "Every team has at least {{.N}} responses."
	SentenceUnreadable = "{{.N}} stored responses could not be read and are in no figure."
)

// Sentences are every sentence this package gives, for the screens' bundle to hold.
var Sentences = []string{SentenceMerged, SentenceWithheld, SentenceAllShown, SentenceUnreadable}

// English is the sentence filled in, in English.
func (s Sentence) English() string {
	var b strings.Builder
	if err := template.Must(template.New("").Option("missingkey=error").Parse(s.Text)).Execute(&b, s.Values); err != nil {
		panic(fmt.Sprintf("survey: sentence %q: %v", s.Text, err)) // the sentences are this package's constants
	}
	return b.String()
}

// ProtectionSentences say which teams are merged or withheld and why, or that every team has
// enough responses.
func ProtectionSentences(r *Results) []Sentence {
	var out []Sentence
	if len(r.Merged) > 0 {
		out = append(out, Sentence{SentenceMerged, map[string]any{"N": r.MinGroup, "Teams": strings.Join(r.Merged, ", ")}})
	}
	if len(r.Withheld) > 0 {
		out = append(out, Sentence{SentenceWithheld, map[string]any{"N": r.MinGroup, "Teams": strings.Join(r.Withheld, ", ")}})
	}
	if len(out) == 0 {
		out = append(out, Sentence{SentenceAllShown, map[string]any{"N": r.MinGroup}})
	}
	return out
}

// UnreadableSentence says that n stored responses did not open and are in no figure.
func UnreadableSentence(n int) Sentence {
	return Sentence{SentenceUnreadable, map[string]any{"N": n}}
}

// ProtectionNote is ProtectionSentences in English, as the report prints them.
func ProtectionNote(r *Results) string {
	var parts []string
	for _, s := range ProtectionSentences(r) {
		parts = append(parts, s.English())
	}
	return strings.Join(parts, " ")
}

func rgb(points, p int) report.RGB {
	r, g, b := PointColour(points, p)
	return report.RGB{R: r, G: g, B: b}
}

// statementHeight estimates the height of s wrapped to w at size (Noto Sans averages about
// half an em a character), with a line to spare.
func statementHeight(s string, w, size float64) float64 {
	perLine := math.Max(1, math.Floor(w/(size*0.5)))
	lines := math.Ceil(float64(len([]rune(s)))/perLine) + 1
	return lines * size * 1.3
}

// PDF writes the results as a PDF report: for each shown group a diverging chart of every
// item (left statements on the left, right on the right, the mean marked) and a table of its
// figures, then the items where the groups differ most. It holds aggregated figures only.
func PDF(r *Results, info ReportInfo, fonts report.Fonts) ([]byte, error) {
	s := r.Survey
	d, err := report.New(info.Title+": results", fonts)
	if err != nil {
		return nil, err
	}
	d.Title(info.Title + ": results")
	d.Paragraph(fmt.Sprintf("%s, taken from %s to %s. %d responses are in the overall figures. Results are shown only by team, and only for groups of at least %d responses; the figures are totals, and no response is in this report. The responses are deleted on %s.",
		s.Title, info.Opens.Format("2 January 2006"), info.Closes.Format("2 January 2006"), r.Overall.Responses, r.MinGroup, info.DeletionDate.Format("2 January 2006")))
	d.Note(ProtectionNote(r))
	if info.Unreadable > 0 {
		d.Note(UnreadableSentence(info.Unreadable).English())
	}
	d.Note("Each bar shows how the answers divide between the item's two statements: left-hand answers to the left of the middle line, right-hand answers to its right, answers in between across it; the black mark is the mean position. An item is not shown for a group when fewer than the minimum answered it there, or when all of its answers there, or all but one, are the same (figures that would show what a person answered).")
	legend(d, s.Points)
	if !r.Shown() {
		d.Paragraph("No team has enough responses to show yet.")
		return d.Bytes()
	}
	for gi, g := range groupsOf(r) {
		name := g.Name
		if gi == 0 {
			name = "All shown teams"
		}
		d.PageBreak()
		d.Heading(fmt.Sprintf("%s: %d responses", name, g.Responses))
		for i, it := range s.Items {
			chartRow(d, i+1, it, g.Items[i])
		}
		d.Subheading(name + ": figures")
		header := []string{"#"}
		for p := 1; p <= s.Points; p++ {
			header = append(header, PointLabel(s.Points, p))
		}
		header = append(header, "Answers", "Mean", "Position")
		var rows [][]string
		for i, ir := range g.Items {
			row := []string{strconv.Itoa(i + 1)}
			if ir.Withheld {
				for range s.Points {
					row = append(row, "–")
				}
				row = append(row, "not shown", "", "")
			} else {
				for _, c := range ir.Counts {
					row = append(row, strconv.Itoa(c))
				}
				row = append(row, strconv.Itoa(ir.Answered), fmt.Sprintf("%.2f", ir.Mean), fmt.Sprintf("%+.2f", ir.Position))
			}
			rows = append(rows, row)
		}
		widths := []float64{30}
		for range s.Points {
			widths = append(widths, (d.ContentWidth()-30-3*60)/float64(s.Points))
		}
		widths = append(widths, 60, 60, 60)
		d.Table(header, rows, widths)
	}
	if len(r.Differences) > 0 {
		d.PageBreak()
		d.Heading("Where teams differ most")
		d.Paragraph("The items where the mean positions of the shown groups are furthest apart (position runs from -1, the left statement, to +1, the right statement).")
		var rows [][]string
		for _, df := range r.Differences {
			it, _ := s.Item(df.ItemID)
			rows = append(rows, []string{it.Left + " / " + it.Right, fmt.Sprintf("%.2f", df.Spread), df.Lowest, df.Highest})
		}
		d.Table([]string{"Item (left / right)", "Spread", "Most to the left", "Most to the right"}, rows, []float64{255, 50, 95, 95})
	}
	return d.Bytes()
}

func legend(d *report.Document, points int) {
	d.Figure(22, func(c *report.Canvas) {
		x := 0.0
		for p := 1; p <= points; p++ {
			c.Rect(x, 4, 10, 10, rgb(points, p))
			label := PointLabel(points, p)
			c.Text(x+13, 3, 80, report.SmallSize, label, report.Left, false, report.Black)
			x += 16 + float64(len(label))*report.SmallSize*0.55
		}
		c.Rect(x+4, 2, 3, 14, report.Black)
		c.Text(x+11, 3, 60, report.SmallSize, "mean", report.Left, false, report.Black)
	})
}

// chartRow draws one item: its number and left statement, the bar, the right statement.
func chartRow(d *report.Document, n int, it Item, ir ItemResult) {
	const size = 8.0
	w := d.ContentWidth()
	side, bar, gap := 165.0, 0.0, 8.0
	bar = w - 2*side - 2*gap
	h := math.Max(math.Max(statementHeight(it.Left, side-18, size), statementHeight(it.Right, side, size)), 30)
	d.Figure(h+6, func(c *report.Canvas) {
		c.Text(0, 0, 16, size, strconv.Itoa(n), report.Left, true, report.Grey)
		c.Wrap(18, 0, side-18, size, it.Left, report.Black)
		x0 := side + gap
		c.Wrap(x0+bar+gap, 0, side, size, it.Right, report.Black)
		top, bh := 2.0, 16.0
		c.Rect(x0, top, bar, bh, report.RGB{R: 0xf2, G: 0xf2, B: 0xf2})
		half := bar / 2
		x := func(v float64) float64 { return x0 + half + v*half }
		segs := Segments(ir)
		for _, sg := range segs {
			c.Rect(x(sg.From), top, x(sg.To)-x(sg.From), bh, rgb(len(ir.Counts), sg.Point))
		}
		c.Line(x(0), top-2, x(0), top+bh+2, 0.8, report.Grey)
		if len(segs) == 0 {
			c.Text(x0, top+3, bar, size, "not shown: too few answers, or too alike", report.Centre, false, report.Grey)
			return
		}
		if !math.IsNaN(ir.Position) {
			c.Rect(x(ir.Position)-1.2, top-3, 2.4, bh+6, report.Black)
		}
		caption := fmt.Sprintf("%d answers · mean %.1f", ir.Answered, ir.Mean)
		if ir.Excluded > 0 {
			caption += fmt.Sprintf(" · %d groups not shown left out", ir.Excluded)
		}
		c.Text(x0, top+bh+1, bar, 6.5, caption, report.Centre, false, report.Grey)
	})
}

// CSV writes the aggregated figures, one row per group and item: never a response.
func CSV(r *Results) ([]byte, error) {
	s := r.Survey
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	header := []string{"group", "group_responses", "item", "item_id", "left", "right", "answered"}
	for p := 1; p <= s.Points; p++ {
		header = append(header, fmt.Sprintf("count_%d_%s", p, strings.ReplaceAll(strings.ToLower(PointLabel(s.Points, p)), " ", "_")))
	}
	header = append(header, "mean", "position", "shown")
	if err := w.Write(header); err != nil {
		return nil, err
	}
	for gi, g := range groupsOf(r) {
		name := g.Name
		if gi == 0 {
			name = "All shown teams"
		}
		for i, ir := range g.Items {
			it := s.Items[i]
			row := []string{name, strconv.Itoa(g.Responses), strconv.Itoa(i + 1), it.ID, it.Left, it.Right, strconv.Itoa(ir.Answered)}
			for _, c := range ir.Counts {
				row = append(row, strconv.Itoa(c))
			}
			if ir.Withheld {
				row = append(row, "", "", "no: too few answers, or too alike to show")
			} else {
				row = append(row, strconv.FormatFloat(ir.Mean, 'f', 3, 64), strconv.FormatFloat(ir.Position, 'f', 3, 64), "yes")
			}
			if err := w.Write(row); err != nil {
				return nil, err
			}
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}
