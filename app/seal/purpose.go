package seal

import "fmt"

// Purpose says what a sealed thing is for. It is written inside what is sealed, under the
// encryption, and checked on opening: bytes sealed for one purpose do not open for another.
//
// There are three families. Group key purposes (PurposeBoardKey, PurposePanelKey,
// PurposeSurveyKey) name the private key of a group's key pair, sealed to each member
// (NewKey, Key.SealFor, OpenKey). Record purposes name what is sealed to a group's public key
// (SealRecord, Key.Open); each belongs to one group key purpose, and only a key of that
// purpose opens it. PurposeSessionKey names an interview session's data key, sealed to its
// interviewer (SealSecret, OpenSecret).
type Purpose uint8

// The purposes. Their numbers are not stored anywhere; only their labels are.
const (
	purposeNone Purpose = iota
	// PurposeBoardKey is a peer challenge team board's key, sealed to each team member.
	PurposeBoardKey
	// PurposePanelKey is a recruitment panel's key, sealed to each panel member.
	PurposePanelKey
	// PurposeSurveyKey is a staff survey's key, sealed to each member of its review team.
	PurposeSurveyKey
	// PurposeSessionKey is an interview session's data key, sealed to its interviewer.
	PurposeSessionKey
	// PurposeBoardItem is a board item (a rose, a thorn or a bud), sealed to the board.
	PurposeBoardItem
	// PurposeBoardInterview is a board's record of one interview (group and question set).
	PurposeBoardInterview
	// PurposeBoardWork is a board team's day-2 work (themes, insights, aim).
	PurposeBoardWork
	// PurposeBoardBundle is the body of a bundle that travels to the board from another room.
	PurposeBoardBundle
	// PurposePanelRecord is a panel's record: its set-up, a member's score sheet, its decision.
	PurposePanelRecord
	// PurposeSurveyResponse is one person's answers to a staff survey.
	PurposeSurveyResponse
	purposeEnd
)

type family uint8

const (
	groupKey family = iota + 1
	record
	secretFamily
)

// purposeInfo is what the format knows of a purpose.
type purposeInfo struct {
	name   string
	label  string // written into what is sealed; never change one, add a purpose instead
	family family
	owner  Purpose // for a record: the group key purpose whose key opens it
	max    int     // largest plaintext, header included
	legacy legacyFormat
}

const (
	maxKeyPayload    = 4096
	maxBoardRecord   = 64 << 10
	maxBoardBundle   = 32 << 20
	maxGroupRecord   = 1 << 20
	maxScopeOrRecord = 1024
)

var purposes = [purposeEnd]purposeInfo{
	PurposeBoardKey:       {"board key", "quietroom board key", groupKey, 0, maxKeyPayload, legacyKey},
	PurposePanelKey:       {"panel key", "quietroom panel key", groupKey, 0, maxKeyPayload, legacyKey},
	PurposeSurveyKey:      {"survey key", "quietroom survey key", groupKey, 0, maxKeyPayload, legacyKey},
	PurposeSessionKey:     {"session key", "quietroom session key", secretFamily, 0, maxKeyPayload, legacyKey},
	PurposeBoardItem:      {"board item", "quietroom board item", record, PurposeBoardKey, maxBoardRecord, legacyBoardRecord},
	PurposeBoardInterview: {"board interview", "quietroom board interview", record, PurposeBoardKey, maxBoardRecord, legacyBoardRecord},
	PurposeBoardWork:      {"board work", "quietroom board work", record, PurposeBoardKey, maxBoardRecord, legacyBoardRecord},
	PurposeBoardBundle:    {"board bundle", "quietroom board bundle", record, PurposeBoardKey, maxBoardBundle, legacyBundle},
	PurposePanelRecord:    {"panel record", "quietroom panel record", record, PurposePanelKey, maxGroupRecord, legacyGroupRecord},
	PurposeSurveyResponse: {"survey response", "quietroom survey response", record, PurposeSurveyKey, maxGroupRecord, legacyGroupRecord},
}

// Purposes lists every purpose, for tests that try each against each.
func Purposes() []Purpose {
	out := make([]Purpose, 0, purposeEnd-1)
	for p := purposeNone + 1; p < purposeEnd; p++ {
		out = append(out, p)
	}
	return out
}

func (p Purpose) info() (purposeInfo, bool) {
	if p <= purposeNone || p >= purposeEnd {
		return purposeInfo{}, false
	}
	return purposes[p], true
}

// String names the purpose for people and logs ("board key").
func (p Purpose) String() string {
	if i, ok := p.info(); ok {
		return i.name
	}
	return fmt.Sprintf("purpose(%d)", uint8(p))
}

// IsGroupKey reports whether p names a group's key (board, panel or survey).
func (p Purpose) IsGroupKey() bool { i, ok := p.info(); return ok && i.family == groupKey }

// IsRecord reports whether p names a record sealed to a group.
func (p Purpose) IsRecord() bool { i, ok := p.info(); return ok && i.family == record }

// KeyPurpose returns the group key purpose whose key opens records of purpose p, or false
// when p is not a record purpose.
func (p Purpose) KeyPurpose() (Purpose, bool) {
	i, ok := p.info()
	if !ok || i.family != record {
		return purposeNone, false
	}
	return i.owner, true
}

// want returns p's info when p belongs to the family f, and ErrWrongPurpose otherwise.
func (p Purpose) want(f family) (purposeInfo, error) {
	i, ok := p.info()
	if !ok || i.family != f {
		return purposeInfo{}, fmt.Errorf("%w: %s", ErrWrongPurpose, p)
	}
	return i, nil
}
