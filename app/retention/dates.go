package retention

import "time"

// SessionDeletionDate returns the deletion date a session gets when requested is asked for and
// bound is the latest it may have: its engagement's date for a new session, its own current
// date for an existing one. A zero request inherits bound; an earlier one brings the date
// forward; a later one is refused with ErrDateExtended, because the interviewee was told the
// date and a record must never outlive it.
func SessionDeletionDate(bound, requested time.Time) (time.Time, error) {
	if bound.IsZero() {
		return time.Time{}, ErrNoDeletionDate
	}
	if requested.IsZero() {
		return bound, nil
	}
	if requested.After(bound) {
		return time.Time{}, ErrDateExtended
	}
	return requested, nil
}
