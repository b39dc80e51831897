package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/mattn/go-sqlite3"

	"quietroom/app/retention"
	"quietroom/app/session"
)

var _ session.Store = (*DB)(nil)

// notFound wraps session.ErrNotFound for what, unless err is something else.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, session.ErrNotFound)
	}
	return fmt.Errorf("%s: %w", what, mapErr(err))
}

func isFK(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintForeignKey
}

// Engagement returns the engagement id.
func (d *DB) Engagement(ctx context.Context, id string) (session.Engagement, error) {
	row := d.db.QueryRowContext(ctx, `SELECT `+engagementCols+` FROM engagements WHERE id = ?`, id)
	e, err := scanEngagement(row)
	if err != nil {
		return session.Engagement{}, notFound(err, "engagement "+id)
	}
	return e, nil
}

const sessionCols = `id, engagement_id, interviewer_id, pack_id, pack_version, pack_hash, topic_ids,
	sealed_label, state, progress, timer, deletion_at, sealed_key, created_at, updated_at, sealed_participants`

// CreateSession stores a new session. A zero DeletionDate inherits the engagement's; a date
// later than the engagement's is refused (retention.ErrDateExtended).
func (d *DB) CreateSession(ctx context.Context, r session.Record) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		var eDate int64
		err := t.QueryRowContext(ctx, `SELECT deletion_at FROM engagements WHERE id = ?`, r.EngagementID).Scan(&eDate)
		if err != nil {
			return notFound(err, "engagement "+r.EngagementID)
		}
		date, err := retention.SessionDeletionDate(time.Unix(0, eDate), r.DeletionDate)
		if err != nil {
			return err
		}
		r.DeletionDate = date
		args, err := sessionArgs(r)
		if err != nil {
			return err
		}
		_, err = t.ExecContext(ctx, `INSERT INTO sessions (`+sessionCols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("create session %s: %w", r.ID, err)
	}
	return nil
}

// UpdateSession replaces a stored session. Its deletion date may move earlier, never later
// (retention.ErrDateExtended); a zero date keeps the stored one.
func (d *DB) UpdateSession(ctx context.Context, r session.Record) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		var cur int64
		err := t.QueryRowContext(ctx, `SELECT deletion_at FROM sessions WHERE id = ?`, r.ID).Scan(&cur)
		if err != nil {
			return notFound(err, "session")
		}
		date, err := retention.SessionDeletionDate(time.Unix(0, cur), r.DeletionDate)
		if err != nil {
			return err
		}
		r.DeletionDate = date
		args, err := sessionArgs(r)
		if err != nil {
			return err
		}
		_, err = t.ExecContext(ctx, `UPDATE sessions SET engagement_id=?2, interviewer_id=?3, pack_id=?4,
			pack_version=?5, pack_hash=?6, topic_ids=?7, sealed_label=?8, state=?9, progress=?10,
			timer=?11, deletion_at=?12, sealed_key=?13, created_at=?14, updated_at=?15,
			sealed_participants=?16 WHERE id=?1`, args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("update session %s: %w", r.ID, err)
	}
	return nil
}

func sessionArgs(r session.Record) ([]any, error) {
	topics, err := json.Marshal(nonNil(r.TopicIDs))
	if err != nil {
		return nil, err
	}
	prog, err := json.Marshal(r.Progress)
	if err != nil {
		return nil, err
	}
	timer, err := json.Marshal(r.Timer)
	if err != nil {
		return nil, err
	}
	return []any{r.ID, r.EngagementID, r.InterviewerID, r.PackID, r.PackVersion, r.PackHash,
		string(topics), r.SealedLabel, string(r.State), string(prog), string(timer),
		r.DeletionDate.UnixNano(), r.SealedKey, timeValue(r.CreatedAt), timeValue(r.UpdatedAt), r.SealedParticipants}, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Session returns the session id.
func (d *DB) Session(ctx context.Context, id string) (session.Record, error) {
	r, err := scanRecord(d.db.QueryRowContext(ctx, `SELECT `+sessionCols+` FROM sessions WHERE id = ?`, id))
	if err != nil {
		return session.Record{}, notFound(err, "session "+id)
	}
	return r, nil
}

// SessionsOf returns the sessions an interviewer ran, newest first: for their own list and to
// resume a live session after a restart. Their content stays sealed.
func (d *DB) SessionsOf(ctx context.Context, interviewerID string) ([]session.Record, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+sessionCols+` FROM sessions WHERE interviewer_id = ?
		ORDER BY created_at DESC, id`, interviewerID)
	if err != nil {
		return nil, fmt.Errorf("list sessions of %s: %w", interviewerID, err)
	}
	defer rows.Close()
	var out []session.Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, fmt.Errorf("list sessions of %s: %w", interviewerID, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list sessions of %s: %w", interviewerID, err)
	}
	return out, nil
}

