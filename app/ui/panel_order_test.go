package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/panel"
)

// scoreAfterEach sets the panel, from the lobby, to score each candidate after their
// interview (the organisation's choice), as the chair, and signs out to the lobby.
func (r *panelRun) scoreAfterEach() {
	r.t.Helper()
	r.fromLobby(r.seed.Chair.DisplayName)
	r.wantScreen("panel-home")
	r.tap("Order and lead")
	r.wantScreen("panel-order")
	r.tapStarting("Our organisation's process")
	r.wantScreen("panel-order")
	r.tap("Back")
	r.signOutToLobby()
}

// guideJourney runs the panel set up by setUp in the guide's order: candidates 101 and 102
// seen (103 and 104 withdrawn), a member's own notes, the lead's discussion, every member's
// scores, the decision, a feedback request, the outcome told and the carer's feedback.
func (r *panelRun) guideJourney() {
	r.t.Helper()
	chair, staff, carer := r.seed.Chair.DisplayName, r.seed.Staff.DisplayName, r.seed.Partner.DisplayName
	r.fromLobby(chair)
	r.wantScreen("panel-home")
	r.tap("Order and lead")
	r.wantScreen("panel-order")
	r.see("order and lead")
	if b := r.buttonStarting("The guide's order"); b.Importance != widget.HighImportance {
		r.t.Error("the guide's order is not the one chosen by default")
	}
	r.tap("Back")
	for _, n := range []string{"101", "102"} {
		if r.u.Screen() == "panel-lobby" {
			r.fromLobby(chair)
		}
		r.interview(n, false)
		r.see("lobby after an interview, the guide's order")
		if r.shows("to score") || r.shows("scores on their own") {
			r.t.Errorf("after candidate %s's interview the lobby asks for scores before the discussion", n)
		}
	}
	// A member's own notes while the candidates are seen; no score yet.
	r.fromLobby(staff)
	r.wantScreen("panel-home")
	r.see("panel home, candidates being seen")
	if !r.shows("Candidates: 4, 2 seen") || r.shows("scored by everyone") {
		r.t.Error("before the discussion the overview does not count the candidates seen")
	}
	if contains(r.buttonTexts(), "Score a candidate") {
		r.t.Error("Score a candidate is offered while candidates are still to be seen")
	}
	r.tap("My notes on a candidate")
	r.wantScreen("panel-notes-pick")
	r.see("own notes: which candidate")
	r.tapStarting("Candidate 101")
	r.wantScreen("panel-own-notes")
	r.see("own notes")
	r.typeInto(0, "staff's own note of 101")
	r.tap("Keyboard")
	r.see("own notes with the keyboard")
	r.tap("Save")
	if own, err := r.u.panels.panel.Sheet(r.seed.Staff.ID, "101"); err != nil || own.Notes != "staff's own note of 101" {
		r.t.Errorf("the staff member's own notes of 101 = %q, %v; want them saved", own.Notes, err)
	}
	r.tap("Back")
	r.tap("The discussion")
	r.wantScreen("panel-discussion")
	r.see("discussion, not every candidate seen")
	if !r.shows("Once every candidate has been seen") || contains(r.buttonTexts(), "Record the discussion") {
		r.t.Error("the discussion does not say it waits for every candidate to be seen")
	}
	r.tap("Back")
	r.signOutToLobby()
	// 103 and 104 do not come.
	r.fromLobby(chair)
	r.withdraw("103", "They did not attend")
	r.withdraw("104", "They did not attend")
	r.signOutToLobby()
	// Every candidate seen: a member who does not lead is told who records the discussion.
	r.fromLobby(staff)
	r.tap("The discussion")
	r.wantScreen("panel-discussion")
	r.see("discussion, a member who does not lead")
	if !r.shows(chair+", who leads the interview, records the discussion") || contains(r.buttonTexts(), "Record the discussion") {
		r.t.Error("the discussion does not tell a member who does not lead who records it")
	}
	r.tap("Back")
	r.signOutToLobby()
	r.fromLobby(chair)
	r.tap("The discussion")
	r.wantScreen("panel-discussion")
	r.see("discussion, the lead records it")
	r.tapStarting("Candidate 101")
	r.wantScreen("panel-discussion-note")
	r.see("discussion: a candidate's note")
	r.typeInto(0, "Agreed: strong on carers")
	r.tap("Keyboard")
	r.see("discussion: a candidate's note with the keyboard")
	r.tap("Done")
	r.tap("Record the discussion")
	r.wantScreen("panel-discussion-confirm")
	r.see("discussion: record it?")
	if p, _ := r.u.panels.panel.Progress(); p.Discussion != nil {
		r.t.Error("the discussion was recorded before it was confirmed")
	}
	r.tap("Yes, record it")
	r.wantScreen("panel-discussion")
	r.see("discussion recorded")
	if !r.shows("Recorded by") || !r.shows("Agreed: strong on carers") {
		r.t.Error("the recorded discussion is not shown with its note")
	}
	r.tap("Back")
	r.signOutToLobby()
	// Now each member scores on their own.
	scores := map[string][]int{chair: {4, 3, 4}, staff: {2, 3, 4}, carer: {5, 3, 3}}
	for _, n := range []string{"101", "102"} {
		for _, m := range []string{chair, staff, carer} {
			r.u.panels.showPanelLobby(r.seed.EngagementID, n)
			r.score(m, n, scores[m], -1)
			r.tap("Sign out, next member")
		}
	}
	r.fromLobby(chair)
	r.tap("Record the decision")
	r.tap("101")
	r.typeInto(0, "Strongest examples of supporting carers")
	r.tap("Confirm with my PIN")
	r.pin(r.pinOf(chair))
	r.wantScreen("panel-home")
	r.see("panel home after the decision")
	r.tap("Feedback and outcome")
	r.wantScreen("panel-after")
	r.see("feedback and outcome, the appointing officer")
	if !r.shows(panel.ChecksAndReferences) {
		r.t.Error("after the decision the screen does not say offers are subject to checks and references")
	}
	r.tapCheck("Candidate 102")
	r.tapStarting("I have told " + carer)
	r.wantScreen("panel-after")
	if !r.shows("You have told " + carer + " the outcome.") {
		r.t.Error("the outcome told is not shown as recorded")
	}
	r.tap("Back")
	r.signOutToLobby()
	r.fromLobby(carer)
	r.tap("Feedback and outcome")
	r.tap("Give my feedback")
	r.wantScreen("panel-feedback")
	r.see("carer's feedback: went well")
	r.typeInto(0, "I was listened to")
	r.tap("Keyboard")
	r.see("carer's feedback with the keyboard")
	r.tap("Next")
	r.see("carer's feedback: could be improved")
	r.typeInto(0, "More time between candidates")
	r.tap("Save my feedback")
	r.wantScreen("panel-after")
	r.see("feedback and outcome, the carer")
	if !r.shows("What went well: I was listened to") || !r.shows("What could be improved: More time between candidates") {
		r.t.Error("the carer's feedback is not shown back to them as given")
	}
}

