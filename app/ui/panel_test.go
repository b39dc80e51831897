package ui

import (
	"errors"
	"os/exec"
	"path/filepath"
	"quietroom/hw"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/panel"
)

// panelRun walks a recruitment panel through the screens, as the people at the table do.
// check, when set, is called on every screen (the fit test).
type panelRun struct {
	*harness
	seed  kiosktest.PanelSeed
	check func(where string)
	// guide keeps the guide's order that a new panel has; without it setUp chooses scoring
	// after each candidate, which these journeys go through (panel_order_test.go the guide's).
	guide bool
}

func newPanelRun(t *testing.T, size fyne.Size) *panelRun {
	t.Helper()
	test.NewTempApp(t)
	env := kiosktest.New(t)
	seed := kiosktest.SeedPanel(t, env.Kiosk)
	h := startOn(t, env, Options{IdleTimeout: time.Hour})
	h.w.Resize(size)
	h.u.showHome()
	return &panelRun{harness: h, seed: seed}
}

func (r *panelRun) see(where string) {
	r.t.Helper()
	if r.check != nil {
		r.check(where)
	}
}

// tapStarting taps the enabled button whose text starts with prefix, turning pages.
func (r *panelRun) tapStarting(prefix string) {
	r.t.Helper()
	r.turnTo(func() bool {
		for _, b := range r.buttons() {
			if strings.HasPrefix(b.Text, prefix) && !b.Disabled() && b.Visible() {
				test.Tap(b)
				return true
			}
		}
		return false
	})
}

// typeInto types text into the n-th text field of the screen (0 is the first).
func (r *panelRun) typeInto(n int, text string) {
	r.t.Helper()
	var es []*kbEntry
	for _, o := range r.objects() {
		if e, ok := o.(*kbEntry); ok {
			es = append(es, e)
		}
	}
	if n >= len(es) {
		r.t.Fatalf("screen %s has %d text fields, want field %d", r.u.Screen(), len(es), n)
	}
	es[n].SetText(text)
}

// sign draws a stroke on the screen's signature pad.
func (r *panelRun) sign() {
	r.t.Helper()
	for _, o := range r.objects() {
		if p, ok := o.(*SignaturePad); ok {
			p.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(40, 40)}, Dragged: fyne.NewDelta(10, 5)})
			p.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(90, 60)}, Dragged: fyne.NewDelta(50, 20)})
			p.DragEnd()
			return
		}
	}
	r.t.Fatalf("screen %s has no signature pad", r.u.Screen())
}

// setRole ticks role's box in the member's row of the panel's member list.
func (r *panelRun) setRole(name, role string) {
	r.t.Helper()
	r.turnTo(func() bool {
		inRow := false
		for _, o := range r.objects() {
			switch x := o.(type) {
			case *widget.Label:
				if x.TextStyle.Bold { // the member's name heads the row
					inRow = x.Text == name
				}
			case *widget.Check:
				if inRow && x.Text == role {
					test.Tap(x)
					return true
				}
			}
		}
		return false
	})
}

// turnTo runs try on the first page of the screen's pager and the pages after it until it
// reports true.
func (r *panelRun) turnTo(try func() bool) {
	r.t.Helper()
	page := func(text string) *widget.Button {
		for _, b := range r.buttons() {
			if b.Text == text && b.Visible() && !b.Disabled() {
				return b
			}
		}
		return nil
	}
	for b := page("Previous page"); b != nil; b = page("Previous page") {
		test.Tap(b)
	}
	for range 20 {
		if try() {
			return
		}
		b := page("Next page")
		if b == nil {
			break
		}
		test.Tap(b)
	}
	r.t.Fatalf("screen %s: not found on any page; buttons %v", r.u.Screen(), r.buttonTexts())
}

func (r *panelRun) pinOf(name string) string {
	for _, iv := range []struct{ name, id string }{{r.seed.Chair.DisplayName, r.seed.Chair.ID}, {r.seed.Staff.DisplayName, r.seed.Staff.ID}, {r.seed.Partner.DisplayName, r.seed.Partner.ID}} {
		if iv.name == name {
			return r.seed.PINs[iv.id]
		}
	}
	r.t.Fatalf("no member %s", name)
	return ""
}

