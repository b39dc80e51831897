package hwtest

import (
	"errors"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/hw"
)

// IndicatorHarness is one indicator under test and a way to look at it.
type IndicatorHarness struct {
	Indicator hw.Indicator
	// Light returns the colour a person outside the door sees now: for a GPIO driver, what
	// its output levels light after polarity; for a fake or simulator, what it would show.
	Light func() hw.Colour
}

// TestIndicator is the contract of [hw.Indicator]. open returns a fresh indicator of wiring w
// whose patterns run from clock; TestIndicator closes it.
func TestIndicator(t *testing.T, open func(t *testing.T, w hw.Wiring, clock *clocktest.Clock) IndicatorHarness) {
	t.Helper()
	for _, w := range []hw.Wiring{hw.Single, hw.TwoColour, hw.RGB} {
		t.Run(w.String(), func(t *testing.T) {
			fresh := func(t *testing.T) (IndicatorHarness, *clocktest.Clock) {
				t.Helper()
				clock := clocktest.New(time.Time{})
				h := open(t, w, clock)
				t.Cleanup(func() { _ = h.Indicator.Close() })
				return h, clock
			}

			t.Run("off before the first Show", func(t *testing.T) {
				h, _ := fresh(t)
				if got := h.Light(); got != hw.Off {
					t.Errorf("Light() = %v, want off", got)
				}
			})

			for _, s := range hw.States() {
				t.Run("shows "+s.String(), func(t *testing.T) {
					h, clock := fresh(t)
					// Start from another state, so the change itself is tested.
					other := hw.Fault
					if s == hw.Fault {
						other = hw.Free
					}
					mustShow(t, h.Indicator, other)
					clock.Advance(777 * time.Millisecond)
					mustShow(t, h.Indicator, s)
					checkLook(t, h, clock, hw.LookOf(w, s), 0)
				})
			}

			t.Run("repeating a state keeps its pattern running", func(t *testing.T) {
				h, clock := fresh(t)
				mustShow(t, h.Indicator, hw.Overtime)
				clock.Advance(1100 * time.Millisecond)
				for range 3 {
					mustShow(t, h.Indicator, hw.Overtime)
					clock.Advance(50 * time.Millisecond)
				}
				checkLook(t, h, clock, hw.LookOf(w, hw.Overtime), 1250*time.Millisecond)
			})

			t.Run("unknown state is an error and changes nothing", func(t *testing.T) {
				h, clock := fresh(t)
				mustShow(t, h.Indicator, hw.Occupied)
				err := h.Indicator.Show(hw.State(200))
				if !errors.Is(err, hw.ErrUnknownState) {
					t.Errorf("Show(State(200)) = %v, want ErrUnknownState", err)
				}
				checkLook(t, h, clock, hw.LookOf(w, hw.Occupied), 0)
			})

			t.Run("Close turns the light off for good", func(t *testing.T) {
				h, clock := fresh(t)
				mustShow(t, h.Indicator, hw.Maintenance)
				if err := h.Indicator.Close(); err != nil {
					t.Fatalf("Close() = %v", err)
				}
				for range 10 {
					if got := h.Light(); got != hw.Off {
						t.Fatalf("after Close, Light() = %v, want off", got)
					}
					clock.Advance(100 * time.Millisecond)
				}
				if err := h.Indicator.Show(hw.Occupied); !errors.Is(err, hw.ErrClosed) {
					t.Errorf("Show after Close = %v, want ErrClosed", err)
				}
				if got := h.Light(); got != hw.Off {
					t.Errorf("after Show following Close, Light() = %v, want off", got)
				}
				if err := h.Indicator.Close(); err != nil {
					t.Errorf("second Close() = %v, want nil", err)
				}
			})
		})
	}
}

func mustShow(t *testing.T, ind hw.Indicator, s hw.State) {
	t.Helper()
	if err := ind.Show(s); err != nil {
		t.Fatalf("Show(%v) = %v", s, err)
	}
}

// checkLook samples the light every 50 ms over two periods of the look's pattern, starting
// offset into it.
func checkLook(t *testing.T, h IndicatorHarness, clock *clocktest.Clock, look hw.Look, offset time.Duration) {
	t.Helper()
	const step = 50 * time.Millisecond
	span := 2*look.Pattern.Period() + step
	for at := time.Duration(0); at <= span; at += step {
		if got, want := h.Light(), look.At(offset+at); got != want {
			t.Fatalf("%v after %v: Light() = %v, want %v", look, offset+at, got, want)
		}
		clock.Advance(step)
	}
}

// ButtonHarness is one button under test and a finger to press it.
type ButtonHarness struct {
	Button hw.Button
	// Contact closes (true) or opens (false) the switch, as a finger or a bounce does, at the
	// clock's current time, and returns once the button has taken the change in.
	Contact func(closed bool)
}

// TestButton is the contract of [hw.Button] with [hw.DefaultDebounce]. open returns a fresh
// button, released, debounced against clock; TestButton closes it.
func TestButton(t *testing.T, open func(t *testing.T, clock *clocktest.Clock) ButtonHarness) {
	t.Helper()
	ms := time.Millisecond
	type step struct {
		wait   time.Duration // advance the clock by this much first
		closed bool
	}
	tests := []struct {
		name  string
		steps []step
		want  []time.Duration // press times, from the start
	}{
		{"clean press", []step{{time.Second, true}, {200 * ms, false}}, []time.Duration{1000 * ms}},
		{"bouncy press", []step{
			{time.Second, true}, {2 * ms, false}, {2 * ms, true}, {3 * ms, false}, {1 * ms, true},
			{300 * ms, false},
		}, []time.Duration{1000 * ms}},
		{"bouncy release", []step{
			{time.Second, true}, {300 * ms, false}, {2 * ms, true}, {2 * ms, false}, {3 * ms, true}, {1 * ms, false},
		}, []time.Duration{1000 * ms}},
		{"two presses", []step{
			{time.Second, true}, {120 * ms, false}, {200 * ms, true}, {120 * ms, false},
		}, []time.Duration{1000 * ms, 1320 * ms}},
		{"press at once after start-up", []step{{0, true}, {100 * ms, false}}, []time.Duration{0}},
		{"release alone is no press", []step{{time.Second, false}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := clocktest.New(time.Time{})
			start := clock.Now()
			h := open(t, clock)
			t.Cleanup(func() { _ = h.Button.Close() })
			var got []time.Duration
			for _, s := range tt.steps {
				clock.Advance(s.wait)
				h.Contact(s.closed)
				got = append(got, drain(h.Button.Presses(), start)...)
			}
			if !equalDurations(got, tt.want) {
				t.Errorf("presses at %v, want %v", got, tt.want)
			}
		})
	}

	t.Run("Close closes Presses", func(t *testing.T) {
		h := open(t, clocktest.New(time.Time{}))
		if err := h.Button.Close(); err != nil {
			t.Fatalf("Close() = %v", err)
		}
		select {
		case _, ok := <-h.Button.Presses():
			if ok {
				t.Errorf("a press arrived after Close")
			}
		default:
			t.Errorf("Presses is still open after Close returned")
		}
		if err := h.Button.Close(); err != nil {
			t.Errorf("second Close() = %v, want nil", err)
		}
	})
}

func drain(c <-chan time.Time, start time.Time) []time.Duration {
	var out []time.Duration
	for {
		select {
		case at, ok := <-c:
			if !ok {
				return out
			}
			out = append(out, at.Sub(start))
		default:
			return out
		}
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
