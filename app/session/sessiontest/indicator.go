package sessiontest

import (
	"slices"
	"sync"

	"quietroom/app/session"
)

// Indicator is a fake session.Indicator that records every state shown.
type Indicator struct {
	mu     sync.Mutex
	states []session.RoomState
}

// Show records s.
func (i *Indicator) Show(s session.RoomState) {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.states = append(i.states, s)
}

// States returns every state shown, in order.
func (i *Indicator) States() []session.RoomState {
	i.mu.Lock()
	defer i.mu.Unlock()
	return slices.Clone(i.states)
}

// Last returns the state shown last; false when nothing was shown.
func (i *Indicator) Last() (session.RoomState, bool) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if len(i.states) == 0 {
		return 0, false
	}
	return i.states[len(i.states)-1], true
}
