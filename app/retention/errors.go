package retention

import "errors"

// Sentinel errors callers branch on.
var (
	// ErrLegalHold is returned when an engagement on legal hold would be wiped.
	ErrLegalHold = errors.New("the engagement is on legal hold: release the hold first (the release is logged)")
	// ErrNoReason is returned when a legal hold is placed without a written reason.
	ErrNoReason = errors.New("a legal hold needs a written reason: type why in the box, then place the hold")
	// ErrNoDeletionDate is returned when an engagement has no deletion date.
	ErrNoDeletionDate = errors.New("every engagement needs a deletion date: choose one")
	// ErrDateExtended is returned when a session's deletion date would move later than its
	// engagement's date or than the date it already has.
	ErrDateExtended = errors.New("a session's deletion date may only be brought forward, never extended")
	// ErrClockUnconfirmed is returned by ConfirmClock when there is nothing to confirm.
	ErrClockUnconfirmed = errors.New("the clock is not ahead of the time floor: nothing to confirm")
)
