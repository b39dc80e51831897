package kiosk_test

import (
	"errors"
	"testing"
	"time"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/retention"
	"quietroom/app/session"
)

// TestClockAheadAfterARestart: a clock set weeks ahead while the kiosk was off is reported and
// trusted only once an admin confirms it; the confirmation is in the audit log.
func TestClockAheadAfterARestart(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	a := admin(t, e, d)
	if err := e.Kiosk.ConfirmClock(ctx, a); !errors.Is(err, retention.ErrClockUnconfirmed) {
		t.Errorf("ConfirmClock of a right clock = %v, want ErrClockUnconfirmed", err)
	}
	e.Clock.Set(kiosktest.Start.AddDate(0, 0, 15))
	e = e.Restart(t)
	if st, err := e.Kiosk.Clock(ctx); err != nil || st.State != retention.ClockAhead {
		t.Fatalf("Clock after a jump ahead = %v, %v; want ahead", st.State, err)
	}
	a = admin(t, e, d)
	if err := e.Kiosk.ConfirmClock(ctx, a); err != nil {
		t.Fatalf("ConfirmClock = %v", err)
	}
	if st, _ := e.Kiosk.Clock(ctx); st.State != retention.ClockOK {
		t.Errorf("Clock after ConfirmClock = %v, want ok", st.State)
	}
	if log, _ := e.Kiosk.Audit(ctx, a, 1); len(log) != 1 || log[0].Action != "clock.confirm" {
		t.Errorf("last audit entry = %+v, want clock.confirm", log)
	}
}

// TestClockBehindWhileRunning: a clock set back while the kiosk runs is reported behind.
func TestClockBehindWhileRunning(t *testing.T) {
	e, _ := kiosktest.Seeded(t)
	e.Clock.Set(kiosktest.Start.Add(-time.Hour))
	if st, err := e.Kiosk.Clock(ctx); err != nil || st.State != retention.ClockBehind {
		t.Errorf("Clock set back = %v, %v; want behind", st.State, err)
	}
}

// TestSetDeletionDateKeepsRetentionRules: the admin's date change runs retention's own rules:
// a date is required, a session's date is brought forward with its engagement's, and the
// change is in the audit log.
func TestSetDeletionDateKeepsRetentionRules(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	startDemo(t, e, d)
	en := e.Kiosk.Engine()
	if err := en.ShowPreamble(ctx); err != nil {
		t.Fatal(err)
	}
	if err := en.ShowConsent(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := en.GiveConsent(ctx, session.Consent{Choices: map[string]bool{"take-part": true, "notes": true, "follow-up": false}}); err != nil {
		t.Fatal(err)
	}
	a := admin(t, e, d)
	engs, _ := e.Kiosk.Engagements(ctx)
	id := engs[0].ID
	if err := e.Kiosk.SetDeletionDate(ctx, a, id, time.Time{}); !errors.Is(err, retention.ErrNoDeletionDate) {
		t.Errorf("SetDeletionDate(zero) = %v, want ErrNoDeletionDate", err)
	}
	sooner := kiosktest.Start.AddDate(0, 0, 7)
	if err := e.Kiosk.SetDeletionDate(ctx, a, id, sooner); err != nil {
		t.Fatalf("SetDeletionDate = %v", err)
	}
	sessions := e.Store.Snapshot().Sessions
	if len(sessions) != 1 {
		t.Fatalf("stored sessions = %d, want 1", len(sessions))
	}
	for _, r := range sessions {
		if !r.DeletionDate.Equal(sooner) {
			t.Errorf("session's deletion date = %v, want it brought forward to %v", r.DeletionDate, sooner)
		}
	}
	if log, _ := e.Kiosk.Audit(ctx, a, 1); len(log) != 1 || log[0].Action != "deletion-date.set" || log[0].EngagementID != id {
		t.Errorf("last audit entry = %+v, want deletion-date.set of %s", log, id)
	}
}
