package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk/demo"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/ui"
	"quietroom/app/ui/uitest"
	"quietroom/hw"
)

// journey is the kiosk UI on the fyne test driver and the kiosktest fakes, at the real window's
// size. The memory benchmark runs a session in it; the CPU benchmark uses it as a map of the
// real window: where each button is, so that xdotool can click the same place on Xvfb.
type journey struct {
	tb  testing.TB
	env *kiosktest.Env
	d   demo.Demo
	u   *ui.UI
	w   fyne.Window
	// beforeConsent, when set, runs on the consent screen before its choices are confirmed
	// (the smoke test signs there).
	beforeConsent func()
}

func newJourney(tb testing.TB) *journey {
	tb.Helper()
	test.NewTempApp(tb)
	env, d := kiosktest.Seeded(tb)
	// The demo surveys, as `run --dev` seeds them: Home offers the open one. (The demo team
	// board needs board storage, which the in-memory kiosk has not; it adds an engagement
	// below the demo one, which moves nothing this journey taps.)
	if err := demo.SeedSurvey(context.Background(), env.Kiosk, d.AdminCredential); err != nil {
		tb.Fatal(err)
	}
	// And the demo panel, whose engagement is listed below the demo one, as in a --dev run.
	if _, err := demo.SeedPanel(context.Background(), env.Kiosk, d); err != nil {
		tb.Fatal(err)
	}
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(800, 480))
	tb.Cleanup(w.Close)
	// A light subscription as in a --dev run, so the layers match the real window.
	light := func(func(hw.State)) func() { return func() {} }
	u := ui.New(w, env.Kiosk, ui.Options{NoTicker: true, Light: light, Wiring: hw.TwoColour})
	u.Start()
	tb.Cleanup(u.Stop)
	return &journey{tb: tb, env: env, d: d, u: u, w: w}
}

// objects is everything visible in the window, in tree order.
func (j *journey) objects() []fyne.CanvasObject { return uitest.Objects(j.w.Content()) }

// button is the nth enabled button labelled text (0 is the first).
func (j *journey) button(text string, nth int) *widget.Button {
	j.tb.Helper()
	var texts []string
	for _, o := range j.objects() {
		var b *widget.Button
		switch x := o.(type) {
		case *ui.Button:
			b = &x.Button
		case *widget.Button:
			b = x
		default:
			continue
		}
		texts = append(texts, b.Text)
		if b.Text == text && !b.Disabled() {
			if nth == 0 {
				return b
			}
			nth--
		}
	}
	j.tb.Fatalf("screen %s: no button %q; buttons: %q", j.u.Screen(), text, texts)
	return nil
}

// centre is where a finger would tap the button, in window coordinates.
func (j *journey) centre(b *widget.Button) fyne.Position {
	j.tb.Helper()
	at, size := j.place(func(o fyne.CanvasObject) bool { return isButton(o, b) || o == fyne.CanvasObject(b) })
	return at.Add(fyne.NewPos(size.Width/2, size.Height/2))
}

