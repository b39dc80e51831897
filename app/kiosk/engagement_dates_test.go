package kiosk_test

import (
	"errors"
	"testing"
	"time"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/retention"
	"quietroom/app/session"
)

// TestEngagementFollowsItsFollowUp: a peer challenge is created with its visit and follow-up,
// and its records may not be set to go before the follow-up day is over.
func TestEngagementFollowsItsFollowUp(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	a := admin(t, e, d)
	visit := e.Clock.Now().AddDate(0, 1, 0)
	follow := session.ProposedFollowUp(session.KindPeerChallenge, e.Clock.Now(), visit)
	good := kiosk.NewEngagement{Title: "Peer challenge, host authority", Kind: session.KindPeerChallenge,
		VisitDate: visit, FollowUpDate: follow, DeletionDate: session.DeletionAfterFollowUp(follow)}
	for _, tc := range []struct {
		name   string
		change func(n *kiosk.NewEngagement)
	}{
		{"no visit", func(n *kiosk.NewEngagement) { n.VisitDate = time.Time{} }},
		{"no follow-up", func(n *kiosk.NewEngagement) { n.FollowUpDate = time.Time{} }},
		{"follow-up before the visit", func(n *kiosk.NewEngagement) { n.FollowUpDate = n.VisitDate.AddDate(0, 0, -1) }},
		{"deletion on the follow-up day", func(n *kiosk.NewEngagement) { n.DeletionDate = n.FollowUpDate }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := good
			tc.change(&n)
			if _, err := e.Kiosk.CreateEngagement(ctx, a, n); !errors.Is(err, kiosk.ErrInvalid) {
				t.Errorf("CreateEngagement = %v, want ErrInvalid", err)
			}
		})
	}
	created, err := e.Kiosk.CreateEngagement(ctx, a, good)
	if err != nil {
		t.Fatal(err)
	}
	all, err := e.Kiosk.AllEngagements(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range all {
		if got.ID == created.ID && (got.Kind != session.KindPeerChallenge || !got.VisitDate.Equal(visit) || !got.FollowUpDate.Equal(follow)) {
			t.Errorf("stored engagement = kind %q visit %v follow-up %v, want peer challenge %v %v", got.Kind, got.VisitDate, got.FollowUpDate, visit, follow)
		}
	}
}

// TestProgrammeEndIsAsked: a 360 engagement is not created without its programme's last day,
// even with a deletion date, and its records may not go before that day is over.
func TestProgrammeEndIsAsked(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	a := admin(t, e, d)
	now := e.Clock.Now()
	end := now.AddDate(0, 10, 0)
	for _, n := range []kiosk.NewEngagement{
		{Title: "360 interviews, cohort 3", Kind: session.Kind360, DeletionDate: session.DefaultDeletionDate(now)},
		{Title: "360 interviews, cohort 3", Kind: session.Kind360, FollowUpDate: end, DeletionDate: session.DefaultDeletionDate(now)},
	} {
		if _, err := e.Kiosk.CreateEngagement(ctx, a, n); !errors.Is(err, kiosk.ErrInvalid) {
			t.Errorf("CreateEngagement(programme end %v, deletion %v) = %v, want ErrInvalid", n.FollowUpDate, n.DeletionDate, err)
		}
	}
	got, err := e.Kiosk.CreateEngagement(ctx, a, kiosk.NewEngagement{Title: "360 interviews, cohort 3", Kind: session.Kind360,
		FollowUpDate: end, DeletionDate: session.ProposedDeletion(session.Kind360, now, end)})
	if err != nil || !got.FollowUpDate.Equal(end) || !got.DeletionDate.After(end) {
		t.Errorf("CreateEngagement = %+v, %v; want the programme's end kept and the deletion after it", got, err)
	}
}

// TestWipeSaysItsFollowUp: before an engagement's follow-up the admin is told it has not come
// yet, and the receipt of a wipe says whether it came before, on or after the follow-up day,
// as the receipts list keeps it.
func TestWipeSaysItsFollowUp(t *testing.T) {
	for _, tc := range []struct {
		name  string
		days  int // from now to the follow-up
		ahead bool
		want  retention.FollowUp
	}{
		{"before", 30, true, retention.FollowUpBefore},
		{"on", 0, false, retention.FollowUpOn},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, d := kiosktest.Seeded(t)
			a := admin(t, e, d)
			now := e.Clock.Now()
			y, m, day := now.AddDate(0, 0, tc.days).Date()
			follow := time.Date(y, m, day, 0, 0, 0, 0, now.Location())
			eng, err := e.Kiosk.CreateEngagement(ctx, a, kiosk.NewEngagement{Title: "Peer challenge, host authority",
				Kind: session.KindPeerChallenge, VisitDate: follow.AddDate(0, -4, 0), FollowUpDate: follow,
				DeletionDate: session.DeletionAfterFollowUp(follow)})
			if err != nil {
				t.Fatal(err)
			}
			got, ahead, err := e.Kiosk.FollowUpAhead(ctx, a, eng.ID)
			if err != nil || ahead != tc.ahead || !got.Equal(follow) {
				t.Errorf("FollowUpAhead = %v, %v, %v; want %v, %v", got, ahead, err, follow, tc.ahead)
			}
			r, err := e.Kiosk.WipeEngagement(ctx, a, eng.ID)
			if err != nil {
				t.Fatal(err)
			}
			if r.FollowUp != tc.want {
				t.Errorf("receipt follow-up = %q, want %q", r.FollowUp, tc.want)
			}
			rs, err := e.Kiosk.Receipts(ctx, a)
			if err != nil || len(rs) == 0 || rs[0].FollowUp != tc.want {
				t.Errorf("Receipts = %+v, %v; want the newest to say %q", rs, err, tc.want)
			}
		})
	}
}
