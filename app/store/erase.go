package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"quietroom/app/retention"
	"quietroom/app/session"
)

var _ retention.Storage = (*DB)(nil)

// NextDeletion returns the earliest deletion date of a session, of a survey engagement's
// responses or of a team board, whose engagement is not on hold, or of another kiosk's board
// copies kept here (outboxes and links).
func (d *DB) NextDeletion(ctx context.Context) (time.Time, bool, error) {
	var next sql.NullInt64
	err := d.db.QueryRowContext(ctx, `SELECT min(at) FROM (
		SELECT min(s.deletion_at) AS at FROM sessions s JOIN engagements e ON e.id = s.engagement_id WHERE e.legal_hold = 0
		UNION ALL SELECT min(e.deletion_at, v.deletion_at) FROM surveys v JOIN engagements e ON e.id = v.engagement_id WHERE e.legal_hold = 0
		UNION ALL SELECT min(e.deletion_at) FROM panel_recruitments p JOIN engagements e ON e.id = p.engagement_id WHERE e.legal_hold = 0
		UNION ALL SELECT min(e.deletion_at) FROM boards b JOIN engagements e ON e.id = b.engagement_id WHERE e.legal_hold = 0
		UNION ALL SELECT min(deletion_at) FROM board_outbox
		UNION ALL SELECT min(deletion_at) FROM board_links)`).Scan(&next)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("next deletion: %w", err)
	}
	return timeFrom(next), next.Valid, nil
}

