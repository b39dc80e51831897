package panel

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestGuidesOrderIsTheDefault: a new recruitment scores in the guide's order, which is set
// before the first candidate only.
func TestGuidesOrderIsTheDefault(t *testing.T) {
	r, err := New("eng", Post{Title: "Community nurse", Band: "Band 6"}, members())
	if err != nil {
		t.Fatal(err)
	}
	if r.ScoringOrder() != OrderGuide || (&Recruitment{}).ScoringOrder() != OrderGuide {
		t.Errorf("a new recruitment's order = %q, want the guide's", r.ScoringOrder())
	}
	if err := r.SetOrder("whenever"); !errors.Is(err, ErrInvalid) {
		t.Errorf("SetOrder(unknown) = %v, want ErrInvalid", err)
	}
	r = readyIn(t, OrderGuide)
	if err := r.StartInterview("101", t0); err != nil {
		t.Fatal(err)
	}
	if err := r.SetOrder(OrderEachCandidate); !errors.Is(err, ErrFrozen) {
		t.Errorf("SetOrder after the first candidate = %v, want ErrFrozen", err)
	}
}

// TestGuidesOrderDiscussesBeforeScores: in the guide's order the candidates are all seen
// (members keep notes), then the discussion is recorded, then each member scores; nothing
// is scored before the discussion.
func TestGuidesOrderDiscussesBeforeScores(t *testing.T) {
	r := readyIn(t, OrderGuide)
	if r.Phase() != PhaseSetUp {
		t.Errorf("Phase before the first candidate = %v, want PhaseSetUp", r.Phase())
	}
	if err := r.StartInterview("101", t0); err != nil {
		t.Fatal(err)
	}
	if r.Phase() != PhaseInterviews {
		t.Errorf("Phase after the first candidate = %v, want PhaseInterviews", r.Phase())
	}
	// Notes while the candidates are seen: a member's own.
	if err := r.SetNotes("staff", "101", "good example of carers' support"); err != nil {
		t.Fatalf("SetNotes during the interviews = %v", err)
	}
	if err := r.SetMark("ao", "101", Mark{QuestionID: r.Questions[0].ID, Score: 3, Scored: true, Reason: "r"}); !errors.Is(err, ErrNotYetScoring) {
		t.Fatalf("SetMark before the discussion = %v, want ErrNotYetScoring", err)
	}
	if err := r.Submit("ao", "101", t0); !errors.Is(err, ErrNotYetScoring) {
		t.Fatalf("Submit before the discussion = %v, want ErrNotYetScoring", err)
	}
	if err := r.RecordDiscussion("ao", nil, t0); !errors.Is(err, ErrNotAllSeen) {
		t.Fatalf("RecordDiscussion with 102 and 103 not seen = %v, want ErrNotAllSeen", err)
	}
	if b := r.DecisionBlockers(); len(b) != 2 || b[0].Candidate != "102" || !b[0].NotInterviewed || b[1].Candidate != "103" {
		t.Errorf("DecisionBlockers with 102 and 103 to be seen = %+v, want them, not 101's scores", b)
	}
	if err := r.StartInterview("102", t0); err != nil {
		t.Fatal(err)
	}
	// 103 does not come: withdrawn, they no longer hold up the discussion.
	if err := r.Withdraw("103", WithdrawNoShow, t0); err != nil {
		t.Fatal(err)
	}
	if r.Phase() != PhaseDiscussion {
		t.Errorf("Phase with every candidate seen = %v, want PhaseDiscussion", r.Phase())
	}
	if b := r.DecisionBlockers(); len(b) != 1 || !b[0].Discussion || b[0].Candidate != "" {
		t.Errorf("DecisionBlockers with every candidate seen = %+v, want the discussion alone", b)
	}
	if err := r.SetMark("ao", "101", Mark{QuestionID: r.Questions[0].ID, Score: 3, Scored: true, Reason: "r"}); !errors.Is(err, ErrNotYetScoring) {
		t.Fatalf("SetMark with every candidate seen, before the discussion = %v, want ErrNotYetScoring", err)
	}
	for _, who := range []string{"staff", "ip"} {
		if err := r.RecordDiscussion(who, nil, t0); !errors.Is(err, ErrNotLead) {
			t.Errorf("RecordDiscussion(%s) = %v, want ErrNotLead", who, err)
		}
	}
	if err := r.RecordDiscussion("ao", map[string]string{"103": "x"}, t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("RecordDiscussion noting withdrawn 103 = %v, want ErrInvalid", err)
	}
	if err := r.RecordDiscussion("ao", map[string]string{"101": strings.Repeat("x", MaxDiscussionLen+1)}, t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("RecordDiscussion with a note too long = %v, want ErrInvalid", err)
	}
	at := t0.Add(time.Hour)
	if err := r.RecordDiscussion("ao", map[string]string{"101": "  Agreed: strong on carers\n", "102": " "}, at); err != nil {
		t.Fatal(err)
	}
	if d := r.Discussion; d == nil || d.By != "ao" || !d.At.Equal(at) || d.Notes["101"] != "  Agreed: strong on carers\n" || len(d.Notes) != 1 {
		t.Errorf("Discussion = %+v, want ao's at %v with 101's note kept exactly and no empty note", d, at)
	}
	if err := r.RecordDiscussion("ao", nil, at); !errors.Is(err, ErrDiscussed) {
		t.Errorf("RecordDiscussion twice = %v, want ErrDiscussed", err)
	}
	if err := r.AddCandidate("104"); !errors.Is(err, ErrDiscussed) {
		t.Errorf("AddCandidate after the discussion = %v, want ErrDiscussed", err)
	}
	if r.Phase() != PhaseScoring {
		t.Errorf("Phase after the discussion = %v, want PhaseScoring", r.Phase())
	}
	// Now each member scores on their own, blind until every one has submitted.
	score(t, r, "ao", "101", 4, 3)
	score(t, r, "staff", "101", 2, 3)
	if _, err := r.Sheet("ao", "staff", "101"); !errors.Is(err, ErrNotSubmitted) {
		t.Errorf("Sheet(ao, staff) with the carer still scoring = %v, want ErrNotSubmitted", err)
	}
	score(t, r, "ip", "101", 4, 4)
	if s, err := r.Sheet("ao", "staff", "101"); err != nil || s.Notes == "" {
		t.Errorf("Sheet(ao, staff) once all submitted = %+v, %v; want staff's sheet with their notes", s, err)
	}
	for _, m := range r.Members {
		score(t, r, m.ID, "102", 2, 2)
	}
	if r.Phase() != PhaseDecision {
		t.Errorf("Phase with every candidate scored = %v, want PhaseDecision", r.Phase())
	}
	if err := r.Decide("ao", "101", "the strongest", at); err != nil {
		t.Fatal(err)
	}
	if r.Phase() != PhaseDecided {
		t.Errorf("Phase after the decision = %v, want PhaseDecided", r.Phase())
	}
}

