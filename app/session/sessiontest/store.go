package sessiontest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"

	"quietroom/app/session"
)

// Store is an in-memory session.Store. Like the SQLite store it keeps Progress and TimerState as
// JSON, checks that sessions belong to an engagement and entries to a session, and copies every
// value in and out. FailNext makes a method fail once, changing nothing.
type Store struct {
	mu          sync.Mutex
	engagements map[string]session.Engagement
	sessions    map[string]storedSession
	entries     map[string][]session.Entry // by session, in creation order
	consents    map[string]session.ConsentRecord
	declines    map[string]int
	calls       map[string]int
	fail        map[string]error
}

type storedSession struct {
	rec      session.Record // Progress and Timer zero: they live in the JSON below
	progress []byte
	timer    []byte
}

// NewStore returns a store holding the given engagements.
func NewStore(engagements ...session.Engagement) *Store {
	s := &Store{
		engagements: map[string]session.Engagement{},
		sessions:    map[string]storedSession{},
		entries:     map[string][]session.Entry{},
		consents:    map[string]session.ConsentRecord{},
		declines:    map[string]int{},
		calls:       map[string]int{},
		fail:        map[string]error{},
	}
	for _, e := range engagements {
		s.AddEngagement(e)
	}
	return s
}

// AddEngagement adds or replaces an engagement.
func (s *Store) AddEngagement(e session.Engagement) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e.StakeholderGroups = slices.Clone(e.StakeholderGroups)
	s.engagements[e.ID] = e
}

// FailNext makes the next call of the named method (e.g. "PutEntry") return err and change
// nothing.
func (s *Store) FailNext(method string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail[method] = err
}

// Calls returns how many calls of the named method succeeded.
func (s *Store) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

// Declines returns the decline count of an engagement.
func (s *Store) Declines(engagementID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.declines[engagementID]
}

// planned returns the failure planned for method, if any. The caller holds the lock.
func (s *Store) planned(method string) error {
	if err, ok := s.fail[method]; ok {
		delete(s.fail, method)
		return fmt.Errorf("sessiontest: %s: %w", method, err)
	}
	return nil
}

func (s *Store) done(method string) {
	s.calls[method]++
}

// Engagement returns an engagement.
func (s *Store) Engagement(ctx context.Context, id string) (session.Engagement, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.planned("Engagement"); err != nil {
		return session.Engagement{}, err
	}
	e, ok := s.engagements[id]
	if !ok {
		return session.Engagement{}, fmt.Errorf("engagement %s: %w", id, session.ErrNotFound)
	}
	s.done("Engagement")
	e.StakeholderGroups = slices.Clone(e.StakeholderGroups)
	return e, nil
}

// CreateSession stores a new session.
func (s *Store) CreateSession(ctx context.Context, r session.Record) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.planned("CreateSession"); err != nil {
		return err
	}
	if _, ok := s.sessions[r.ID]; ok {
		return fmt.Errorf("create session %s: already exists", r.ID)
	}
	if _, ok := s.engagements[r.EngagementID]; !ok {
		return fmt.Errorf("create session %s: engagement %s: %w", r.ID, r.EngagementID, session.ErrNotFound)
	}
	st, err := encode(r)
	if err != nil {
		return err
	}
	s.sessions[r.ID] = st
	s.done("CreateSession")
	return nil
}

// UpdateSession replaces a stored session.
func (s *Store) UpdateSession(ctx context.Context, r session.Record) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.planned("UpdateSession"); err != nil {
		return err
	}
	if _, ok := s.sessions[r.ID]; !ok {
		return fmt.Errorf("update session %s: %w", r.ID, session.ErrNotFound)
	}
	if _, ok := s.engagements[r.EngagementID]; !ok {
		return fmt.Errorf("update session %s: engagement %s: %w", r.ID, r.EngagementID, session.ErrNotFound)
	}
	st, err := encode(r)
	if err != nil {
		return err
	}
	s.sessions[r.ID] = st
	s.done("UpdateSession")
	return nil
}

