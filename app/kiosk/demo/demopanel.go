package demo

import (
	"context"
	"fmt"
	"time"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/internal/access"
	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
	"quietroom/app/protocol"
	"quietroom/app/session"
)

// DemoPanelTitle is the demo recruitment's title.
const DemoPanelTitle = "Demo: recruitment, community nurse (Band 6)"

// DemoPanel is what SeedDemoPanel created: the panel's two other members and their PINs, to
// print beside the demo interviewer's (who is its appointing officer and chair).
type DemoPanel struct {
	StaffName, StaffPIN     string
	PartnerName, PartnerPIN string
}

// SeedPanel adds, for `quietroom run --dev` only, a recruitment panel in progress: the demo
// interviewer as appointing officer and chair, a member of staff and a carer (two more demo
// interviewers, named to sort after the demo interviewer), the organisation's scale, three
// questions (one the carer's), the signed confirmation of understanding, and four candidates
// in the guide's order (the default): 1041 and 1042 interviewed, with notes of their own by
// the members (all three for 1041, the chair for 1042), 1043 and 1044 still to be seen; then
// come the discussion and the scores. It does nothing on a kiosk without panel storage.
func SeedPanel(ctx context.Context, k *kiosk.Kiosk, d Demo) (DemoPanel, error) {
	if k.Deps(access.Pass).Panels == nil {
		return DemoPanel{}, nil
	}
	dp := DemoPanel{StaffName: "Demo panel: staff member", PartnerName: "Demo panel: carer"}
	var err error
	if dp.StaffPIN, err = digits(k.Rand(access.Pass), 6); err != nil {
		return DemoPanel{}, err
	}
	if dp.PartnerPIN, err = digits(k.Rand(access.Pass), 6); err != nil {
		return DemoPanel{}, err
	}
	fail := func(err error) (DemoPanel, error) { return DemoPanel{}, fmt.Errorf("demo panel: %w", err) }
	a, err := k.SignInAdmin(ctx, []byte(d.AdminCredential))
	if err != nil {
		return fail(err)
	}
	// A day after the demo engagement's deletion date: engagements are listed by that date
	// (then by their random ids), and the same date would put the two in a different order
	// from one run to the next.
	eng, err := k.CreateEngagement(ctx, a, kiosk.NewEngagement{Title: DemoPanelTitle, Kind: session.KindRecruitment,
		DeletionDate: session.DefaultDeletionDate(k.Now().In(time.Local)).AddDate(0, 0, 1)})
	if err != nil {
		return fail(err)
	}
	staff, err := k.AddInterviewer(ctx, a, dp.StaffName, []byte(dp.StaffPIN))
	if err != nil {
		return fail(err)
	}
	carer, err := k.AddInterviewer(ctx, a, dp.PartnerName, []byte(dp.PartnerPIN))
	if err != nil {
		return fail(err)
	}
	var chairID string
	ivs, err := k.Deps(access.Pass).Interviewers.Interviewers(ctx)
	if err != nil {
		return fail(err)
	}
	for _, iv := range ivs {
		if iv.DisplayName == d.InterviewerName {
			chairID = iv.ID
		}
	}
	open := func(id, pin string) (*panels.PanelMember, error) {
		in, err := k.SignIn(ctx, id, []byte(pin))
		if err != nil {
			return nil, err
		}
		return panels.Open(ctx, in, eng.ID)
	}
	in, err := k.SignIn(ctx, chairID, []byte(d.InterviewerPIN))
	if err != nil {
		return fail(err)
	}
	chair, err := panels.Create(ctx, in, eng.ID, panel.Post{Title: "Community mental health nurse", Band: "Band 6"}, []panel.Member{
		{ID: chairID, Roles: []panel.Role{panel.RoleAppointingOfficer, panel.RoleChair}},
		{ID: staff.ID, Roles: []panel.Role{panel.RoleStaff}},
		{ID: carer.ID, Roles: []panel.Role{panel.RolePartner}},
	})
	if err != nil {
		return fail(err)
	}
	defer chair.Close()
	if err := chair.SetScale(ctx, panel.Scale{Min: 1, Max: 4, Labels: []string{"not shown", "partly shown", "shown", "shown strongly"}}); err != nil {
		return fail(err)
	}
	pack, ok := protocol.BuiltinPack(panels.PanelPackID)
	if !ok {
		return fail(fmt.Errorf("no built-in pack %s", panels.PanelPackID))
	}
	var qs []panel.Question
	for i, t := range pack.Topics {
		if i == 2 {
			break
		}
		q, err := panel.FromPack(pack, t.ID)
		if err != nil {
			return fail(err)
		}
		q.AskedBy = chairID
		qs = append(qs, q)
	}
	if err := chair.SetQuestions(ctx, qs); err != nil {
		return fail(err)
	}
	p, err := open(carer.ID, dp.PartnerPIN)
	if err != nil {
		return fail(err)
	}
	defer p.Close()
	if err := p.ContributeQuestion(ctx, "What does kindness look like on a busy shift?"); err != nil {
		return fail(err)
	}
	// The demo's signatures are a short stroke each, as a finger draws one.
	if err := p.Confirm(ctx, panel.Confirmation{PartnerID: carer.ID, StaffID: staff.ID, PartnerName: "Pat", StaffName: "Ravi",
		PartnerSignature: []byte("10,40 60,20 110,45"), StaffSignature: []byte("10,30 50,50 100,20")}, []byte(dp.StaffPIN)); err != nil {
		return fail(err)
	}
	for _, n := range []string{"1041", "1042", "1043", "1044"} {
		if err := chair.AddCandidate(ctx, n); err != nil {
			return fail(err)
		}
	}
	s, err := open(staff.ID, dp.StaffPIN)
	if err != nil {
		return fail(err)
	}
	defer s.Close()
	consent := panels.CandidateConsent{Choices: map[string]bool{}, TextHash: panels.PanelPack(k).Hash}
	for _, pt := range panels.PanelPack(k).Consent {
		consent.Choices[pt.ID] = true
	}
	for _, n := range []string{"1041", "1042"} {
		if err := chair.RecordConsent(ctx, n, consent); err != nil {
			return fail(err)
		}
		if err := chair.StartInterview(ctx, n); err != nil {
			return fail(err)
		}
	}
	// The guide's order: while the candidates are seen, each member keeps their own notes;
	// nobody scores before the panel's discussion, once all four have been seen.
	for _, x := range []struct {
		pm    *panels.PanelMember
		n     string
		notes string
	}{
		{chair, "1041", "Clear example of working with a carer; asked good questions back."},
		{s, "1041", "Knows the service. Recovery answer a little general."},
		{p, "1041", "Listened well and spoke to me, not only to the chair."},
		{chair, "1042", "Spoke about recovery plans in depth."},
	} {
		if err := x.pm.Refresh(ctx); err != nil {
			return fail(err)
		}
		if err := x.pm.SetNotes(ctx, x.n, x.notes); err != nil {
			return fail(err)
		}
	}
	return dp, nil
}
