package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
)

// TestPanelChairWhoDoesNotLead: on a panel whose appointing officer is not the chair, the
// chair is not offered Interview a candidate and is told why (who leads, and where that is
// changed); a member of staff, who cannot change the lead, is not. Before the discussion, in
// the guide's order, the overview counts the candidates seen, not scores nobody may give yet.
func TestPanelChairWhoDoesNotLead(t *testing.T) {
	r := newPanelRun(t, fyne.NewSize(800, 480))
	ctx := context.Background()
	k := r.u.kiosk
	ao, err := k.AddInterviewer(ctx, r.seed.Admin, "Alex (officer)", []byte("444444"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := k.SignIn(ctx, r.seed.Chair.ID, []byte(r.seed.PINs[r.seed.Chair.ID]))
	if err != nil {
		t.Fatal(err)
	}
	chair, err := panels.Create(ctx, in, r.seed.EngagementID, panel.Post{Title: "Community nurse", Band: "Band 6"}, []panel.Member{
		{ID: ao.ID, Roles: []panel.Role{panel.RoleAppointingOfficer}},
		{ID: r.seed.Chair.ID, Roles: []panel.Role{panel.RoleChair}},
		{ID: r.seed.Staff.ID, Roles: []panel.Role{panel.RoleStaff}},
		{ID: r.seed.Partner.ID, Roles: []panel.Role{panel.RolePartner}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"101", "102"} {
		if err := chair.AddCandidate(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	r.u.panels.panel = chair
	r.u.panels.showPanelHome()
	r.wantScreen("panel-home")
	if contains(r.buttonTexts(), "Interview a candidate") {
		t.Error("the chair who does not lead is offered Interview a candidate")
	}
	if !r.shows("Interview a candidate: Alex (officer), the appointing officer, leads the interviews (Order and lead).") {
		t.Error("the chair who does not lead is not told who leads the interviews and where that is set")
	}
	if !r.shows("Candidates: 2, 0 seen") || r.shows("scored by everyone") {
		t.Error("before the discussion in the guide's order the overview does not count the candidates seen")
	}
	chair.Close()

	in, err = k.SignIn(ctx, r.seed.Staff.ID, []byte(r.seed.PINs[r.seed.Staff.ID]))
	if err != nil {
		t.Fatal(err)
	}
	staff, err := panels.Open(ctx, in, r.seed.EngagementID)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(staff.Close)
	r.u.panels.panel = staff
	r.u.panels.showPanelHome()
	r.wantScreen("panel-home")
	if r.shows("leads the interviews") {
		t.Error("a member of staff, who cannot change the lead, is told who leads as if it were a refusal")
	}
}
