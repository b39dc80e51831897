package ui

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/protocol"
	"quietroom/app/session"
)

const ethnographicStaff = "Peer challenge: ethnographic interview with staff (45 min)"

// What the interview of runInterview records; the quote is longer than any one-line cut.
const (
	reviewNote    = "They said the morning huddle is where problems get solved first."
	reviewQuote   = "Nobody ever tells us why the rota changes, we just find out on the Friday before"
	reviewClosing = "Ask about the weekend cover as well."
	reviewSaid    = "Huddles work; rota changes are not explained."
)

// runInterview runs a whole interview of the ethnographic staff pack (a note and a quote tagged
// Rose on the first topic, 7 on the 0-10 scale, the closing answer) up to the write-up, and
// answers its first prompt.
func (h *harness) runInterview() {
	h.t.Helper()
	h.toConsentWith(ethnographicStaff)
	h.consent()
	h.pin(h.d.InterviewerPIN)
	h.wantScreen("questions")
	test.Type(h.entry(), reviewNote)
	h.tap("Key quote")
	test.Type(h.entry(), reviewQuote)
	h.tap("Rose")
	h.tap("Save quote")
	h.wantScreen("questions")
	for !contains(h.buttonTexts(), "10") {
		h.tap("Next topic")
	}
	h.tap("7")
	for !contains(h.buttonTexts(), "Closing") {
		h.tap("Next topic")
	}
	h.tap("Closing")
	test.Type(h.entry(), reviewClosing)
	h.tap("Interviewee has left: write-up")
	h.wantScreen("write-up")
	test.Type(h.entry(), reviewSaid)
}

// sealAndReopen seals the write-up, signs in again and opens the session from "Your sessions".
func (h *harness) sealAndReopen() {
	h.t.Helper()
	h.tap("Seal the notes")
	h.tap("Seal")
	h.tap("Done")
	h.signIn()
	h.tapSession()
}

// tapSession taps the one session in "Your sessions".
func (h *harness) tapSession() {
	h.t.Helper()
	for _, b := range h.buttonTexts() {
		if strings.Contains(b, "deleted on") {
			h.tap(b)
			return
		}
	}
	h.t.Fatalf("no session in Your sessions; buttons: %v", h.buttonTexts())
}

// labelTexts is the text of the screen's labels, in order, on one line: a text split
// between pages reads whole when the pages' texts are put together.
func (h *harness) labelTexts() string {
	var words []string
	for _, o := range h.objects() {
		if l, ok := o.(*widget.Label); ok && l.Wrapping == fyne.TextWrapWord {
			words = append(words, strings.Fields(l.Text)...)
		}
	}
	return strings.Join(words, " ")
}

// readAllPages returns the text of every page of a paged screen, from its first page, and
// checks that no page needs more room than the window.
func (h *harness) readAllPages() string {
	h.t.Helper()
	for h.enabled("Previous page") {
		h.tap("Previous page")
	}
	// Labels cut to one line (the heading, the pack's name) are left out: only what pages.
	var all strings.Builder
	for i := 0; ; i++ {
		h.screenFits()
		all.WriteString(h.labelTexts() + " ")
		if !h.enabled("Next page") || i > 60 {
			break
		}
		h.tap("Next page")
	}
	return all.String()
}

// enabled reports whether the screen shows an enabled button reading text.
func (h *harness) enabled(text string) bool {
	for _, b := range h.buttons() {
		if b.Text == text && !b.Disabled() {
			return true
		}
	}
	return false
}

// screenFits fails when the screen needs more room than the window has.
func (h *harness) screenFits() {
	h.t.Helper()
	if min, size := h.w.Content().MinSize(), h.w.Canvas().Size(); min.Width > size.Width || min.Height > size.Height {
		h.t.Errorf("screen %s needs %v, more than the window's %v", h.u.Screen(), min, size)
	}
}

