package panel

import "time"

// Stored is a recruitment as the store keeps it: sealed bytes and what the kiosk needs in the
// clear to keep the order of things without a key. The kiosk turns it into a Recruitment with
// a member's key (app/kiosk).
type Stored struct {
	EngagementID string
	// PublicKey is the recruitment's age recipient: records are sealed to it.
	PublicKey string
	// SealedSetup is the sealed set-up: post, members, candidates, scale, questions.
	SealedSetup []byte
	// MemberKeys are the recruitment's private key sealed to each member, by interviewer id.
	MemberKeys map[string][]byte
	// Records are the sealed marks, notes, confirmations and decision, by record id.
	Records map[string][]byte
	// Submissions say who submitted for which candidate, and when.
	Submissions Submissions
	FrozenAt    time.Time
	DecidedAt   time.Time
	CreatedAt   time.Time
}
