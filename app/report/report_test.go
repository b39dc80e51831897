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
