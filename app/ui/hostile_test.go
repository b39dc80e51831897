package ui

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/protocol"
	"quietroom/app/session"
)

// TestScaleRowTrustsNoPackNumbers: a scale whose range no pack check would pass (here up to the
// largest int, which made the row loop for ever) is refused in words, not drawn.
func TestScaleRowTrustsNoPackNumbers(t *testing.T) {
	h := newHarness(t)
	for _, sc := range []protocol.Scale{
		{Kind: protocol.ScaleRating, Min: 0, Max: math.MaxInt},
		{Kind: protocol.ScaleRating, Min: math.MaxInt - 1, Max: math.MaxInt - 3},
		{Kind: protocol.ScaleRating, Min: -5, Max: 5},
	} {
		row := h.u.sessions.scaleRow(protocol.Topic{ID: "t", Question: "How much?", Scale: &sc}, newStatusLine())
		l, ok := row.(*widget.Label)
		if !ok || !strings.Contains(l.Text, "cannot be shown") {
			t.Errorf("scaleRow(%d..%d) = %T, want the words that the scale cannot be shown", sc.Min, sc.Max, row)
		}
	}
}

// handBack runs a session up to the hand-back screen.
func (h *harness) handBack() {
	h.t.Helper()
	h.toConsent()
	h.consent()
	h.wantScreen("hand-back")
}

// TestEmptyPINOnHandBack: the interviewee can press OK on the hand-back pad as often as they
// like; it says what to do and costs the interviewer no try.
func TestEmptyPINOnHandBack(t *testing.T) {
	h := newHarness(t)
	h.handBack()
	for range 12 {
		h.tap("OK")
	}
	if !h.shows("Type your PIN, then OK.") {
		t.Error("OK with no digits does not say to type the PIN")
	}
	h.pin(h.d.InterviewerPIN)
	h.wantScreen("questions")
}

// TestTabbedPINPadStillTakesDigits: once Tab has moved the focus onto one of the pad's keys, a
// USB keyboard's digits and Return still reach the pad.
func TestTabbedPINPadStillTakesDigits(t *testing.T) {
	h := newHarness(t)
	h.handBack()
	c := h.w.Canvas()
	test.FocusNext(c)
	test.FocusNext(c)
	if _, onKey := c.Focused().(*Button); !onKey {
		t.Fatalf("after Tab the focus is on %T, want a key of the pad", c.Focused())
	}
	test.Type(c.Focused(), h.d.InterviewerPIN)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.wantScreen("questions")
}

// TestFullStorageKeepsTheControls: a note that cannot be saved because the storage is full says
// so in plain words, shows no internal id, and moves none of the controls under it.
func TestFullStorageKeepsTheControls(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	h.wantScreen("questions")
	where := func() map[string]fyne.Position {
		out := map[string]fyne.Position{}
		d := fyne.CurrentApp().Driver()
		for _, b := range h.buttons() {
			out[b.Text] = d.AbsolutePositionForObject(b)
		}
		return out
	}
	before, minBefore := where(), h.w.Content().MinSize()
	notes := h.entry()
	h.env.Store.FailNext("PutEntry", fmt.Errorf("put entry 8d5f7c0a1b: %w: nothing already saved is lost (database or disk is full)", session.ErrStorageFull))
	test.Type(notes, "x")
	if !h.shows("Not saved: the storage is full") {
		t.Fatal("a full storage is not shown in plain words")
	}
	if h.shows("8d5f7c0a1b") || h.shows("put entry") {
		t.Error("the message shows an internal id")
	}
	after := where()
	for _, name := range []string{"Key quote", "Previous", "Skip (prefers not to discuss)", "Next topic"} {
		if before[name] != after[name] {
			t.Errorf("%q moved from %v to %v when the message showed", name, before[name], after[name])
		}
	}
	if got := h.w.Content().MinSize(); got.Height > minBefore.Height || got.Width > minBefore.Width {
		t.Errorf("questions screen with the message needs %v, more than the %v it needed without", got, minBefore)
	}
}

