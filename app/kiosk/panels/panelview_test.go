package panels_test

import (
	"errors"
	"slices"
	"testing"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
	"quietroom/app/vault"
)

// state is the member's view now (State), failing the test when there is none.
func state(t *testing.T, p *panels.PanelMember) panels.PanelView {
	t.Helper()
	v, err := p.State()
	if err != nil {
		t.Fatalf("State = %v", err)
	}
	return v
}

// can is what a test expects of one action: offered to the member, and why it is refused
// now (nil: open).
type can struct {
	offered bool
	why     error
}

var isOpen = can{true, nil}

func wantCan(t *testing.T, who string, v panels.PanelView, want map[string]can) {
	t.Helper()
	got := map[string]panels.PanelAction{
		"EditSetup": v.Can.EditSetup, "ContributeQuestion": v.Can.ContributeQuestion, "Candidates": v.Can.Candidates,
		"Interview": v.Can.Interview, "Score": v.Can.Score, "Confirm": v.Can.Confirm, "Decide": v.Can.Decide, "Export": v.Can.Export,
		"Order": v.Can.Order, "Lead": v.Can.Lead, "Discuss": v.Can.Discuss, "TellOutcome": v.Can.TellOutcome,
		"GiveFeedback": v.Can.GiveFeedback, "FeedbackRequests": v.Can.FeedbackRequests,
	}
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Fatalf("no action %q in the view", name)
		}
		if g.Offered != w.offered || (w.why == nil) != (g.Why == nil) || (w.why != nil && !errors.Is(g.Why, w.why)) {
			t.Errorf("%s: %s = offered %v, why %v; want offered %v, why %v", who, name, g.Offered, g.Why, w.offered, w.why)
		}
		if g.Open() != (w.offered && w.why == nil) {
			t.Errorf("%s: %s.Open() = %v", who, name, g.Open())
		}
	}
}

// fourPanel is a panel whose appointing officer and chair are two people: the seed's chair
// chairs, a fourth interviewer appoints and (the guide's order, by default) leads.
func fourPanel(t *testing.T, e *kiosktest.Env, s kiosktest.PanelSeed) (chair, ao, staff, partner *panels.PanelMember) {
	t.Helper()
	iv, err := e.Kiosk.AddInterviewer(ctx, s.Admin, "Alex (appointing officer)", []byte("444444"))
	if err != nil {
		t.Fatal(err)
	}
	s.PINs[iv.ID] = "444444"
	in, err := e.Kiosk.SignIn(ctx, s.Chair.ID, []byte(s.PINs[s.Chair.ID]))
	if err != nil {
		t.Fatal(err)
	}
	chair, err = panels.Create(ctx, in, s.EngagementID, panel.Post{Title: "Community nurse", Band: "Band 6"}, []panel.Member{
		{ID: iv.ID, Roles: []panel.Role{panel.RoleAppointingOfficer}},
		{ID: s.Chair.ID, Roles: []panel.Role{panel.RoleChair}},
		{ID: s.Staff.ID, Roles: []panel.Role{panel.RoleStaff}},
		{ID: s.Partner.ID, Roles: []panel.Role{panel.RolePartner}},
	})
	if err != nil {
		t.Fatalf("CreatePanel = %v", err)
	}
	t.Cleanup(chair.Close)
	return chair, openPanel(t, e, s, iv.ID), openPanel(t, e, s, s.Staff.ID), openPanel(t, e, s, s.Partner.ID)
}

