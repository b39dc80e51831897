package report_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"quietroom/app/report"
	"quietroom/app/report/fynefont"
)

// pdftotext reads a PDF's text the way a person's reader would; make deps installs it.
func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext is missing: run make deps (Debian package poppler-utils)")
	}
	in := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", in, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

func sample(t *testing.T) []byte {
	t.Helper()
	d, err := report.New("Sample", fynefont.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	d.Title("Leadership review")
	d.Heading("Key themes")
	d.Paragraph(strings.Repeat("Staff describe a service that listens. ", 200))
	d.Bullet("Visible leadership on the wards")
	d.Quote("They always make time for us")
	d.Table([]string{"Item", "Mean"}, [][]string{{"Communicates clearly", "0.40"}, {"Takes risks", "-1.20"}}, []float64{3, 1})
	d.Figure(60, func(c *report.Canvas) {
		c.Rect(0, 10, c.Width()/2, 20, report.Light)
		c.Line(c.Width()/2, 0, c.Width()/2, 60, 1, report.Black)
		c.Text(0, 40, 100, report.SmallSize, "Left statement that is far too long for its box", report.Left, false, report.Grey)
		c.Text(c.Width()-100, 40, 100, report.SmallSize, "Right", report.Right, true, report.Black)
	})
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDocumentText(t *testing.T) {
	b := sample(t)
	if !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("not a PDF: %q", b[:8])
	}
	text := pdftotext(t, b)
	for _, want := range []string{"Leadership review", "Key themes", "Visible leadership on the wards",
		"They always make time for us", "Communicates clearly", "-1.20", "Right", "Left statement"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	if strings.Contains(text, "far too long for its box") {
		t.Error("a figure's text ran past its box instead of being shortened")
	}
	if pages := strings.Count(text, "\f"); pages < 2 {
		t.Errorf("a long paragraph should flow onto a second page; pages: %d", pages)
	}
	if strings.Contains(string(b), "/CreationDate") || strings.Contains(string(b), "/ModDate") {
		t.Error("the file records when it was made")
	}
	if !strings.Contains(string(b), "/FontFile2") {
		t.Error("the font is not embedded")
	}
}

func TestTableRowWidthMismatch(t *testing.T) {
	d, err := report.New("x", fynefont.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	d.Table([]string{"a", "b"}, [][]string{{"only one"}}, []float64{1, 1})
	if _, err := d.Bytes(); err == nil {
		t.Fatal("a row with too few cells was accepted")
	}
}

// TestWriteSample leaves the sample in $REPORT_SAMPLE, to look at (pdftoppm -png).
func TestWriteSample(t *testing.T) {
	out := os.Getenv("REPORT_SAMPLE")
	if out == "" {
		t.Skip("set REPORT_SAMPLE=file.pdf to keep the sample document")
	}
	if err := os.WriteFile(out, sample(t), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestNoFont(t *testing.T) {
	if _, err := report.New("x", report.Fonts{}); err == nil {
		t.Fatal("a document without a font was started")
	}
}

// TestPageNumbers: a document that asks for page numbers has "Page n of N" on each of its
// pages, the total right on the first; one that does not ask has none.
func TestPageNumbers(t *testing.T) {
	write := func(numbered bool) (string, int) {
		d, err := report.New("Numbered", fynefont.Fonts())
		if err != nil {
			t.Fatal(err)
		}
		if numbered {
			d.NumberPages()
		}
		d.Title("Numbered")
		d.Paragraph(strings.Repeat("A line of the record that goes on. ", 300))
		d.PageBreak()
		d.Paragraph("The last page.")
		d.Figure(40, func(c *report.Canvas) {
			c.Box(0, 0, 100, 40, 0.5, report.Grey)
			c.Stroke([]report.Point{{X: 5, Y: 30}, {X: 40, Y: 5}, {X: 90, Y: 35}}, 1.2, report.Black)
			c.Stroke([]report.Point{{X: 50, Y: 20}}, 1.2, report.Black)
		})
		n := d.Pages()
		b, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		return pdftotext(t, b), n
	}
	text, n := write(true)
	if n < 3 {
		t.Fatalf("the sample has %d pages, want at least 3", n)
	}
	pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
	if len(pages) != n {
		t.Fatalf("pdftotext reads %d pages, the document says %d", len(pages), n)
	}
	for i, p := range pages {
		want := report.PageLabel(i+1, n)
		if strings.Count(p, want) != 1 || strings.Count(p, "Page ") != 1 {
			t.Errorf("page %d does not say %q once:\n%s", i+1, want, p)
		}
	}
	if text, _ := write(false); strings.Contains(text, "Page 1 of") {
		t.Error("a document that did not ask for page numbers has them")
	}
}
