package kiosktest

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"quietroom/app/board"
	"quietroom/app/kiosk"
	"quietroom/app/retention"
	"quietroom/app/session"
)

// Boards is kiosk.Boards in memory, kept to the SQLite store's rules and proven by
// BoardsContract, as the store is: a board, a member, a record or a link needs what it belongs
// to (the engagement, the board, the link); records keep the first of an id; every change that
// takes an audit event writes it with the change or changes nothing; every value is a copy.
// Store.Erase deletes a wiped or purged engagement's board with it, as the store's does.
type Boards struct {
	mu      sync.Mutex
	storage Around
	boards  map[string]*memBoard
	links   map[string]*memLink
}

// Around is what Boards needs of the store around it: the engagements and the audit log.
type Around interface {
	Engagement(ctx context.Context, id string) (session.Engagement, error)
	AppendAudit(ctx context.Context, ev retention.AuditEvent) error
}

type memBoard struct {
	recipient string
	work      []byte
	members   map[string][]byte
	records   map[string]board.Record
	imports   []board.Import
	pins      map[string][]byte
	pending   map[string][]byte // waiting bundles; a refused one is kept as nil
	refused   map[string]bool
}

type memLink struct {
	public   []byte
	deletion time.Time
	outbox   map[string]board.Record
	// goes is when each of the outbox's records goes (by id): the earliest date it was given.
	goes map[string]time.Time
}

var _ kiosk.Boards = (*Boards)(nil)

// NewBoards returns empty board storage over s (its engagements and audit log).
func NewBoards(s Around) *Boards {
	return &Boards{storage: s, boards: map[string]*memBoard{}, links: map[string]*memLink{}}
}

func cloneRecord(r board.Record) board.Record {
	r.Sealed = bytes.Clone(r.Sealed)
	return r
}

func sortedRecords(m map[string]board.Record) []board.Record {
	var out []board.Record
	for _, id := range slices.Sorted(maps.Keys(m)) {
		out = append(out, cloneRecord(m[id]))
	}
	return out
}

// audit writes ev; the caller holds mu and changes nothing when it fails.
func (s *Boards) audit(ctx context.Context, ev retention.AuditEvent) error {
	return s.storage.AppendAudit(ctx, ev)
}

func (s *Boards) board(id string) (*memBoard, error) {
	b, ok := s.boards[id]
	if !ok {
		return nil, fmt.Errorf("board of %s: %w", id, session.ErrNotFound)
	}
	return b, nil
}

// CreateBoard implements kiosk.Boards.
func (s *Boards) CreateBoard(ctx context.Context, engagementID, recipient string, members []board.Member, ev retention.AuditEvent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.storage.Engagement(ctx, engagementID); err != nil {
		return fmt.Errorf("create board of %s: %w", engagementID, err)
	}
	if _, ok := s.boards[engagementID]; ok {
		return fmt.Errorf("create board of %s: the engagement has its board already", engagementID)
	}
	b := &memBoard{recipient: recipient, members: map[string][]byte{}, records: map[string]board.Record{},
		pins: map[string][]byte{}, pending: map[string][]byte{}, refused: map[string]bool{}}
	for _, m := range members {
		if _, ok := b.members[m.InterviewerID]; ok {
			return fmt.Errorf("create board of %s: member %s twice", engagementID, m.InterviewerID)
		}
		b.members[m.InterviewerID] = bytes.Clone(m.SealedKey)
	}
	if err := s.audit(ctx, ev); err != nil {
		return fmt.Errorf("create board of %s: %w", engagementID, err)
	}
	s.boards[engagementID] = b
	return nil
}

// Board implements kiosk.Boards.
func (s *Boards) Board(ctx context.Context, engagementID string) (string, []byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.board(engagementID)
	if err != nil {
		return "", nil, err
	}
	return b.recipient, bytes.Clone(b.work), nil
}

// BoardMembers implements kiosk.Boards: by interviewer id.
func (s *Boards) BoardMembers(ctx context.Context, engagementID string) ([]board.Member, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.boards[engagementID]
	if !ok {
		return nil, nil
	}
	var out []board.Member
	for _, id := range slices.Sorted(maps.Keys(b.members)) {
		out = append(out, board.Member{InterviewerID: id, SealedKey: bytes.Clone(b.members[id])})
	}
	return out, nil
}

