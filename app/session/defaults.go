package session

import (
	"time"

	"quietroom/app/protocol"
)

// The rules for a session's length live in protocol, beside the packs that plan it, so that
// every pack that passes its check can start: the engine, the set-up screen and the pack check
// read the same numbers.
const (
	// DefaultDuration is a session's planned length when its pack names none.
	DefaultDuration = 30 * time.Minute
	// MinDuration is the shortest planned session.
	MinDuration = protocol.MinDurationMinutes * time.Minute
	// MaxDuration is the longest planned session.
	MaxDuration = protocol.MaxDurationMinutes * time.Minute
	// DurationStep is how much the set-up screen's shorter and longer buttons change it.
	DurationStep = 5 * time.Minute
)

// DefaultRetentionDays is how far ahead a new engagement's deletion date is proposed when its
// kind has no follow-up to follow (a recruitment panel, other work): four weeks, a date the
// admin confirms or moves on the form. An engagement with a follow-up is deleted the day after
// it (ProposedDeletion), never at this default.
const DefaultRetentionDays = 28

// DefaultDeletionDate is the deletion date proposed for an engagement created at now: the start
// of the day DefaultRetentionDays later, in now's time zone.
func DefaultDeletionDate(now time.Time) time.Time {
	y, m, d := now.AddDate(0, 0, DefaultRetentionDays).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, now.Location())
}