// TestEachCandidateOrder: scoring after each candidate (the organisation's choice) needs no
// discussion, and the scores stay blind until every member has submitted.
func TestEachCandidateOrder(t *testing.T) {
	r := readyIn(t, OrderEachCandidate)
	if err := r.StartInterview("101", t0); err != nil {
		t.Fatal(err)
	}
	score(t, r, "ao", "101", 4, 3)
	if err := r.MayRead("ao", "staff", "101"); !errors.Is(err, ErrNotSubmitted) {
		t.Errorf("MayRead(ao, staff) with staff still scoring = %v, want ErrNotSubmitted", err)
	}
	if r.Phase() != PhaseInterviews {
		t.Errorf("Phase with 102 and 103 still to be seen = %v, want PhaseInterviews", r.Phase())
	}
	// The discussion is not needed, and cannot be recorded before every candidate is seen.
	if err := r.RecordDiscussion("ao", nil, t0); !errors.Is(err, ErrNotAllSeen) {
		t.Errorf("RecordDiscussion = %v, want ErrNotAllSeen", err)
	}
}

// TestLead: the appointing officer leads the interview unless the panel chooses the chair.
func TestLead(t *testing.T) {
	ms := []Member{{ID: "a", Roles: []Role{RoleAppointingOfficer}}, {ID: "c", Roles: []Role{RoleChair}},
		{ID: "s", Roles: []Role{RoleStaff}}, {ID: "p", Roles: []Role{RolePartner}}}
	r, err := New("eng", Post{Title: "Nurse", Band: "6"}, ms)
	if err != nil {
		t.Fatal(err)
	}
	if r.LeadID() != "a" || r.RequireLead("c") == nil || r.RequireLead("a") != nil {
		t.Errorf("LeadID = %q, want the appointing officer", r.LeadID())
	}
	for _, bad := range []string{"s", "p"} {
		if err := r.SetLead(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("SetLead(%s) = %v, want ErrInvalid", bad, err)
		}
	}
	if err := r.SetLead("x"); !errors.Is(err, ErrNotMember) {
		t.Errorf("SetLead(stranger) = %v, want ErrNotMember", err)
	}
	if err := r.SetLead("c"); err != nil {
		t.Fatal(err)
	}
	if r.LeadID() != "c" || !errors.Is(r.RequireLead("a"), ErrNotLead) {
		t.Errorf("LeadID after SetLead(c) = %q", r.LeadID())
	}
}

