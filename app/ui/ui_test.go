package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/protocol"
	"quietroom/app/session"
)

type harness struct {
	t   *testing.T
	env *kiosktest.Env
	d   kiosk.Demo
	u   *UI
	w   fyne.Window
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	test.NewTempApp(t)
	env, d := kiosktest.Seeded(t)
	h := startOn(t, env, Options{IdleTimeout: time.Minute})
	h.d = d
	return h
}

// startOn shows the kiosk of env in a new 800x480 test window (no ticker: tests call Tick).
// The caller has made the test app.
func startOn(t *testing.T, env *kiosktest.Env, o Options) *harness {
	t.Helper()
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(800, 480))
	t.Cleanup(w.Close)
	o.NoTicker = true
	u := New(w, env.Kiosk, o)
	u.Start()
	return &harness{t: t, env: env, u: u, w: w}
}

// objects walks everything visible on the window.
func (h *harness) objects() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(h.w.Content())
	return out
}

func (h *harness) buttons() []*widget.Button {
	var out []*widget.Button
	for _, o := range h.objects() {
		switch b := o.(type) {
		case *Button:
			out = append(out, &b.Button)
		case *widget.Button:
			out = append(out, b)
		}
	}
	return out
}

func (h *harness) tap(text string) {
	h.t.Helper()
	for _, o := range h.objects() {
		if b, ok := o.(*Button); ok && b.Text == text && !b.Disabled() {
			test.Tap(b)
			return
		}
	}
	h.t.Fatalf("screen %s: no button %q; buttons: %v", h.u.Screen(), text, h.buttonTexts())
}

func (h *harness) buttonTexts() []string {
	var s []string
	for _, b := range h.buttons() {
		s = append(s, b.Text)
	}
	return s
}

func (h *harness) shows(text string) bool {
	for _, o := range h.objects() {
		switch l := o.(type) {
		case *widget.Label:
			if strings.Contains(l.Text, text) {
				return true
			}
		case *widget.RichText:
			if strings.Contains(l.String(), text) {
				return true
			}
		}
	}
	return false
}

func (h *harness) wantScreen(name string) {
	h.t.Helper()
	if got := h.u.Screen(); got != name {
		h.t.Fatalf("screen = %s, want %s", got, name)
	}
}

func (h *harness) pin(pin string) {
	h.t.Helper()
	for _, r := range pin {
		h.tap(string(r))
	}
	h.tap("OK")
}

func (h *harness) signIn() {
	h.tap("Start")
	h.wantScreen("sign-in")
	h.tap(h.d.InterviewerName)
	h.pin(h.d.InterviewerPIN)
	h.wantScreen("interviewer")
}

// toConsent signs in, sets up and hands over to the interviewee's consent screen.
func (h *harness) toConsent() { h.toConsentWith("360-degree leadership interview (30 min)") }

// tapPaged taps the button, turning pages of a paged list until it shows.
func (h *harness) tapPaged(text string) {
	h.t.Helper()
	for range 10 {
		if contains(h.buttonTexts(), text) {
			h.tap(text)
			return
		}
		if !contains(h.buttonTexts(), "Next page") {
			break
		}
		h.tap("Next page")
	}
	h.t.Fatalf("screen %s: no button %q on any page", h.u.Screen(), text)
}

// toConsentWith is toConsent with the pack whose button reads packButton.
func (h *harness) toConsentWith(packButton string) {
	h.signIn()
	h.tap("Start a new session")
	h.tap(h.d.EngagementTitle)
	h.tapPaged(packButton)
	h.wantScreen("setup-topics")
	h.tap("Next")
	h.tap("peers")
	h.tap("Start session")
	h.wantScreen("hand-over")
	h.tap("Hand the screen to the interviewee")
	h.wantScreen("preamble")
	for h.u.Screen() == "preamble" {
		for _, b := range h.buttonTexts() {
			if b == "Continue to consent" {
				h.tap(b)
				break
			}
			if b == "Next" {
				h.tap(b)
				break
			}
		}
	}
	h.wantScreen("consent")
}

func (h *harness) consent() {
	// take-part yes, notes yes, follow-up no: the buttons come in pairs in that order.
	var yes, no []*Button
	for _, o := range h.objects() {
		if b, ok := o.(*Button); ok {
			switch b.Text {
			case "Yes":
				yes = append(yes, b)
			case "No":
				no = append(no, b)
			}
		}
	}
	if len(yes) != 3 || len(no) != 3 {
		h.t.Fatalf("consent shows %d Yes and %d No buttons, want 3 each", len(yes), len(no))
	}
	for _, b := range append(yes, no...) {
		if b.Importance == widget.HighImportance {
			h.t.Fatal("a consent choice is pre-selected")
		}
	}
	test.Tap(yes[0])
	test.Tap(yes[1])
	test.Tap(no[2])
	h.tap("Confirm my choices")
}

