package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"quietroom/app/kiosk/kiosktest"
)

// TestTickerWakesOnlyWhenTheScreenCanChange runs the real ticker on the test clock, second by
// second: Home's clock and a live session's timer show the right minute at every second, yet
// the ticker wakes about once a minute (each second only in the session's last minute), not
// sixty times.
func TestTickerWakesOnlyWhenTheScreenCanChange(t *testing.T) {
	test.NewTempApp(t)
	env, d := kiosktest.Seeded(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(800, 480))
	t.Cleanup(w.Close)
	u := New(w, env.Kiosk, Options{Clock: env.Clock, IdleTimeout: time.Minute})
	env.Clock.Advance(17*time.Second + 300*time.Millisecond) // start off the whole minute
	u.Start()
	t.Cleanup(u.Stop)
	h := &harness{t: t, env: env, d: d, u: u, w: w}

	seconds := func(what string, n time.Duration, most int, check func()) {
		t.Helper()
		before := u.ticks
		for s := time.Duration(0); s < n; s += time.Second {
			env.Clock.Advance(time.Second)
			check()
		}
		if got := u.ticks - before; got > most {
			t.Errorf("%s: the ticker woke %d times in %v, want at most %d", what, got, n, most)
		}
	}

	seconds("Home", 10*time.Minute, 11, func() {
		if want := env.Kiosk.Now().Format(dateTimeLayout); !h.shows(want) {
			t.Fatalf("at %v Home's clock does not show %q", env.Kiosk.Now(), want)
		}
	})

	// An idle screen goes back to Home at the time-out, and Home's clock keeps the minute.
	h.tap("Admin")
	if h.u.current != screenIdle {
		t.Fatalf("the admin sign-in is not an idle screen")
	}
	seconds("an idle screen", time.Minute, 3, func() {})
	h.wantScreen("home")
	seconds("Home after the time-out", 3*time.Minute, 4, func() {
		if want := env.Kiosk.Now().Format(dateTimeLayout); !h.shows(want) {
			t.Fatalf("at %v Home's clock does not show %q", env.Kiosk.Now(), want)
		}
	})

	h.toQuestions()
	start, planned := env.Kiosk.Now(), 30*time.Minute
	seconds("a live session", 35*time.Minute, 35+60+5, func() {
		el := env.Kiosk.Now().Sub(start)
		want := lang.L("{{.Elapsed}} elapsed · {{.Left}} left", map[string]any{"Elapsed": minutesText(el, false), "Left": minutesText(planned-el, true)})
		if el >= planned {
			want = lang.L("{{.Elapsed}} elapsed · {{.Over}} over time", map[string]any{"Elapsed": minutesText(el, false), "Over": minutesText(el-planned, false)})
		}
		if !h.shows(want) {
			t.Fatalf("%v into the session the timer does not show %q", el, want)
		}
	})
}