// TestAfterTheDecision: the appointing officer records that the service user or carer was
// told the outcome; the service user or carer gives their own feedback; candidates' requests
// for feedback are recorded.
func TestAfterTheDecision(t *testing.T) {
	r := readyIn(t, OrderGuide)
	if err := r.RecordOutcomeTold("ao", "ip", t0); !errors.Is(err, ErrNotDecidedYet) {
		t.Errorf("RecordOutcomeTold before the decision = %v, want ErrNotDecidedYet", err)
	}
	if err := r.GiveFeedback("ip", PartnerFeedback{PartnerID: "ip", WentWell: "x"}); !errors.Is(err, ErrNotDecidedYet) {
		t.Errorf("GiveFeedback before the decision = %v, want ErrNotDecidedYet", err)
	}
	// A candidate may ask for feedback at the end of their interview.
	if err := r.SetFeedbackRequested("ip", "101", true, t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("SetFeedbackRequested by the carer = %v, want ErrInvalid", err)
	}
	if err := r.SetFeedbackRequested("ao", "102", true, t0); err != nil {
		t.Fatal(err)
	}
	if err := r.SetFeedbackRequested("ao", "103", true, t0); err != nil {
		t.Fatal(err)
	}
	if err := r.SetFeedbackRequested("ao", "103", false, t0); err != nil {
		t.Fatal(err)
	}
	if !r.FeedbackRequested("102") || r.FeedbackRequested("103") || r.FeedbackRequested("101") {
		t.Errorf("FeedbackRequested 101 %v 102 %v 103 %v, want 102 only", r.FeedbackRequested("101"), r.FeedbackRequested("102"), r.FeedbackRequested("103"))
	}
	for _, n := range []string{"101", "102", "103"} {
		if err := r.StartInterview(n, t0); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.RecordDiscussion("ao", nil, t0); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"101", "102", "103"} {
		for _, m := range r.Members {
			score(t, r, m.ID, n, 3, 3)
		}
	}
	if err := r.Decide("ao", "", "no candidate met the standard", t0); err != nil {
		t.Fatal(err)
	}
	if err := r.RecordOutcomeTold("staff", "ip", t0); !errors.Is(err, ErrNotAppointingOfficer) {
		t.Errorf("RecordOutcomeTold by staff = %v, want ErrNotAppointingOfficer", err)
	}
	if err := r.RecordOutcomeTold("ao", "staff", t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("RecordOutcomeTold for staff = %v, want ErrInvalid", err)
	}
	if err := r.RecordOutcomeTold("ao", "ip", t0); err != nil {
		t.Fatal(err)
	}
	if tt, ok := r.Told("ip"); !ok || tt.By != "ao" {
		t.Errorf("Told(ip) = %+v, %v", tt, ok)
	}
	if err := r.GiveFeedback("ao", PartnerFeedback{PartnerID: "ao", WentWell: "x"}); !errors.Is(err, ErrNotPartner) {
		t.Errorf("GiveFeedback by the appointing officer = %v, want ErrNotPartner", err)
	}
	if err := r.GiveFeedback("ip", PartnerFeedback{PartnerID: "staff", WentWell: "x"}); !errors.Is(err, ErrNotPartner) {
		t.Errorf("GiveFeedback for another member = %v, want ErrNotPartner", err)
	}
	if err := r.GiveFeedback("ip", PartnerFeedback{PartnerID: "ip", WentWell: " ", CouldImprove: "\n"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("GiveFeedback empty = %v, want ErrInvalid", err)
	}
	f := PartnerFeedback{PartnerID: "ip", WentWell: "I was listened to  ", CouldImprove: "more time between candidates", At: t0}
	if err := r.GiveFeedback("ip", f); err != nil {
		t.Fatal(err)
	}
	if got, ok := r.FeedbackOf("ip"); !ok || got != f {
		t.Errorf("FeedbackOf(ip) = %+v, want %+v kept exactly", got, f)
	}
	if err := r.SetFeedbackRequested("ao", "101", true, t0); err != nil {
		t.Errorf("SetFeedbackRequested after the decision = %v", err)
	}
}
