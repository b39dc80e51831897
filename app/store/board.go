package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"quietroom/app/board"
	"quietroom/app/retention"
)

// ErrDuplicateBundle means a bundle with that id was imported before; nothing was changed.
var ErrDuplicateBundle = board.ErrDuplicateBundle

// CreateBoard stores a new board for an engagement with its first members, and ev, in one
// transaction.
func (d *DB) CreateBoard(ctx context.Context, engagementID, recipient string, members []board.Member, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if _, err := t.ExecContext(ctx, `INSERT INTO boards (engagement_id, recipient) VALUES (?, ?)`, engagementID, recipient); err != nil {
			return err
		}
		for _, m := range members {
			if _, err := t.ExecContext(ctx, `INSERT INTO board_members (engagement_id, interviewer_id, sealed_key) VALUES (?,?,?)`,
				engagementID, m.InterviewerID, m.SealedKey); err != nil {
				return err
			}
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("create board of %s: %w", engagementID, mapErr(err))
	}
	return nil
}

// Board returns a board's public key and sealed work; session.ErrNotFound when the engagement
// has no board on this kiosk.
func (d *DB) Board(ctx context.Context, engagementID string) (recipient string, sealedWork []byte, err error) {
	err = d.db.QueryRowContext(ctx, `SELECT recipient, sealed_work FROM boards WHERE engagement_id = ?`, engagementID).Scan(&recipient, &sealedWork)
	if err != nil {
		return "", nil, notFound(err, "board of "+engagementID)
	}
	return recipient, sealedWork, nil
}

// BoardMembers lists a board's members by interviewer id.
func (d *DB) BoardMembers(ctx context.Context, engagementID string) ([]board.Member, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT interviewer_id, sealed_key FROM board_members WHERE engagement_id = ? ORDER BY interviewer_id`, engagementID)
	if err != nil {
		return nil, fmt.Errorf("board members: %w", mapErr(err))
	}
	defer rows.Close()
	var out []board.Member
	for rows.Next() {
		var m board.Member
		if err := rows.Scan(&m.InterviewerID, &m.SealedKey); err != nil {
			return nil, fmt.Errorf("board members: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SaveBoardMember adds a member or replaces their sealed key, and appends ev.
func (d *DB) SaveBoardMember(ctx context.Context, engagementID string, m board.Member, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if _, err := t.ExecContext(ctx, `INSERT INTO board_members (engagement_id, interviewer_id, sealed_key) VALUES (?,?,?)
			ON CONFLICT (engagement_id, interviewer_id) DO UPDATE SET sealed_key = excluded.sealed_key`,
			engagementID, m.InterviewerID, m.SealedKey); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("save board member: %w", mapErr(err))
	}
	return nil
}

func insertRecords(ctx context.Context, t *sql.Tx, table, engagementID string, recs []board.Record, extra ...any) (added int, err error) {
	q := `INSERT OR IGNORE INTO ` + table + ` (engagement_id, id, interview, sealed) VALUES (?,?,?,?)`
	if len(extra) > 0 {
		q = `INSERT OR IGNORE INTO ` + table + ` (engagement_id, id, interview, sealed, deletion_at) VALUES (?,?,?,?,?)`
	}
	for _, r := range recs {
		args := append([]any{engagementID, r.ID, r.Interview, r.Sealed}, extra...)
		res, err := t.ExecContext(ctx, q, args...)
		if err != nil {
			return 0, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, err
		}
		added += int(n)
	}
	return added, nil
}

// AddBoardRecords adds sealed records to a board, ignoring ids it holds already, and appends
// ev with the count added. It returns how many were added.
func (d *DB) AddBoardRecords(ctx context.Context, engagementID string, recs []board.Record, ev retention.AuditEvent) (int, error) {
	var added int
	err := d.tx(ctx, func(t *sql.Tx) error {
		var err error
		if added, err = insertRecords(ctx, t, "board_records", engagementID, recs); err != nil {
			return err
		}
		ev.Count = added
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return 0, fmt.Errorf("add board records: %w", mapErr(err))
	}
	return added, nil
}

func readRecords(ctx context.Context, db *sql.DB, table, engagementID string) ([]board.Record, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, interview, sealed FROM `+table+` WHERE engagement_id = ? ORDER BY id`, engagementID)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", table, mapErr(err))
	}
	defer rows.Close()
	var out []board.Record
	for rows.Next() {
		var r board.Record
		if err := rows.Scan(&r.ID, &r.Interview, &r.Sealed); err != nil {
			return nil, fmt.Errorf("read %s: %w", table, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// BoardRecords returns a board's sealed records in the order of their random ids.
func (d *DB) BoardRecords(ctx context.Context, engagementID string) ([]board.Record, error) {
	return readRecords(ctx, d.db, "board_records", engagementID)
}

// RemoveBoardRecord deletes one record of a board (secure_delete is on) and stores the work
// without it, with ev.
func (d *DB) RemoveBoardRecord(ctx context.Context, engagementID, id string, sealedWork []byte, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if err := mustAffect(t.ExecContext(ctx, `DELETE FROM board_records WHERE engagement_id = ? AND id = ?`, engagementID, id)); err != nil {
			return err
		}
		if _, err := t.ExecContext(ctx, `UPDATE boards SET sealed_work = ? WHERE engagement_id = ?`, sealedWork, engagementID); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("remove board record: %w", mapErr(err))
	}
	return nil
}

// SaveBoardWork stores the board's sealed day-2 work.
func (d *DB) SaveBoardWork(ctx context.Context, engagementID string, sealed []byte) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		return mustAffect(t.ExecContext(ctx, `UPDATE boards SET sealed_work = ? WHERE engagement_id = ?`, sealed, engagementID))
	})
	if err != nil {
		return fmt.Errorf("save board work: %w", mapErr(err))
	}
	return nil
}

