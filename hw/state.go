package hw

import (
	"errors"
	"fmt"
)

// State is what the occupancy indicator tells people outside the door.
type State uint8

// The indicator states. The zero value is Free.
const (
	Free        State = iota // nobody is being interviewed; the room may be used
	Occupied                 // an interview is in progress: do not knock
	EndingSoon               // the interview is in its last minutes
	Overtime                 // the planned time is over and the interview goes on
	Maintenance              // an admin is setting the device up or wiping records
	Fault                    // the kiosk needs attention (storage, clock or hardware problem)
)

// States lists every valid state in order, for tests and the wiring check.
func States() []State {
	return []State{Free, Occupied, EndingSoon, Overtime, Maintenance, Fault}
}

// Valid reports whether s is one of the defined states.
func (s State) Valid() bool { return s <= Fault }

func (s State) String() string {
	switch s {
	case Free:
		return "free"
	case Occupied:
		return "occupied"
	case EndingSoon:
		return "ending soon"
	case Overtime:
		return "overtime"
	case Maintenance:
		return "maintenance"
	case Fault:
		return "fault"
	}
	return fmt.Sprintf("State(%d)", uint8(s))
}

// ErrUnknownState is returned (wrapped) by [Indicator.Show] for a value that is not a defined
// [State]. The indicator keeps showing what it showed before.
var ErrUnknownState = errors.New("hw: unknown indicator state")

// ErrClosed is returned (wrapped) by a device used after its Close.
var ErrClosed = errors.New("hw: device closed")
