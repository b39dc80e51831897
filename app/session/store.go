package session

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned by a Store when the asked-for record does not exist (or no longer does).
var ErrNotFound = errors.New("not found")

// State is where a session is in its life. See the engine for the legal moves.
type State string

const (
	StateSetup     State = "setup"
	StatePreamble  State = "preamble"
	StateConsent   State = "consent"
	StateQuestions State = "questions"
	StateClosing   State = "closing"
	StateWriteUp   State = "write-up"
	StateSealed    State = "sealed"
	StateDeclined  State = "declined"  // consent refused: nothing is kept but a count
	StateWithdrawn State = "withdrawn" // consent withdrawn: the session is destroyed at once
)

// Engagement is a piece of work the room hosts: "360 interviews, cohort 3", "Peer challenge, host
// authority", "Recruitment: Band 6 nurse". Its deletion date bounds every session in it.
type Engagement struct {
	ID    string
	Title string // no person's name; shown to interviewers and admins
	// DeletionDate is the day every record of the engagement is destroyed (typically the
	// follow-up visit): records are purged once trusted time reaches the start of this day.
	DeletionDate time.Time
	// Kind is what the engagement is; it suggests its dates. Empty for other work.
	Kind EngagementKind
	// VisitDate is the first day of a peer challenge's on-site visit; zero otherwise.
	VisitDate time.Time
	// FollowUpDate is the follow-up visit (peer challenge) or discussion (360 programme) after
	// which every record goes: the deletion date is proposed from it. Zero when there is none.
	FollowUpDate time.Time
	// StakeholderGroups are the interviewee labels interviewers pick from ("foster carers").
	StakeholderGroups []string
	LegalHold         bool
	HoldReason        string
	Closed            bool
	CreatedAt         time.Time
}

// Record is a session as persisted. Everything a person said, wrote or chose in free text is in
// a Sealed field, encrypted with the session's data key before it reaches the Store; the Store
// never sees plaintext content.
type Record struct {
	ID            string
	EngagementID  string
	InterviewerID string
	PackID        string
	PackVersion   int
	PackHash      string
	TopicIDs      []string // the chosen topics, in the order they are asked
	SealedLabel   []byte   // the interviewee label (stakeholder group or candidate number)
	// SealedParticipants is how many people took part (one digit, "1" for a one-to-one),
	// sealed once consent is given; nil in a record from before it was kept, which counts 1.
	SealedParticipants []byte
	State              State
	Progress           Progress
	Timer              TimerState
	// DeletionDate is the engagement's date or earlier, never later.
	DeletionDate time.Time
	// SealedKey is the session's data key sealed to its interviewer's public key.
	SealedKey []byte
	CreatedAt time.Time
	UpdatedAt time.Time
}

// EntryKind says what an Entry holds.
type EntryKind string

const (
	EntryNote       EntryKind = "note"       // the interviewer's notes on a topic
	EntryQuote      EntryKind = "quote"      // a key quote, never attributed
	EntryReflection EntryKind = "reflection" // write-up: what was said, what you felt, reflections
	EntryAnswer     EntryKind = "answer"     // a scale rating or a panel score
	EntryClosing    EntryKind = "closing"    // the answer to the catch-all question
)

// Tag is the roses / thorns / buds marking of an entry.
type Tag string

const (
	TagNone  Tag = ""
	TagRose  Tag = "rose"  // a strength or bright spot
	TagThorn Tag = "thorn" // a pain point or challenge
	TagBud   Tag = "bud"   // an opportunity for change
)

// Entry is one piece of a session's content.
type Entry struct {
	ID        string
	SessionID string
	TopicID   string // empty when the entry is not about one topic
	Kind      EntryKind
	Tag       Tag
	Sealed    []byte // the body (text, or the number for an answer), sealed with the session key
	CreatedAt time.Time
	UpdatedAt time.Time
}

// ConsentRecord is what the interviewee chose, against which exact wording.
type ConsentRecord struct {
	SessionID       string
	PackHash        string
	Choices         map[string]bool // consent point id → agreed
	SealedSignature []byte          // optional finger-drawn signature or initials
	GivenAt         time.Time
}

// Store persists sessions. Every method that changes data is durable when it returns without
// error, and changes nothing when it returns an error. Implementations: the SQLite store in
// app/store and the in-memory fake in sessiontest; both pass sessiontest.StoreContract.
type Store interface {
	Engagement(ctx context.Context, id string) (Engagement, error)

	CreateSession(ctx context.Context, r Record) error
	UpdateSession(ctx context.Context, r Record) error
	Session(ctx context.Context, id string) (Record, error)

	// PutEntry inserts the entry or replaces the one with the same id.
	PutEntry(ctx context.Context, e Entry) error
	DeleteEntry(ctx context.Context, sessionID, entryID string) error
	// Entries returns a session's entries in the order they were created.
	Entries(ctx context.Context, sessionID string) ([]Entry, error)

	PutConsent(ctx context.Context, c ConsentRecord) error
	Consent(ctx context.Context, sessionID string) (ConsentRecord, error)

	// CountDecline records that someone declined consent in the engagement; nothing else of that
	// session is kept.
	CountDecline(ctx context.Context, engagementID string) error
}

// Eraser destroys a session at once (consent withdrawn): its sealed key and every row, with a
// deletion receipt. The retention package implements it.
type Eraser interface {
	DestroySession(ctx context.Context, sessionID string) error
}
