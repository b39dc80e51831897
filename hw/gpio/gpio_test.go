package gpio_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/gpio/gpiotest"

	"quietroom/app/clock/clocktest"
	"quietroom/hw"
	qgpio "quietroom/hw/gpio"
	"quietroom/hw/hwtest"
)

func TestIndicatorContract(t *testing.T) {
	for _, pol := range []hw.Polarity{hw.ActiveHigh, hw.ActiveLow} {
		t.Run(pol.String(), func(t *testing.T) {
			hwtest.TestIndicator(t, func(t *testing.T, w hw.Wiring, clock *clocktest.Clock) hwtest.IndicatorHarness {
				pins, outs := testPins(w)
				ind, err := qgpio.NewIndicator(outs, qgpio.Options{Wiring: w, Polarity: pol, Clock: clock})
				if err != nil {
					t.Fatalf("NewIndicator: %v", err)
				}
				return hwtest.IndicatorHarness{Indicator: ind, Light: func() hw.Colour { return seen(w, pol, pins) }}
			})
		})
	}
}

func TestButtonContract(t *testing.T) {
	hwtest.TestButton(t, func(t *testing.T, clock *clocktest.Clock) hwtest.ButtonHarness {
		pin := &gpiotest.Pin{N: "GPIO27", Num: 27, EdgesChan: make(chan gpio.Level)}
		b, err := qgpio.NewButton(pin, qgpio.Options{Clock: clock, Poll: time.Millisecond})
		if err != nil {
			t.Fatalf("NewButton: %v", err)
		}
		if pin.P != gpio.PullUp {
			t.Errorf("button pull = %v, want PullUp", pin.P)
		}
		contact := func(closed bool) {
			level := gpio.Level(!closed) // the switch pulls the line to ground
			// The edge, then the same level again: the unbuffered channel only takes the
			// second one once the watcher is back waiting, i.e. has handled the first. The
			// repeat itself is no change and must be ignored, as a late-read edge is.
			pin.EdgesChan <- level
			pin.EdgesChan <- level
		}
		return hwtest.ButtonHarness{Button: b, Contact: contact}
	})
}

// recorder is a gpiotest pin that counts reads and writes, and can fail.
type recorder struct {
	*gpiotest.Pin
	outs  int
	reads int
	fail  error
}

func (r *recorder) Out(l gpio.Level) error {
	if r.fail != nil {
		return r.fail
	}
	r.outs++
	return r.Pin.Out(l)
}

func (r *recorder) Read() gpio.Level {
	r.reads++
	return r.Pin.Read()
}

