package retentiontest

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/session/sessiontest"
)

var errNoAction = errors.New("audit event without an action")

// Storage is an in-memory retention.Storage over an in-memory session store (sessiontest.Store,
// embedded, which holds the sessions, entries, consents and decline counts). It adds what the
// SQLite store adds: engagements that can be created, listed and wiped, deletion dates kept to
// retention's rules, the time floor and its clock mark, the audit log and deletion receipts.
// It is safe for concurrent use. FailNext makes the next call of a method fail, changing
// nothing. The zero value is not usable: call NewStorage.
type Storage struct {
	*sessiontest.Store

	mu          sync.Mutex
	live        map[string]bool // engagements not wiped
	declineBase map[string]int  // decline counts wiped with their engagement
	floor       time.Time
	mark        retention.ClockMark
	audit       []retention.AuditEvent // oldest first
	seq         int64
	receipts    []retention.Receipt // in the order written
	forgets     int
	fail        map[string]error
}

var (
	_ retention.Storage = (*Storage)(nil)
	_ session.Store     = (*Storage)(nil)
	_ Inspectable       = (*Storage)(nil)
)

// NewStorage returns an empty storage.
func NewStorage() *Storage {
	return &Storage{Store: sessiontest.NewStore(), live: map[string]bool{}, declineBase: map[string]int{}, fail: map[string]error{}}
}

// FailNext makes the next call of the named method (e.g. "Erase", "ForgetDeleted",
// "PutEntry") return err and change nothing.
func (f *Storage) FailNext(method string, err error) {
	switch method {
	case "CreateSession", "UpdateSession", "Session", "PutEntry", "DeleteEntry", "Entries",
		"PutConsent", "Consent", "CountDecline":
		f.Store.FailNext(method, err) // the session store's own
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail[method] = err
}

// planned returns the failure planned for method, if any. The caller holds mu.
func (f *Storage) planned(method string) error {
	if err, ok := f.fail[method]; ok {
		delete(f.fail, method)
		return fmt.Errorf("retentiontest: %s: %w", method, err)
	}
	return nil
}

// Has reports whether the session is stored.
func (f *Storage) Has(sessionID string) bool {
	_, err := f.Store.Session(context.Background(), sessionID)
	return err == nil
}

// ForgetCalls returns how many times ForgetDeleted was called.
func (f *Storage) ForgetCalls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.forgets
}

// AddEngagement adds or replaces an engagement as it is, without the checks and the audit
// entry of CreateEngagement (a fixture, or a test closing one).
func (f *Storage) AddEngagement(e session.Engagement) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.live[e.ID] = true
	f.Store.AddEngagement(e)
}

// CreateEngagement stores a new engagement and appends ev to the audit log, as the SQLite
// store does: retention.ErrNoDeletionDate without a date, retention.ErrNoReason for a hold
// without a reason, an error for an id in use.
func (f *Storage) CreateEngagement(ctx context.Context, e session.Engagement, ev retention.AuditEvent) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("CreateEngagement"); err != nil {
		return err
	}
	switch {
	case e.DeletionDate.IsZero():
		return fmt.Errorf("create engagement %s: %w", e.ID, retention.ErrNoDeletionDate)
	case e.LegalHold && e.HoldReason == "":
		return fmt.Errorf("create engagement %s: %w", e.ID, retention.ErrNoReason)
	case f.live[e.ID]:
		return fmt.Errorf("create engagement %s: already exists", e.ID)
	case ev.Action == "":
		return fmt.Errorf("create engagement %s: %w", e.ID, errNoAction)
	}
	if !e.LegalHold {
		e.HoldReason = ""
	}
	e.DeletionDate, e.CreatedAt = e.DeletionDate.UTC(), e.CreatedAt.UTC()
	f.live[e.ID] = true
	f.Store.AddEngagement(e)
	f.appendAudit(ev)
	return nil
}

