package kiosk_test

import (
	"testing"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/session"
	"quietroom/hw"
)

// TestInterruptedSessionKeepsTheRoomOccupied: a restart in the middle of an interview leaves the
// room shown as occupied until the interviewer signs in, continues it and seals it.
func TestInterruptedSessionKeepsTheRoomOccupied(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	if busy, err := e.Kiosk.Interrupted(ctx); err != nil || busy {
		t.Fatalf("Interrupted on a fresh device = %v, %v; want false", busy, err)
	}
	ivID := startDemo(t, e, d)
	en := e.Kiosk.Engine()
	if busy, _ := e.Kiosk.Interrupted(ctx); busy {
		t.Error("Interrupted = true while the engine runs the session itself")
	}
	if err := en.ShowPreamble(ctx); err != nil {
		t.Fatal(err)
	}
	if err := en.ShowConsent(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := en.GiveConsent(ctx, session.Consent{Choices: map[string]bool{"take-part": true, "notes": true, "follow-up": false}}); err != nil {
		t.Fatal(err)
	}

	after := e.Restart(t) // power cut: the engine is empty, the light a new one
	busy, err := after.Kiosk.Interrupted(ctx)
	if err != nil || !busy {
		t.Fatalf("Interrupted after a restart = %v, %v; want true", busy, err)
	}
	after.Kiosk.Engine().Tick() // the UI's first tick: the engine has no session and says free
	if st, _ := after.Light.State(); st != hw.Occupied {
		t.Errorf("light after the restart and a tick = %v, want occupied", st)
	}

	s, err := after.Kiosk.SignIn(ctx, ivID, []byte(d.InterviewerPIN))
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Sessions(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("Sessions = %+v, %v; want the interrupted one", list, err)
	}
	if err := s.Reopen(ctx, list[0].ID); err != nil {
		t.Fatal(err)
	}
	if got := after.Kiosk.Engine().State(); got != session.StateQuestions {
		t.Fatalf("state after continuing = %s, want questions", got)
	}
	en2 := after.Kiosk.Engine()
	if err := en2.ShowClosing(ctx); err != nil {
		t.Fatal(err)
	}
	if err := en2.StartWriteUp(ctx); err != nil {
		t.Fatal(err)
	}
	if err := en2.Seal(ctx); err != nil {
		t.Fatal(err)
	}
	if busy, _ := after.Kiosk.Interrupted(ctx); busy {
		t.Error("Interrupted = true after the session was sealed")
	}
	if st, _ := after.Light.State(); st != hw.Free {
		t.Errorf("light after sealing = %v, want free", st)
	}
}
