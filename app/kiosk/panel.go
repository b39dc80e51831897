package kiosk

import (
	"context"

	"quietroom/app/panel"
	"quietroom/app/retention"
)

// Panels are the recruitment panels' records (app/panel): each sealed to its recruitment's
// own key as an item under a keyed hash of its logical id, with nothing in the clear that
// says who scored whom, in what order or when. The SQLite store implements it.
type Panels interface {
	// CreatePanel stores a new panel with its member keys and appends ev, in one transaction.
	CreatePanel(ctx context.Context, p panel.Stored, ev retention.AuditEvent) error
	// Panel returns a panel with every sealed item (and its legacy records until they are
	// converted); session.ErrNotFound when there is none.
	Panel(ctx context.Context, engagementID string) (panel.Stored, error)
	// PanelsOf lists the engagement ids of the panels an interviewer is on.
	PanelsOf(ctx context.Context, interviewerID string) ([]string, error)
	// SavePanelSetup replaces the sealed set-up; frozen once stored is kept.
	SavePanelSetup(ctx context.Context, engagementID string, sealed []byte, frozen bool) error
	// PutPanelItem inserts or replaces one sealed item; durable when it returns.
	PutPanelItem(ctx context.Context, engagementID, itemID string, sealed []byte) error
	// SubmitPanelSheet stores a member's sealed submission for a candidate under its item id
	// (panel.ErrSubmitted when that id is stored already).
	SubmitPanelSheet(ctx context.Context, engagementID, itemID string, sealed []byte) error
	// DecidePanel stores the sealed decision and appends ev, in one transaction
	// (panel.ErrDecided twice).
	DecidePanel(ctx context.Context, engagementID, itemID string, sealed []byte, ev retention.AuditEvent) error
	// AddPanelItems stores the items whose ids are not stored yet, in the order of their ids,
	// in one transaction.
	AddPanelItems(ctx context.Context, engagementID string, items map[string][]byte) error
	// ConvertPanel stores the items sealed from a panel's legacy records and deletes those,
	// in one transaction.
	ConvertPanel(ctx context.Context, engagementID string, items map[string][]byte) error
	// LetInPanelMember stores the recruitment's key sealed to a member waiting to be let in
	// again (an empty key in MemberKeys) and appends ev, in one transaction.
	LetInPanelMember(ctx context.Context, engagementID, interviewerID string, sealed []byte, ev retention.AuditEvent) error
}
