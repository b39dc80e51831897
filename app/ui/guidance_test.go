package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/protocol"
)

const guidanceButton = "Guidance for the interviewer"

// fits fails the test when the screen needs more room than the 800x480 window has.
func (h *harness) fits(where string) {
	h.t.Helper()
	if got := h.w.Content().MinSize(); got.Width > 800 || got.Height > 480 {
		h.t.Errorf("%s needs %v, more than the 800x480 screen", where, got)
	}
}

// everyPage calls visit on the screen's page and on every page after it, turning pages with
// the pager's Next page button.
func (h *harness) everyPage(visit func(page int)) {
	h.t.Helper()
	for page := 0; page < 50; page++ {
		visit(page)
		next := false
		for _, b := range h.buttons() {
			if b.Text == "Next page" && b.Visible() && !b.Disabled() {
				next = true
			}
		}
		if !next {
			return
		}
		h.tap("Next page")
	}
	h.t.Fatal("more than 50 pages")
}

// texts is the text of every label on the screen, one a line.
func (h *harness) texts() string {
	var b strings.Builder
	for _, o := range h.objects() {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// largerText turns the larger text on or off as the accessibility buttons do.
func largerText(on bool) {
	fyne.CurrentApp().Settings().SetTheme(&kioskTheme{large: on})
}

// readGuidance pages through the guidance screen, checking that every page fits the screen with
// the larger text off and on, and returns what it showed.
func (h *harness) readGuidance() string {
	h.t.Helper()
	h.wantScreen("guidance")
	var shown strings.Builder
	h.everyPage(func(page int) {
		shown.WriteString(h.texts())
		for _, large := range []bool{false, true} {
			largerText(large)
			h.fits("guidance page " + string(rune('1'+page)))
		}
		largerText(false)
	})
	return shown.String()
}

// TestGuidanceIsForTheInterviewer: the pack's guidance for the interviewer is on the hand-over
// screen before the interviewee gets the screen and in the session menu during the interview,
// every point of it, a page at a time within the screen; no screen the interviewee holds
// offers it or shows it.
func TestGuidanceIsForTheInterviewer(t *testing.T) {
	h := newHarness(t)
	p, _ := protocol.BuiltinPack("leadership-360")
	h.signIn()
	h.tap("Start a new session")
	h.tap(h.d.EngagementTitle)
	h.tapPaged("360-degree leadership interview (30 min)")
	h.tap("Next")
	h.tap("peers")
	h.tap("Start session")
	h.wantScreen("hand-over")

	h.tap(guidanceButton)
	shown := h.readGuidance()
	for _, point := range p.InterviewerGuidance {
		if !strings.Contains(shown, point) {
			t.Errorf("guidance before the session does not show %q", point)
		}
	}
	h.tap("Back")
	h.wantScreen("hand-over")

	noGuidance := func() {
		t.Helper()
		if contains(h.buttonTexts(), guidanceButton) || h.shows("Active Listening") || h.shows("Use Empathetic Language") {
			t.Errorf("the interviewee's screen %s offers or shows the interviewer's guidance", h.u.Screen())
		}
	}
	h.tap("Hand the screen to the interviewee")
	for h.u.Screen() == "preamble" {
		noGuidance()
		if contains(h.buttonTexts(), "Next") {
			h.tap("Next")
		} else {
			h.tap("Continue to consent")
		}
	}
	h.wantScreen("consent")
	noGuidance()
	h.consent()
	h.wantScreen("hand-back")
	noGuidance()

	h.pin(h.d.InterviewerPIN)
	h.wantScreen("questions")
	h.tap("More")
	h.wantScreen("session-menu")
	h.fits("session menu")
	h.tap(guidanceButton)
	if shown := h.readGuidance(); !strings.Contains(shown, "Encourage Two-Way Dialogue") {
		t.Error("guidance during the session does not show the points on two-way dialogue")
	}
	h.tap("Back")
	h.wantScreen("session-menu")
	h.tap("Back to the session")
	h.wantScreen("questions")
}

// TestGuidanceOfEveryPackFits: every built-in pack's guidance fits the screen, page by page,
// with the larger text off and on.
func TestGuidanceOfEveryPackFits(t *testing.T) {
	walksEveryPack(t)
	h := newHarness(t)
	for _, p := range protocol.Builtin() {
		h.u.show("guidance", screenLive, h.u.sessions.guidanceContent(p, func() {}))
		shown := h.readGuidance()
		for _, point := range p.InterviewerGuidance {
			if !strings.Contains(shown, point) {
				t.Errorf("%s: guidance does not show %q", p.ID, point)
			}
		}
	}
}

// tapDetails taps the Details button of the pack whose line in the list reads line, turning
// the pages of the list until it shows.
func (h *harness) tapDetails(line string) {
	h.t.Helper()
	for range 10 {
		for _, o := range h.objects() {
			c, ok := o.(*fyne.Container)
			if !ok || len(c.Objects) != 2 {
				continue
			}
			l, lok := c.Objects[0].(*widget.Label)
			b, bok := c.Objects[1].(*Button)
			if lok && bok && l.Text == line && b.Text == "Details" {
				test.Tap(b)
				return
			}
		}
		if !contains(h.buttonTexts(), "Next page") {
			break
		}
		h.tap("Next page")
	}
	h.t.Fatalf("screen %s: no pack %q with a Details button", h.u.Screen(), line)
}

// TestPackInfo: an admin taps a pack in the list and reads its source and each thing it adds
// to the source with why, on pages that fit the screen.
func TestPackInfo(t *testing.T) {
	h := newHarness(t)
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.tap("Question packs")
	h.wantScreen("packs")
	h.everyPage(func(page int) {
		for _, large := range []bool{false, true} {
			largerText(large)
			h.fits("the packs list, page " + string(rune('1'+page)))
		}
		largerText(false)
	})
	for _, tc := range []struct {
		pack string
		want []string
	}{
		{"Recruitment panel: values-based questions (v3, 9 topics, 45 min)", []string{
			"Guide to involving service users and carers in staff interviews",
			"Added: the scale of every question", "“1 (little or no evidence) to 5 (strong evidence)”",
			"Why: The guide gives no scale",
			"Added: the closing question", "Added: the length in minutes",
			"Added: the question “promoting-equality”",
		}},
		{"360-degree leadership interview (v3, 10 topics, 30 min)", []string{
			"How to set up a safe leadership interview / feedback session",
			"Guidance for the interviewer: 15 points.",
			"Added: the consent point “notes”", "Why: The guide does not mention quoting",
		}},
		{"Peer challenge: solution-focused questions (v3, 6 topics, 45 min)", []string{
			"45 minutes from the Day 1 timetable",
			"Added: the preamble page “You can skip a question”",
		}},
	} {
		h.tapDetails(tc.pack)
		h.wantScreen("pack-info")
		var shown strings.Builder
		h.everyPage(func(page int) {
			shown.WriteString(h.texts())
			for _, large := range []bool{false, true} {
				largerText(large)
				h.fits(tc.pack + ", page " + string(rune('1'+page)))
			}
			largerText(false)
		})
		for _, want := range tc.want {
			if !strings.Contains(shown.String(), want) {
				t.Errorf("pack information of %s does not show %q:\n%s", tc.pack, want, shown.String())
			}
		}
		h.tap("Back to the packs")
		h.wantScreen("packs")
	}
}

// TestPackInfoOfEveryPackFits: every built-in pack's information fits the screen, page by
// page, with the larger text off and on, and names each of its additions.
func TestPackInfoOfEveryPackFits(t *testing.T) {
	walksEveryPack(t)
	h := newHarness(t)
	for _, p := range protocol.Builtin() {
		h.u.sessions.showPackInfo(p)
		var shown strings.Builder
		h.everyPage(func(page int) {
			shown.WriteString(h.texts())
			for _, large := range []bool{false, true} {
				largerText(large)
				h.fits(p.ID + " pack information, page " + string(rune('1'+page)))
			}
			largerText(false)
		})
		if got, want := strings.Count(shown.String(), "Added: "), len(p.Additions); got != want {
			t.Errorf("%s: pack information names %d additions, want %d", p.ID, got, want)
		}
	}
}