// Session returns a stored session.
func (s *Store) Session(ctx context.Context, id string) (session.Record, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.planned("Session"); err != nil {
		return session.Record{}, err
	}
	st, ok := s.sessions[id]
	if !ok {
		return session.Record{}, fmt.Errorf("session %s: %w", id, session.ErrNotFound)
	}
	r, err := decode(st)
	if err != nil {
		return session.Record{}, err
	}
	s.done("Session")
	return r, nil
}

// PutEntry inserts or replaces an entry; a replaced entry keeps its place in the order.
func (s *Store) PutEntry(ctx context.Context, e session.Entry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.planned("PutEntry"); err != nil {
		return err
	}
	if _, ok := s.sessions[e.SessionID]; !ok {
		return fmt.Errorf("put entry %s: session %s: %w", e.ID, e.SessionID, session.ErrNotFound)
	}
	e.Sealed = bytes.Clone(e.Sealed)
	list := slices.Clone(s.entries[e.SessionID])
	if i := slices.IndexFunc(list, func(x session.Entry) bool { return x.ID == e.ID }); i >= 0 {
		list[i] = e
	} else {
		list = append(list, e)
	}
	s.entries[e.SessionID] = list
	s.done("PutEntry")
	return nil
}

// DeleteEntry removes an entry.
func (s *Store) DeleteEntry(ctx context.Context, sessionID, entryID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.planned("DeleteEntry"); err != nil {
		return err
	}
	list := s.entries[sessionID]
	i := slices.IndexFunc(list, func(x session.Entry) bool { return x.ID == entryID })
	if i < 0 {
		return fmt.Errorf("delete entry %s of session %s: %w", entryID, sessionID, session.ErrNotFound)
	}
	s.entries[sessionID] = slices.Delete(slices.Clone(list), i, i+1)
	s.done("DeleteEntry")
	return nil
}

// Entries returns a session's entries in creation order (none for an unknown session).
func (s *Store) Entries(ctx context.Context, sessionID string) ([]session.Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.planned("Entries"); err != nil {
		return nil, err
	}
	out := slices.Clone(s.entries[sessionID])
	for i := range out {
		out[i].Sealed = bytes.Clone(out[i].Sealed)
	}
	s.done("Entries")
	return out, nil
}

// PutConsent stores or replaces a session's consent record.
func (s *Store) PutConsent(ctx context.Context, c session.ConsentRecord) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.planned("PutConsent"); err != nil {
		return err
	}
	if _, ok := s.sessions[c.SessionID]; !ok {
		return fmt.Errorf("put consent: session %s: %w", c.SessionID, session.ErrNotFound)
	}
	s.consents[c.SessionID] = cloneConsent(c)
	s.done("PutConsent")
	return nil
}

// Consent returns a session's consent record.
func (s *Store) Consent(ctx context.Context, sessionID string) (session.ConsentRecord, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.planned("Consent"); err != nil {
		return session.ConsentRecord{}, err
	}
	c, ok := s.consents[sessionID]
	if !ok {
		return session.ConsentRecord{}, fmt.Errorf("consent of session %s: %w", sessionID, session.ErrNotFound)
	}
	s.done("Consent")
	return cloneConsent(c), nil
}

// CountDecline adds one to an engagement's decline count.
func (s *Store) CountDecline(ctx context.Context, engagementID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.planned("CountDecline"); err != nil {
		return err
	}
	if _, ok := s.engagements[engagementID]; !ok {
		return fmt.Errorf("count decline: engagement %s: %w", engagementID, session.ErrNotFound)
	}
	s.declines[engagementID]++
	s.done("CountDecline")
	return nil
}

