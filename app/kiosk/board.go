package kiosk

import (
	"context"
	"errors"
	"time"

	"quietroom/app/board"
	"quietroom/app/retention"
)

// Boards are the peer challenge teams' boards kept on this kiosk, and this kiosk's links to
// boards kept on another room's kiosk. Every content column is sealed to a board's key; the
// store never sees plaintext. Methods that take a retention.AuditEvent write it in the same
// transaction as the change.
type Boards interface {
	CreateBoard(ctx context.Context, engagementID, recipient string, members []board.Member, ev retention.AuditEvent) error
	// Board returns the board's public key and sealed work; session.ErrNotFound without one.
	Board(ctx context.Context, engagementID string) (recipient string, sealedWork []byte, err error)
	BoardMembers(ctx context.Context, engagementID string) ([]board.Member, error)
	SaveBoardMember(ctx context.Context, engagementID string, m board.Member, ev retention.AuditEvent) error
	// AddBoardRecords adds records, ignoring ids already there; ev's Count is set to the number added.
	AddBoardRecords(ctx context.Context, engagementID string, recs []board.Record, ev retention.AuditEvent) (int, error)
	BoardRecords(ctx context.Context, engagementID string) ([]board.Record, error)
	RemoveBoardRecord(ctx context.Context, engagementID, id string, sealedWork []byte, ev retention.AuditEvent) error
	SaveBoardWork(ctx context.Context, engagementID string, sealed []byte) error
	// AddPendingBundle keeps a checked bundle until a member accepts or refuses it; one
	// imported before is board.ErrDuplicateBundle, one refused before board.ErrRefusedBundle.
	AddPendingBundle(ctx context.Context, engagementID, bundleID string, raw []byte, ev retention.AuditEvent) error
	PendingBundles(ctx context.Context, engagementID string) ([]board.Waiting, error)
	// RoomPins returns each room's pinned verifying key by room name.
	RoomPins(ctx context.Context, engagementID string) (map[string][]byte, error)
	// AcceptBundle stores a waiting bundle's records and receipt whole, or nothing, pinning the
	// room's key at its first; another key than the pinned one is board.ErrRoomKeyChanged.
	AcceptBundle(ctx context.Context, engagementID string, imp board.Import, roomKey []byte, recs []board.Record, ev retention.AuditEvent) (board.Import, error)
	RefuseBundle(ctx context.Context, engagementID, bundleID string, ev retention.AuditEvent) error
	BoardImports(ctx context.Context, engagementID string) ([]board.Import, error)
	// LinkBoard keeps a board's public part for a local engagement (with dropOutbox, the
	// contributions waiting for the board it replaces go); BoardLink returns it
	// (session.ErrNotFound without one).
	LinkBoard(ctx context.Context, engagementID string, public []byte, deletion time.Time, dropOutbox bool, ev retention.AuditEvent) error
	BoardLink(ctx context.Context, engagementID string) ([]byte, time.Time, error)
	AddOutbox(ctx context.Context, engagementID string, recs []board.Record, deletion time.Time, ev retention.AuditEvent) (int, error)
	Outbox(ctx context.Context, engagementID string) ([]board.Record, error)
}

// Errors of the board's use cases.

// ErrNotOnTeam: the interviewer is not on the engagement's team.
var ErrNotOnTeam = errors.New("you are not on this engagement's team: ask the coordinator")

// TeamMember is a member of a board's team as lists show them.
type TeamMember struct {
	ID, Name string
	Waiting  bool // not let in yet
}