// ImportBundle stores an opened bundle's records and its import receipt, with ev, in one
// transaction: ErrDuplicateBundle, and nothing changed, when the bundle id was imported before.
// The receipt's Items, Interviews and Duplicates are counted here.
func (d *DB) ImportBundle(ctx context.Context, engagementID string, imp board.Import, recs []board.Record, ev retention.AuditEvent) (board.Import, error) {
	err := d.tx(ctx, func(t *sql.Tx) (err error) {
		imp, err = importTx(ctx, t, engagementID, imp, recs, ev)
		return err
	})
	if err != nil {
		return board.Import{}, fmt.Errorf("import bundle: %w", mapErr(err))
	}
	return imp, nil
}

func importTx(ctx context.Context, t *sql.Tx, engagementID string, imp board.Import, recs []board.Record, ev retention.AuditEvent) (board.Import, error) {
	var n int
	if err := t.QueryRowContext(ctx, `SELECT count(*) FROM board_imports WHERE engagement_id = ? AND bundle_id = ?`, engagementID, imp.BundleID).Scan(&n); err != nil {
		return imp, err
	}
	if n > 0 {
		return imp, ErrDuplicateBundle
	}
	imp.Items, imp.Interviews, imp.Duplicates = 0, 0, 0
	for _, r := range recs {
		added, err := insertRecords(ctx, t, "board_records", engagementID, []board.Record{r})
		if err != nil {
			return imp, err
		}
		switch {
		case added == 0:
			imp.Duplicates++
		case r.Interview:
			imp.Interviews++
		default:
			imp.Items++
		}
	}
	if _, err := t.ExecContext(ctx, `INSERT INTO board_imports (engagement_id, bundle_id, source_kiosk, items, interviews, duplicates, at)
		VALUES (?,?,?,?,?,?,?)`, engagementID, imp.BundleID, imp.SourceKiosk, imp.Items, imp.Interviews, imp.Duplicates, imp.At.UnixNano()); err != nil {
		return imp, err
	}
	ev.Count = imp.Items + imp.Interviews
	return imp, appendAudit(ctx, t, ev)
}

