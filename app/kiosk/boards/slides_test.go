package boards_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"quietroom/app/board"
	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/report/fynefont"
)

// TestExportSlides: the presentation leaves as its slides and its outline, both or neither,
// with a member's PIN and an audit entry; the slides hold the theme and insight the team chose
// and neither file an item in no theme, a note as a quote, a small group or a name.
func TestExportSlides(t *testing.T) {
	r := twoRooms(t)
	r.one.Interview(t, r.alice, pin, r.engOne, "peer-ai-staff-practice", "social workers", "NOTE-ALICE",
		"QUOTE-A1 the team really listens", "QUOTE-A2 left in no theme")
	contribute(t, r.one, r.alice, r.engOne, board.Rose)
	b := open(t, r.one, r.alice, r.engOne)
	items, err := b.Items(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w, err := b.Work(ctx)
	if err != nil {
		t.Fatal(err)
	}
	th, _ := w.AddTheme("THEME being listened to")
	in, _ := w.AddInsight(th, "INSIGHT staff feel heard")
	for _, it := range items {
		if strings.Contains(it.Text, "QUOTE-A1") {
			w.Move(it.ID, th)
			if err := w.PinQuote(in, it); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := kiosktest.BuildWork(ctx, b, w); err != nil {
		t.Fatal(err)
	}
	b.Close()

	slidesName, outlineName := boards.PresentationFiles("Peer challenge, Northshire Council")
	if slidesName != "Peer-challenge-Northshire-Council-slides.pdf" || outlineName != "Peer-challenge-Northshire-Council-outline.pdf" {
		t.Errorf("PresentationFiles = %q, %q", slidesName, outlineName)
	}
	// A file of the outline's name already on the stick: nothing of the export is written.
	taken := filepath.Join(r.stick, outlineName)
	if err := os.WriteFile(taken, []byte("someone's own file"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := boards.ExportSlides(ctx, r.one.SignIn(t, r.alice, pin), r.engOne, r.stick, fynefont.Fonts()); !errors.Is(err, os.ErrExist) {
		t.Fatalf("ExportSlides over an existing file = %v, want os.ErrExist", err)
	}
	if _, err := os.Stat(filepath.Join(r.stick, slidesName)); err == nil {
		t.Fatal("the slides were written though the outline could not be")
	}
	os.Remove(taken)

	paths, err := boards.ExportSlides(ctx, r.one.SignIn(t, r.alice, pin), r.engOne, r.stick, fynefont.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || filepath.Base(paths[0]) != slidesName || filepath.Base(paths[1]) != outlineName {
		t.Fatalf("ExportSlides wrote %v", paths)
	}
	slides, outline := pdfText(t, paths[0]), pdfText(t, paths[1])
	for _, want := range []string{"Key theme 1 of 1", "THEME being listened to", "INSIGHT staff feel heard", "“QUOTE-A1 the team really listens”"} {
		if !strings.Contains(slides, want) {
			t.Errorf("the slides lack %q:\n%s", want, slides)
		}
	}
	if !regexp.MustCompile(`1\s*/\s*6`).MatchString(slides) {
		t.Errorf("the slides lack the counter 1 / 6:\n%s", slides)
	}
	if !strings.Contains(outline, "Key insights") || !strings.Contains(outline, "INSIGHT staff feel heard") {
		t.Errorf("the outline lacks the insight:\n%s", outline)
	}
	for _, text := range []string{slides, outline} {
		for _, never := range []string{"QUOTE-A2", "NOTE-ALICE", "Alice", "social workers", "2026"} {
			if strings.Contains(text, never) {
				t.Errorf("an exported file holds %q", never)
			}
		}
	}
	audit, _ := r.one.Kiosk.Audit(ctx, r.one.Admin, 0)
	if audit[0].Action != "board.presentation.export" || audit[0].Count != 1 {
		t.Errorf("last audit entry = %+v", audit[0])
	}
	entries, _ := os.ReadDir(r.stick)
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".pdf") {
			names = append(names, e.Name())
		}
	}
	if !slices.Equal(names, []string{outlineName, slidesName}) {
		t.Errorf("the stick holds %v", names)
	}
}
