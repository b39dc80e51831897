package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"quietroom/app/panel"
	"quietroom/app/retention"
	"quietroom/app/session"
)

// ErrPanelExists: the engagement already has a recruitment panel.
var ErrPanelExists = errors.New("this recruitment already has its panel")

// CreatePanel stores a new recruitment panel with its member keys and appends ev, in one
// transaction. The engagement must exist.
func (d *DB) CreatePanel(ctx context.Context, p panel.Stored, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT count(*) FROM panel_recruitments WHERE engagement_id = ?`, p.EngagementID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrPanelExists
		}
		if _, err := t.ExecContext(ctx, `INSERT INTO panel_recruitments (engagement_id, public_key, sealed_setup) VALUES (?,?,?)`,
			p.EngagementID, p.PublicKey, p.SealedSetup); err != nil {
			return err
		}
		for id, k := range p.MemberKeys {
			if _, err := t.ExecContext(ctx, `INSERT INTO panel_member_keys (engagement_id, interviewer_id, sealed_key) VALUES (?,?,?)`,
				p.EngagementID, id, k); err != nil {
				return err
			}
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("create panel %s: %w", p.EngagementID, err)
	}
	return nil
}

// Panel returns a recruitment panel with every sealed item, and what it stored before items
// (Legacy) until the kiosk converts it; session.ErrNotFound when the engagement has none.
func (d *DB) Panel(ctx context.Context, engagementID string) (panel.Stored, error) {
	p := panel.Stored{EngagementID: engagementID, MemberKeys: map[string][]byte{}, Items: map[string][]byte{},
		Legacy: panel.Legacy{Records: map[string][]byte{}}}
	err := d.db.QueryRowContext(ctx, `SELECT public_key, sealed_setup, frozen, decided
		FROM panel_recruitments WHERE engagement_id = ?`, engagementID).Scan(&p.PublicKey, &p.SealedSetup, &p.Frozen, &p.Decided)
	if errors.Is(err, sql.ErrNoRows) {
		return panel.Stored{}, fmt.Errorf("panel %s: %w", engagementID, session.ErrNotFound)
	}
	if err != nil {
		return panel.Stored{}, fmt.Errorf("read panel %s: %w", engagementID, err)
	}
	read := func(q string, each func(*sql.Rows) error) error {
		rows, err := d.db.QueryContext(ctx, q, engagementID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := each(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	byID := func(m map[string][]byte) func(*sql.Rows) error {
		return func(r *sql.Rows) error {
			var id string
			var b []byte
			err := r.Scan(&id, &b)
			m[id] = b
			return err
		}
	}
	err = errors.Join(
		read(`SELECT interviewer_id, sealed_key FROM panel_member_keys WHERE engagement_id = ?`, byID(p.MemberKeys)),
		read(`SELECT item_id, sealed FROM panel_items WHERE engagement_id = ?`, byID(p.Items)),
		read(`SELECT record_id, sealed FROM panel_records WHERE engagement_id = ?`, byID(p.Legacy.Records)),
		read(`SELECT candidate, interviewer_id, submitted_at FROM panel_submissions WHERE engagement_id = ? ORDER BY submitted_at`, func(r *sql.Rows) error {
			var s panel.Submission
			var at int64
			err := r.Scan(&s.Candidate, &s.MemberID, &at)
			s.At = time.Unix(0, at).UTC()
			p.Legacy.Submissions = append(p.Legacy.Submissions, s)
			return err
		}),
	)
	if err != nil {
		return panel.Stored{}, fmt.Errorf("read panel %s: %w", engagementID, err)
	}
	return p, nil
}

// PanelsOf lists the engagement ids of the panels an interviewer is a member of, in the order
// of their engagements.
func (d *DB) PanelsOf(ctx context.Context, interviewerID string) ([]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT k.engagement_id FROM panel_member_keys k
		JOIN engagements e ON e.id = k.engagement_id
		WHERE k.interviewer_id = ? ORDER BY e.created_at, e.id`, interviewerID)
	if err != nil {
		return nil, fmt.Errorf("list panels: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("list panels: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// panelWritten empties the WAL after a panel's write: its frames, in the order written,
// would tell which item changed when. A checkpoint that fails now is not the person's error:
// the clock mark (RecordTime) retries every minute.
func (d *DB) panelWritten(ctx context.Context) { _ = d.truncateWAL(ctx) }

// SavePanelSetup replaces the sealed set-up; frozen, once set, is kept (a later call cannot
// unfreeze the question set).
func (d *DB) SavePanelSetup(ctx context.Context, engagementID string, sealed []byte, frozen bool) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		return mustAffect(t.ExecContext(ctx, `UPDATE panel_recruitments SET sealed_setup = ?,
			frozen = max(frozen, ?) WHERE engagement_id = ?`, sealed, frozen, engagementID))
	})
	if err != nil {
		return fmt.Errorf("save panel %s: %w", engagementID, err)
	}
	d.panelWritten(ctx)
	return nil
}

