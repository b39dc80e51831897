package panel

// Stored is a recruitment as the store keeps it: sealed bytes, and in the clear only what the
// kiosk must branch on without a key, which says nothing of who scored whom, in what order or
// when. The kiosk turns it into a Recruitment with a member's key (app/kiosk).
type Stored struct {
	EngagementID string
	// PublicKey is the recruitment's age recipient: records are sealed to it.
	PublicKey string
	// SealedSetup is the sealed set-up: post, members, candidates, scale, questions.
	SealedSetup []byte
	// MemberKeys are the recruitment's private key sealed to each member, by interviewer id.
	MemberKeys map[string][]byte
	// Items are the sealed marks, notes, submissions, consents, confirmations and decision,
	// by their stored id: a keyed hash of the logical id that only a member's key computes.
	Items map[string][]byte
	// Frozen says the question set is fixed (the first interview started); Decided that the
	// decision is recorded. Neither says when.
	Frozen, Decided bool
	// Legacy is what a panel stored before records were kept as Items: the kiosk seals it
	// again as items the first time a member opens the panel, and the store deletes it then.
	Legacy Legacy
}

// Legacy holds a panel's records as they were stored before they were kept as Items: sealed
// records by their logical id ("mark|<member>|<candidate>|<question>"), and who submitted for
// which candidate, and when, in the clear.
type Legacy struct {
	Records     map[string][]byte
	Submissions Submissions
}

// Empty reports whether there is nothing left to convert.
func (l Legacy) Empty() bool { return len(l.Records) == 0 && len(l.Submissions) == 0 }
