package clocktest_test

import (
	"sync"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
)

func TestFakeContract(t *testing.T) {
	clocktest.TestClock(t, func(t *testing.T) clocktest.Harness {
		c := clocktest.New(time.Time{})
		return clocktest.Harness{Clock: c, Pass: c.Advance, Synchronous: true}
	})
}

func TestAdvanceRunsCallsInOrder(t *testing.T) {
	c := clocktest.New(time.Time{})
	start := c.Now()
	var order []time.Duration
	record := func() { order = append(order, c.Now().Sub(start)) }
	c.AfterFunc(300*time.Millisecond, record)
	c.AfterFunc(100*time.Millisecond, func() {
		record()
		c.AfterFunc(100*time.Millisecond, record) // due at 200 ms, within the same Advance
	})
	stopped := c.AfterFunc(150*time.Millisecond, record)
	if !stopped.Stop() {
		t.Fatalf("Stop() of a pending call = false")
	}
	c.Advance(time.Second)
	want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 300 * time.Millisecond}
	if len(order) != len(want) {
		t.Fatalf("calls ran at %v, want %v", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("calls ran at %v, want %v", order, want)
		}
	}
	if got := c.Now().Sub(start); got != time.Second {
		t.Errorf("Now() after Advance(1s) = start+%v", got)
	}
	if c.Pending() != 0 {
		t.Errorf("Pending() = %d after every call ran, want 0", c.Pending())
	}
}

// Set is a change of the date, not time passing: nothing falls due, and what is pending still
// waits for the time it had left.
func TestSetLetsNoTimePass(t *testing.T) {
	c := clocktest.New(time.Time{})
	start := c.Now()
	ran := false
	c.AfterFunc(time.Hour, func() { ran = true })
	c.Set(start.AddDate(1, 0, 0))
	if ran {
		t.Fatal("Set a year ahead ran a call due in an hour")
	}
	if got := c.Now(); !got.Equal(start.AddDate(1, 0, 0)) {
		t.Errorf("Now() after Set = %v, want %v", got, start.AddDate(1, 0, 0))
	}
	c.Set(start.AddDate(0, 0, -30))
	c.Advance(time.Hour - time.Second)
	if ran {
		t.Fatal("a call due in an hour ran after 59m59s")
	}
	c.Advance(time.Second)
	if !ran {
		t.Fatal("a call due in an hour had not run after an hour")
	}
	if got, want := c.Now(), start.AddDate(0, 0, -30).Add(time.Hour); !got.Equal(want) {
		t.Errorf("Now() = %v, want %v", got, want)
	}
}

// Advance returns only once the ticker's reader has every tick that fell due, and ticks that
// fall due together are all delivered, none dropped.
func TestAdvanceHandsEveryTickOver(t *testing.T) {
	c := clocktest.New(time.Time{})
	start := c.Now()
	var mu sync.Mutex
	var got []time.Duration
	ready := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tk := c.NewTicker(time.Minute)
		defer tk.Stop()
		close(ready)
		for at := range tk.C() {
			mu.Lock()
			got = append(got, at.Sub(start))
			n := len(got)
			mu.Unlock()
			if n == 3 {
				return
			}
		}
	}()
	<-ready
	c.Advance(3*time.Minute + 30*time.Second)
	mu.Lock()
	n := len(got)
	mu.Unlock()
	if n < 2 {
		// The third tick is handed over before Advance returns; the first two were taken
		// before the next was offered.
		t.Fatalf("ticks received when Advance returned = %d, want at least 2", n)
	}
	<-done
	want := []time.Duration{time.Minute, 2 * time.Minute, 3 * time.Minute}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ticks at %v, want %v", got, want)
		}
	}
	if c.Pending() != 0 {
		t.Errorf("Pending() = %d after the ticker stopped, want 0", c.Pending())
	}
}

// A ticker stopped by its reader does not hold up Advance.
func TestStoppedTickerDoesNotBlockAdvance(t *testing.T) {
	c := clocktest.New(time.Time{})
	tk := c.NewTicker(time.Second)
	c.WaitPending(1)
	finished := make(chan struct{})
	go func() {
		c.Advance(time.Second) // offers a tick nobody reads
		close(finished)
	}()
	tk.Stop()
	<-finished
	select {
	case <-tk.C():
		t.Error("a tick was received after Stop")
	default:
	}
}

func TestAdvanceBackwardsPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Advance(-1s) did not panic")
		}
	}()
	clocktest.New(time.Time{}).Advance(-time.Second)
}
