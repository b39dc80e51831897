package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/panel"
	"quietroom/hw"
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
	r.tap("Candidate " + n)
	if first {
		// "I do not want to take part" tapped by mistake: the candidate is asked once more, and
		// Back goes back to the information with nothing recorded.
		r.tap("I do not want to take part")
		r.wantScreen("panel-decline")
		r.tap("Back")
		r.wantScreen("panel-preamble")
		if v, _ := r.u.panels.state(); v.Frozen {
			r.t.Error("a candidate's tap on I do not want to take part fixed the question set")
		} else if c, _ := v.Candidate(n); c.Withdrawn() {
			r.t.Errorf("candidate %s who went back is on the record as %q", n, c.Withdrawal)
		}
	}
	for r.u.Screen() == "panel-preamble" {
		r.see("candidate's preamble")
		// The interview starts once the candidate has agreed and the chair's PIN starts it
		// (the kiosk's StartInterview): until then the light says nothing of it.
		if st, _ := r.env.Light.State(); st == hw.Occupied {
			r.t.Errorf("before candidate %s agreed to the interview the light outside the door shows occupied", n)
		}
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

// decline has candidate n say on the information screen that they do not want to take part,
// and again when asked: the record says they declined to consent (not that they withdrew), and
// the chair's PIN takes the screen back.
func (r *panelRun) decline(n string) {
	r.t.Helper()
	r.tap("Interview a candidate")
	r.tap("Candidate " + n)
	r.wantScreen("panel-preamble")
	r.tap("I do not want to take part")
	r.wantScreen("panel-decline")
	r.see("candidate: not taking part?")
	r.tap("I do not want to take part")
	r.wantScreen("panel-declined")
	r.see("candidate declined")
	// The screen goes back to the person who started the interview, named as what they are.
	if !r.shows("back to "+r.seed.Chair.DisplayName+".") || r.shows("the chair,") {
		r.t.Error("the declined candidate is not told plainly whom to hand the screen back to")
	}
	r.pin(r.pinOf(r.seed.Chair.DisplayName))
	r.wantScreen("panel-home")
	v, _ := r.u.panels.state()
	if c, _ := v.Candidate(n); c.Withdrawal != panel.WithdrawNoConsent {
		r.t.Errorf("candidate %s who declined to consent is on the record as %q", n, c.Withdrawal)
	}
	r.tap("Candidates")
	r.see("candidates, one declined to consent")
	if !r.shows(n+" (declined to consent)") || r.shows(n+" (withdrawn") {
		r.t.Errorf("the candidates screen does not say %s declined to consent: %q", n, r.labelTexts())
	}
	r.tap("Back")
	r.wantScreen("panel-home")
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