// TestReviewShowsTheWholeSession: after sealing, "Your sessions" opens the whole session for
// its interviewer, paged to fit the screen, and Lock and close seals it again.
func TestReviewShowsTheWholeSession(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 800, Height: 480}, {Width: 1280, Height: 720}} {
		for _, large := range []bool{false, true} {
			t.Run(sizeName(size, large), func(t *testing.T) {
				h := newHarness(t)
				h.w.Resize(size)
				h.runInterview()
				h.tap("Seal the notes")
				h.tap("Seal")
				h.tap("Done")
				if large {
					// Set on Home once the interview is written: typing with the larger text
					// is the keyboard's own test.
					h.tap("Larger text")
				}
				h.signIn()
				h.tapSession()
				h.wantScreen("review")
				text := h.readAllPages()
				for _, want := range []string{
					reviewNote, "“" + reviewQuote + "” · Rose", "Answer: 7 on the scale from 0 (not very good at all) to 10 (brilliant).",
					reviewClosing, writeUpTitle(h.env.Kiosk.Engine().WriteUpPrompts()[0]), reviewSaid, "Not written.",
					"Agreed: ", "Not signed.", "is deleted on",
					"Done.", "1. ",
				} {
					if !strings.Contains(text, want) {
						t.Errorf("the review does not show %q in %s", want, text)
					}
				}
				h.tap("Lock and close")
				h.wantScreen("sealed")
				if st := h.env.Kiosk.Engine().State(); st != session.StateSealed {
					t.Errorf("state after Lock and close = %s, want sealed", st)
				}
				if items := h.env.Kiosk.Engine().Items(); items != nil {
					t.Errorf("Items() after Lock and close = %d items, want none in memory", len(items))
				}
			})
		}
	}
}

func sizeName(s fyne.Size, large bool) string {
	n := map[float32]string{800: "800x480", 1280: "1280x720"}[s.Width]
	if large {
		n += "-larger-text"
	}
	return n
}

// TestReviewAndWriteUp: the review's Write-up button opens the write-up, whose notes column
// shows the interview beside the field; from the column the whole session opens again.
func TestReviewAndWriteUp(t *testing.T) {
	h := newHarness(t)
	h.runInterview()
	h.tap("Show my notes")
	h.wantScreen("write-up")
	h.screenFits()
	if !h.shows(reviewNote) {
		t.Error("the notes beside the write-up do not show the first topic's notes")
	}
	if got := h.entry().Text; got != reviewSaid {
		t.Errorf("the write-up field beside the notes holds %q, want %q", got, reviewSaid)
	}
	if contains(h.buttonTexts(), "Space") {
		t.Error("the keyboard stays under the notes at 800x480, where the notes need its room")
	}
	h.w.Resize(fyne.NewSize(1280, 720))
	h.tap("Hide my notes")
	h.tap("Show my notes")
	h.screenFits()
	if !h.shows(reviewNote) || !contains(h.buttonTexts(), "Space") {
		t.Error("at 1280x720 the write-up does not show both the notes and the keyboard")
	}
	h.w.Resize(fyne.NewSize(800, 480))
	h.tap("Whole session")
	h.wantScreen("review")
	h.tap("Write-up")
	h.wantScreen("write-up")
	h.tap("Hide my notes")
	if h.shows(reviewNote) {
		t.Error("Hide my notes left the notes on the screen")
	}
	h.sealAndReopen()
	h.wantScreen("review")
	h.tap("Write-up")
	h.wantScreen("write-up")
	if got := h.entry().Text; got != reviewSaid {
		t.Errorf("the reopened write-up holds %q, want %q", got, reviewSaid)
	}
}

// TestReviewIdleSeals: the review left alone locks the session and goes Home, as the write-up
// does: the session key leaves memory.
func TestReviewIdleSeals(t *testing.T) {
	h := newHarness(t)
	h.runInterview()
	h.sealAndReopen()
	h.wantScreen("review")
	h.env.Clock.Advance(2 * time.Minute)
	h.u.Tick()
	h.wantScreen("home")
	if st := h.env.Kiosk.Engine().State(); st != session.StateSealed {
		t.Errorf("state after the idle time-out = %s, want sealed", st)
	}
	if _, err := h.env.Kiosk.Engine().Review(); err == nil {
		t.Error("Review() after the idle time-out = nil error, want the session closed")
	}
}

