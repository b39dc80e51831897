package kiosk_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/demo"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/protocol"
	"quietroom/app/session"
	"quietroom/app/vault"
	"quietroom/hw"
)

var ctx = context.Background()

func admin(t *testing.T, e *kiosktest.Env, d demo.Demo) *kiosk.Admin {
	t.Helper()
	a, err := e.Kiosk.SignInAdmin(ctx, []byte(d.AdminCredential))
	if err != nil {
		t.Fatalf("SignInAdmin = %v", err)
	}
	return a
}

func demoInterviewer(t *testing.T, e *kiosktest.Env) session.Interviewer {
	t.Helper()
	ivs, err := e.Kiosk.Interviewers(ctx)
	if err != nil || len(ivs) != 1 {
		t.Fatalf("Interviewers = %v, %v; want one", ivs, err)
	}
	if ivs[0].KeySlot != nil {
		t.Error("Interviewers returned a key slot")
	}
	return ivs[0]
}

func TestFirstBootAndSetup(t *testing.T) {
	e := kiosktest.New(t)
	first, err := e.Kiosk.FirstBoot(ctx)
	if err != nil || !first {
		t.Fatalf("FirstBoot = %v, %v; want true", first, err)
	}
	if _, err := e.Kiosk.SignInAdmin(ctx, []byte("1234")); !errors.Is(err, kiosk.ErrNotSetUp) {
		t.Errorf("SignInAdmin before setup = %v, want ErrNotSetUp", err)
	}
	for _, tc := range []struct {
		name, cred, room string
	}{
		{"short credential", "12345", "Room 2"},
		{"no room name", "123456", "  "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := e.Kiosk.Setup(ctx, []byte(tc.cred), tc.room); !errors.Is(err, kiosk.ErrInvalid) {
				t.Errorf("Setup = %v, want ErrInvalid", err)
			}
		})
	}
	if _, err := e.Kiosk.Setup(ctx, []byte("123456"), "Room 2"); err != nil {
		t.Fatalf("Setup = %v", err)
	}
	if name, _ := e.Kiosk.RoomName(ctx); name != "Room 2" {
		t.Errorf("RoomName = %q, want Room 2", name)
	}
	if _, err := e.Kiosk.Setup(ctx, []byte("999999"), "Other"); !errors.Is(err, kiosk.ErrAlreadySetUp) {
		t.Errorf("second Setup = %v, want ErrAlreadySetUp", err)
	}
	if _, err := e.Kiosk.SignInAdmin(ctx, []byte("000000")); !errors.Is(err, vault.ErrWrongCredential) {
		t.Errorf("SignInAdmin wrong = %v, want ErrWrongCredential", err)
	}
	if _, err := e.Kiosk.SignInAdmin(ctx, []byte("123456")); err != nil {
		t.Errorf("SignInAdmin = %v", err)
	}
}

func TestSignInRateLimit(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	iv := demoInterviewer(t, e)
	for i := range 4 {
		if _, err := e.Kiosk.SignIn(ctx, iv.ID, []byte("000000")); !errors.Is(err, vault.ErrWrongCredential) {
			t.Fatalf("wrong PIN %d = %v, want ErrWrongCredential", i+1, err)
		}
	}
	_, err := e.Kiosk.SignIn(ctx, iv.ID, []byte(d.InterviewerPIN))
	if !errors.Is(err, vault.ErrTooSoon) {
		t.Fatalf("right PIN too soon = %v, want ErrTooSoon", err)
	}
	if w, err := e.Kiosk.PINDelay(ctx, iv.ID); err != nil || w <= 0 {
		t.Errorf("PINDelay = %v, %v; want a delay", w, err)
	}
	e.Clock.Advance(time.Minute)
	s, err := e.Kiosk.SignIn(ctx, iv.ID, []byte(d.InterviewerPIN))
	if err != nil {
		t.Fatalf("SignIn after the delay = %v", err)
	}
	s.SignOut()
}

