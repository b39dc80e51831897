package board

import (
	"fmt"
	"strings"
	"testing"

	"quietroom/app/report/fynefont"
)

// largeBoard is a board at the end of day 2 at the handbook's top end and past it: n items of a
// long sentence each (key quotes, notes and post-its in turn), eight themes holding them all,
// six insights each with a long description and two quotes pinned, 40 interviews in five
// groups.
func largeBoard(b *testing.B, n int) Presentation {
	b.Helper()
	var w Work
	w.SetAim("AIM-1 to help the service see how its staff and carers experience its leadership")
	var themes []string
	for i := range 8 {
		id, _ := w.AddTheme(fmt.Sprintf("THEME-%d being listened to by the service's leaders", i+1))
		themes = append(themes, id)
	}
	var items []Item
	for i := range n {
		text := fmt.Sprintf("ITEM-%d %s", i, strings.Repeat("what the person said about being heard ", 3))
		var it Item
		var err error
		switch i % 3 {
		case 0:
			it, err = NewQuote(Rose, text)
		case 1:
			it, err = NewNote(Thorn, text)
		default:
			it, err = NewItem(Bud, text)
		}
		if err != nil {
			b.Fatal(err)
		}
		items = append(items, it)
		w.Move(it.ID, themes[i%len(themes)])
	}
	for i := range 6 {
		in, _ := w.AddInsight(themes[i], fmt.Sprintf("INSIGHT-%d staff feel heard by their managers but not by the service's leaders", i+1))
		w.EditInsight(in, fmt.Sprintf("INSIGHT-%d staff feel heard by their managers but not by the service's leaders", i+1),
			strings.Repeat("What the team heard, in a sentence or two, with an example of what changed after. ", 4))
		for j := i * 3; j < len(items) && j < i*3+12; j += 3 {
			if items[j].IsQuote() && w.ThemeOf(items[j].ID) == themes[i] {
				w.PinQuote(in, items[j])
			}
		}
	}
	var ivs []Interview
	for i := range 40 {
		ivs = append(ivs, Interview{ID: NewID(), Group: fmt.Sprintf("group %d", i%5), QuestionSet: "Appreciative inquiry: staff", People: 1 + i%4})
	}
	return Present(w, items, ivs)
}

// BenchmarkDeck builds the slides of a large board's presentation (Deck: every text wrapped,
// the slides filled six lines at a time) and lays each out (Runs), as the slide show does for
// the slides it shows. The presentation is built beforehand.
func BenchmarkDeck(b *testing.B) {
	for _, n := range []int{30, 300} {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			p := largeBoard(b, n)
			var slides int
			for b.Loop() {
				d := p.Deck("Peer challenge, Northshire Council")
				for i := range d.Slides {
					d.Runs(i)
				}
				slides = len(d.Slides)
			}
			b.ReportMetric(float64(slides), "slides")
		})
	}
}

// BenchmarkDeckPDF writes a large board's slides as the 16:9 PDF (fonts embedded), the
// export's own work once the board is open.
func BenchmarkDeckPDF(b *testing.B) {
	for _, n := range []int{30, 300} {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			d := largeBoard(b, n).Deck("Peer challenge, Northshire Council")
			var size int
			for b.Loop() {
				raw, err := d.PDF(fynefont.Fonts())
				if err != nil {
					b.Fatal(err)
				}
				size = len(raw)
			}
			b.ReportMetric(float64(size)/1024, "KiB-pdf")
			b.ReportMetric(float64(len(d.Slides)), "slides")
		})
	}
}
