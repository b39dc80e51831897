package kiosk_test

import (
	"errors"
	"testing"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
)

// TestEmptyPINIsNoAttempt: OK with nothing typed (on the hand-back screen an interviewee can
// press it as often as they like) costs the interviewer no try and starts no delay.
func TestEmptyPINIsNoAttempt(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	iv := demoInterviewer(t, e)
	for i := range 20 {
		if _, err := e.Kiosk.SignIn(ctx, iv.ID, nil); !errors.Is(err, kiosk.ErrNoPIN) {
			t.Fatalf("SignIn with no PIN (%d) = %v, want ErrNoPIN", i+1, err)
		}
		if _, err := e.Kiosk.SignInAdmin(ctx, []byte{}); !errors.Is(err, kiosk.ErrNoPIN) {
			t.Fatalf("SignInAdmin with no credential (%d) = %v, want ErrNoPIN", i+1, err)
		}
	}
	if w, err := e.Kiosk.PINDelay(ctx, iv.ID); err != nil || w != 0 {
		t.Errorf("PINDelay after empty PINs = %v, %v; want no delay", w, err)
	}
	s, err := e.Kiosk.SignIn(ctx, iv.ID, []byte(d.InterviewerPIN))
	if err != nil {
		t.Fatalf("SignIn with the right PIN after empty ones = %v, want it to open at once", err)
	}
	s.SignOut()
	if _, err := e.Kiosk.SignInAdmin(ctx, []byte(d.AdminCredential)); err != nil {
		t.Errorf("SignInAdmin after empty ones = %v, want it to open at once", err)
	}
}
