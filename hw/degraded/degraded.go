package degraded

import (
	"fmt"
	"log/slog"
	"sync"
	"time"

	"quietroom/hw"
)

// Options configure an [Indicator].
type Options struct {
	// Log receives a warning per fault and a line per recovery (component=indicator).
	Log *slog.Logger
	// Report hears each fault once, and nil when the indicator works again; the kiosk shows it
	// as the admin's maintenance warning. It is called with no lock held and must not block.
	Report func(error)
	// Clock paces the retries (default [hw.SystemClock]).
	Clock hw.Clock
	// RetryEvery is how often a missing indicator is opened again (default 1 minute).
	RetryEvery time.Duration
}

// Indicator is an [hw.Indicator] whose Show never fails.
type Indicator struct {
	open func() (hw.Indicator, error)
	o    Options

	mu        sync.Mutex
	inner     hw.Indicator // nil while it cannot be opened
	fault     error
	nextOpen  time.Time
	state     hw.State
	shown     bool
	closed    bool
	reporting sync.Mutex // keeps reports in order
}

// Open opens the indicator with open (e.g. gpio.OpenIndicator with the configured options),
// and keeps the kiosk going if that fails.
func Open(open func() (hw.Indicator, error), o Options) *Indicator {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	o.Log = o.Log.With("component", "indicator")
	if o.Clock == nil {
		o.Clock = hw.SystemClock()
	}
	if o.RetryEvery <= 0 {
		o.RetryEvery = time.Minute
	}
	d := &Indicator{open: open, o: o}
	d.mu.Lock()
	report := d.tryOpen()
	d.mu.Unlock()
	d.deliver(report)
	return d
}

// Show implements [hw.Indicator]. It returns an error only for an unknown state or after
// Close, as the contract asks; hardware faults go to the log and the report callback.
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
	var report func()
	if d.inner == nil {
		report = d.tryOpen() // shows the state on success
	} else {
		report = d.result(d.inner.Show(s))
	}
	d.mu.Unlock()
	d.deliver(report)
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
// Callers hold mu; the returned report is delivered after unlocking.
func (d *Indicator) tryOpen() func() {
	now := d.o.Clock.Now()
	if now.Before(d.nextOpen) {
		return nil
	}
	d.nextOpen = now.Add(d.o.RetryEvery)
	inner, err := d.open()
	if err != nil {
		return d.result(err)
	}
	d.inner = inner
	if d.shown {
		return d.result(inner.Show(d.state))
	}
	return d.result(nil)
}

// result records the outcome of using the hardware and returns the report to deliver, if the
// fault state changed. Callers hold mu.
func (d *Indicator) result(err error) func() {
	switch {
	case err != nil && d.fault == nil:
		d.fault = err
		d.o.Log.Warn("occupancy light not working; the kiosk carries on without it", "err", err)
	case err != nil:
		d.fault = err
		return nil // already reported
	case d.fault != nil:
		d.fault = nil
		d.o.Log.Info("occupancy light working again")
	default:
		return nil
	}
	report := d.o.Report
	if report == nil {
		return nil
	}
	return func() { report(err) }
}

func (d *Indicator) deliver(report func()) {
	if report == nil {
		return
	}
	d.reporting.Lock()
	defer d.reporting.Unlock()
	report()
}

var _ hw.Indicator = (*Indicator)(nil)
