package hwtest

import (
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"quietroom/app/clock"
	"quietroom/hw"
	"quietroom/hw/sim"
)

// Indicator is a fake [hw.Indicator] that remembers what it was told.
type Indicator struct {
	wiring hw.Wiring
	clock  clock.Clock

	mu      sync.Mutex
	state   hw.State
	shown   bool
	since   time.Time
	history []hw.State
	fail    error
	closed  bool
}

// NewIndicator returns a fake indicator of the given wiring; clock times its patterns for
// Light and may be nil when the test does not look at patterns.
func NewIndicator(w hw.Wiring, clock clock.Clock) *Indicator {
	return &Indicator{wiring: w, clock: clock}
}

// Show implements [hw.Indicator].
func (f *Indicator) Show(s hw.State) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case f.closed:
		return fmt.Errorf("show %v: %w", s, hw.ErrClosed)
	case !s.Valid():
		return fmt.Errorf("show %v: %w", s, hw.ErrUnknownState)
	case f.fail != nil:
		return f.fail
	case f.shown && s == f.state:
		return nil
	}
	f.state, f.shown, f.since = s, true, f.now()
	f.history = append(f.history, s)
	return nil
}

// Close implements [hw.Indicator].
func (f *Indicator) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	return nil
}

// State returns the state shown, and false before the first Show.
func (f *Indicator) State() (hw.State, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.state, f.shown
}

// History returns every change of state, in order; repeated Shows of one state count once.
func (f *Indicator) History() []hw.State {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.history)
}

// Closed reports whether Close was called.
func (f *Indicator) Closed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.closed
}

// Fail makes every later Show return err, as broken hardware would; nil heals it.
func (f *Indicator) Fail(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail = err
}

// Light returns the colour a person outside the door would see now.
func (f *Indicator) Light() hw.Colour {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.shown || f.closed {
		return hw.Off
	}
	return hw.LookOf(f.wiring, f.state).At(f.now().Sub(f.since))
}

func (f *Indicator) now() time.Time {
	if f.clock == nil {
		return time.Time{}
	}
	return f.clock.Now()
}

// Button is a fake [hw.Button]: the desktop simulator's button, silent, debounced by
// [hw.DefaultDebounce] against the test's clock. Contact and Press drive it.
type Button = sim.Button

// NewButton returns a fake button whose contact is open.
func NewButton(clock clock.Clock) *Button {
	return sim.NewButton(slog.New(slog.DiscardHandler), clock)
}

// Secret is a fake [hw.SecretSource].
type Secret struct {
	Key    []byte // returned as a copy
	Err    error  // returned instead of the key when set
	Source string // returned by Name; "fake device secret" when empty
}

// DeviceSecret implements [hw.SecretSource].
func (s *Secret) DeviceSecret() ([]byte, error) {
	if s.Err != nil {
		return nil, s.Err
	}
	return slices.Clone(s.Key), nil
}

// Name implements [hw.SecretSource].
func (s *Secret) Name() string {
	if s.Source == "" {
		return "fake device secret"
	}
	return s.Source
}

// Watchdog is a fake [hw.Watchdog] that records the notifications sent.
type Watchdog struct {
	mu   sync.Mutex
	sent []string
	Err  error // returned by every method when set
}

// Ready implements [hw.Watchdog].
func (w *Watchdog) Ready() error { return w.record("READY=1") }

// Ping implements [hw.Watchdog].
func (w *Watchdog) Ping() error { return w.record("WATCHDOG=1") }

// Stopping implements [hw.Watchdog].
func (w *Watchdog) Stopping() error { return w.record("STOPPING=1") }

// Sent returns the notifications in the order they were sent, as systemd would read them.
func (w *Watchdog) Sent() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.sent)
}

func (w *Watchdog) record(msg string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.Err != nil {
		return w.Err
	}
	w.sent = append(w.sent, msg)
	return nil
}

var (
	_ hw.Indicator    = (*Indicator)(nil)
	_ hw.Button       = (*Button)(nil)
	_ hw.SecretSource = (*Secret)(nil)
	_ hw.Watchdog     = (*Watchdog)(nil)
)