// Engagements lists every engagement, earliest deletion date first.
func (f *Storage) Engagements(ctx context.Context) ([]session.Engagement, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("Engagements"); err != nil {
		return nil, err
	}
	var out []session.Engagement
	for id := range f.live {
		e, err := f.Store.Engagement(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b session.Engagement) int {
		return cmp.Or(a.DeletionDate.Compare(b.DeletionDate), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// Engagement implements retention.Storage and session.Store.
func (f *Storage) Engagement(ctx context.Context, id string) (session.Engagement, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("Engagement"); err != nil {
		return session.Engagement{}, err
	}
	return f.engagement(ctx, id)
}

// engagement returns a live engagement. The caller holds mu.
func (f *Storage) engagement(ctx context.Context, id string) (session.Engagement, error) {
	if !f.live[id] {
		return session.Engagement{}, fmt.Errorf("engagement %s: %w", id, session.ErrNotFound)
	}
	return f.Store.Engagement(ctx, id)
}

// CreateSession implements session.Store. A zero DeletionDate inherits the engagement's; a
// later one is refused (retention.SessionDeletionDate).
func (f *Storage) CreateSession(ctx context.Context, r session.Record) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	e, err := f.engagement(ctx, r.EngagementID)
	if err != nil {
		return fmt.Errorf("create session %s: %w", r.ID, err)
	}
	if r.DeletionDate, err = retention.SessionDeletionDate(e.DeletionDate, r.DeletionDate); err != nil {
		return fmt.Errorf("create session %s: %w", r.ID, err)
	}
	r.DeletionDate = r.DeletionDate.UTC()
	return f.Store.CreateSession(ctx, r)
}

// UpdateSession implements session.Store. The deletion date may move earlier, never later; a
// zero date keeps the stored one.
func (f *Storage) UpdateSession(ctx context.Context, r session.Record) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	cur, err := f.Store.Session(ctx, r.ID)
	if err != nil {
		return fmt.Errorf("update session %s: %w", r.ID, err)
	}
	if _, err := f.engagement(ctx, r.EngagementID); err != nil {
		return fmt.Errorf("update session %s: %w", r.ID, err)
	}
	if r.DeletionDate, err = retention.SessionDeletionDate(cur.DeletionDate, r.DeletionDate); err != nil {
		return fmt.Errorf("update session %s: %w", r.ID, err)
	}
	r.DeletionDate = r.DeletionDate.UTC()
	return f.Store.UpdateSession(ctx, r)
}

// CountDecline implements session.Store.
func (f *Storage) CountDecline(ctx context.Context, engagementID string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.live[engagementID] {
		return fmt.Errorf("count decline: engagement %s: %w", engagementID, session.ErrNotFound)
	}
	return f.Store.CountDecline(ctx, engagementID)
}

// Declines returns the decline count of an engagement (zero once it is wiped).
func (f *Storage) Declines(engagementID string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.declines(engagementID)
}

func (f *Storage) declines(engagementID string) int {
	return f.Store.Declines(engagementID) - f.declineBase[engagementID]
}

// TimeFloor implements retention.Storage.
func (f *Storage) TimeFloor(context.Context) (time.Time, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("TimeFloor"); err != nil {
		return time.Time{}, err
	}
	return f.floor, nil
}

// ClockMark implements retention.Storage.
func (f *Storage) ClockMark(context.Context) (retention.ClockMark, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("ClockMark"); err != nil {
		return retention.ClockMark{}, err
	}
	return f.mark, nil
}

// RecordTime implements retention.Storage.
func (f *Storage) RecordTime(_ context.Context, m retention.ClockMark) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("RecordTime"); err != nil {
		return err
	}
	if m.Trusted.IsZero() {
		return nil
	}
	m.Trusted = m.Trusted.UTC()
	if m.Trusted.After(f.floor) {
		f.floor = m.Trusted
	}
	f.mark = m
	return nil
}

// SetLegalHold implements retention.Storage.
func (f *Storage) SetLegalHold(ctx context.Context, id string, hold bool, reason string, ev retention.AuditEvent) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("SetLegalHold"); err != nil {
		return err
	}
	if hold && reason == "" {
		return fmt.Errorf("legal hold on %s: %w", id, retention.ErrNoReason)
	}
	if !hold {
		reason = ""
	}
	e, err := f.engagement(ctx, id)
	if err != nil {
		return fmt.Errorf("legal hold on %s: %w", id, err)
	}
	if ev.Action == "" {
		return fmt.Errorf("legal hold on %s: %w", id, errNoAction)
	}
	e.LegalHold, e.HoldReason = hold, reason
	f.Store.AddEngagement(e)
	f.appendAudit(ev)
	return nil
}

