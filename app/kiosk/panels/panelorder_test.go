package panels_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
)

// TestPanelInTheGuidesOrder: a panel set up on the kiosk is in the guide's order: every
// candidate seen, the lead records the discussion, then each member scores; after the
// decision the appointing officer records the carer was told, the carer gives feedback, and
// candidates' requests for feedback are kept. Each is read again by another member's key.
func TestPanelInTheGuidesOrder(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	// readyPanel chose scoring after each candidate; the panel goes back to the guide's.
	if err := chair.SetOrder(ctx, panel.OrderGuide); err != nil {
		t.Fatal(err)
	}
	staff := openPanel(t, e, s, s.Staff.ID)
	if err := staff.SetOrder(ctx, panel.OrderEachCandidate); !errors.Is(err, panels.ErrNotChair) {
		t.Errorf("SetOrder by staff = %v, want ErrNotChair", err)
	}
	if err := staff.SetLead(ctx, s.Staff.ID); !errors.Is(err, panels.ErrNotChair) {
		t.Errorf("SetLead by staff = %v, want ErrNotChair", err)
	}
	if err := staff.RecordConsent(ctx, "101", kiosktest.AgreedConsent(e.Kiosk)); err != nil {
		t.Fatal(err)
	}
	if err := staff.StartInterview(ctx, "101"); !errors.Is(err, panel.ErrNotLead) {
		t.Errorf("StartInterview by staff = %v, want ErrNotLead", err)
	}
	for _, n := range []string{"101", "102", "103"} {
		startInterview(t, e, chair, n)
	}
	if err := chair.SetOrder(ctx, panel.OrderEachCandidate); !errors.Is(err, panel.ErrFrozen) {
		t.Errorf("SetOrder after the first candidate = %v, want ErrFrozen", err)
	}
	if err := staff.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	q0 := state(t, staff).Questions[0].ID
	if err := staff.SetNotes(ctx, "101", "my own note of 101"); err != nil {
		t.Fatalf("SetNotes while the candidates are seen = %v", err)
	}
	if err := staff.SetMark(ctx, "101", panel.Mark{QuestionID: q0, Score: 2, Scored: true, Reason: "r"}); !errors.Is(err, panel.ErrNotYetScoring) {
		t.Fatalf("SetMark before the discussion = %v, want ErrNotYetScoring", err)
	}
	if err := chair.SetFeedbackRequested(ctx, "102", true); err != nil {
		t.Fatal(err)
	}
	if err := staff.RecordDiscussion(ctx, nil); !errors.Is(err, panel.ErrNotLead) {
		t.Errorf("RecordDiscussion by staff = %v, want ErrNotLead", err)
	}
	if err := chair.RecordDiscussion(ctx, map[string]string{"101": "Agreed: strong on carers "}); err != nil {
		t.Fatal(err)
	}
	if err := chair.RecordDiscussion(ctx, nil); !errors.Is(err, panel.ErrDiscussed) {
		t.Errorf("RecordDiscussion twice = %v, want ErrDiscussed", err)
	}
	partner := openPanel(t, e, s, s.Partner.ID)
	pg, err := partner.Progress()
	if err != nil {
		t.Fatal(err)
	}
	if pg.Order != panel.OrderGuide || pg.Phase != panel.PhaseScoring || pg.Discussion == nil ||
		pg.Discussion.Notes["101"] != "Agreed: strong on carers " || pg.LeadID != s.Chair.ID || len(pg.FeedbackRequested) != 1 {
		t.Fatalf("the carer's Progress = %+v, want the guide's order, scoring, the discussion kept exactly, 102's request", pg)
	}
	for _, n := range []string{"101", "102", "103"} {
		for _, p := range []*panels.PanelMember{chair, staff, partner} {
			if err := p.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			scoreAll(t, p, n, 3, 3)
		}
	}
	if err := chair.RecordOutcomeTold(ctx, s.Partner.ID); !errors.Is(err, panel.ErrNotDecidedYet) {
		t.Errorf("RecordOutcomeTold before the decision = %v, want ErrNotDecidedYet", err)
	}
	if err := chair.Decide(ctx, []byte(s.PINs[s.Chair.ID]), "101", "strongest"); err != nil {
		t.Fatal(err)
	}
	if err := staff.RecordOutcomeTold(ctx, s.Partner.ID); !errors.Is(err, panel.ErrNotAppointingOfficer) {
		t.Errorf("RecordOutcomeTold by staff = %v, want ErrNotAppointingOfficer", err)
	}
	if err := chair.RecordOutcomeTold(ctx, s.Partner.ID); err != nil {
		t.Fatal(err)
	}
	if err := chair.GiveFeedback(ctx, "x", ""); !errors.Is(err, panel.ErrNotPartner) {
		t.Errorf("GiveFeedback by the appointing officer = %v, want ErrNotPartner", err)
	}
	if err := partner.GiveFeedback(ctx, "I was listened to", "  more time between candidates\n"); err != nil {
		t.Fatal(err)
	}
	// Read again by other members' keys: the appointing officer sees the feedback, staff not.
	chair.Close()
	chair = openPanel(t, e, s, s.Chair.ID)
	pg, err = chair.Progress()
	if err != nil {
		t.Fatal(err)
	}
	if pg.Phase != panel.PhaseDecided || len(pg.Told) != 1 || pg.Told[0] != s.Partner.ID || len(pg.Feedback) != 1 ||
		pg.Feedback[0].CouldImprove != "  more time between candidates\n" || pg.Feedback[0].WentWell != "I was listened to" {
		t.Errorf("the appointing officer's Progress after the decision = %+v", pg)
	}
	staff.Close()
	staff = openPanel(t, e, s, s.Staff.ID)
	if pg, err := staff.Progress(); err != nil || len(pg.Feedback) != 0 || len(pg.Told) != 1 {
		t.Errorf("staff's Progress = %+v, %v; want the outcome told, not the carer's feedback", pg, err)
	}
}

