package hw

import (
	"fmt"
	"strings"
	"time"
)

// Wiring is how the indicator LED is built and connected.
type Wiring uint8

// The supported wirings. The zero value is Single.
const (
	Single    Wiring = iota // one LED on one line
	TwoColour               // a red/green LED (three legs, common cathode or anode) on two lines
	RGB                     // a red/green/blue LED (four legs) on three lines
)

func (w Wiring) String() string {
	switch w {
	case Single:
		return "single"
	case TwoColour:
		return "two-colour"
	case RGB:
		return "rgb"
	}
	return fmt.Sprintf("Wiring(%d)", uint8(w))
}

// ParseWiring reads a wiring name as written in the config file or on the command line:
// "single", "two-colour" (also "two-color", "bicolour", "bicolor") or "rgb".
func ParseWiring(s string) (Wiring, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "single", "one", "led":
		return Single, nil
	case "two-colour", "two-color", "twocolour", "twocolor", "bicolour", "bicolor", "red-green":
		return TwoColour, nil
	case "rgb":
		return RGB, nil
	}
	return 0, fmt.Errorf("unknown indicator wiring %q: use single, two-colour or rgb", s)
}

// UnmarshalText lets config decoders read a Wiring by name.
func (w *Wiring) UnmarshalText(b []byte) error {
	v, err := ParseWiring(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

// MarshalText writes a Wiring by name.
func (w Wiring) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// Channels names the LED's channels in the order their lines are configured.
func (w Wiring) Channels() []string {
	switch w {
	case TwoColour:
		return []string{"red", "green"}
	case RGB:
		return []string{"red", "green", "blue"}
	}
	return []string{"led"}
}

// Polarity says which level lights an LED channel.
type Polarity uint8

// The polarities. The zero value is ActiveHigh.
const (
	ActiveHigh Polarity = iota // line high (3.3 V) lights the LED: LED from the line to ground
	ActiveLow                  // line low lights the LED: LED from 3.3 V to the line (common anode)
)

func (p Polarity) String() string {
	switch p {
	case ActiveHigh:
		return "active-high"
	case ActiveLow:
		return "active-low"
	}
	return fmt.Sprintf("Polarity(%d)", uint8(p))
}

// ParsePolarity reads "active-high" (or "high") and "active-low" (or "low").
func ParsePolarity(s string) (Polarity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "active-high", "activehigh", "high":
		return ActiveHigh, nil
	case "active-low", "activelow", "low":
		return ActiveLow, nil
	}
	return 0, fmt.Errorf("unknown indicator polarity %q: use active-high or active-low", s)
}

// UnmarshalText lets config decoders read a Polarity by name.
func (p *Polarity) UnmarshalText(b []byte) error {
	v, err := ParsePolarity(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// MarshalText writes a Polarity by name.
func (p Polarity) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Colour is what the indicator shows at one moment.
type Colour uint8

// The colours. Lit is the single LED on, whatever its colour; the others need a two-colour
// (Red, Green, Amber) or RGB LED.
const (
	Off Colour = iota
	Lit
	Red
	Green
	Amber // red and green together
	Blue
	Magenta
	Cyan
	White
)

func (c Colour) String() string {
	names := [...]string{"off", "lit", "red", "green", "amber", "blue", "magenta", "cyan", "white"}
	if int(c) < len(names) {
		return names[c]
	}
	return fmt.Sprintf("Colour(%d)", uint8(c))
}

// rgb is the red, green and blue components of a colour as bits 0, 1 and 2.
func (c Colour) rgb() uint8 {
	if c > White {
		return 0
	}
	return [...]uint8{Off: 0, Lit: 7, Red: 1, Green: 2, Amber: 3, Blue: 4, Magenta: 5, Cyan: 6, White: 7}[c]
}

// Drive says which of the wiring's channels (in [Wiring.Channels] order) must be lit to show c.
// A colour the wiring cannot show lights what it can: any colour lights a single LED.
func (w Wiring) Drive(c Colour) []bool {
	bits := c.rgb()
	switch w {
	case TwoColour:
		return []bool{bits&1 != 0, bits&2 != 0}
	case RGB:
		return []bool{bits&1 != 0, bits&2 != 0, bits&4 != 0}
	}
	return []bool{bits != 0}
}

// Seen is the inverse of Drive: the colour a person sees when the given channels are lit.
func (w Wiring) Seen(lit []bool) Colour {
	var bits uint8
	for i, on := range lit {
		if on {
			bits |= 1 << i
		}
	}
	if w == Single {
		if bits != 0 {
			return Lit
		}
		return Off
	}
	for c := Off; c <= White; c++ {
		if c != Lit && c.rgb() == bits {
			return c
		}
	}
	return Off
}

// Pattern is how a colour is shown over time.
type Pattern uint8

// The patterns. Blinks stay below three flashes a second, the limit for flashing content in
// WCAG 2.3.1, because people with photosensitive epilepsy walk past the door too.
const (
	Steady      Pattern = iota // on all the time
	SlowBlink                  // 1 s on, 1 s off
	FastBlink                  // 200 ms on, 200 ms off (2.5 flashes a second)
	DoubleFlash                // two 150 ms flashes, then 1.55 s off
	Wink                       // a 100 ms flash every 2 s
)

func (p Pattern) String() string {
	names := [...]string{"steady", "slow blink", "fast blink", "double flash", "wink"}
	if int(p) < len(names) {
		return names[p]
	}
	return fmt.Sprintf("Pattern(%d)", uint8(p))
}

// Phases returns the durations of the pattern's phases, alternating on and off and starting
// with on; the sequence repeats. Steady has no phases.
func (p Pattern) Phases() []time.Duration {
	ms := time.Millisecond
	switch p {
	case SlowBlink:
		return []time.Duration{1000 * ms, 1000 * ms}
	case FastBlink:
		return []time.Duration{200 * ms, 200 * ms}
	case DoubleFlash:
		return []time.Duration{150 * ms, 150 * ms, 150 * ms, 1550 * ms}
	case Wink:
		return []time.Duration{100 * ms, 1900 * ms}
	}
	return nil
}

// Period is the length of one repetition of the pattern; zero for Steady.
func (p Pattern) Period() time.Duration {
	var sum time.Duration
	for _, d := range p.Phases() {
		sum += d
	}
	return sum
}

// On reports whether the pattern is in an on phase elapsed after it started. A phase boundary
// belongs to the phase it starts.
func (p Pattern) On(elapsed time.Duration) bool {
	phases := p.Phases()
	if len(phases) == 0 {
		return true
	}
	if elapsed < 0 {
		elapsed = 0
	}
	t := elapsed % p.Period()
	for i, d := range phases {
		if t < d {
			return i%2 == 0
		}
		t -= d
	}
	return false
}

// Look is what one state looks like on one wiring: a colour shown with a pattern.
type Look struct {
	Colour  Colour
	Pattern Pattern
}

// At returns the colour showing elapsed after the look started.
func (l Look) At(elapsed time.Duration) Colour {
	if l.Colour == Off || !l.Pattern.On(elapsed) {
		return Off
	}
	return l.Colour
}

func (l Look) String() string {
	if l.Colour == Off {
		return "off"
	}
	return l.Colour.String() + ", " + l.Pattern.String()
}

// LookOf says what s looks like on wiring w. The tables are the product's promise to the
// people outside the door (they are printed in hw/README.md):
//
//	state        single LED     two-colour             RGB
//	free         off            green                  green
//	occupied     steady         red                    red
//	ending soon  slow blink     amber                  amber
//	overtime     fast blink     red, slow blink        red, slow blink
//	maintenance  double flash   amber, double flash    blue
//	fault        wink           red, wink              magenta, wink
//
// An undefined state or wiring looks like a fault.
func LookOf(w Wiring, s State) Look {
	if !s.Valid() {
		s = Fault
	}
	switch w {
	case TwoColour:
		return [...]Look{
			Free:        {Green, Steady},
			Occupied:    {Red, Steady},
			EndingSoon:  {Amber, Steady},
			Overtime:    {Red, SlowBlink},
			Maintenance: {Amber, DoubleFlash},
			Fault:       {Red, Wink},
		}[s]
	case RGB:
		return [...]Look{
			Free:        {Green, Steady},
			Occupied:    {Red, Steady},
			EndingSoon:  {Amber, Steady},
			Overtime:    {Red, SlowBlink},
			Maintenance: {Blue, Steady},
			Fault:       {Magenta, Wink},
		}[s]
	case Single:
		return [...]Look{
			Free:        {Off, Steady},
			Occupied:    {Lit, Steady},
			EndingSoon:  {Lit, SlowBlink},
			Overtime:    {Lit, FastBlink},
			Maintenance: {Lit, DoubleFlash},
			Fault:       {Lit, Wink},
		}[s]
	}
	return Look{Lit, Wink}
}