// SetDeletionDate implements retention.Storage.
func (f *Storage) SetDeletionDate(ctx context.Context, id string, date time.Time, ev retention.AuditEvent) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("SetDeletionDate"); err != nil {
		return err
	}
	if date.IsZero() {
		return fmt.Errorf("set deletion date of %s: %w", id, retention.ErrNoDeletionDate)
	}
	e, err := f.engagement(ctx, id)
	if err != nil {
		return fmt.Errorf("set deletion date of %s: %w", id, err)
	}
	if ev.Action == "" {
		return fmt.Errorf("set deletion date of %s: %w", id, errNoAction)
	}
	date = date.UTC()
	var later []session.Record
	for _, r := range f.Store.Snapshot().Sessions {
		if r.EngagementID == id && r.DeletionDate.After(date) {
			r.DeletionDate = date
			later = append(later, r)
		}
	}
	e.DeletionDate = date
	f.Store.AddEngagement(e)
	for _, r := range later {
		if err := f.Store.UpdateSession(ctx, r); err != nil {
			panic(fmt.Sprintf("retentiontest: bring session %s forward: %v", r.ID, err)) // it was just read
		}
	}
	f.appendAudit(ev)
	return nil
}

// NextDeletion implements retention.Storage.
func (f *Storage) NextDeletion(ctx context.Context) (time.Time, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("NextDeletion"); err != nil {
		return time.Time{}, false, err
	}
	var next time.Time
	for _, r := range f.Store.Snapshot().Sessions {
		e, err := f.engagement(ctx, r.EngagementID)
		if err != nil {
			return time.Time{}, false, err
		}
		if !e.LegalHold && (next.IsZero() || r.DeletionDate.Before(next)) {
			next = r.DeletionDate
		}
	}
	return next, !next.IsZero(), nil
}

// AppendAudit implements retention.Storage.
func (f *Storage) AppendAudit(_ context.Context, ev retention.AuditEvent) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("AppendAudit"); err != nil {
		return err
	}
	if ev.Action == "" {
		return fmt.Errorf("append audit: %w", errNoAction)
	}
	f.appendAudit(ev)
	return nil
}

// appendAudit appends ev, numbered. The caller holds mu and has checked ev.Action.
func (f *Storage) appendAudit(ev retention.AuditEvent) {
	f.seq++
	ev.Seq, ev.At = f.seq, ev.At.UTC()
	f.audit = append(f.audit, ev)
}