// scanRecord reads one row of sessionCols.
func scanRecord(row interface{ Scan(...any) error }) (session.Record, error) {
	var (
		r                   session.Record
		topics, prog, timer string
		state               string
		del                 int64
		created, updated    sql.NullInt64
	)
	if err := row.Scan(&r.ID, &r.EngagementID, &r.InterviewerID, &r.PackID, &r.PackVersion, &r.PackHash, &topics,
		&r.SealedLabel, &state, &prog, &timer, &del, &r.SealedKey, &created, &updated, &r.SealedParticipants); err != nil {
		return session.Record{}, err
	}
	r.State = session.State(state)
	r.DeletionDate = time.Unix(0, del).UTC()
	r.CreatedAt, r.UpdatedAt = timeFrom(created), timeFrom(updated)
	if err := json.Unmarshal([]byte(topics), &r.TopicIDs); err != nil {
		return session.Record{}, fmt.Errorf("session %s: topics: %w", r.ID, err)
	}
	if len(r.TopicIDs) == 0 {
		r.TopicIDs = nil
	}
	if err := json.Unmarshal([]byte(prog), &r.Progress); err != nil {
		return session.Record{}, fmt.Errorf("session %s: progress: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(timer), &r.Timer); err != nil {
		return session.Record{}, fmt.Errorf("session %s: timer: %w", r.ID, err)
	}
	return r, nil
}

// PutEntry inserts the entry or replaces the one with the same id, keeping its place in the
// creation order. An id already used in another session is refused.
func (d *DB) PutEntry(ctx context.Context, e session.Entry) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		res, err := t.ExecContext(ctx, `INSERT INTO entries (id, session_id, topic_id, kind, tag, sealed, created_at, updated_at)
			VALUES (?,?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET topic_id=excluded.topic_id, kind=excluded.kind, tag=excluded.tag,
				sealed=excluded.sealed, created_at=excluded.created_at, updated_at=excluded.updated_at
			WHERE entries.session_id = excluded.session_id`,
			e.ID, e.SessionID, e.TopicID, string(e.Kind), string(e.Tag), e.Sealed, timeValue(e.CreatedAt), timeValue(e.UpdatedAt))
		if isFK(err) {
			return fmt.Errorf("session %s: %w", e.SessionID, session.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errors.New("the entry id belongs to another session")
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("put entry %s: %w", e.ID, err)
	}
	return nil
}

// DeleteEntry deletes one entry of a session (ErrNotFound when there is none).
func (d *DB) DeleteEntry(ctx context.Context, sessionID, entryID string) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		res, err := t.ExecContext(ctx, `DELETE FROM entries WHERE id = ? AND session_id = ?`, entryID, sessionID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return session.ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete entry %s: %w", entryID, err)
	}
	return nil
}

// Entries returns a session's entries in the order they were created.
func (d *DB) Entries(ctx context.Context, sessionID string) ([]session.Entry, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, session_id, topic_id, kind, tag, sealed, created_at, updated_at
		FROM entries WHERE session_id = ? ORDER BY seq`, sessionID)
	if err != nil {
		return nil, fmt.Errorf("entries of %s: %w", sessionID, err)
	}
	defer rows.Close()
	var out []session.Entry
	for rows.Next() {
		var (
			e                session.Entry
			kind, tag        string
			created, updated sql.NullInt64
		)
		if err := rows.Scan(&e.ID, &e.SessionID, &e.TopicID, &kind, &tag, &e.Sealed, &created, &updated); err != nil {
			return nil, fmt.Errorf("entries of %s: %w", sessionID, err)
		}
		e.Kind, e.Tag = session.EntryKind(kind), session.Tag(tag)
		e.CreatedAt, e.UpdatedAt = timeFrom(created), timeFrom(updated)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entries of %s: %w", sessionID, err)
	}
	return out, nil
}

// PutConsent stores (or replaces) a session's consent record.
func (d *DB) PutConsent(ctx context.Context, c session.ConsentRecord) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		choices, err := json.Marshal(c.Choices)
		if err != nil {
			return err
		}
		_, err = t.ExecContext(ctx, `INSERT INTO consents (session_id, pack_hash, choices, sealed_signature, given_at)
			VALUES (?,?,?,?,?) ON CONFLICT(session_id) DO UPDATE SET pack_hash=excluded.pack_hash,
			choices=excluded.choices, sealed_signature=excluded.sealed_signature, given_at=excluded.given_at`,
			c.SessionID, c.PackHash, string(choices), c.SealedSignature, timeValue(c.GivenAt))
		if isFK(err) {
			return fmt.Errorf("session %s: %w", c.SessionID, session.ErrNotFound)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("put consent of %s: %w", c.SessionID, err)
	}
	return nil
}

// Consent returns a session's consent record.
func (d *DB) Consent(ctx context.Context, sessionID string) (session.ConsentRecord, error) {
	var (
		c       session.ConsentRecord
		choices string
		given   sql.NullInt64
	)
	err := d.db.QueryRowContext(ctx, `SELECT session_id, pack_hash, choices, sealed_signature, given_at
		FROM consents WHERE session_id = ?`, sessionID).Scan(&c.SessionID, &c.PackHash, &choices, &c.SealedSignature, &given)
	if err != nil {
		return session.ConsentRecord{}, notFound(err, "consent of "+sessionID)
	}
	c.GivenAt = timeFrom(given)
	if err := json.Unmarshal([]byte(choices), &c.Choices); err != nil {
		return session.ConsentRecord{}, fmt.Errorf("consent of %s: %w", sessionID, err)
	}
	return c, nil
}

// CountDecline adds one to the engagement's count of declined consents.
func (d *DB) CountDecline(ctx context.Context, engagementID string) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		_, err := t.ExecContext(ctx, `INSERT INTO decline_counts (engagement_id, count) VALUES (?, 1)
			ON CONFLICT(engagement_id) DO UPDATE SET count = count + 1`, engagementID)
		if isFK(err) {
			return fmt.Errorf("engagement %s: %w", engagementID, session.ErrNotFound)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("count decline in %s: %w", engagementID, err)
	}
	return nil
}

// Declines returns the engagement's count of declined consents.
func (d *DB) Declines(ctx context.Context, engagementID string) (int, error) {
	var n int
	err := d.db.QueryRowContext(ctx, `SELECT count FROM decline_counts WHERE engagement_id = ?`, engagementID).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("declines in %s: %w", engagementID, err)
	}
	return n, nil
}