func TestIndicatorNeverReadsItsLines(t *testing.T) {
	clock := clocktest.New(time.Time{})
	r := &recorder{Pin: &gpiotest.Pin{N: "GPIO17"}}
	ind, err := qgpio.NewIndicator([]gpio.PinOut{r}, qgpio.Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range hw.States() {
		_ = ind.Show(s)
		clock.Advance(5 * time.Second)
	}
	_ = ind.Close()
	if r.reads != 0 {
		t.Errorf("the indicator read its output line %d times, want 0", r.reads)
	}
}

func TestIndicatorIsQuietWhenSteady(t *testing.T) {
	clock := clocktest.New(time.Time{})
	r := &recorder{Pin: &gpiotest.Pin{N: "GPIO17"}}
	ind, err := qgpio.NewIndicator([]gpio.PinOut{r}, qgpio.Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer ind.Close()
	_ = ind.Show(hw.Occupied)
	writes := r.outs
	for range 100 {
		_ = ind.Show(hw.Occupied)
		clock.Advance(time.Minute)
	}
	if r.outs != writes || clock.Pending() != 0 {
		t.Errorf("steady light: %d more writes and %d timers pending, want none", r.outs-writes, clock.Pending())
	}
}

func TestIndicatorReportsWriteErrors(t *testing.T) {
	clock := clocktest.New(time.Time{})
	r := &recorder{Pin: &gpiotest.Pin{N: "GPIO17"}}
	ind, err := qgpio.NewIndicator([]gpio.PinOut{r}, qgpio.Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer ind.Close()
	busy := fmt.Errorf("line_request ioctl: %w", errors.New("device or resource busy"))

	t.Run("a failure while blinking is reported by the next Show", func(t *testing.T) {
		if err := ind.Show(hw.EndingSoon); err != nil {
			t.Fatal(err)
		}
		r.fail = busy
		clock.Advance(1500 * time.Millisecond)
		r.fail = nil
		if err := ind.Show(hw.Occupied); !errors.Is(err, qgpio.ErrLineBusy) {
			t.Errorf("Show after a failed blink = %v, want ErrLineBusy", err)
		}
		if err := ind.Show(hw.Occupied); err != nil {
			t.Errorf("Show again = %v, want nil (reported once)", err)
		}
		if !r.Pin.Read() {
			t.Errorf("LED off, want on (occupied)")
		}
	})

	t.Run("a failing Show says what to check and is retried", func(t *testing.T) {
		r.fail = busy
		err := ind.Show(hw.Free)
		var le *qgpio.LineError
		if !errors.As(err, &le) || !errors.Is(err, qgpio.ErrLineBusy) || le.Line != "GPIO17" {
			t.Fatalf("Show on a busy line = %v, want a busy *LineError for GPIO17", err)
		}
		if !strings.Contains(err.Error(), "systemctl stop quietroom") {
			t.Errorf("error %q does not say what to check", err)
		}
		r.fail = nil
		if err := ind.Show(hw.Free); err != nil {
			t.Errorf("Show of the same state after the line healed = %v, want nil", err)
		}
		if r.Pin.Read() {
			t.Errorf("LED on, want off (free): the same state was not written again")
		}
	})
}

func TestOptionsValidation(t *testing.T) {
	tests := []struct {
		name string
		o    qgpio.Options
		want string
	}{
		{"too few lines", qgpio.Options{Wiring: hw.RGB, Lines: []string{"GPIO17"}}, "needs 3 lines"},
		{"button on the LED line", qgpio.Options{Lines: []string{"GPIO27"}}, "configured twice"},
		{"same line twice", qgpio.Options{Wiring: hw.TwoColour, Lines: []string{"GPIO5", "GPIO5"}}, "configured twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := qgpio.OpenIndicator(tt.o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("OpenIndicator(%+v) = %v, want an error containing %q", tt.o, err, tt.want)
			}
		})
	}
}

func TestOpenMissingLine(t *testing.T) {
	if chips, _ := filepath.Glob("/dev/gpiochip*"); len(chips) > 0 {
		t.Skip("this machine has GPIO chips; the missing-line case needs one without")
	}
	_, err := qgpio.OpenIndicator(qgpio.Options{})
	var le *qgpio.LineError
	if !errors.As(err, &le) || !errors.Is(err, qgpio.ErrLineNotFound) || le.Line != "GPIO17" || le.Hint == "" {
		t.Fatalf("OpenIndicator on a machine without GPIO = %v, want a not-found *LineError for GPIO17 with a hint", err)
	}
	if _, err := qgpio.OpenButton(qgpio.Options{}); !errors.Is(err, qgpio.ErrLineNotFound) {
		t.Errorf("OpenButton = %v, want ErrLineNotFound", err)
	}
	if b, err := qgpio.OpenButton(qgpio.Options{Button: qgpio.NoButton}); b != nil || err != nil {
		t.Errorf("OpenButton(none) = %v, %v; want nil, nil", b, err)
	}
}

func TestDefaultLines(t *testing.T) {
	got := qgpio.DefaultLines(hw.TwoColour)
	if len(got) != 2 || got[0] != "GPIO17" || got[1] != "GPIO22" {
		t.Errorf("DefaultLines(two-colour) = %q", got)
	}
}

func testPins(w hw.Wiring) ([]*gpiotest.Pin, []gpio.PinOut) {
	var pins []*gpiotest.Pin
	var outs []gpio.PinOut
	for ch := range w.Channels() {
		p := &gpiotest.Pin{N: qgpio.DefaultLines(hw.RGB)[ch]}
		pins = append(pins, p)
		outs = append(outs, p)
	}
	return pins, outs
}

// seen is what a person sees from the pins' levels.
func seen(w hw.Wiring, pol hw.Polarity, pins []*gpiotest.Pin) hw.Colour {
	lit := make([]bool, len(pins))
	for i, p := range pins {
		lit[i] = bool(p.Read()) != (pol == hw.ActiveLow)
	}
	return w.Seen(lit)
}
