package ui

import (
	"errors"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"quietroom/app/panel"
)

// TestPanelJourney: a three-member panel with three candidates, from the carer's confirmation
// of understanding to the decision.
func TestPanelJourney(t *testing.T) {
	r := newPanelRun(t, fyne.NewSize(800, 480))
	r.setUp()
	chair, staff, carer := r.seed.Chair.DisplayName, r.seed.Staff.DisplayName, r.seed.Partner.DisplayName
	scores := map[string][]int{chair: {4, 3, 4}, staff: {2, 3, 4}, carer: {5, 3, 3}}
	for i, n := range []string{"101", "102", "103"} {
		r.fromLobby(chair) // scored the last candidate already: the overview
		r.wantScreen("panel-home")
		if i == 1 {
			// The question set is fixed since the first candidate.
			r.tap("Questions")
			if contains(r.buttonTexts(), "Add from the pack") || !r.shows("cannot change") {
				t.Error("the question set can still change after the first candidate")
			}
			r.tap("Back")
			if contains(r.buttonTexts(), "Add my own question") {
				t.Error("a member can still add a question after the first candidate")
			}
		}
		r.interview(n, i == 0)
		r.score(chair, n, scores[chair], -1)
		r.seeScores()
		if r.shows(staff + ":") {
			t.Error("the chair's sheet view shows the staff member's scores before they scored")
		}
		r.tap("Sign out")
		// The second member sees nobody's scores before submitting their own.
		r.fromLobby(staff)
		r.wantScreen("panel-score")
		if _, err := r.u.panels.panel.Sheets(n); !errors.Is(err, panel.ErrNotSubmitted) {
			t.Fatalf("Sheets before the staff member submitted = %v, want ErrNotSubmitted", err)
		}
		for _, l := range []string{chair + ":", "total"} {
			if r.shows(l) {
				t.Errorf("the staff member's scoring screen shows %q", l)
			}
		}
		r.u.panels.showPanelLobby(r.seed.EngagementID, n)
		r.score(staff, n, scores[staff], 0)
		r.seeScores()
		// Blind until every member has submitted: the carer has not.
		if r.shows(chair + ":") {
			t.Error("after submitting, the staff member sees the chair's scores before the carer has scored")
		}
		r.tap("Sign out")
		r.score(carer, n, scores[carer], -1)
		r.seeScores()
		if !r.shows(chair+":") || !r.shows(staff+":") {
			t.Error("once every member submitted, the carer does not see the others' scores")
		}
		r.tap("Sign out")
		r.wantScreen("panel-lobby")
		r.noScoresShown(n)
	}
	r.fromLobby(chair)
	r.wantScreen("panel-home")
	// Candidate 104 did not come: the decision waits for them, and says so.
	if b := r.buttonNamed("Record the decision"); !b.Disabled() {
		t.Error("the decision is open with candidate 104 not interviewed")
	}
	if !r.shows("candidate 104 has not been interviewed") {
		t.Error("the grey Record the decision does not say it waits for candidate 104")
	}
	r.withdraw("104", "They did not attend")
	if b := r.buttonNamed("Record the decision"); b.Disabled() {
		t.Errorf("Record the decision is still grey after candidate 104 was withdrawn; the screen says %q", r.labelTexts())
	}
	r.tap("Scores of the panel")
	r.wantScreen("panel-grid")
	r.see("grid")
	if !r.shows("discuss") {
		t.Error("the grid does not flag the spread of 3 on question 1")
	}
	r.tap("Back")
	r.tap("Record the decision")
	r.see("decision")
	r.tap("Confirm with my PIN")
	if !r.shows("Choose the selected candidate") {
		t.Error("a decision without an outcome was not refused")
	}
	r.tap("101")
	r.typeInto(0, "Strongest examples of supporting carers")
	r.tap("Confirm with my PIN")
	r.wantScreen("panel-decision-pin")
	r.see("decision PIN")
	r.pin("999999")
	if !r.shows("PIN is not right") {
		t.Error("a wrong PIN recorded the decision")
	}
	r.pin(r.pinOf(chair))
	r.wantScreen("panel-home")
	if !r.shows("The decision has been recorded") {
		t.Error("panel home does not say the decision is recorded")
	}
	if v, _ := r.u.panels.panel.State(); v.Decision == nil || v.Decision.Selected != "101" {
		t.Errorf("decision = %+v, want candidate 101", v.Decision)
	}
	r.export()
	// The test's stick is the kiosk's export folder (kiosktest's ImportDir).
	files, _ := filepath.Glob(filepath.Join(r.env.ImportDir, "*.pdf"))
	if len(files) != 1 {
		t.Fatalf("the stick holds %v, want the record's PDF", files)
	}
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Fatal("qpdf is not installed: run make deps (Debian package qpdf)")
	}
	if out, err := exec.Command(qpdf, "--requires-password", files[0]).CombinedOutput(); err != nil {
		t.Errorf("the exported record opens without a password: %v %s", err, out)
	}
}

