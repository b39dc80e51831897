package ui

import (
	"context"
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk/demo"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/session"
)

func TestInterviewJourney(t *testing.T) {
	h := newHarness(t)
	h.wantScreen("home")
	if !h.shows("Room free") || !h.shows(demo.DemoRoomName) {
		t.Fatal("home does not show the room name and Room free")
	}
	h.toConsent()
	if !h.shows("(optional)") {
		t.Error("the optional consent point is not marked optional")
	}
	h.consent()
	h.wantScreen("hand-back")
	if !h.shows("Please hand the screen back to the interviewer.") {
		t.Error("hand-back message missing")
	}
	h.pin(h.d.InterviewerPIN)
	h.wantScreen("questions")
	if !h.shows("elapsed") {
		t.Error("timer not shown")
	}

	// Notes autosave through the engine.
	notes := h.entry()
	test.Type(notes, "clear direction")
	if !h.shows("Saved") {
		t.Error("no Saved after typing notes")
	}
	tp, _, _ := h.env.Kiosk.Engine().CurrentTopic()
	if got := h.env.Kiosk.Engine().Note(tp.ID); got != "clear direction" {
		t.Errorf("note = %q, want %q", got, "clear direction")
	}

	// Timer warnings and overtime, driven by the fake clock.
	h.env.Clock.Advance(21 * time.Minute)
	h.u.Tick()
	if !h.shows("minutes left") {
		t.Error("no warning at 9 minutes left")
	}
	h.env.Clock.Advance(10 * time.Minute)
	h.u.Tick()
	if !h.shows("over time") {
		t.Error("no overtime shown")
	}

	h.tap("Skip (prefers not to discuss)")
	for h.u.Screen() == "questions" {
		if contains(h.buttonTexts(), "Closing") {
			h.tap("Closing")
		} else {
			h.tap("Next topic")
		}
	}
	h.wantScreen("closing")
	h.tap("Interviewee has left: write-up")
	h.wantScreen("write-up")
	h.tap("Seal the notes")
	h.tap("Seal")
	h.wantScreen("sealed")
	if st := h.env.Kiosk.Engine().State(); st != session.StateSealed {
		t.Errorf("engine state = %s, want sealed", st)
	}
	h.tap("Done")
	h.wantScreen("home")
}

func TestDecline(t *testing.T) {
	h := newHarness(t)
	h.toConsent()
	h.tap("I do not want to take part")
	h.tap("Yes, I do not want to take part")
	h.wantScreen("declined")
	if st := h.env.Kiosk.Engine().State(); st != session.StateDeclined {
		t.Errorf("state = %s, want declined", st)
	}
	engs, _ := h.env.Kiosk.Engagements(context.Background())
	if n := h.env.Store.Declines(engs[0].ID); n != 1 {
		t.Errorf("declines = %d, want 1", n)
	}
}

func TestWithdraw(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	h.wantScreen("questions")
	h.tap("More")
	h.tap("The interviewee withdraws consent")
	h.wantScreen("withdraw-confirm")
	h.tap("No, go back")
	h.wantScreen("questions")
	h.tap("More")
	h.tap("The interviewee withdraws consent")
	h.tap("Yes, withdraw and destroy")
	h.wantScreen("withdrawn")
	if st := h.env.Kiosk.Engine().State(); st != session.StateWithdrawn {
		t.Errorf("state = %s, want withdrawn", st)
	}
	receipts, _ := h.env.Store.Receipts(context.Background())
	if len(receipts) != 1 {
		t.Errorf("receipts = %d, want 1 (the withdrawal)", len(receipts))
	}
}

func TestWrongPINRateLimitShown(t *testing.T) {
	h := newHarness(t)
	h.tap("Start")
	h.tap(h.d.InterviewerName)
	for range 4 {
		h.pin("0000")
	}
	if !h.shows("That PIN is not right") {
		t.Error("wrong PIN message not shown")
	}
	h.pin(h.d.InterviewerPIN)
	if !h.shows("Too many wrong PINs. Try again in") {
		t.Error("rate limit not shown")
	}
	h.wantScreen("pin")
}

