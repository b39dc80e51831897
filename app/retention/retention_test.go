package retention

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

func newRetention(t *testing.T, st Storage, clock *fakeClock, opts Options) *Retention {
	t.Helper()
	r, err := New(context.Background(), st, clock, opts)
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
		{"extended refused", eng, eng.Add(time.Second), time.Time{}, ErrDateExtended},
		{"no engagement date", time.Time{}, eng, time.Time{}, ErrNoDeletionDate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := SessionDeletionDate(tc.bound, tc.requested)
			if !errors.Is(err, tc.err) || !got.Equal(tc.want) {
				t.Errorf("SessionDeletionDate(%v, %v) = %v, %v; want %v, %v", tc.bound, tc.requested, got, err, tc.want, tc.err)
			}
		})
	}
}

func TestPurgeDue(t *testing.T) {
	ctx := context.Background()
	st := newFakeStorage()
	st.add("e1", t0, "due", t0.Add(-time.Hour))
	st.add("e1", t0, "due-now", t0)
	st.add("e2", t0.AddDate(0, 1, 0), "later", t0.Add(time.Hour))
	r := newRetention(t, st, &fakeClock{now: t0}, Options{})
	rec, err := r.PurgeDue(ctx)
	if err != nil {
		t.Fatalf("PurgeDue = %v", err)
	}
	if !slices.Equal(rec.SessionIDs, []string{"due", "due-now"}) || rec.Outcome != OutcomePassed || rec.Actor != RoleSystem {
		t.Errorf("PurgeDue receipt = %+v, want sessions [due due-now], passed, by system", rec)
	}
	if st.has("due") || st.has("due-now") || !st.has("later") {
		t.Errorf("after PurgeDue: due %v, due-now %v, later %v; want false, false, true", st.has("due"), st.has("due-now"), st.has("later"))
	}
	if st.truncs < 2 {
		t.Errorf("WAL truncated %d times, want 2 (after the delete and after the vacuum)", st.truncs)
	}
	rec, err = r.PurgeDue(ctx)
	if err != nil || rec.Sessions != 0 || len(st.receipts) != 1 {
		t.Errorf("second PurgeDue = %d sessions, %v, %d receipts; want 0, nil, 1", rec.Sessions, err, len(st.receipts))
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
			st := newFakeStorage()
			st.add("e1", tc.due, "s1", tc.due)
			st.add("e1", tc.due, "keep", t0.AddDate(0, 0, 30))
			st.floor = t0 // the device last ran at t0
			clock := &fakeClock{now: t0.AddDate(0, 0, -60)}
			r := newRetention(t, st, clock, Options{})
			clock.Set(clock.Now().Add(tc.runAfter))
			if _, err := r.PurgeDue(ctx); err != nil {
				t.Fatalf("PurgeDue = %v", err)
			}
			if st.has("s1") {
				t.Errorf("session due %v survived a clock set back 60 days", tc.due)
			}
			if !st.has("keep") {
				t.Error("a session not yet due was purged")
			}
			s, err := r.Status(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if s.State != ClockBehind || !strings.Contains(s.Message, "Confirm the date") {
				t.Errorf("Status = %s %q, want behind, asking to confirm the date", s.State, s.Message)
			}
			if s.Trusted.Before(t0) || st.floor.Before(t0) {
				t.Errorf("trusted %v, floor %v: moved back before %v", s.Trusted, st.floor, t0)
			}
			if err := r.ConfirmClock(ctx, RoleAdmin); !errors.Is(err, ErrClockUnconfirmed) {
				t.Errorf("ConfirmClock(behind) = %v, want ErrClockUnconfirmed", err)
			}
		})
	}
}