// export writes the record to the test's stick, after refusing two passwords that differ.
func (r *panelRun) export() {
	r.t.Helper()
	r.tap("Export the record")
	r.wantScreen("panel-export")
	r.see("export")
	r.typeInto(0, "correct horse battery")
	r.typeInto(1, "correct horse batter")
	r.tap("Export")
	if !r.shows("typed the same twice") {
		r.t.Error("two different passwords were not refused")
	}
	// The window grew to 800x498 for this refusal.
	r.see("export, passwords that differ refused")
	r.typeInto(0, "correct horse battery")
	r.typeInto(1, "correct horse battery")
	r.tap("Export")
	r.wantScreen("panel-exported")
	r.see("exported")
}

// TestEveryPanelScreenFits walks the whole panel at every screen size, with larger text off
// and on: every screen from the set-up to the decision must fit.
func TestEveryPanelScreenFits(t *testing.T) {
	for _, size := range screenSizes {
		for _, large := range []bool{false, true} {
			t.Run(goldenSize(size)+map[bool]string{false: "", true: "/large"}[large], func(t *testing.T) {
				var r *panelRun
				f := startFit(t, size, large, func(t *testing.T) *harness {
					r = newPanelRun(t, size)
					return r.harness
				})
				r.check = func(where string) { t.Helper(); f.check(where) }
				r.setUp()
				chair, staff, carer := r.seed.Chair.DisplayName, r.seed.Staff.DisplayName, r.seed.Partner.DisplayName
				for _, n := range []string{"101", "102", "103"} {
					r.fromLobby(chair)
					r.see("panel home, candidate " + n)
					r.interview(n, n == "101")
					for _, m := range []string{chair, staff, carer} {
						r.score(m, n, []int{4, 2, 5}, 1)
						r.seeScores()
						r.tap("Sign out")
					}
				}
				r.fromLobby(chair)
				r.see("panel home, the decision waiting for candidate 104")
				r.decline("104")
				r.tap("Scores of the panel")
				r.see("grid")
				r.tap("Back")
				r.tap("Record the decision")
				r.see("decision")
				r.tap("No appointment")
				r.tap("Keyboard")
				r.see("decision with the keyboard")
				r.typeInto(0, "No candidate met the standard")
				r.tap("Confirm with my PIN")
				r.pin(r.pinOf(chair))
				r.wantScreen("panel-home")
				r.see("panel home after the decision")
				r.export()
			})
		}
	}
}

// TestGoldenPanelScreens keeps images of the signed confirmation of understanding and of the
// panel's grid at 800x480 and 1280x720.
func TestGoldenPanelScreens(t *testing.T) {
	for _, size := range screenSizes {
		t.Run(goldenSize(size), func(t *testing.T) {
			r := newPanelRun(t, size)
			r.setUp()
			chair, staff, carer := r.seed.Chair.DisplayName, r.seed.Staff.DisplayName, r.seed.Partner.DisplayName
			r.fromLobby(chair)
			r.tap("Confirmation sheet")
			for contains(r.buttonTexts(), "Next") {
				r.tap("Next")
			}
			r.tap("Show the signed sheet")
			r.wantScreen("panel-confirm-sheet")
			test.AssertRendersToImage(t, "panel-confirmation-"+goldenSize(size)+".png", r.w.Canvas())
			r.tap("Back")
			r.interview("101", false)
			r.score(chair, "101", []int{4, 3, 4}, -1)
			r.tap("Sign out, next member")
			r.score(staff, "101", []int{2, 3, 4}, 0)
			r.tap("Sign out, next member")
			r.score(carer, "101", []int{5, 3, 3}, -1)
			r.seeScores()
			r.tap("Scores of the panel")
			r.wantScreen("panel-grid")
			test.AssertRendersToImage(t, "panel-grid-"+goldenSize(size)+".png", r.w.Canvas())
		})
	}
}

// TestPanelIdleKeepsWhatWasTyped: a member who walks away mid-scoring goes back to Home after
// the idle time; the reason they typed is saved first, and is there when they sign in again.
func TestPanelIdleKeepsWhatWasTyped(t *testing.T) {
	r := newPanelRun(t, fyne.NewSize(800, 480))
	r.u.opts.IdleTimeout = 2 * time.Minute
	r.setUp()
	chair := r.seed.Chair.DisplayName
	r.fromLobby(chair)
	r.interview("101", false)
	r.fromLobby(chair)
	r.wantScreen("panel-score")
	r.tapStarting("4 ·")
	r.typeInto(0, "typed, not yet saved")
	r.env.Clock.Advance(3 * time.Minute)
	r.u.Tick()
	r.wantScreen("home")
	if r.u.panels.panel != nil {
		t.Fatal("the member's panel is still open after the idle time-out")
	}
	r.u.panels.showPanelLobby(r.seed.EngagementID, "101")
	r.fromLobby(chair)
	r.wantScreen("panel-score")
	if got := r.entry().Text; got != "typed, not yet saved" {
		t.Errorf("reason after the idle time-out = %q, want the typed one", got)
	}
}
