package hw_test

import (
	"testing"
	"time"

	"quietroom/hw"
)

func TestPatternOn(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		p       hw.Pattern
		elapsed time.Duration
		want    bool
	}{
		{hw.Steady, 0, true},
		{hw.Steady, time.Hour, true},
		{hw.SlowBlink, 0, true},
		{hw.SlowBlink, 999 * ms, true},
		{hw.SlowBlink, 1000 * ms, false},
		{hw.SlowBlink, 2000 * ms, true},
		{hw.FastBlink, 199 * ms, true},
		{hw.FastBlink, 200 * ms, false},
		{hw.DoubleFlash, 100 * ms, true},
		{hw.DoubleFlash, 200 * ms, false},
		{hw.DoubleFlash, 300 * ms, true},
		{hw.DoubleFlash, 450 * ms, false},
		{hw.DoubleFlash, 1999 * ms, false},
		{hw.Wink, 50 * ms, true},
		{hw.Wink, 150 * ms, false},
		{hw.Wink, -time.Second, true},
	}
	for _, tt := range tests {
		t.Run(tt.p.String()+"/"+tt.elapsed.String(), func(t *testing.T) {
			if got := tt.p.On(tt.elapsed); got != tt.want {
				t.Errorf("%v.On(%v) = %v, want %v", tt.p, tt.elapsed, got, tt.want)
			}
		})
	}
}

func TestBlinksStayAtOrBelowThreeFlashesASecond(t *testing.T) {
	const step = 10 * time.Millisecond
	for p := hw.Steady; p <= hw.Wink; p++ {
		t.Run(p.String(), func(t *testing.T) {
			// Flash starts over three periods, then every one-second window among them.
			var starts []time.Duration
			end := 3*p.Period() + time.Second
			for at := step; at < end; at += step {
				if p.On(at) && !p.On(at-step) {
					starts = append(starts, at)
				}
			}
			for i := range starts {
				n := 0
				for j := i; j < len(starts) && starts[j]-starts[i] < time.Second; j++ {
					n++
				}
				if n > 3 {
					t.Fatalf("%d flashes within a second from %v", n, starts[i])
				}
			}
		})
	}
}

func TestLooksAreDistinct(t *testing.T) {
	for _, w := range []hw.Wiring{hw.Single, hw.TwoColour, hw.RGB} {
		t.Run(w.String(), func(t *testing.T) {
			seen := map[hw.Look]hw.State{}
			for _, s := range hw.States() {
				l := hw.LookOf(w, s)
				if other, dup := seen[l]; dup {
					t.Errorf("LookOf(%v, %v) = %v, the same as for %v", w, s, l, other)
				}
				seen[l] = s
				if got := w.Seen(w.Drive(l.Colour)); got != l.Colour {
					t.Errorf("Seen(Drive(%v)) on %v = %v, want %v", l.Colour, w, got, l.Colour)
				}
			}
		})
	}
}

func TestLookOfSingleLED(t *testing.T) {
	tests := []struct {
		s    hw.State
		want hw.Look
	}{
		{hw.Free, hw.Look{Colour: hw.Off, Pattern: hw.Steady}},
		{hw.Occupied, hw.Look{Colour: hw.Lit, Pattern: hw.Steady}},
		{hw.EndingSoon, hw.Look{Colour: hw.Lit, Pattern: hw.SlowBlink}},
		{hw.Overtime, hw.Look{Colour: hw.Lit, Pattern: hw.FastBlink}},
		{hw.State(42), hw.LookOf(hw.Single, hw.Fault)},
	}
	for _, tt := range tests {
		t.Run(tt.s.String(), func(t *testing.T) {
			if got := hw.LookOf(hw.Single, tt.s); got != tt.want {
				t.Errorf("LookOf(single, %v) = %v, want %v", tt.s, got, tt.want)
			}
		})
	}
}

func TestDriveAndSeen(t *testing.T) {
	tests := []struct {
		w    hw.Wiring
		c    hw.Colour
		want []bool
	}{
		{hw.Single, hw.Off, []bool{false}},
		{hw.Single, hw.Lit, []bool{true}},
		{hw.Single, hw.Red, []bool{true}},
		{hw.TwoColour, hw.Red, []bool{true, false}},
		{hw.TwoColour, hw.Green, []bool{false, true}},
		{hw.TwoColour, hw.Amber, []bool{true, true}},
		{hw.RGB, hw.Magenta, []bool{true, false, true}},
		{hw.RGB, hw.Colour(99), []bool{false, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.w.String()+"/"+tt.c.String(), func(t *testing.T) {
			got := tt.w.Drive(tt.c)
			if len(got) != len(tt.want) {
				t.Fatalf("Drive(%v) = %v, want %v", tt.c, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("Drive(%v) = %v, want %v", tt.c, got, tt.want)
				}
			}
		})
	}
}

func TestParseWiringAndPolarity(t *testing.T) {
	wirings := []struct {
		in   string
		want hw.Wiring
		ok   bool
	}{
		{"single", hw.Single, true},
		{"Two-Colour", hw.TwoColour, true},
		{"bicolor", hw.TwoColour, true},
		{" rgb ", hw.RGB, true},
		{"rainbow", 0, false},
	}
	for _, tt := range wirings {
		t.Run("wiring/"+tt.in, func(t *testing.T) {
			got, err := hw.ParseWiring(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("ParseWiring(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
	polarities := []struct {
		in   string
		want hw.Polarity
		ok   bool
	}{
		{"active-high", hw.ActiveHigh, true},
		{"low", hw.ActiveLow, true},
		{"sideways", 0, false},
	}
	for _, tt := range polarities {
		t.Run("polarity/"+tt.in, func(t *testing.T) {
			var got hw.Polarity
			err := got.UnmarshalText([]byte(tt.in))
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("UnmarshalText(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestDebouncer(t *testing.T) {
	ms := time.Millisecond
	type step struct {
		at     time.Duration
		closed bool
	}
	tests := []struct {
		name    string
		initial *bool // nil: zero value, no Reset
		steps   []step
		presses int
	}{
		{"clean press and release", nil, []step{{0, true}, {300 * ms, false}}, 1},
		{"bouncy press", nil, []step{{0, true}, {2 * ms, false}, {4 * ms, true}, {6 * ms, false}, {8 * ms, true}, {300 * ms, false}}, 1},
		{"bouncy release", nil, []step{{0, true}, {300 * ms, false}, {302 * ms, true}, {304 * ms, false}}, 1},
		{"two presses", nil, []step{{0, true}, {100 * ms, false}, {300 * ms, true}, {400 * ms, false}}, 2},
		{"repeated level", nil, []step{{0, true}, {1 * ms, true}, {2 * ms, true}}, 1},
		{"held at start-up", ptr(true), []step{{0, true}, {100 * ms, false}, {300 * ms, true}}, 1},
		{"released at start-up", ptr(false), []step{{0, true}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
			d := hw.Debouncer{Settle: hw.DefaultDebounce}
			if tt.initial != nil {
				d.Reset(*tt.initial, start)
			}
			n := 0
			for _, s := range tt.steps {
				if d.Observe(s.closed, start.Add(s.at)) {
					n++
				}
			}
			if n != tt.presses {
				t.Errorf("presses = %d, want %d", n, tt.presses)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