func TestClockSetBackWhileRunning(t *testing.T) {
	st := newFakeStorage()
	clock := &fakeClock{now: t0}
	r := newRetention(t, st, clock, Options{})
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
		wantState ClockState
		purgedNow bool
	}{
		{"a week off", 7 * 24 * time.Hour, ClockOK, true},
		{"a year ahead", 365 * 24 * time.Hour, ClockAhead, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := newFakeStorage()
			st.floor = t0
			st.add("e1", t0.Add(tc.ahead/2), "s1", t0.Add(tc.ahead/2))
			clock := &fakeClock{now: t0.Add(tc.ahead)}
			r := newRetention(t, st, clock, Options{})
			if _, err := r.PurgeDue(ctx); err != nil {
				t.Fatalf("PurgeDue = %v", err)
			}
			if got := !st.has("s1"); got != tc.purgedNow {
				t.Errorf("purged before confirmation = %v, want %v", got, tc.purgedNow)
			}
			s, _ := r.Status(ctx)
			if s.State != tc.wantState {
				t.Errorf("Status().State = %s, want %s", s.State, tc.wantState)
			}
			if tc.purgedNow {
				return
			}
			if st.floor.After(t0.Add(time.Minute)) {
				t.Errorf("floor moved to %v by an unconfirmed clock", st.floor)
			}
			if err := r.ConfirmClock(ctx, RoleAdmin); err != nil {
				t.Fatalf("ConfirmClock = %v", err)
			}
			if _, err := r.PurgeDue(ctx); err != nil {
				t.Fatalf("PurgeDue = %v", err)
			}
			if st.has("s1") {
				t.Error("session not purged after the admin confirmed the clock")
			}
			if !slices.Contains(st.auditActions(), "clock.confirm") {
				t.Errorf("audit = %v, want a clock.confirm", st.auditActions())
			}
		})
	}
}

func TestLegalHold(t *testing.T) {
	ctx := context.Background()
	st := newFakeStorage()
	st.add("e1", t0.Add(-time.Hour), "s1", t0.Add(-time.Hour))
	clock := &fakeClock{now: t0}
	r := newRetention(t, st, clock, Options{})
	for _, reason := range []string{"", "   "} {
		if err := r.PlaceHold(ctx, "e1", reason, RoleAdmin); !errors.Is(err, ErrNoReason) {
			t.Errorf("PlaceHold(reason %q) = %v, want ErrNoReason", reason, err)
		}
	}
	if err := r.PlaceHold(ctx, "e1", "tribunal claim", RoleAdmin); err != nil {
		t.Fatalf("PlaceHold = %v", err)
	}
	if _, err := r.PurgeDue(ctx); err != nil || !st.has("s1") {
		t.Errorf("PurgeDue under hold = %v, session kept %v; want nil, true", err, st.has("s1"))
	}
	if _, err := r.WipeEngagement(ctx, "e1", RoleAdmin); !errors.Is(err, ErrLegalHold) || !st.has("s1") {
		t.Errorf("WipeEngagement under hold = %v, want ErrLegalHold and the session kept", err)
	}
	if _, err := r.WipeAll(ctx, RoleAdmin); !errors.Is(err, ErrLegalHold) || !st.has("s1") {
		t.Errorf("WipeAll under hold = %v, want ErrLegalHold and the session kept", err)
	}
	if err := r.ReleaseHold(ctx, "e1", RoleAdmin); err != nil {
		t.Fatalf("ReleaseHold = %v", err)
	}
	if _, err := r.PurgeDue(ctx); err != nil || st.has("s1") {
		t.Errorf("PurgeDue after release = %v, session kept %v; want nil, false", err, st.has("s1"))
	}
	acts := st.auditActions()
	if !slices.Contains(acts, "legal-hold.place") || !slices.Contains(acts, "legal-hold.release") {
		t.Errorf("audit = %v, want the hold placed and released", acts)
	}
	for _, ev := range st.audit {
		if strings.Contains(ev.Outcome+ev.Action, "tribunal") {
			t.Errorf("audit event %+v holds the hold's reason", ev)
		}
	}
}

