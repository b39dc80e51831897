package selftest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"quietroom/hw"
	"quietroom/hw/gpio"
)

type light struct{ shown []hw.State }

func (l *light) Show(s hw.State) error { l.shown = append(l.shown, s); return nil }
func (l *light) Close() error          { return nil }

type button struct{ c chan time.Time }

func (b button) Presses() <-chan time.Time { return b.c }
func (b button) Close() error              { return nil }

func deps(l hw.Indicator, b hw.Button, lightErr error) Deps {
	now := func(time.Duration) <-chan time.Time {
		c := make(chan time.Time, 1)
		c <- time.Time{}
		return c
	}
	return Deps{
		OpenIndicator: func(gpio.Options) (hw.Indicator, error) { return l, lightErr },
		OpenButton:    func(gpio.Options) (hw.Button, error) { return b, nil },
		After: func(d time.Duration) <-chan time.Time {
			if d == time.Minute { // the button's timeout: never, unless the test has no press
				if b != nil && len(b.(button).c) > 0 {
					return nil
				}
			}
			return now(d)
		},
	}
}

func TestRun(t *testing.T) {
	pressed := button{make(chan time.Time, 1)}
	pressed.c <- time.Time{}
	for _, tc := range []struct {
		name     string
		light    *light
		lightErr error
		button   hw.Button
		want     error
		says     string
	}{
		{"all works", &light{}, nil, pressed, nil, "Wiring OK."},
		{"no button configured", &light{}, nil, nil, nil, "No button configured."},
		{"light missing", nil, errors.New("GPIO17 not found"), nil, ErrFailed, "indicator: GPIO17 not found"},
		{"no press", &light{}, nil, button{make(chan time.Time)}, ErrFailed, "no press within"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var l hw.Indicator
			if tc.light != nil {
				l = tc.light
			}
			var out, problems bytes.Buffer
			err := Run(context.Background(), &out, &problems, deps(l, tc.button, tc.lightErr), gpio.Options{}, time.Second, time.Minute)
			if !errors.Is(err, tc.want) {
				t.Errorf("Run = %v, want %v", err, tc.want)
			}
			if all := out.String() + problems.String(); !strings.Contains(all, tc.says) {
				t.Errorf("Run printed %q, want it to say %q", all, tc.says)
			}
			if tc.light != nil && len(tc.light.shown) != len(hw.States()) {
				t.Errorf("light showed %v, want every state", tc.light.shown)
			}
		})
	}
}
