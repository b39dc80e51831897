package vaulttest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/vault"
)

// T0 is the time the contract's failures are recorded around.
var T0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// AttemptLogContract tests the promises of vault.AttemptLog. open returns a new, empty log;
// each subtest opens its own. reopen closes l and opens the same log again, as after a restart
// of the device (for vault.MemoryAttemptLog, which the restarted program is handed again,
// it returns l).
func AttemptLogContract(t *testing.T, open func(t *testing.T) vault.AttemptLog, reopen func(t *testing.T, l vault.AttemptLog) vault.AttemptLog) {
	t.Helper()
	ctx := context.Background()

	t.Run("UnknownSubjectHasNoFailures", func(t *testing.T) {
		l := open(t)
		checkFailures(t, l, "iv-1", vault.Attempts{})
		if err := l.Reset(ctx, "iv-1"); err != nil {
			t.Errorf("Reset(unknown) = %v, want nil", err)
		}
		checkFailures(t, l, "iv-1", vault.Attempts{})
	})

	t.Run("RecordFailureCountsAndKeepsTheLastTime", func(t *testing.T) {
		l := open(t)
		zone := time.FixedZone("UTC+2", 2*60*60)
		times := []time.Time{T0.In(zone), T0.Add(30*time.Second + 7), T0.Add(-time.Hour)} // a clock set back too
		for i, at := range times {
			got, err := l.RecordFailure(ctx, "iv-1", at)
			want := vault.Attempts{Failures: i + 1, LastFailure: at}
			if err != nil || !same(got, want) {
				t.Errorf("RecordFailure #%d = %+v, %v; want %+v, nil", i+1, got, err, want)
			}
			checkFailures(t, l, "iv-1", want)
		}
	})

	t.Run("SubjectsAreSeparate", func(t *testing.T) {
		l := open(t)
		record(t, l, "iv-1", 3)
		record(t, l, "admin", 1)
		checkFailures(t, l, "iv-1", vault.Attempts{Failures: 3, LastFailure: T0})
		checkFailures(t, l, "admin", vault.Attempts{Failures: 1, LastFailure: T0})
		checkFailures(t, l, "iv-2", vault.Attempts{})
		if err := l.Reset(ctx, "iv-1"); err != nil {
			t.Fatalf("Reset = %v", err)
		}
		checkFailures(t, l, "iv-1", vault.Attempts{})
		checkFailures(t, l, "admin", vault.Attempts{Failures: 1, LastFailure: T0})
		record(t, l, "iv-1", 1)
		checkFailures(t, l, "iv-1", vault.Attempts{Failures: 1, LastFailure: T0})
	})

	t.Run("EmptySubjectRefused", func(t *testing.T) {
		l := open(t)
		if _, err := l.RecordFailure(ctx, "", T0); err == nil {
			t.Error(`RecordFailure("") = nil, want an error`)
		}
		checkFailures(t, l, "", vault.Attempts{})
	})

	t.Run("CancelledContextRecordsNothing", func(t *testing.T) {
		l := open(t)
		record(t, l, "iv-1", 2)
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := l.RecordFailure(cancelled, "iv-1", T0); err == nil {
			t.Error("RecordFailure(cancelled) = nil, want an error")
		}
		if err := l.Reset(cancelled, "iv-1"); err == nil {
			t.Error("Reset(cancelled) = nil, want an error")
		}
		if _, err := l.Failures(cancelled, "iv-1"); err == nil {
			t.Error("Failures(cancelled) = nil, want an error")
		}
		checkFailures(t, l, "iv-1", vault.Attempts{Failures: 2, LastFailure: T0})
	})

	t.Run("NoFailureIsLostToARace", func(t *testing.T) {
		l := open(t)
		const n = 20
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := l.RecordFailure(ctx, "iv-1", T0); err != nil {
					errs <- err
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("RecordFailure = %v", err)
		}
		checkFailures(t, l, "iv-1", vault.Attempts{Failures: n, LastFailure: T0})
	})

	t.Run("FailuresSurviveARestart", func(t *testing.T) {
		l := open(t)
		record(t, l, "iv-1", 4)
		record(t, l, "iv-2", 2)
		if err := l.Reset(ctx, "iv-2"); err != nil {
			t.Fatal(err)
		}
		l = reopen(t, l)
		checkFailures(t, l, "iv-1", vault.Attempts{Failures: 4, LastFailure: T0})
		checkFailures(t, l, "iv-2", vault.Attempts{})
		// A limiter over the reopened log makes the attempt wait as the one before would have.
		limiter := vault.NewLimiter(l, clocktest.New(T0.Add(10*time.Second)), vault.DefaultPolicy())
		var tooSoon *vault.TooSoonError
		if err := limiter.Check(ctx, "iv-1"); !errors.As(err, &tooSoon) || tooSoon.Wait != 20*time.Second {
			t.Errorf("Check after a restart = %v, want a wait of 20s", err)
		}
	})
}

func record(t *testing.T, l vault.AttemptLog, subject string, n int) {
	t.Helper()
	for range n {
		if _, err := l.RecordFailure(context.Background(), subject, T0); err != nil {
			t.Fatalf("RecordFailure(%s) = %v", subject, err)
		}
	}
}

func checkFailures(t *testing.T, l vault.AttemptLog, subject string, want vault.Attempts) {
	t.Helper()
	got, err := l.Failures(context.Background(), subject)
	if err != nil || !same(got, want) {
		t.Errorf("Failures(%q) = %+v, %v; want %+v, nil", subject, got, err, want)
	}
}

func same(a, b vault.Attempts) bool {
	return a.Failures == b.Failures && a.LastFailure.Equal(b.LastFailure)
}
