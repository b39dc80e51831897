package retention

import "time"

// The records of what retention did: who (a role, never a name), why, what was destroyed
// (receipts) and every action of note (the audit log). None holds content.

// Role is who did something, as written in the audit log and the receipts. Never a name.
type Role string

const (
	RoleAdmin       Role = "admin"
	RoleInterviewer Role = "interviewer"
	RoleInterviewee Role = "interviewee"
	RoleSystem      Role = "system" // the scheduled purge
)

// Kind is why records were destroyed.
type Kind string

const (
	KindPurge          Kind = "purge"           // deletion date reached
	KindWithdrawal     Kind = "withdrawal"      // consent withdrawn
	KindWipeEngagement Kind = "wipe-engagement" // admin: follow-up visit done
	KindWipeAll        Kind = "wipe-all"        // admin: factory reset
)

// Outcome values of a receipt's check.
const (
	OutcomePending = "pending" // deleted; forgetting the copies and the check are still to be done
	OutcomePassed  = "passed"
	OutcomeFailed  = "failed"
)

// Scope says what Storage.Erase deletes.
type Scope struct {
	Kind Kind
	// DueAt (KindPurge): every session whose deletion date is at or before DueAt and whose
	// engagement is not on legal hold.
	DueAt time.Time
	// SessionID (KindWithdrawal): that session, hold or not (withdrawal is the interviewee's).
	SessionID string
	// EngagementID (KindWipeEngagement): the engagement and everything in it; ErrLegalHold if it
	// is on hold. KindWipeAll refuses with ErrLegalHold while any engagement is on hold.
	EngagementID string
	// FollowUpDate (KindWipeEngagement): the engagement's follow-up date, zero when it has
	// none; the receipt says whether the wipe came before, on or after it.
	FollowUpDate time.Time
}

// FollowUp is when a wipe came against its engagement's follow-up date.
type FollowUp string

const (
	FollowUpNone   FollowUp = "none"   // the engagement has no follow-up date
	FollowUpBefore FollowUp = "before" // wiped before the follow-up day
	FollowUpOn     FollowUp = "on"     // wiped on the follow-up day
	FollowUpAfter  FollowUp = "after"  // wiped after the follow-up day
)

// FollowUpAt says when at falls against the follow-up day followUp (the calendar day in
// followUp's location): before it, on it or after it; FollowUpNone when followUp is zero.
func FollowUpAt(at, followUp time.Time) FollowUp {
	if followUp.IsZero() {
		return FollowUpNone
	}
	y, m, d := followUp.Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, followUp.Location())
	switch {
	case at.Before(start):
		return FollowUpBefore
	case at.Before(start.AddDate(0, 0, 1)):
		return FollowUpOn
	}
	return FollowUpAfter
}

// Receipt is the record that something was destroyed: what, when, who (a role), how, and the
// result of the check afterwards. It holds no content, labels or names.
type Receipt struct {
	ID    string
	Kind  Kind
	Actor Role
	At    time.Time // trusted time of the deletion

	// What.
	EngagementIDs []string
	SessionIDs    []string
	Sessions      int
	Entries       int // notes, quotes, reflections, answers
	Consents      int
	Declines      int // decline counts removed (wipes only)
	// SurveyResponses are the survey responses destroyed with their engagement (at its
	// deletion date, or by a wipe), with the survey's sealed keys (counted in KeysDestroyed).
	SurveyResponses int
	// BoardRecords are the rows of team boards removed: items, interview records, members'
	// sealed board keys, import receipts, links to boards kept elsewhere and their outboxes.
	BoardRecords int
	// FollowUp (KindWipeEngagement) is when the wipe came against the engagement's follow-up
	// date: before it, on it, after it, or FollowUpNone. Empty for the other kinds, and for
	// wipes recorded before receipts said it.
	FollowUp FollowUp

	// How.
	KeysDestroyed  int   // sealed session keys (and survey keys) deleted
	RowsDeleted    int   // records (database rows) deleted, with secure_delete on
	SecureDelete   bool  // the deleted records are not readable in the storage
	WALTruncated   bool  // Forgotten.JournalCleared (SQLite: the WAL checkpointed and truncated)
	Reclaimed      bool  // Forgotten.SpaceReturned (SQLite: free pages returned)
	PagesReclaimed int64 // Forgotten.UnitsReturned (SQLite: pages)
	RowsRemaining  int   // Storage.RecordsRemaining with the deleted ids (want 0)
	BytesScanned   int64 // bytes Storage.Remnants read (SQLite: the database, WAL and shm files)
	KeysFound      int   // captured sealed keys Storage.Remnants found (want 0)
	Outcome        string
	CompletedAt    time.Time
}

// AuditEvent is one line of the audit log: ids, counts, times, a role and an outcome.
type AuditEvent struct {
	Seq          int64
	At           time.Time
	Actor        Role
	Action       string // e.g. "legal-hold.place", "clock.confirm", "engagement.create"
	EngagementID string
	SessionID    string
	Count        int
	Outcome      string // "ok", or a short reason code; never free text
}
