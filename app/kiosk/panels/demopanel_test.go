package panels_test

import (
	"testing"

	"quietroom/app/kiosk/demo"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
)

// TestSeedDemoPanel: `run --dev` seeds a panel in progress that its members open with the
// printed PINs, in the guide's order: two candidates seen with the members' own notes, two
// still to be seen, nobody scored.
func TestSeedDemoPanel(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	dp, err := demo.SeedPanel(ctx, e.Kiosk, d)
	if err != nil {
		t.Fatalf("SeedDemoPanel = %v", err)
	}
	ivs, err := e.Kiosk.Interviewers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, iv := range ivs {
		ids[iv.DisplayName] = iv.ID
	}
	if ivs[0].DisplayName != d.InterviewerName {
		t.Errorf("the first interviewer on the sign-in list is %q, want the demo interviewer", ivs[0].DisplayName)
	}
	in, err := e.Kiosk.SignIn(ctx, ids[dp.StaffName], []byte(dp.StaffPIN))
	if err != nil {
		t.Fatalf("the member of staff's printed PIN: %v", err)
	}
	mine, _, err := panels.Panels(ctx, in)
	if err != nil || len(mine) != 1 || mine[0].Title != demo.DemoPanelTitle {
		t.Fatalf("the member of staff's panels = %+v, %v; want the demo recruitment", mine, err)
	}
	staff, err := panels.Open(ctx, in, mine[0].EngagementID)
	if err != nil {
		t.Fatal(err)
	}
	defer staff.Close()
	staff.LoadedForTest(func(r *panel.Recruitment) {
		if len(r.Candidates) != 4 || len(r.Submissions) != 0 || len(r.Interviewed()) != 2 || r.ScoringOrder() != panel.OrderGuide || r.Phase() != panel.PhaseInterviews {
			t.Errorf("the demo panel = %+v, %d submissions, order %q; want the guide's order, 1041 and 1042 seen, 1043 and 1044 to interview, nobody scored", r.Candidates, len(r.Submissions), r.ScoringOrder())
		}
		if own, err := r.Sheet(ids[dp.StaffName], ids[dp.StaffName], "1041"); err != nil || own.Notes == "" {
			t.Errorf("the member of staff's own notes of 1041 = %+v, %v; want their notes", own, err)
		}
		if r.ReadyToInterview() != nil {
			t.Errorf("the demo panel is not ready for its next candidate: %v", r.ReadyToInterview())
		}
	})
	if _, err := e.Kiosk.SignIn(ctx, ids[dp.PartnerName], []byte(dp.PartnerPIN)); err != nil {
		t.Errorf("the carer's printed PIN: %v", err)
	}
}
