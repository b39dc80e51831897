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
	"quietroom/hw/selftest"
)

func init() {
	register(command{
		name:    "hw",
		usage:   "test [--list]",
		summary: "check the occupancy light and privacy button wiring on the device",
		run:     runHW,
	})
}

func runHW(e *env, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return hwCommand(ctx, e, args, selftest.Real())
}

const hwUsage = `Usage: quietroom hw test [--list] [flags]

Checks the wiring on the device: shows every indicator state for a few seconds, then waits for
a press of the privacy button. With --list, lists the GPIO chips and lines instead.

Flags:
`

func hwCommand(ctx context.Context, e *env, args []string, d selftest.Deps) int {
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

func hwList(e *env, d selftest.Deps) int {
	if err := selftest.List(e.stdout, d); err != nil {
		fmt.Fprintf(e.stderr, "quietroom hw test --list: %v\n", err)
		return 1
	}
	return 0
}

func hwTest(ctx context.Context, e *env, d selftest.Deps, o gpio.Options, step, timeout time.Duration) int {
	switch err := selftest.Run(ctx, e.stdout, e.stderr, d, o, step, timeout); {
	case errors.Is(err, selftest.ErrInterrupted):
		fmt.Fprintln(e.stderr, "interrupted")
		return 1
	case err != nil:
		return 1
	}
	return 0
}