// TestReviewLeavesNoTrace: reading a session writes nothing in plaintext to the store and logs
// none of its words, even at debug level.
func TestReviewLeavesNoTrace(t *testing.T) {
	test.NewTempApp(t)
	var logs bytes.Buffer
	env, d := kiosktest.Seeded(t)
	h := startOn(t, env, Options{IdleTimeout: time.Minute, Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	h.d = d
	h.runInterview()
	h.tap("Show my notes")
	h.sealAndReopen()
	h.readAllPages()
	h.tap("Write-up")
	h.tap("Seal the notes")
	h.tap("Seal")
	if logs.Len() == 0 {
		t.Fatal("nothing was logged: the test does not see the log")
	}
	dump := env.Store.Dump()
	for _, p := range []string{reviewNote, reviewQuote, reviewClosing, reviewSaid, "peers"} {
		if strings.Contains(logs.String(), p) {
			t.Errorf("the log holds %q", p)
		}
		if bytes.Contains(dump, []byte(p)) {
			t.Errorf("the store holds %q in plaintext", p)
		}
	}
}

// TestReviewOnlyForItsInterviewer: another interviewer's "Your sessions" lists none of this
// interviewer's sessions, so there is nothing of them to read.
func TestReviewOnlyForItsInterviewer(t *testing.T) {
	h := newHarness(t)
	h.runInterview()
	h.tap("Seal the notes")
	h.tap("Seal")
	h.tap("Done")
	ctx := context.Background()
	a, err := h.env.Kiosk.SignInAdmin(ctx, []byte(h.d.AdminCredential))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.env.Kiosk.AddInterviewer(ctx, a, "Second interviewer", []byte("246813")); err != nil {
		t.Fatal(err)
	}
	h.tap("Start")
	h.tap("Second interviewer")
	h.pin("246813")
	h.wantScreen("interviewer")
	if !h.shows("You have no stored sessions.") {
		t.Errorf("another interviewer's list shows sessions: %v", h.buttonTexts())
	}
	for _, b := range h.buttonTexts() {
		if strings.Contains(b, "deleted on") {
			t.Errorf("another interviewer's list offers %q", b)
		}
	}
}

// TestReviewNeverDuringTheInterview: the review cannot be shown while the interview is live
// (the interviewee may be in the room): asked for, it shows the live screen instead.
func TestReviewNeverDuringTheInterview(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	h.u.sessions.showReview(0, nil)
	h.wantScreen("questions")
}

// TestKeyQuotesDuringTheInterview: a saved quote shows as a count beside Key quote; the list
// corrects its words and its tag and deletes it, and comes back to the same topic.
func TestKeyQuotesDuringTheInterview(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	eng := h.env.Kiosk.Engine()
	if contains(h.buttonTexts(), "Quotes (0)") {
		t.Error("a count of no quotes is shown")
	}
	h.tap("Next topic")
	topic, _, _ := eng.CurrentTopic()
	h.tap("Key quote")
	test.Type(h.entry(), "we never hear back")
	h.tap("Save quote")
	h.wantScreen("questions")
	h.tap("Quotes (1)")
	h.wantScreen("quotes")
	h.screenFits()
	h.tap("Topic 2: “we never hear back”")
	h.wantScreen("quote-edit")
	h.screenFits()
	test.Type(h.entry(), " after a complaint") // at the end, where the cursor waits
	h.tap("Thorn")
	h.tap("Save")
	h.wantScreen("quotes")
	q := eng.Quotes()
	if len(q) != 1 || q[0].Text != "we never hear back after a complaint" || q[0].Tag != session.TagThorn {
		t.Fatalf("Quotes() after the correction = %+v, want the new words tagged thorn", q)
	}
	h.tap("Topic 2 · Thorn: “we never hear back after a complaint”")
	h.tap("Delete the quote")
	h.wantScreen("quote-delete")
	h.tap("No, keep it")
	h.wantScreen("quote-edit")
	h.tap("Delete the quote")
	h.tap("Yes, delete it")
	h.wantScreen("quotes")
	if q := eng.Quotes(); len(q) != 0 {
		t.Errorf("Quotes() after Delete = %+v, want none", q)
	}
	h.tap("Back to the questions")
	h.wantScreen("questions")
	if now, _, _ := eng.CurrentTopic(); now.ID != topic.ID {
		t.Errorf("back from the quotes on topic %s, want %s", now.ID, topic.ID)
	}
	if contains(h.buttonTexts(), "Quotes (0)") || contains(h.buttonTexts(), "Quotes (1)") {
		t.Errorf("the quote count is still shown after the last quote went: %v", h.buttonTexts())
	}
}

// TestKeyQuotesPaged: many quotes page on the list, every page fitting the screen.
func TestKeyQuotesPaged(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	tp, _, _ := h.env.Kiosk.Engine().CurrentTopic()
	for i := range 12 {
		if _, err := h.env.Kiosk.Engine().AddQuote(context.Background(), tp.ID, strings.Repeat("a long quote ", 10)+string(rune('A'+i)), session.TagBud); err != nil {
			t.Fatal(err)
		}
	}
	h.u.sessions.showQuestions()
	h.tap("Quotes (12)")
	pages := 1
	h.screenFits()
	for h.enabled("Next page") && pages < 20 {
		h.tap("Next page")
		h.screenFits()
		pages++
	}
	if pages < 2 {
		t.Errorf("12 quotes on %d page, want them paged", pages)
	}
}

// TestGuidanceAndProbesBothShown: a topic with guidance and probes shows both.
func TestGuidanceAndProbesBothShown(t *testing.T) {
	test.NewTempApp(t)
	_ = loadTranslations()
	for _, tc := range []struct {
		topic protocol.Topic
		want  []string
	}{
		{protocol.Topic{Guidance: "If necessary, ask the probes.", Probes: []string{"Why?", "How?"}}, []string{"If necessary, ask the probes.", "Probes: Why? · How?"}},
		{protocol.Topic{Guidance: "Section: the team"}, []string{"Section: the team"}},
		{protocol.Topic{Probes: []string{"Why?"}}, []string{"Probes: Why?"}},
	} {
		got := probeText(tc.topic)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("probeText(%+v) = %q, want it to hold %q", tc.topic, got, w)
			}
		}
	}

	h := newHarness(t)
	h.toConsentWith("Peer challenge: appreciative inquiry with service users (45 min)")
	h.consent()
	h.pin(h.d.InterviewerPIN)
	for range 30 {
		if h.shows("If necessary, ask the probes.") {
			break
		}
		if !contains(h.buttonTexts(), "Next topic") {
			t.Fatal("no topic shows the pack's guidance")
		}
		h.tap("Next topic")
	}
	if !h.shows("Probes: ") {
		t.Error("the topic with guidance does not show its probes")
	}
}