// fromLobby signs a member in from the panel's lobby.
func (r *panelRun) fromLobby(name string) {
	r.t.Helper()
	r.wantScreen("panel-lobby")
	r.see("lobby")
	r.tapStarting(name)
	r.see("member's PIN")
	r.pin(r.pinOf(name))
}

func (r *panelRun) signOutToLobby() {
	r.t.Helper()
	r.tap("Sign out")
	r.wantScreen("panel-lobby")
}

// setUp takes the chair from Home to a panel ready for its first candidate: the post, the
// members, the scale, the questions (two from the pack and the carer's own), the carer's
// confirmation of understanding and three candidates.
func (r *panelRun) setUp() {
	r.t.Helper()
	chair, staff, carer := r.seed.Chair.DisplayName, r.seed.Staff.DisplayName, r.seed.Partner.DisplayName
	r.tap("Start")
	r.tap(chair)
	r.pin(r.pinOf(chair))
	r.see("interviewer home")
	r.tap("Recruitment panels")
	r.see("panels")
	r.tapStarting("Set up the panel")
	r.wantScreen("panel-new")
	r.see("post")
	r.typeInto(0, "Community nurse")
	r.typeInto(1, "Band 6")
	r.tap("Next")
	r.wantScreen("panel-members")
	r.see("members")
	r.tap("Set up the panel")
	if !r.shows("at least 3") {
		r.t.Error("an empty panel was not refused with a message naming the three members")
	}
	r.setRole(chair, "Appointing officer")
	r.setRole(chair, "Chair")
	r.setRole(staff, "Member of staff")
	r.setRole(carer, "Service user or carer")
	r.tap("Set up the panel")
	r.wantScreen("panel-home")
	r.see("panel home")

	// The scale: the placeholder is shown as one, and each score gets the organisation's label.
	r.tap("Scoring scale")
	r.wantScreen("panel-scale")
	r.see("scale")
	if !r.shows("placeholder") {
		r.t.Error("the scale screen does not say the built-in labels are a placeholder")
	}
	for i, l := range []string{"no evidence", "little evidence", "meets the standard", "good evidence", "strong evidence"} {
		r.tapStarting(string(rune('1'+i)) + ":")
		r.wantScreen("panel-text")
		if i == 0 {
			r.see("label of a score")
		}
		r.typeInto(0, l)
		r.tap("Save")
	}
	r.tapStarting("3: meets")
	r.tap("Back")
	r.tap("Back")

	r.tap("Questions")
	r.wantScreen("panel-questions")
	r.tap("Add from the pack")
	r.see("pack questions")
	r.tapStarting("If you were successful")
	r.tapStarting("Can you please talk")
	r.tap("Done")
	r.see("questions")
	r.tapStarting("Anchors")
	r.see("anchors")
	r.tapStarting("5:")
	r.typeInto(0, "a clear example of supporting a carer, and what they learnt")
	r.tap("Save")
	r.tap("Back")
	r.tap("Back")

	r.tap("Candidates")
	r.see("candidates")
	for _, n := range []string{"101", "102", "103", "104", "101"} {
		r.typeInto(0, n)
		r.tap("Add")
	}
	if !r.shows("already on this recruitment") {
		r.t.Error("candidate 101 typed twice was not refused")
	}
	r.see("candidates, a number typed twice refused")
	r.typeInto(0, "Jane Smith")
	r.tap("Add")
	if !r.shows("never the name") {
		r.t.Error("a name typed as a candidate number was not refused")
	}
	// The refusal of two lines, with the keyboard open: the window grew to 800x493 for it.
	r.see("candidates, a name refused")
	// A surname joined to digits is not a number either.
	r.typeInto(0, "SURNAME-1042")
	r.tap("Add")
	if !r.shows("Candidate number: type digits only") {
		r.t.Errorf("SURNAME-1042 was not refused as a candidate number; the screen says %q", r.labelTexts())
	}
	v, _ := r.u.panels.state()
	if _, ok := v.Candidate("SURNAME-1042"); ok {
		r.t.Error("SURNAME-1042 was added as a candidate")
	}
	r.tap("Back")
	r.tap("Interview a candidate")
	if !r.shows("not yet signed the confirmation") {
		r.t.Error("the first candidate's interview was offered before the carer's confirmation")
	}
	r.tap("Back")
	r.signOutToLobby()

	// The carer contributes a question and signs the confirmation of understanding with the
	// member of staff.
	r.fromLobby(carer)
	r.wantScreen("panel-home")
	r.tap("Add my own question")
	r.typeInto(0, "What does kindness look like on a busy shift?")
	r.tap("Save")
	r.wantScreen("panel-questions")
	r.tap("Back")
	r.tap("Confirmation sheet")
	for r.u.Screen() == "panel-confirm-points" && contains(r.buttonTexts(), "Next") {
		r.see("confirmation: key points")
		r.tap("Next")
	}
	r.see("confirmation: key points, last")
	r.tap("Sign")
	r.wantScreen("panel-confirm-sign")
	r.see("confirmation: carer signs")
	r.tap("Confirm")
	if !r.shows("Print your name") {
		r.t.Error("the sheet was accepted without a printed name")
	}
	r.typeInto(0, "Pat")
	r.sign()
	r.tap("Confirm")
	r.see("confirmation: staff signs")
	r.tap(staff)
	r.typeInto(0, "Ravi")
	r.sign()
	r.tap("Confirm")
	// The member of staff signs with their own PIN: the carer's (who is signed in) does not.
	r.wantScreen("panel-confirm-staff-pin")
	r.see("confirmation: the member of staff's PIN")
	r.pin(r.pinOf(carer))
	if !r.shows("PIN is not right") {
		r.t.Error("the carer's PIN signed for the member of staff")
	}
	r.wantScreen("panel-confirm-staff-pin")
	r.pin(r.pinOf(staff))
	r.wantScreen("panel-confirm-sheet")
	r.see("confirmation sheet")
	r.tap("Back")
	r.signOutToLobby()
	if !r.guide {
		r.scoreAfterEach()
	}
}

