package retention_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"quietroom/app/clock"
	"quietroom/app/clock/clocktest"
	"quietroom/app/retention"
	"quietroom/app/retention/retentiontest"
)

// fakeDevice is a device's time as the tests see it: real time passes (the fake clock's
// Advance), the clock reads it with an error that can be set (the fake clock's Set), and the
// kernel counts the time since it booted (a change of the date does not move that count).
type fakeDevice struct {
	*clocktest.Clock

	mu     sync.Mutex
	real   time.Time // what time it really is
	boot   int
	bootAt time.Time
}

func newFakeDevice(real time.Time) *fakeDevice {
	return &fakeDevice{Clock: clocktest.New(real), real: real, boot: 1, bootAt: real.Add(-time.Hour)}
}

func (d *fakeDevice) SinceBoot() (string, time.Duration, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return fmt.Sprintf("boot-%d", d.boot), d.real.Sub(d.bootAt), true
}

// pass lets real time pass; the clock ticks with it, whatever it reads.
func (d *fakeDevice) pass(dur time.Duration) {
	d.mu.Lock()
	d.real = d.real.Add(dur)
	d.mu.Unlock()
	d.Advance(dur)
}

// setClock sets the clock to t (someone changing the date).
func (d *fakeDevice) setClock(t time.Time) { d.Set(t) }

// powerCycle switches the device off for off and on again. With a real-time clock the clock
// ticks on while it is off; without one it comes back where it stopped (fake-hwclock).
func (d *fakeDevice) powerCycle(off time.Duration, rtc bool) {
	stopped := d.Now()
	d.mu.Lock()
	d.real = d.real.Add(off)
	d.boot++
	d.bootAt = d.real
	d.mu.Unlock()
	d.Advance(off)
	if !rtc {
		d.Set(stopped)
	}
}

// start starts the program on dev: it loads the floor and purges what is due, as at start-up.
func start(t *testing.T, st retention.Storage, dev *fakeDevice) *retention.Retention {
	t.Helper()
	r, err := retention.New(context.Background(), st, dev, retention.Options{SinceBoot: dev.SinceBoot})
	if err != nil {
		t.Fatalf("New = %v", err)
	}
	if _, err := r.PurgeDue(context.Background()); err != nil {
		t.Fatalf("PurgeDue at start-up = %v", err)
	}
	return r
}

