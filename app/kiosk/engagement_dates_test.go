package kiosk_test

import (
	"errors"
	"testing"
	"time"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
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