// interview runs candidate n's interview as the chair: preamble and consent on the candidate's
// side, the chair's PIN, every question in order with no skip, then the lobby.
func (r *panelRun) interview(n string, first bool) {
	r.t.Helper()
	r.tap("Interview a candidate")
	r.see("which candidate")
	if first {
		// A candidate who does not want to take part: nothing is recorded, the chair takes
		// the screen back.
		r.tap("Candidate " + n)
		r.tap("I do not want to take part")
		r.wantScreen("panel-declined")
		r.see("candidate declined")
		// The screen goes back to the person who started the interview, named as what they are.
		if !r.shows("back to "+r.seed.Chair.DisplayName+".") || r.shows("the chair,") {
			r.t.Error("the declined candidate is not told plainly whom to hand the screen back to")
		}
		r.pin(r.pinOf(r.seed.Chair.DisplayName))
		r.wantScreen("panel-home")
		if v, _ := r.u.panels.state(); v.Frozen {
			r.t.Error("a declined candidate fixed the question set")
		}
		r.tap("Interview a candidate")
	}
	r.tap("Candidate " + n)
	for r.u.Screen() == "panel-preamble" {
		r.see("candidate's preamble")
		if contains(r.buttonTexts(), "Continue to consent") {
			r.tap("Continue to consent")
		} else {
			r.tap("Next")
		}
	}
	r.wantScreen("panel-consent")
	r.see("candidate's consent")
	if first {
		// The kiosk refuses a consent that breaks the rule; the screen words it for the candidate.
		r.tap("Confirm my choices")
		if !r.shows("Please choose Yes or No for every point.") {
			r.t.Error("a consent without choices was not refused in the candidate's words")
		}
		for _, o := range r.objects() {
			if b, ok := o.(*Button); ok && b.Text == "No" {
				test.Tap(b)
			}
		}
		if r.shows("Please choose Yes or No for every point.") {
			r.t.Error("\"Please choose Yes or No for every point\" is still shown with every point chosen")
		}
		r.tap("Confirm my choices")
		if !r.shows("The interview needs your agreement to the points that are not optional.") {
			r.t.Error("a consent refusing the required points was not refused in the candidate's words")
		}
		r.wantScreen("panel-consent")
		// Back through the information to a consent screen with nothing chosen.
		r.tap("Read the information again")
		for r.u.Screen() == "panel-preamble" {
			if contains(r.buttonTexts(), "Continue to consent") {
				r.tap("Continue to consent")
			} else {
				r.tap("Next")
			}
		}
		r.wantScreen("panel-consent")
	}
	r.consent()
	r.wantScreen("panel-hand-back")
	r.see("hand back")
	r.pin(r.pinOf(r.seed.Chair.DisplayName))
	for i := 0; r.u.Screen() == "panel-prompts"; i++ {
		r.see("chair's prompt")
		if st, _ := r.env.Light.State(); st != hw.Occupied {
			r.t.Errorf("during candidate %s's interview the light outside the door shows %v, want occupied", n, st)
		}
		for _, b := range r.buttonTexts() {
			if strings.Contains(b, "Skip") {
				r.t.Fatalf("a panel's question offers %q", b)
			}
		}
		if contains(r.buttonTexts(), "End the interview") {
			if i != 2 {
				r.t.Errorf("the interview ended after %d questions, want 3", i+1)
			}
			if first {
				r.env.Clock.Advance(40 * time.Minute)
				r.u.Tick()
				r.see("chair's prompt, time warning")
				if r.shows("Prioritise") || r.shows("drop") {
					r.t.Error("the panel's timer suggests dropping questions")
				}
			}
			r.tap("End the interview")
			break
		}
		r.tap("Next question")
	}
	r.wantScreen("panel-lobby")
	if st, _ := r.env.Light.State(); st != hw.Free {
		r.t.Errorf("after candidate %s's interview the light shows %v, want free", n, st)
	}
}

