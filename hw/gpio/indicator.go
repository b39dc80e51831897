package gpio

import (
	"errors"
	"fmt"
	"sync"

	"periph.io/x/conn/v3/gpio"

	"quietroom/app/clock"
	"quietroom/hw"
)

// Indicator is an [hw.Indicator] on one to three GPIO output lines.
type Indicator struct {
	pins     []gpio.PinOut
	wiring   hw.Wiring
	polarity hw.Polarity
	clock    clock.Clock
	release  func() // releases lines this package opened; nil for lines the caller owns

	mu     sync.Mutex
	state  hw.State
	shown  bool
	look   hw.Look
	phase  int
	gen    uint64      // bumped by every Show and Close; stale pattern callbacks compare it
	timer  clock.Timer // the pending phase change, if a pattern runs
	lit    []bool      // what each channel shows, as last written; the lines are never read
	known  bool        // lit reflects the lines
	err    error       // a write failure from a pattern callback, returned by the next Show
	dirty  bool        // the lines may not show the state: the next Show writes again
	closed bool
}

// NewIndicator drives pins (one per channel of o.Wiring, in [hw.Wiring.Channels] order) and
// turns them off. The caller keeps ownership of the pins; only o.Wiring, o.Polarity and
// o.Clock are used. Tests pass periph's gpiotest pins.
func NewIndicator(pins []gpio.PinOut, o Options) (*Indicator, error) {
	if want := len(o.Wiring.Channels()); len(pins) != want {
		return nil, fmt.Errorf("indicator wiring %v needs %d lines, got %d", o.Wiring, want, len(pins))
	}
	if o.Clock == nil {
		o.Clock = clock.System()
	}
	i := &Indicator{
		pins:     pins,
		wiring:   o.Wiring,
		polarity: o.Polarity,
		clock:    o.Clock,
		lit:      make([]bool, len(pins)),
	}
	if err := i.write(hw.Off); err != nil {
		return nil, err
	}
	return i, nil
}

// Show implements [hw.Indicator].
func (i *Indicator) Show(s hw.State) error {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.closed {
		return fmt.Errorf("show %v: %w", s, hw.ErrClosed)
	}
	if !s.Valid() {
		return fmt.Errorf("show %v: %w", s, hw.ErrUnknownState)
	}
	if i.shown && s == i.state && !i.dirty {
		return nil
	}
	background := i.err
	i.err = nil
	i.stop()
	i.state, i.shown = s, true
	i.look, i.phase = hw.LookOf(i.wiring, s), 0
	if err := i.write(i.look.Colour); err != nil {
		i.dirty = true
		return err
	}
	i.dirty = false
	i.schedule()
	if background != nil {
		// The lines took the new state, but a blink failed since the last Show and nobody
		// has heard of it yet.
		return fmt.Errorf("indicator failed while its pattern ran (driven again now): %w", background)
	}
	return nil
}

// Close implements [hw.Indicator]: it turns the light off and releases the lines it opened.
func (i *Indicator) Close() error {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.closed {
		return nil
	}
	i.closed = true
	i.stop()
	i.known = false // force the write: the light must go out even if the state was unsure
	err := i.write(hw.Off)
	if i.release != nil {
		i.release()
	}
	return err
}

// stop cancels the running pattern. Callers hold mu.
func (i *Indicator) stop() {
	i.gen++
	if i.timer != nil {
		i.timer.Stop()
		i.timer = nil
	}
}

// schedule arranges the next phase change of the current look, if it has phases. Callers
// hold mu.
func (i *Indicator) schedule() {
	phases := i.look.Pattern.Phases()
	if len(phases) == 0 || i.look.Colour == hw.Off {
		return
	}
	gen := i.gen
	i.timer = i.clock.AfterFunc(phases[i.phase], func() { i.step(gen) })
}

// step moves the pattern to its next phase.
func (i *Indicator) step(gen uint64) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if gen != i.gen || i.closed {
		return // a Show or Close came in between; the timer's Stop was too late
	}
	i.phase = (i.phase + 1) % len(i.look.Pattern.Phases())
	c := i.look.Colour
	if i.phase%2 == 1 {
		c = hw.Off
	}
	if err := i.write(c); err != nil {
		i.dirty = true
		if i.err == nil {
			i.err = err
		}
	}
	i.schedule()
}

// write sets the lines to show c, skipping lines already at the right level. Callers hold mu.
func (i *Indicator) write(c hw.Colour) error {
	want := i.wiring.Drive(c)
	var errs []error
	for ch, on := range want {
		if i.known && i.lit[ch] == on {
			continue
		}
		level := gpio.Level(on)
		if i.polarity == hw.ActiveLow {
			level = !level
		}
		if err := i.pins[ch].Out(level); err != nil {
			errs = append(errs, lineError(i.pins[ch], i.wiring.Channels()[ch], err))
			continue
		}
		i.lit[ch] = on
	}
	if len(errs) > 0 {
		i.known = false
		return errors.Join(errs...)
	}
	i.known = true
	return nil
}

var _ hw.Indicator = (*Indicator)(nil)
