package vault

import (
	"context"
	"errors"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
)

var t0 = time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)

func TestPolicyWait(t *testing.T) {
	p := DefaultPolicy()
	at := func(n int, ago time.Duration) (Attempts, time.Time) {
		return Attempts{Failures: n, LastFailure: t0}, t0.Add(ago)
	}
	tests := []struct {
		name     string
		failures int
		after    time.Duration
		want     time.Duration
		wantErr  error
	}{
		{"none", 0, 0, 0, nil},
		{"first free", 1, 0, 0, nil},
		{"third free", 3, 0, 0, nil},
		{"fourth waits 30s", 4, 0, 30 * time.Second, nil},
		{"fourth, 10s later", 4, 10 * time.Second, 20 * time.Second, nil},
		{"fourth, 30s later", 4, 30 * time.Second, 0, nil},
		{"fifth waits 1 min", 5, 0, time.Minute, nil},
		{"sixth waits 2 min", 6, 0, 2 * time.Minute, nil},
		{"seventh waits 5 min", 7, 0, 5 * time.Minute, nil},
		{"eighth waits 15 min", 8, 0, 15 * time.Minute, nil},
		{"ninth: the last delay repeats", 9, 0, 15 * time.Minute, nil},
		{"tenth locks out", 10, 0, 0, ErrLockedOut},
		{"locked out a week later", 10, 7 * 24 * time.Hour, 0, ErrLockedOut},
		{"clock went back a year", 5, -365 * 24 * time.Hour, time.Minute, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, now := at(tt.failures, tt.after)
			got, err := p.Wait(a, now)
			if got != tt.want || !errors.Is(err, tt.wantErr) {
				t.Errorf("Wait(%d failures, %s later) = %s, %v; want %s, %v", tt.failures, tt.after, got, err, tt.want, tt.wantErr)
			}
		})
	}
	never := Policy{FreeFailures: 1, Delays: []time.Duration{time.Minute}}
	if got, err := never.Wait(Attempts{Failures: 1000, LastFailure: t0}, t0); got != time.Minute || err != nil {
		t.Errorf("Wait with LockOutAfter 0 = %s, %v; want 1m0s, nil", got, err)
	}
}

// wrongPIN and rightPIN stand in for Vault.Unlock: the limiter only sees their errors.
func wrongPIN() error { return ErrWrongCredential }
func rightPIN() error { return nil }

func TestLimiterDelays(t *testing.T) {
	ctx := context.Background()
	clock := clocktest.New(t0)
	log := NewMemoryAttemptLog()
	l := NewLimiter(log, clock, DefaultPolicy())

	for i := 1; i <= 4; i++ {
		if err := l.Try(ctx, "iv-1", wrongPIN); !errors.Is(err, ErrWrongCredential) {
			t.Fatalf("attempt %d = %v, want ErrWrongCredential", i, err)
		}
	}
	clock.Advance(10*time.Second + 500*time.Millisecond)
	err := l.Try(ctx, "iv-1", func() error { t.Fatal("attempt ran during the delay"); return nil })
	var tooSoon *TooSoonError
	if !errors.As(err, &tooSoon) || !errors.Is(err, ErrTooSoon) || tooSoon.Wait != 20*time.Second {
		t.Fatalf("Try during the delay = %v, want a TooSoonError of 20s", err)
	}
	if a, _ := log.Failures(ctx, "iv-1"); a.Failures != 4 {
		t.Errorf("a refused attempt counted: %d failures, want 4", a.Failures)
	}
	if err := l.Check(ctx, "iv-2"); err != nil {
		t.Errorf("another interviewer is held up: %v", err)
	}

	clock.Advance(20 * time.Second)
	if err := l.Try(ctx, "iv-1", rightPIN); err != nil {
		t.Fatalf("Try after the delay with the right PIN = %v", err)
	}
	if a, _ := log.Failures(ctx, "iv-1"); a.Failures != 0 {
		t.Errorf("success left %d failures, want 0", a.Failures)
	}
}

