package panel

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"quietroom/app/protocol"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func members() []Member {
	return []Member{
		{ID: "ao", Roles: []Role{RoleAppointingOfficer, RoleChair}},
		{ID: "staff", Roles: []Role{RoleStaff}},
		{ID: "ip", Roles: []Role{RolePartner}},
	}
}

func orgScale() Scale {
	return Scale{Min: 1, Max: 4, Labels: []string{"not met", "partly met", "met", "exceeded"}}
}

// ready returns a recruitment ready for its first candidate, with candidates 101-103, in the
// order of scoring after each candidate (the organisation's choice), which these tests go
// through; order_test.go goes through the guide's order.
func ready(t *testing.T) *Recruitment {
	t.Helper()
	r := readyIn(t, OrderEachCandidate)
	return r
}

// readyIn is ready in the order o.
func readyIn(t *testing.T, o Order) *Recruitment {
	t.Helper()
	r, err := New("eng", Post{Title: "Community nurse", Band: "Band 6"}, members())
	if err != nil {
		t.Fatal(err)
	}
	if err := r.SetOrder(o); err != nil {
		t.Fatal(err)
	}
	if err := r.SetScale(orgScale()); err != nil {
		t.Fatal(err)
	}
	p, ok := protocol.BuiltinPack("recruitment-values-panel")
	if !ok {
		t.Fatal("no built-in recruitment pack")
	}
	q1, err := FromPack(p, "supporting-carers")
	if err != nil {
		t.Fatal(err)
	}
	q1.AskedBy = "ao"
	q1.Anchors = []string{"no example", "a general answer", "a clear example", "a clear example and what they learnt"}
	if err := r.SetQuestions([]Question{q1}); err != nil {
		t.Fatal(err)
	}
	if err := r.AddQuestion(Question{Text: "What does kindness look like on a busy shift?", Source: SourcePartner, AskedBy: "ip"}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"101", "102", "103"} {
		if err := r.AddCandidate(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Confirm(Confirmation{PartnerID: "ip", StaffID: "staff", PartnerName: "A", StaffName: "B",
		PartnerSignature: []byte{1}, StaffSignature: []byte{1}, At: t0}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"101", "102", "103"} {
		if err := r.RecordConsent(p, Consent{Candidate: n, Choices: agreeAll(p), TextHash: p.Hash, At: t0}); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// agreeAll is a candidate's consent agreeing to every point of the pack.
func agreeAll(p *protocol.Pack) map[string]bool {
	out := map[string]bool{}
	for _, c := range p.Consent {
		out[c.ID] = true
	}
	return out
}

func score(t *testing.T, r *Recruitment, member, cand string, scores ...int) {
	t.Helper()
	for i, q := range r.Questions {
		if err := r.SetMark(member, cand, Mark{QuestionID: q.ID, Score: scores[i], Scored: true, Reason: "because"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Submit(member, cand, t0); err != nil {
		t.Fatal(err)
	}
}

func TestCheckMembers(t *testing.T) {
	tests := []struct {
		name string
		ms   []Member
		want string
	}{
		{"ok, chair is the appointing officer", members(), ""},
		{"four people", []Member{{ID: "a", Roles: []Role{RoleAppointingOfficer}}, {ID: "c", Roles: []Role{RoleChair}}, {ID: "s", Roles: []Role{RoleStaff}}, {ID: "p", Roles: []Role{RolePartner}}}, ""},
		{"two people", members()[:2], "at least 3"},
		{"no partner", []Member{{ID: "a", Roles: []Role{RoleAppointingOfficer, RoleChair}}, {ID: "s", Roles: []Role{RoleStaff}}, {ID: "t", Roles: []Role{RoleStaff}}}, "service user or carer"},
		{"no chair", []Member{{ID: "a", Roles: []Role{RoleAppointingOfficer}}, {ID: "s", Roles: []Role{RoleStaff}}, {ID: "p", Roles: []Role{RolePartner}}}, "chair"},
		{"two appointing officers", []Member{{ID: "a", Roles: []Role{RoleAppointingOfficer, RoleChair}}, {ID: "b", Roles: []Role{RoleAppointingOfficer}}, {ID: "s", Roles: []Role{RoleStaff}}, {ID: "p", Roles: []Role{RolePartner}}}, "exactly one appointing officer"},
		{"same person twice", []Member{{ID: "a", Roles: []Role{RoleAppointingOfficer, RoleChair}}, {ID: "a", Roles: []Role{RoleStaff}}, {ID: "p", Roles: []Role{RolePartner}}}, "twice"},
		{"partner with another role", []Member{{ID: "a", Roles: []Role{RoleAppointingOfficer, RoleChair}}, {ID: "s", Roles: []Role{RoleStaff}}, {ID: "p", Roles: []Role{RolePartner, RoleStaff}}}, "no other role"},
		{"no role", []Member{{ID: "a", Roles: []Role{RoleAppointingOfficer, RoleChair}}, {ID: "s"}, {ID: "p", Roles: []Role{RolePartner}}}, "role"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckMembers(tt.ms)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("CheckMembers = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("CheckMembers = %v, want ErrInvalid saying %q", err, tt.want)
			}
		})
	}
}

func TestNewRefusesAPostWithoutTitleOrBand(t *testing.T) {
	for _, p := range []Post{{Band: "6"}, {Title: "Nurse"}, {Title: strings.Repeat("x", MaxPostLen+1), Band: "6"}} {
		if _, err := New("eng", p, members()); !errors.Is(err, ErrInvalid) {
			t.Errorf("New(%+v) = %v, want ErrInvalid", p, err)
		}
	}
}

func TestCandidateNumbers(t *testing.T) {
	r := ready(t)
	if err := r.AddCandidate(" 101 "); !errors.Is(err, ErrDuplicateCandidate) {
		t.Errorf("AddCandidate(101) again = %v, want ErrDuplicateCandidate", err)
	}
	if err := r.AddCandidate("1042"); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"", "Jane Smith", "Jane", "SURNAME-1042", "c-7a", "12/3", "1042a", "１２３", "1234567890123", "12 34", "1;2"} {
		if err := r.AddCandidate(bad); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "candidate number") {
			t.Errorf("AddCandidate(%q) = %v, want ErrInvalid naming the candidate number", bad, err)
		}
	}
	if err := r.AddCandidate("SURNAME-1042"); err == nil || !strings.Contains(err.Error(), "digits only") {
		t.Errorf("AddCandidate(SURNAME-1042) = %v, want it to say: digits only", err)
	}
}

// TestWithdraw: a candidate withdrawn with a reason is neither interviewed nor scored, no
// longer holds up the decision, and cannot be selected; an interviewed candidate can only
// have withdrawn themselves.
func TestWithdraw(t *testing.T) {
	r := ready(t)
	for _, n := range []string{"101", "102"} {
		if err := r.StartInterview(n, t0); err != nil {
			t.Fatal(err)
		}
		for _, m := range r.Members {
			score(t, r, m.ID, n, 3, 3)
		}
	}
	if r.AllCandidatesScored() {
		t.Fatal("the decision is open with candidate 103 not interviewed")
	}
	if b := r.DecisionBlockers(); len(b) != 1 || b[0].Candidate != "103" || !b[0].NotInterviewed {
		t.Errorf("DecisionBlockers = %+v, want candidate 103 not interviewed", b)
	}
	if err := r.Withdraw("103", "moved away", t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("Withdraw with an unknown reason = %v, want ErrInvalid", err)
	}
	if err := r.Withdraw("101", WithdrawNoShow, t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("Withdraw(interviewed 101, did not attend) = %v, want ErrInvalid", err)
	}
	if err := r.Withdraw("103", WithdrawNoShow, t0); err != nil {
		t.Fatal(err)
	}
	if err := r.Withdraw("103", WithdrawError, t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("Withdraw twice = %v, want ErrInvalid", err)
	}
	if err := r.StartInterview("103", t0); !errors.Is(err, ErrWithdrawn) {
		t.Errorf("StartInterview(withdrawn 103) = %v, want ErrWithdrawn", err)
	}
	if b := r.DecisionBlockers(); b != nil || !r.AllCandidatesScored() {
		t.Errorf("DecisionBlockers after the withdrawal = %+v, want none", b)
	}
	if err := r.AddCandidate("103"); !errors.Is(err, ErrDuplicateCandidate) {
		t.Errorf("AddCandidate(withdrawn 103) = %v, want ErrDuplicateCandidate", err)
	}
	if err := r.Withdraw("102", WithdrawDeclined, t0); err != nil {
		t.Fatal(err)
	}
	if err := r.SetNotes("ao", "102", "late"); !errors.Is(err, ErrWithdrawn) {
		t.Errorf("SetNotes for withdrawn 102 = %v, want ErrWithdrawn", err)
	}
	g, err := r.GridFor("ao")
	if err != nil || len(g.Candidates) != 1 || !g.Complete {
		t.Errorf("GridFor = %d candidates, complete %v, %v; want 101 alone, complete", len(g.Candidates), g.Complete, err)
	}
	if err := r.Decide("ao", "102", "withdrew", t0); !errors.Is(err, ErrWithdrawn) {
		t.Errorf("Decide(withdrawn 102) = %v, want ErrWithdrawn", err)
	}
	if err := r.Decide("ao", "101", "strongest", t0); err != nil {
		t.Fatal(err)
	}
	if err := r.Withdraw("101", WithdrawDeclined, t0); !errors.Is(err, ErrDecided) {
		t.Errorf("Withdraw after the decision = %v, want ErrDecided", err)
	}
}

func TestPlaceholderScaleBlocksTheFirstCandidate(t *testing.T) {
	r := ready(t)
	r.Scale = PlaceholderScale()
	err := r.StartInterview("101", t0)
	if !errors.Is(err, ErrScaleNotSet) || !strings.Contains(err.Error(), "placeholder") {
		t.Fatalf("StartInterview with the placeholder scale = %v, want ErrScaleNotSet saying placeholder", err)
	}
	if r.Frozen() {
		t.Fatal("the set froze though the interview was refused")
	}
	s := orgScale()
	s.Labels[2] = " "
	if err := r.SetScale(s); err != nil {
		t.Fatal(err)
	}
	if err := r.StartInterview("101", t0); !errors.Is(err, ErrScaleNotSet) || !strings.Contains(err.Error(), "score 3") {
		t.Fatalf("StartInterview with score 3 unlabelled = %v, want ErrScaleNotSet naming score 3", err)
	}
	if err := (Scale{Min: 1, Max: 5, Labels: []string{"a"}}).Check(); !errors.Is(err, ErrInvalid) {
		t.Errorf("Check of a scale with too few labels = %v, want ErrInvalid", err)
	}
}

func TestQuestionSetFreezesAtTheFirstCandidate(t *testing.T) {
	r := ready(t)
	if err := r.MoveQuestion(1, -1); err != nil {
		t.Fatal(err)
	}
	if err := r.StartInterview("101", t0); err != nil {
		t.Fatal(err)
	}
	if !r.Frozen() {
		t.Fatal("not frozen after the first candidate")
	}
	for name, change := range map[string]func() error{
		"SetQuestions":   func() error { return r.SetQuestions(nil) },
		"AddQuestion":    func() error { return r.AddQuestion(Question{Text: "new", Source: SourcePanel}) },
		"MoveQuestion":   func() error { return r.MoveQuestion(0, 1) },
		"RemoveQuestion": func() error { return r.RemoveQuestion(0) },
		"SetScale":       func() error { return r.SetScale(orgScale()) },
		"SetPost":        func() error { return r.SetPost(Post{Title: "x", Band: "y"}) },
	} {
		if err := change(); !errors.Is(err, ErrFrozen) {
			t.Errorf("%s after the first candidate = %v, want ErrFrozen", name, err)
		}
	}
	if r.Questions[0].Source != SourcePartner {
		t.Errorf("the partner's question moved up is not first: %+v", r.Questions[0])
	}
}

func TestReadyNeedsWhoAsksAndTheConfirmation(t *testing.T) {
	r := ready(t)
	r.Questions[0].AskedBy = ""
	if err := r.ReadyToInterview(); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "who asks") {
		t.Errorf("ReadyToInterview without who asks = %v", err)
	}
	r.Questions[0].AskedBy = "ao"
	r.Confirmations = nil
	if err := r.StartInterview("101", t0); !errors.Is(err, ErrNoConfirmation) {
		t.Errorf("StartInterview without the confirmation = %v, want ErrNoConfirmation", err)
	}
	if err := r.Confirm(Confirmation{PartnerID: "staff", StaffID: "ao", PartnerName: "A", StaffName: "B", PartnerSignature: []byte{1}, StaffSignature: []byte{1}, At: t0}); !errors.Is(err, ErrInvalid) {
		t.Errorf("Confirm with a staff member as the partner = %v, want ErrInvalid", err)
	}
	if err := r.Confirm(Confirmation{PartnerID: "ip", StaffID: "staff", PartnerName: "A", StaffName: "B", StaffSignature: []byte{1}, At: t0}); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "signature of the service user") {
		t.Errorf("Confirm without the partner's signature = %v", err)
	}
}

func TestIndependentScoring(t *testing.T) {
	r := ready(t)
	if err := r.SetMark("ao", "101", Mark{QuestionID: r.Questions[0].ID, Score: 3, Scored: true}); !errors.Is(err, ErrNotInterviewed) {
		t.Fatalf("SetMark before the interview = %v, want ErrNotInterviewed", err)
	}
	if err := r.StartInterview("101", t0); err != nil {
		t.Fatal(err)
	}
	score(t, r, "ao", "101", 4, 2)
	if _, err := r.SheetsFor("staff", "101"); !errors.Is(err, ErrNotSubmitted) {
		t.Fatalf("SheetsFor(staff) before staff submitted = %v, want ErrNotSubmitted", err)
	}
	g, err := r.GridFor("staff")
	if err != nil || len(g.Candidates) != 0 {
		t.Fatalf("GridFor(staff) before everyone scored = %+v, %v; want no candidate", g, err)
	}
	// Staff's own half-done sheet is theirs to see.
	if err := r.SetMark("staff", "101", Mark{QuestionID: r.Questions[0].ID, Score: 9, Scored: true}); !errors.Is(err, ErrInvalid) {
		t.Errorf("SetMark with a score off the scale = %v, want ErrInvalid", err)
	}
	if err := r.SetMark("staff", "101", Mark{QuestionID: r.Questions[0].ID, Score: 1, Scored: true, NoAnswer: true, Reason: "did not answer"}); err != nil {
		t.Fatal(err)
	}
	if err := r.Submit("staff", "101", t0); !errors.Is(err, ErrIncomplete) || !strings.Contains(err.Error(), "question 2") {
		t.Fatalf("Submit with question 2 unscored = %v, want ErrIncomplete naming question 2", err)
	}
	if err := r.SetMark("staff", "101", Mark{QuestionID: r.Questions[1].ID, Score: 2, Scored: true}); err != nil {
		t.Fatal(err)
	}
	if err := r.Submit("staff", "101", t0); !errors.Is(err, ErrIncomplete) || !strings.Contains(err.Error(), "reason") {
		t.Fatalf("Submit without a reason = %v, want ErrIncomplete asking for a reason", err)
	}
	if err := r.SetMark("staff", "101", Mark{QuestionID: r.Questions[1].ID, Score: 2, Scored: true, Reason: "ok"}); err != nil {
		t.Fatal(err)
	}
	if err := r.Submit("staff", "101", t0); err != nil {
		t.Fatal(err)
	}
	if err := r.SetMark("staff", "101", Mark{QuestionID: r.Questions[1].ID, Score: 4, Scored: true, Reason: "x"}); !errors.Is(err, ErrSubmitted) {
		t.Errorf("SetMark after submitting = %v, want ErrSubmitted", err)
	}
	// Blind until every member has submitted: staff's own submission is not enough.
	if _, err := r.SheetsFor("staff", "101"); !errors.Is(err, ErrNotSubmitted) {
		t.Fatalf("SheetsFor(staff) with the carer still scoring = %v, want ErrNotSubmitted", err)
	}
	if _, err := r.SheetsFor("stranger", "101"); !errors.Is(err, ErrNotMember) {
		t.Errorf("SheetsFor(stranger) = %v, want ErrNotMember", err)
	}
	if got := r.Waiting("101"); len(got) != 1 || got[0] != "ip" {
		t.Errorf("Waiting(101) = %v, want [ip]", got)
	}
	score(t, r, "ip", "101", 3, 3)
	sheets, err := r.SheetsFor("staff", "101")
	if err != nil || len(sheets) != 3 {
		t.Fatalf("SheetsFor(staff) once every member submitted = %d sheets, %v; want 3", len(sheets), err)
	}
}

func TestGridSpreadAndTotals(t *testing.T) {
	r := ready(t)
	for _, c := range []string{"101", "102", "103"} {
		if err := r.StartInterview(c, t0); err != nil {
			t.Fatal(err)
		}
	}
	score(t, r, "ao", "101", 4, 3)
	score(t, r, "staff", "101", 3, 3)
	score(t, r, "ip", "101", 1, 4)
	score(t, r, "ao", "102", 2, 2)
	g, err := r.GridFor("ip")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Candidates) != 1 || g.Complete {
		t.Fatalf("grid has %d candidates, complete %v; want 1, false", len(g.Candidates), g.Complete)
	}
	c := g.Candidates[0]
	if c.Rows[0].Spread != 3 || !c.Rows[0].Disagree || c.Rows[1].Spread != 1 || c.Rows[1].Disagree {
		t.Errorf("rows = %+v, want spreads 3 (flagged) and 1", c.Rows)
	}
	if c.Totals[0] != 7 || c.Totals[1] != 6 || c.Totals[2] != 5 || c.Total != 18 || c.Flagged != 1 {
		t.Errorf("totals = %v, total %d, flagged %d; want [7 6 5], 18, 1", c.Totals, c.Total, c.Flagged)
	}
	r.DisagreeAt = 4
	g, _ = r.GridFor("ip")
	if g.Candidates[0].Rows[0].Disagree {
		t.Error("flagged at spread 3 with DisagreeAt 4")
	}
}

func TestDecision(t *testing.T) {
	r := ready(t)
	for _, c := range []string{"101", "102", "103"} {
		if err := r.StartInterview(c, t0); err != nil {
			t.Fatal(err)
		}
		for _, m := range []string{"ao", "staff"} {
			score(t, r, m, c, 3, 3)
		}
	}
	if err := r.Decide("ao", "102", "best answers", t0); !errors.Is(err, ErrNotAllScored) {
		t.Fatalf("Decide before ip scored = %v, want ErrNotAllScored", err)
	}
	for _, c := range []string{"101", "102", "103"} {
		score(t, r, "ip", c, 2, 4)
	}
	if err := r.Decide("staff", "102", "x", t0); !errors.Is(err, ErrNotAppointingOfficer) {
		t.Errorf("Decide by staff = %v, want ErrNotAppointingOfficer", err)
	}
	if err := r.Decide("ao", "999", "x", t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("Decide for an unknown candidate = %v, want ErrInvalid", err)
	}
	if err := r.Decide("ao", "102", "  ", t0); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "reasons") {
		t.Errorf("Decide without reasons = %v, want ErrInvalid naming reasons", err)
	}
	if err := r.Decide("ao", "", "no candidate met the standard", t0); err != nil {
		t.Fatal(err)
	}
	if err := r.Decide("ao", "102", "changed my mind", t0); !errors.Is(err, ErrDecided) {
		t.Errorf("Decide twice = %v, want ErrDecided", err)
	}
	if err := r.AddCandidate("104"); !errors.Is(err, ErrDecided) {
		t.Errorf("AddCandidate after the decision = %v, want ErrDecided", err)
	}
	if g, _ := r.GridFor("ao"); !g.Complete || len(g.Candidates) != 3 {
		t.Errorf("grid complete %v with %d candidates, want true, 3", g.Complete, len(g.Candidates))
	}
}