// score signs the member in from the lobby and scores every question of candidate n with
// scores, "no answer" on the question noAnswer (-1: none), then submits.
func (r *panelRun) score(name, n string, scores []int, noAnswer int) {
	r.t.Helper()
	r.fromLobby(name)
	r.wantScreen("panel-score")
	for i, s := range scores {
		r.wantScreen("panel-score")
		r.see("scoring")
		if i == noAnswer {
			for _, o := range r.objects() {
				if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, "No answer") {
					test.Tap(c)
				}
			}
		}
		// The reason typed before the score is tapped is kept with it.
		r.typeInto(0, "reason from "+name)
		r.tapStarting(string(rune('0'+s)) + " ·")
		r.tap("Next")
	}
	r.wantScreen("panel-notes")
	r.see("notes")
	r.typeInto(0, "notes from "+name)
	r.tap("Submit my scores")
	// The kiosk is about to be handed on: nobody's scores are on the screen.
	r.wantScreen("panel-submitted")
	r.see("submitted, before the hand-over")
	r.noScoresShown(n)
}

// noScoresShown fails the test when the screen shows any member's scores of candidate n.
func (r *panelRun) noScoresShown(n string) {
	r.t.Helper()
	for _, m := range []string{r.seed.Chair.DisplayName, r.seed.Staff.DisplayName, r.seed.Partner.DisplayName} {
		if r.shows(m + ": Q") {
			r.t.Errorf("screen %s shows %s's scores of candidate %s", r.u.Screen(), m, n)
		}
	}
	for _, o := range r.objects() {
		if l, ok := o.(*widget.Label); ok && (strings.Contains(l.Text, "total") || strings.Contains(l.Text, "Q1 ")) {
			r.t.Errorf("screen %s shows scores: %q", r.u.Screen(), l.Text)
		}
	}
}

// buttonNamed is the screen's button labelled text.
func (r *panelRun) buttonNamed(text string) *widget.Button {
	r.t.Helper()
	for _, b := range r.buttons() {
		if b.Text == text {
			return b
		}
	}
	r.t.Fatalf("screen %s: no button %q; buttons %q", r.u.Screen(), text, r.buttonTexts())
	return nil
}

// seeScores asks for the candidate's sheets after submitting.
func (r *panelRun) seeScores() {
	r.t.Helper()
	r.tap("See the scores")
	r.wantScreen("panel-sheets")
	r.see("sheets after submitting")
}

// withdraw withdraws candidate n as the chair, for the reason the button says.
func (r *panelRun) withdraw(n, reason string) {
	r.t.Helper()
	r.tap("Candidates")
	r.tap("Withdraw a candidate")
	r.wantScreen("panel-withdraw-pick")
	r.see("withdraw: which candidate")
	r.tapStarting("Candidate " + n)
	r.wantScreen("panel-withdraw")
	r.see("withdraw: why")
	r.tap(reason)
	r.see("withdraw: reason chosen")
	r.tap("Withdraw candidate " + n)
	r.wantScreen("panel-candidates")
	r.tap("Back")
	r.wantScreen("panel-home")
}

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
				r.withdraw("104", "They did not attend")
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
