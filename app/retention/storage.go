package retention

import (
	"context"
	"time"

	"quietroom/app/session"
)

// ClockMark is trusted time as last recorded, with what can count the time since it after a
// restart, whatever the clock says then: how far the clock was behind it (a clock set back
// still ticks forward, through restarts of the program and, with a real-time clock, while the
// device is off) and the kernel's time since boot (a change of the date does not move it).
type ClockMark struct {
	Trusted time.Time     // trusted now when the mark was made
	Behind  time.Duration // how far the device clock was behind Trusted; 0 when it was not
	Boot    string        // the kernel's boot id; "" when unknown
	Uptime  time.Duration // the kernel's time since that boot, taken just after Trusted
}

// Forgotten is what Storage.ForgetDeleted did with the copies that deleted records leave
// behind.
type Forgotten struct {
	// JournalCleared: no copy of a deleted record is left in a journal the storage keeps
	// beside its data for crash recovery.
	JournalCleared bool
	// SpaceReturned: the space deleted records took was given back to the file system, so what
	// is left of them is no longer in the storage's files.
	SpaceReturned bool
	// UnitsReturned is how much was given back, in the storage's own units (database pages).
	UnitsReturned int64
}

// Storage is what retention needs from the store. app/store implements it; so does the fake in
// retention/retentiontest, and both pass retentiontest.Contract. Every method that changes
// data is durable when it returns and changes nothing when it returns an error. Times come
// back Equal to what was stored (to the nanosecond), in any location.
type Storage interface {
	// TimeFloor returns the persisted time floor, zero when none was ever set.
	TimeFloor(ctx context.Context) (time.Time, error)
	// ClockMark returns the last mark RecordTime stored, zero when none.
	ClockMark(ctx context.Context) (ClockMark, error)
	// RecordTime moves the floor to m.Trusted when that is later (it never moves the floor
	// back) and stores m as the clock mark, in one transaction. A zero m.Trusted changes nothing.
	// The floor and the mark survive everything, a wipe of all records included.
	RecordTime(ctx context.Context, m ClockMark) error

	// Engagement returns an engagement; session.ErrNotFound when there is none (or no longer).
	Engagement(ctx context.Context, id string) (session.Engagement, error)
	// SetLegalHold places (hold, with a reason: ErrNoReason without one) or releases (the
	// reason is cleared) a hold and appends ev to the audit log, in one transaction.
	// session.ErrNotFound for an unknown engagement.
	SetLegalHold(ctx context.Context, engagementID string, hold bool, reason string, ev AuditEvent) error
	// SetDeletionDate sets an engagement's date (ErrNoDeletionDate for a zero one) and brings
	// every session of it that is later forward to it, appending ev to the audit log, in one
	// transaction. Sessions with an earlier date keep theirs: a later engagement date never
	// extends a session. session.ErrNotFound for an unknown engagement.
	SetDeletionDate(ctx context.Context, engagementID string, date time.Time, ev AuditEvent) error
	// NextDeletion returns the earliest deletion date of a session not on hold (ok false: none).
	NextDeletion(ctx context.Context) (at time.Time, ok bool, err error)
	// AppendAudit appends ev to the audit log. An event without an Action is refused, here and
	// wherever an event is appended with a change (which is then not made either).
	AppendAudit(ctx context.Context, ev AuditEvent) error

	// Erase deletes what scope names in one transaction, so that the deleted records are not
	// readable in the storage (secure_delete on): session records with their sealed keys,
	// entries and consents (and for wipes decline counts and engagements; KindWipeAll also the
	// interviewers, credentials, wrong-PIN counts, settings, the audit log and older receipts,
	// but not the time floor and its clock mark), and stores rec, completed with what and how
	// much was deleted (SessionIDs sorted; EngagementIDs: the wiped engagements, or those the
	// sessions belonged to), as a pending receipt. It returns that receipt and the sealed keys
	// it deleted, so they can be looked for afterwards. rec.ID must not be in use by a receipt
	// that is kept. When nothing matches a purge it returns
	// a receipt with no sessions and writes nothing. session.ErrNotFound when a withdrawn
	// session or wiped engagement does not exist; ErrLegalHold for a wipe a hold forbids.
	Erase(ctx context.Context, scope Scope, rec Receipt) (Receipt, [][]byte, error)
	// ForgetDeleted removes the copies that deleted records may leave behind in the storage:
	// in a journal kept for crash recovery, and in free space that still holds their bytes.
	// It reports what it did, also when it returns an error.
	ForgetDeleted(ctx context.Context) (Forgotten, error)
	// RecordsRemaining counts the records that still carry any of the ids: sessions, their
	// entries and consents, engagements, their sessions and decline counts. Zero when the
	// deletion of them is complete.
	RecordsRemaining(ctx context.Context, sessionIDs, engagementIDs []string) (int, error)
	// Remnants reads every byte the storage keeps on disk and counts how many of markers occur
	// anywhere in them (an empty marker never does); scanned is how many bytes it read. It is
	// the check after a deletion: the sealed keys of destroyed sessions must be nowhere.
	Remnants(ctx context.Context, markers [][]byte) (found int, scanned int64, err error)
	// CompleteReceipt stores the how and the check's result of a receipt Erase wrote (the
	// fields from WALTruncated on); what was deleted stays as Erase wrote it.
	// session.ErrNotFound for an unknown receipt.
	CompleteReceipt(ctx context.Context, rec Receipt) error
	// PendingReceipts returns receipts whose finishing steps did not complete (a crash between
	// the deletion and the check), oldest first.
	PendingReceipts(ctx context.Context) ([]Receipt, error)
}
