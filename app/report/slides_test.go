package report_test

import (
	"strings"
	"testing"

	"quietroom/app/report"
	"quietroom/app/report/fynefont"
)

// TestSlidesNeverCut: a line wider than its box is set smaller, whole, where a Canvas would
// cut it; pages are the size asked; no font, no document.
func TestSlidesNeverCut(t *testing.T) {
	if _, err := report.NewSlides("x", report.Fonts{}, report.Widescreen); err == nil {
		t.Fatal("slides without a font were started")
	}
	s, err := report.NewSlides("Slides", fynefont.Fonts(), report.Widescreen)
	if err != nil {
		t.Fatal(err)
	}
	if w, h := s.Size(); w != 960 || h != 540 {
		t.Fatalf("Size = %v x %v, want 960 x 540", w, h)
	}
	long := "A sentence far too long for the narrow box it is given, which a slide never cuts"
	for i := range 2 {
		s.NewPage(report.White)
		s.Text(50, 50, 120, 30, long, report.Left, i == 1, report.Black)
		s.Text(50, 500, 860, 12, "2 / 2", report.Right, false, report.Grey)
	}
	b, err := s.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	text := pdftotext(t, b)
	if got := strings.Count(strings.Join(strings.Fields(text), " "), long); got != 2 {
		t.Errorf("the long line is whole %d times, want 2:\n%s", got, text)
	}
	if strings.Count(text, "\f") != 2 {
		t.Errorf("want two pages:\n%s", text)
	}
	if strings.Contains(string(b), "/CreationDate") || !strings.Contains(string(b), "/FontFile2") {
		t.Error("the slides record a date or do not embed the font")
	}
}