// SaveBoardMember implements kiosk.Boards.
func (s *Boards) SaveBoardMember(ctx context.Context, engagementID string, m board.Member, ev retention.AuditEvent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.board(engagementID)
	if err != nil {
		return fmt.Errorf("save board member: %w", err)
	}
	if err := s.audit(ctx, ev); err != nil {
		return fmt.Errorf("save board member: %w", err)
	}
	b.members[m.InterviewerID] = bytes.Clone(m.SealedKey)
	return nil
}

// addRecords adds the records whose ids to is not holding; the caller holds mu.
func addRecords(to map[string]board.Record, recs []board.Record) (added int) {
	for _, r := range recs {
		if _, ok := to[r.ID]; !ok {
			to[r.ID] = cloneRecord(r)
			added++
		}
	}
	return added
}

// newRecords counts the records of recs to would add, and the duplicates among them.
func newRecords(to map[string]board.Record, recs []board.Record) (items, interviews, dups int) {
	seen := map[string]bool{}
	for _, r := range recs {
		_, held := to[r.ID]
		switch {
		case held || seen[r.ID]:
			dups++
		case r.Interview:
			interviews++
		default:
			items++
		}
		seen[r.ID] = true
	}
	return items, interviews, dups
}

// AddBoardRecords implements kiosk.Boards.
func (s *Boards) AddBoardRecords(ctx context.Context, engagementID string, recs []board.Record, ev retention.AuditEvent) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.board(engagementID)
	if err != nil {
		return 0, fmt.Errorf("add board records: %w", err)
	}
	items, interviews, _ := newRecords(b.records, recs)
	ev.Count = items + interviews
	if err := s.audit(ctx, ev); err != nil {
		return 0, fmt.Errorf("add board records: %w", err)
	}
	return addRecords(b.records, recs), nil
}

// BoardRecords implements kiosk.Boards: in the order of their ids.
func (s *Boards) BoardRecords(ctx context.Context, engagementID string) ([]board.Record, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.boards[engagementID]
	if !ok {
		return nil, nil
	}
	return sortedRecords(b.records), nil
}

// RemoveBoardRecord implements kiosk.Boards.
func (s *Boards) RemoveBoardRecord(ctx context.Context, engagementID, id string, sealedWork []byte, ev retention.AuditEvent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.board(engagementID)
	if err != nil {
		return fmt.Errorf("remove board record: %w", err)
	}
	if _, ok := b.records[id]; !ok {
		return fmt.Errorf("remove board record %s: %w", id, session.ErrNotFound)
	}
	if err := s.audit(ctx, ev); err != nil {
		return fmt.Errorf("remove board record: %w", err)
	}
	delete(b.records, id)
	b.work = bytes.Clone(sealedWork)
	return nil
}

// SaveBoardWork implements kiosk.Boards.
func (s *Boards) SaveBoardWork(ctx context.Context, engagementID string, sealed []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.board(engagementID)
	if err != nil {
		return fmt.Errorf("save board work: %w", err)
	}
	b.work = bytes.Clone(sealed)
	return nil
}

// AddPendingBundle implements kiosk.Boards.
func (s *Boards) AddPendingBundle(ctx context.Context, engagementID, bundleID string, raw []byte, ev retention.AuditEvent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.board(engagementID)
	if err != nil {
		return fmt.Errorf("keep bundle for acceptance: %w", err)
	}
	_, waiting := b.pending[bundleID]
	switch {
	case slices.ContainsFunc(b.imports, func(i board.Import) bool { return i.BundleID == bundleID }):
		return fmt.Errorf("keep bundle for acceptance: %w", board.ErrDuplicateBundle)
	case b.refused[bundleID]:
		return fmt.Errorf("keep bundle for acceptance: %w", board.ErrRefusedBundle)
	case waiting:
		return nil
	}
	if err := s.audit(ctx, ev); err != nil {
		return fmt.Errorf("keep bundle for acceptance: %w", err)
	}
	b.pending[bundleID] = bytes.Clone(raw)
	return nil
}

// PendingBundles implements kiosk.Boards: in the order of their ids.
func (s *Boards) PendingBundles(ctx context.Context, engagementID string) ([]board.Waiting, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.boards[engagementID]
	if !ok {
		return nil, nil
	}
	var out []board.Waiting
	for _, id := range slices.Sorted(maps.Keys(b.pending)) {
		out = append(out, board.Waiting{BundleID: id, Raw: bytes.Clone(b.pending[id])})
	}
	return out, nil
}

