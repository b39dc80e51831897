package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
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
		if _, err := t.ExecContext(ctx, `INSERT INTO panel_recruitments (engagement_id, public_key, sealed_setup, created_at, updated_at)
			VALUES (?,?,?,?,?)`, p.EngagementID, p.PublicKey, p.SealedSetup, timeValue(p.CreatedAt), timeValue(p.CreatedAt)); err != nil {
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

// Panel returns a recruitment panel with every sealed record; session.ErrNotFound when the
// engagement has none.
func (d *DB) Panel(ctx context.Context, engagementID string) (panel.Stored, error) {
	p := panel.Stored{EngagementID: engagementID, MemberKeys: map[string][]byte{}, Records: map[string][]byte{}}
	var frozen, decided, created sql.NullInt64
	err := d.db.QueryRowContext(ctx, `SELECT public_key, sealed_setup, frozen_at, decided_at, created_at
		FROM panel_recruitments WHERE engagement_id = ?`, engagementID).Scan(&p.PublicKey, &p.SealedSetup, &frozen, &decided, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return panel.Stored{}, fmt.Errorf("panel %s: %w", engagementID, session.ErrNotFound)
	}
	if err != nil {
		return panel.Stored{}, fmt.Errorf("read panel %s: %w", engagementID, err)
	}
	p.FrozenAt, p.DecidedAt, p.CreatedAt = timeFrom(frozen), timeFrom(decided), timeFrom(created)
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
	err = errors.Join(
		read(`SELECT interviewer_id, sealed_key FROM panel_member_keys WHERE engagement_id = ?`, func(r *sql.Rows) error {
			var id string
			var k []byte
			err := r.Scan(&id, &k)
			p.MemberKeys[id] = k
			return err
		}),
		read(`SELECT record_id, sealed FROM panel_records WHERE engagement_id = ?`, func(r *sql.Rows) error {
			var id string
			var b []byte
			err := r.Scan(&id, &b)
			p.Records[id] = b
			return err
		}),
		read(`SELECT candidate, interviewer_id, submitted_at FROM panel_submissions WHERE engagement_id = ? ORDER BY submitted_at`, func(r *sql.Rows) error {
			var s panel.Submission
			var at int64
			err := r.Scan(&s.Candidate, &s.MemberID, &at)
			s.At = time.Unix(0, at).UTC()
			p.Submissions = append(p.Submissions, s)
			return err
		}),
	)
	if err != nil {
		return panel.Stored{}, fmt.Errorf("read panel %s: %w", engagementID, err)
	}
	return p, nil
}

// PanelsOf lists the engagement ids of the panels an interviewer is a member of.
func (d *DB) PanelsOf(ctx context.Context, interviewerID string) ([]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT k.engagement_id FROM panel_member_keys k
		JOIN panel_recruitments p ON p.engagement_id = k.engagement_id
		WHERE k.interviewer_id = ? ORDER BY p.created_at`, interviewerID)
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

// SavePanelSetup replaces the sealed set-up; frozenAt, once set, is kept (a later call cannot
// unfreeze the question set).
func (d *DB) SavePanelSetup(ctx context.Context, engagementID string, sealed []byte, frozenAt, at time.Time) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		return mustAffect(t.ExecContext(ctx, `UPDATE panel_recruitments SET sealed_setup = ?,
			frozen_at = coalesce(frozen_at, ?), updated_at = ? WHERE engagement_id = ?`,
			sealed, timeValue(frozenAt), timeValue(at), engagementID))
	})
	if err != nil {
		return fmt.Errorf("save panel %s: %w", engagementID, err)
	}
	return nil
}

// PutPanelRecord inserts or replaces one sealed record of a panel. It is durable when it
// returns.
func (d *DB) PutPanelRecord(ctx context.Context, engagementID, recordID string, sealed []byte, at time.Time) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		_, err := t.ExecContext(ctx, `INSERT INTO panel_records (engagement_id, record_id, sealed, updated_at) VALUES (?,?,?,?)
			ON CONFLICT (engagement_id, record_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
			engagementID, recordID, sealed, timeValue(at))
		return err
	})
	if err != nil {
		return fmt.Errorf("save panel record %s: %w", engagementID, err)
	}
	return nil
}

// SubmitPanelSheet records that a member submitted their sheet for a candidate. A second
// submission is refused (panel.ErrSubmitted).
func (d *DB) SubmitPanelSheet(ctx context.Context, engagementID, candidate, memberID string, at time.Time) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT count(*) FROM panel_submissions WHERE engagement_id = ? AND candidate = ? AND interviewer_id = ?`,
			engagementID, candidate, memberID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return panel.ErrSubmitted
		}
		_, err := t.ExecContext(ctx, `INSERT INTO panel_submissions (engagement_id, candidate, interviewer_id, submitted_at) VALUES (?,?,?,?)`,
			engagementID, candidate, memberID, at.UnixNano())
		return err
	})
	if err != nil {
		return fmt.Errorf("submit panel sheet %s: %w", engagementID, err)
	}
	return nil
}

// DecidePanel stores the sealed decision as record "decision" and marks the panel decided,
// with ev, in one transaction. A second decision is refused (panel.ErrDecided).
func (d *DB) DecidePanel(ctx context.Context, engagementID string, sealed []byte, at time.Time, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if err := mustAffect(t.ExecContext(ctx, `UPDATE panel_recruitments SET decided_at = ?, updated_at = ?
			WHERE engagement_id = ? AND decided_at IS NULL`, at.UnixNano(), at.UnixNano(), engagementID)); err != nil {
			if errors.Is(err, session.ErrNotFound) {
				return panel.ErrDecided
			}
			return err
		}
		if _, err := t.ExecContext(ctx, `INSERT INTO panel_records (engagement_id, record_id, sealed, updated_at) VALUES (?,?,?,?)`,
			engagementID, "decision", sealed, at.UnixNano()); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("decide panel %s: %w", engagementID, err)
	}
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
	for _, table := range []string{"panel_records", "panel_submissions", "panel_member_keys", "panel_recruitments"} {
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
		(SELECT count(*) FROM panel_submissions`+in+`)`, engagementIDs).Scan(&n)
	return n, err
}
