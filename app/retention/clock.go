package retention

import (
	"fmt"
	"time"
)

// ClockState is what retention thinks of the device clock.
type ClockState string

const (
	// ClockOK: the clock is at or after the time floor and not implausibly far ahead of it.
	ClockOK ClockState = "ok"
	// ClockBehind: the clock is behind the time floor (a Pi without a real-time clock booted with
	// an old time, or someone set it back). Deletions follow the floor, moved on by the time
	// counted since it was recorded, never the clock.
	ClockBehind ClockState = "behind"
	// ClockAhead: the clock is more than Options.MaxAhead ahead of the floor. Deletions and the
	// floor follow the floor until an admin confirms the date.
	ClockAhead ClockState = "ahead"
)

// Status is what the admin screen and `quietroom status` show about time and deletions.
type Status struct {
	Clock   time.Time // the device clock
	Trusted time.Time // trusted now: what deletions are measured against
	Floor   time.Time // the persisted time floor
	State   ClockState
	// Message is a plain sentence for the admin.
	Message string
	// NextDeletion is the earliest deletion date of a session not on legal hold.
	NextDeletion    time.Time
	HasNextDeletion bool
}

func (s Status) message(maxAhead time.Duration) string {
	const layout = "2 Jan 2006 15:04 MST"
	switch s.State {
	case ClockBehind:
		return fmt.Sprintf("The clock looks wrong: it says %s, earlier than the last trusted time %s. Confirm the date: set the device's date and time. Meanwhile deletions keep time while the device is on, but time it spends switched off may not be counted.",
			s.Clock.Format(layout), s.Trusted.Format(layout))
	case ClockAhead:
		return fmt.Sprintf("The clock looks wrong: it says %s, more than %d days after the last trusted time %s. Confirm the date (admin, clock check) before deletions follow it.",
			s.Clock.Format(layout), int(maxAhead.Hours()/24), s.Trusted.Format(layout))
	}
	return "The clock looks right."
}
