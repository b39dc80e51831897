package clocktest

import (
	"sort"
	"sync"
	"time"

	"quietroom/app/clock"
)

// Clock is a fake [clock.Clock]. Time stands still until Advance moves it. It is safe for
// concurrent use.
type Clock struct {
	mu      sync.Mutex
	changed *sync.Cond // broadcast when a call or a ticker is added
	now     time.Time
	// elapsed is how much time has passed (Advance, not Set): calls fall due by it, as real
	// timers follow the monotonic clock and not the date.
	elapsed time.Duration
	seq     int
	pending []*call
}

// New returns a clock showing start, or a fixed date (2 March 2026, 09:00 UTC) when start is
// zero.
func New(start time.Time) *Clock {
	if start.IsZero() {
		start = time.Date(2026, time.March, 2, 9, 0, 0, 0, time.UTC)
	}
	c := &Clock{now: start}
	c.changed = sync.NewCond(&c.mu)
	return c
}

// Now returns the fake time. While Advance runs a call, it is that call's due time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// AfterFunc schedules f to run when Advance passes d from now. f runs in the goroutine that
// calls Advance, with no lock of the clock held, so it may use the clock, schedule further
// calls and stop others.
func (c *Clock) AfterFunc(d time.Duration, f func()) clock.Timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &call{clock: c, f: f}
	c.schedule(t, max(d, 0))
	return t
}

// NewTicker returns a ticker that ticks every d of Advance. Advance hands each tick over and
// waits until it has been received (or the ticker is stopped): when Advance returns, whoever
// reads the ticker has every tick that fell due. Unlike the system clock's, no tick is ever
// dropped; a test must therefore not advance the clock from the goroutine that reads the
// ticker.
func (c *Clock) NewTicker(d time.Duration) clock.Ticker {
	if d <= 0 {
		panic("clocktest: NewTicker with a period that is not positive")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	tk := &ticker{c: make(chan time.Time), stopped: make(chan struct{})}
	tk.call = &call{clock: c, every: d, ticker: tk}
	c.schedule(tk.call, d)
	return tk
}

// Advance lets d pass, running every call and delivering every tick that falls due on the way,
// in order of due time (and of scheduling, for equal times). It panics if d is negative: time
// does not pass backwards (Set puts the date back).
func (c *Clock) Advance(d time.Duration) {
	if d < 0 {
		panic("clocktest: Advance with a negative duration; use Set to put the date back")
	}
	c.mu.Lock()
	target := c.elapsed + d
	for {
		sort.SliceStable(c.pending, func(i, j int) bool {
			a, b := c.pending[i], c.pending[j]
			if a.due != b.due {
				return a.due < b.due
			}
			return a.seq < b.seq
		})
		if len(c.pending) == 0 || c.pending[0].due > target {
			break
		}
		next := c.pending[0]
		c.pending = c.pending[1:]
		c.now = c.now.Add(next.due - c.elapsed)
		c.elapsed = next.due
		if next.ticker != nil {
			c.schedule(next, next.every)
		}
		at := c.now
		c.mu.Unlock()
		if next.ticker != nil {
			next.ticker.deliver(at)
		} else {
			next.f()
		}
		c.mu.Lock()
	}
	c.now = c.now.Add(target - c.elapsed)
	c.elapsed = target
	c.mu.Unlock()
}

// Set puts the clock at t without letting time pass, as someone changing the device's date
// would: nothing falls due, and pending calls and ticks keep the time they still have to wait.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// Pending returns how many calls and tickers are waiting: scheduled and neither run nor
// stopped.
func (c *Clock) Pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.pending)
}

// WaitPending blocks until at least n calls and tickers are waiting. A test that starts a
// goroutine which makes its own timer or ticker calls it before advancing, so the first tick is
// not missed.
func (c *Clock) WaitPending(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.pending) < n {
		c.changed.Wait()
	}
}

// schedule puts t in the queue, due after d more. c.mu is held.
func (c *Clock) schedule(t *call, d time.Duration) {
	c.seq++
	t.due, t.seq = c.elapsed+d, c.seq
	c.pending = append(c.pending, t)
	c.changed.Broadcast()
}

// unschedule takes t out of the queue and reports whether it was there. c.mu is held.
func (c *Clock) unschedule(t *call) bool {
	for i, other := range c.pending {
		if other == t {
			c.pending = append(c.pending[:i], c.pending[i+1:]...)
			return true
		}
	}
	return false
}

// call is a pending AfterFunc call, or a ticker's next tick.
type call struct {
	clock *Clock
	due   time.Duration // in c.elapsed
	seq   int
	f     func()

	every  time.Duration
	ticker *ticker
}

// Stop implements [clock.Timer].
func (t *call) Stop() bool {
	t.clock.mu.Lock()
	defer t.clock.mu.Unlock()
	return t.clock.unschedule(t)
}

type ticker struct {
	call    *call
	c       chan time.Time
	stop    sync.Once
	stopped chan struct{}
	// sending is held while a tick is offered, so that Stop returns only once no tick can be
	// received any more.
	sending sync.Mutex
}

func (tk *ticker) C() <-chan time.Time { return tk.c }

func (tk *ticker) Stop() {
	tk.stop.Do(func() {
		c := tk.call.clock
		c.mu.Lock()
		c.unschedule(tk.call)
		c.mu.Unlock()
		close(tk.stopped)
	})
	tk.sending.Lock()
	defer tk.sending.Unlock()
}

// deliver offers at until it is received or the ticker is stopped.
func (tk *ticker) deliver(at time.Time) {
	tk.sending.Lock()
	defer tk.sending.Unlock()
	select {
	case <-tk.stopped:
		return
	default:
	}
	select {
	case tk.c <- at:
	case <-tk.stopped:
	}
}

var _ clock.Clock = (*Clock)(nil)
