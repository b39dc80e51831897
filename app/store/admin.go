package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/vault"
)

var _ vault.AttemptLog = (*DB)(nil)

// Interviewer is session.Interviewer, the one interviewer type: the store keeps it as it is.
type Interviewer = session.Interviewer

// SaveInterviewer inserts the interviewer or replaces the one with the same id, and appends ev
// (the admin's action) to the audit log in the same transaction: both or neither.
func (d *DB) SaveInterviewer(ctx context.Context, iv Interviewer, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if err := putInterviewer(ctx, t, iv); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("save interviewer %s: %w", iv.ID, err)
	}
	return nil
}

// PutInterviewer inserts the interviewer or replaces the one with the same id, without an audit
// entry: a fixture. The kiosk saves interviewers with SaveInterviewer.
func (d *DB) PutInterviewer(ctx context.Context, iv Interviewer) error {
	if err := d.tx(ctx, func(t *sql.Tx) error { return putInterviewer(ctx, t, iv) }); err != nil {
		return fmt.Errorf("put interviewer %s: %w", iv.ID, err)
	}
	return nil
}

func putInterviewer(ctx context.Context, t *sql.Tx, iv Interviewer) error {
	_, err := t.ExecContext(ctx, `INSERT INTO interviewers (id, display_name, key_slot, disabled, must_change, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET display_name=excluded.display_name,
		key_slot=excluded.key_slot, disabled=excluded.disabled, must_change=excluded.must_change,
		updated_at=excluded.updated_at`,
		iv.ID, iv.DisplayName, iv.KeySlot, iv.Disabled, iv.MustChange, timeValue(iv.CreatedAt), timeValue(iv.UpdatedAt))
	return err
}

const interviewerCols = `id, display_name, key_slot, disabled, must_change, created_at, updated_at`

func scanInterviewer(s scanner) (Interviewer, error) {
	var (
		iv               Interviewer
		created, updated sql.NullInt64
	)
	err := s.Scan(&iv.ID, &iv.DisplayName, &iv.KeySlot, &iv.Disabled, &iv.MustChange, &created, &updated)
	iv.CreatedAt, iv.UpdatedAt = timeFrom(created), timeFrom(updated)
	return iv, err
}

// Interviewer returns the interviewer id.
func (d *DB) Interviewer(ctx context.Context, id string) (Interviewer, error) {
	iv, err := scanInterviewer(d.db.QueryRowContext(ctx, `SELECT `+interviewerCols+` FROM interviewers WHERE id = ?`, id))
	if err != nil {
		return Interviewer{}, notFound(err, "interviewer "+id)
	}
	return iv, nil
}

// Interviewers lists every interviewer by display name.
func (d *DB) Interviewers(ctx context.Context) ([]Interviewer, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+interviewerCols+` FROM interviewers ORDER BY display_name, id`)
	if err != nil {
		return nil, fmt.Errorf("list interviewers: %w", err)
	}
	defer rows.Close()
	var out []Interviewer
	for rows.Next() {
		iv, err := scanInterviewer(rows)
		if err != nil {
			return nil, fmt.Errorf("list interviewers: %w", err)
		}
		out = append(out, iv)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list interviewers: %w", err)
	}
	return out, nil
}

// DeleteInterviewer removes an interviewer and their key slot; sessions sealed to them can no
// longer be opened by anyone.
func (d *DB) DeleteInterviewer(ctx context.Context, id string) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		return mustAffect(t.ExecContext(ctx, `DELETE FROM interviewers WHERE id = ?`, id))
	})
	if err != nil {
		return fmt.Errorf("delete interviewer %s: %w", id, err)
	}
	return nil
}

// SetUp is the first-boot set-up: it stores the admin credential's verifier (opaque bytes from
// the vault) and the room's name, and appends ev to the audit log, in one transaction.
func (d *DB) SetUp(ctx context.Context, verifier []byte, roomName string, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if _, err := t.ExecContext(ctx, `INSERT INTO admin_credential (id, verifier, updated_at) VALUES (1, ?, ?)
			ON CONFLICT(id) DO UPDATE SET verifier=excluded.verifier, updated_at=excluded.updated_at`, verifier, timeValue(ev.At)); err != nil {
			return err
		}
		if _, err := t.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, settingRoomName, roomName); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("set up: %w", err)
	}
	return nil
}

// AdminVerifier returns the admin credential's verifier; session.ErrNotFound before setup.
func (d *DB) AdminVerifier(ctx context.Context) ([]byte, error) {
	var v []byte
	if err := d.db.QueryRowContext(ctx, `SELECT verifier FROM admin_credential WHERE id = 1`).Scan(&v); err != nil {
		return nil, notFound(err, "admin credential")
	}
	return v, nil
}

// RecordFailure counts one failed PIN attempt for subject ("admin" or an interviewer id) at
// time at, durably, and returns the record so far. It implements vault.AttemptLog.
func (d *DB) RecordFailure(ctx context.Context, subject string, at time.Time) (vault.Attempts, error) {
	if subject == "" {
		// Counted against nobody, it would stop nobody.
		return vault.Attempts{}, errors.New("record failed attempt: empty subject")
	}
	var (
		a    vault.Attempts
		last sql.NullInt64
	)
	err := d.tx(ctx, func(t *sql.Tx) error {
		return t.QueryRowContext(ctx, `INSERT INTO failed_attempts (subject, count, last_at) VALUES (?, 1, ?)
			ON CONFLICT(subject) DO UPDATE SET count = count + 1, last_at = excluded.last_at
			RETURNING count, last_at`, subject, timeValue(at)).Scan(&a.Failures, &last)
	})
	if err != nil {
		return vault.Attempts{}, fmt.Errorf("record failed attempt: %w", err)
	}
	a.LastFailure = timeFrom(last)
	return a, nil
}

