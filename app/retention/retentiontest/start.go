package retentiontest

import (
	"context"
	"testing"
	"time"

	"quietroom/app/clock"
	"quietroom/app/retention"
)

// Start returns the real retention over st, measuring time with clock, started as the kiosk
// starts it: the time floor loaded and what is due purged. The kernel's time since boot is
// reported unknown, so a fake clock alone decides what trusted time is. Calling Start again over
// the same st is a restart: a clock set more than retention.Options.MaxAhead after the floor
// meanwhile is then reported as ahead, one set behind it as behind.
func Start(t testing.TB, st retention.Storage, clock clock.Clock) *retention.Retention {
	t.Helper()
	return StartWith(t, st, clock, retention.Options{})
}

// StartWith is Start with options: an unset SinceBoot reports the time since boot unknown.
func StartWith(t testing.TB, st retention.Storage, clock clock.Clock, opts retention.Options) *retention.Retention {
	t.Helper()
	ctx := context.Background()
	if opts.SinceBoot == nil {
		opts.SinceBoot = func() (string, time.Duration, bool) { return "", 0, false }
	}
	r, err := retention.New(ctx, st, clock, opts)
	if err != nil {
		t.Fatalf("retention.New = %v", err)
	}
	if _, err := r.PurgeDue(ctx); err != nil {
		t.Fatalf("PurgeDue at start-up = %v", err)
	}
	return r
}
