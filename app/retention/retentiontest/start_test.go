package retentiontest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/retention"
	"quietroom/app/retention/retentiontest"
	"quietroom/app/session"
)

// The real rules over the fake: what the kiosk's fake retention skipped is enforced, and a
// restart with the clock far ahead waits for an admin.
func TestStartRunsTheRealRules(t *testing.T) {
	ctx := context.Background()
	st := retentiontest.NewStorage()
	c := clocktest.New(retentiontest.T0)
	eng := retentiontest.T0.AddDate(0, 0, 28)
	st.AddEngagement(session.Engagement{ID: "e1", Title: "360 interviews", DeletionDate: eng})
	if err := st.CreateSession(ctx, session.Record{ID: "s1", EngagementID: "e1", InterviewerID: "iv-1", State: session.StateSealed}); err != nil {
		t.Fatal(err)
	}
	r := retentiontest.Start(t, st, c)
	if err := r.SetDeletionDate(ctx, "e1", time.Time{}, retention.RoleAdmin); !errors.Is(err, retention.ErrNoDeletionDate) {
		t.Errorf("SetDeletionDate(zero) = %v, want ErrNoDeletionDate", err)
	}
	earlier := retentiontest.T0.AddDate(0, 0, 7)
	if err := r.SetDeletionDate(ctx, "e1", earlier, retention.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	if s, _ := st.Session(ctx, "s1"); !s.DeletionDate.Equal(earlier) {
		t.Errorf("session date = %v, want brought forward to %v", s.DeletionDate, earlier)
	}
	if evs, _ := st.Audit(ctx, 1); len(evs) != 1 || evs[0].Action != "deletion-date.set" {
		t.Errorf("audit = %+v, want the date change", evs)
	}

	c.Set(retentiontest.T0.AddDate(1, 0, 0)) // switched off, and back with a clock a year ahead
	r = retentiontest.Start(t, st, c)
	if s, err := r.Status(ctx); err != nil || s.State != retention.ClockAhead {
		t.Errorf("Status after a restart a year ahead = %s, %v; want ahead", s.State, err)
	}
	if !st.Has("s1") {
		t.Error("a clock a year ahead purged before an admin confirmed it")
	}
	if err := r.ConfirmClock(ctx, retention.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	if _, err := r.PurgeDue(ctx); err != nil || st.Has("s1") {
		t.Errorf("PurgeDue after the confirmation = %v, session kept %v; want nil, false", err, st.Has("s1"))
	}
}