// buttonStarting is the screen's button whose text starts with prefix.
func (r *panelRun) buttonStarting(prefix string) *widget.Button {
	r.t.Helper()
	for _, b := range r.buttons() {
		if len(b.Text) >= len(prefix) && b.Text[:len(prefix)] == prefix {
			return b
		}
	}
	r.t.Fatalf("screen %s: no button starting %q; buttons %q", r.u.Screen(), prefix, r.buttonTexts())
	return nil
}

// tapCheck taps the screen's check box labelled text.
func (r *panelRun) tapCheck(text string) {
	r.t.Helper()
	for _, o := range r.objects() {
		if c, ok := o.(*widget.Check); ok && c.Text == text {
			c.SetChecked(!c.Checked)
			return
		}
	}
	r.t.Fatalf("screen %s: no check box %q", r.u.Screen(), text)
}

// TestPanelInTheGuidesOrder: a panel set up on the screens runs in the guide's order: no
// score before the lead records the discussion, the members' own notes while the candidates
// are seen, and after the decision the feedback request, the outcome told and the carer's
// feedback, all kept.
func TestPanelInTheGuidesOrder(t *testing.T) {
	r := newPanelRun(t, fyne.NewSize(800, 480))
	r.guide = true
	r.setUp()
	r.guideJourney()
	p, err := r.u.panels.panel.Progress()
	if err != nil {
		t.Fatal(err)
	}
	if p.Order != panel.OrderGuide || p.Discussion == nil || p.Discussion.Notes["101"] != "Agreed: strong on carers" ||
		len(p.Told) != 1 || len(p.Feedback) != 1 || p.Feedback[0].WentWell != "I was listened to" ||
		p.Feedback[0].CouldImprove != "More time between candidates" || len(p.FeedbackRequested) != 1 || p.FeedbackRequested[0] != "102" {
		t.Errorf("the panel after the journey = %+v, discussion %+v", p, p.Discussion)
	}
}

// TestEveryPanelOrderScreenFits walks the guide's order at every screen size, with larger
// text off and on: every screen of it must fit.
func TestEveryPanelOrderScreenFits(t *testing.T) {
	for _, size := range screenSizes {
		for _, large := range []bool{false, true} {
			t.Run(goldenSize(size)+map[bool]string{false: "", true: "/large"}[large], func(t *testing.T) {
				var r *panelRun
				f := startFit(t, size, large, func(t *testing.T) *harness {
					r = newPanelRun(t, size)
					return r.harness
				})
				r.check = func(where string) { t.Helper(); f.check(where) }
				r.guide = true
				r.setUp()
				r.guideJourney()
			})
		}
	}
}

// TestPanelOrderMessages: the order's refusals read as the sentences they are, not as a
// failure to report to an admin.
func TestPanelOrderMessages(t *testing.T) {
	for _, err := range []error{panel.ErrNotYetScoring, panel.ErrNotAllSeen, panel.ErrNotLead, panel.ErrNotDecidedYet, panel.ErrNotPartner,
		fmt.Errorf("add candidate: %w: a candidate added now would not be seen before it", panel.ErrDiscussed)} {
		if got := message(err); strings.Contains(got, "tell an admin") || strings.Contains(got, "did not work") {
			t.Errorf("message(%v) = %q, want the refusal in plain words", err, got)
		}
	}
}