func TestInterviewJourney(t *testing.T) {
	h := newHarness(t)
	h.wantScreen("home")
	if !h.shows("Room free") || !h.shows(kiosk.DemoRoomName) {
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
	var notes *kbEntry
	for _, o := range h.objects() {
		if e, ok := o.(*kbEntry); ok {
			notes = e
		}
	}
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
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
	h.toConsent()
	h.consent()
	h.pin(h.d.InterviewerPIN)
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
	h.toConsent()
	h.consent()
	h.pin(h.d.InterviewerPIN)
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
	forbidden := []string{"questions", "session-menu", "admin", "admin-sign-in", "write-up", "interviewer", "quote"}
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

func TestAdminWipeWithReceipt(t *testing.T) {
	h := newHarness(t)
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.wantScreen("admin")
	h.tap("Wipe an engagement")
	h.tap(h.d.EngagementTitle)
	h.wantScreen("wipe-confirm-1")
	h.tap("Yes, wipe it")
	h.wantScreen("wipe-confirm-2")
	h.tap("Wipe now")
	h.wantScreen("receipt")
	if !h.shows("Engagement wiped after the follow-up visit, Monday 2 March 2026 at 10:00, by an admin. Receipt r1.") {
		t.Error("receipt not shown")
	}
	if engs, _ := h.env.Kiosk.Engagements(context.Background()); len(engs) != 0 {
		t.Errorf("engagements after wipe = %d, want 0", len(engs))
	}
}

func TestSetupWizard(t *testing.T) {
	test.NewTempApp(t)
	env := kiosktest.New(t)
	h := startOn(t, env, Options{})
	h.wantScreen("setup-wizard")
	h.pin("432198")
	h.pin("432198")
	h.wantScreen("setup-room")
	var name *kbEntry
	for _, o := range h.objects() {
		if e, ok := o.(*kbEntry); ok {
			name = e
		}
	}
	test.Type(name, "Room 2")
	h.tap("Next")
	h.wantScreen("setup-clock")
	h.tap("It is right")
	h.wantScreen("light-test")
	h.tap("Occupied")
	h.tap("Done")
	h.wantScreen("home")
	if !h.shows("Room 2") {
		t.Error("home does not show the new room name")
	}
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
	h.toConsent()
	h.consent()
	h.pin(h.d.InterviewerPIN)
	h.wantScreen("questions")

	after := h.env.Restart(t)
	h2 := startOn(t, after, Options{IdleTimeout: time.Minute})
	h2.d = h.d
	h2.wantScreen("home")
	if h2.shows("Room free") || !h2.shows("Session in progress") {
		t.Error("home after a restart mid-interview does not say a session is in progress")
	}
}

// TestAdminImportsAPackFromAStick: the problems of a broken file are shown with their lines and
// nothing is imported; a valid file is imported and listed.
func TestAdminImportsAPackFromAStick(t *testing.T) {
	h := newHarness(t)
	stick := filepath.Join(h.env.ImportDir, "STICK")
	if err := os.MkdirAll(stick, 0o755); err != nil {
		t.Fatal(err)
	}
	p, _ := protocol.BuiltinPack("leadership-360")
	p.ID, p.Title = "our-360", "Our own 360 interview"
	good, err := protocol.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(stick, "our-360.yaml"), good, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(stick, "broken.yaml"), []byte("id: Broken Id\nversion: 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.tap("Question packs")
	h.tap("Import from a USB stick")
	h.wantScreen("pack-import")
	h.tap("STICK/broken.yaml")
	h.wantScreen("pack-imported")
	if !h.shows("Nothing was imported") || !h.shows("broken.yaml:1: id:") {
		t.Error("the broken file's problems are not shown with their line and field")
	}
	h.tap("Import another")
	h.tap("STICK/our-360.yaml")
	if !h.shows("Imported: Our own 360 interview") {
		t.Error("the imported pack is not confirmed")
	}
	h.tap("Back to the packs")
	h.tap("Next page") // nine built-in packs come first
	if !h.shows("Our own 360 interview") {
		t.Error("the imported pack is not in the list")
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
	h.toConsent()
	h.consent()
	h.pin(h.d.InterviewerPIN)
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

// TestWizardAsksBeforeProgrammingTheOTP: on a new Pi the wizard first asks where the device key
// is kept; the OTP key is programmed only after the second confirmation.
func TestWizardAsksBeforeProgrammingTheOTP(t *testing.T) {
	test.NewTempApp(t)
	env := kiosktest.NewPi(t)
	h := startOn(t, env, Options{})
	h.wantScreen("secret-choice")
	h.tap("Keep it in the OTP memory")
	h.wantScreen("secret-confirm")
	h.tap("No, go back")
	h.wantScreen("secret-choice")
	if env.OTP.Programmed() {
		t.Fatal("the OTP key was programmed before the confirmation")
	}
	h.tap("Keep it in the OTP memory")
	h.tap("Yes, program it")
	h.wantScreen("setup-wizard")
	if !env.OTP.Programmed() {
		t.Error("the OTP key was not programmed after the confirmation")
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

// TestWizardSuggestsTheEnrolledRoomName: the room name from the enrolment file is filled in.
func TestWizardSuggestsTheEnrolledRoomName(t *testing.T) {
	test.NewTempApp(t)
	env := kiosktest.New(t)
	h := startOn(t, env, Options{RoomName: "Room 4, Trust HQ"})
	h.pin("432198")
	h.pin("432198")
	h.wantScreen("setup-room")
	for _, o := range h.objects() {
		if e, ok := o.(*kbEntry); ok && e.Text != "Room 4, Trust HQ" {
			t.Errorf("room name field = %q, want the enrolled name", e.Text)
		}
	}
	h.tap("Next")
	h.wantScreen("setup-clock")
	if got, _ := env.Kiosk.RoomName(context.Background()); got != "Room 4, Trust HQ" {
		t.Errorf("RoomName = %q, want the enrolled name", got)
	}
}

// TestKeyboardPanelForTouchOnly: tapping into the notes opens the on-screen keyboard while no
// physical keyboard has been used; the first physical key closes it and it stays closed.
func TestKeyboardPanelForTouchOnly(t *testing.T) {
	h := newHarness(t)
	h.toConsent()
	h.consent()
	h.pin(h.d.InterviewerPIN)
	h.wantScreen("questions")
	var notes *kbEntry
	for _, o := range h.objects() {
		if e, ok := o.(*kbEntry); ok {
			notes = e
		}
	}
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
