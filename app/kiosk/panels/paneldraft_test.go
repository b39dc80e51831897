package panels_test

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/panel"
	"quietroom/app/session"
)

// TestPanelDiscussionDraft: the discussion notes the lead has typed and not recorded are kept,
// sealed, and come back exactly as typed when the lead opens the panel again; they are the
// lead's alone (no other member saves or reads one); nothing of them is in the data folder in
// the clear (the database, its WAL and shm); and once the discussion is recorded the draft goes.
func TestPanelDiscussionDraft(t *testing.T) {
	start := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	r := newBenchRoom(t, "Room 1", clocktest.New(start), kiosktest.Params, "")
	eng, err := r.k.CreateEngagement(ctx, r.admin, kiosk.NewEngagement{Title: "Recruitment: Band 6 nurse",
		Kind: session.KindRecruitment, DeletionDate: start.AddDate(0, 0, 90)})
	if err != nil {
		t.Fatal(err)
	}
	s := kiosktest.PanelSeed{Admin: r.admin, EngagementID: eng.ID, PINs: map[string]string{}}
	for _, p := range []struct {
		to        *session.Interviewer
		name, pin string
	}{{&s.Chair, "Sam (chair)", "111111"}, {&s.Staff, "Ravi (staff)", "222222"}, {&s.Partner, "Pat (carer)", "333333"}} {
		iv, err := r.k.AddInterviewer(ctx, r.admin, p.name, []byte(p.pin))
		if err != nil {
			t.Fatal(err)
		}
		*p.to, s.PINs[iv.ID] = iv, p.pin
	}
	e := &kiosktest.Env{Kiosk: r.k}
	chair := readyPanel(t, e, s)
	if err := chair.SetOrder(ctx, panel.OrderGuide); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"101", "102", "103"} {
		startInterview(t, e, chair, n)
	}
	// Typed exactly so: spaces at both ends, a line break, a quotation mark, a dash.
	typed := map[string]string{"101": "  QRDRAFT strong on carers,\n“kind” — listened ", "103": "QRDRAFTTWO spread talked through"}
	staff := openPanel(t, e, s, s.Staff.ID)
	if err := staff.SaveDiscussionDraft(ctx, typed); !errors.Is(err, panel.ErrNotLead) {
		t.Errorf("SaveDiscussionDraft by a member who does not lead = %v, want ErrNotLead", err)
	}
	if err := chair.SaveDiscussionDraft(ctx, typed); err != nil {
		t.Fatalf("SaveDiscussionDraft = %v", err)
	}
	chair.Close()
	// The lead signs in again: the notes are there as typed.
	chair = openPanel(t, e, s, s.Chair.ID)
	if got, err := chair.DiscussionDraft(); err != nil || !maps.Equal(got, typed) {
		t.Errorf("the lead's draft after signing in again = %q, %v; want %q", got, err, typed)
	}
	if err := staff.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := staff.DiscussionDraft(); err != nil || got != nil {
		t.Errorf("another member reads the lead's draft: %q, %v", got, err)
	}
	scan := func(when string) {
		t.Helper()
		files, _ := filepath.Glob(filepath.Join(r.data, "*"))
		if len(files) == 0 {
			t.Fatal("the data folder is empty")
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue // a folder
			}
			for _, word := range []string{"QRDRAFT", "strong on carers", "discussiondraft"} {
				if bytes.Contains(b, []byte(word)) {
					t.Errorf("%s: %s holds %q in the clear", when, filepath.Base(f), word)
				}
			}
		}
	}
	scan("with the draft saved")
	if err := chair.RecordDiscussion(ctx, typed); err != nil {
		t.Fatal(err)
	}
	if got, err := chair.DiscussionDraft(); err != nil || got != nil {
		t.Errorf("the draft after the discussion was recorded = %q, %v; want none", got, err)
	}
	if err := chair.SaveDiscussionDraft(ctx, typed); !errors.Is(err, panel.ErrDiscussed) {
		t.Errorf("SaveDiscussionDraft after the discussion = %v, want ErrDiscussed", err)
	}
	chair.Close()
	chair = openPanel(t, e, s, s.Chair.ID)
	if got, err := chair.DiscussionDraft(); err != nil || got != nil {
		t.Errorf("the draft, signed in again after the discussion was recorded = %q, %v; want none", got, err)
	}
	if p, err := chair.Progress(); err != nil || p.Discussion == nil || p.Discussion.Notes["101"] != typed["101"] {
		t.Errorf("the recorded discussion = %+v, %v; want the notes as typed", p.Discussion, err)
	}
	scan("with the discussion recorded")
}
