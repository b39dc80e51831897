package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"quietroom/app/retention"
	"quietroom/app/session"
)

const engagementCols = `id, title, kind, visit_at, follow_up_at, deletion_at, stakeholder_groups, legal_hold, hold_reason, closed, created_at`

type scanner interface{ Scan(...any) error }

func scanEngagement(s scanner) (session.Engagement, error) {
	var (
		e                        session.Engagement
		kind                     string
		del                      int64
		groups                   string
		visit, followUp, created sql.NullInt64
	)
	if err := s.Scan(&e.ID, &e.Title, &kind, &visit, &followUp, &del, &groups, &e.LegalHold, &e.HoldReason, &e.Closed, &created); err != nil {
		return session.Engagement{}, err
	}
	e.Kind = session.EngagementKind(kind)
	e.VisitDate, e.FollowUpDate = timeFrom(visit), timeFrom(followUp)
	e.DeletionDate = time.Unix(0, del).UTC()
	e.CreatedAt = timeFrom(created)
	if err := json.Unmarshal([]byte(groups), &e.StakeholderGroups); err != nil {
		return session.Engagement{}, fmt.Errorf("stakeholder groups: %w", err)
	}
	if len(e.StakeholderGroups) == 0 {
		e.StakeholderGroups = nil
	}
	return e, nil
}

