package kiosk

import (
	"log/slog"
	"sync"

	"quietroom/app/session"
	"quietroom/hw"
	"quietroom/hw/room"
)

// Light drives the occupancy light for the engine and for the admin (maintenance, LED test).
// It implements session.Indicator: a hardware error is logged and remembered for the storage
// health screen, never returned to the interview.
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

// NewLight wraps an indicator.
func NewLight(ind hw.Indicator, log *slog.Logger) *Light {
	return &Light{ind: ind, log: log.With("component", "light")}
}

// lightOf is the indicator state of a room state, as the hardware layer maps it.
func lightOf(s session.RoomState) hw.State {
	st, _ := room.State(s) // an unknown room state shows as a fault
	return st
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

// setInterrupted records whether a session interrupted by a restart is waiting.
func (l *Light) setInterrupted(waiting bool) {
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
	return lightOf(l.room)
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

// Err returns the last hardware error, nil when the last change worked.
func (l *Light) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lastErr
}

func (l *Light) show(s hw.State) error {
	err := l.ind.Show(s)
	if err != nil && l.lastErr == nil {
		l.log.Warn("indicator failed", "state", s.String(), "err", err)
	}
	l.lastErr = err
	return err
}
