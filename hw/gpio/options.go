package gpio

import (
	"fmt"
	"time"

	"quietroom/app/clock"
	"quietroom/hw"
)

// Options choose the lines, wiring and polarity. The zero value is the reference build: a
// single active-high LED on GPIO17 and the button on GPIO27. The yaml names are the keys of the
// kiosk config's hw section; `quietroom hw test` has a flag for each.
type Options struct {
	// Wiring of the indicator LED (default single).
	Wiring hw.Wiring `yaml:"indicator_wiring"`
	// Lines of the indicator, one per channel in [hw.Wiring.Channels] order (red, green, blue).
	// Empty means [DefaultLines] of the wiring.
	Lines []string `yaml:"indicator_lines"`
	// Polarity of the indicator (default active-high: the line's high level lights the LED).
	Polarity hw.Polarity `yaml:"indicator_polarity"`
	// Button is the privacy button's line (default GPIO27); "none" means no button.
	Button string `yaml:"button_line"`
	// Debounce is how long the button must have been released before a press counts (default
	// [hw.DefaultDebounce]).
	Debounce time.Duration `yaml:"button_debounce"`

	// Clock drives patterns and debouncing (default [clock.System]).
	Clock clock.Clock `yaml:"-"`
	// Poll bounds how long the button's watcher waits for an edge before it checks whether it
	// was closed (default 500 ms). Close normally interrupts the wait at once; Poll is the
	// backstop.
	Poll time.Duration `yaml:"-"`
}

// DefaultButton is the privacy button's line when Options.Button is empty.
const DefaultButton = "GPIO27"

// NoButton as Options.Button says there is no privacy button.
const NoButton = "none"

// DefaultLines returns the default lines of a wiring: GPIO17 (physical pin 11) for the single
// LED or the red channel, GPIO22 (pin 15) for green, GPIO23 (pin 16) for blue.
func DefaultLines(w hw.Wiring) []string {
	return []string{"GPIO17", "GPIO22", "GPIO23"}[:len(w.Channels())]
}

// withDefaults fills in the defaults and checks the lines.
func (o Options) withDefaults() (Options, error) {
	if len(o.Lines) == 0 {
		o.Lines = DefaultLines(o.Wiring)
	}
	if o.Button == "" {
		o.Button = DefaultButton
	}
	if o.Debounce <= 0 {
		o.Debounce = hw.DefaultDebounce
	}
	if o.Clock == nil {
		o.Clock = clock.System()
	}
	if o.Poll <= 0 {
		o.Poll = 500 * time.Millisecond
	}
	if want := len(o.Wiring.Channels()); len(o.Lines) != want {
		return o, fmt.Errorf("indicator wiring %v needs %d lines (%v), got %d: %q",
			o.Wiring, want, o.Wiring.Channels(), len(o.Lines), o.Lines)
	}
	seen := map[string]bool{}
	for _, l := range append([]string{o.Button}, o.Lines...) {
		if l == "" {
			return o, fmt.Errorf("empty GPIO line name in %q", o.Lines)
		}
		if seen[l] && l != NoButton {
			return o, fmt.Errorf("GPIO line %s is configured twice; the indicator and the button need their own lines", l)
		}
		seen[l] = true
	}
	return o, nil
}
