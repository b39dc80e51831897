package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"quietroom/app/kiosk/demo"
	"quietroom/app/kiosk/surveys"
	"quietroom/app/session"
)

const resetPIN = "731905"

// groupsHarness is the demo kiosk with its panel and surveys, the admin signed in.
func groupsHarness(t *testing.T) (*harness, demo.DemoPanel) {
	t.Helper()
	h := newHarness(t)
	dp, err := demo.SeedPanel(context.Background(), h.env.Kiosk, h.d)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.SeedSurvey(context.Background(), h.env.Kiosk, h.d.AdminCredential); err != nil {
		t.Fatal(err)
	}
	return h, dp
}

func (h *harness) adminIn() {
	h.t.Helper()
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.wantScreen("admin")
}

func (h *harness) interviewer(name string) session.Interviewer {
	h.t.Helper()
	ivs, err := h.env.Kiosk.Interviewers(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	i := slices.IndexFunc(ivs, func(iv session.Interviewer) bool { return iv.DisplayName == name })
	if i < 0 {
		h.t.Fatalf("no interviewer %q", name)
	}
	return ivs[i]
}

// The New PIN warning names every group the interviewer waits in after it, not only sessions.
func TestNewPINWarningNamesGroups(t *testing.T) {
	h, _ := groupsHarness(t)
	h.adminIn()
	h.u.console.showInterviewers()
	h.u.console.showNewPIN(h.interviewer(h.d.InterviewerName))
	h.wantScreen("new-pin")
	for _, want := range []string{
		"sessions this interviewer stored before can no longer be opened",
		"waits to be let in again by another member",
		"the recruitment panel “" + demo.DemoPanelTitle + "”",
		"the results of the survey “" + demo.DemoSurveyTitle + "”",
		"the results of the survey “" + demo.DemoClosedSurveyTitle + "”",
	} {
		if !h.shows(want) {
			t.Errorf("the New PIN warning does not say %q", want)
		}
	}
	if h.shows("unreadable for good") {
		t.Error("the New PIN warning says a group is lost for good, but other members hold every key")
	}
}

// A survey whose review team is one interviewer is lost for good by a new PIN: the admin reads
// so before typing it, and is asked once more before it is done.
func TestOnlyMemberResetIsToldBeforeConfirming(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	iv := h.interviewer(h.d.InterviewerName)
	h.adminIn()
	now := h.env.Clock.Now()
	if _, err := surveys.CreateSurvey(ctx, h.env.Kiosk, h.u.admin, surveys.NewSurvey{Title: "Only one reader", Teams: []string{"A", "B"},
		Opens: now, Closes: now.AddDate(0, 0, 14), DeletionDate: now.AddDate(0, 2, 0), Members: []string{iv.ID}}); err != nil {
		t.Fatal(err)
	}
	h.u.console.showInterviewers()
	h.u.console.showNewPIN(iv)
	if !h.shows("unreadable for good") || !h.shows("“Only one reader”") {
		t.Fatal("the New PIN warning does not say that the survey only this interviewer reads becomes unreadable for good")
	}
	h.pin(resetPIN)
	h.wantScreen("new-pin-confirm")
	if !h.shows("“Only one reader”") {
		t.Error("the last confirmation does not name the survey lost")
	}
	if _, err := h.env.Kiosk.SignIn(ctx, iv.ID, []byte(h.d.InterviewerPIN)); err != nil {
		t.Fatalf("the PIN changed before the admin confirmed: SignIn with the old one = %v", err)
	}
	h.tap("Set the new PIN: they are lost")
	h.wantScreen("interviewers")
	if _, err := h.env.Kiosk.SignIn(ctx, iv.ID, []byte(resetPIN)); err != nil {
		t.Fatalf("SignIn with the new PIN = %v", err)
	}
}

// After a new PIN, the member's own survey list says they wait to be let in again; another
// member sees them waiting and lets them in, and the results open for them again.
func TestWaitingMemberIsLetInAgainOnScreen(t *testing.T) {
	h, dp := groupsHarness(t)
	iv := h.interviewer(h.d.InterviewerName)
	h.adminIn()
	h.u.console.showInterviewers()
	h.u.console.showNewPIN(iv)
	h.pin(resetPIN)
	h.wantScreen("interviewers")
	h.u.showHome()

	h.tap("Start")
	h.tap(h.d.InterviewerName)
	h.pin(resetPIN)
	h.wantScreen("interviewer")
	h.u.surveys.showSurveyList()
	h.tapCut(demo.DemoClosedSurveyTitle + ": waiting to be let in again")
	if !h.shows("waiting to be let in again by another member") {
		t.Fatal("opening the results while waiting does not say so")
	}
	h.u.signOut()
	h.u.showHome()

	h.tap("Start")
	h.tap(dp.StaffName)
	h.pin(dp.StaffPIN)
	h.u.surveys.showSurveyList()
	letIn := "Let in " + h.d.InterviewerName + " (" + demo.DemoClosedSurveyTitle
	h.tapCut(letIn)
	for _, b := range h.buttonTexts() {
		if strings.HasPrefix(letIn, strings.TrimSuffix(b, "…")) {
			t.Errorf("still waiting after Let in: %q", b)
		}
	}
	h.u.signOut()
	h.u.showHome()

	h.tap("Start")
	h.tap(h.d.InterviewerName)
	h.pin(resetPIN)
	h.u.surveys.showSurveyList()
	h.tapCut(demo.DemoClosedSurveyTitle + ": closed")
	h.wantScreen("survey-results")
}

// tapCut taps the button that shows the start of text (long texts are cut to the width).
func (h *harness) tapCut(text string) {
	h.t.Helper()
	for _, b := range h.buttonTexts() {
		if cut := strings.TrimSuffix(b, "…"); len(cut) > 8 && strings.HasPrefix(text, cut) || strings.HasPrefix(b, text) {
			h.tap(b)
			return
		}
	}
	h.t.Fatalf("screen %s: no button starting %q; buttons: %q", h.u.Screen(), text, h.buttonTexts())
}