// PutPanelItem inserts or replaces one sealed item of a panel. It is durable when it returns.
func (d *DB) PutPanelItem(ctx context.Context, engagementID, itemID string, sealed []byte) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		_, err := t.ExecContext(ctx, `INSERT INTO panel_items (engagement_id, item_id, sealed) VALUES (?,?,?)
			ON CONFLICT (engagement_id, item_id) DO UPDATE SET sealed = excluded.sealed`,
			engagementID, itemID, sealed)
		return err
	})
	if err != nil {
		return fmt.Errorf("save panel item %s: %w", engagementID, err)
	}
	d.panelWritten(ctx)
	return nil
}

// SubmitPanelSheet stores the sealed item saying that a member submitted their sheet for a
// candidate, under the id the kiosk derives from both. A second submission (an item of that
// id already stored) is refused (panel.ErrSubmitted).
func (d *DB) SubmitPanelSheet(ctx context.Context, engagementID, itemID string, sealed []byte) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT count(*) FROM panel_items WHERE engagement_id = ? AND item_id = ?`,
			engagementID, itemID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return panel.ErrSubmitted
		}
		_, err := t.ExecContext(ctx, `INSERT INTO panel_items (engagement_id, item_id, sealed) VALUES (?,?,?)`,
			engagementID, itemID, sealed)
		return err
	})
	if err != nil {
		return fmt.Errorf("submit panel sheet %s: %w", engagementID, err)
	}
	d.panelWritten(ctx)
	return nil
}

// DecidePanel stores the sealed decision as an item and marks the panel decided, with ev, in
// one transaction. A second decision is refused (panel.ErrDecided).
func (d *DB) DecidePanel(ctx context.Context, engagementID, itemID string, sealed []byte, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if err := mustAffect(t.ExecContext(ctx, `UPDATE panel_recruitments SET decided = 1
			WHERE engagement_id = ? AND decided = 0`, engagementID)); err != nil {
			if errors.Is(err, session.ErrNotFound) {
				return panel.ErrDecided
			}
			return err
		}
		if _, err := t.ExecContext(ctx, `INSERT INTO panel_items (engagement_id, item_id, sealed) VALUES (?,?,?)`,
			engagementID, itemID, sealed); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("decide panel %s: %w", engagementID, err)
	}
	d.panelWritten(ctx)
	return nil
}

// AddPanelItems stores items that are not stored yet (an id already stored keeps its item),
// in the order of their ids, in one transaction: the kiosk's placeholders for every record a
// candidate's interview can bring, written when it starts, so that where an item lies in the
// file is fixed then, in the order of ids, not of who wrote what when (a later item of the
// same size overwrites it in place).
func (d *DB) AddPanelItems(ctx context.Context, engagementID string, items map[string][]byte) error {
	err := d.tx(ctx, func(t *sql.Tx) error { return addPanelItems(ctx, t, engagementID, items) })
	if err != nil {
		return fmt.Errorf("save panel items %s: %w", engagementID, err)
	}
	d.panelWritten(ctx)
	return nil
}

func addPanelItems(ctx context.Context, t *sql.Tx, engagementID string, items map[string][]byte) error {
	ids := make([]string, 0, len(items))
	for id := range items {
		ids = append(ids, id)
	}
	slices.Sort(ids) // in the order of the ids, not of the map or the records
	for _, id := range ids {
		if _, err := t.ExecContext(ctx, `INSERT INTO panel_items (engagement_id, item_id, sealed) VALUES (?,?,?)
			ON CONFLICT (engagement_id, item_id) DO NOTHING`, engagementID, id, items[id]); err != nil {
			return err
		}
	}
	return nil
}

// ConvertPanel stores the items the kiosk sealed from a panel's legacy records and
// submissions (panel.Legacy) and deletes those, with secure_delete, in one transaction; then
// it empties the WAL. An item of an id already stored is kept as it is.
func (d *DB) ConvertPanel(ctx context.Context, engagementID string, items map[string][]byte) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if err := addPanelItems(ctx, t, engagementID, items); err != nil {
			return err
		}
		for _, table := range []string{"panel_records", "panel_submissions"} {
			if _, err := t.ExecContext(ctx, `DELETE FROM `+table+` WHERE engagement_id = ?`, engagementID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("convert panel %s: %w", engagementID, err)
	}
	d.panelWritten(ctx)
	return nil
}

// erasePanels deletes the panels scope names, inside Erase's transaction: for a purge those
// whose engagement's deletion date is due and not on hold; for a wipe the engagement's (or
// all). It returns the sealed member keys it deleted (to look for afterwards), the engagement
// ids and the rows deleted.
func erasePanels(ctx context.Context, t *sql.Tx, scope retention.Scope) (keys [][]byte, engs []string, rows int, err error) {
	var where string
	var args []any
	switch scope.Kind {
	case retention.KindPurge:
		where, args = `e.deletion_at <= ? AND e.legal_hold = 0`, []any{scope.DueAt.UnixNano()}
	case retention.KindWipeEngagement:
		where, args = `e.id = ?`, []any{scope.EngagementID}
	case retention.KindWipeAll:
		where = `1`
	default:
		return nil, nil, 0, nil
	}
	rs, err := t.QueryContext(ctx, `SELECT p.engagement_id FROM panel_recruitments p
		JOIN engagements e ON e.id = p.engagement_id WHERE `+where+` ORDER BY p.engagement_id`, args...)
	if err != nil {
		return nil, nil, 0, err
	}
	for rs.Next() {
		var id string
		if err := rs.Scan(&id); err != nil {
			rs.Close()
			return nil, nil, 0, err
		}
		engs = append(engs, id)
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return nil, nil, 0, err
	}
	if len(engs) == 0 {
		return nil, nil, 0, nil
	}
	ids, err := json.Marshal(engs)
	if err != nil {
		return nil, nil, 0, err
	}
	const in = ` WHERE engagement_id IN (SELECT value FROM json_each(?))`
	kr, err := t.QueryContext(ctx, `SELECT sealed_key FROM panel_member_keys`+in, string(ids))
	if err != nil {
		return nil, nil, 0, err
	}
	for kr.Next() {
		var k []byte
		if err := kr.Scan(&k); err != nil {
			kr.Close()
			return nil, nil, 0, err
		}
		keys = append(keys, k)
	}
	kr.Close()
	if err := kr.Err(); err != nil {
		return nil, nil, 0, err
	}
	for _, table := range []string{"panel_items", "panel_records", "panel_submissions", "panel_member_keys", "panel_recruitments"} {
		res, err := t.ExecContext(ctx, `DELETE FROM `+table+in, string(ids))
		if err != nil {
			return nil, nil, 0, err
		}
		n, _ := res.RowsAffected()
		rows += int(n)
	}
	return keys, engs, rows, nil
}

// panelRowsRemaining counts panel rows of the engagements.
func panelRowsRemaining(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, engagementIDs string) (int, error) {
	var n int
	const in = ` WHERE engagement_id IN (SELECT value FROM json_each(?1))`
	err := q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM panel_recruitments`+in+`) +
		(SELECT count(*) FROM panel_member_keys`+in+`) + (SELECT count(*) FROM panel_records`+in+`) +
		(SELECT count(*) FROM panel_submissions`+in+`) + (SELECT count(*) FROM panel_items`+in+`)`, engagementIDs).Scan(&n)
	return n, err
}