// TestPanelViewPerRole: what each member's view says they may do, for the chair, the
// appointing officer, the member of staff and the service user or carer, from the set-up to
// the decision; and that every action it says is closed is refused by the kiosk itself.
func TestPanelViewPerRole(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair, ao, staff, partner := fourPanel(t, e, s)
	refresh := func() {
		t.Helper()
		for _, p := range []*panels.PanelMember{chair, ao, staff, partner} {
			if err := p.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}

	// The set-up: the placeholder scale, no candidate, the carer not confirmed.
	cv := state(t, chair)
	if cv.ScaleSet || cv.NotReady == nil || cv.Frozen || cv.Post.Title != "Community nurse" || len(cv.Members) != 4 || len(cv.Unconfirmed) != 1 || len(cv.Staff) != 3 {
		t.Errorf("the chair's first view = %+v", cv)
	}
	if !slices.Equal(cv.Me.Roles, []panel.Role{panel.RoleChair}) || cv.Me.ID != s.Chair.ID {
		t.Errorf("the chair's view says they are %+v", cv.Me)
	}
	wantCan(t, "chair", cv, map[string]can{"EditSetup": isOpen, "ContributeQuestion": isOpen, "Candidates": isOpen, "Interview": {false, panel.ErrNotLead},
		"Score": {true, panel.ErrNotInterviewed}, "Confirm": isOpen, "Decide": {false, panel.ErrNotAppointingOfficer},
		"Export": {false, panel.ErrNotAppointingOfficer}})
	wantCan(t, "appointing officer", state(t, ao), map[string]can{"EditSetup": isOpen, "Candidates": isOpen, "Interview": isOpen,
		"Decide": {true, panel.ErrNotAllScored}, "Export": {true, panels.ErrNotDecided}})
	for who, p := range map[string]*panels.PanelMember{"staff": staff, "partner": partner} {
		wantCan(t, who, state(t, p), map[string]can{"EditSetup": {false, panels.ErrNotChair}, "ContributeQuestion": isOpen,
			"Candidates": {false, panels.ErrNotChair}, "Interview": {false, panel.ErrNotLead}, "Score": {true, panel.ErrNotInterviewed},
			"Confirm": isOpen, "Decide": {false, panel.ErrNotAppointingOfficer}, "Export": {false, panel.ErrNotAppointingOfficer}})
	}
	if v := state(t, partner); !slices.Equal(v.Me.Roles, []panel.Role{panel.RolePartner}) {
		t.Errorf("the partner's view says they are %+v", v.Me)
	}
	// What the view says is closed, the kiosk refuses.
	if err := staff.SetScale(ctx, panel.Scale{Min: 1, Max: 2, Labels: []string{"a", "b"}}); !errors.Is(err, panels.ErrNotChair) {
		t.Errorf("SetScale by the member of staff = %v, want ErrNotChair", err)
	}
	if err := partner.AddCandidate(ctx, "101"); !errors.Is(err, panels.ErrNotChair) {
		t.Errorf("AddCandidate by the carer = %v, want ErrNotChair", err)
	}
	// Refused before the PIN is tried: a right PIN is not spent, a wrong one not counted.
	if err := ao.Decide(ctx, []byte("999999"), "", "none"); !errors.Is(err, panel.ErrNotAllScored) {
		t.Errorf("Decide before the scores = %v, want ErrNotAllScored (before the PIN is tried)", err)
	}

	// Ready: the carer signs, the scale is set, a question, two candidates; the appointing
	// officer, who leads, starts.
	c := panel.Confirmation{PartnerID: s.Partner.ID, StaffID: s.Staff.ID, PartnerName: "P", StaffName: "R",
		PartnerSignature: []byte("sig"), StaffSignature: []byte("sig")}
	if err := partner.Confirm(ctx, c, []byte(s.PINs[s.Staff.ID])); err != nil {
		t.Fatal(err)
	}
	c.PartnerName = "Someone else"
	if err := staff.Confirm(ctx, c, []byte(s.PINs[s.Staff.ID])); !errors.Is(err, panels.ErrConfirmed) {
		t.Errorf("a second confirmation for the carer = %v, want ErrConfirmed (the signed sheet is kept)", err)
	}
	if err := ao.SetScale(ctx, panel.Scale{Min: 1, Max: 4, Labels: []string{"not met", "partly met", "met", "exceeded"}}); err != nil {
		t.Fatal(err)
	}
	if err := partner.ContributeQuestion(ctx, "What does kindness look like on a busy shift?"); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"101", "102"} {
		if err := chair.AddCandidate(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	refresh()
	cv = state(t, chair)
	if !cv.ScaleSet || cv.NotReady != nil || len(cv.Unconfirmed) != 0 || len(cv.Confirmations) != 1 || cv.Confirmations[0].PartnerName != "P" {
		t.Errorf("the chair's view once ready = %+v", cv)
	}
	wantCan(t, "chair, ready", cv, map[string]can{"Confirm": {true, panels.ErrConfirmed}})
	if err := chair.StartInterview(ctx, "101"); !errors.Is(err, panel.ErrNotLead) {
		t.Errorf("StartInterview by the chair, who does not lead = %v, want ErrNotLead", err)
	}
	startInterview(t, e, ao, "101")
	refresh()

	// The first interview fixes the set-up; in the guide's order nobody scores before the
	// discussion, which follows the last candidate.
	cv = state(t, chair)
	wantCan(t, "chair, interviewing", cv, map[string]can{"EditSetup": {true, panel.ErrFrozen}, "ContributeQuestion": {true, panel.ErrFrozen},
		"Candidates": isOpen, "Interview": {false, panel.ErrNotLead}, "Score": {true, panel.ErrNotYetScoring}})
	if err := chair.SetScale(ctx, panel.Scale{Min: 1, Max: 2, Labels: []string{"a", "b"}}); !errors.Is(err, panel.ErrFrozen) {
		t.Errorf("SetScale after the first interview = %v, want ErrFrozen", err)
	}
	c101, ok := cv.Candidate("101")
	if !cv.Frozen || !ok || !c101.Interviewed || c101.Submitted || len(c101.Waiting) != 4 || c101.ScoredByAll || !errors.Is(c101.MayScore, panel.ErrNotYetScoring) {
		t.Errorf("candidate 101 in the chair's view = %+v (frozen %v)", c101, cv.Frozen)
	}
	if len(cv.Interviewed()) != 1 || len(cv.Active()) != 2 {
		t.Errorf("the chair's view: %d interviewed, %d active; want 1 and 2", len(cv.Interviewed()), len(cv.Active()))
	}
	if err := chair.WithdrawCandidate(ctx, "102", panel.WithdrawNoShow); err != nil {
		t.Fatal(err)
	}
	if err := ao.RecordDiscussion(ctx, map[string]string{"101": "agreed"}); err != nil {
		t.Fatal(err)
	}
	refresh()
	wantCan(t, "partner, scoring", state(t, partner), map[string]can{"Score": isOpen, "ContributeQuestion": {true, panel.ErrFrozen}})

	// Each scores; what this member submitted is theirs to see, the others' waiting is shown.
	scoreAll(t, staff, "101", 3, 3)
	refresh()
	if c, _ := state(t, staff).Candidate("101"); !c.Submitted || len(c.Waiting) != 3 || slices.Contains(c.Waiting, s.Staff.ID) {
		t.Errorf("candidate 101 in the staff's view after they submitted = %+v", c)
	}
	if c, _ := state(t, partner).Candidate("101"); c.Submitted {
		t.Errorf("the carer's view says they submitted: %+v", c)
	}
	if _, err := partner.Sheets("101"); !errors.Is(err, panel.ErrNotSubmitted) {
		t.Errorf("the carer's Sheets before they submitted = %v, want ErrNotSubmitted", err)
	}
	for _, p := range []*panels.PanelMember{chair, ao, partner} {
		scoreAll(t, p, "101", 2, 4)
	}
	refresh()
	av := state(t, ao)
	if c, _ := av.Candidate("101"); !c.ScoredByAll || len(c.Waiting) != 0 || len(av.Blockers) != 0 {
		t.Errorf("candidate 101 once scored by all = %+v, blockers %+v", c, av.Blockers)
	}
	wantCan(t, "appointing officer, scored", av, map[string]can{"Decide": isOpen, "Export": {true, panels.ErrNotDecided}})
	if err := ao.Decide(ctx, []byte("444444"), "101", "the strongest values"); err != nil {
		t.Fatal(err)
	}
	refresh()

	// After the decision.
	av = state(t, ao)
	wantCan(t, "appointing officer, decided", av, map[string]can{"Decide": {true, panel.ErrDecided}, "Export": isOpen,
		"Candidates": {true, panel.ErrDecided}})
	wantCan(t, "appointing officer, who leads, decided", av, map[string]can{"Interview": {true, panel.ErrDecided}})
	wantCan(t, "chair, decided", state(t, chair), map[string]can{"Candidates": {true, panel.ErrDecided}, "Interview": {false, panel.ErrNotLead},
		"Decide": {false, panel.ErrNotAppointingOfficer}, "Export": {false, panel.ErrNotAppointingOfficer}})
	if d := state(t, partner).Decision; d == nil || d.Selected != "101" {
		t.Errorf("the decision in the carer's view = %+v", d)
	}
	if err := chair.AddCandidate(ctx, "103"); !errors.Is(err, panel.ErrDecided) {
		t.Errorf("AddCandidate after the decision = %v, want ErrDecided", err)
	}
	if err := ao.Decide(ctx, []byte("444444"), "", "again"); !errors.Is(err, panel.ErrDecided) {
		t.Errorf("a second decision = %v, want ErrDecided", err)
	}
}

// TestPanelViewIsACopy: changing a view changes nothing of the recruitment.
func TestPanelViewIsACopy(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	v := state(t, chair)
	v.Questions[0].Text = "changed"
	v.Scale.Labels[0] = "changed"
	v.Members[0].Roles[0] = panel.RolePartner
	v.Me.Roles[0] = panel.RolePartner
	v.Confirmations[0].PartnerSignature[0] = 'X'
	w := state(t, chair)
	if w.Questions[0].Text == "changed" || w.Scale.Labels[0] == "changed" || w.Members[0].Roles[0] == panel.RolePartner ||
		w.Me.Roles[0] == panel.RolePartner || w.Confirmations[0].PartnerSignature[0] == 'X' {
		t.Errorf("a change of the view reached the recruitment: %+v", w)
	}
}

// TestPanelDecisionRefusedBeforeThePIN: a decision that cannot be recorded is refused without
// trying the PIN, so wrong PINs typed at it are not counted against the member.
func TestPanelDecisionRefusedBeforeThePIN(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	for range 10 {
		if err := chair.Decide(ctx, []byte("999999"), "", "none"); !errors.Is(err, panel.ErrNotAllScored) {
			t.Fatalf("Decide before the scores = %v, want ErrNotAllScored", err)
		}
	}
	if _, err := e.Kiosk.SignIn(ctx, s.Chair.ID, []byte(s.PINs[s.Chair.ID])); errors.Is(err, vault.ErrLockedOut) || err != nil {
		t.Errorf("the chair's PIN after ten refused decisions = %v, want it still accepted", err)
	}
}

// TestPanelViewOfTheGuidesOrder: the view says who may set the order and the lead, record
// the discussion, the outcome told, the carer's feedback and candidates' feedback requests,
// and when; and the kiosk refuses what it says is closed.
func TestPanelViewOfTheGuidesOrder(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair, ao, staff, partner := fourPanel(t, e, s)
	refresh := func() {
		t.Helper()
		for _, p := range []*panels.PanelMember{chair, ao, staff, partner} {
			if err := p.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	notChair, notLead := can{false, panels.ErrNotChair}, can{false, panel.ErrNotLead}
	wantCan(t, "chair", state(t, chair), map[string]can{"Order": isOpen, "Lead": isOpen, "Discuss": notLead,
		"TellOutcome": {false, panel.ErrNotAppointingOfficer}, "GiveFeedback": {false, panel.ErrNotPartner}, "FeedbackRequests": isOpen})
	wantCan(t, "appointing officer", state(t, ao), map[string]can{"Order": isOpen, "Discuss": {true, panel.ErrNotAllSeen},
		"TellOutcome": {true, panel.ErrNotDecidedYet}, "FeedbackRequests": isOpen})
	wantCan(t, "staff", state(t, staff), map[string]can{"Order": notChair, "Lead": notChair, "Discuss": notLead, "FeedbackRequests": notChair})
	wantCan(t, "partner", state(t, partner), map[string]can{"Order": notChair, "Discuss": notLead,
		"GiveFeedback": {true, panel.ErrNotDecidedYet}, "TellOutcome": {false, panel.ErrNotAppointingOfficer}})
	if err := staff.SetOrder(ctx, panel.OrderEachCandidate); !errors.Is(err, panels.ErrNotChair) {
		t.Errorf("SetOrder by the member of staff = %v, want ErrNotChair", err)
	}
	if err := partner.GiveFeedback(ctx, "well", ""); !errors.Is(err, panel.ErrNotDecidedYet) {
		t.Errorf("GiveFeedback before the decision = %v, want ErrNotDecidedYet", err)
	}

	if err := partner.Confirm(ctx, panel.Confirmation{PartnerID: s.Partner.ID, StaffID: s.Staff.ID, PartnerName: "P", StaffName: "R",
		PartnerSignature: []byte("sig"), StaffSignature: []byte("sig")}, []byte(s.PINs[s.Staff.ID])); err != nil {
		t.Fatal(err)
	}
	if err := ao.SetScale(ctx, panel.Scale{Min: 1, Max: 4, Labels: []string{"not met", "partly met", "met", "exceeded"}}); err != nil {
		t.Fatal(err)
	}
	if err := partner.ContributeQuestion(ctx, "What does kindness look like on a busy shift?"); err != nil {
		t.Fatal(err)
	}
	if err := chair.AddCandidate(ctx, "101"); err != nil {
		t.Fatal(err)
	}
	refresh()
	startInterview(t, e, ao, "101")
	refresh()
	wantCan(t, "chair, interviewing", state(t, chair), map[string]can{"Order": {true, panel.ErrFrozen}, "Lead": isOpen})
	if err := chair.SetOrder(ctx, panel.OrderEachCandidate); !errors.Is(err, panel.ErrFrozen) {
		t.Errorf("SetOrder after the first interview = %v, want ErrFrozen", err)
	}
	wantCan(t, "appointing officer, all seen", state(t, ao), map[string]can{"Discuss": isOpen})
	if err := chair.RecordDiscussion(ctx, nil); !errors.Is(err, panel.ErrNotLead) {
		t.Errorf("RecordDiscussion by the chair, who does not lead = %v, want ErrNotLead", err)
	}
	if err := ao.RecordDiscussion(ctx, map[string]string{"101": "agreed"}); err != nil {
		t.Fatal(err)
	}
	wantCan(t, "appointing officer, discussed", state(t, ao), map[string]can{"Discuss": {true, panel.ErrDiscussed}})
	for _, p := range []*panels.PanelMember{chair, ao, staff, partner} {
		if err := p.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		scoreAll(t, p, "101", 3, 3)
	}
	if err := ao.Decide(ctx, []byte("444444"), "101", "the strongest values"); err != nil {
		t.Fatal(err)
	}
	refresh()
	wantCan(t, "appointing officer, decided", state(t, ao), map[string]can{"TellOutcome": isOpen, "Lead": {true, panel.ErrDecided},
		"Discuss": {true, panel.ErrDecided}})
	wantCan(t, "partner, decided", state(t, partner), map[string]can{"GiveFeedback": isOpen})
	if err := partner.GiveFeedback(ctx, "well run", ""); err != nil {
		t.Errorf("GiveFeedback after the decision = %v", err)
	}
	if err := chair.SetLead(ctx, s.Chair.ID); !errors.Is(err, panel.ErrDecided) {
		t.Errorf("SetLead after the decision = %v, want ErrDecided", err)
	}
}