// RoomPins implements kiosk.Boards.
func (s *Boards) RoomPins(ctx context.Context, engagementID string) (map[string][]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string][]byte{}
	if b, ok := s.boards[engagementID]; ok {
		for room, k := range b.pins {
			out[room] = bytes.Clone(k)
		}
	}
	return out, nil
}

// AcceptBundle implements kiosk.Boards.
func (s *Boards) AcceptBundle(ctx context.Context, engagementID string, imp board.Import, roomKey []byte, recs []board.Record, ev retention.AuditEvent) (board.Import, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.board(engagementID)
	if err != nil {
		return board.Import{}, fmt.Errorf("accept bundle: %w", err)
	}
	pinned, isPinned := b.pins[imp.SourceKiosk]
	if isPinned && !bytes.Equal(pinned, roomKey) {
		return board.Import{}, fmt.Errorf("accept bundle: %w", board.ErrRoomKeyChanged)
	}
	if _, ok := b.pending[imp.BundleID]; !ok {
		return board.Import{}, fmt.Errorf("accept bundle %s: %w", imp.BundleID, session.ErrNotFound)
	}
	if slices.ContainsFunc(b.imports, func(i board.Import) bool { return i.BundleID == imp.BundleID }) {
		return board.Import{}, fmt.Errorf("accept bundle: %w", board.ErrDuplicateBundle)
	}
	imp.Items, imp.Interviews, imp.Duplicates = newRecords(b.records, recs)
	ev.Count = imp.Items + imp.Interviews
	if err := s.audit(ctx, ev); err != nil {
		return board.Import{}, fmt.Errorf("accept bundle: %w", err)
	}
	if !isPinned {
		b.pins[imp.SourceKiosk] = bytes.Clone(roomKey)
	}
	delete(b.pending, imp.BundleID)
	addRecords(b.records, recs)
	imp.At = imp.At.UTC()
	b.imports = append(b.imports, imp)
	return imp, nil
}

// RefuseBundle implements kiosk.Boards.
func (s *Boards) RefuseBundle(ctx context.Context, engagementID, bundleID string, ev retention.AuditEvent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.board(engagementID)
	if err != nil {
		return fmt.Errorf("refuse bundle: %w", err)
	}
	if _, ok := b.pending[bundleID]; !ok {
		return fmt.Errorf("refuse bundle %s: %w", bundleID, session.ErrNotFound)
	}
	if err := s.audit(ctx, ev); err != nil {
		return fmt.Errorf("refuse bundle: %w", err)
	}
	delete(b.pending, bundleID)
	b.refused[bundleID] = true
	return nil
}

// BoardImports implements kiosk.Boards: oldest first.
func (s *Boards) BoardImports(ctx context.Context, engagementID string) ([]board.Import, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.boards[engagementID]
	if !ok {
		return nil, nil
	}
	out := slices.Clone(b.imports)
	slices.SortStableFunc(out, func(x, y board.Import) int {
		return cmp.Or(x.At.Compare(y.At), cmp.Compare(x.BundleID, y.BundleID))
	})
	return out, nil
}

// LinkBoard implements kiosk.Boards.
func (s *Boards) LinkBoard(ctx context.Context, engagementID string, public []byte, deletion time.Time, dropOutbox bool, ev retention.AuditEvent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.storage.Engagement(ctx, engagementID); err != nil {
		return fmt.Errorf("link board: %w", err)
	}
	if err := s.audit(ctx, ev); err != nil {
		return fmt.Errorf("link board: %w", err)
	}
	l, ok := s.links[engagementID]
	if !ok {
		l = &memLink{outbox: map[string]board.Record{}, goes: map[string]time.Time{}}
		s.links[engagementID] = l
	}
	if dropOutbox {
		l.outbox, l.goes = map[string]board.Record{}, map[string]time.Time{}
	}
	l.public, l.deletion = bytes.Clone(public), deletion.UTC()
	for id, at := range l.goes {
		if deletion.Before(at) {
			l.goes[id] = deletion.UTC()
		}
	}
	return nil
}