func TestAnchors(t *testing.T) {
	r := ready(t)
	q := r.Questions[0]
	if got := q.Anchor(r.Scale, 3); got != "a clear example" {
		t.Errorf("Anchor(3) = %q", got)
	}
	if got := r.Questions[1].Anchor(r.Scale, 3); got != "" {
		t.Errorf("Anchor of a question without anchors = %q", got)
	}
	r.Questions[0].Anchors = append(r.Questions[0].Anchors, "a", "b")
	if err := r.ReadyToInterview(); !errors.Is(err, ErrInvalid) {
		t.Errorf("ReadyToInterview with more anchors than scores = %v, want ErrInvalid", err)
	}
}

func TestMayRead(t *testing.T) {
	r := ready(t)
	if err := r.StartInterview("101", t0); err != nil {
		t.Fatal(err)
	}
	score(t, r, "ao", "101", 4, 2)
	for _, tc := range []struct {
		viewer, member, candidate string
		want                      error
	}{
		{"ao", "ao", "101", nil},
		// ao submitted, the others did not: ao reads nobody else's sheet yet.
		{"ao", "staff", "101", ErrNotSubmitted},
		{"staff", "staff", "101", nil},
		{"staff", "ao", "101", ErrNotSubmitted},
		{"ip", "ao", "101", ErrNotSubmitted},
		{"ao", "staff", "102", ErrNotSubmitted},
		{"stranger", "ao", "101", ErrNotMember},
		{"ao", "stranger", "101", ErrNotMember},
	} {
		if err := r.MayRead(tc.viewer, tc.member, tc.candidate); !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
			t.Errorf("MayRead(%s, %s, %s) = %v, want %v", tc.viewer, tc.member, tc.candidate, err, tc.want)
		}
		_, err := r.Sheet(tc.viewer, tc.member, tc.candidate)
		if tc.candidate == "102" {
			continue // not interviewed
		}
		if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
			t.Errorf("Sheet(%s, %s, %s) = %v, want %v", tc.viewer, tc.member, tc.candidate, err, tc.want)
		}
	}
	// Submitted is the recruitment's one record: the submission, not a field of a sheet.
	if !r.Submitted("ao", "101") || r.Submitted("staff", "101") || !slices.Equal(r.Waiting("101"), []string{"staff", "ip"}) {
		t.Errorf("Submitted(ao) %v, Submitted(staff) %v, Waiting %v", r.Submitted("ao", "101"), r.Submitted("staff", "101"), r.Waiting("101"))
	}
	if err := r.SetMark("ao", "101", Mark{QuestionID: r.Questions[0].ID, Score: 1, Scored: true}); !errors.Is(err, ErrSubmitted) {
		t.Errorf("SetMark after submitting = %v, want ErrSubmitted", err)
	}
	score(t, r, "staff", "101", 2, 2)
	score(t, r, "ip", "101", 3, 3)
	for _, v := range []string{"ao", "staff", "ip"} {
		if err := r.MayRead(v, "ao", "101"); err != nil {
			t.Errorf("MayRead(%s, ao, 101) once every member submitted = %v, want nil", v, err)
		}
	}
}

