package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Workshop returns the board's sealed workshop: nil when none was started;
// session.ErrNotFound when the engagement has no board on this kiosk.
func (d *DB) Workshop(ctx context.Context, engagementID string) ([]byte, error) {
	var sealed []byte
	err := d.db.QueryRowContext(ctx, `SELECT w.sealed FROM boards b LEFT JOIN board_workshops w
		ON w.engagement_id = b.engagement_id WHERE b.engagement_id = ?`, engagementID).Scan(&sealed)
	if err != nil {
		return nil, notFound(err, "board of "+engagementID)
	}
	return sealed, nil
}

// SaveWorkshop stores the board's sealed workshop, replacing the one before;
// session.ErrNotFound when the engagement has no board on this kiosk.
func (d *DB) SaveWorkshop(ctx context.Context, engagementID string, sealed []byte) error {
	if len(sealed) == 0 {
		return errors.New("save workshop: nothing sealed to store")
	}
	err := d.tx(ctx, func(t *sql.Tx) error {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT count(*) FROM boards WHERE engagement_id = ?`, engagementID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return notFound(sql.ErrNoRows, "board of "+engagementID)
		}
		_, err := t.ExecContext(ctx, `INSERT INTO board_workshops (engagement_id, sealed) VALUES (?, ?)
			ON CONFLICT (engagement_id) DO UPDATE SET sealed = excluded.sealed`, engagementID, sealed)
		return err
	})
	if err != nil {
		return fmt.Errorf("save workshop: %w", mapErr(err))
	}
	return nil
}