// TestOutOfServiceScreen: a kiosk that cannot start says so in the kiosk's own light theme,
// with what is wrong and what the light outside the door shows.
func TestOutOfServiceScreen(t *testing.T) {
	for _, tc := range []struct {
		name     string
		lightErr error
		want     string
	}{
		{"light set", nil, "The light outside the door shows a fault: red, winking."},
		{"light missing", errors.New("GPIO17 is busy"), "The light outside the door could not be set: GPIO17 is busy"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			w := test.NewWindow(nil)
			w.Resize(fyne.NewSize(800, 480))
			t.Cleanup(w.Close)
			OutOfService(w, errors.New("the database is damaged: quietroom.db is empty"), "red, winking", tc.lightErr)
			h := &harness{t: t, w: w}
			for _, want := range []string{"Out of service", "the database is damaged: quietroom.db is empty", tc.want, "Ask IT"} {
				if !h.shows(want) {
					t.Errorf("out-of-service screen does not show %q", want)
				}
			}
			if _, ok := fyne.CurrentApp().Settings().Theme().(*kioskTheme); !ok {
				t.Errorf("out-of-service theme = %T, want the kiosk's theme", fyne.CurrentApp().Settings().Theme())
			}
			if got := w.Content().MinSize(); got.Height > 480 || got.Width > 800 {
				t.Errorf("out-of-service screen needs %v, more than the 800x480 screen", got)
			}
		})
	}
}

// TestMessagesInPlainWords: no chain of internal steps or ids reaches a person.
func TestMessagesInPlainWords(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("setup: %w: give the room a name (for example \"Room 2\")", kiosk.ErrInvalid), `Give the room a name (for example "Room 2")`},
		{fmt.Errorf("start session: %w: the duration must be between 5 minutes and 4 hours", session.ErrInvalidSetup), "The duration must be between 5 minutes and 4 hours."},
		{fmt.Errorf("save note in sealed: %w", session.ErrWrongState), "Not possible at this point of the session."},
		{fmt.Errorf("save note: put entry 8d5f7c0a1b: %w", errors.New("disk I/O error")), "That did not work (disk I/O error). Try again; if it happens again, tell an admin."},
	} {
		if got := message(tc.err); got != tc.want {
			t.Errorf("message(%q) = %q, want %q", tc.err, got, tc.want)
		}
	}
}

// TestFailedDeclineIsNotThanked: "Thank you" shows only once the session is really gone; a
// failure says so on the same screen, and trying again works.
func TestFailedDeclineIsNotThanked(t *testing.T) {
	h := newHarness(t)
	h.toConsent()
	h.tap("I do not want to take part")
	h.env.Store.FailNext("CountDecline", errors.New("disk I/O error"))
	h.tap("Yes, I do not want to take part")
	h.wantScreen("decline-confirm")
	if !h.shows("This did not work") {
		t.Error("a failed decline does not say so")
	}
	h.tap("Yes, I do not want to take part")
	h.wantScreen("declined")
}

// TestIdleSealFailureIsShown: a write-up left open that the idle time-out cannot seal is not
// hidden behind Home: the screen says so, shows no content, and Try again seals it.
func TestIdleSealFailureIsShown(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	en := h.env.Kiosk.Engine()
	if err := en.ShowClosing(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := en.StartWriteUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	h.u.sessions.showWriteUp()
	h.wantScreen("write-up")
	h.env.Store.FailNext("UpdateSession", errors.New("disk I/O error"))
	h.env.Clock.Advance(5 * time.Minute)
	h.u.Tick()
	h.wantScreen("seal-failed")
	if !h.shows("disk I/O error") || !h.shows("not sealed") {
		t.Error("the failed seal is not explained")
	}
	h.env.Clock.Advance(5 * time.Minute)
	h.u.Tick()
	h.wantScreen("seal-failed") // never times out to Home with the notes open
	h.tap("Try again")
	h.wantScreen("sealed")
	if st := en.State(); st != session.StateSealed {
		t.Errorf("state after Try again = %s, want sealed", st)
	}
}
