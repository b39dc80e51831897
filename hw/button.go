package hw

import "time"

// Button is the privacy button: a momentary switch that blanks the screen.
type Button interface {
	// Presses delivers the time of each debounced press (the contact closing). Presses that
	// arrive while earlier ones are still unread beyond a small buffer are dropped rather than
	// delayed: a press is an instruction for now, not a queue. The channel is closed when
	// Close returns.
	Presses() <-chan time.Time
	// Close stops watching the button and releases the hardware. Calling it again returns nil.
	Close() error
}

// DefaultDebounce is how long a button contact must have stayed open before a closing counts
// as a new press. Mechanical switches bounce for a few milliseconds; people do not press twice
// within 50 ms.
const DefaultDebounce = 50 * time.Millisecond

// Debouncer turns the raw changes of a switch contact into presses. A closing counts as a
// press only when the contact had been open for at least Settle; the bounces that follow a
// press and those of a release fail that test and are ignored. Reports that do not change the
// contact (a repeated level, or an edge whose bounce has already settled) are ignored too, so
// edges can be read late, in bursts, or twice.
//
// The zero value (with Settle set) treats the contact as open since long ago. A Debouncer is
// not safe for concurrent use.
type Debouncer struct {
	// Settle is how long the contact must have been open before a closing is a press.
	Settle time.Duration

	closed  bool
	changed time.Time
	known   bool
}

// Reset records the contact's state at start-up without counting a press: a button held (or a
// line stuck low) when the kiosk starts must be released before it can be pressed.
func (d *Debouncer) Reset(closed bool, at time.Time) {
	d.closed, d.changed, d.known = closed, at, true
	if !closed {
		d.changed = time.Time{} // open "forever": the first press counts at once
	}
}

// Observe records the contact's state at time at and reports whether this is a new press.
func (d *Debouncer) Observe(closed bool, at time.Time) (pressed bool) {
	if d.known && closed == d.closed {
		return false
	}
	wasOpenSince := d.changed
	if !d.known {
		wasOpenSince = time.Time{}
	}
	pressed = closed && (wasOpenSince.IsZero() || at.Sub(wasOpenSince) >= d.Settle)
	d.closed, d.changed, d.known = closed, at, true
	return pressed
}
