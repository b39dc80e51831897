package roomlight

import (
	"log/slog"
	"sync"

	"quietroom/app/session"
	"quietroom/hw"
)

// Light drives the occupancy light for the engine and for the admin (maintenance, LED test).
// It implements session.Indicator: a hardware error is remembered for the storage health
// screen, never returned to the interview. It is safe for concurrent use.
type Light struct {
	ind hw.Indicator
	log *slog.Logger

	mu   sync.Mutex
	room session.RoomState
	hold bool // an admin task shows maintenance; the room state waits
	// interrupted: a session left live by a restart waits for its interviewer, so the room is
	// in use although the engine, which has no session, reports it free.
	interrupted bool
	lastErr     error
}

var _ session.Indicator = (*Light)(nil)

// Faulty is an indicator that rides through hardware faults itself (hw/retrying's): its Show
// does not fail for them, and Fault says what is wrong now, nil when it works.
type Faulty interface {
	Fault() error
}

// New wraps an indicator; log (nil: discard) hears the failures of ind's Show.
func New(ind hw.Indicator, log *slog.Logger) *Light {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Light{ind: ind, log: log.With("component", "light")}
}

// StateOf maps a room state to the indicator state that shows it. An unknown room state (a bug)
// maps to [hw.Fault], with ok false.
func StateOf(s session.RoomState) (state hw.State, ok bool) {
	switch s {
	case session.RoomFree:
		return hw.Free, true
	case session.RoomOccupied:
		return hw.Occupied, true
	case session.RoomEndingSoon:
		return hw.EndingSoon, true
	case session.RoomOvertime:
		return hw.Overtime, true
	}
	return hw.Fault, false
}

// Show implements session.Indicator.
func (l *Light) Show(s session.RoomState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.room = s
	if s != session.RoomFree {
		l.interrupted = false // the engine runs a session: it is in charge again
	}
	if !l.hold {
		l.show(l.roomLight())
	}
}

// SetInterrupted records whether a session interrupted by a restart is waiting: the room then
// shows occupied while the engine, which has no session, reports it free.
func (l *Light) SetInterrupted(waiting bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.interrupted = waiting
	if !l.hold {
		l.show(l.roomLight())
	}
}

// roomLight is what the room state shows; callers hold mu.
func (l *Light) roomLight() hw.State {
	if l.room == session.RoomFree && l.interrupted {
		return hw.Occupied
	}
	st, _ := StateOf(l.room) // an unknown room state shows as a fault
	return st
}

// Maintenance shows the maintenance state until the returned function is called, which goes
// back to the room state.
func (l *Light) Maintenance() (done func()) {
	l.mu.Lock()
	l.hold = true
	l.show(hw.Maintenance)
	l.mu.Unlock()
	return func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.hold = false
		l.show(l.roomLight())
	}
}

// Test shows one state for the LED test of the setup wizard; Restore goes back.
func (l *Light) Test(s hw.State) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.hold = true
	return l.show(s)
}

// Restore ends a Test and shows the room state again.
func (l *Light) Restore() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.hold = false
	l.show(l.roomLight())
}

// Err returns the light's hardware fault: the last change's error, or else what a [Faulty]
// indicator reports; nil when the light works.
func (l *Light) Err() error {
	l.mu.Lock()
	err := l.lastErr
	l.mu.Unlock()
	if f, ok := l.ind.(Faulty); ok && err == nil {
		return f.Fault()
	}
	return err
}

func (l *Light) show(s hw.State) error {
	err := l.ind.Show(s)
	if err != nil && l.lastErr == nil {
		l.log.Warn("indicator failed", "state", s.String(), "err", err)
	}
	l.lastErr = err
	return err
}
