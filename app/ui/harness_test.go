package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/demo"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/session"
	"quietroom/app/ui/uitest"
)

type harness struct {
	t   *testing.T
	env *kiosktest.Env
	d   demo.Demo
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
func (h *harness) objects() []fyne.CanvasObject { return uitest.Objects(h.w.Content()) }

// entry is the screen's text field (the last one, where a screen has several).
func (h *harness) entry() *kbEntry {
	h.t.Helper()
	var last *kbEntry
	for _, o := range h.objects() {
		if e, ok := o.(*kbEntry); ok {
			last = e
		}
	}
	if last == nil {
		h.t.Fatalf("screen %s has no text field", h.u.Screen())
	}
	return last
}

// note is the screen's note editor (the questions' notes, the closing answer, a write-up
// answer).
func (h *harness) note() *noteEditor {
	h.t.Helper()
	for _, o := range h.objects() {
		if e, ok := o.(*noteEditor); ok {
			return e
		}
	}
	h.t.Fatalf("screen %s has no note editor", h.u.Screen())
	return nil
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
		if b, ok := o.(*Button); ok && label(&b.Button) == text && !b.Disabled() {
			test.Tap(b)
			return
		}
	}
	h.t.Fatalf("screen %s: no button %q; buttons: %v", h.u.Screen(), text, h.buttonTexts())
}

func (h *harness) buttonTexts() []string {
	var s []string
	for _, b := range h.buttons() {
		s = append(s, label(b))
	}
	return s
}

// label is how the tests name a button: its text, with the sign its icon draws (an arrow, a
// minus or plus, a tick after the text) in place of the icon.
func label(b *widget.Button) string {
	if b.Icon == nil {
		// A label broken over lines (the survey's points with larger text) is named by its words.
		return strings.Join(strings.Fields(b.Text), " ")
	}
	signs := map[string]string{
		theme.MoveUpIcon().Name(): "▲", theme.MoveDownIcon().Name(): "▼",
		theme.NavigateBackIcon().Name(): "◀", theme.NavigateNextIcon().Name(): "▶",
		theme.ContentRemoveIcon().Name(): "−", theme.ContentAddIcon().Name(): "+",
		theme.ConfirmIcon().Name(): "✓",
	}
	sign, ok := signs[b.Icon.Name()]
	switch {
	case !ok:
		return b.Text
	case b.Text == "":
		return sign
	default:
		return b.Text + " " + sign
	}
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
	// With a ticker on the test clock, the check waits for its "Checking…" to be drawn.
	if c, ok := h.u.opts.Clock.(*clocktest.Clock); ok && !h.u.opts.NoTicker {
		c.Advance(settleDelay)
	}
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
	engagement := h.engagementFor(packButton)
	h.signIn()
	h.tap("Start a new session")
	h.tap(engagement)
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

// toQuestions runs the 360 pack's session to the questions screen: consent given, the
// interviewer's PIN typed on the hand-back pad.
func (h *harness) toQuestions() {
	h.t.Helper()
	h.toConsent()
	h.consent()
	h.pin(h.d.InterviewerPIN)
	h.wantScreen("questions")
}

func (h *harness) consent() {
	// take-part yes, notes yes, follow-up (where the pack asks it) no: the buttons come in pairs
	// in that order.
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
	if len(yes) < 2 || len(yes) > 3 || len(no) != len(yes) {
		h.t.Fatalf("consent shows %d Yes and %d No buttons, want 2 or 3 each", len(yes), len(no))
	}
	for _, b := range append(yes, no...) {
		if b.Importance == widget.HighImportance {
			h.t.Fatal("a consent choice is pre-selected")
		}
	}
	test.Tap(yes[0])
	test.Tap(yes[1])
	for _, b := range no[2:] {
		test.Tap(b)
	}
	h.tap("Confirm my choices")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// peerChallengeTitle is the peer challenge engagementFor creates.
const peerChallengeTitle = "Peer challenge, host authority"

// engagementFor is the engagement a session with the pack on packButton runs in: the demo's,
// or for a peer challenge pack, whose preamble tells the interviewee the follow-up visit's date,
// a peer challenge with its visit and follow-up (created the first time).
func (h *harness) engagementFor(packButton string) string {
	h.t.Helper()
	if !strings.HasPrefix(packButton, "Peer challenge") {
		return h.d.EngagementTitle
	}
	ctx := context.Background()
	a, err := h.env.Kiosk.SignInAdmin(ctx, []byte(h.d.AdminCredential))
	if err != nil {
		h.t.Fatal(err)
	}
	all, err := h.env.Kiosk.AllEngagements(ctx, a)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, e := range all {
		if e.Title == peerChallengeTitle {
			return peerChallengeTitle
		}
	}
	visit := h.env.Clock.Now().AddDate(0, 0, -1)
	follow := session.ProposedFollowUp(session.KindPeerChallenge, visit, visit)
	if _, err := h.env.Kiosk.CreateEngagement(ctx, a, kiosk.NewEngagement{Title: peerChallengeTitle, Kind: session.KindPeerChallenge,
		VisitDate: visit, FollowUpDate: follow, DeletionDate: session.DeletionAfterFollowUp(follow),
		StakeholderGroups: []string{"peers", "social workers"}}); err != nil {
		h.t.Fatal(err)
	}
	return peerChallengeTitle
}