func TestPrivacyBlank(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	h.tap("Hide screen")
	if !h.u.Blanked() {
		t.Fatal("Hide screen did not blank")
	}
	root := h.w.Content().(*fyne.Container)
	if top := root.Objects[len(root.Objects)-1]; top != h.u.blank {
		t.Error("the blank is not the top layer")
	}
	if got, want := h.u.blank.Size(), h.w.Canvas().Size(); got != want {
		t.Errorf("the blank covers %v, want the whole window %v", got, want)
	}
	test.Tap(h.u.blank.Objects[1].(*widget.Button))
	if h.u.Blanked() {
		t.Error("tapping the blank did not show the screen again")
	}
}

// TestIntervieweeSideIsClosed taps every button of every interviewee screen, and checks that
// none leads to the questions, the session menu or admin (property 8).
func TestIntervieweeSideIsClosed(t *testing.T) {
	forbidden := []string{"questions", "session-menu", "admin", "admin-sign-in", "write-up", "interviewer", "quote", "review", "quotes", "quote-edit", "quote-delete"}
	for _, start := range []string{"preamble", "consent", "hand-back"} {
		h := newHarness(t)
		h.toConsent()
		switch start {
		case "preamble":
			h.tap("Read the information again")
		case "hand-back":
			h.consent()
		}
		h.wantScreen(start)
		for _, text := range h.buttonTexts() {
			t.Run(start+"/"+text, func(t *testing.T) {
				h := newHarness(t)
				h.toConsent()
				switch start {
				case "preamble":
					h.tap("Read the information again")
				case "hand-back":
					h.consent()
				}
				if text == "OK" || text == "Delete" || len(text) == 1 {
					h.tap(text)
				} else {
					for _, o := range h.objects() {
						if b, ok := o.(*Button); ok && b.Text == text && !b.Disabled() {
							test.Tap(b)
							break
						}
					}
				}
				if contains(forbidden, h.u.Screen()) {
					t.Errorf("from %s, %q led to %s", start, text, h.u.Screen())
				}
			})
		}
	}
}

func TestIdleTimeoutGoesHome(t *testing.T) {
	h := newHarness(t)
	h.signIn()
	h.env.Clock.Advance(2 * time.Minute)
	h.u.Tick()
	h.wantScreen("home")
}

