package clock

import "time"

// Clock tells the time and calls back later.
type Clock interface {
	// Now returns the current time.
	Now() time.Time
	// AfterFunc calls f once d has passed, like [time.AfterFunc]. The system clock calls f in
	// its own goroutine; the fake calls it synchronously while it is advanced. f must therefore
	// not assume which goroutine it runs on, and must not hold locks that the advancing code
	// holds. A d of zero or less is due at once (on the fake: at the next advance).
	AfterFunc(d time.Duration, f func()) Timer
	// NewTicker returns a ticker that delivers the time on its channel every d, like
	// [time.NewTicker]; it panics if d is not positive. Stop it when done.
	NewTicker(d time.Duration) Ticker
}

// Timer is a pending [Clock.AfterFunc] call.
type Timer interface {
	// Stop prevents the call if it has not started yet and reports whether it did. A call that
	// has already started is not interrupted; callers that must ignore it use a generation
	// counter.
	Stop() bool
}

// Ticker delivers ticks every period until it is stopped.
type Ticker interface {
	// C is the channel the ticks arrive on. A receiver that falls behind misses ticks rather
	// than queueing them (the system clock keeps at most one waiting).
	C() <-chan time.Time
	// Stop ends the ticks: none is received after Stop returns. It does not close the channel.
	Stop()
}

// System returns the wall clock.
func System() Clock { return system{} }

type system struct{}

func (system) Now() time.Time { return time.Now() }

func (system) AfterFunc(d time.Duration, f func()) Timer { return time.AfterFunc(d, f) }

func (system) NewTicker(d time.Duration) Ticker { return systemTicker{time.NewTicker(d)} }

type systemTicker struct{ t *time.Ticker }

func (s systemTicker) C() <-chan time.Time { return s.t.C }
func (s systemTicker) Stop()               { s.t.Stop() }
