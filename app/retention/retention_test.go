package retention_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/retention"
	"quietroom/app/retention/retentiontest"
	"quietroom/app/session"
)

var t0 = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

// add stores a session due at del in engagement eng, creating the engagement with date engDate
// when it is new. id "" adds only the engagement.
func add(t *testing.T, st *retentiontest.Storage, eng string, engDate time.Time, id string, del time.Time) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.Engagement(ctx, eng); err != nil {
		st.AddEngagement(session.Engagement{ID: eng, Title: "Engagement " + eng, DeletionDate: engDate})
	}
	if id == "" {
		return
	}
	err := st.CreateSession(ctx, session.Record{ID: id, EngagementID: eng, InterviewerID: "iv-1", State: session.StateQuestions,
		DeletionDate: del, SealedKey: []byte("sealed-key-of-" + id)})
	if err != nil {
		t.Fatal(err)
	}
}

// setFloor records t as the time floor, as a run of the program that ended at t would have.
func setFloor(t *testing.T, st retention.Storage, floor time.Time) {
	t.Helper()
	if err := st.RecordTime(context.Background(), retention.ClockMark{Trusted: floor}); err != nil {
		t.Fatal(err)
	}
}

func floorOf(t *testing.T, st retention.Storage) time.Time {
	t.Helper()
	f, err := st.TimeFloor(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func auditActions(t *testing.T, st *retentiontest.Storage) []string {
	t.Helper()
	evs, err := st.Audit(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ev := range evs {
		out = append(out, ev.Action)
	}
	return out
}

func receiptsOf(t *testing.T, st *retentiontest.Storage) []retention.Receipt {
	t.Helper()
	rs, err := st.Receipts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func newRetention(t *testing.T, st retention.Storage, clock *clocktest.Clock, opts retention.Options) *retention.Retention {
	t.Helper()
	r, err := retention.New(context.Background(), st, clock, opts)
	if err != nil {
		t.Fatalf("New = %v", err)
	}
	return r
}

func TestSessionDeletionDate(t *testing.T) {
	eng := t0.AddDate(0, 2, 0)
	tests := []struct {
		name      string
		bound     time.Time
		requested time.Time
		want      time.Time
		err       error
	}{
		{"inherits when unset", eng, time.Time{}, eng, nil},
		{"same date", eng, eng, eng, nil},
		{"brought forward", eng, eng.AddDate(0, 0, -10), eng.AddDate(0, 0, -10), nil},
		{"extended refused", eng, eng.Add(time.Second), time.Time{}, retention.ErrDateExtended},
		{"no engagement date", time.Time{}, eng, time.Time{}, retention.ErrNoDeletionDate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := retention.SessionDeletionDate(tc.bound, tc.requested)
			if !errors.Is(err, tc.err) || !got.Equal(tc.want) {
				t.Errorf("SessionDeletionDate(%v, %v) = %v, %v; want %v, %v", tc.bound, tc.requested, got, err, tc.want, tc.err)
			}
		})
	}
}

func TestPurgeDue(t *testing.T) {
	ctx := context.Background()
	st := retentiontest.NewStorage()
	add(t, st, "e1", t0, "due", t0.Add(-time.Hour))
	add(t, st, "e1", t0, "due-now", t0)
	add(t, st, "e2", t0.AddDate(0, 1, 0), "later", t0.Add(time.Hour))
	r := newRetention(t, st, clocktest.New(t0), retention.Options{})
	rec, err := r.PurgeDue(ctx)
	if err != nil {
		t.Fatalf("PurgeDue = %v", err)
	}
	if !slices.Equal(rec.SessionIDs, []string{"due", "due-now"}) || rec.Outcome != retention.OutcomePassed || rec.Actor != retention.RoleSystem ||
		!rec.WALTruncated || !rec.Reclaimed || rec.KeysDestroyed != 2 || rec.CompletedAt.IsZero() {
		t.Errorf("PurgeDue receipt = %+v, want sessions [due due-now], their 2 keys, the copies forgotten, passed, by system", rec)
	}
	if st.Has("due") || st.Has("due-now") || !st.Has("later") {
		t.Errorf("after PurgeDue: due %v, due-now %v, later %v; want false, false, true", st.Has("due"), st.Has("due-now"), st.Has("later"))
	}
	if n := st.ForgetCalls(); n != 1 {
		t.Errorf("ForgetDeleted called %d times, want 1", n)
	}
	rec, err = r.PurgeDue(ctx)
	if n := len(receiptsOf(t, st)); err != nil || rec.Sessions != 0 || n != 1 {
		t.Errorf("second PurgeDue = %d sessions, %v, %d receipts; want 0, nil, 1", rec.Sessions, err, n)
	}
}

func TestClockBehindNeverDelaysAPurge(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name     string
		due      time.Time     // the session's deletion date
		runAfter time.Duration // clock time that passes after the set-back
	}{
		{"due before the floor", t0.Add(-time.Hour), 0},
		{"due at the floor", t0, 0},
		// The floor moves on with the time that passes, whatever the clock says.
		{"due after the floor, reached while running", t0.Add(90 * time.Minute), 2 * time.Hour},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := retentiontest.NewStorage()
			add(t, st, "e1", t0.AddDate(0, 0, 30), "s1", tc.due)
			add(t, st, "e1", t0.AddDate(0, 0, 30), "keep", t0.AddDate(0, 0, 30))
			setFloor(t, st, t0) // the device last ran at t0
			clock := clocktest.New(t0.AddDate(0, 0, -60))
			r := newRetention(t, st, clock, retention.Options{})
			clock.Set(clock.Now().Add(tc.runAfter))
			if _, err := r.PurgeDue(ctx); err != nil {
				t.Fatalf("PurgeDue = %v", err)
			}
			if st.Has("s1") {
				t.Errorf("session due %v survived a clock set back 60 days", tc.due)
			}
			if !st.Has("keep") {
				t.Error("a session not yet due was purged")
			}
			s, err := r.Status(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if s.State != retention.ClockBehind || !strings.Contains(s.Message, "Confirm the date") {
				t.Errorf("Status = %s %q, want behind, asking to confirm the date", s.State, s.Message)
			}
			if f := floorOf(t, st); s.Trusted.Before(t0) || f.Before(t0) {
				t.Errorf("trusted %v, floor %v: moved back before %v", s.Trusted, f, t0)
			}
			if err := r.ConfirmClock(ctx, retention.RoleAdmin); !errors.Is(err, retention.ErrClockUnconfirmed) {
				t.Errorf("ConfirmClock(behind) = %v, want ErrClockUnconfirmed", err)
			}
		})
	}
}

func TestClockSetBackWhileRunning(t *testing.T) {
	st := retentiontest.NewStorage()
	clock := clocktest.New(t0)
	r := newRetention(t, st, clock, retention.Options{})
	clock.Set(t0.Add(time.Hour))
	before := r.Now()
	clock.Set(t0.AddDate(0, 0, -60))
	if got := r.Now(); got.Before(before) {
		t.Errorf("Now() after the clock went back = %v, before %v", got, before)
	}
}

func TestClockFarAheadWaitsForConfirmation(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		ahead     time.Duration
		wantState retention.ClockState
		purgedNow bool
	}{
		{"a week off", 7 * 24 * time.Hour, retention.ClockOK, true},
		{"a year ahead", 365 * 24 * time.Hour, retention.ClockAhead, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := retentiontest.NewStorage()
			setFloor(t, st, t0)
			add(t, st, "e1", t0.Add(tc.ahead/2), "s1", t0.Add(tc.ahead/2))
			clock := clocktest.New(t0.Add(tc.ahead))
			r := newRetention(t, st, clock, retention.Options{})
			if _, err := r.PurgeDue(ctx); err != nil {
				t.Fatalf("PurgeDue = %v", err)
			}
			if got := !st.Has("s1"); got != tc.purgedNow {
				t.Errorf("purged before confirmation = %v, want %v", got, tc.purgedNow)
			}
			s, _ := r.Status(ctx)
			if s.State != tc.wantState {
				t.Errorf("Status().State = %s, want %s", s.State, tc.wantState)
			}
			if tc.purgedNow {
				return
			}
			if f := floorOf(t, st); f.After(t0.Add(time.Minute)) {
				t.Errorf("floor moved to %v by an unconfirmed clock", f)
			}
			if err := r.ConfirmClock(ctx, retention.RoleAdmin); err != nil {
				t.Fatalf("ConfirmClock = %v", err)
			}
			if _, err := r.PurgeDue(ctx); err != nil {
				t.Fatalf("PurgeDue = %v", err)
			}
			if st.Has("s1") {
				t.Error("session not purged after the admin confirmed the clock")
			}
			if !slices.Contains(auditActions(t, st), "clock.confirm") {
				t.Errorf("audit = %v, want a clock.confirm", auditActions(t, st))
			}
		})
	}
}