// The failure is on record while the attempt runs, so pulling the power mid-attempt (after the
// expensive check has told the attacker the answer, but before the result is handled) does not
// give a free guess; and it is still there for a limiter built after a restart.
func TestLimiterRecordsBeforeTheAttempt(t *testing.T) {
	ctx := context.Background()
	clock := clocktest.New(t0)
	log := NewMemoryAttemptLog()
	p := Policy{FreeFailures: 0, Delays: []time.Duration{time.Minute}, LockOutAfter: 5}
	l := NewLimiter(log, clock, p)

	var during Attempts
	_ = l.Try(ctx, "iv-1", func() error {
		during, _ = log.Failures(ctx, "iv-1")
		return ErrWrongCredential // never handled: the "crash"
	})
	if during.Failures != 1 || !during.LastFailure.Equal(t0) {
		t.Errorf("during the attempt the log held %+v, want 1 failure at %s", during, t0)
	}

	restarted := NewLimiter(log, clock, p)
	var tooSoon *TooSoonError
	if err := restarted.Check(ctx, "iv-1"); !errors.As(err, &tooSoon) || tooSoon.Wait != time.Minute {
		t.Errorf("Check after a restart = %v, want a wait of 1m0s", err)
	}
}

func TestLimiterOtherErrorsStayCounted(t *testing.T) {
	ctx := context.Background()
	log := NewMemoryAttemptLog()
	l := NewLimiter(log, clocktest.New(t0), DefaultPolicy())
	err := l.Try(ctx, "iv-1", func() error { return ErrNoDeviceSecret })
	if !errors.Is(err, ErrNoDeviceSecret) {
		t.Fatalf("Try = %v, want ErrNoDeviceSecret", err)
	}
	if a, _ := log.Failures(ctx, "iv-1"); a.Failures != 1 {
		t.Errorf("failures = %d, want 1", a.Failures)
	}
}

func TestLockOutOnlyAdminClears(t *testing.T) {
	ctx := context.Background()
	clock := clocktest.New(t0)
	log := NewMemoryAttemptLog()
	l := NewLimiter(log, clock, DefaultPolicy())
	for i := 0; i < 10; i++ {
		clock.Advance(time.Hour)
		if err := l.Try(ctx, "iv-1", wrongPIN); !errors.Is(err, ErrWrongCredential) {
			t.Fatalf("attempt %d = %v", i+1, err)
		}
	}
	clock.Advance(30 * 24 * time.Hour)
	if err := l.Try(ctx, "iv-1", rightPIN); !errors.Is(err, ErrLockedOut) {
		t.Fatalf("Try after 10 failures and a month = %v, want ErrLockedOut", err)
	}

	v := newTestVault(t, secretOf(1))
	ver, _ := v.NewAdminVerifier([]byte("admin"))
	admin, err := v.VerifyAdmin(ver, []byte("admin"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		admin   *Admin
		wantErr error
	}{
		{"no admin", nil, ErrNotAdmin},
		{"forged admin", &Admin{}, ErrNotAdmin},
		{"verified admin", admin, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := l.Clear(ctx, "iv-1", tt.admin); !errors.Is(err, tt.wantErr) {
				t.Errorf("Clear = %v, want %v", err, tt.wantErr)
			}
		})
	}
	if err := l.Check(ctx, "iv-1"); err != nil {
		t.Errorf("Check after the admin cleared = %v, want nil", err)
	}
	if a, _ := log.Failures(ctx, "iv-1"); a != (Attempts{}) {
		t.Errorf("after Clear the log holds %+v, want nothing", a)
	}
}

func TestLimiterWithUnlock(t *testing.T) {
	ctx := context.Background()
	v := newTestVault(t, secretOf(1))
	s := newSlot(t, v, "iv-1", "4821")
	l := NewLimiter(NewMemoryAttemptLog(), clocktest.New(t0), DefaultPolicy())
	var in *Interviewer
	try := func(pin string) error {
		return l.Try(ctx, "iv-1", func() (err error) {
			in, err = v.Unlock("iv-1", []byte(pin), s)
			return err
		})
	}
	if err := try("0000"); !errors.Is(err, ErrWrongCredential) {
		t.Errorf("wrong PIN = %v", err)
	}
	if err := try("4821"); err != nil || in == nil {
		t.Errorf("right PIN = %v", err)
	}
}

func TestMemoryAttemptLogContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	log := NewMemoryAttemptLog()
	if _, err := log.Failures(ctx, "a"); err == nil {
		t.Error("Failures with a cancelled context succeeded")
	}
	if _, err := log.RecordFailure(ctx, "a", t0); err == nil {
		t.Error("RecordFailure with a cancelled context succeeded")
	}
	if err := log.Reset(ctx, "a"); err == nil {
		t.Error("Reset with a cancelled context succeeded")
	}
}
