// Package selftest is the wiring check a technician runs on the device (`quietroom hw test`):
// every state of the occupancy light for a few seconds each, then a press of the privacy button;
// and the list of the device's GPIO chips and lines. It prints what a person should see and
// what went wrong, with the fix. main parses the command's flags and calls it; nothing else
// imports it.
package selftest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"quietroom/hw"
	"quietroom/hw/gpio"
)

// Errors Run returns after it has printed the details.
var (
	// ErrFailed: a part of the wiring did not work; the problems were printed.
	ErrFailed = errors.New("the wiring check found problems")
	// ErrInterrupted: the context ended before the check did.
	ErrInterrupted = errors.New("interrupted")
)

// Deps is what the check takes from the outside world; tests substitute fakes.
type Deps struct {
	OpenIndicator func(gpio.Options) (hw.Indicator, error)
	OpenButton    func(gpio.Options) (hw.Button, error) // nil, nil when there is no button
	Chips         func() ([]gpio.Chip, error)
	After         func(time.Duration) <-chan time.Time
}

// Real is the device's GPIO through periph.io and the real time.
func Real() Deps {
	return Deps{
		OpenIndicator: func(o gpio.Options) (hw.Indicator, error) { return gpio.OpenIndicator(o) },
		OpenButton: func(o gpio.Options) (hw.Button, error) {
			b, err := gpio.OpenButton(o)
			if b == nil {
				return nil, err // no typed nil in the interface
			}
			return b, err
		},
		Chips: gpio.Chips,
		After: time.After,
	}
}

// List writes the device's GPIO chips and their named or used lines to out.
func List(out io.Writer, d Deps) error {
	chips, err := d.Chips()
	if err != nil {
		return err
	}
	for _, c := range chips {
		fmt.Fprintf(out, "%s  %s  (%s, %d lines)\n", c.Name, c.Label, c.Path, len(c.Lines))
		for _, l := range c.Lines {
			if l.Name == "" && l.Consumer == "" {
				continue
			}
			used := ""
			if l.Consumer != "" {
				used = "  in use by " + l.Consumer
			}
			fmt.Fprintf(out, "  %3d  %-12s%s\n", l.Offset, l.Name, used)
		}
	}
	return nil
}

// Run shows every light state for step, telling out how each should look, then waits up to
// timeout for a press of the button. Problems go to problems, each with what to check. It
// returns nil when all worked, ErrFailed or ErrInterrupted otherwise.
func Run(ctx context.Context, out, problems io.Writer, d Deps, o gpio.Options, step, timeout time.Duration) error {
	failed := false
	ind, err := d.OpenIndicator(o)
	if err != nil {
		fmt.Fprintf(problems, "indicator: %v\n", err)
		failed = true
	} else {
		lines := o.Lines
		if len(lines) == 0 {
			lines = gpio.DefaultLines(o.Wiring)
		}
		fmt.Fprintf(out, "Indicator: %v, %v, lines %s (%s). Watch the light:\n",
			o.Wiring, o.Polarity, strings.Join(lines, ","), strings.Join(o.Wiring.Channels(), ","))
		for _, s := range hw.States() {
			fmt.Fprintf(out, "  %-12s should look: %v\n", s.String(), hw.LookOf(o.Wiring, s))
			if err := ind.Show(s); err != nil {
				fmt.Fprintf(problems, "indicator: %v\n", err)
				failed = true
				break
			}
			if !wait(ctx, d.After(step)) {
				break
			}
		}
		if err := ind.Close(); err != nil {
			fmt.Fprintf(problems, "indicator: %v\n", err)
			failed = true
		}
	}
	if ctx.Err() != nil {
		return ErrInterrupted
	}

	btn, err := d.OpenButton(o)
	switch {
	case err != nil:
		fmt.Fprintf(problems, "button: %v\n", err)
		return ErrFailed
	case btn == nil:
		fmt.Fprintln(out, "No button configured.")
		if failed {
			return ErrFailed
		}
		return nil
	}
	defer btn.Close()
	fmt.Fprintf(out, "Button on %s: press it within %v...\n", o.Button, timeout)
	select {
	case <-btn.Presses():
		fmt.Fprintln(out, "  press received.")
	case <-d.After(timeout):
		fmt.Fprintf(problems, "button: no press within %v: check that the button joins %s to a ground pin "+
			"(see hw/README.md) and that --button names the right line\n", timeout, o.Button)
		return ErrFailed
	case <-ctx.Done():
		return ErrInterrupted
	}
	if failed {
		return ErrFailed
	}
	fmt.Fprintln(out, "Wiring OK.")
	return nil
}

// wait waits for c or for ctx to end, and reports whether c came first.
func wait(ctx context.Context, c <-chan time.Time) bool {
	select {
	case <-c:
		return true
	case <-ctx.Done():
		return false
	}
}
