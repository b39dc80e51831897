package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"quietroom/app/kiosk/kiosktest"
)

// TestPINCheckShowsItIsWorkingAtOnce: the check of a PIN (Argon2id: seconds on a busy Pi)
// waits until the pad's "Checking…" has been drawn, so the person who tapped OK sees at once
// that the kiosk is working; a screen left while it waits is not signed in behind their back.
func TestPINCheckShowsItIsWorkingAtOnce(t *testing.T) {
	test.NewTempApp(t)
	env, d := kiosktest.Seeded(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(800, 480))
	t.Cleanup(w.Close)
	u := New(w, env.Kiosk, Options{Clock: env.Clock, IdleTimeout: time.Hour})
	u.Start()
	t.Cleanup(u.Stop)
	h := &harness{t: t, env: env, d: d, u: u, w: w}

	h.tap("Start")
	h.tap(d.InterviewerName)
	for _, r := range d.InterviewerPIN {
		h.tap(string(r))
	}
	h.tap("OK")
	h.wantScreen("pin")
	if !h.shows("Checking…") {
		t.Errorf("after OK the pad does not say it is checking: %s", h.allTexts())
	}
	h.tap("1") // keys wait while the PIN is checked
	env.Clock.Advance(settleDelay)
	h.wantScreen("interviewer")

	// A PIN whose screen is left before its check starts signs nobody in.
	h.u.showHome()
	h.tap("Start")
	h.tap(d.InterviewerName)
	for _, r := range d.InterviewerPIN {
		h.tap(string(r))
	}
	h.tap("OK")
	h.u.showHome() // as Back, or the idle time-out, would
	env.Clock.Advance(settleDelay)
	h.wantScreen("home")
	if u.signedIn != nil {
		t.Error("a PIN checked after its screen was left signed the interviewer in")
	}
}