func TestLegalHold(t *testing.T) {
	ctx := context.Background()
	st := retentiontest.NewStorage()
	add(t, st, "e1", t0.Add(-time.Hour), "s1", t0.Add(-time.Hour))
	clock := clocktest.New(t0)
	r := newRetention(t, st, clock, retention.Options{})
	for _, reason := range []string{"", "   "} {
		if err := r.PlaceHold(ctx, "e1", reason, retention.RoleAdmin); !errors.Is(err, retention.ErrNoReason) {
			t.Errorf("PlaceHold(reason %q) = %v, want ErrNoReason", reason, err)
		}
	}
	if err := r.PlaceHold(ctx, "e1", "tribunal claim", retention.RoleAdmin); err != nil {
		t.Fatalf("PlaceHold = %v", err)
	}
	if _, err := r.PurgeDue(ctx); err != nil || !st.Has("s1") {
		t.Errorf("PurgeDue under hold = %v, session kept %v; want nil, true", err, st.Has("s1"))
	}
	if _, err := r.WipeEngagement(ctx, "e1", retention.RoleAdmin); !errors.Is(err, retention.ErrLegalHold) || !st.Has("s1") {
		t.Errorf("WipeEngagement under hold = %v, want ErrLegalHold and the session kept", err)
	}
	if _, err := r.WipeAll(ctx, retention.RoleAdmin); !errors.Is(err, retention.ErrLegalHold) || !st.Has("s1") {
		t.Errorf("WipeAll under hold = %v, want ErrLegalHold and the session kept", err)
	}
	if err := r.ReleaseHold(ctx, "e1", retention.RoleAdmin); err != nil {
		t.Fatalf("ReleaseHold = %v", err)
	}
	if _, err := r.PurgeDue(ctx); err != nil || st.Has("s1") {
		t.Errorf("PurgeDue after release = %v, session kept %v; want nil, false", err, st.Has("s1"))
	}
	acts := auditActions(t, st)
	if !slices.Contains(acts, "legal-hold.place") || !slices.Contains(acts, "legal-hold.release") {
		t.Errorf("audit = %v, want the hold placed and released", acts)
	}
	evs, err := st.Audit(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		if strings.Contains(ev.Outcome+ev.Action, "tribunal") {
			t.Errorf("audit event %+v holds the hold's reason", ev)
		}
	}
}

