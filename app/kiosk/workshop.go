package kiosk

import (
	"context"
)

// Workshops keeps each board's afternoon workshop (app/workshop) as one document sealed to the
// board's key, beside the board's sealed work, and destroys it with the board.
type Workshops interface {
	// Workshop returns the sealed workshop: nil when none was started; session.ErrNotFound
	// when the engagement has no board here.
	Workshop(ctx context.Context, engagementID string) ([]byte, error)
	// SaveWorkshop stores the sealed workshop in place of the one before; session.ErrNotFound
	// when the engagement has no board here.
	SaveWorkshop(ctx context.Context, engagementID string, sealed []byte) error
}