// TestReviewLongNote: a 2,000-word note pages whole, no word lost, every page within the
// screen, in the normal and the larger text.
func TestReviewLongNote(t *testing.T) {
	var words []string
	for i := range 2000 {
		words = append(words, []string{"the", "team", "said", "that", "supervision", "helps.", "Rotas", "change", "late,\n"}[i%9]+fmt.Sprint(i))
	}
	note := strings.Join(words, " ")
	for _, large := range []bool{false, true} {
		t.Run(sizeName(fyne.NewSize(800, 480), large), func(t *testing.T) {
			h := newHarness(t)
			h.runInterview()
			tp := h.env.Kiosk.Engine().Topics()[1]
			if err := h.env.Kiosk.Engine().SetNote(context.Background(), tp.ID, note); err != nil {
				t.Fatal(err)
			}
			h.tap("Seal the notes")
			h.tap("Seal")
			h.tap("Done")
			if large {
				h.tap("Larger text")
			}
			h.signIn()
			start := time.Now()
			h.tapSession()
			opened := time.Since(start)
			text := h.readAllPages()
			if !strings.Contains(text, strings.Join(strings.Fields(note), " ")) {
				t.Error("the review does not show the long note whole, in order")
			}
			t.Logf("opened in %v, read in %v", opened, time.Since(start)-opened)
		})
	}
}
