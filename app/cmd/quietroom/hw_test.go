package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/hw"
	"quietroom/hw/gpio"
	"quietroom/hw/hwtest"
	"quietroom/hw/selftest"
)

// fakeHW returns deps over fakes. Waits end at once; the button is pressed before the test
// waits for it when pressed is true.
func fakeHW(ind *hwtest.Indicator, btn *hwtest.Button, opened *gpio.Options) selftest.Deps {
	ready := func(time.Duration) <-chan time.Time {
		c := make(chan time.Time, 1)
		c <- time.Time{}
		return c
	}
	never := func(time.Duration) <-chan time.Time { return nil }
	d := selftest.Deps{
		OpenIndicator: func(o gpio.Options) (hw.Indicator, error) {
			*opened = o
			if ind == nil {
				return nil, &gpio.LineError{Line: "GPIO17", Role: "led", Err: gpio.ErrLineNotFound, Hint: "check the wiring"}
			}
			return ind, nil
		},
		OpenButton: func(gpio.Options) (hw.Button, error) {
			if btn == nil {
				return nil, nil
			}
			return btn, nil
		},
		Chips: func() ([]gpio.Chip, error) {
			return []gpio.Chip{{Name: "gpiochip0", Label: "pinctrl-rp1", Path: "/dev/gpiochip0", Lines: []gpio.Line{
				{Offset: 17, Name: "GPIO17"}, {Offset: 18, Name: ""}, {Offset: 27, Name: "GPIO27", Consumer: "quietroom@42"},
			}}}, nil
		},
		After: ready,
	}
	if btn != nil {
		// The test presses before waiting; a timeout must then never win.
		d.After = func(d time.Duration) <-chan time.Time {
			if d == 30*time.Second {
				return never(d)
			}
			return ready(d)
		}
	}
	return d
}

func hwRun(t *testing.T, d selftest.Deps, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = hwCommand(context.Background(), &env{stdout: &out, stderr: &errb}, args, d)
	return code, out.String(), errb.String()
}

func TestHWUsage(t *testing.T) {
	var o gpio.Options
	d := fakeHW(nil, nil, &o)
	tests := []struct {
		args []string
		code int
	}{
		{nil, 2},
		{[]string{"frobnicate"}, 2},
		{[]string{"help"}, 0},
		{[]string{"test", "extra"}, 2},
		{[]string{"test", "--wiring", "rainbow"}, 2},
		{[]string{"test", "--polarity", "sideways"}, 2},
		{[]string{"test", "--nope"}, 2},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			if code, _, _ := hwRun(t, d, tt.args...); code != tt.code {
				t.Errorf("hw %q exit %d, want %d", tt.args, code, tt.code)
			}
		})
	}
}

func TestHWList(t *testing.T) {
	var o gpio.Options
	code, out, _ := hwRun(t, fakeHW(nil, nil, &o), "test", "--list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"gpiochip0  pinctrl-rp1", "GPIO17", "GPIO27", "in use by quietroom@42"} {
		if !strings.Contains(out, want) {
			t.Errorf("--list output lacks %q:\n%s", want, out)
		}
	}
}

func TestHWTestCyclesEveryStateAndWaitsForThePress(t *testing.T) {
	clock := clocktest.New(time.Time{})
	ind := hwtest.NewIndicator(hw.TwoColour, clock)
	btn := hwtest.NewButton(clock)
	btn.Press()
	var o gpio.Options
	code, out, errs := hwRun(t, fakeHW(ind, btn, &o),
		"test", "--wiring", "two-colour", "--lines", "GPIO5, GPIO6", "--polarity", "active-low", "--button", "GPIO26")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	if got := ind.History(); len(got) != len(hw.States()) {
		t.Errorf("indicator showed %v, want every state", got)
	}
	if !ind.Closed() {
		t.Errorf("indicator left open")
	}
	if o.Wiring != hw.TwoColour || o.Polarity != hw.ActiveLow || o.Button != "GPIO26" ||
		len(o.Lines) != 2 || o.Lines[0] != "GPIO5" || o.Lines[1] != "GPIO6" {
		t.Errorf("options = %+v, want the flags' values", o)
	}
	for _, want := range []string{"red, slow blink", "press received", "Wiring OK"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestHWTestReportsProblems(t *testing.T) {
	t.Run("missing indicator line", func(t *testing.T) {
		var o gpio.Options
		code, _, errs := hwRun(t, fakeHW(nil, nil, &o), "test", "--button", "none")
		if code != 1 || !strings.Contains(errs, "GPIO17") || !strings.Contains(errs, "check the wiring") {
			t.Errorf("exit %d, stderr %q; want 1 and the line's error", code, errs)
		}
	})
	t.Run("no press before the timeout", func(t *testing.T) {
		clock := clocktest.New(time.Time{})
		var o gpio.Options
		d := fakeHW(hwtest.NewIndicator(hw.Single, clock), nil, &o)
		d.OpenButton = func(gpio.Options) (hw.Button, error) { return hwtest.NewButton(clock), nil }
		code, _, errs := hwRun(t, d, "test")
		if code != 1 || !strings.Contains(errs, "no press within 30s") {
			t.Errorf("exit %d, stderr %q; want 1 and the timeout", code, errs)
		}
	})
	t.Run("interrupted", func(t *testing.T) {
		var o gpio.Options
		ind := hwtest.NewIndicator(hw.Single, nil)
		d := fakeHW(ind, nil, &o)
		d.After = func(time.Duration) <-chan time.Time { return nil }
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var out, errb bytes.Buffer
		code := hwCommand(ctx, &env{stdout: &out, stderr: &errb}, []string{"test"}, d)
		if code != 1 || !ind.Closed() {
			t.Errorf("exit %d, indicator closed %v; want 1, true", code, ind.Closed())
		}
	})
}
