package protocol

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestPreamblePages(t *testing.T) {
	p := mustLoad(t, "testdata/valid.yaml")
	date := time.Date(2026, time.March, 3, 0, 0, 0, 0, time.UTC)
	pages, err := p.PreamblePages(45, date)
	if err != nil {
		t.Fatalf("PreamblePages = %v", err)
	}
	want := []Page{
		{Title: "Welcome", Text: "This takes about 45 minutes."},
		{Title: "Deletion", Text: "Every record is deleted on Tuesday 3 March 2026."},
	}
	for i := range want {
		if pages[i] != want[i] {
			t.Errorf("page %d = %+v, want %+v", i, pages[i], want[i])
		}
	}
	if p.Preamble[0].Text != "This takes about {minutes} minutes." {
		t.Errorf("PreamblePages changed the pack: %q", p.Preamble[0].Text)
	}
	if _, err := p.PreamblePages(30, time.Time{}); !errors.Is(err, ErrPreambleValues) {
		t.Errorf("PreamblePages(30, zero date) = %v, want ErrPreambleValues", err)
	}
	if _, err := p.PreamblePages(0, date); !errors.Is(err, ErrPreambleValues) {
		t.Errorf("PreamblePages(0, date) = %v, want ErrPreambleValues", err)
	}
}

// TestBuiltinPreamblesFill: no built-in page is left with a placeholder, and each says the date.
// The peer-challenge packs say the engagement's own follow-up date, never the handbook's
// "four-month", and cannot be shown without it.
func TestBuiltinPreamblesFill(t *testing.T) {
	date := time.Date(2026, time.March, 3, 12, 0, 0, 0, time.UTC)
	followUp := time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC) // three months after a visit
	for _, p := range Builtin() {
		pages, err := p.FillPreamble(PreambleValues{Minutes: p.DurationMinutes, DeletionDate: date, FollowUpDate: followUp})
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		if strings.HasPrefix(p.ID, "peer-") {
			all := ""
			for _, pg := range pages {
				all += pg.Text + "\n"
			}
			if !strings.Contains(all, "The follow up visit is on Monday 2 March 2026.") || strings.Contains(all, "four-month") {
				t.Errorf("%s: preamble does not give the engagement's follow-up date, or says four-month:\n%s", p.ID, all)
			}
			if _, err := p.PreamblePages(p.DurationMinutes, date); !errors.Is(err, ErrPreambleValues) {
				t.Errorf("%s: preamble without a follow-up date = %v, want ErrPreambleValues", p.ID, err)
			}
		}
		all := ""
		for _, pg := range pages {
			all += pg.Title + "\n" + pg.Text + "\n"
		}
		if strings.ContainsAny(all, "{}") {
			t.Errorf("%s: preamble still has a placeholder:\n%s", p.ID, all)
		}
		if !strings.Contains(all, "Tuesday 3 March 2026") {
			t.Errorf("%s: preamble does not show the deletion date", p.ID)
		}
	}
}