func TestCandidateConsent(t *testing.T) {
	pack, _ := protocol.BuiltinPack("recruitment-values-panel")
	with := func(id string, v bool) map[string]bool {
		c := agreeAll(pack)
		c[id] = v
		return c
	}
	without := func(id string) map[string]bool {
		c := agreeAll(pack)
		delete(c, id)
		return c
	}
	for _, tc := range []struct {
		name    string
		choices map[string]bool
		hash    string
		want    error
	}{
		{"all agreed", agreeAll(pack), pack.Hash, nil},
		{"optional declined", with("follow-up", false), pack.Hash, nil},
		{"required declined", with(protocol.ConsentTakePart, false), pack.Hash, ErrConsentRefused},
		{"notes declined", with(protocol.ConsentNotes, false), pack.Hash, ErrConsentRefused},
		{"a point missing", without("follow-up"), pack.Hash, protocol.ErrInvalidConsent},
		{"a required point missing", without(protocol.ConsentNotes), pack.Hash, protocol.ErrInvalidConsent},
		{"nothing chosen", nil, pack.Hash, protocol.ErrInvalidConsent},
		{"an unknown point", with("photos", true), pack.Hash, protocol.ErrInvalidConsent},
		{"another text", agreeAll(pack), "sha256:0000", ErrConsentText},
		{"no text", agreeAll(pack), "", ErrConsentText},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ready(t)
			if err := r.AddCandidate("104"); err != nil {
				t.Fatal(err)
			}
			err := r.RecordConsent(pack, Consent{Candidate: "104", Choices: tc.choices, TextHash: tc.hash, At: t0})
			if !errors.Is(err, tc.want) || (err == nil) != (tc.want == nil) {
				t.Fatalf("RecordConsent(%v, %q) = %v, want %v", tc.choices, tc.hash, err, tc.want)
			}
			start := r.StartInterview("104", t0)
			if tc.want == nil && (start != nil || !r.Consented("104")) {
				t.Errorf("StartInterview after a valid consent = %v, consented %v", start, r.Consented("104"))
			}
			if tc.want != nil && (!errors.Is(start, ErrNoConsent) || r.Consented("104")) {
				t.Errorf("StartInterview after a refused consent = %v, consented %v; want ErrNoConsent", start, r.Consented("104"))
			}
		})
	}
	r := ready(t)
	if err := r.RecordConsent(nil, Consent{Candidate: "101", Choices: agreeAll(pack), TextHash: pack.Hash}); !errors.Is(err, ErrInvalid) {
		t.Errorf("RecordConsent without a pack = %v, want ErrInvalid", err)
	}
	if err := r.RecordConsent(pack, Consent{Candidate: "999", Choices: agreeAll(pack), TextHash: pack.Hash}); !errors.Is(err, ErrInvalid) {
		t.Errorf("RecordConsent for an unknown candidate = %v, want ErrInvalid", err)
	}
}