// place is where the first object that match accepts sits in the window, and its size. It lays
// the window out first, from the top down, as the desktop driver does before it draws a
// frame: the test driver leaves new content unlaid until something asks.
func (j *journey) place(match func(fyne.CanvasObject) bool) (fyne.Position, fyne.Size) {
	j.tb.Helper()
	var at fyne.Position
	var size fyne.Size
	found := false
	var walk func(o fyne.CanvasObject, origin fyne.Position)
	walk = func(o fyne.CanvasObject, origin fyne.Position) {
		if found || o == nil || !o.Visible() {
			return
		}
		pos := origin.Add(o.Position())
		if match(o) {
			at, size, found = pos, o.Size(), true
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			if x.Layout != nil {
				x.Layout.Layout(x.Objects, x.Size())
			}
			for _, c := range x.Objects {
				walk(c, pos)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(x)
			r.Layout(x.Size())
			for _, c := range r.Objects() {
				walk(c, pos)
			}
		}
	}
	walk(j.w.Content(), fyne.Position{})
	if !found {
		j.tb.Fatalf("screen %s: the object looked for is not in the window", j.u.Screen())
	}
	return at, size
}

// isButton reports whether o is the kiosk's touch-sized Button around b.
func isButton(o fyne.CanvasObject, b *widget.Button) bool {
	x, ok := o.(*ui.Button)
	return ok && &x.Button == b
}

func (j *journey) has(text string) bool {
	for _, o := range j.objects() {
		switch x := o.(type) {
		case *ui.Button:
			if x.Text == text && !x.Disabled() {
				return true
			}
		case *widget.Button:
			if x.Text == text && !x.Disabled() {
				return true
			}
		}
	}
	return false
}

func (j *journey) wantScreen(name string) {
	j.tb.Helper()
	if got := j.u.Screen(); got != name {
		j.tb.Fatalf("screen = %s, want %s", got, name)
	}
}

// toQuestions runs the interview's start, as ui's journey test does, from Home to the
// questions with a live timer. Before each tap it calls click with the button's label and
// centre; pin is the PIN to click (the real program's), while the map types its own.
func (j *journey) toQuestions(pin string, click func(label string, at fyne.Position)) {
	j.tb.Helper()
	tap := func(text string, nth int) {
		j.tb.Helper()
		b := j.button(text, nth)
		click(fmt.Sprintf("%s %q", j.u.Screen(), text), j.centre(b))
		test.Tap(b)
	}
	enterPIN := func() {
		j.tb.Helper()
		for _, r := range pin {
			click(fmt.Sprintf("%s digit", j.u.Screen()), j.centre(j.button(string(r), 0)))
		}
		for _, r := range j.d.InterviewerPIN {
			test.Tap(j.button(string(r), 0))
		}
		tap("OK", 0)
	}
	j.wantScreen("home")
	tap("Start", 0)
	tap(j.d.InterviewerName, 0)
	enterPIN()
	j.wantScreen("interviewer")
	tap("Start a new session", 0)
	tap(j.d.EngagementTitle, 0)
	tap("360-degree leadership interview (30 min)", 0)
	j.wantScreen("setup-topics")
	tap("Next", 0)
	tap("peers", 0)
	tap("Start session", 0)
	j.wantScreen("hand-over")
	tap("Hand the screen to the interviewee", 0)
	for j.u.Screen() == "preamble" {
		if j.has("Continue to consent") {
			tap("Continue to consent", 0)
		} else {
			tap("Next", 0)
		}
	}
	j.wantScreen("consent")
	// Take part yes, notes yes, follow-up no: the choices come in that order.
	tap("Yes", 0)
	tap("Yes", 1)
	tap("No", 2)
	if j.beforeConsent != nil {
		j.beforeConsent()
	}
	tap("Confirm my choices", 0)
	j.wantScreen("hand-back")
	enterPIN()
	j.wantScreen("questions")
}

// notes is the questions screen's notes field.
func (j *journey) notes() fyne.Focusable {
	j.tb.Helper()
	for _, o := range j.objects() {
		if e, ok := o.(fyne.Focusable); ok && strings.HasSuffix(fmt.Sprintf("%T", o), "kbEntry") {
			return e
		}
	}
	j.tb.Fatalf("screen %s has no notes field", j.u.Screen())
	return nil
}

// TestJourneyMap keeps the benchmarks' map of the window honest: it reaches a live session.
func TestJourneyMap(t *testing.T) {
	j := newJourney(t)
	clicks := 0
	j.toQuestions(j.d.InterviewerPIN, func(label string, at fyne.Position) {
		clicks++
		if at.X <= 0 || at.Y <= 0 || at.X >= 800 || at.Y >= 480 {
			t.Errorf("%s at %v: outside the 800x480 window", label, at)
		}
	})
	test.Type(j.notes(), "first note")
	j.env.Clock.Advance(time.Minute)
	j.u.Tick()
	if clicks < 10 {
		t.Errorf("%d clicks from Home to the questions, want at least 10", clicks)
	}
}
