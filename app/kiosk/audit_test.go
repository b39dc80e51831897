package kiosk_test

import (
	"errors"
	"testing"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
)

var errDisk = errors.New("disk I/O error")

// TestNoAdminActionWithoutItsAuditEntry: when the audit log cannot be written, the admin's
// action is not done, whether its entry shares the store's transaction (set-up, interviewers,
// engagements) or is written first (the pack library, the wrong-PIN lock).
func TestNoAdminActionWithoutItsAuditEntry(t *testing.T) {
	t.Run("Setup", func(t *testing.T) {
		e := kiosktest.New(t)
		e.Store.FailNext("AppendAudit", errDisk)
		if _, err := e.Kiosk.Setup(ctx, []byte("123456"), "Room 2"); !errors.Is(err, errDisk) {
			t.Fatalf("Setup with the audit log failing = %v, want %v", err, errDisk)
		}
		if first, _ := e.Kiosk.FirstBoot(ctx); !first {
			t.Error("the device is set up although its set-up was not audited")
		}
		if name, _ := e.Kiosk.RoomName(ctx); name != "" {
			t.Errorf("RoomName = %q, want none", name)
		}
		if _, err := e.Kiosk.Setup(ctx, []byte("123456"), "Room 2"); err != nil {
			t.Fatalf("Setup again = %v", err)
		}
		wantLast(t, e, "device.setup", "ok")
	})

	e, d := kiosktest.Seeded(t)
	a := admin(t, e, d)
	iv := demoInterviewer(t, e)

	t.Run("AddInterviewer", func(t *testing.T) {
		e.Store.FailNext("AppendAudit", errDisk)
		if _, err := e.Kiosk.AddInterviewer(ctx, a, "JB", []byte("555123")); !errors.Is(err, errDisk) {
			t.Fatalf("AddInterviewer = %v, want %v", err, errDisk)
		}
		if ivs, _ := e.Kiosk.Interviewers(ctx); len(ivs) != 1 {
			t.Errorf("Interviewers = %d, want the demo one only", len(ivs))
		}
	})

	t.Run("ResetPIN", func(t *testing.T) {
		e.Store.FailNext("AppendAudit", errDisk)
		told, err := e.Kiosk.PINResetEffects(ctx, a, iv.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Kiosk.ResetPIN(ctx, a, told, []byte("864200")); !errors.Is(err, errDisk) {
			t.Fatalf("ResetPIN = %v, want %v", err, errDisk)
		}
		s, err := e.Kiosk.SignIn(ctx, iv.ID, []byte(d.InterviewerPIN))
		if err != nil {
			t.Fatalf("SignIn with the old PIN after a failed reset = %v", err)
		}
		s.SignOut()
	})

	t.Run("CloseEngagement", func(t *testing.T) {
		engs, _ := e.Kiosk.Engagements(ctx)
		e.Store.FailNext("AppendAudit", errDisk)
		if err := e.Kiosk.CloseEngagement(ctx, a, engs[0].ID); !errors.Is(err, errDisk) {
			t.Fatalf("CloseEngagement = %v, want %v", err, errDisk)
		}
		if open, _ := e.Kiosk.Engagements(ctx); len(open) != len(engs) {
			t.Errorf("open engagements = %d, want %d", len(open), len(engs))
		}
	})

	t.Run("ClearLockOut", func(t *testing.T) {
		for range 4 {
			_, _ = e.Kiosk.SignIn(ctx, iv.ID, []byte("000000"))
		}
		e.Store.FailNext("AppendAudit", errDisk)
		if err := e.Kiosk.ClearLockOut(ctx, a, iv.ID); !errors.Is(err, kiosk.ErrNotAudited) || !errors.Is(err, errDisk) {
			t.Fatalf("ClearLockOut = %v, want ErrNotAudited and %v", err, errDisk)
		}
		if w, _ := e.Kiosk.PINDelay(ctx, iv.ID); w <= 0 {
			t.Error("the wrong-PIN delay was lifted although the audit log was not written")
		}
		if err := e.Kiosk.ClearLockOut(ctx, a, iv.ID); err != nil {
			t.Fatalf("ClearLockOut again = %v", err)
		}
		if w, _ := e.Kiosk.PINDelay(ctx, iv.ID); w != 0 {
			t.Errorf("PINDelay after ClearLockOut = %v, want 0", w)
		}
		wantLast(t, e, "interviewer.unlock", "ok")
	})

	t.Run("ImportPack", func(t *testing.T) {
		path := stickPack(t, e, "STICK/our-360.yaml", "our-360")
		e.Store.FailNext("AppendAudit", errDisk)
		if _, err := e.Kiosk.ImportPack(ctx, a, path); !errors.Is(err, kiosk.ErrNotAudited) {
			t.Fatalf("ImportPack = %v, want ErrNotAudited", err)
		}
		for _, p := range e.Kiosk.Packs() {
			if p.ID == "our-360" {
				t.Error("the pack was imported although the audit log was not written")
			}
		}
		if _, err := e.Kiosk.ImportPack(ctx, a, path); err != nil {
			t.Fatalf("ImportPack again = %v", err)
		}
		wantLast(t, e, "pack.import", "ok")
	})
}

// wantLast checks the newest audit entry.
func wantLast(t *testing.T, e *kiosktest.Env, action, outcome string) {
	t.Helper()
	log, err := e.Store.Audit(ctx, 1)
	if err != nil || len(log) != 1 || log[0].Action != action || log[0].Outcome != outcome {
		t.Errorf("last audit entry = %+v, %v; want %s %s", log, err, action, outcome)
	}
}
