package store

import (
	"context"
	"testing"
	"time"

	"quietroom/app/retention"
	"quietroom/app/session"
)

// TestEngagementDatesRoundTrip: an engagement's kind, visit and follow-up dates come back as
// stored, after a reopen too; an engagement without them reads zero.
func TestEngagementDatesRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	d := openDB(t, dir, Options{})
	visit := time.Date(2027, 3, 8, 0, 0, 0, 0, time.UTC)
	follow := session.ProposedFollowUp(session.KindPeerChallenge, visit, visit)
	want := []session.Engagement{
		{ID: "pc", Title: "Peer challenge", Kind: session.KindPeerChallenge, VisitDate: visit, FollowUpDate: follow,
			DeletionDate: session.DeletionAfterFollowUp(follow)},
		{ID: "other", Title: "Other", DeletionDate: visit.AddDate(1, 0, 0)},
	}
	for _, e := range want {
		if err := d.CreateEngagement(ctx, e, retention.AuditEvent{Actor: retention.RoleAdmin, Action: "engagement.create"}); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	d = openDB(t, dir, Options{})
	defer d.Close()
	for _, w := range want {
		got, err := d.Engagement(ctx, w.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Kind != w.Kind || !got.VisitDate.Equal(w.VisitDate) || !got.FollowUpDate.Equal(w.FollowUpDate) || !got.DeletionDate.Equal(w.DeletionDate) {
			t.Errorf("Engagement(%s) = kind %q visit %v follow-up %v deletion %v, want %q %v %v %v", w.ID,
				got.Kind, got.VisitDate, got.FollowUpDate, got.DeletionDate, w.Kind, w.VisitDate, w.FollowUpDate, w.DeletionDate)
		}
	}
	if follow.Format("2006-01-02") != "2027-07-08" {
		t.Errorf("a peer challenge visited on 8 March has its follow-up proposed on %s, want four months later", follow.Format("2006-01-02"))
	}
}