// The red team's case: the floor a minute before a deletion date, the clock set back 30 days,
// 90 seconds waited and the program started again. The session must be gone.
func TestRestartAfterClockSetBackCountsTheTimeDown(t *testing.T) {
	due := t0.Add(time.Minute)
	tests := []struct {
		name    string
		restart func(dev *fakeDevice)
	}{
		{"program restarted", func(dev *fakeDevice) { dev.pass(90 * time.Second) }},
		{"device restarted with a real-time clock", func(dev *fakeDevice) { dev.powerCycle(90*time.Second, true) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := retentiontest.NewStorage()
			add(t, st, "e1", due.Add(time.Hour), "s1", due)
			add(t, st, "e1", due.Add(time.Hour), "keep", due.Add(time.Hour))
			dev := newFakeDevice(t0)
			start(t, st, dev) // the floor is t0, a minute before the date
			if !st.Has("s1") {
				t.Fatal("purged a minute early")
			}
			dev.setClock(t0.AddDate(0, 0, -30))
			start(t, st, dev) // the clock is behind when trusted time is recorded
			tc.restart(dev)
			r := start(t, st, dev)
			if st.Has("s1") {
				t.Errorf("session due %v survived a restart at %v with the clock 30 days back", due, t0.Add(90*time.Second))
			}
			if !st.Has("keep") {
				t.Error("a session due in an hour was purged")
			}
			s, err := r.Status(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if s.State != retention.ClockBehind || s.Trusted.Before(t0.Add(90*time.Second)) {
				t.Errorf("Status = %s, trusted %v; want behind, at least %v", s.State, s.Trusted, t0.Add(90*time.Second))
			}
		})
	}
}

// The clock set back while the program was not running: only the kernel's count since boot
// knows how long it was down.
func TestClockSetBackWhileDown(t *testing.T) {
	due := t0.Add(time.Minute)
	st := retentiontest.NewStorage()
	add(t, st, "e1", due, "s1", due)
	dev := newFakeDevice(t0)
	start(t, st, dev)
	dev.setClock(t0.AddDate(0, 0, -30))
	dev.pass(90 * time.Second)
	start(t, st, dev)
	if st.Has("s1") {
		t.Error("session survived a restart 90 s after its floor with the clock set back while down")
	}
}

func TestRepeatedRestartsNeverLoseTheDeadline(t *testing.T) {
	for _, tc := range []struct {
		name    string
		restart func(dev *fakeDevice)
	}{
		{"program restarts", func(dev *fakeDevice) { dev.pass(25 * time.Second) }},
		{"power cycles with a real-time clock", func(dev *fakeDevice) { dev.powerCycle(25*time.Second, true) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			due := t0.Add(10 * time.Minute)
			st := retentiontest.NewStorage()
			add(t, st, "e1", due, "s1", due)
			dev := newFakeDevice(t0)
			start(t, st, dev)
			dev.setClock(t0.AddDate(0, 0, -30))
			// Up 20 s, down 25 s, again and again: no scheduled purge ever runs.
			for i := 0; i < 40 && st.Has("s1"); i++ {
				r := start(t, st, dev)
				dev.pass(20 * time.Second)
				if got := r.Now(); got.Before(dev.real) {
					t.Fatalf("restart %d: trusted %v is behind real time %v", i, got, dev.real)
				}
				tc.restart(dev)
			}
			r := start(t, st, dev)
			if st.Has("s1") {
				t.Fatalf("session due %v still there at %v after repeated restarts", due, dev.real)
			}
			if got := r.Now(); got.Before(dev.real) {
				t.Errorf("trusted %v is behind real time %v", got, dev.real)
			}
		})
	}
}

// A clock corrected forward after being behind is followed: trusted time does not also jump by
// how far it used to be behind.
func TestClockCorrectedAfterBeingBehind(t *testing.T) {
	for _, tc := range []struct {
		name    string
		restart func(dev *fakeDevice)
	}{
		{"program restarted", func(dev *fakeDevice) { dev.pass(time.Hour) }},
		{"device restarted with a real-time clock", func(dev *fakeDevice) { dev.powerCycle(time.Hour, true) }},
		{"device restarted without a real-time clock", func(dev *fakeDevice) { dev.powerCycle(time.Hour, false) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := retentiontest.NewStorage()
			add(t, st, "e1", t0.AddDate(0, 0, 20), "s1", t0.AddDate(0, 0, 20))
			dev := newFakeDevice(t0)
			start(t, st, dev)
			dev.setClock(t0.AddDate(0, 0, -30))
			start(t, st, dev)
			tc.restart(dev)
			dev.setClock(dev.real) // the admin sets the right date
			r := start(t, st, dev)
			got := r.Now()
			if !got.Equal(dev.real) {
				t.Errorf("trusted = %v, want the corrected clock %v", got, dev.real)
			}
			if !st.Has("s1") {
				t.Error("a session due in 20 days was purged when the clock was corrected")
			}
			if s, _ := r.Status(context.Background()); s.State != retention.ClockOK {
				t.Errorf("State = %s after the clock was corrected, want ok", s.State)
			}
			if m, err := st.ClockMark(context.Background()); err != nil || m.Behind != 0 {
				t.Errorf("recorded lag = %v, %v after the clock was corrected, want 0", m.Behind, err)
			}
		})
	}
}

// A clock set back further while it is already behind never moves the floor or trusted time
// back, running or across restarts.
func TestClockSetBackFurtherWhileBehind(t *testing.T) {
	for _, tc := range []struct {
		name    string
		restart func(dev *fakeDevice)
	}{
		{"while running", nil},
		{"program restarted", func(dev *fakeDevice) { dev.pass(time.Minute) }},
		{"device restarted with a real-time clock", func(dev *fakeDevice) { dev.powerCycle(time.Minute, true) }},
		{"device restarted without a real-time clock", func(dev *fakeDevice) { dev.powerCycle(time.Minute, false) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := retentiontest.NewStorage()
			dev := newFakeDevice(t0)
			start(t, st, dev)
			dev.setClock(t0.AddDate(0, 0, -30))
			r := start(t, st, dev)
			dev.pass(10 * time.Minute)
			before := r.Now()
			if _, err := r.PurgeDue(context.Background()); err != nil {
				t.Fatal(err)
			}
			floor := floorOf(t, st)
			dev.setClock(t0.AddDate(-1, 0, 0))
			if tc.restart != nil {
				tc.restart(dev)
				r = start(t, st, dev)
			} else if _, err := r.PurgeDue(context.Background()); err != nil {
				t.Fatal(err)
			}
			if got := r.Now(); got.Before(before) {
				t.Errorf("trusted = %v, before %v: moved back", got, before)
			}
			if f := floorOf(t, st); f.Before(floor) {
				t.Errorf("floor = %v, was %v: moved back", f, floor)
			}
			if s, _ := r.Status(context.Background()); s.State != retention.ClockBehind || !strings.Contains(s.Message, "Confirm the date") {
				t.Errorf("Status = %s %q, want behind, asking to confirm the date", s.State, s.Message)
			}
		})
	}
}

// Without a real-time clock a device switched off cannot know for how long: that time is not
// counted, but nothing before the last recorded moment is lost, and the clock is reported.
func TestPowerCycleWithoutRTCWhileBehind(t *testing.T) {
	st := retentiontest.NewStorage()
	dev := newFakeDevice(t0)
	start(t, st, dev)
	dev.setClock(t0.AddDate(0, 0, -30))
	r := start(t, st, dev)
	dev.pass(5 * time.Minute)
	if _, err := r.PurgeDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	last := dev.real
	dev.powerCycle(time.Hour, false)
	r = start(t, st, dev)
	if got := r.Now(); got.Before(last) || got.After(dev.real) {
		t.Errorf("trusted = %v, want between the last recorded %v and real time %v", got, last, dev.real)
	}
	if s, _ := r.Status(context.Background()); s.State != retention.ClockBehind {
		t.Errorf("State = %s, want behind", s.State)
	}
}

// The kernel's count since boot is only trusted within the same boot, and a far jump through
// the recorded lag is held like a clock far ahead.
func TestRestartIgnoresWhatItCannotTrust(t *testing.T) {
	t.Run("another boot's uptime", func(t *testing.T) {
		st := retentiontest.NewStorage()
		dev := newFakeDevice(t0)
		start(t, st, dev)
		// A new boot whose uptime happens to be larger: it says nothing about the old boot.
		dev.powerCycle(time.Minute, false)
		dev.bootAt = dev.real.Add(-48 * time.Hour)
		dev.setClock(t0.AddDate(0, 0, -30))
		r := start(t, st, dev)
		if got := r.Now(); got.After(t0.Add(time.Minute)) {
			t.Errorf("trusted = %v: took another boot's uptime", got)
		}
	})
	t.Run("behind clock set forward by more than MaxAhead", func(t *testing.T) {
		st := retentiontest.NewStorage()
		add(t, st, "e1", t0.AddDate(0, 0, 20), "s1", t0.AddDate(0, 0, 20))
		dev := newFakeDevice(t0)
		start(t, st, dev)
		dev.setClock(t0.AddDate(0, 0, -30))
		start(t, st, dev)
		dev.powerCycle(time.Minute, true)
		// Still behind, but 29 days later than it was: clock plus lag would be 29 days ahead.
		dev.setClock(t0.AddDate(0, 0, -1))
		r := start(t, st, dev)
		if !st.Has("s1") {
			t.Error("a session due in 20 days was purged through the recorded lag")
		}
		if got := r.Now(); got.After(t0.Add(2 * time.Minute)) {
			t.Errorf("trusted = %v, want held near the floor %v", got, t0)
		}
	})
}

// Trusted times compare by the wall clock: a time that carries the process's monotonic reading
// compares by that, which a change of date does not move, so a clock set back while running
// would look right.
func TestTrustedTimeCarriesNoMonotonicReading(t *testing.T) {
	r, err := retention.New(context.Background(), retentiontest.NewStorage(), clock.System(), retention.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if got := r.Now(); got != got.Round(0) {
			t.Fatalf("Now() = %v carries a monotonic reading", got)
		}
	}
}
