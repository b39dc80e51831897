package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/retention"
	"quietroom/app/session"
)

// testDevice is real time passing (the fake clock's Advance), a clock that reads it with a
// settable error (the fake clock's Set), and the kernel's count since boot, which a change of
// the date does not move.
type testDevice struct {
	*clocktest.Clock

	mu     sync.Mutex
	real   time.Time
	boot   int
	bootAt time.Time
}

func (d *testDevice) SinceBoot() (string, time.Duration, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return fmt.Sprintf("boot-%d", d.boot), d.real.Sub(d.bootAt), true
}

func (d *testDevice) pass(dur time.Duration) {
	d.mu.Lock()
	d.real = d.real.Add(dur)
	d.mu.Unlock()
	d.Advance(dur)
}

func (d *testDevice) setClock(t time.Time) { d.Set(t) }

// powerCycle switches the device off for off; a real-time clock ticks on meanwhile.
func (d *testDevice) powerCycle(off time.Duration) {
	d.mu.Lock()
	d.real = d.real.Add(off)
	d.boot++
	d.bootAt = d.real
	d.mu.Unlock()
	d.Advance(off)
}

// startProgram opens the data folder and purges at start-up, as `quietroom run` does.
func startProgram(t *testing.T, dir string, dev *testDevice) (*DB, *retention.Retention) {
	t.Helper()
	d := openDB(t, dir, Options{})
	r, err := retention.New(context.Background(), d, dev, retention.Options{SinceBoot: dev.SinceBoot})
	if err != nil {
		t.Fatalf("retention.New = %v", err)
	}
	if _, err := r.PurgeDue(context.Background()); err != nil {
		t.Fatalf("PurgeDue at start-up = %v", err)
	}
	return d, r
}

// The red team's case on the real store: the floor a minute before a deletion date, the clock
// set back 30 days, 90 s waited, the program started again. Then the same again and again.
func TestClockSetBackAndRestartsDoNotPostponeAPurge(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		setBack bool // the clock is set back while the program runs (else while it is down)
		restart func(dev *testDevice, down time.Duration)
	}{
		{"set back while running, program restarted", true, (*testDevice).pass},
		{"set back while down, program restarted", false, (*testDevice).pass},
		{"set back while running, power cycled with a real-time clock", true, (*testDevice).powerCycle},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			dev := &testDevice{Clock: clocktest.New(day0), real: day0, boot: 1, bootAt: day0.Add(-time.Hour)}
			due := day0.Add(time.Minute)
			d, _ := startProgram(t, dir, dev)
			mustEngagement(t, d, "e1", day0.AddDate(0, 0, 30))
			mustSession(t, d, "due", "e1", due, []byte("key-due"))
			mustSession(t, d, "later", "e1", due.Add(time.Hour), []byte("key-later"))
			if tc.setBack {
				dev.setClock(day0.AddDate(0, 0, -30))
			}
			d, _ = startProgram(t, dir, dev) // the floor is a minute before the date
			if _, err := d.Session(ctx, "due"); err != nil {
				t.Fatalf("Session(due) before its date = %v", err)
			}
			d.Close()
			if !tc.setBack {
				dev.setClock(day0.AddDate(0, 0, -30))
			}
			tc.restart(dev, 90*time.Second)
			d, r := startProgram(t, dir, dev)
			if _, err := d.Session(ctx, "due"); !errors.Is(err, session.ErrNotFound) {
				t.Errorf("Session(due) 30 s after its date = %v, want ErrNotFound: the restart postponed the purge", err)
			}
			if _, err := d.Session(ctx, "later"); err != nil {
				t.Errorf("Session(later) = %v; a session not yet due was destroyed", err)
			}
			if s, err := r.Status(ctx); err != nil || s.State != retention.ClockBehind || s.Trusted.Before(dev.real) {
				t.Errorf("Status = %+v, %v; want behind with trusted time at %v", s, err, dev.real)
			}
			// Up 20 s, down 25 s, again and again, and never a scheduled purge: the next date is
			// still reached on time.
			for dev.real.Before(due.Add(time.Hour)) {
				d.Close()
				tc.restart(dev, 25*time.Second)
				d, r = startProgram(t, dir, dev)
				dev.pass(20 * time.Second)
				if got := r.Now(); got.Before(dev.real) {
					t.Fatalf("trusted %v is behind real time %v after repeated restarts", got, dev.real)
				}
			}
			if _, err := r.PurgeDue(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := d.Session(ctx, "later"); !errors.Is(err, session.ErrNotFound) {
				t.Errorf("Session(later) after its date and repeated restarts = %v, want ErrNotFound", err)
			}
		})
	}
}

func TestRecordTime(t *testing.T) {
	ctx := context.Background()
	d := openDB(t, t.TempDir(), Options{})
	if m, err := d.ClockMark(ctx); err != nil || !sameMark(m, retention.ClockMark{}) {
		t.Fatalf("ClockMark of a new database = %+v, %v; want zero", m, err)
	}
	m := retention.ClockMark{Trusted: day0, Behind: 30 * 24 * time.Hour, Boot: "b1", Uptime: time.Hour + time.Nanosecond}
	if err := d.RecordTime(ctx, m); err != nil {
		t.Fatal(err)
	}
	if got, err := d.ClockMark(ctx); err != nil || !sameMark(got, m) {
		t.Errorf("ClockMark = %+v, %v; want %+v", got, err, m)
	}
	// An earlier mark is stored (it is what was measured) but never moves the floor back.
	earlier := retention.ClockMark{Trusted: day0.Add(-time.Hour), Boot: "b2", Uptime: time.Minute}
	if err := d.RecordTime(ctx, earlier); err != nil {
		t.Fatal(err)
	}
	if f, err := d.TimeFloor(ctx); err != nil || !f.Equal(day0) {
		t.Errorf("TimeFloor = %v, %v; want %v, never back", f, err, day0)
	}
	if got, _ := d.ClockMark(ctx); !sameMark(got, earlier) {
		t.Errorf("ClockMark = %+v, want %+v", got, earlier)
	}
	// A factory reset keeps the floor and the mark: neither may move back.
	if _, _, err := d.Erase(ctx, retention.Scope{Kind: retention.KindWipeAll}, retention.Receipt{ID: "r1", At: day0}); err != nil {
		t.Fatal(err)
	}
	if got, _ := d.ClockMark(ctx); !sameMark(got, earlier) {
		t.Errorf("ClockMark after WipeAll = %+v, want %+v kept", got, earlier)
	}
}

func sameMark(a, b retention.ClockMark) bool {
	return a.Trusted.Equal(b.Trusted) && a.Behind == b.Behind && a.Boot == b.Boot && a.Uptime == b.Uptime
}
