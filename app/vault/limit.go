package vault

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"quietroom/app/session"
)

// Attempts is the wrong-PIN record of one subject (an interviewer id, or "admin").
type Attempts struct {
	Failures    int       // wrong PINs since the last success or admin clear
	LastFailure time.Time // when the last one was recorded; zero if none
}

// AttemptLog keeps the wrong-PIN counts where they survive a restart. The store implements it
// in SQLite; MemoryAttemptLog is for tests. Both pass vaulttest.AttemptLogContract.
// Implementations must make RecordFailure durable before returning: the count is what stops a
// brute force that pulls the power mid-attempt. A call with a cancelled context fails and
// changes nothing; concurrent failures are all counted.
type AttemptLog interface {
	// Failures returns the subject's record; a subject never seen has a zero Attempts.
	Failures(ctx context.Context, subject string) (Attempts, error)
	// RecordFailure adds one failure at the given time and returns the new record, whose
	// LastFailure is at (even when earlier than the last: the caller's clock is trusted time).
	// An empty subject is refused.
	RecordFailure(ctx context.Context, subject string, at time.Time) (Attempts, error)
	// Reset forgets the subject's failures. Resetting an unknown subject is not an error.
	Reset(ctx context.Context, subject string) error
}

// Policy says how long to wait after wrong PINs.
type Policy struct {
	// FreeFailures is how many wrong PINs carry no delay.
	FreeFailures int
	// Delays are the waits after each further failure; the last repeats.
	Delays []time.Duration
	// LockOutAfter is the number of failures that locks the subject out until an admin clears
	// it. Zero never locks out (use it for the admin's own credential, which nobody could clear).
	LockOutAfter int
}

// DefaultPolicy returns the production policy: three free tries, then 30 s, 1 min, 2 min,
// 5 min, 15 min (repeating), and a lock-out at the tenth wrong PIN.
func DefaultPolicy() Policy {
	return Policy{
		FreeFailures: 3,
		Delays:       []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 5 * time.Minute, 15 * time.Minute},
		LockOutAfter: 10,
	}
}

// Wait returns how long after now the next attempt must wait: zero when it may go ahead, or
// ErrLockedOut. A clock that has gone backwards since the last failure (a Pi without a
// real-time clock, rebooted) never makes the wait longer than the policy's delay.
func (p Policy) Wait(a Attempts, now time.Time) (time.Duration, error) {
	if p.LockOutAfter > 0 && a.Failures >= p.LockOutAfter {
		return 0, ErrLockedOut
	}
	if a.Failures <= p.FreeFailures || len(p.Delays) == 0 {
		return 0, nil
	}
	delay := p.Delays[min(a.Failures-p.FreeFailures-1, len(p.Delays)-1)]
	wait := a.LastFailure.Add(delay).Sub(now)
	if wait <= 0 {
		return 0, nil
	}
	return min(wait, delay), nil
}

// Limiter enforces a Policy over an AttemptLog.
type Limiter struct {
	policy Policy
	log    AttemptLog
	clock  session.Clock
}

// NewLimiter returns a limiter. The clock should be the trusted one (with the time floor).
func NewLimiter(log AttemptLog, clock session.Clock, p Policy) *Limiter {
	return &Limiter{policy: p, log: log, clock: clock}
}

// Check says whether subject may try a PIN now: nil, a *TooSoonError (matching ErrTooSoon)
// saying how long to wait, or ErrLockedOut.
func (l *Limiter) Check(ctx context.Context, subject string) error {
	a, err := l.log.Failures(ctx, subject)
	if err != nil {
		return fmt.Errorf("check attempts of %s: %w", subject, err)
	}
	wait, err := l.policy.Wait(a, l.clock.Now())
	if err != nil {
		return err
	}
	if wait > 0 {
		return &TooSoonError{Wait: wait.Truncate(time.Second) + ceilSecond(wait)}
	}
	return nil
}

func ceilSecond(d time.Duration) time.Duration {
	if d%time.Second != 0 {
		return time.Second
	}
	return 0
}

// Try runs one PIN attempt (for example a call to Vault.Unlock) under the limit. The failure is
// recorded before the attempt runs and cleared only when it succeeds, so cutting the power
// mid-attempt never gives a free guess. An attempt that fails for another reason than
// ErrWrongCredential (a missing device secret) also stays counted: the limiter can't tell it
// did not test the PIN.
func (l *Limiter) Try(ctx context.Context, subject string, attempt func() error) error {
	if err := l.Check(ctx, subject); err != nil {
		return err
	}
	if _, err := l.log.RecordFailure(ctx, subject, l.clock.Now()); err != nil {
		return fmt.Errorf("record attempt of %s: %w", subject, err)
	}
	if err := attempt(); err != nil {
		return err
	}
	if err := l.log.Reset(ctx, subject); err != nil {
		return fmt.Errorf("reset attempts of %s: %w", subject, err)
	}
	return nil
}

// Clear resets a subject's failures, lifting a lock-out. Only a verified admin may: pass what
// VerifyAdmin returned. It opens nothing and reveals nothing about the subject's notes.
func (l *Limiter) Clear(ctx context.Context, subject string, admin *Admin) error {
	if admin == nil || !admin.verified {
		return ErrNotAdmin
	}
	if err := l.log.Reset(ctx, subject); err != nil {
		return fmt.Errorf("clear attempts of %s: %w", subject, err)
	}
	return nil
}

// MemoryAttemptLog is an AttemptLog in memory, for tests and desktop runs. It survives a
// restart only as a database would: a test simulating one hands the same log to the
// restarted program's limiters, and the wrong-PIN counts and delays carry on.
type MemoryAttemptLog struct {
	mu sync.Mutex
	m  map[string]Attempts
}

// NewMemoryAttemptLog returns an empty log.
func NewMemoryAttemptLog() *MemoryAttemptLog {
	return &MemoryAttemptLog{m: map[string]Attempts{}}
}

// Failures implements AttemptLog.
func (l *MemoryAttemptLog) Failures(ctx context.Context, subject string) (Attempts, error) {
	if err := ctx.Err(); err != nil {
		return Attempts{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.m[subject], nil
}

// RecordFailure implements AttemptLog.
func (l *MemoryAttemptLog) RecordFailure(ctx context.Context, subject string, at time.Time) (Attempts, error) {
	if err := ctx.Err(); err != nil {
		return Attempts{}, err
	}
	if subject == "" {
		return Attempts{}, errors.New("record failure: empty subject")
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	a := l.m[subject]
	a.Failures++
	a.LastFailure = at
	l.m[subject] = a
	return a, nil
}

// Reset implements AttemptLog.
func (l *MemoryAttemptLog) Reset(ctx context.Context, subject string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.m, subject)
	return nil
}