// DeleteSession removes a session, its entries and its consent; it reports whether the session
// existed. The fake Eraser uses it.
func (s *Store) DeleteSession(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.sessions[id]
	delete(s.sessions, id)
	delete(s.entries, id)
	delete(s.consents, id)
	return ok
}

// Snapshot is a deep copy of everything a Store holds besides engagements, for tests comparing
// before and after with reflect.DeepEqual, or scanning for plaintext.
type Snapshot struct {
	Sessions map[string]session.Record
	Entries  map[string][]session.Entry
	Consents map[string]session.ConsentRecord
	Declines map[string]int
}

// Snapshot returns a deep copy of the store's contents.
func (s *Store) Snapshot() Snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	snap := Snapshot{
		Sessions: map[string]session.Record{},
		Entries:  map[string][]session.Entry{},
		Consents: map[string]session.ConsentRecord{},
		Declines: maps.Clone(s.declines),
	}
	for id, st := range s.sessions {
		r, err := decode(st)
		if err != nil {
			panic(err) // encode checked it
		}
		snap.Sessions[id] = r
	}
	for id, list := range s.entries {
		out := slices.Clone(list)
		for i := range out {
			out[i].Sealed = bytes.Clone(out[i].Sealed)
		}
		snap.Entries[id] = out
	}
	for id, c := range s.consents {
		snap.Consents[id] = cloneConsent(c)
	}
	return snap
}

// Dump returns every byte the store holds (sessions, entries, consents, counts) as one blob, for
// scanning it for plaintext.
func (s *Store) Dump() []byte {
	b, err := json.Marshal(s.Snapshot())
	if err != nil {
		panic(err)
	}
	var raw bytes.Buffer
	raw.Write(b)
	// JSON shows byte slices in base64; add them raw as well so a scan sees what a disk would.
	snap := s.Snapshot()
	for _, r := range snap.Sessions {
		raw.Write(r.SealedLabel)
		raw.Write(r.SealedParticipants)
		raw.Write(r.SealedKey)
	}
	for _, list := range snap.Entries {
		for _, e := range list {
			raw.Write(e.Sealed)
		}
	}
	for _, c := range snap.Consents {
		raw.Write(c.SealedSignature)
	}
	return raw.Bytes()
}

func encode(r session.Record) (storedSession, error) {
	p, err := json.Marshal(r.Progress)
	if err != nil {
		return storedSession{}, fmt.Errorf("encode progress of %s: %w", r.ID, err)
	}
	t, err := json.Marshal(r.Timer)
	if err != nil {
		return storedSession{}, fmt.Errorf("encode timer of %s: %w", r.ID, err)
	}
	r.Progress, r.Timer = session.Progress{}, session.TimerState{}
	r.TopicIDs = slices.Clone(r.TopicIDs)
	r.SealedLabel = bytes.Clone(r.SealedLabel)
	r.SealedParticipants = bytes.Clone(r.SealedParticipants)
	r.SealedKey = bytes.Clone(r.SealedKey)
	return storedSession{rec: r, progress: p, timer: t}, nil
}

func decode(st storedSession) (session.Record, error) {
	r := st.rec
	r.TopicIDs = slices.Clone(r.TopicIDs)
	r.SealedLabel = bytes.Clone(r.SealedLabel)
	r.SealedParticipants = bytes.Clone(r.SealedParticipants)
	r.SealedKey = bytes.Clone(r.SealedKey)
	if err := json.Unmarshal(st.progress, &r.Progress); err != nil {
		return session.Record{}, fmt.Errorf("decode progress of %s: %w", r.ID, err)
	}
	if err := json.Unmarshal(st.timer, &r.Timer); err != nil {
		return session.Record{}, fmt.Errorf("decode timer of %s: %w", r.ID, err)
	}
	return r, nil
}

func cloneConsent(c session.ConsentRecord) session.ConsentRecord {
	c.Choices = maps.Clone(c.Choices)
	c.SealedSignature = bytes.Clone(c.SealedSignature)
	return c
}
