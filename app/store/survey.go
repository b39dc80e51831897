package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/survey"
)

// CreateSurvey stores a survey engagement: the engagement e, the survey's rules and public key
// in r, and its private key sealed to each member (keys, by interviewer id), and appends ev to
// the audit log, all in one transaction.
func (d *DB) CreateSurvey(ctx context.Context, e session.Engagement, r survey.Record, keys map[string][]byte, ev retention.AuditEvent) error {
	teams, err := json.Marshal(r.Teams)
	if err != nil {
		return fmt.Errorf("create survey %s: %w", e.ID, err)
	}
	groups, err := json.Marshal(nonNil(e.StakeholderGroups))
	if err != nil {
		return fmt.Errorf("create survey %s: %w", e.ID, err)
	}
	err = d.tx(ctx, func(t *sql.Tx) error {
		if _, err := t.ExecContext(ctx, `INSERT INTO engagements (id, title, kind, deletion_at, stakeholder_groups, created_at)
			VALUES (?,?,?,?,?,?)`, e.ID, e.Title, string(e.Kind), e.DeletionDate.UnixNano(), string(groups), timeValue(e.CreatedAt)); err != nil {
			return err
		}
		if _, err := t.ExecContext(ctx, `INSERT INTO surveys (engagement_id, survey_id, survey_version, survey_hash,
			survey_file, teams, opens_on, closes_on, min_group, public_key, deletion_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
			e.ID, r.SurveyID, r.SurveyVersion, r.SurveyHash, r.File, string(teams),
			r.Opens.Format(time.DateOnly), r.Closes.Format(time.DateOnly), r.MinGroup, r.PublicKey, e.DeletionDate.UnixNano()); err != nil {
			return err
		}
		for member, k := range keys {
			if _, err := t.ExecContext(ctx, `INSERT INTO survey_keys (engagement_id, interviewer_id, sealed_key) VALUES (?,?,?)`,
				e.ID, member, k); err != nil {
				return err
			}
		}
		return appendAudit(ctx, t, ev)
	})
	if err != nil {
		return fmt.Errorf("create survey %s: %w", e.ID, err)
	}
	return nil
}

// Surveys lists every survey engagement whose responses are still kept, with its engagement's
// title and hold, by title. Its deletion date is the earlier of the engagement's and the one
// the survey was made with (which respondents were told): it can come forward, never go back.
func (d *DB) Surveys(ctx context.Context) ([]survey.Record, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT s.engagement_id, e.title, min(e.deletion_at, s.deletion_at), e.legal_hold, s.survey_id,
		s.survey_version, s.survey_hash, s.survey_file, s.teams, s.opens_on, s.closes_on, s.min_group, s.public_key,
		(SELECT coalesce(json_group_array(k.interviewer_id), '[]') FROM survey_keys k WHERE k.engagement_id = s.engagement_id)
		FROM surveys s JOIN engagements e ON e.id = s.engagement_id ORDER BY e.title, s.engagement_id`)
	if err != nil {
		return nil, fmt.Errorf("list surveys: %w", err)
	}
	defer rows.Close()
	var out []survey.Record
	for rows.Next() {
		var (
			r                    survey.Record
			del                  int64
			teams, opens, closes string
			members              string
		)
		if err := rows.Scan(&r.EngagementID, &r.Title, &del, &r.LegalHold, &r.SurveyID, &r.SurveyVersion, &r.SurveyHash,
			&r.File, &teams, &opens, &closes, &r.MinGroup, &r.PublicKey, &members); err != nil {
			return nil, fmt.Errorf("list surveys: %w", err)
		}
		r.DeletionDate = time.Unix(0, del).UTC()
		if err := json.Unmarshal([]byte(teams), &r.Teams); err != nil {
			return nil, fmt.Errorf("survey %s teams: %w", r.EngagementID, err)
		}
		if err := json.Unmarshal([]byte(members), &r.Members); err != nil {
			return nil, fmt.Errorf("survey %s members: %w", r.EngagementID, err)
		}
		if r.Opens, err = time.Parse(time.DateOnly, opens); err != nil {
			return nil, fmt.Errorf("survey %s: %w", r.EngagementID, err)
		}
		if r.Closes, err = time.Parse(time.DateOnly, closes); err != nil {
			return nil, fmt.Errorf("survey %s: %w", r.EngagementID, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list surveys: %w", err)
	}
	return out, nil
}

// PutSurveyResponse stores one sealed response under its random id. Nothing else is written:
// no time, no audit entry (its time would date the response).
//
// The survey's responses are one value (survey_records), every response in the order of its
// id, and each response rewrites it whole: so where a response's bytes sit in the value and in
// the file's pages follows its random id, never the order it came in (one row per response
// would put each new one on the next free pages). The value is rewritten in one transaction,
// with secure_delete (the pages of the old value are zeroed), and the WAL is then checkpointed
// into the database and truncated, so that it holds no frame of it: left there, the frames of
// successive values, with the minute-by-minute clock mark between them, would tell which
// response came at which minute. Responses stored one row each by an earlier version move into
// the value with the survey's next response.
func (d *DB) PutSurveyResponse(ctx context.Context, engagementID, responseID string, sealed []byte) error {
	if responseID == "" || len(responseID) > math.MaxUint16 || len(sealed) > math.MaxUint32 {
		return fmt.Errorf("store survey response: %w: the response's id or size", ErrCorrupt)
	}
	err := d.tx(ctx, func(t *sql.Tx) error {
		recs, err := surveyRecords(ctx, t, engagementID)
		if err != nil {
			return err
		}
		if _, dup := recs[responseID]; dup {
			return fmt.Errorf("survey response %s is already stored", responseID)
		}
		recs[responseID] = sealed
		if _, err := t.ExecContext(ctx, `DELETE FROM survey_responses WHERE engagement_id = ?`, engagementID); err != nil {
			return err
		}
		_, err = t.ExecContext(ctx, `INSERT INTO survey_records (engagement_id, records) VALUES (?, ?)
			ON CONFLICT (engagement_id) DO UPDATE SET records = excluded.records`, engagementID, encodeRecords(recs))
		if isFK(err) {
			return fmt.Errorf("survey %s: %w", engagementID, session.ErrNotFound)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("store survey response: %w", mapErr(err))
	}
	// The response is saved; what is left in the WAL goes at the next checkpoint, which the
	// clock mark makes every minute, so a checkpoint that fails now is not the person's error.
	_ = d.truncateWAL(ctx)
	return nil
}

// SurveyResponses returns an engagement's sealed responses by id.
func (d *DB) SurveyResponses(ctx context.Context, engagementID string) (map[string][]byte, error) {
	recs, err := surveyRecords(ctx, d.db, engagementID)
	if err != nil {
		return nil, fmt.Errorf("read survey responses: %w", err)
	}
	return recs, nil
}

// querier is what surveyRecords reads through: the database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// surveyRecords reads an engagement's responses: its records and any row an earlier version
// stored.
func surveyRecords(ctx context.Context, q querier, engagementID string) (map[string][]byte, error) {
	var value []byte
	err := q.QueryRowContext(ctx, `SELECT records FROM survey_records WHERE engagement_id = ?`, engagementID).Scan(&value)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	out, err := decodeRecords(value)
	if err != nil {
		return nil, fmt.Errorf("survey %s: %w", engagementID, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT id, sealed FROM survey_responses WHERE engagement_id = ? ORDER BY id`, engagementID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id     string
			sealed []byte
		)
		if err := rows.Scan(&id, &sealed); err != nil {
			return nil, err
		}
		out[id] = sealed
	}
	return out, rows.Err()
}

// encodeRecords writes responses as one value, in the order of their ids: for each, the id's
// length (2 bytes, big-endian) and the id, then the sealed bytes' length (4 bytes) and the
// sealed bytes.
func encodeRecords(recs map[string][]byte) []byte {
	ids := slices.Sorted(maps.Keys(recs))
	n := 0
	for _, id := range ids {
		n += 6 + len(id) + len(recs[id])
	}
	b := make([]byte, 0, n)
	for _, id := range ids {
		b = binary.BigEndian.AppendUint16(b, uint16(len(id)))
		b = append(b, id...)
		b = binary.BigEndian.AppendUint32(b, uint32(len(recs[id])))
		b = append(b, recs[id]...)
	}
	return b
}

// decodeRecords reads what encodeRecords wrote.
func decodeRecords(b []byte) (map[string][]byte, error) {
	out := map[string][]byte{}
	for len(b) > 0 {
		if len(b) < 2 {
			return nil, fmt.Errorf("%w: survey records cut short", ErrCorrupt)
		}
		n := int(binary.BigEndian.Uint16(b))
		if len(b) < 2+n+4 {
			return nil, fmt.Errorf("%w: survey records cut short", ErrCorrupt)
		}
		id := string(b[2 : 2+n])
		b = b[2+n:]
		m := int(binary.BigEndian.Uint32(b))
		if len(b)-4 < m {
			return nil, fmt.Errorf("%w: survey records cut short", ErrCorrupt)
		}
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("%w: survey response %s twice", ErrCorrupt, id)
		}
		out[id] = slices.Clone(b[4 : 4+m])
		b = b[4+m:]
	}
	return out, nil
}

// SurveyKey returns the survey's private key as sealed to one member; session.ErrNotFound when
// the interviewer is not on the engagement's review team.
func (d *DB) SurveyKey(ctx context.Context, engagementID, interviewerID string) ([]byte, error) {
	var k []byte
	err := d.db.QueryRowContext(ctx, `SELECT sealed_key FROM survey_keys WHERE engagement_id = ? AND interviewer_id = ?`,
		engagementID, interviewerID).Scan(&k)
	if err != nil {
		return nil, notFound(err, "survey key")
	}
	return k, nil
}

// eraseSurveys deletes the survey rules, sealed keys and responses of the engagements that
// selectIDs selects (an SQL query of engagement ids), inside Erase's transaction, and adds what
// it deleted to rec. It returns the sealed keys, for the check afterwards.
func eraseSurveys(ctx context.Context, t *sql.Tx, selectIDs string, args []any, rec *retention.Receipt) ([][]byte, error) {
	rows, err := t.QueryContext(ctx, `SELECT engagement_id FROM surveys WHERE engagement_id IN (`+selectIDs+`) ORDER BY engagement_id`, args...)
	if err != nil {
		return nil, err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	idsJSON, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	const in = ` IN (SELECT value FROM json_each(?))`
	var keys [][]byte
	krows, err := t.QueryContext(ctx, `SELECT sealed_key FROM survey_keys WHERE engagement_id`+in, string(idsJSON))
	if err != nil {
		return nil, err
	}
	for krows.Next() {
		var k []byte
		if err := krows.Scan(&k); err != nil {
			krows.Close()
			return nil, err
		}
		keys = append(keys, k)
	}
	krows.Close()
	if err := krows.Err(); err != nil {
		return nil, err
	}
	// The responses are not counted: a count of them, beside results that leave a small team
	// out, would give that team's turnout.
	for _, table := range []string{"survey_records", "survey_responses", "survey_keys", "surveys"} {
		res, err := t.ExecContext(ctx, `DELETE FROM `+table+` WHERE engagement_id`+in, string(idsJSON))
		if err != nil {
			return nil, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, err
		}
		rec.RowsDeleted += int(n)
	}
	rec.KeysDestroyed += len(keys)
	for _, id := range ids {
		found := false
		for _, e := range rec.EngagementIDs {
			found = found || e == id
		}
		if !found {
			rec.EngagementIDs = append(rec.EngagementIDs, id)
		}
	}
	return keys, nil
}
