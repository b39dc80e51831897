package retrying

import (
	"fmt"
	"log/slog"
	"sync"
	"time"

	"quietroom/app/clock"
	"quietroom/hw"
)

// Options configure an [Indicator].
type Options struct {
	// Log receives a warning per fault and a line per recovery (component=indicator). That is
	// the fault's only log line: Fault tells the rest of the kiosk what is wrong now.
	Log *slog.Logger
	// Clock paces the retries (default [clock.System]).
	Clock clock.Clock
	// RetryEvery is how often a missing indicator is opened again (default 1 minute).
	RetryEvery time.Duration
}

// Indicator is an [hw.Indicator] whose Show never fails.
type Indicator struct {
	open func() (hw.Indicator, error)
	o    Options

	mu       sync.Mutex
	inner    hw.Indicator // nil while it cannot be opened
	fault    error
	nextOpen time.Time
	state    hw.State
	shown    bool
	closed   bool
}

// Open opens the indicator with open (e.g. gpio.OpenIndicator with the configured options),
// and keeps the kiosk going if that fails.
func Open(open func() (hw.Indicator, error), o Options) *Indicator {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	o.Log = o.Log.With("component", "indicator")
	if o.Clock == nil {
		o.Clock = clock.System()
	}
	if o.RetryEvery <= 0 {
		o.RetryEvery = time.Minute
	}
	d := &Indicator{open: open, o: o}
	d.mu.Lock()
	d.tryOpen()
	d.mu.Unlock()
	return d
}

// Show implements [hw.Indicator]. It returns an error only for an unknown state or after
// Close, as the contract asks; hardware faults go to the log and to Fault.
func (d *Indicator) Show(s hw.State) error {
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return fmt.Errorf("show %v: %w", s, hw.ErrClosed)
	}
	if !s.Valid() {
		d.mu.Unlock()
		return fmt.Errorf("show %v: %w", s, hw.ErrUnknownState)
	}
	d.state, d.shown = s, true
	if d.inner == nil {
		d.tryOpen() // shows the state on success
	} else {
		d.result(d.inner.Show(s))
	}
	d.mu.Unlock()
	return nil
}

// Close implements [hw.Indicator].
func (d *Indicator) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return nil
	}
	d.closed = true
	if d.inner == nil {
		return nil
	}
	return d.inner.Close()
}

// Fault returns the current fault, or nil when the indicator works.
func (d *Indicator) Fault() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.fault
}

// tryOpen opens the inner indicator if it is time to, and shows the current state on it.
// Callers hold mu.
func (d *Indicator) tryOpen() {
	now := d.o.Clock.Now()
	if now.Before(d.nextOpen) {
		return
	}
	d.nextOpen = now.Add(d.o.RetryEvery)
	inner, err := d.open()
	if err != nil {
		d.result(err)
		return
	}
	d.inner = inner
	if d.shown {
		d.result(inner.Show(d.state))
		return
	}
	d.result(nil)
}

// result records the outcome of using the hardware, logging when the fault state changes.
// Callers hold mu.
func (d *Indicator) result(err error) {
	switch {
	case err != nil && d.fault == nil:
		d.o.Log.Warn("occupancy light not working; the kiosk carries on without it", "err", err)
	case err == nil && d.fault != nil:
		d.o.Log.Info("occupancy light working again")
	}
	d.fault = err
}

var _ hw.Indicator = (*Indicator)(nil)
