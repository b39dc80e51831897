package ui

import (
	"bytes"
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// TestPanelDiscussionNotesOutliveIdle: the lead types what the panel agrees to note about a
// candidate and walks away; the idle time-out goes Home. Signed in again, The discussion shows
// the note, and the note's screen holds it exactly as typed; the kiosk keeps it sealed, never
// in the clear. Once the discussion is recorded the draft goes.
func TestPanelDiscussionNotesOutliveIdle(t *testing.T) {
	r := newPanelRun(t, fyne.NewSize(800, 480))
	r.u.opts.IdleTimeout = 2 * time.Minute
	r.guide = true
	r.setUp()
	chair := r.seed.Chair.DisplayName
	r.fromLobby(chair)
	r.interview("101", false)
	r.fromLobby(chair)
	r.interview("102", false)
	r.fromLobby(chair)
	r.withdraw("103", "They did not attend")
	r.withdraw("104", "They did not attend")
	r.tap("The discussion")
	r.wantScreen("panel-discussion")
	r.tapStarting("Candidate 101")
	r.wantScreen("panel-discussion-note")
	typed := "  QRNOTE strong on carers,\n“kind” — listened "
	r.typeInto(0, typed)
	r.env.Clock.Advance(3 * time.Minute)
	r.u.Tick()
	r.wantScreen("home")
	if r.u.panels.panel != nil {
		t.Fatal("the lead's panel is still open after the idle time-out")
	}
	st, err := r.env.Store.Panels.Panel(context.Background(), r.seed.EngagementID)
	if err != nil {
		t.Fatal(err)
	}
	for id, b := range st.Items {
		if bytes.Contains(b, []byte("QRNOTE")) || bytes.Contains([]byte(id), []byte("QRNOTE")) {
			t.Error("the lead's draft of the discussion is stored in the clear")
		}
	}
	r.u.panels.showPanelLobby(r.seed.EngagementID, "")
	r.fromLobby(chair)
	r.wantScreen("panel-home")
	r.tap("The discussion")
	r.wantScreen("panel-discussion")
	r.see("discussion, the lead's draft kept")
	if !r.shows("QRNOTE strong on carers") {
		t.Errorf("The discussion after the idle time-out does not show the note typed; it says %q", r.buttonTexts())
	}
	r.tapStarting("Candidate 101")
	r.wantScreen("panel-discussion-note")
	if got := r.entry().Text; got != typed {
		t.Errorf("the note after the idle time-out = %q, want %q as typed", got, typed)
	}
	r.tap("Done")
	r.tap("Record the discussion")
	r.tap("Yes, record it")
	r.wantScreen("panel-discussion")
	if p, _ := r.u.panels.panel.Progress(); p.Discussion == nil || p.Discussion.Notes["101"] != typed {
		t.Errorf("the recorded discussion = %+v, want the note as typed", p.Discussion)
	}
	if d, err := r.u.panels.panel.DiscussionDraft(); err != nil || d != nil {
		t.Errorf("the draft after the discussion was recorded = %q, %v; want none", d, err)
	}
}
