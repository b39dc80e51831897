package kiosk_test

import (
	"fmt"
	"os"
	"testing"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
	"quietroom/app/protocol"
	"quietroom/app/report/fynefont"
	"quietroom/app/session"
)

// panelShape is a grid's size: candidates x members x questions, one mark each.
type panelShape struct{ candidates, members, questions int }

// panelShapes are the realistic grid (8 x 5 x 8, 320 marks) and a tenth of it (2 x 4 x 4, 32
// marks), by their number of marks.
var panelShapes = map[int]panelShape{320: {8, 5, 8}, 32: {2, 4, 4}}

// gradedPanel is a recruitment whose panel has scored every candidate (a mark with a reason
// for every question, notes, every sheet submitted) and whose appointing officer has
// recorded the decision.
type gradedPanel struct {
	r       *benchRoom
	eng     string
	members []string // the chair (also the appointing officer) first
	chair   *panels.PanelMember
}

func newGradedPanel(b *testing.B, marks int) *gradedPanel {
	b.Helper()
	shape, ok := panelShapes[marks]
	if !ok {
		b.Fatalf("no panel of %d marks", marks)
	}
	r := newBenchRoom(b, "Room 2", clocktest.New(benchStart), kiosktest.Params, "")
	eng, err := r.k.CreateEngagement(ctx, r.admin, kiosk.NewEngagement{Title: "Recruitment: Band 6 nurse",
		Kind: session.KindRecruitment, DeletionDate: r.clock.Now().AddDate(0, 0, 90)})
	if err != nil {
		b.Fatal(err)
	}
	p := &gradedPanel{r: r, eng: eng.ID}
	roles := [][]panel.Role{{panel.RoleAppointingOfficer, panel.RoleChair}, {panel.RoleStaff}, {panel.RolePartner},
		{panel.RoleStaff}, {panel.RolePartner}}
	var ms []panel.Member
	for i := range shape.members {
		id := r.enrol(b, fmt.Sprintf("Member %d", i+1))
		p.members = append(p.members, id)
		ms = append(ms, panel.Member{ID: id, Roles: roles[i]})
	}
	p.chair, err = panels.Create(ctx, r.signIn(b, p.members[0]), p.eng, panel.Post{Title: "Community nurse", Band: "Band 6"}, ms)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(p.chair.Close)
	// Scored after each candidate, the organisation's choice (the guide's order scores after
	// the discussion).
	if err := p.chair.SetOrder(ctx, panel.OrderEachCandidate); err != nil {
		b.Fatal(err)
	}
	open := []*panels.PanelMember{p.chair}
	for i, id := range p.members[1:] {
		pm := p.open(b, id)
		b.Cleanup(pm.Close)
		open = append(open, pm)
		if roles[i+1][0] == panel.RolePartner {
			if err := pm.Confirm(ctx, panel.Confirmation{PartnerID: id, StaffID: p.members[1], PartnerName: "P", StaffName: "R",
				PartnerSignature: []byte("sig"), StaffSignature: []byte("sig")}, []byte(pin)); err != nil {
				b.Fatal(err)
			}
		}
	}
	pack, _ := protocol.BuiltinPack("recruitment-values-panel")
	var qs []panel.Question
	for i := range shape.questions {
		q, err := panel.FromPack(pack, pack.Topics[i].ID)
		if err != nil {
			b.Fatal(err)
		}
		q.AskedBy = p.members[i%2]
		qs = append(qs, q)
	}
	must := func(err error) {
		b.Helper()
		if err != nil {
			b.Fatal(err)
		}
	}
	must(p.chair.SetScale(ctx, panel.Scale{Min: 1, Max: 4, Labels: []string{"not met", "partly met", "met", "exceeded"}}))
	must(p.chair.SetQuestions(ctx, qs))
	for c := range shape.candidates {
		must(p.chair.AddCandidate(ctx, fmt.Sprint(101+c)))
	}
	for c := range shape.candidates {
		number := fmt.Sprint(101 + c)
		must(p.chair.RecordConsent(ctx, number, kiosktest.AgreedConsent(r.k)))
		must(p.chair.StartInterview(ctx, number))
		for m, pm := range open {
			must(pm.Refresh(ctx))
			for q, question := range qs {
				must(pm.SetMark(ctx, number, panel.Mark{QuestionID: question.ID, Score: 1 + (c+m+q)%4, Scored: true,
					Reason: "QRPANEL-reason a clear example of putting the patient first, with what changed after"}))
			}
			must(pm.SetNotes(ctx, number, "QRPANEL-notes talked about carers and about handing over at night"))
			must(pm.Submit(ctx, number))
		}
	}
	must(p.chair.Refresh(ctx))
	must(p.chair.Decide(ctx, []byte(pin), "101", "QRPANEL-decision met every standard"))
	return p
}

func (p *gradedPanel) open(b *testing.B, id string) *panels.PanelMember {
	b.Helper()
	pm, err := panels.Open(ctx, p.r.signIn(b, id), p.eng)
	if err != nil {
		b.Fatal(err)
	}
	return pm
}

// BenchmarkPanelOpen opens the panel for a member who has submitted every sheet, as the
// screen does after their PIN (OpenPanel: the recruitment's key opened with theirs, the
// set-up and every member's marks and notes read and opened). The sign-in is not timed.
// Realistic: 8 candidates x 5 members x 8 questions (320 marks); a tenth, 2 x 4 x 4.
func BenchmarkPanelOpen(b *testing.B) {
	scaled(b, "open a panel", 320, tapGoal, func(b *testing.B, marks int) {
		p := newGradedPanel(b, marks)
		for b.Loop() {
			b.StopTimer()
			s := p.r.signIn(b, p.members[1])
			b.StartTimer()
			pm, err := panels.Open(ctx, s, p.eng)
			if err != nil {
				b.Fatal(err)
			}
			pm.Close()
		}
	})
}

// BenchmarkPanelGrid is the consolidated grid the screen "Scores of the panel" asks for
// (PanelMember.Grid: every candidate's scores by member and question, spreads, totals).
func BenchmarkPanelGrid(b *testing.B) {
	scaled(b, "the panel's grid", 320, tapGoal, func(b *testing.B, marks int) {
		p := newGradedPanel(b, marks)
		pm := p.open(b, p.members[1])
		defer pm.Close()
		want := panelShapes[marks].candidates
		for b.Loop() {
			g, err := pm.Grid()
			if err != nil || len(g.Candidates) != want {
				b.Fatalf("Grid = %d candidates, %v; want %d", len(g.Candidates), err, want)
			}
		}
	})
}

// BenchmarkPanelExport exports the panel's record as the appointing officer does after the
// decision (Export: the panel read again, the record's PDF made, encrypted with AES-256
// under the password and written whole to the stick, with its audit entry).
func BenchmarkPanelExport(b *testing.B) {
	scaled(b, "export the panel's record", 320, tapGoal, func(b *testing.B, marks int) {
		p := newGradedPanel(b, marks)
		var size int64
		for b.Loop() {
			path, err := p.chair.Export(ctx, p.r.stick, "correct horse battery", "correct horse battery", fynefont.Fonts())
			b.StopTimer()
			if err != nil {
				b.Fatal(err)
			}
			if fi, err := os.Stat(path); err == nil {
				size = fi.Size()
			}
			if err := os.Remove(path); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		b.ReportMetric(float64(size)/1024, "KiB-pdf")
	})
}
