package main

import (
	"errors"
	"flag"
	"fmt"

	"quietroom/app/assemble"
	"quietroom/app/enrol"
	"quietroom/hw/gpio"
)

func init() {
	register(command{
		name:    "enrol",
		usage:   "[--boot FILE] [--config FILE]",
		summary: "apply the boot partition's enrolment file once (quietroom-enrol.service runs it)",
		run:     runEnrol,
	})
}

// enrolActions change the machine; tests replace them.
var enrolActions = enrol.SystemActions

func runEnrol(e *env, args []string) int {
	fs := flag.NewFlagSet("enrol", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	boot := fs.String("boot", enrol.DefaultBootFile, "the enrolment file, deleted once applied")
	config := fs.String("config", enrol.DefaultConfigFile, "the device config to write")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "quietroom enrol: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	r, err := enrol.Run(enrol.Options{Boot: *boot, Config: *config, Actions: enrolActions()})
	switch {
	case errors.Is(err, enrol.ErrNoFile):
		fmt.Fprintf(e.stdout, "quietroom enrol: no %s, nothing to do\n", *boot)
		return 0
	case err != nil:
		fmt.Fprintf(e.stderr, "quietroom enrol: %v\n", err)
		if errors.Is(err, enrol.ErrInvalid) {
			fmt.Fprintf(e.stderr, "quietroom enrol: %s was left in place and nothing was applied; the problems are also in %s beside it\n",
				*boot, enrol.ErrorsFileName)
		}
		return 1
	}
	d := r.Enrolment
	fmt.Fprintf(e.stdout, "quietroom enrol: applied %s and deleted it; device config written to %s\n", *boot, *config)
	if d.RoomName != "" {
		fmt.Fprintf(e.stdout, "  room name:  %s (offered by the first-boot wizard)\n", d.RoomName)
	}
	o := assemble.DeviceGPIO(d.Device)
	lines := o.Lines
	if len(lines) == 0 {
		lines = gpio.DefaultLines(o.Wiring)
	}
	button := o.Button
	if button == "" {
		button = gpio.DefaultButton
	}
	fmt.Fprintf(e.stdout, "  light:      %v, %v, lines %v\n  button:     %s\n", o.Wiring, o.Polarity, lines, button)
	if d.TimeZone != "" {
		fmt.Fprintf(e.stdout, "  time zone:  %s\n", d.TimeZone)
	}
	fmt.Fprintf(e.stdout, "  wifi:       %s\n  bluetooth:  %s\n", onOff(d.WiFi), onOff(d.Bluetooth))
	for _, n := range r.Notes {
		fmt.Fprintf(e.stdout, "  note: %s\n", n)
	}
	return 0
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// deviceConfig is the device config `quietroom run` reads: --config, else the device's own;
// none in development mode, where the light is simulated.
func (c runConfig) deviceConfig() string {
	if c.config == "" && !c.dev {
		return enrol.DefaultConfigFile
	}
	return c.config
}

// loadDevice reads the device config for `quietroom run` (see assemble.LoadDevice).
func loadDevice(path string) (enrol.Device, gpio.Options, error) { return assemble.LoadDevice(path) }
