package ui

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk/kiosktest"
)

// TestReplacedScreenTakesNoKeys is the crash found by a randomised run: with a button of the
// open board focused by Tab, Close the board, then Space on the next screen pressed that
// button of a screen that was gone, which read the closed board (a nil pointer, and the kiosk
// exited). A shown screen takes the keyboard focus from the screen it replaces.
func TestReplacedScreenTakesNoKeys(t *testing.T) {
	j := newBoardJourney(t)
	h := boardUI(t, j.one, fyne.NewSize(800, 480))
	h.tap("Admin")
	h.pin(kiosktest.AdminCredential)
	h.tap("Engagements")
	h.tapPrefix("Peer challenge, Northshire Council")
	h.tap("Team and board")
	h.tap("Alice Morgan")
	h.tap("Save the team")

	h.signInAs("Alice Morgan")
	h.tap("Team boards")
	h.tapPrefix("Peer challenge, Northshire Council")
	h.tap("Open the board")
	h.wantScreen("board-sheets")
	c := h.w.Canvas()
	button := func(text string) *Button {
		t.Helper()
		for _, o := range h.objects() {
			if b, ok := o.(*Button); ok && b.Text == text {
				return b
			}
		}
		t.Fatalf("no button %q: %v", text, h.buttonTexts())
		return nil
	}
	c.Focus(button("Read out")) // as three presses of Tab left it
	// A click in the real window leaves the focus where it was when it lands on another
	// focusable (the desktop driver's rule; test.Tap would unfocus): press the button as it does.
	button("Close the board").OnTapped()
	after := h.u.Screen() // the member's team boards
	if f := c.Focused(); f != nil {
		t.Errorf("%s shown with %T of the closed board still focused", after, f)
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // what the person pressed next
	}
	h.wantScreen(after)
}

// TestEveryShowDropsTheFocus: whatever had the keyboard focus, the next screen starts with
// none, however it was reached (a tap, a time-out, sign-out).
func TestEveryShowDropsTheFocus(t *testing.T) {
	h := newHarness(t)
	h.tap("Start")
	h.tap(h.d.InterviewerName)
	h.wantScreen("pin")
	var pad *PinPad
	for _, o := range h.objects() {
		if p, ok := o.(*PinPad); ok {
			pad = p
		}
	}
	if pad == nil {
		t.Fatal("no PIN pad")
	}
	h.w.Canvas().Focus(pad)
	h.u.showHome()
	if f := h.w.Canvas().Focused(); f != nil {
		t.Errorf("Home shown with the PIN pad's %T still focused", f)
	}
	test.Type(pad, "1") // a key on the gone pad is lost; nothing else happens
	h.wantScreen("home")
}

// TestAScreenThatOutgrowsTheWindowLeavesItsSize: the window keeps the screen's size whatever
// a screen asks for (the desktop driver grows a window to its content and never shrinks it
// back), and the screen that asked for more is logged for the soak and the real-window tests.
func TestAScreenThatOutgrowsTheWindowLeavesItsSize(t *testing.T) {
	framesReportNeeds = false
	t.Cleanup(func() { framesReportNeeds = true })
	test.NewTempApp(t)
	env, _ := kiosktest.Seeded(t)
	var logged strings.Builder
	h := startOn(t, env, Options{IdleTimeout: time.Minute, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
	rows := container.NewVBox()
	for i := range 30 {
		rows.Add(NewButton(fmt.Sprintf("Row %d", i), func() {}))
	}
	back := NewButton("Back", func() {})
	h.u.show("tall", screenIdle, container.NewBorder(nil, back, nil, nil, rows))
	if got := neededSize(h.w); got.Width > 800 || got.Height > 480 {
		t.Errorf("the window's content asks for %v, more than the 800x480 window", got)
	}
	if pos := back.Position().Y + back.Size().Height; pos > 480 {
		t.Errorf("the bottom row ends at %.0f, past the 480-pixel screen", pos)
	}
	if want := `msg="screen does not fit" component=ui name=tall`; !strings.Contains(logged.String(), want) {
		t.Errorf("log lacks %q:\n%s", want, logged.String())
	}
	h.u.showHome()
	if n := strings.Count(logged.String(), "screen does not fit"); n != 1 {
		t.Errorf("logged %d times, want once for the one screen that did not fit:\n%s", n, logged.String())
	}
}

// TestAnErrorAfterDoneIsShownAsAnError: a message line that said what was done (in green) and
// then meets an error shows the error in the error colour, not as a success.
func TestAnErrorAfterDoneIsShownAsAnError(t *testing.T) {
	test.NewTempApp(t)
	msg := newErrorLabel()
	msg.done("Saved")
	if msg.Importance != widget.SuccessImportance || !msg.Visible() {
		t.Fatalf("done: importance %v, visible %v", msg.Importance, msg.Visible())
	}
	msg.set(errors.New("the stick is gone"))
	if msg.Importance != widget.DangerImportance {
		t.Errorf("an error after done has importance %v, want danger", msg.Importance)
	}
}
