package sim

import (
	"fmt"
	"log/slog"
	"sync"
	"time"

	"quietroom/app/clock"
	"quietroom/hw"
)

// Indicator is a simulated occupancy light.
type Indicator struct {
	log    *slog.Logger
	wiring hw.Wiring
	clock  clock.Clock

	mu     sync.Mutex
	state  hw.State
	shown  bool
	since  time.Time
	closed bool
	subs   map[int]func(hw.State)
	nextID int
}

// NewIndicator returns a simulated light of wiring w. log receives one line per change
// (component=indicator); clock times the patterns that Light reports.
func NewIndicator(log *slog.Logger, w hw.Wiring, clock clock.Clock) *Indicator {
	return &Indicator{
		log:    log.With("component", "indicator", "wiring", w.String()),
		wiring: w,
		clock:  clock,
		subs:   map[int]func(hw.State){},
	}
}

// Show implements [hw.Indicator]. Subscribers are called after the change, from the calling
// goroutine, with no lock held.
func (i *Indicator) Show(s hw.State) error {
	i.mu.Lock()
	switch {
	case i.closed:
		i.mu.Unlock()
		return fmt.Errorf("show %v: %w", s, hw.ErrClosed)
	case !s.Valid():
		i.mu.Unlock()
		return fmt.Errorf("show %v: %w", s, hw.ErrUnknownState)
	case i.shown && s == i.state:
		i.mu.Unlock()
		return nil
	}
	i.state, i.shown, i.since = s, true, i.clock.Now()
	subs := make([]func(hw.State), 0, len(i.subs))
	for _, f := range i.subs {
		subs = append(subs, f)
	}
	i.mu.Unlock()

	i.log.Info("indicator changed", "state", s.String(), "look", hw.LookOf(i.wiring, s).String())
	for _, f := range subs {
		f(s)
	}
	return nil
}

// Close implements [hw.Indicator].
func (i *Indicator) Close() error {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.closed = true
	clear(i.subs)
	return nil
}

// Subscribe calls f with the current state (free before the first Show) and then with every
// change, until cancel is called. f runs on the goroutine calling Show and must not block; a
// Fyne UI hands the update to its own goroutine (fyne.Do).
func (i *Indicator) Subscribe(f func(hw.State)) (cancel func()) {
	i.mu.Lock()
	id := i.nextID
	i.nextID++
	i.subs[id] = f
	current := i.state
	i.mu.Unlock()
	f(current)
	return func() {
		i.mu.Lock()
		defer i.mu.Unlock()
		delete(i.subs, id)
	}
}

// State returns the state shown (free before the first Show).
func (i *Indicator) State() hw.State {
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.state
}

// Wiring returns the simulated wiring, so the UI can draw [hw.LookOf] for it.
func (i *Indicator) Wiring() hw.Wiring { return i.wiring }

// Light returns the colour the light shows now, patterns included.
func (i *Indicator) Light() hw.Colour {
	i.mu.Lock()
	defer i.mu.Unlock()
	if !i.shown || i.closed {
		return hw.Off
	}
	return hw.LookOf(i.wiring, i.state).At(i.clock.Now().Sub(i.since))
}

// Button is a simulated privacy button.
type Button struct {
	log   *slog.Logger
	clock clock.Clock

	mu      sync.Mutex
	deb     hw.Debouncer
	presses chan time.Time
	closed  bool
}

// NewButton returns a simulated button; log receives one line per press (component=button).
func NewButton(log *slog.Logger, clock clock.Clock) *Button {
	return &Button{
		log:     log.With("component", "button"),
		clock:   clock,
		deb:     hw.Debouncer{Settle: hw.DefaultDebounce},
		presses: make(chan time.Time, 8),
	}
}

// Presses implements [hw.Button].
func (b *Button) Presses() <-chan time.Time { return b.presses }

// Close implements [hw.Button].
func (b *Button) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.presses)
	}
	return nil
}

// Press is a click on the simulated button: the contact closes and opens.
func (b *Button) Press() {
	b.Contact(true)
	b.Contact(false)
}

// Contact closes or opens the simulated switch, debounced like the real one.
func (b *Button) Contact(closed bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	now := b.clock.Now()
	if !b.deb.Observe(closed, now) {
		return
	}
	b.log.Info("button pressed")
	select {
	case b.presses <- now:
	default:
	}
}

var (
	_ hw.Indicator = (*Indicator)(nil)
	_ hw.Button    = (*Button)(nil)
)