func TestSetDeletionDateBringsSessionsForward(t *testing.T) {
	ctx := context.Background()
	st := retentiontest.NewStorage()
	eng := t0.AddDate(0, 2, 0)
	add(t, st, "e1", eng, "early", t0.AddDate(0, 0, 10))
	add(t, st, "e1", eng, "late", eng)
	r := newRetention(t, st, clocktest.New(t0), retention.Options{})
	if err := r.SetDeletionDate(ctx, "e1", time.Time{}, retention.RoleAdmin); !errors.Is(err, retention.ErrNoDeletionDate) {
		t.Errorf("SetDeletionDate(zero) = %v, want ErrNoDeletionDate", err)
	}
	earlier := t0.AddDate(0, 0, 20)
	if err := r.SetDeletionDate(ctx, "e1", earlier, retention.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	date := func(id string) time.Time {
		r, err := st.Session(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return r.DeletionDate
	}
	if got := date("late"); !got.Equal(earlier) {
		t.Errorf("late session date = %v, want brought forward to %v", got, earlier)
	}
	if got := date("early"); !got.Equal(t0.AddDate(0, 0, 10)) {
		t.Errorf("early session date = %v, want unchanged", got)
	}
	if acts := auditActions(t, st); !slices.Contains(acts, "deletion-date.set") {
		t.Errorf("audit = %v, want the date change", acts)
	}
}

func TestDestroySession(t *testing.T) {
	ctx := context.Background()
	st := retentiontest.NewStorage()
	add(t, st, "e1", t0.AddDate(0, 1, 0), "s1", t0.AddDate(0, 1, 0))
	add(t, st, "e1", t0.AddDate(0, 1, 0), "s2", t0.AddDate(0, 1, 0))
	r := newRetention(t, st, clocktest.New(t0), retention.Options{})
	if err := r.PlaceHold(ctx, "e1", "dispute", retention.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	// Withdrawal is the interviewee's right: it destroys the session even under a hold.
	if err := r.DestroySession(ctx, "s1"); err != nil {
		t.Fatalf("DestroySession = %v", err)
	}
	if st.Has("s1") || !st.Has("s2") {
		t.Errorf("after DestroySession(s1): s1 %v, s2 %v; want false, true", st.Has("s1"), st.Has("s2"))
	}
	if err := r.DestroySession(ctx, "s1"); err != nil {
		t.Errorf("DestroySession(already gone) = %v, want nil", err)
	}
}

func TestPurgeFinishesAnInterruptedDeletion(t *testing.T) {
	ctx := context.Background()
	st := retentiontest.NewStorage()
	add(t, st, "e1", t0.AddDate(0, 1, 0), "gone", t0.AddDate(0, 1, 0))
	// The deletion is done, then the power is cut before its finishing steps.
	if _, _, err := st.Erase(ctx, retention.Scope{Kind: retention.KindWithdrawal, SessionID: "gone"}, retention.Receipt{ID: "r1", At: t0}); err != nil {
		t.Fatal(err)
	}
	r := newRetention(t, st, clocktest.New(t0), retention.Options{})
	if _, err := r.PurgeDue(ctx); err != nil {
		t.Fatal(err)
	}
	rs := receiptsOf(t, st)
	if len(rs) != 1 || rs[0].ID != "r1" || rs[0].Outcome != retention.OutcomePassed || !rs[0].WALTruncated || rs[0].CompletedAt.IsZero() {
		t.Errorf("receipts after PurgeDue = %+v, want r1 passed with the copies forgotten", rs)
	}
}

func TestRunPurgesOnEachTickAndStops(t *testing.T) {
	st := retentiontest.NewStorage()
	clock := clocktest.New(t0)
	add(t, st, "e1", t0.Add(time.Hour), "s1", t0.Add(time.Hour))
	r := newRetention(t, st, clock, retention.Options{Interval: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- r.Run(ctx) }()
	clock.WaitPending(1) // Run's ticker
	clock.Advance(time.Minute)
	if !st.Has("s1") {
		t.Fatal("purged before its date")
	}
	clock.Set(t0.Add(2 * time.Hour))
	clock.Advance(time.Minute) // received once the first purge is over
	clock.Advance(time.Minute) // and this once the second (which purges s1) is over
	if st.Has("s1") {
		t.Error("Run did not purge a session whose date was reached")
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if n := clock.Pending(); n != 0 {
		t.Errorf("Run returned with %d timers or tickers pending, want its ticker stopped", n)
	}
}

// TestFollowUpAt: a wipe is before, on or after its engagement's follow-up day, counted in the
// follow-up date's own time zone; an engagement without one has no follow-up to be before.
func TestFollowUpAt(t *testing.T) {
	uk := time.FixedZone("BST", 3600)
	day := time.Date(2027, 5, 11, 0, 0, 0, 0, uk)
	for _, tc := range []struct {
		at   time.Time
		want retention.FollowUp
	}{
		{day.Add(-time.Second), retention.FollowUpBefore},
		{day.AddDate(0, -2, 0), retention.FollowUpBefore},
		{day, retention.FollowUpOn},
		{day.Add(23*time.Hour + 59*time.Minute), retention.FollowUpOn},
		{day.AddDate(0, 0, 1), retention.FollowUpAfter},
		{day.AddDate(0, 0, 1).UTC(), retention.FollowUpAfter},
	} {
		if got := retention.FollowUpAt(tc.at, day); got != tc.want {
			t.Errorf("FollowUpAt(%v, %v) = %q, want %q", tc.at, day, got, tc.want)
		}
	}
	if got := retention.FollowUpAt(day, time.Time{}); got != retention.FollowUpNone {
		t.Errorf("FollowUpAt(no follow-up) = %q, want none", got)
	}
}