func TestSetDeletionDateBringsSessionsForward(t *testing.T) {
	ctx := context.Background()
	st := newFakeStorage()
	eng := t0.AddDate(0, 2, 0)
	st.add("e1", eng, "early", t0.AddDate(0, 0, 10))
	st.add("e1", eng, "late", eng)
	r := newRetention(t, st, &fakeClock{now: t0}, Options{})
	if err := r.SetDeletionDate(ctx, "e1", time.Time{}, RoleAdmin); !errors.Is(err, ErrNoDeletionDate) {
		t.Errorf("SetDeletionDate(zero) = %v, want ErrNoDeletionDate", err)
	}
	earlier := t0.AddDate(0, 0, 20)
	if err := r.SetDeletionDate(ctx, "e1", earlier, RoleAdmin); err != nil {
		t.Fatal(err)
	}
	if got := st.sessions["late"].del; !got.Equal(earlier) {
		t.Errorf("late session date = %v, want brought forward to %v", got, earlier)
	}
	if got := st.sessions["early"].del; !got.Equal(t0.AddDate(0, 0, 10)) {
		t.Errorf("early session date = %v, want unchanged", got)
	}
}

func TestDestroySession(t *testing.T) {
	ctx := context.Background()
	st := newFakeStorage()
	st.add("e1", t0.AddDate(0, 1, 0), "s1", t0.AddDate(0, 1, 0))
	st.add("e1", t0.AddDate(0, 1, 0), "s2", t0.AddDate(0, 1, 0))
	r := newRetention(t, st, &fakeClock{now: t0}, Options{})
	if err := r.PlaceHold(ctx, "e1", "dispute", RoleAdmin); err != nil {
		t.Fatal(err)
	}
	// Withdrawal is the interviewee's right: it destroys the session even under a hold.
	if err := r.DestroySession(ctx, "s1"); err != nil {
		t.Fatalf("DestroySession = %v", err)
	}
	if st.has("s1") || !st.has("s2") {
		t.Errorf("after DestroySession(s1): s1 %v, s2 %v; want false, true", st.has("s1"), st.has("s2"))
	}
	if err := r.DestroySession(ctx, "s1"); err != nil {
		t.Errorf("DestroySession(already gone) = %v, want nil", err)
	}
}

func TestPurgeFinishesAnInterruptedDeletion(t *testing.T) {
	st := newFakeStorage()
	st.receipts["r1"] = Receipt{ID: "r1", Kind: KindPurge, SessionIDs: []string{"gone"}, Outcome: OutcomePending}
	r := newRetention(t, st, &fakeClock{now: t0}, Options{})
	if _, err := r.PurgeDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := st.receipts["r1"]; got.Outcome != OutcomePassed || !got.WALTruncated || got.CompletedAt.IsZero() {
		t.Errorf("interrupted receipt after PurgeDue = %+v, want passed with the WAL truncated", got)
	}
}

type manualTicker struct {
	c       chan time.Time
	stopped chan struct{}
}

func (m *manualTicker) C() <-chan time.Time { return m.c }
func (m *manualTicker) Stop()               { close(m.stopped) }

func TestRunPurgesOnEachTickAndStops(t *testing.T) {
	st := newFakeStorage()
	clock := &fakeClock{now: t0}
	st.add("e1", t0.Add(time.Hour), "s1", t0.Add(time.Hour))
	tk := &manualTicker{c: make(chan time.Time), stopped: make(chan struct{})}
	r := newRetention(t, st, clock, Options{NewTicker: func(time.Duration) Ticker { return tk }})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- r.Run(ctx) }()
	tk.c <- t0
	if !st.has("s1") {
		t.Fatal("purged before its date")
	}
	clock.Set(t0.Add(2 * time.Hour))
	tk.c <- t0 // received once the first purge is over
	tk.c <- t0 // and this once the second (which purges s1) is over
	if st.has("s1") {
		t.Error("Run did not purge a session whose date was reached")
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	select {
	case <-tk.stopped:
	default:
		t.Error("Run returned without stopping its ticker")
	}
}
