package retention

import (
	"bytes"
	"context"
	"sort"
	"sync"
	"time"

	"quietroom/app/session"
)

// fakeClock is a settable clock.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

type fakeSession struct {
	eng string
	del time.Time
	key []byte
}

// fakeStorage is an in-memory Storage; its "files" are the sealed keys still held.
type fakeStorage struct {
	mu       sync.Mutex
	floor    time.Time
	mark     ClockMark
	engs     map[string]session.Engagement
	sessions map[string]fakeSession
	audit    []AuditEvent
	receipts map[string]Receipt
	truncs   int
}

func newFakeStorage() *fakeStorage {
	return &fakeStorage{engs: map[string]session.Engagement{}, sessions: map[string]fakeSession{}, receipts: map[string]Receipt{}}
}

func (f *fakeStorage) add(eng string, engDate time.Time, id string, del time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.engs[eng]; !ok {
		f.engs[eng] = session.Engagement{ID: eng, DeletionDate: engDate}
	}
	if id != "" {
		f.sessions[id] = fakeSession{eng: eng, del: del, key: []byte("sealed-key-of-" + id)}
	}
}

func (f *fakeStorage) has(id string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, ok := f.sessions[id]
	return ok
}

func (f *fakeStorage) TimeFloor(context.Context) (time.Time, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.floor, nil
}

func (f *fakeStorage) ClockMark(context.Context) (ClockMark, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.mark, nil
}

func (f *fakeStorage) RecordTime(_ context.Context, m ClockMark) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if m.Trusted.IsZero() {
		return nil
	}
	if m.Trusted.After(f.floor) {
		f.floor = m.Trusted
	}
	f.mark = m
	return nil
}

func (f *fakeStorage) Engagement(_ context.Context, id string) (session.Engagement, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	e, ok := f.engs[id]
	if !ok {
		return e, session.ErrNotFound
	}
	return e, nil
}

func (f *fakeStorage) SetLegalHold(_ context.Context, id string, hold bool, reason string, ev AuditEvent) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	e, ok := f.engs[id]
	if !ok {
		return session.ErrNotFound
	}
	e.LegalHold, e.HoldReason = hold, reason
	f.engs[id] = e
	f.audit = append(f.audit, ev)
	return nil
}

func (f *fakeStorage) SetDeletionDate(_ context.Context, id string, date time.Time, ev AuditEvent) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	e, ok := f.engs[id]
	if !ok {
		return session.ErrNotFound
	}
	e.DeletionDate = date
	f.engs[id] = e
	for sid, s := range f.sessions {
		if s.eng == id && s.del.After(date) {
			s.del = date
			f.sessions[sid] = s
		}
	}
	f.audit = append(f.audit, ev)
	return nil
}

func (f *fakeStorage) NextDeletion(context.Context) (time.Time, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var next time.Time
	for _, s := range f.sessions {
		if !f.engs[s.eng].LegalHold && (next.IsZero() || s.del.Before(next)) {
			next = s.del
		}
	}
	return next, !next.IsZero(), nil
}

func (f *fakeStorage) AppendAudit(_ context.Context, ev AuditEvent) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.audit = append(f.audit, ev)
	return nil
}

func (f *fakeStorage) Erase(_ context.Context, scope Scope, rec Receipt) (Receipt, [][]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var ids []string
	for id, s := range f.sessions {
		switch scope.Kind {
		case KindPurge:
			if !s.del.After(scope.DueAt) && !f.engs[s.eng].LegalHold {
				ids = append(ids, id)
			}
		case KindWithdrawal:
			if id == scope.SessionID {
				ids = append(ids, id)
			}
		case KindWipeEngagement:
			if s.eng == scope.EngagementID {
				ids = append(ids, id)
			}
		case KindWipeAll:
			ids = append(ids, id)
		}
	}
	switch scope.Kind {
	case KindWithdrawal:
		if len(ids) == 0 {
			return Receipt{}, nil, session.ErrNotFound
		}
	case KindWipeEngagement:
		e, ok := f.engs[scope.EngagementID]
		if !ok {
			return Receipt{}, nil, session.ErrNotFound
		}
		if e.LegalHold {
			return Receipt{}, nil, ErrLegalHold
		}
		rec.EngagementIDs = []string{e.ID}
	case KindWipeAll:
		for _, e := range f.engs {
			if e.LegalHold {
				return Receipt{}, nil, ErrLegalHold
			}
		}
	}
	sort.Strings(ids)
	var keys [][]byte
	for _, id := range ids {
		keys = append(keys, f.sessions[id].key)
		delete(f.sessions, id)
	}
	switch scope.Kind {
	case KindWipeEngagement:
		delete(f.engs, scope.EngagementID)
	case KindWipeAll:
		f.engs = map[string]session.Engagement{}
		f.audit = nil
		f.receipts = map[string]Receipt{}
	}
	rec.SessionIDs, rec.Sessions, rec.KeysDestroyed, rec.RowsDeleted, rec.SecureDelete = ids, len(ids), len(keys), len(ids), true
	if scope.Kind == KindPurge && len(ids) == 0 {
		return rec, nil, nil
	}
	rec.Outcome = OutcomePending
	f.receipts[rec.ID] = rec
	return rec, keys, nil
}

func (f *fakeStorage) TruncateWAL(context.Context) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.truncs++
	return nil
}

func (f *fakeStorage) ReclaimFreePages(context.Context) (int64, error) { return 1, nil }

func (f *fakeStorage) RowsRemaining(_ context.Context, ids, engs []string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, id := range ids {
		if _, ok := f.sessions[id]; ok {
			n++
		}
	}
	for _, id := range engs {
		if _, ok := f.engs[id]; ok {
			n++
		}
	}
	return n, nil
}

func (f *fakeStorage) ScanFiles(_ context.Context, needles [][]byte) (int, int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	found := 0
	for _, n := range needles {
		for _, s := range f.sessions {
			if bytes.Equal(s.key, n) {
				found++
				break
			}
		}
	}
	return found, int64(len(f.sessions)), nil
}

func (f *fakeStorage) CompleteReceipt(_ context.Context, r Receipt) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.receipts[r.ID]; !ok {
		return session.ErrNotFound
	}
	f.receipts[r.ID] = r
	return nil
}

func (f *fakeStorage) PendingReceipts(context.Context) ([]Receipt, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Receipt
	for _, r := range f.receipts {
		if r.Outcome == OutcomePending {
			out = append(out, r)
		}
	}
	return out, nil
}

func (f *fakeStorage) auditActions() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, ev := range f.audit {
		out = append(out, ev.Action)
	}
	return out
}

var _ Storage = (*fakeStorage)(nil)
