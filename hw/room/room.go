package room

import (
	"fmt"

	"quietroom/app/session"
	"quietroom/hw"
)

// State maps a room state to the indicator state that shows it. An unknown room state (a bug)
// maps to [hw.Fault], with ok false.
func State(s session.RoomState) (state hw.State, ok bool) {
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

// Indicator adapts an [hw.Indicator] to session.Indicator.
type Indicator struct {
	ind    hw.Indicator
	report func(error)
}

// New adapts ind. session.Indicator's Show cannot fail, so errors from ind go to report (nil
// drops them); in the kiosk ind is a degraded.Indicator, which has already logged and reported
// hardware faults and returns none.
func New(ind hw.Indicator, report func(error)) *Indicator {
	if report == nil {
		report = func(error) {}
	}
	return &Indicator{ind: ind, report: report}
}

// Show implements session.Indicator.
func (r *Indicator) Show(s session.RoomState) {
	state, ok := State(s)
	if !ok {
		r.report(fmt.Errorf("room state %d has no indicator state; showing fault", int(s)))
	}
	if err := r.ind.Show(state); err != nil {
		r.report(fmt.Errorf("show room %v: %w", s, err))
	}
}

var _ session.Indicator = (*Indicator)(nil)