// BoardLink implements kiosk.Boards.
func (s *Boards) BoardLink(ctx context.Context, engagementID string) ([]byte, time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.links[engagementID]
	if !ok {
		return nil, time.Time{}, fmt.Errorf("board link of %s: %w", engagementID, session.ErrNotFound)
	}
	return bytes.Clone(l.public), l.deletion, nil
}

// AddOutbox implements kiosk.Boards.
func (s *Boards) AddOutbox(ctx context.Context, engagementID string, recs []board.Record, deletion time.Time, ev retention.AuditEvent) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.links[engagementID]
	if !ok {
		return 0, fmt.Errorf("add to outbox: board link of %s: %w", engagementID, session.ErrNotFound)
	}
	items, interviews, _ := newRecords(l.outbox, recs)
	ev.Count = items + interviews
	if err := s.audit(ctx, ev); err != nil {
		return 0, fmt.Errorf("add to outbox: %w", err)
	}
	for _, r := range recs {
		if _, ok := l.outbox[r.ID]; !ok {
			l.goes[r.ID] = deletion.UTC()
		}
	}
	return addRecords(l.outbox, recs), nil
}

// Outbox implements kiosk.Boards: in the order of their ids.
func (s *Boards) Outbox(ctx context.Context, engagementID string) ([]board.Record, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.links[engagementID]
	if !ok {
		return nil, nil
	}
	return sortedRecords(l.outbox), nil
}

// clearMember empties the member's sealed key on every board they are on (a PIN reset: they
// wait to be let in again).
func (s *Boards) clearMember(interviewerID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, b := range s.boards {
		if _, ok := b.members[interviewerID]; ok {
			b.members[interviewerID] = nil
		}
	}
}

// engagements lists the engagements with a board or a link.
func (s *Boards) engagements() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(maps.Keys(maps.Collect(func(yield func(string, bool) bool) {
		for id := range s.boards {
			yield(id, true)
		}
		for id := range s.links {
			yield(id, true)
		}
	})))
}

// erase deletes the boards and links of the engagements, and the outbox records and links due
// at due (when not zero), and returns the rows deleted and the member keys among them, as the
// store counts them. dry counts them and deletes nothing.
func (s *Boards) erase(engagementIDs []string, due time.Time, dry bool) (rows int, keys [][]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if dry {
		saved := s.boards
		savedLinks := s.links
		s.boards, s.links = maps.Clone(s.boards), map[string]*memLink{}
		for id, l := range savedLinks {
			c := *l
			c.outbox, c.goes = maps.Clone(l.outbox), maps.Clone(l.goes)
			s.links[id] = &c
		}
		defer func() { s.boards, s.links = saved, savedLinks }()
	}
	for _, id := range engagementIDs {
		if b, ok := s.boards[id]; ok {
			for _, k := range b.members {
				if k != nil {
					keys = append(keys, k)
				}
			}
			rows += 1 + len(b.members) + len(b.records) + len(b.imports) + len(b.pins) + len(b.pending) + len(b.refused)
			delete(s.boards, id)
		}
		if l, ok := s.links[id]; ok {
			rows += 1 + len(l.outbox)
			delete(s.links, id)
		}
	}
	if !due.IsZero() {
		for id, l := range s.links {
			for r, at := range l.goes {
				if !at.After(due) {
					rows++
					delete(l.outbox, r)
					delete(l.goes, r)
				}
			}
			if !l.deletion.After(due) && len(l.outbox) == 0 {
				rows++
				delete(s.links, id)
			}
		}
	}
	return rows, keys
}

// dump returns every byte the boards hold, for scanning them for plaintext.
func (s *Boards) dump() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	var raw bytes.Buffer
	for id, b := range s.boards {
		raw.WriteString(id + b.recipient)
		raw.Write(b.work)
		for m, k := range b.members {
			raw.WriteString(m)
			raw.Write(k)
		}
		for _, r := range b.records {
			raw.WriteString(r.ID)
			raw.Write(r.Sealed)
		}
		for _, p := range b.pending {
			raw.Write(p)
		}
		for _, i := range b.imports {
			raw.WriteString(i.BundleID + i.SourceKiosk)
		}
	}
	for _, l := range s.links {
		raw.Write(l.public)
		for _, r := range l.outbox {
			raw.Write(r.Sealed)
		}
	}
	return raw.Bytes()
}