// Audit returns the audit log, newest first, at most limit events (all when limit <= 0).
func (f *Storage) Audit(_ context.Context, limit int) ([]retention.AuditEvent, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("Audit"); err != nil {
		return nil, err
	}
	out := slices.Clone(f.audit)
	slices.Reverse(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Receipts returns every deletion receipt, newest first.
func (f *Storage) Receipts(context.Context) ([]retention.Receipt, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("Receipts"); err != nil {
		return nil, err
	}
	out := cloneReceipts(f.receipts)
	slices.Reverse(out)
	slices.SortStableFunc(out, func(a, b retention.Receipt) int { return b.At.Compare(a.At) })
	return out, nil
}

// Erase implements retention.Storage.
func (f *Storage) Erase(ctx context.Context, scope retention.Scope, rec retention.Receipt) (retention.Receipt, [][]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("Erase"); err != nil {
		return retention.Receipt{}, nil, err
	}
	snap := f.Store.Snapshot()
	var ids, engs []string
	switch scope.Kind {
	case retention.KindPurge:
		for id, r := range snap.Sessions {
			e, err := f.engagement(ctx, r.EngagementID)
			if err != nil {
				return retention.Receipt{}, nil, err
			}
			if !r.DeletionDate.After(scope.DueAt) && !e.LegalHold {
				ids = append(ids, id)
			}
		}
	case retention.KindWithdrawal:
		if _, ok := snap.Sessions[scope.SessionID]; !ok {
			return retention.Receipt{}, nil, fmt.Errorf("erase (%s): session %s: %w", scope.Kind, scope.SessionID, session.ErrNotFound)
		}
		ids = []string{scope.SessionID}
	case retention.KindWipeEngagement:
		e, err := f.engagement(ctx, scope.EngagementID)
		if err != nil {
			return retention.Receipt{}, nil, fmt.Errorf("erase (%s): %w", scope.Kind, err)
		}
		if e.LegalHold {
			return retention.Receipt{}, nil, fmt.Errorf("erase (%s): %w", scope.Kind, retention.ErrLegalHold)
		}
		for id, r := range snap.Sessions {
			if r.EngagementID == e.ID {
				ids = append(ids, id)
			}
		}
		engs = []string{e.ID}
	case retention.KindWipeAll:
		for id := range f.live {
			e, err := f.engagement(ctx, id)
			if err != nil {
				return retention.Receipt{}, nil, err
			}
			if e.LegalHold {
				return retention.Receipt{}, nil, fmt.Errorf("erase (%s): %w", scope.Kind, retention.ErrLegalHold)
			}
			engs = append(engs, id)
		}
		for id := range snap.Sessions {
			ids = append(ids, id)
		}
		slices.Sort(engs)
	default:
		return retention.Receipt{}, nil, fmt.Errorf("erase: unknown erase kind %q", scope.Kind)
	}
	slices.Sort(ids)
	rec.Kind, rec.SecureDelete = scope.Kind, true
	rec.SessionIDs, rec.Sessions = ids, len(ids)
	rec.EngagementIDs, rec.Entries, rec.Consents, rec.Declines = engs, 0, 0, 0
	var keys [][]byte
	for _, id := range ids {
		r := snap.Sessions[id]
		if len(r.SealedKey) > 0 {
			keys = append(keys, r.SealedKey)
		}
		rec.Entries += len(snap.Entries[id])
		if _, ok := snap.Consents[id]; ok {
			rec.Consents++
		}
	}
	if scope.Kind == retention.KindPurge || scope.Kind == retention.KindWithdrawal {
		for _, id := range ids {
			if e := snap.Sessions[id].EngagementID; !slices.Contains(rec.EngagementIDs, e) {
				rec.EngagementIDs = append(rec.EngagementIDs, e)
			}
		}
	}
	rec.KeysDestroyed = len(keys)
	rec.RowsDeleted = rec.Sessions + rec.Entries + rec.Consents
	if scope.Kind == retention.KindPurge && len(ids) == 0 {
		return rec, nil, nil
	}
	if scope.Kind != retention.KindWipeAll && slices.ContainsFunc(f.receipts, func(r retention.Receipt) bool { return r.ID == rec.ID }) {
		return retention.Receipt{}, nil, fmt.Errorf("erase (%s): receipt %s already exists", scope.Kind, rec.ID)
	}
	// Nothing below fails: the change is whole or not made.
	for _, id := range ids {
		f.Store.DeleteSession(id)
	}
	for _, id := range engs {
		if n := f.declines(id); n > 0 {
			rec.Declines += n
			rec.RowsDeleted++
		}
		f.declineBase[id] = f.Store.Declines(id)
		delete(f.live, id)
		rec.RowsDeleted++
	}
	if scope.Kind == retention.KindWipeAll {
		rec.RowsDeleted += len(f.audit) + len(f.receipts)
		f.audit, f.receipts = nil, nil
	}
	rec.Outcome = retention.OutcomePending
	rec.At, rec.CompletedAt = rec.At.UTC(), rec.CompletedAt.UTC()
	f.receipts = append(f.receipts, cloneReceipt(rec))
	return rec, keys, nil
}

// ForgetDeleted implements retention.Storage: an in-memory store keeps no journal and no free
// space, so nothing of a deleted record is left to forget.
func (f *Storage) ForgetDeleted(context.Context) (retention.Forgotten, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.forgets++
	if err := f.planned("ForgetDeleted"); err != nil {
		return retention.Forgotten{}, err
	}
	return retention.Forgotten{JournalCleared: true, SpaceReturned: true}, nil
}

// RecordsRemaining implements retention.Storage.
func (f *Storage) RecordsRemaining(_ context.Context, sessionIDs, engagementIDs []string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("RecordsRemaining"); err != nil {
		return 0, err
	}
	snap := f.Store.Snapshot()
	n := 0
	for id, r := range snap.Sessions {
		if slices.Contains(sessionIDs, id) {
			n += 1 + len(snap.Entries[id])
			if _, ok := snap.Consents[id]; ok {
				n++
			}
		}
		if slices.Contains(engagementIDs, r.EngagementID) {
			n++
		}
	}
	for _, id := range engagementIDs {
		if f.live[id] {
			n++
		}
		if f.declines(id) > 0 {
			n++
		}
	}
	return n, nil
}

// Remnants implements retention.Storage: the bytes it keeps are every byte of the session
// store (sessiontest.Store.Dump), receipts and audit log.
func (f *Storage) Remnants(_ context.Context, markers [][]byte) (int, int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("Remnants"); err != nil {
		return 0, 0, err
	}
	disk := f.Store.Dump()
	disk = fmt.Appendf(disk, "%v%v%v%v", f.receipts, f.audit, f.floor, f.mark)
	found := 0
	for _, m := range markers {
		if len(m) > 0 && bytes.Contains(disk, m) {
			found++
		}
	}
	return found, int64(len(disk)), nil
}

// CompleteReceipt implements retention.Storage.
func (f *Storage) CompleteReceipt(_ context.Context, r retention.Receipt) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("CompleteReceipt"); err != nil {
		return err
	}
	i := slices.IndexFunc(f.receipts, func(x retention.Receipt) bool { return x.ID == r.ID })
	if i < 0 {
		return fmt.Errorf("complete receipt %s: %w", r.ID, session.ErrNotFound)
	}
	c := &f.receipts[i]
	c.WALTruncated, c.PagesReclaimed, c.Reclaimed = r.WALTruncated, r.PagesReclaimed, r.Reclaimed
	c.RowsRemaining, c.BytesScanned, c.KeysFound = r.RowsRemaining, r.BytesScanned, r.KeysFound
	c.Outcome, c.CompletedAt = r.Outcome, r.CompletedAt.UTC()
	return nil
}

// PendingReceipts implements retention.Storage.
func (f *Storage) PendingReceipts(context.Context) ([]retention.Receipt, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.planned("PendingReceipts"); err != nil {
		return nil, err
	}
	var out []retention.Receipt
	for _, r := range f.receipts {
		if r.Outcome == retention.OutcomePending {
			out = append(out, cloneReceipt(r))
		}
	}
	slices.SortStableFunc(out, func(a, b retention.Receipt) int { return a.At.Compare(b.At) })
	return out, nil
}

func cloneReceipt(r retention.Receipt) retention.Receipt {
	r.EngagementIDs, r.SessionIDs = slices.Clone(r.EngagementIDs), slices.Clone(r.SessionIDs)
	return r
}

func cloneReceipts(rs []retention.Receipt) []retention.Receipt {
	out := make([]retention.Receipt, len(rs))
	for i, r := range rs {
		out[i] = cloneReceipt(r)
	}
	return out
}