// TestHandBackTakesAKeyboard: the interviewer can type the PIN on a USB keyboard when the
// screen comes back, as on the sign-in screen.
func TestHandBackTakesAKeyboard(t *testing.T) {
	h := newHarness(t)
	h.toConsent()
	h.consent()
	h.wantScreen("hand-back")
	focused := h.w.Canvas().Focused()
	if focused == nil {
		t.Fatal("nothing has keyboard focus on the hand-back screen")
	}
	for _, r := range h.d.InterviewerPIN {
		focused.TypedRune(r)
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.wantScreen("questions")
}

// TestHomeAfterARestartMidInterview: when the kiosk restarts during an interview, Home says a
// session is in progress instead of "Room free", and shows nothing of its content.
func TestHomeAfterARestartMidInterview(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	h.wantScreen("questions")

	after := h.env.Restart(t)
	h2 := startOn(t, after, Options{IdleTimeout: time.Minute})
	h2.d = h.d
	h2.wantScreen("home")
	if h2.shows("Room free") || !h2.shows("Session in progress") {
		t.Error("home after a restart mid-interview does not say a session is in progress")
	}
}

// TestScaleAnswer: a scaling question offers one button per point of its scale; the chosen value
// is the engine's answer and shows as chosen.
func TestScaleAnswer(t *testing.T) {
	h := newHarness(t)
	h.toConsentWith("Peer challenge: ethnographic interview with staff (45 min)")
	h.consent()
	h.pin(h.d.InterviewerPIN)
	h.wantScreen("questions")
	for range 30 {
		if contains(h.buttonTexts(), "10") {
			break
		}
		h.tap("Next topic")
	}
	if !contains(h.buttonTexts(), "0") || !contains(h.buttonTexts(), "10") {
		t.Fatalf("no 0-10 scale reached; buttons: %v", h.buttonTexts())
	}
	topic, _, _ := h.env.Kiosk.Engine().CurrentTopic()
	h.tap("7")
	if v, ok := h.env.Kiosk.Engine().Answer(topic.ID); !ok || v != 7 {
		t.Errorf("Answer(%s) = %d, %v; want 7", topic.ID, v, ok)
	}
	for _, b := range h.buttons() {
		if b.Text == "7" && b.Importance != widget.HighImportance {
			t.Error("the chosen value is not shown as chosen")
		}
	}
	h.tap("Skip (prefers not to discuss)")
	for _, tp := range h.env.Kiosk.Engine().Topics() {
		if tp.ID == topic.ID && tp.State != session.TopicSkipped {
			t.Errorf("topic %s after Skip is %v, want skipped", tp.ID, tp.State)
		}
	}
}

// TestWithdrawAtClosing: consent withdrawn at the closing screen destroys the session.
func TestWithdrawAtClosing(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	h.wantScreen("questions")
	for !contains(h.buttonTexts(), "Closing") {
		h.tap("Next topic")
	}
	h.tap("Closing")
	h.wantScreen("closing")
	id := h.env.Kiosk.Engine().Tick().SessionID
	if _, err := h.env.Store.Session(context.Background(), id); err != nil {
		t.Fatalf("the session is not stored before the withdrawal: %v", err)
	}
	h.tap("More")
	h.tap("The interviewee withdraws consent")
	h.tap("Yes, withdraw and destroy")
	h.wantScreen("withdrawn")
	if st := h.env.Kiosk.Engine().State(); st != session.StateWithdrawn {
		t.Errorf("state = %s, want withdrawn", st)
	}
	if _, err := h.env.Store.Session(context.Background(), id); !errors.Is(err, session.ErrNotFound) {
		t.Errorf("Session(%s) after withdrawal = %v, want ErrNotFound", id, err)
	}
}

// TestCursorHiddenOnTheDevice: with HideCursor the window's content asks for no mouse pointer.
func TestCursorHiddenOnTheDevice(t *testing.T) {
	for _, hide := range []bool{false, true} {
		test.NewTempApp(t)
		env, _ := kiosktest.Seeded(t)
		w := test.NewWindow(nil)
		New(w, env.Kiosk, Options{NoTicker: true, HideCursor: hide}).Start()
		c, ok := w.Content().(desktop.Cursorable)
		if got := ok && c.Cursor() == desktop.HiddenCursor; got != hide {
			t.Errorf("HideCursor %v: pointer hidden = %v", hide, got)
		}
		w.Close()
	}
}

// TestKeyboardPanelForTouchOnly: tapping into the notes opens the on-screen keyboard while no
// physical keyboard has been used; the first physical key closes it and it stays closed.
func TestKeyboardPanelForTouchOnly(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	h.wantScreen("questions")
	notes := h.entry()
	panelOpen := func() bool { return contains(h.buttonTexts(), "Space") }
	if panelOpen() {
		t.Fatal("the keyboard panel is open before any tap")
	}
	c := h.w.Canvas()
	c.Focus(notes) // what the desktop driver does on a touch's mouse-down in the field
	if !panelOpen() {
		t.Fatal("tapping into the notes did not open the keyboard panel")
	}
	h.tap("h") // the panel types into the notes
	h.tap("i")
	if notes.Text != "hi" || !panelOpen() {
		t.Fatalf("after typing on the panel: notes %q, panel open %v", notes.Text, panelOpen())
	}
	notes.TypedRune('!') // a USB keyboard
	if panelOpen() {
		t.Error("a physical key did not close the panel")
	}
	if notes.Text != "hi!" {
		t.Errorf("notes = %q, want %q", notes.Text, "hi!")
	}
	c.Unfocus()
	c.Focus(notes)
	if panelOpen() {
		t.Error("the panel opened again although a physical keyboard is in use")
	}
}
