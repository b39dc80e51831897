package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"quietroom/hw"
	"quietroom/hw/gpio"
)

func init() {
	register(command{
		name:    "hw",
		usage:   "test [--list]",
		summary: "check the occupancy light and privacy button wiring on the device",
		run:     runHW,
	})
}

// hwDeps is what `hw test` takes from the outside world; tests substitute fakes.
type hwDeps struct {
	openIndicator func(gpio.Options) (hw.Indicator, error)
	openButton    func(gpio.Options) (hw.Button, error) // nil, nil when there is no button
	chips         func() ([]gpio.Chip, error)
	after         func(time.Duration) <-chan time.Time
}

var realHW = hwDeps{
	openIndicator: func(o gpio.Options) (hw.Indicator, error) { return gpio.OpenIndicator(o) },
	openButton: func(o gpio.Options) (hw.Button, error) {
		b, err := gpio.OpenButton(o)
		if b == nil {
			return nil, err // no typed nil in the interface
		}
		return b, err
	},
	chips: gpio.Chips,
	after: time.After,
}

func runHW(e *env, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return hwCommand(ctx, e, args, realHW)
}

const hwUsage = `Usage: quietroom hw test [--list] [flags]

Checks the wiring on the device: shows every indicator state for a few seconds, then waits for
a press of the privacy button. With --list, lists the GPIO chips and lines instead.

Flags:
`

func hwCommand(ctx context.Context, e *env, args []string, d hwDeps) int {
	if len(args) == 0 || args[0] != "test" {
		if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
			fmt.Fprint(e.stdout, hwUsage)
			fs := hwFlags(e, new(hwTestFlags))
			fs.SetOutput(e.stdout)
			fs.PrintDefaults()
			return 0
		}
		fmt.Fprintln(e.stderr, "quietroom hw: usage: quietroom hw test [--list]; `quietroom hw help` for the flags")
		return 2
	}
	var f hwTestFlags
	fs := hwFlags(e, &f)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "quietroom hw test: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if f.list {
		return hwList(e, d)
	}
	o, err := f.options()
	if err != nil {
		fmt.Fprintf(e.stderr, "quietroom hw test: %v\n", err)
		return 2
	}
	return hwTest(ctx, e, d, o, f.step, f.timeout)
}

// hwTestFlags are the flags of `hw test`; each sets one field of gpio.Options.
type hwTestFlags struct {
	list                            bool
	wiring, lines, polarity, button string
	step, timeout                   time.Duration
}

func hwFlags(e *env, f *hwTestFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("quietroom hw test", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.BoolVar(&f.list, "list", false, "list the GPIO chips and lines this device has, and exit")
	fs.StringVar(&f.wiring, "wiring", "single", "indicator wiring: single, two-colour or rgb (config: indicator_wiring)")
	fs.StringVar(&f.lines, "lines", "", "indicator lines, comma-separated, red first (config: indicator_lines;\n"+
		"default GPIO17, or GPIO17,GPIO22 for two-colour, GPIO17,GPIO22,GPIO23 for rgb)")
	fs.StringVar(&f.polarity, "polarity", "active-high", "indicator polarity: active-high or active-low (config: indicator_polarity)")
	fs.StringVar(&f.button, "button", gpio.DefaultButton, "privacy button line, or none (config: button_line)")
	fs.DurationVar(&f.step, "step", 3*time.Second, "how long each indicator state is shown")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "how long to wait for a button press")
	return fs
}

func (f hwTestFlags) options() (gpio.Options, error) {
	var o gpio.Options
	var err error
	if o.Wiring, err = hw.ParseWiring(f.wiring); err != nil {
		return o, err
	}
	if o.Polarity, err = hw.ParsePolarity(f.polarity); err != nil {
		return o, err
	}
	if f.lines != "" {
		for l := range strings.SplitSeq(f.lines, ",") {
			o.Lines = append(o.Lines, strings.TrimSpace(l))
		}
	}
	o.Button = f.button
	return o, nil
}

func hwList(e *env, d hwDeps) int {
	chips, err := d.chips()
	if err != nil {
		fmt.Fprintf(e.stderr, "quietroom hw test --list: %v\n", err)
		return 1
	}
	for _, c := range chips {
		fmt.Fprintf(e.stdout, "%s  %s  (%s, %d lines)\n", c.Name, c.Label, c.Path, len(c.Lines))
		for _, l := range c.Lines {
			if l.Name == "" && l.Consumer == "" {
				continue
			}
			used := ""
			if l.Consumer != "" {
				used = "  in use by " + l.Consumer
			}
			fmt.Fprintf(e.stdout, "  %3d  %-12s%s\n", l.Offset, l.Name, used)
		}
	}
	return 0
}

func hwTest(ctx context.Context, e *env, d hwDeps, o gpio.Options, step, timeout time.Duration) int {
	code := 0
	ind, err := d.openIndicator(o)
	if err != nil {
		fmt.Fprintf(e.stderr, "indicator: %v\n", err)
		code = 1
	} else {
		lines := o.Lines
		if len(lines) == 0 {
			lines = gpio.DefaultLines(o.Wiring)
		}
		fmt.Fprintf(e.stdout, "Indicator: %v, %v, lines %s (%s). Watch the light:\n",
			o.Wiring, o.Polarity, strings.Join(lines, ","), strings.Join(o.Wiring.Channels(), ","))
		for _, s := range hw.States() {
			fmt.Fprintf(e.stdout, "  %-12s should look: %v\n", s.String(), hw.LookOf(o.Wiring, s))
			if err := ind.Show(s); err != nil {
				fmt.Fprintf(e.stderr, "indicator: %v\n", err)
				code = 1
				break
			}
			if !hwWait(ctx, d.after(step)) {
				break
			}
		}
		if err := ind.Close(); err != nil {
			fmt.Fprintf(e.stderr, "indicator: %v\n", err)
			code = 1
		}
	}
	if ctx.Err() != nil {
		fmt.Fprintln(e.stderr, "interrupted")
		return 1
	}

	btn, err := d.openButton(o)
	switch {
	case err != nil:
		fmt.Fprintf(e.stderr, "button: %v\n", err)
		return 1
	case btn == nil:
		fmt.Fprintln(e.stdout, "No button configured.")
		return code
	}
	defer btn.Close()
	fmt.Fprintf(e.stdout, "Button on %s: press it within %v...\n", o.Button, timeout)
	select {
	case <-btn.Presses():
		fmt.Fprintln(e.stdout, "  press received.")
	case <-d.after(timeout):
		fmt.Fprintf(e.stderr, "button: no press within %v: check that the button joins %s to a ground pin "+
			"(see hw/README.md) and that --button names the right line\n", timeout, o.Button)
		return 1
	case <-ctx.Done():
		fmt.Fprintln(e.stderr, "interrupted")
		return 1
	}
	if code == 0 {
		fmt.Fprintln(e.stdout, "Wiring OK.")
	}
	return code
}

// hwWait waits for c or for ctx to end, and reports whether c came first.
func hwWait(ctx context.Context, c <-chan time.Time) bool {
	select {
	case <-c:
		return true
	case <-ctx.Done():
		return false
	}
}
