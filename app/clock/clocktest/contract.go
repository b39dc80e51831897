package clocktest

import (
	"testing"
	"time"

	"quietroom/app/clock"
)

// Harness is one clock under the contract and a way to let time pass on it.
type Harness struct {
	Clock clock.Clock
	// Pass lets d pass on Clock: the fake advances, the system clock sleeps.
	Pass func(d time.Duration)
	// Synchronous says that what falls due while Pass runs has run when it returns (the fake);
	// otherwise the contract waits for it, up to a generous time-out (the system clock).
	Synchronous bool
}

// period is the duration the contract waits for: short, so the system clock's run is quick.
const period = 20 * time.Millisecond

// patience is how long the contract waits, on a clock that is not synchronous, for what is due.
const patience = 10 * time.Second

// TestClock is the contract of [clock.Clock]. open returns a fresh clock.
func TestClock(t *testing.T, open func(t *testing.T) Harness) {
	t.Helper()

	t.Run("Now moves forward as time passes", func(t *testing.T) {
		h := open(t)
		before := h.Clock.Now()
		h.Pass(period)
		if got := h.Clock.Now().Sub(before); got < period {
			t.Errorf("Now() after %v passed = start+%v, want at least start+%v", period, got, period)
		}
	})

	t.Run("AfterFunc calls once, after d", func(t *testing.T) {
		h := open(t)
		start := h.Clock.Now()
		calls := make(chan time.Time, 4)
		tm := h.Clock.AfterFunc(period, func() { calls <- h.Clock.Now() })
		h.Pass(period)
		at := h.wait(t, calls, "AfterFunc's call", true)
		if got := at.Sub(start); got < period {
			t.Errorf("AfterFunc(%v) called at start+%v, want at least start+%v", period, got, period)
		}
		h.Pass(2 * period)
		if n := len(calls); n != 0 {
			t.Errorf("AfterFunc called %d more times, want once", n)
		}
		if tm.Stop() {
			t.Error("Stop() after the call = true, want false")
		}
	})

	t.Run("Stop prevents the call", func(t *testing.T) {
		h := open(t)
		calls := make(chan time.Time, 4)
		tm := h.Clock.AfterFunc(period, func() { calls <- h.Clock.Now() })
		if !tm.Stop() {
			t.Fatal("Stop() of a pending call = false, want true")
		}
		h.Pass(2 * period)
		if n := len(calls); n != 0 {
			t.Errorf("a stopped AfterFunc was called %d times", n)
		}
		if tm.Stop() {
			t.Error("Stop() of a stopped call = true, want false")
		}
	})

	t.Run("a ticker ticks every d until stopped", func(t *testing.T) {
		h := open(t)
		start := h.Clock.Now()
		tk := h.Clock.NewTicker(period)
		// A reader of its own, as in production: the fake hands each tick over and waits
		// for it to be taken.
		ticks, quit, done := make(chan time.Time, 16), make(chan struct{}), make(chan struct{})
		go func() {
			defer close(done)
			for {
				select {
				case at := <-tk.C():
					ticks <- at
				case <-quit:
					return
				}
			}
		}()
		for k := 1; k <= 3; k++ {
			h.Pass(period)
			at := h.wait(t, ticks, "a tick", false) // through the reader goroutine
			want := time.Duration(k) * period
			if got := at.Sub(start); got < want || (h.Synchronous && got != want) {
				t.Errorf("tick %d at start+%v, want start+%v", k, got, want)
			}
		}
		close(quit)
		<-done
		tk.Stop()
		h.Pass(3 * period)
		select {
		case at := <-tk.C():
			t.Errorf("tick at %v received after Stop", at)
		default:
		}
	})
}

// wait returns the next value on ch. On a synchronous clock, a call made by Pass is there at
// once (now); anything else may take up to patience.
func (h Harness) wait(t *testing.T, ch <-chan time.Time, what string, now bool) time.Time {
	t.Helper()
	if now && h.Synchronous {
		select {
		case at := <-ch:
			return at
		default:
			t.Fatalf("%s had not run when Pass returned", what)
		}
	}
	select {
	case at := <-ch:
		return at
	case <-time.After(patience):
		t.Fatalf("%s did not come within %v", what, patience)
	}
	return time.Time{}
}