// Failures returns subject's failed attempts; zero for a subject never seen.
func (d *DB) Failures(ctx context.Context, subject string) (vault.Attempts, error) {
	var (
		a    vault.Attempts
		last sql.NullInt64
	)
	err := d.db.QueryRowContext(ctx, `SELECT count, last_at FROM failed_attempts WHERE subject = ?`, subject).Scan(&a.Failures, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return vault.Attempts{}, nil
	}
	if err != nil {
		return vault.Attempts{}, fmt.Errorf("read failed attempts: %w", err)
	}
	a.LastFailure = timeFrom(last)
	return a, nil
}

// Reset forgets subject's failed attempts (after a success, or an admin clearing a lock-out).
func (d *DB) Reset(ctx context.Context, subject string) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		_, err := t.ExecContext(ctx, `DELETE FROM failed_attempts WHERE subject = ?`, subject)
		return err
	})
	if err != nil {
		return fmt.Errorf("reset failed attempts: %w", err)
	}
	return nil
}

// Setting keys.
const (
	settingRoomName  = "room_name"
	settingTimeFloor = "time_floor"
	// settingClockMark keeps what counts time from the floor after a restart (retention.ClockMark).
	settingClockMark = "clock_mark"
)

func (d *DB) setting(ctx context.Context, key string) (string, error) {
	var v string
	err := d.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read setting %s: %w", key, err)
	}
	return v, nil
}

// RoomName returns the room's name ("" before setup).
func (d *DB) RoomName(ctx context.Context) (string, error) { return d.setting(ctx, settingRoomName) }

// TimeFloor returns the persisted time floor (zero when never set).
func (d *DB) TimeFloor(ctx context.Context) (time.Time, error) {
	v, err := d.setting(ctx, settingTimeFloor)
	if err != nil || v == "" {
		return time.Time{}, err
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("read time floor: %w", err)
	}
	return time.Unix(0, n).UTC(), nil
}

// RaiseTimeFloor moves the floor to t when t is later; it never moves it back.
func (d *DB) RaiseTimeFloor(ctx context.Context, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	err := d.tx(ctx, func(tx *sql.Tx) error { return raiseTimeFloor(ctx, tx, t) })
	if err != nil {
		return fmt.Errorf("raise time floor: %w", err)
	}
	return nil
}

func raiseTimeFloor(ctx context.Context, tx *sql.Tx, t time.Time) error {
	// Compared as integers in SQL so the floor cannot move back even under a race.
	_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value
		WHERE CAST(excluded.value AS INTEGER) > CAST(settings.value AS INTEGER)`,
		settingTimeFloor, strconv.FormatInt(t.UnixNano(), 10))
	return err
}

// clockMark is how a retention.ClockMark is kept in settings: times and durations in
// nanoseconds.
type clockMark struct {
	Trusted int64  `json:"trusted"`
	Behind  int64  `json:"behind"`
	Boot    string `json:"boot"`
	Uptime  int64  `json:"uptime"`
}

// ClockMark returns the last mark RecordTime stored (zero when none).
func (d *DB) ClockMark(ctx context.Context) (retention.ClockMark, error) {
	v, err := d.setting(ctx, settingClockMark)
	if err != nil || v == "" {
		return retention.ClockMark{}, err
	}
	var m clockMark
	if err := json.Unmarshal([]byte(v), &m); err != nil {
		return retention.ClockMark{}, fmt.Errorf("read clock mark: %w", err)
	}
	return retention.ClockMark{Trusted: time.Unix(0, m.Trusted).UTC(), Behind: time.Duration(m.Behind),
		Boot: m.Boot, Uptime: time.Duration(m.Uptime)}, nil
}

// RecordTime raises the time floor to m.Trusted when it is later (never back) and stores m as
// the clock mark, in one transaction, so the floor and what counts time from it agree.
func (d *DB) RecordTime(ctx context.Context, m retention.ClockMark) error {
	if m.Trusted.IsZero() {
		return nil
	}
	v, err := json.Marshal(clockMark{Trusted: m.Trusted.UnixNano(), Behind: int64(m.Behind), Boot: m.Boot, Uptime: int64(m.Uptime)})
	if err != nil {
		return fmt.Errorf("record time: %w", err)
	}
	err = d.tx(ctx, func(tx *sql.Tx) error {
		if err := raiseTimeFloor(ctx, tx, m.Trusted); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, settingClockMark, string(v))
		return err
	})
	if err != nil {
		return fmt.Errorf("record time: %w", err)
	}
	// The WAL is emptied at every mark, so that its restarts come once a minute whatever else
	// is written: a survey response empties it too (PutSurveyResponse), and were that the only
	// restart, the first frame after it would date the response to the minute.
	_ = d.truncateWAL(ctx)
	return nil
}
