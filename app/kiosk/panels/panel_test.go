package panels_test

import (
	"errors"
	"strings"
	"testing"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
	"quietroom/app/protocol"
	"quietroom/app/vault"
)

func openPanel(t *testing.T, e *kiosktest.Env, s kiosktest.PanelSeed, id string) *panels.PanelMember {
	t.Helper()
	in, err := e.Kiosk.SignIn(ctx, id, []byte(s.PINs[id]))
	if err != nil {
		t.Fatal(err)
	}
	p, err := panels.Open(ctx, in, s.EngagementID)
	if err != nil {
		t.Fatalf("OpenPanel = %v", err)
	}
	t.Cleanup(p.Close)
	return p
}

// readyPanel sets up a panel with the organisation's scale, two questions (one the carer's),
// the carer's confirmation and candidates 101-103.
func readyPanel(t *testing.T, e *kiosktest.Env, s kiosktest.PanelSeed) *panels.PanelMember {
	t.Helper()
	return readyPanelSigned(t, e, s, panel.Confirmation{PartnerID: s.Partner.ID, StaffID: s.Staff.ID, PartnerName: "P", StaffName: "R",
		PartnerSignature: []byte("sig"), StaffSignature: []byte("sig")})
}

// readyPanelSigned is readyPanel with the carer's confirmation of understanding given.
func readyPanelSigned(t *testing.T, e *kiosktest.Env, s kiosktest.PanelSeed, conf panel.Confirmation) *panels.PanelMember {
	t.Helper()
	in, err := e.Kiosk.SignIn(ctx, s.Chair.ID, []byte(s.PINs[s.Chair.ID]))
	if err != nil {
		t.Fatal(err)
	}
	chair, err := panels.Create(ctx, in, s.EngagementID, panel.Post{Title: "Community nurse", Band: "Band 6"}, s.Members())
	if err != nil {
		t.Fatalf("CreatePanel = %v", err)
	}
	t.Cleanup(chair.Close)
	// These tests score each candidate after their interview, the organisation's choice;
	// panelorder_test.go goes through the guide's order.
	if err := chair.SetOrder(ctx, panel.OrderEachCandidate); err != nil {
		t.Fatal(err)
	}
	partner := openPanel(t, e, s, s.Partner.ID)
	if err := partner.ContributeQuestion(ctx, "What does kindness look like on a busy shift?"); err != nil {
		t.Fatal(err)
	}
	if err := partner.Confirm(ctx, conf, []byte(s.PINs[s.Staff.ID])); err != nil {
		t.Fatal(err)
	}
	pack, _ := protocol.BuiltinPack("recruitment-values-panel")
	q, err := panel.FromPack(pack, "recovery-journey")
	if err != nil {
		t.Fatal(err)
	}
	q.AskedBy = s.Chair.ID
	// The chair opened the panel before the carer's question: a change of the chair's keeps it.
	if err := chair.SetScale(ctx, panel.PlaceholderScale()); err != nil {
		t.Fatal(err)
	}
	qs := append([]panel.Question{q}, state(t, chair).Questions...)
	if len(qs) != 2 {
		t.Fatalf("the chair's view has %d questions after a change, want the carer's and the new one", len(qs))
	}
	if err := chair.SetQuestions(ctx, qs); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"101", "102", "103"} {
		if err := chair.AddCandidate(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	if err := chair.StartInterview(ctx, "101"); !errors.Is(err, panel.ErrScaleNotSet) {
		t.Fatalf("StartInterview with the placeholder scale = %v, want ErrScaleNotSet", err)
	}
	if err := chair.SetScale(ctx, panel.Scale{Min: 1, Max: 4, Labels: []string{"not met", "partly met", "met", "exceeded"}}); err != nil {
		t.Fatal(err)
	}
	return chair
}

func scoreAll(t *testing.T, p *panels.PanelMember, cand string, scores ...int) {
	t.Helper()
	qs := state(t, p).Questions
	for i, q := range qs {
		if err := p.SetMark(ctx, cand, panel.Mark{QuestionID: q.ID, Score: scores[i], Scored: true, Reason: "reason QRSCORE"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Submit(ctx, cand); err != nil {
		t.Fatalf("Submit = %v", err)
	}
}

func TestPanelJourney(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	if err := chair.AddCandidate(ctx, "101"); !errors.Is(err, panel.ErrDuplicateCandidate) {
		t.Errorf("AddCandidate(101) twice = %v, want ErrDuplicateCandidate", err)
	}
	startInterview(t, e, chair, "101")
	if err := chair.SetQuestions(ctx, nil); !errors.Is(err, panel.ErrFrozen) {
		t.Errorf("SetQuestions after the first candidate = %v, want ErrFrozen", err)
	}
	staff := openPanel(t, e, s, s.Staff.ID)
	if err := staff.ContributeQuestion(ctx, "late question"); !errors.Is(err, panel.ErrFrozen) {
		t.Errorf("ContributeQuestion after the first candidate = %v, want ErrFrozen", err)
	}
	if err := staff.AddCandidate(ctx, "104"); !errors.Is(err, panels.ErrNotChair) {
		t.Errorf("AddCandidate by staff = %v, want ErrNotChair", err)
	}
	scoreAll(t, chair, "101", 3, 4)

	// A member who loses power mid-scoring loses nothing saved: sign in again and it is there.
	q0 := state(t, staff).Questions[0].ID
	if err := staff.SetMark(ctx, "101", panel.Mark{QuestionID: q0, Score: 1, Scored: true, NoAnswer: true, Reason: "no answer given"}); err != nil {
		t.Fatal(err)
	}
	staff.Close()
	staff = openPanel(t, e, s, s.Staff.ID)
	if _, err := staff.Sheets("101"); !errors.Is(err, panel.ErrNotSubmitted) {
		t.Fatalf("Sheets before submitting = %v, want ErrNotSubmitted", err)
	}
	var seenOthers int
	staff.LoadedForTest(func(r *panel.Recruitment) {
		for _, sh := range r.Sheets {
			if sh.MemberID != s.Staff.ID {
				seenOthers++
			}
			if sh.MemberID == s.Staff.ID && !sh.Mark(q0).NoAnswer {
				t.Error("the saved 'no answer' mark was lost")
			}
		}
	})
	if seenOthers != 0 {
		t.Fatalf("staff's view holds %d sheets of others before submitting", seenOthers)
	}
	if g, _ := staff.Grid(); len(g.Candidates) != 0 {
		t.Fatal("the grid shows a candidate before everyone scored")
	}
	scoreAll(t, staff, "101", 1, 3)
	// Blind until every member has submitted: the carer has not.
	if _, err := staff.Sheets("101"); !errors.Is(err, panel.ErrNotSubmitted) {
		t.Fatalf("Sheets after submitting, the carer still scoring = %v, want ErrNotSubmitted", err)
	}
	partner := openPanel(t, e, s, s.Partner.ID)
	scoreAll(t, partner, "101", 4, 4)
	if err := staff.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	sheets, err := staff.Sheets("101")
	if err != nil || len(sheets) != 3 {
		t.Fatalf("Sheets once every member submitted = %d, %v; want the three", len(sheets), err)
	}
	for _, c := range []string{"102", "103"} {
		startInterview(t, e, chair, c)
		for _, p := range []*panels.PanelMember{chair, staff, partner} {
			if err := p.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			scoreAll(t, p, c, 2, 3)
		}
	}
	g, err := partner.Grid()
	if err != nil || !g.Complete || len(g.Candidates) != 3 {
		t.Fatalf("Grid = %d candidates, complete %v, %v", len(g.Candidates), g.Complete, err)
	}
	if r := g.Candidates[0].Rows[0]; r.Spread != 3 || !r.Disagree {
		t.Errorf("candidate 101 question 1 = %+v, want spread 3 flagged", r)
	}
	if err := staff.Decide(ctx, []byte(s.PINs[s.Staff.ID]), "101", "x"); !errors.Is(err, panel.ErrNotAppointingOfficer) {
		t.Errorf("Decide by staff = %v, want ErrNotAppointingOfficer", err)
	}
	if err := chair.Decide(ctx, []byte("999999"), "101", "x"); !errors.Is(err, vault.ErrWrongCredential) {
		t.Errorf("Decide with a wrong PIN = %v, want ErrWrongCredential", err)
	}
	if err := chair.Decide(ctx, []byte(s.PINs[s.Chair.ID]), "101", "QRDECISION strongest values"); err != nil {
		t.Fatal(err)
	}
	staff.Close()
	staff = openPanel(t, e, s, s.Staff.ID)
	if d := state(t, staff).Decision; d == nil || d.Selected != "101" {
		t.Errorf("decision as staff reads it = %+v", d)
	}
	ev, err := e.Kiosk.Audit(ctx, s.Admin, 0)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, a := range ev {
		actions = append(actions, a.Action)
	}
	if j := strings.Join(actions, ","); !strings.Contains(j, "panel.decision") || !strings.Contains(j, "panel.setup") {
		t.Errorf("audit = %s, want panel.setup and panel.decision", j)
	}
}

func TestPanelRefusesOutsiders(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	readyPanel(t, e, s)
	other, err := e.Kiosk.AddInterviewer(ctx, s.Admin, "Other", []byte("444444"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := e.Kiosk.SignIn(ctx, other.ID, []byte("444444"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := panels.Open(ctx, in, s.EngagementID); !errors.Is(err, panel.ErrNotMember) {
		t.Errorf("OpenPanel by a non-member = %v, want ErrNotMember", err)
	}
	// Staff can't set up the panel: they are neither chair nor appointing officer.
	in, _ = e.Kiosk.SignIn(ctx, s.Staff.ID, []byte(s.PINs[s.Staff.ID]))
	ms := s.Members()
	if _, err := panels.Create(ctx, in, s.EngagementID, panel.Post{Title: "x", Band: "y"}, ms); !errors.Is(err, panels.ErrNotChair) {
		t.Errorf("CreatePanel by staff = %v, want ErrNotChair", err)
	}
}

// TestPanelSheetOfAnotherBeforeSubmitting: a member asks the use case for another member's
// sheet of a candidate before submitting their own: refused, whatever the screen shows.
func TestPanelSheetOfAnotherBeforeSubmitting(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	startInterview(t, e, chair, "101")
	scoreAll(t, chair, "101", 3, 4)
	staff := openPanel(t, e, s, s.Staff.ID)
	if _, err := staff.Sheet(s.Chair.ID, "101"); !errors.Is(err, panel.ErrNotSubmitted) {
		t.Fatalf("Sheet(chair, 101) by staff before submitting = %v, want ErrNotSubmitted", err)
	}
	if _, err := staff.Sheets("101"); !errors.Is(err, panel.ErrNotSubmitted) {
		t.Fatalf("Sheets(101) by staff before submitting = %v, want ErrNotSubmitted", err)
	}
	if g, err := staff.Grid(); err != nil || len(g.Candidates) != 0 {
		t.Fatalf("Grid by staff before submitting = %+v, %v; want no candidate", g, err)
	}
	if own, err := staff.Sheet(s.Staff.ID, "101"); err != nil || len(own.Marks) != 0 {
		t.Fatalf("Sheet(own, 101) = %+v, %v; want an empty sheet", own, err)
	}
	if staff.Submitted("101") || !chair.Submitted("101") {
		t.Fatalf("Submitted(101) = staff %v, chair %v; want false, true", staff.Submitted("101"), chair.Submitted("101"))
	}
	scoreAll(t, staff, "101", 1, 3)
	// Submitting their own is not enough: the others' sheets stay closed until every member
	// has submitted (the partner has not).
	if _, err := staff.Sheet(s.Chair.ID, "101"); !errors.Is(err, panel.ErrNotSubmitted) {
		t.Fatalf("Sheet(chair, 101) by staff, the partner still scoring = %v, want ErrNotSubmitted", err)
	}
	partner := openPanel(t, e, s, s.Partner.ID)
	if _, err := partner.Sheet(s.Staff.ID, "101"); !errors.Is(err, panel.ErrNotSubmitted) {
		t.Fatalf("Sheet(staff, 101) by the partner before submitting = %v, want ErrNotSubmitted", err)
	}
	scoreAll(t, partner, "101", 2, 2)
	if err := staff.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := staff.Sheet(s.Chair.ID, "101")
	if err != nil || got.Total() != 7 {
		t.Fatalf("Sheet(chair, 101) by staff once every member submitted = total %d, %v; want 7", got.Total(), err)
	}
	// A copy changes nothing.
	got.Marks[0].Score = 1
	if again, _ := staff.Sheet(s.Chair.ID, "101"); again.Total() != 7 {
		t.Errorf("the chair's sheet changed through a copy: total %d", again.Total())
	}
}

// startInterview starts a candidate's interview as the chair does on the kiosk: the
// candidate's consent first.
func startInterview(t *testing.T, e *kiosktest.Env, chair *panels.PanelMember, number string) {
	t.Helper()
	if err := chair.RecordConsent(ctx, number, kiosktest.AgreedConsent(e.Kiosk)); err != nil {
		t.Fatalf("RecordConsent(%s) = %v", number, err)
	}
	if err := chair.StartInterview(ctx, number); err != nil {
		t.Fatalf("StartInterview(%s) = %v", number, err)
	}
}

// TestPanelInterviewNeedsConsent: a candidate's interview does not start through the kiosk
// without their consent, and a consent that breaks the rule is not recorded.
func TestPanelInterviewNeedsConsent(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	if err := chair.StartInterview(ctx, "101"); !errors.Is(err, panel.ErrNoConsent) {
		t.Fatalf("StartInterview(101) without consent = %v, want ErrNoConsent", err)
	}
	pack := panels.PanelPack(e.Kiosk)
	with := func(edit func(c *panels.CandidateConsent)) panels.CandidateConsent {
		c := kiosktest.AgreedConsent(e.Kiosk)
		edit(&c)
		return c
	}
	for _, tc := range []struct {
		name string
		c    panels.CandidateConsent
		want error
	}{
		{"a required point declined", with(func(c *panels.CandidateConsent) { c.Choices[protocol.ConsentTakePart] = false }), panel.ErrConsentRefused},
		{"notes declined", with(func(c *panels.CandidateConsent) { c.Choices[protocol.ConsentNotes] = false }), panel.ErrConsentRefused},
		{"a point missing", with(func(c *panels.CandidateConsent) { delete(c.Choices, pack.Consent[len(pack.Consent)-1].ID) }), protocol.ErrInvalidConsent},
		{"no choice at all", panels.CandidateConsent{TextHash: pack.Hash}, protocol.ErrInvalidConsent},
		{"a point the pack lacks", with(func(c *panels.CandidateConsent) { c.Choices["photos"] = true }), protocol.ErrInvalidConsent},
		{"a wrong hash", with(func(c *panels.CandidateConsent) { c.TextHash = "sha256:00" }), panel.ErrConsentText},
		{"no hash", with(func(c *panels.CandidateConsent) { c.TextHash = "" }), panel.ErrConsentText},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := chair.RecordConsent(ctx, "101", tc.c); !errors.Is(err, tc.want) {
				t.Fatalf("RecordConsent = %v, want %v", err, tc.want)
			}
			if err := chair.StartInterview(ctx, "101"); !errors.Is(err, panel.ErrNoConsent) {
				t.Fatalf("StartInterview after a refused consent = %v, want ErrNoConsent", err)
			}
		})
	}
	// An optional point declined is a valid consent; it is kept, for the chair reopening the
	// panel too.
	c := kiosktest.AgreedConsent(e.Kiosk)
	for _, pt := range pack.Consent {
		if !pt.Required {
			c.Choices[pt.ID] = false
		}
	}
	if err := chair.RecordConsent(ctx, "101", c); err != nil {
		t.Fatalf("RecordConsent with an optional point declined = %v", err)
	}
	chair.Close()
	chair = openPanel(t, e, s, s.Chair.ID)
	if err := chair.StartInterview(ctx, "101"); err != nil {
		t.Fatalf("StartInterview after consent = %v", err)
	}
	if err := chair.StartInterview(ctx, "102"); !errors.Is(err, panel.ErrNoConsent) {
		t.Fatalf("StartInterview(102), another candidate, = %v, want ErrNoConsent", err)
	}
}

// TestPanelCandidateNumberIsDigits: a name joined to digits is not a candidate number, and the
// refusal names the field and says what to type.
func TestPanelCandidateNumberIsDigits(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	for _, typed := range []string{"SURNAME-1042", "Jane Smith", "J1042", "1042/B"} {
		err := chair.AddCandidate(ctx, typed)
		if !errors.Is(err, panel.ErrInvalid) || !strings.Contains(err.Error(), "candidate number") || !strings.Contains(err.Error(), "digits only") {
			t.Errorf("AddCandidate(%q) = %v, want ErrInvalid naming the candidate number and asking for digits only", typed, err)
		}
	}
	if n := len(state(t, chair).Candidates); n != 3 {
		t.Errorf("the recruitment has %d candidates after the refusals, want the 3 it had", n)
	}
}

// TestPanelWithdrawCandidate: a candidate who does not attend is withdrawn with the reason; the
// decision, which waited for them, can then be recorded; another member sees the withdrawal;
// only the chair or the appointing officer withdraws.
func TestPanelWithdrawCandidate(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	staff, partner := openPanel(t, e, s, s.Staff.ID), openPanel(t, e, s, s.Partner.ID)
	for _, c := range []string{"101", "102"} {
		startInterview(t, e, chair, c)
		for _, p := range []*panels.PanelMember{chair, staff, partner} {
			if err := p.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			scoreAll(t, p, c, 3, 2)
		}
	}
	pin := []byte(s.PINs[s.Chair.ID])
	if err := chair.Decide(ctx, pin, "101", "strongest"); !errors.Is(err, panel.ErrNotAllScored) {
		t.Fatalf("Decide with candidate 103 not interviewed = %v, want ErrNotAllScored", err)
	}
	if err := staff.WithdrawCandidate(ctx, "103", panel.WithdrawNoShow); !errors.Is(err, panels.ErrNotChair) {
		t.Errorf("WithdrawCandidate by the member of staff = %v, want ErrNotChair", err)
	}
	if err := chair.WithdrawCandidate(ctx, "103", panel.WithdrawNoShow); err != nil {
		t.Fatalf("WithdrawCandidate(103, did not attend) = %v", err)
	}
	if err := staff.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if c, _ := state(t, staff).Candidate("103"); c.Withdrawal != panel.WithdrawNoShow || c.WithdrawnAt.IsZero() {
		t.Errorf("candidate 103 as another member reads it = %+v, want withdrawn: did not attend", c)
	}
	if err := chair.StartInterview(ctx, "103"); !errors.Is(err, panel.ErrWithdrawn) {
		t.Errorf("StartInterview(withdrawn 103) = %v, want ErrWithdrawn", err)
	}
	if err := chair.Decide(ctx, pin, "101", "strongest"); err != nil {
		t.Fatalf("Decide after the withdrawal = %v", err)
	}
}

// TestPanelStaffSignsWithTheirPIN: the member of staff's signature on the confirmation of
// understanding needs the member of staff's own PIN, whoever is signed in.
func TestPanelStaffSignsWithTheirPIN(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	in, err := e.Kiosk.SignIn(ctx, s.Chair.ID, []byte(s.PINs[s.Chair.ID]))
	if err != nil {
		t.Fatal(err)
	}
	chair, err := panels.Create(ctx, in, s.EngagementID, panel.Post{Title: "Community nurse", Band: "Band 6"}, s.Members())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(chair.Close)
	partner := openPanel(t, e, s, s.Partner.ID)
	c := panel.Confirmation{PartnerID: s.Partner.ID, StaffID: s.Staff.ID, PartnerName: "P", StaffName: "R",
		PartnerSignature: []byte("sig"), StaffSignature: []byte("sig")}
	for _, pin := range []string{"", s.PINs[s.Partner.ID], s.PINs[s.Chair.ID]} {
		if err := partner.Confirm(ctx, c, []byte(pin)); err == nil {
			t.Errorf("Confirm with the PIN %q, not the member of staff's = nil, want a refusal", pin)
		}
	}
	if err := partner.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if v := state(t, partner); len(v.Unconfirmed) != 1 || len(v.Confirmations) != 0 {
		t.Error("the confirmation was kept without the member of staff's PIN")
	}
	if err := partner.Confirm(ctx, c, []byte(s.PINs[s.Staff.ID])); err != nil {
		t.Fatalf("Confirm with the member of staff's PIN = %v", err)
	}
	if err := chair.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if v := state(t, chair); len(v.Unconfirmed) != 0 || len(v.Confirmations) != 1 || v.Confirmations[0].PartnerID != s.Partner.ID {
		t.Error("the confirmation signed with the member of staff's PIN was not kept")
	}
}