// Erase implements retention.Storage: one transaction deletes what scope names, with
// secure_delete on, and writes the pending receipt.
func (d *DB) Erase(ctx context.Context, scope retention.Scope, rec retention.Receipt) (retention.Receipt, [][]byte, error) {
	var keys [][]byte
	err := d.tx(ctx, func(t *sql.Tx) error {
		keys = nil
		var sd int
		if err := t.QueryRowContext(ctx, `PRAGMA secure_delete`).Scan(&sd); err != nil {
			return err
		}
		if sd == 0 {
			return errors.New("secure_delete is off on this connection; refusing to delete")
		}
		rec.SecureDelete = true
		rec.Kind = scope.Kind

		var (
			where string
			args  []any
		)
		switch scope.Kind {
		case retention.KindPurge:
			where, args = `s.deletion_at <= ? AND e.legal_hold = 0`, []any{scope.DueAt.UnixNano()}
		case retention.KindWithdrawal:
			where, args = `s.id = ?`, []any{scope.SessionID}
		case retention.KindWipeEngagement:
			var hold bool
			err := t.QueryRowContext(ctx, `SELECT legal_hold FROM engagements WHERE id = ?`, scope.EngagementID).Scan(&hold)
			if err != nil {
				return notFound(err, "engagement "+scope.EngagementID)
			}
			if hold {
				return retention.ErrLegalHold
			}
			where, args = `s.engagement_id = ?`, []any{scope.EngagementID}
		case retention.KindWipeAll:
			var held int
			if err := t.QueryRowContext(ctx, `SELECT count(*) FROM engagements WHERE legal_hold = 1`).Scan(&held); err != nil {
				return err
			}
			if held > 0 {
				return retention.ErrLegalHold
			}
			where = `1`
		default:
			return fmt.Errorf("unknown erase kind %q", scope.Kind)
		}
		rows, err := t.QueryContext(ctx, `SELECT s.id, s.engagement_id, s.sealed_key FROM sessions s
			JOIN engagements e ON e.id = s.engagement_id WHERE `+where+` ORDER BY s.id`, args...)
		if err != nil {
			return err
		}
		var ids []string
		engs := map[string]bool{}
		rec.EngagementIDs = nil
		for rows.Next() {
			var (
				id, eid string
				key     []byte
			)
			if err := rows.Scan(&id, &eid, &key); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
			if len(key) > 0 {
				keys = append(keys, key)
			}
			if !engs[eid] {
				engs[eid] = true
				rec.EngagementIDs = append(rec.EngagementIDs, eid)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if scope.Kind == retention.KindWithdrawal && len(ids) == 0 {
			return fmt.Errorf("session %s: %w", scope.SessionID, session.ErrNotFound)
		}
		if scope.Kind == retention.KindWipeEngagement && !engs[scope.EngagementID] {
			rec.EngagementIDs = append(rec.EngagementIDs, scope.EngagementID)
		}
		rec.SessionIDs = ids
		rec.Sessions = len(ids)
		panelKeys, panelEngs, panelRows, err := erasePanels(ctx, t, scope)
		if err != nil {
			return err
		}
		keys = append(keys, panelKeys...)
		for _, eid := range panelEngs {
			if !engs[eid] {
				engs[eid] = true
				rec.EngagementIDs = append(rec.EngagementIDs, eid)
			}
		}
		rec.KeysDestroyed = len(keys)
		// Survey responses die with their engagement: at its deletion date, or when it is wiped.
		var surveys retention.Receipt
		var surveyKeys [][]byte
		switch scope.Kind {
		case retention.KindPurge:
			surveyKeys, err = eraseSurveys(ctx, t, `SELECT v.engagement_id FROM surveys v JOIN engagements e ON e.id = v.engagement_id
				WHERE min(e.deletion_at, v.deletion_at) <= ? AND e.legal_hold = 0`, []any{scope.DueAt.UnixNano()}, &surveys)
		case retention.KindWipeEngagement:
			surveyKeys, err = eraseSurveys(ctx, t, `SELECT ?`, []any{scope.EngagementID}, &surveys)
		case retention.KindWipeAll:
			surveyKeys, err = eraseSurveys(ctx, t, `SELECT id FROM engagements`, nil, &surveys)
		}
		if err != nil {
			return err
		}
		keys = append(keys, surveyKeys...)
		rec.KeysDestroyed += len(surveyKeys)
		rec.SurveyResponses = surveys.SurveyResponses
		for _, id := range surveys.EngagementIDs {
			if !engs[id] {
				engs[id] = true
				rec.EngagementIDs = append(rec.EngagementIDs, id)
			}
		}
		boardRows, boardKeys, err := eraseBoards(ctx, t, scope)
		if err != nil {
			return err
		}
		rec.BoardRecords = boardRows
		keys = append(keys, boardKeys...)
		rec.KeysDestroyed += len(boardKeys)
		if scope.Kind == retention.KindPurge && len(ids) == 0 && surveys.RowsDeleted == 0 && panelRows == 0 && boardRows == 0 {
			return nil
		}
		idsJSON, err := json.Marshal(nonNil(ids))
		if err != nil {
			return err
		}
		del := func(q string, args ...any) (int, error) {
			res, err := t.ExecContext(ctx, q, args...)
			if err != nil {
				return 0, err
			}
			n, err := res.RowsAffected()
			return int(n), err
		}
		const in = ` IN (SELECT value FROM json_each(?))`
		if rec.Entries, err = del(`DELETE FROM entries WHERE session_id`+in, string(idsJSON)); err != nil {
			return err
		}
		if rec.Consents, err = del(`DELETE FROM consents WHERE session_id`+in, string(idsJSON)); err != nil {
			return err
		}
		if _, err = del(`DELETE FROM sessions WHERE id`+in, string(idsJSON)); err != nil {
			return err
		}
		rec.RowsDeleted = rec.Entries + rec.Consents + rec.Sessions + surveys.RowsDeleted + panelRows + rec.BoardRecords
		switch scope.Kind {
		case retention.KindWipeEngagement:
			if err := t.QueryRowContext(ctx, `SELECT coalesce(sum(count), 0) FROM decline_counts WHERE engagement_id = ?`, scope.EngagementID).Scan(&rec.Declines); err != nil {
				return err
			}
			for _, q := range []string{`DELETE FROM decline_counts WHERE engagement_id = ?`, `DELETE FROM engagements WHERE id = ?`} {
				n, err := del(q, scope.EngagementID)
				if err != nil {
					return err
				}
				rec.RowsDeleted += n
			}
		case retention.KindWipeAll:
			if err := t.QueryRowContext(ctx, `SELECT coalesce(sum(count), 0) FROM decline_counts`).Scan(&rec.Declines); err != nil {
				return err
			}
			rec.EngagementIDs = nil
			if err := func() error {
				rows, err := t.QueryContext(ctx, `SELECT id FROM engagements ORDER BY id`)
				if err != nil {
					return err
				}
				defer rows.Close()
				for rows.Next() {
					var id string
					if err := rows.Scan(&id); err != nil {
						return err
					}
					rec.EngagementIDs = append(rec.EngagementIDs, id)
				}
				return rows.Err()
			}(); err != nil {
				return err
			}
			// Everything but the time floor and its clock mark: trusted time must never move
			// back, not even after a reset.
			for _, q := range []string{
				`DELETE FROM decline_counts`, `DELETE FROM engagements`, `DELETE FROM interviewers`,
				`DELETE FROM admin_credential`, `DELETE FROM failed_attempts`, `DELETE FROM audit_log`,
				`DELETE FROM deletion_receipts`,
				`DELETE FROM settings WHERE key NOT IN ('` + settingTimeFloor + `', '` + settingClockMark + `')`,
			} {
				n, err := del(q)
				if err != nil {
					return err
				}
				rec.RowsDeleted += n
			}
		}
		rec.Outcome = retention.OutcomePending
		return insertReceipt(ctx, t, rec)
	})
	if err != nil {
		return retention.Receipt{}, nil, fmt.Errorf("erase (%s): %w", scope.Kind, err)
	}
	return rec, keys, nil
}

const receiptCols = `id, kind, actor, at, engagement_ids, session_ids, sessions, entries, consents, declines,
	keys_destroyed, rows_deleted, secure_delete, wal_truncated, pages_freed, reclaimed, rows_remaining,
	bytes_scanned, keys_found, outcome, completed_at, survey_responses, board_records, follow_up`

func insertReceipt(ctx context.Context, t *sql.Tx, r retention.Receipt) error {
	engs, err := json.Marshal(nonNil(r.EngagementIDs))
	if err != nil {
		return err
	}
	sess, err := json.Marshal(nonNil(r.SessionIDs))
	if err != nil {
		return err
	}
	_, err = t.ExecContext(ctx, `INSERT INTO deletion_receipts (`+receiptCols+`)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.ID, string(r.Kind), string(r.Actor), r.At.UnixNano(), string(engs), string(sess), r.Sessions,
		r.Entries, r.Consents, r.Declines, r.KeysDestroyed, r.RowsDeleted, r.SecureDelete, r.WALTruncated,
		r.PagesReclaimed, r.Reclaimed, r.RowsRemaining, r.BytesScanned, r.KeysFound, r.Outcome, timeValue(r.CompletedAt),
		r.SurveyResponses, r.BoardRecords, string(r.FollowUp))
	return err
}

// CompleteReceipt stores the finishing steps and the check's result of a receipt.
func (d *DB) CompleteReceipt(ctx context.Context, r retention.Receipt) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		return mustAffect(t.ExecContext(ctx, `UPDATE deletion_receipts SET wal_truncated=?, pages_freed=?,
			reclaimed=?, rows_remaining=?, bytes_scanned=?, keys_found=?, outcome=?, completed_at=? WHERE id=?`,
			r.WALTruncated, r.PagesReclaimed, r.Reclaimed, r.RowsRemaining, r.BytesScanned, r.KeysFound,
			r.Outcome, timeValue(r.CompletedAt), r.ID))
	})
	if err != nil {
		return fmt.Errorf("complete receipt %s: %w", r.ID, err)
	}
	return nil
}

func (d *DB) receipts(ctx context.Context, where string, args ...any) ([]retention.Receipt, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+receiptCols+` FROM deletion_receipts `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read receipts: %w", err)
	}
	defer rows.Close()
	var out []retention.Receipt
	for rows.Next() {
		var (
			r           retention.Receipt
			kind, actor string
			followUp    string
			at          int64
			engs, sess  string
			completed   sql.NullInt64
		)
		if err := rows.Scan(&r.ID, &kind, &actor, &at, &engs, &sess, &r.Sessions, &r.Entries, &r.Consents,
			&r.Declines, &r.KeysDestroyed, &r.RowsDeleted, &r.SecureDelete, &r.WALTruncated, &r.PagesReclaimed,
			&r.Reclaimed, &r.RowsRemaining, &r.BytesScanned, &r.KeysFound, &r.Outcome, &completed, &r.SurveyResponses, &r.BoardRecords, &followUp); err != nil {
			return nil, fmt.Errorf("read receipts: %w", err)
		}
		r.Kind, r.Actor, r.At, r.CompletedAt = retention.Kind(kind), retention.Role(actor), time.Unix(0, at).UTC(), timeFrom(completed)
		r.FollowUp = retention.FollowUp(followUp)
		if err := json.Unmarshal([]byte(engs), &r.EngagementIDs); err != nil {
			return nil, fmt.Errorf("read receipt %s: %w", r.ID, err)
		}
		if err := json.Unmarshal([]byte(sess), &r.SessionIDs); err != nil {
			return nil, fmt.Errorf("read receipt %s: %w", r.ID, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read receipts: %w", err)
	}
	return out, nil
}

// Receipts lists every deletion receipt, newest first.
func (d *DB) Receipts(ctx context.Context) ([]retention.Receipt, error) {
	return d.receipts(ctx, `ORDER BY at DESC, rowid DESC`)
}

// PendingReceipts lists receipts whose finishing steps have not completed.
func (d *DB) PendingReceipts(ctx context.Context) ([]retention.Receipt, error) {
	return d.receipts(ctx, `WHERE outcome = ? ORDER BY at`, retention.OutcomePending)
}

// ForgetDeleted implements retention.Storage: it checkpoints the WAL into the database and
// truncates it, returns free pages to the file system, and truncates the WAL again (the vacuum
// went through it).
func (d *DB) ForgetDeleted(ctx context.Context) (retention.Forgotten, error) {
	var (
		f    retention.Forgotten
		errs []error
	)
	if err := d.truncateWAL(ctx); err != nil {
		errs = append(errs, err)
	}
	pages, err := d.reclaimFreePages(ctx)
	f.UnitsReturned, f.SpaceReturned = pages, err == nil
	if err != nil {
		errs = append(errs, err)
	}
	err = d.truncateWAL(ctx)
	f.JournalCleared = err == nil && len(errs) == 0
	if err != nil {
		errs = append(errs, err)
	}
	return f, errors.Join(errs...)
}

// truncateWAL checkpoints the WAL into the database and truncates the WAL file to zero bytes.
func (d *DB) truncateWAL(ctx context.Context) error {
	var busy, logFrames, done int
	if err := d.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &done); err != nil {
		return fmt.Errorf("checkpoint WAL: %w", mapErr(err))
	}
	if busy != 0 {
		return errors.New("checkpoint WAL: another reader kept it from completing; it will be retried")
	}
	if fi, err := os.Stat(d.path + "-wal"); err == nil && fi.Size() != 0 {
		return fmt.Errorf("checkpoint WAL: %s is still %d bytes", d.path+"-wal", fi.Size())
	}
	return nil
}

// reclaimFreePages runs incremental_vacuum: with auto_vacuum=INCREMENTAL it moves pages from
// the end of the file into free slots and truncates the file, so freed (already zeroed) pages
// leave the file. It needs no free disk space, unlike VACUUM.
func (d *DB) reclaimFreePages(ctx context.Context) (int64, error) {
	var before, after int64
	if err := d.db.QueryRowContext(ctx, `PRAGMA freelist_count`).Scan(&before); err != nil {
		return 0, fmt.Errorf("reclaim free pages: %w", err)
	}
	// incremental_vacuum frees one page per step: read every row so it runs to the end.
	rows, err := d.db.QueryContext(ctx, `PRAGMA incremental_vacuum`)
	if err != nil {
		return 0, fmt.Errorf("reclaim free pages: %w", mapErr(err))
	}
	for rows.Next() {
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("reclaim free pages: %w", mapErr(err))
	}
	if err := d.db.QueryRowContext(ctx, `PRAGMA freelist_count`).Scan(&after); err != nil {
		return 0, fmt.Errorf("reclaim free pages: %w", err)
	}
	if after != 0 {
		return before - after, fmt.Errorf("reclaim free pages: %d free pages remain", after)
	}
	return before, nil
}

// RecordsRemaining counts rows that still carry any of the given session or engagement ids.
func (d *DB) RecordsRemaining(ctx context.Context, sessionIDs, engagementIDs []string) (int, error) {
	s, err := json.Marshal(nonNil(sessionIDs))
	if err != nil {
		return 0, err
	}
	e, err := json.Marshal(nonNil(engagementIDs))
	if err != nil {
		return 0, err
	}
	const in = ` IN (SELECT value FROM json_each(?1))`
	const ine = ` IN (SELECT value FROM json_each(?2))`
	var n int
	err = d.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM sessions WHERE id`+in+`) +
		(SELECT count(*) FROM entries WHERE session_id`+in+`) +
		(SELECT count(*) FROM consents WHERE session_id`+in+`) +
		(SELECT count(*) FROM engagements WHERE id`+ine+`) +
		(SELECT count(*) FROM sessions WHERE engagement_id`+ine+`) +
		(SELECT count(*) FROM decline_counts WHERE engagement_id`+ine+`) +
		(SELECT count(*) FROM surveys WHERE engagement_id`+ine+`) +
		(SELECT count(*) FROM survey_keys WHERE engagement_id`+ine+`) +
		(SELECT count(*) FROM survey_responses WHERE engagement_id`+ine+`) +
		(SELECT count(*) FROM survey_records WHERE engagement_id`+ine+`)`+boardRowsRemaining, string(s), string(e)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("check deleted rows: %w", err)
	}
	p, err := panelRowsRemaining(ctx, d.db, string(e))
	if err != nil {
		return 0, fmt.Errorf("check deleted rows: %w", err)
	}
	n += p
	return n, nil
}