func TestLockOutClearedByAdmin(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	iv := demoInterviewer(t, e)
	for range 10 {
		_, _ = e.Kiosk.SignIn(ctx, iv.ID, []byte("000000"))
		e.Clock.Advance(time.Hour)
	}
	if _, err := e.Kiosk.SignIn(ctx, iv.ID, []byte(d.InterviewerPIN)); !errors.Is(err, vault.ErrLockedOut) {
		t.Fatalf("SignIn locked out = %v, want ErrLockedOut", err)
	}
	a := admin(t, e, d)
	st, err := e.Kiosk.AllInterviewers(ctx, a)
	if err != nil || len(st) != 1 || !st[0].LockedOut {
		t.Fatalf("AllInterviewers = %+v, %v; want one locked out", st, err)
	}
	if err := e.Kiosk.ClearLockOut(ctx, a, iv.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Kiosk.SignIn(ctx, iv.ID, []byte(d.InterviewerPIN)); err != nil {
		t.Errorf("SignIn after clear = %v", err)
	}
	told, err := e.Kiosk.PINResetEffects(ctx, a, iv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Kiosk.ResetPIN(ctx, a, told, []byte("864200")); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Kiosk.SignIn(ctx, iv.ID, []byte("864200")); err != nil {
		t.Errorf("SignIn with the reset PIN = %v", err)
	}
}

func TestAdminActionsNeedAdmin(t *testing.T) {
	e, _ := kiosktest.Seeded(t)
	var nobody *kiosk.Admin
	checks := map[string]error{}
	_, checks["AllEngagements"] = e.Kiosk.AllEngagements(ctx, nobody)
	_, checks["CreateEngagement"] = e.Kiosk.CreateEngagement(ctx, nobody, kiosk.NewEngagement{Title: "x", DeletionDate: kiosktest.Start.AddDate(0, 1, 0)})
	_, checks["WipeEngagement"] = e.Kiosk.WipeEngagement(ctx, nobody, "x")
	_, checks["AddInterviewer"] = e.Kiosk.AddInterviewer(ctx, nobody, "AB", []byte("1234"))
	_, checks["Audit"] = e.Kiosk.Audit(ctx, nobody, 0)
	_, checks["Receipts"] = e.Kiosk.Receipts(ctx, nobody)
	checks["ClearLockOut"] = e.Kiosk.ClearLockOut(ctx, nobody, "x")
	checks["ConfirmClock"] = e.Kiosk.ConfirmClock(ctx, nobody)
	for name, err := range checks {
		t.Run(name, func(t *testing.T) {
			if !errors.Is(err, vault.ErrNotAdmin) {
				t.Errorf("%s without admin = %v, want ErrNotAdmin", name, err)
			}
		})
	}
}

func TestEngagementAdmin(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	a := admin(t, e, d)
	for _, tc := range []struct {
		name string
		n    kiosk.NewEngagement
	}{
		{"no title", kiosk.NewEngagement{DeletionDate: kiosktest.Start.AddDate(0, 1, 0)}},
		{"no date", kiosk.NewEngagement{Title: "Peer challenge"}},
		{"date passed", kiosk.NewEngagement{Title: "Peer challenge", DeletionDate: kiosktest.Start.AddDate(0, 0, -1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := e.Kiosk.CreateEngagement(ctx, a, tc.n); !errors.Is(err, kiosk.ErrInvalid) {
				t.Errorf("CreateEngagement = %v, want ErrInvalid", err)
			}
		})
	}
	eng, err := e.Kiosk.CreateEngagement(ctx, a, kiosk.NewEngagement{
		Title: " Peer challenge, host authority ", DeletionDate: kiosktest.Start.AddDate(0, 2, 0),
		StakeholderGroups: []string{"staff", " staff", "", "service users"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if eng.Title != "Peer challenge, host authority" || len(eng.StakeholderGroups) != 2 {
		t.Errorf("CreateEngagement = %+v; want a trimmed title and two groups", eng)
	}
	if err := e.Kiosk.PlaceHold(ctx, a, eng.ID, ""); err == nil {
		t.Error("PlaceHold without a reason succeeded")
	}
	if err := e.Kiosk.PlaceHold(ctx, a, eng.ID, "dispute"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Kiosk.WipeEngagement(ctx, a, eng.ID); err == nil {
		t.Error("WipeEngagement on hold succeeded")
	}
	if err := e.Kiosk.CloseEngagement(ctx, a, eng.ID); err != nil {
		t.Fatal(err)
	}
	open, _ := e.Kiosk.Engagements(ctx)
	for _, o := range open {
		if o.ID == eng.ID {
			t.Error("Engagements lists a closed engagement")
		}
	}
}

func startDemo(t *testing.T, e *kiosktest.Env, d demo.Demo) string {
	t.Helper()
	iv := demoInterviewer(t, e)
	s, err := e.Kiosk.SignIn(ctx, iv.ID, []byte(d.InterviewerPIN))
	if err != nil {
		t.Fatal(err)
	}
	engs, _ := e.Kiosk.Engagements(ctx)
	pack, _ := protocol.BuiltinPack("leadership-360")
	if err := s.StartSession(ctx, kiosk.SessionSetup{EngagementID: engs[0].ID, Pack: pack, Label: "peers"}); err != nil {
		t.Fatalf("StartSession = %v", err)
	}
	if err := s.StartSession(ctx, kiosk.SessionSetup{EngagementID: engs[0].ID, Pack: pack, Label: "peers"}); !errors.Is(err, kiosk.ErrSignedOut) {
		t.Errorf("second StartSession = %v, want ErrSignedOut (the key is locked after the start)", err)
	}
	return iv.ID
}

func TestSessionSealReopenAndWipe(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	ivID := startDemo(t, e, d)
	en := e.Kiosk.Engine()
	if st, _ := e.Light.State(); st != hw.Occupied {
		t.Errorf("light = %v, want occupied", st)
	}
	steps := []func() error{
		func() error { return en.ShowPreamble(ctx) },
		func() error { return en.ShowConsent(ctx) },
		func() error {
			_, err := en.GiveConsent(ctx, session.Consent{Choices: map[string]bool{"take-part": true, "notes": true, "follow-up": false}})
			return err
		},
		func() error {
			tp, _, _ := en.CurrentTopic()
			return en.SetNote(ctx, tp.ID, "clear direction")
		},
		func() error { return en.ShowClosing(ctx) },
		func() error { return en.StartWriteUp(ctx) },
		func() error { return en.Seal(ctx) },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	if st, _ := e.Light.State(); st != hw.Free {
		t.Errorf("light after seal = %v, want free", st)
	}

	s, err := e.Kiosk.SignIn(ctx, ivID, []byte(d.InterviewerPIN))
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Sessions(ctx)
	if err != nil || len(list) != 1 || list[0].State != session.StateSealed {
		t.Fatalf("Sessions = %+v, %v; want one sealed", list, err)
	}
	if err := s.Reopen(ctx, list[0].ID); err != nil {
		t.Fatal(err)
	}
	tp := en.Topics()[0]
	if got := en.Note(tp.ID); got != "clear direction" {
		t.Errorf("reopened note = %q, want %q", got, "clear direction")
	}
	if err := en.Seal(ctx); err != nil {
		t.Fatal(err)
	}

	// Another interviewer cannot open it.
	a := admin(t, e, d)
	other, err := e.Kiosk.AddInterviewer(ctx, a, "JB", []byte("555123"))
	if err != nil {
		t.Fatal(err)
	}
	o, err := e.Kiosk.SignIn(ctx, other.ID, []byte("555123"))
	if err != nil {
		t.Fatal(err)
	}
	if mine, _ := o.Sessions(ctx); len(mine) != 0 {
		t.Errorf("other interviewer's Sessions = %d, want 0", len(mine))
	}
	if err := o.Reopen(ctx, list[0].ID); !errors.Is(err, kiosk.ErrNotYours) {
		t.Errorf("other interviewer's Reopen = %v, want ErrNotYours", err)
	}

	r, err := e.Kiosk.WipeEngagement(ctx, a, list[0].EngagementID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Sessions != 1 {
		t.Errorf("receipt sessions = %d, want 1", r.Sessions)
	}
	if h := e.Light.History(); h[len(h)-2] != hw.Maintenance || h[len(h)-1] != hw.Free {
		t.Errorf("light history %v; want maintenance then free at the end", h)
	}
	receipts, _ := e.Kiosk.Receipts(ctx, a)
	if len(receipts) != 1 {
		t.Errorf("Receipts = %d, want 1", len(receipts))
	}
}

func TestWipeRefusedWhileSessionLive(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	startDemo(t, e, d)
	a := admin(t, e, d)
	engs, _ := e.Kiosk.Engagements(ctx)
	if _, err := e.Kiosk.WipeEngagement(ctx, a, engs[0].ID); !errors.Is(err, session.ErrSessionLive) {
		t.Errorf("WipeEngagement during a session = %v, want ErrSessionLive", err)
	}
}

func TestLightTestAndRestore(t *testing.T) {
	e := kiosktest.New(t)
	l := e.Kiosk.Light()
	for _, s := range hw.States() {
		if err := l.Test(s); err != nil {
			t.Fatalf("Test(%v) = %v", s, err)
		}
		if got, _ := e.Light.State(); got != s {
			t.Errorf("light = %v, want %v", got, s)
		}
	}
	l.Restore()
	if got, _ := e.Light.State(); got != hw.Free {
		t.Errorf("after Restore light = %v, want free", got)
	}
}