// AddPendingBundle keeps a checked bundle, as it came, until a team member accepts or refuses
// it, with ev. A bundle imported before is ErrDuplicateBundle, one refused before
// board.ErrRefusedBundle; one already waiting is left as it is.
func (d *DB) AddPendingBundle(ctx context.Context, engagementID, bundleID string, raw []byte, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		var imported, refused, waiting int
		if err := t.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM board_imports WHERE engagement_id = ?1 AND bundle_id = ?2),
			(SELECT count(*) FROM board_pending WHERE engagement_id = ?1 AND bundle_id = ?2 AND refused = 1),
			(SELECT count(*) FROM board_pending WHERE engagement_id = ?1 AND bundle_id = ?2 AND refused = 0)`,
			engagementID, bundleID).Scan(&imported, &refused, &waiting); err != nil {
			return err
		}
		switch {
		case imported > 0:
			return ErrDuplicateBundle
		case refused > 0:
			return board.ErrRefusedBundle
		case waiting > 0:
			return nil
		}
		if _, err := t.ExecContext(ctx, `INSERT INTO board_pending (engagement_id, bundle_id, bundle) VALUES (?,?,?)`,
			engagementID, bundleID, raw); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("keep bundle for acceptance: %w", mapErr(err))
	}
	return nil
}

// PendingBundles lists the bundles waiting for a member's acceptance, in the order of their
// random ids.
func (d *DB) PendingBundles(ctx context.Context, engagementID string) ([]board.Waiting, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT bundle_id, bundle FROM board_pending WHERE engagement_id = ? AND refused = 0
		ORDER BY bundle_id`, engagementID)
	if err != nil {
		return nil, fmt.Errorf("pending bundles: %w", mapErr(err))
	}
	defer rows.Close()
	var out []board.Waiting
	for rows.Next() {
		var w board.Waiting
		if err := rows.Scan(&w.BundleID, &w.Raw); err != nil {
			return nil, fmt.Errorf("pending bundles: %w", err)
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// RoomPins returns the verifying key each room's bundles are pinned to, by room name.
func (d *DB) RoomPins(ctx context.Context, engagementID string) (map[string][]byte, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT room, room_key FROM board_room_pins WHERE engagement_id = ?`, engagementID)
	if err != nil {
		return nil, fmt.Errorf("room keys: %w", mapErr(err))
	}
	defer rows.Close()
	out := map[string][]byte{}
	for rows.Next() {
		var (
			room string
			key  []byte
		)
		if err := rows.Scan(&room, &key); err != nil {
			return nil, fmt.Errorf("room keys: %w", err)
		}
		out[room] = key
	}
	return out, rows.Err()
}

// AcceptBundle takes a waiting bundle's records onto the board with its receipt, pins the
// room's key when it is the room's first, and drops the waiting copy, with ev, in one
// transaction. A room pinned to another key is board.ErrRoomKeyChanged, and nothing changes.
func (d *DB) AcceptBundle(ctx context.Context, engagementID string, imp board.Import, roomKey []byte, recs []board.Record, ev retention.AuditEvent) (board.Import, error) {
	err := d.tx(ctx, func(t *sql.Tx) (err error) {
		var pinned []byte
		err = t.QueryRowContext(ctx, `SELECT room_key FROM board_room_pins WHERE engagement_id = ? AND room = ?`,
			engagementID, imp.SourceKiosk).Scan(&pinned)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if _, err := t.ExecContext(ctx, `INSERT INTO board_room_pins (engagement_id, room, room_key) VALUES (?,?,?)`,
				engagementID, imp.SourceKiosk, roomKey); err != nil {
				return err
			}
		case err != nil:
			return err
		case !bytes.Equal(pinned, roomKey):
			return board.ErrRoomKeyChanged
		}
		if err := mustAffect(t.ExecContext(ctx, `DELETE FROM board_pending WHERE engagement_id = ? AND bundle_id = ? AND refused = 0`,
			engagementID, imp.BundleID)); err != nil {
			return err
		}
		imp, err = importTx(ctx, t, engagementID, imp, recs, ev)
		return err
	})
	if err != nil {
		return board.Import{}, fmt.Errorf("accept bundle: %w", mapErr(err))
	}
	return imp, nil
}

// RefuseBundle drops a waiting bundle, keeping its id so the same file is not offered again,
// with ev.
func (d *DB) RefuseBundle(ctx context.Context, engagementID, bundleID string, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if err := mustAffect(t.ExecContext(ctx, `UPDATE board_pending SET bundle = NULL, refused = 1
			WHERE engagement_id = ? AND bundle_id = ? AND refused = 0`, engagementID, bundleID)); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("refuse bundle: %w", mapErr(err))
	}
	return nil
}

// BoardImports lists a board's import receipts, oldest first.
func (d *DB) BoardImports(ctx context.Context, engagementID string) ([]board.Import, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT bundle_id, source_kiosk, items, interviews, duplicates, at FROM board_imports
		WHERE engagement_id = ? ORDER BY at, bundle_id`, engagementID)
	if err != nil {
		return nil, fmt.Errorf("board imports: %w", mapErr(err))
	}
	defer rows.Close()
	var out []board.Import
	for rows.Next() {
		var (
			imp board.Import
			at  int64
		)
		if err := rows.Scan(&imp.BundleID, &imp.SourceKiosk, &imp.Items, &imp.Interviews, &imp.Duplicates, &at); err != nil {
			return nil, fmt.Errorf("board imports: %w", err)
		}
		imp.At = time.Unix(0, at).UTC()
		out = append(out, imp)
	}
	return out, rows.Err()
}

// LinkBoard keeps the public part of a board kept on another kiosk for a local engagement,
// with the deletion date that travelled with it, and ev. With dropOutbox, the contributions
// waiting for the board it replaces are deleted with it (they are sealed to another board).
func (d *DB) LinkBoard(ctx context.Context, engagementID string, public []byte, deletion time.Time, dropOutbox bool, ev retention.AuditEvent) error {
	err := d.tx(ctx, func(t *sql.Tx) error {
		if dropOutbox {
			if _, err := t.ExecContext(ctx, `DELETE FROM board_outbox WHERE engagement_id = ?`, engagementID); err != nil {
				return err
			}
		}
		if _, err := t.ExecContext(ctx, `INSERT INTO board_links (engagement_id, public, deletion_at) VALUES (?,?,?)
			ON CONFLICT (engagement_id) DO UPDATE SET public = excluded.public, deletion_at = excluded.deletion_at`,
			engagementID, public, deletion.UnixNano()); err != nil {
			return err
		}
		// The outbox keeps the earlier of the dates: a date brought forward applies at once.
		if _, err := t.ExecContext(ctx, `UPDATE board_outbox SET deletion_at = min(deletion_at, ?) WHERE engagement_id = ?`,
			deletion.UnixNano(), engagementID); err != nil {
			return err
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("link board: %w", mapErr(err))
	}
	return nil
}

// BoardLink returns the public part linked to a local engagement; session.ErrNotFound when
// there is none.
func (d *DB) BoardLink(ctx context.Context, engagementID string) ([]byte, time.Time, error) {
	var (
		pub []byte
		at  int64
	)
	err := d.db.QueryRowContext(ctx, `SELECT public, deletion_at FROM board_links WHERE engagement_id = ?`, engagementID).Scan(&pub, &at)
	if err != nil {
		return nil, time.Time{}, notFound(err, "board link of "+engagementID)
	}
	return pub, time.Unix(0, at).UTC(), nil
}

// AddOutbox keeps contributions for a board kept elsewhere until they are exported and their
// deletion date, with ev. It returns how many were new.
func (d *DB) AddOutbox(ctx context.Context, engagementID string, recs []board.Record, deletion time.Time, ev retention.AuditEvent) (int, error) {
	var added int
	err := d.tx(ctx, func(t *sql.Tx) error {
		var err error
		if added, err = insertRecords(ctx, t, "board_outbox", engagementID, recs, deletion.UnixNano()); err != nil {
			return err
		}
		ev.Count = added
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return 0, fmt.Errorf("add to outbox: %w", mapErr(err))
	}
	return added, nil
}

// Outbox returns the contributions waiting for a board kept elsewhere.
func (d *DB) Outbox(ctx context.Context, engagementID string) ([]board.Record, error) {
	return readRecords(ctx, d.db, "board_outbox", engagementID)
}

// eraseBoards deletes the board rows that scope covers, inside Erase's transaction, and
// returns how many rows went and the sealed member keys among them (for the check after).
func eraseBoards(ctx context.Context, t *sql.Tx, scope retention.Scope) (int, [][]byte, error) {
	var (
		keyWhere string
		deletes  []string
		args     []any
	)
	switch scope.Kind {
	case retention.KindPurge:
		due := `(SELECT id FROM engagements WHERE deletion_at <= ?1 AND legal_hold = 0)`
		keyWhere = `engagement_id IN ` + due
		deletes = []string{
			`DELETE FROM board_records WHERE engagement_id IN ` + due,
			`DELETE FROM board_members WHERE engagement_id IN ` + due,
			`DELETE FROM board_imports WHERE engagement_id IN ` + due,
			`DELETE FROM board_room_pins WHERE engagement_id IN ` + due,
			`DELETE FROM board_pending WHERE engagement_id IN ` + due,
			`DELETE FROM board_workshops WHERE engagement_id IN ` + due,
			`DELETE FROM boards WHERE engagement_id IN ` + due,
			`DELETE FROM board_outbox WHERE deletion_at <= ?1 OR engagement_id IN ` + due,
			`DELETE FROM board_links WHERE (deletion_at <= ?1 OR engagement_id IN ` + due + `)
				AND engagement_id NOT IN (SELECT engagement_id FROM board_outbox)`,
		}
		args = []any{scope.DueAt.UnixNano()}
	case retention.KindWipeEngagement:
		keyWhere = `engagement_id = ?1`
		for _, tb := range []string{"board_records", "board_members", "board_imports", "board_room_pins", "board_pending", "board_workshops", "boards", "board_outbox", "board_links"} {
			deletes = append(deletes, `DELETE FROM `+tb+` WHERE engagement_id = ?1`)
		}
		args = []any{scope.EngagementID}
	case retention.KindWipeAll:
		keyWhere = `1`
		for _, tb := range []string{"board_records", "board_members", "board_imports", "board_room_pins", "board_pending", "board_workshops", "boards", "board_outbox", "board_links"} {
			deletes = append(deletes, `DELETE FROM `+tb)
		}
	default:
		return 0, nil, nil
	}
	var keys [][]byte
	rows, err := t.QueryContext(ctx, `SELECT sealed_key FROM board_members WHERE sealed_key IS NOT NULL AND `+keyWhere, args...)
	if err != nil {
		return 0, nil, err
	}
	for rows.Next() {
		var k []byte
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return 0, nil, err
		}
		keys = append(keys, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, nil, err
	}
	n := 0
	for _, q := range deletes {
		res, err := t.ExecContext(ctx, q, args...)
		if err != nil {
			return 0, nil, err
		}
		c, err := res.RowsAffected()
		if err != nil {
			return 0, nil, err
		}
		n += int(c)
	}
	return n, keys, nil
}

// boardRowsRemaining counts board rows still carrying any of the engagement ids (a JSON array
// in ?2).
const boardRowsRemaining = ` +
		(SELECT count(*) FROM boards WHERE engagement_id IN (SELECT value FROM json_each(?2))) +
		(SELECT count(*) FROM board_members WHERE engagement_id IN (SELECT value FROM json_each(?2))) +
		(SELECT count(*) FROM board_records WHERE engagement_id IN (SELECT value FROM json_each(?2))) +
		(SELECT count(*) FROM board_imports WHERE engagement_id IN (SELECT value FROM json_each(?2))) +
		(SELECT count(*) FROM board_room_pins WHERE engagement_id IN (SELECT value FROM json_each(?2))) +
		(SELECT count(*) FROM board_pending WHERE engagement_id IN (SELECT value FROM json_each(?2))) +
		(SELECT count(*) FROM board_workshops WHERE engagement_id IN (SELECT value FROM json_each(?2))) +
		(SELECT count(*) FROM board_links WHERE engagement_id IN (SELECT value FROM json_each(?2))) +
		(SELECT count(*) FROM board_outbox WHERE engagement_id IN (SELECT value FROM json_each(?2)))`
