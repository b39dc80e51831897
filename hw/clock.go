package hw

import "time"

// Clock is the time source of patterns and debouncing. Production uses [SystemClock]; tests use
// hwtest.Clock and advance it by hand, so no test sleeps.
type Clock interface {
	// Now returns the current time.
	Now() time.Time
	// AfterFunc calls f in its own goroutine once d has passed, like [time.AfterFunc]. A fake
	// clock may instead call f synchronously while it is advanced; f must therefore not assume
	// which goroutine it runs on, and must not hold locks that the advancing code holds.
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is a pending [Clock.AfterFunc] call.
type Timer interface {
	// Stop prevents the call if it has not started yet and reports whether it did. A call that
	// has already started is not interrupted; callers that must ignore it use a generation
	// counter.
	Stop() bool
}

// SystemClock returns the wall clock.
func SystemClock() Clock { return systemClock{} }

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) AfterFunc(d time.Duration, f func()) Timer { return time.AfterFunc(d, f) }