// TestPanelOrderRecordsArePadded: the discussion and the feedback seal to the size of notes,
// the outcome told and a feedback request to the size of a mark, whatever they hold.
func TestPanelOrderRecordsArePadded(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	if err := chair.SetOrder(ctx, panel.OrderGuide); err != nil {
		t.Fatal(err)
	}
	sizes := func() map[int]int {
		st, err := e.Store.Panels.Panel(ctx, s.EngagementID)
		if err != nil {
			t.Fatal(err)
		}
		out := map[int]int{}
		for _, b := range st.Items {
			out[len(b)]++
		}
		return out
	}
	startInterview(t, e, chair, "101")
	for _, n := range []string{"102", "103"} {
		if err := chair.WithdrawCandidate(ctx, n, panel.WithdrawNoShow); err != nil {
			t.Fatal(err)
		}
	}
	before := sizes()
	if err := chair.SetFeedbackRequested(ctx, "101", true); err != nil {
		t.Fatal(err)
	}
	if err := chair.RecordDiscussion(ctx, map[string]string{"101": "a short note"}); err != nil {
		t.Fatal(err)
	}
	after := sizes()
	added := 0
	for n, c := range after {
		added += c - before[n]
		if before[n] == 0 {
			t.Errorf("a record sealed to %d bytes, a size no mark or notes has (%v)", n, before)
		}
	}
	if added != 2 {
		t.Errorf("%d items added, want the feedback request and the discussion", added)
	}
}

// TestPanelRecordSaysDiscussedOnlyAfterTheScores: scoring after each candidate, a spread is
// "discussed" in the record once the discussion was recorded after every score of the
// candidate, and only "flagged" before.
func TestPanelRecordSaysDiscussedOnlyAfterTheScores(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	staff, partner := openPanel(t, e, s, s.Staff.ID), openPanel(t, e, s, s.Partner.ID)
	scores := map[*panels.PanelMember][]int{chair: {4, 3}, staff: {1, 3}, partner: {3, 3}}
	for _, c := range []string{"101", "102", "103"} {
		startInterview(t, e, chair, c)
		for _, p := range []*panels.PanelMember{chair, staff, partner} {
			if err := p.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			scoreAll(t, p, c, scores[p]...)
		}
	}
	e.Clock.Advance(time.Hour)
	if err := chair.Decide(ctx, []byte(s.PINs[s.Chair.ID]), "101", "clearest examples"); err != nil {
		t.Fatal(err)
	}
	if text := recordText(t, chair); strings.Contains(text, "(discussed)") || !strings.Contains(text, "(flagged)") {
		t.Errorf("with no discussion recorded the record says a spread was discussed, or none flagged")
	}
	if err := chair.RecordDiscussion(ctx, nil); !errors.Is(err, panel.ErrDecided) {
		t.Errorf("RecordDiscussion after the decision = %v, want ErrDecided", err)
	}

	e2 := kiosktest.New(t)
	s2 := kiosktest.SeedPanel(t, e2.Kiosk)
	chair = readyPanel(t, e2, s2)
	staff, partner = openPanel(t, e2, s2, s2.Staff.ID), openPanel(t, e2, s2, s2.Partner.ID)
	scores = map[*panels.PanelMember][]int{chair: {4, 3}, staff: {1, 3}, partner: {3, 3}}
	for _, c := range []string{"101", "102", "103"} {
		startInterview(t, e2, chair, c)
		for _, p := range []*panels.PanelMember{chair, staff, partner} {
			if err := p.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			scoreAll(t, p, c, scores[p]...)
		}
	}
	e2.Clock.Advance(time.Hour)
	if err := chair.RecordDiscussion(ctx, map[string]string{"102": "spread on question 1 talked through"}); err != nil {
		t.Fatal(err)
	}
	if err := chair.Decide(ctx, []byte(s2.PINs[s2.Chair.ID]), "101", "clearest examples"); err != nil {
		t.Fatal(err)
	}
	text := recordText(t, chair)
	if !strings.Contains(text, "(discussed)") || strings.Contains(text, "(flagged)") || !strings.Contains(text, "Order: the organisation's choice") {
		t.Errorf("with the discussion after every score the record lacks \"(discussed)\" or the order:\n%s", text)
	}
}