// CreateEngagement stores a new engagement and appends ev to the audit log. Its deletion date is
// required (retention.ErrNoDeletionDate); a legal hold given here needs its reason
// (retention.ErrNoReason) and is normally placed later through retention, which logs it.
func (d *DB) CreateEngagement(ctx context.Context, e session.Engagement, ev retention.AuditEvent) error {
	if e.DeletionDate.IsZero() {
		return fmt.Errorf("create engagement %s: %w", e.ID, retention.ErrNoDeletionDate)
	}
	if e.LegalHold && e.HoldReason == "" {
		return fmt.Errorf("create engagement %s: %w", e.ID, retention.ErrNoReason)
	}
	if !e.LegalHold {
		e.HoldReason = ""
	}
	groups, err := json.Marshal(nonNil(e.StakeholderGroups))
	if err != nil {
		return fmt.Errorf("create engagement %s: %w", e.ID, err)
	}
	err = d.tx(ctx, func(t *sql.Tx) error {
		if _, err := t.ExecContext(ctx, `INSERT INTO engagements (id, title, kind, visit_at, follow_up_at, deletion_at, stakeholder_groups, legal_hold, hold_reason, closed, created_at)
			VALUES (?,?,?,?,?,?,?,?,?,?,?)`, e.ID, e.Title, string(e.Kind), timeValue(e.VisitDate), timeValue(e.FollowUpDate), e.DeletionDate.UnixNano(),
			string(groups), e.LegalHold, e.HoldReason, e.Closed, timeValue(e.CreatedAt)); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("create engagement %s: %w", e.ID, err)
	}
	return nil
}

// UpdateEngagement changes an engagement's title and stakeholder groups. Dates, holds and
// closing have their own methods.
func (d *DB) UpdateEngagement(ctx context.Context, id, title string, groups []string) error {
	g, err := json.Marshal(nonNil(groups))
	if err != nil {
		return fmt.Errorf("update engagement %s: %w", id, err)
	}
	err = d.tx(ctx, func(t *sql.Tx) error {
		return mustAffect(t.ExecContext(ctx, `UPDATE engagements SET title = ?, stakeholder_groups = ? WHERE id = ?`, title, string(g), id))
	})
	if err != nil {
		return fmt.Errorf("update engagement %s: %w", id, err)
	}
	return nil
}

// Engagements lists every engagement, earliest deletion date first.
func (d *DB) Engagements(ctx context.Context) ([]session.Engagement, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+engagementCols+` FROM engagements ORDER BY deletion_at, id`)
	if err != nil {
		return nil, fmt.Errorf("list engagements: %w", err)
	}
	defer rows.Close()
	var out []session.Engagement
	for rows.Next() {
		e, err := scanEngagement(rows)
		if err != nil {
			return nil, fmt.Errorf("list engagements: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list engagements: %w", err)
	}
	return out, nil
}

// EngagementSummary is an engagement as the status report shows it: no content.
type EngagementSummary struct {
	session.Engagement
	Sessions     int
	Declines     int
	NextDeletion time.Time // earliest session deletion date; zero when there is no session
}

// Summaries lists every engagement with its session and decline counts.
func (d *DB) Summaries(ctx context.Context) ([]EngagementSummary, error) {
	es, err := d.Engagements(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]EngagementSummary, len(es))
	for i, e := range es {
		out[i].Engagement = e
		var next sql.NullInt64
		err := d.db.QueryRowContext(ctx, `SELECT count(*), min(deletion_at) FROM sessions WHERE engagement_id = ?`, e.ID).Scan(&out[i].Sessions, &next)
		if err != nil {
			return nil, fmt.Errorf("summarise engagement %s: %w", e.ID, err)
		}
		out[i].NextDeletion = timeFrom(next)
		if out[i].Declines, err = d.Declines(ctx, e.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SetDeletionDate sets an engagement's deletion date and brings every session of it whose date
// is later forward to it; sessions with an earlier date keep theirs, so moving the engagement's
// date later never extends a session that exists (its interviewee was told its date). ev is
// appended to the audit log in the same transaction.
func (d *DB) SetDeletionDate(ctx context.Context, engagementID string, date time.Time, ev retention.AuditEvent) error {
	if date.IsZero() {
		return fmt.Errorf("set deletion date of %s: %w", engagementID, retention.ErrNoDeletionDate)
	}
	err := d.tx(ctx, func(t *sql.Tx) error {
		if err := mustAffect(t.ExecContext(ctx, `UPDATE engagements SET deletion_at = ? WHERE id = ?`, date.UnixNano(), engagementID)); err != nil {
			return err
		}
		if _, err := t.ExecContext(ctx, `UPDATE sessions SET deletion_at = ? WHERE engagement_id = ? AND deletion_at > ?`,
			date.UnixNano(), engagementID, date.UnixNano()); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("set deletion date of %s: %w", engagementID, err)
	}
	return nil
}

// SetLegalHold places (hold true, with a non-empty reason) or releases a legal hold, appending
// ev to the audit log in the same transaction. The reason is kept on the engagement only (it is
// free text), never in the audit log; releasing clears it.
func (d *DB) SetLegalHold(ctx context.Context, engagementID string, hold bool, reason string, ev retention.AuditEvent) error {
	if hold && reason == "" {
		return fmt.Errorf("legal hold on %s: %w", engagementID, retention.ErrNoReason)
	}
	if !hold {
		reason = ""
	}
	err := d.tx(ctx, func(t *sql.Tx) error {
		if err := mustAffect(t.ExecContext(ctx, `UPDATE engagements SET legal_hold = ?, hold_reason = ? WHERE id = ?`, hold, reason, engagementID)); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("legal hold on %s: %w", engagementID, err)
	}
	return nil
}

// CloseEngagement marks an engagement closed (no new sessions) and appends ev to the audit log.
func (d *DB) CloseEngagement(ctx context.Context, engagementID string, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if err := mustAffect(t.ExecContext(ctx, `UPDATE engagements SET closed = 1 WHERE id = ?`, engagementID)); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("close engagement %s: %w", engagementID, err)
	}
	return nil
}

// mustAffect turns an update that matched no row into session.ErrNotFound.
func mustAffect(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return session.ErrNotFound
	}
	return nil
}

var errNoAction = errors.New("audit event without an action")

func appendAudit(ctx context.Context, t *sql.Tx, ev retention.AuditEvent) error {
	if ev.Action == "" {
		return errNoAction
	}
	if ev.At.IsZero() {
		ev.At = time.Now()
	}
	_, err := t.ExecContext(ctx, `INSERT INTO audit_log (at, actor, action, engagement_id, session_id, count, outcome)
		VALUES (?,?,?,?,?,?,?)`, ev.At.UnixNano(), string(ev.Actor), ev.Action, ev.EngagementID, ev.SessionID, ev.Count, ev.Outcome)
	return err
}

// AppendAudit appends one event to the audit log.
func (d *DB) AppendAudit(ctx context.Context, ev retention.AuditEvent) error {
	if err := d.tx(ctx, func(t *sql.Tx) error { return appendAudit(ctx, t, ev) }); err != nil {
		return fmt.Errorf("append audit %s: %w", ev.Action, err)
	}
	return nil
}

// Audit returns the audit log, newest first, at most limit events (all when limit <= 0).
func (d *DB) Audit(ctx context.Context, limit int) ([]retention.AuditEvent, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := d.db.QueryContext(ctx, `SELECT seq, at, actor, action, engagement_id, session_id, count, outcome
		FROM audit_log ORDER BY seq DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	defer rows.Close()
	var out []retention.AuditEvent
	for rows.Next() {
		var (
			ev    retention.AuditEvent
			at    int64
			actor string
		)
		if err := rows.Scan(&ev.Seq, &at, &actor, &ev.Action, &ev.EngagementID, &ev.SessionID, &ev.Count, &ev.Outcome); err != nil {
			return nil, fmt.Errorf("read audit log: %w", err)
		}
		ev.At, ev.Actor = time.Unix(0, at).UTC(), retention.Role(actor)
		out = append(out, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	return out, nil
}
