package kiosk

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"quietroom/app/board"
	"quietroom/app/protocol"
	"quietroom/app/report"
	"quietroom/app/retention"
	"quietroom/app/seal"
	"quietroom/app/session"
	"quietroom/app/vault"
)

// Boards are the peer challenge teams' boards kept on this kiosk, and this kiosk's links to
// boards kept on another room's kiosk. Every content column is sealed to a board's key; the
// store never sees plaintext. Methods that take a retention.AuditEvent write it in the same
// transaction as the change.
type Boards interface {
	CreateBoard(ctx context.Context, engagementID, recipient string, members []board.Member, ev retention.AuditEvent) error
	// Board returns the board's public key and sealed work; session.ErrNotFound without one.
	Board(ctx context.Context, engagementID string) (recipient string, sealedWork []byte, err error)
	BoardMembers(ctx context.Context, engagementID string) ([]board.Member, error)
	SaveBoardMember(ctx context.Context, engagementID string, m board.Member, ev retention.AuditEvent) error
	// AddBoardRecords adds records, ignoring ids already there; ev's Count is set to the number added.
	AddBoardRecords(ctx context.Context, engagementID string, recs []board.Record, ev retention.AuditEvent) (int, error)
	BoardRecords(ctx context.Context, engagementID string) ([]board.Record, error)
	RemoveBoardRecord(ctx context.Context, engagementID, id string, sealedWork []byte, ev retention.AuditEvent) error
	SaveBoardWork(ctx context.Context, engagementID string, sealed []byte) error
	// ImportBundle stores a bundle's records and receipt whole, or nothing; a bundle id seen
	// before is board.ErrDuplicateBundle.
	ImportBundle(ctx context.Context, engagementID string, imp board.Import, recs []board.Record, ev retention.AuditEvent) (board.Import, error)
	BoardImports(ctx context.Context, engagementID string) ([]board.Import, error)
	// LinkBoard keeps a board's public part for a local engagement; BoardLink returns it
	// (session.ErrNotFound without one).
	LinkBoard(ctx context.Context, engagementID string, public []byte, deletion time.Time, ev retention.AuditEvent) error
	BoardLink(ctx context.Context, engagementID string) ([]byte, time.Time, error)
	AddOutbox(ctx context.Context, engagementID string, recs []board.Record, deletion time.Time, ev retention.AuditEvent) (int, error)
	Outbox(ctx context.Context, engagementID string) ([]board.Record, error)
}

// Errors of the board's use cases.
var (
	// ErrNoBoards: this kiosk was assembled without board storage.
	ErrNoBoards = errors.New("this kiosk keeps no team boards")
	// ErrNotPeerChallenge: a board belongs to a peer challenge engagement only.
	ErrNotPeerChallenge = errors.New("a team board is for a peer challenge engagement only: choose a peer challenge, or ask an admin to make the engagement one")
	// ErrNotOnTeam: the interviewer is not on the engagement's team.
	ErrNotOnTeam = errors.New("you are not on this engagement's team: ask the coordinator")
	// ErrWaitingToBeLetIn: on the team, but no member has let them in to the board yet.
	ErrWaitingToBeLetIn = errors.New("you are on the team, but a team member must let you in to the board first: ask one to open the board and tap Let in beside your name (Stick and team)")
	// ErrNoBoard: the engagement has no board here and is not linked to one elsewhere.
	ErrNoBoard = errors.New("this engagement has no team board on this kiosk: import the board's file from the USB stick")
)

// Board file names on the stick: the public part, the bundles, the presentation.
const (
	PublicFileExt = ".qrboard"
	BundleFileExt = ".qrbundle"
)

func (k *Kiosk) boards() (Boards, error) {
	if k.d.Boards == nil {
		return nil, ErrNoBoards
	}
	return k.d.Boards, nil
}

func (k *Kiosk) engagement(ctx context.Context, id string) (session.Engagement, error) {
	all, err := k.d.Engagements.Engagements(ctx)
	if err != nil {
		return session.Engagement{}, err
	}
	for _, e := range all {
		if e.ID == id {
			return e, nil
		}
	}
	return session.Engagement{}, fmt.Errorf("engagement %s: %w", id, session.ErrNotFound)
}

func (k *Kiosk) boardEvent(actor retention.Role, action, engagementID string, count int) retention.AuditEvent {
	return retention.AuditEvent{At: k.Now(), Actor: actor, Action: action, EngagementID: engagementID, Count: count, Outcome: "ok"}
}

func recipientOf(iv session.Interviewer) (string, error) {
	slot, err := vault.ParseSlot(iv.KeySlot)
	if err != nil {
		return "", err
	}
	return slot.PublicKey, nil
}

// SetTeam sets a peer challenge engagement's team (admin). The first time, it makes the board:
// a new board key sealed to each member's own public key, then forgotten, so the admin never
// holds anything that opens it. Members added later wait until an existing member lets them in
// (Board.LetIn). Members are never removed here: the board dies with the engagement.
func (k *Kiosk) SetTeam(ctx context.Context, a *Admin, engagementID string, memberIDs []string) error {
	if err := a.check(); err != nil {
		return err
	}
	bs, err := k.boards()
	if err != nil {
		return err
	}
	e, err := k.engagement(ctx, engagementID)
	if err != nil {
		return err
	}
	if e.Kind != session.KindPeerChallenge {
		return ErrNotPeerChallenge
	}
	if len(memberIDs) == 0 {
		return fmt.Errorf("%w: choose at least one team member", ErrInvalid)
	}
	_, _, err = bs.Board(ctx, engagementID)
	switch {
	case errors.Is(err, session.ErrNotFound):
		key, err := board.NewKey(engagementID)
		if err != nil {
			return err
		}
		defer key.Lock()
		w, err := key.Writer()
		if err != nil {
			return err
		}
		var members []board.Member
		for _, id := range memberIDs {
			iv, err := k.d.Interviewers.Interviewer(ctx, id)
			if err != nil {
				return fmt.Errorf("team member %s: %w", id, err)
			}
			rcpt, err := recipientOf(iv)
			if err != nil {
				return fmt.Errorf("team member %s: %w", id, err)
			}
			sealed, err := key.SealFor(rcpt)
			if err != nil {
				return err
			}
			members = append(members, board.Member{InterviewerID: id, SealedKey: sealed})
		}
		return bs.CreateBoard(ctx, engagementID, w.Recipient(), members,
			k.boardEvent(retention.RoleAdmin, "board.create", engagementID, len(members)))
	case err != nil:
		return err
	}
	have, err := bs.BoardMembers(ctx, engagementID)
	if err != nil {
		return err
	}
	for _, id := range memberIDs {
		if slices.ContainsFunc(have, func(m board.Member) bool { return m.InterviewerID == id }) {
			continue
		}
		if _, err := k.d.Interviewers.Interviewer(ctx, id); err != nil {
			return fmt.Errorf("team member %s: %w", id, err)
		}
		if err := bs.SaveBoardMember(ctx, engagementID, board.Member{InterviewerID: id},
			k.boardEvent(retention.RoleAdmin, "board.member.add", engagementID, 1)); err != nil {
			return err
		}
	}
	return nil
}

// TeamMember is a member of a board's team as lists show them.
type TeamMember struct {
	ID, Name string
	Waiting  bool // not let in yet
}

// Team lists an engagement's team: names and whether each is let in; no keys.
func (k *Kiosk) Team(ctx context.Context, engagementID string) ([]TeamMember, error) {
	bs, err := k.boards()
	if err != nil {
		return nil, err
	}
	ms, err := bs.BoardMembers(ctx, engagementID)
	if err != nil {
		return nil, err
	}
	var out []TeamMember
	for _, m := range ms {
		name := m.InterviewerID
		if iv, err := k.d.Interviewers.Interviewer(ctx, m.InterviewerID); err == nil {
			name = iv.DisplayName
		}
		out = append(out, TeamMember{ID: m.InterviewerID, Name: name, Waiting: len(m.SealedKey) == 0})
	}
	slices.SortFunc(out, func(a, b TeamMember) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// BoardSummary is one board an interviewer can work on: kept here (Here) or elsewhere and
// contributed to from here (Linked).
type BoardSummary struct {
	EngagementID string
	Title        string
	Here         bool
	Linked       bool
	Waiting      bool
	BoardID      string
	DeletionDate time.Time
}

// Boards lists the boards this interviewer is on here, and the engagements linked to a board
// kept elsewhere (anyone enrolled here may contribute to those: their team is on the board's
// kiosk).
func (s *SignedIn) Boards(ctx context.Context) ([]BoardSummary, error) {
	bs, err := s.k.boards()
	if err != nil {
		return nil, err
	}
	engs, err := s.k.Engagements(ctx)
	if err != nil {
		return nil, err
	}
	var out []BoardSummary
	for _, e := range engs {
		if e.Kind != session.KindPeerChallenge {
			continue
		}
		if rcpt, _, err := bs.Board(ctx, e.ID); err == nil {
			ms, err := bs.BoardMembers(ctx, e.ID)
			if err != nil {
				return nil, err
			}
			i := slices.IndexFunc(ms, func(m board.Member) bool { return m.InterviewerID == s.id })
			if i < 0 {
				continue
			}
			out = append(out, BoardSummary{EngagementID: e.ID, Title: e.Title, Here: true, Waiting: len(ms[i].SealedKey) == 0,
				BoardID: board.BoardID(rcpt), DeletionDate: e.DeletionDate})
			continue
		}
		if raw, del, err := bs.BoardLink(ctx, e.ID); err == nil {
			p, err := board.ParsePublic(raw)
			if err != nil {
				return nil, err
			}
			out = append(out, BoardSummary{EngagementID: e.ID, Title: e.Title, Linked: true, BoardID: p.BoardID(),
				DeletionDate: earlier(del, e.DeletionDate)})
		}
	}
	return out, nil
}

func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// OpenBoard opens a board kept here with this member's key, and locks the interviewer: the
// Board holds the board key only, until Close. A non-member is ErrNotOnTeam; a member not let
// in yet ErrWaitingToBeLetIn.
func (s *SignedIn) OpenBoard(ctx context.Context, engagementID string) (*Board, error) {
	if s.in == nil {
		return nil, ErrSignedOut
	}
	bs, err := s.k.boards()
	if err != nil {
		return nil, err
	}
	if _, _, err := bs.Board(ctx, engagementID); err != nil {
		if errors.Is(err, session.ErrNotFound) {
			return nil, ErrNoBoard
		}
		return nil, err
	}
	ms, err := bs.BoardMembers(ctx, engagementID)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(ms, func(m board.Member) bool { return m.InterviewerID == s.id })
	switch {
	case i < 0:
		return nil, ErrNotOnTeam
	case len(ms[i].SealedKey) == 0:
		return nil, ErrWaitingToBeLetIn
	}
	key, err := board.OpenKey(engagementID, s.in.AgeIdentity(), ms[i].SealedKey)
	if err != nil {
		return nil, fmt.Errorf("open board: %w", err)
	}
	s.SignOut()
	s.in = nil
	return &Board{k: s.k, bs: bs, key: key, engagementID: engagementID}, nil
}

// Board is a board opened by a team member. It holds the board key until Close.
type Board struct {
	k            *Kiosk
	bs           Boards
	key          *board.Key
	engagementID string
}

// EngagementID is the board's engagement.
func (b *Board) EngagementID() string { return b.engagementID }

// Close forgets the board key. Calling it twice is harmless.
func (b *Board) Close() { b.key.Lock() }

// Items returns the board's items, in the order of their random ids: an order that says
// nothing of who wrote them or when they arrived.
func (b *Board) Items(ctx context.Context) ([]board.Item, error) {
	items, _, err := b.open(ctx)
	return items, err
}

// Interviews returns the board's interview records (group and question set).
func (b *Board) Interviews(ctx context.Context) ([]board.Interview, error) {
	_, ivs, err := b.open(ctx)
	return ivs, err
}

func (b *Board) open(ctx context.Context) ([]board.Item, []board.Interview, error) {
	recs, err := b.bs.BoardRecords(ctx, b.engagementID)
	if err != nil {
		return nil, nil, err
	}
	var (
		items []board.Item
		ivs   []board.Interview
	)
	for _, r := range recs {
		if r.Interview {
			iv, err := b.key.OpenInterview(r.ID, r.Sealed)
			if err != nil {
				return nil, nil, err
			}
			ivs = append(ivs, iv)
			continue
		}
		it, err := b.key.OpenItem(r.ID, r.Sealed)
		if err != nil {
			return nil, nil, err
		}
		items = append(items, it)
	}
	slices.SortFunc(items, func(x, y board.Item) int { return strings.Compare(x.ID, y.ID) })
	return items, ivs, nil
}

// Work returns the team's day-2 work.
func (b *Board) Work(ctx context.Context) (board.Work, error) {
	_, sealed, err := b.bs.Board(ctx, b.engagementID)
	if err != nil {
		return board.Work{}, err
	}
	return b.key.OpenWork(sealed)
}

// SaveWork seals and stores the team's day-2 work.
func (b *Board) SaveWork(ctx context.Context, w board.Work) error {
	sealed, err := b.key.SealWork(w)
	if err != nil {
		return err
	}
	return b.bs.SaveBoardWork(ctx, b.engagementID, sealed)
}

// Remove takes an item off the board (and out of every theme and insight).
func (b *Board) Remove(ctx context.Context, itemID string) error {
	w, err := b.Work(ctx)
	if err != nil {
		return err
	}
	w.Forget(itemID)
	sealed, err := b.key.SealWork(w)
	if err != nil {
		return err
	}
	return b.bs.RemoveBoardRecord(ctx, b.engagementID, itemID, sealed,
		b.k.boardEvent(retention.RoleInterviewer, "board.item.remove", b.engagementID, 1))
}

// LetIn lets a team member who is waiting in: the board key is sealed to their own public key.
func (b *Board) LetIn(ctx context.Context, interviewerID string) error {
	ms, err := b.bs.BoardMembers(ctx, b.engagementID)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(ms, func(m board.Member) bool { return m.InterviewerID == interviewerID }) {
		return ErrNotOnTeam
	}
	iv, err := b.k.d.Interviewers.Interviewer(ctx, interviewerID)
	if err != nil {
		return err
	}
	rcpt, err := recipientOf(iv)
	if err != nil {
		return err
	}
	sealed, err := b.key.SealFor(rcpt)
	if err != nil {
		return err
	}
	return b.bs.SaveBoardMember(ctx, b.engagementID, board.Member{InterviewerID: interviewerID, SealedKey: sealed},
		b.k.boardEvent(retention.RoleInterviewer, "board.member.let-in", b.engagementID, 1))
}

// Imports lists the board's import receipts.
func (b *Board) Imports(ctx context.Context) ([]board.Import, error) {
	return b.bs.BoardImports(ctx, b.engagementID)
}

// Presentation builds the presentation from the board. Stakeholder groups of fewer than
// board.SmallGroup people are counted together: the floor is the board's, not the caller's.
func (b *Board) Presentation(ctx context.Context) (board.Presentation, error) {
	items, ivs, err := b.open(ctx)
	if err != nil {
		return board.Presentation{}, err
	}
	w, err := b.Work(ctx)
	if err != nil {
		return board.Presentation{}, err
	}
	return board.Present(w, items, ivs), nil
}

// Contribute adds items written on this kiosk straight to the board.
func (b *Board) Contribute(ctx context.Context, items []board.Item) (int, error) {
	w, err := b.key.Writer()
	if err != nil {
		return 0, err
	}
	recs, err := sealItems(w, items)
	if err != nil {
		return 0, err
	}
	return b.bs.AddBoardRecords(ctx, b.engagementID, recs, b.k.boardEvent(retention.RoleInterviewer, "board.contribute", b.engagementID, 0))
}

func sealItems(w board.Writer, items []board.Item) ([]board.Record, error) {
	var recs []board.Record
	for _, it := range board.Shuffle(items) {
		s, err := w.SealItem(it)
		if err != nil {
			return nil, err
		}
		recs = append(recs, board.Record{ID: it.ID, Sealed: s})
	}
	return recs, nil
}

// ExportPublic writes the board's public part to the stick folder dir, for the other rooms'
// kiosks, and returns the file's path. It holds no content (see app/board).
func (b *Board) ExportPublic(ctx context.Context, dir string) (string, error) {
	e, err := b.k.engagement(ctx, b.engagementID)
	if err != nil {
		return "", err
	}
	p, err := b.key.Public(e.DeletionDate)
	if err != nil {
		return "", err
	}
	raw, err := p.MarshalBinary()
	if err != nil {
		return "", err
	}
	var path string
	ev := b.k.boardEvent(retention.RoleInterviewer, "board.public.export", b.engagementID, 1)
	err = b.k.audited(ctx, ev, func() (err error) {
		path, err = report.ReplaceFile(dir, "board-"+p.BoardID()+PublicFileExt, raw)
		return err
	})
	return path, err
}

// ImportResult is what came of one bundle file found on the stick.
type ImportResult struct {
	File    string
	Receipt board.Import
	// Err says why the bundle was refused (board.ErrTampered, board.ErrOtherBoard,
	// board.ErrMalformed, board.ErrCannotOpen) or ignored (board.ErrDuplicateBundle); nothing
	// of a refused bundle was imported.
	Err error
}

// ImportBundles imports every bundle file found under the kiosk's import folders (the USB
// stick), each whole or not at all, and returns what came of each.
func (b *Board) ImportBundles(ctx context.Context) ([]ImportResult, error) {
	files := protocol.FindFiles(b.k.imports, BundleFileExt)
	if len(files) == 0 {
		return nil, ErrNoStick
	}
	var out []ImportResult
	for _, f := range files {
		res := ImportResult{File: filepath.Base(f)}
		raw, err := readLimited(f, board.MaxBundle)
		if err == nil {
			var bun board.Bundle
			bun, err = b.key.OpenBundle(raw)
			if err == nil {
				res.Receipt, err = b.bs.ImportBundle(ctx, b.engagementID,
					board.Import{BundleID: bun.BundleID, SourceKiosk: bun.SourceKiosk, At: b.k.Now()}, bun.Records,
					b.k.boardEvent(retention.RoleInterviewer, "board.bundle.import", b.engagementID, 0))
			}
		}
		res.Err = err
		out = append(out, res)
	}
	return out, nil
}

// Contributor is a team member contributing to a board, here or kept elsewhere: they read their
// own sessions (with their key, held until Close) and seal what they choose to the board,
// which they cannot read back from here.
type Contributor struct {
	s            *SignedIn
	w            board.Writer
	engagementID string
	here         bool
	deletion     time.Time
	terms        []string
}

// Contribute starts a contribution to the engagement's board: kept here (the member must be on
// the team and let in; the board stays unreadable to the contributor) or linked to one kept
// elsewhere.
func (s *SignedIn) Contribute(ctx context.Context, engagementID string) (*Contributor, error) {
	if s.in == nil {
		return nil, ErrSignedOut
	}
	bs, err := s.k.boards()
	if err != nil {
		return nil, err
	}
	e, err := s.k.engagement(ctx, engagementID)
	if err != nil {
		return nil, err
	}
	c := &Contributor{s: s, engagementID: engagementID, terms: []string{e.Title}}
	if rcpt, _, err := bs.Board(ctx, engagementID); err == nil {
		ms, err := bs.BoardMembers(ctx, engagementID)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(ms, func(m board.Member) bool { return m.InterviewerID == s.id }) {
			return nil, ErrNotOnTeam
		}
		if c.w, err = board.NewWriter(engagementID, rcpt); err != nil {
			return nil, err
		}
		c.here, c.deletion = true, e.DeletionDate
		return c, nil
	}
	raw, del, err := bs.BoardLink(ctx, engagementID)
	if errors.Is(err, session.ErrNotFound) {
		return nil, ErrNoBoard
	}
	if err != nil {
		return nil, err
	}
	p, err := board.ParsePublic(raw)
	if err != nil {
		return nil, err
	}
	if c.w, err = p.Writer(); err != nil {
		return nil, err
	}
	c.deletion = earlier(del, e.DeletionDate)
	return c, nil
}

// Close forgets the member's key. Calling it twice is harmless.
func (c *Contributor) Close() { c.s.SignOut() }

// NameCheck is the check for names of people and places, with the engagement's own terms.
func (c *Contributor) NameCheck() board.NameCheck { return board.NewNameCheck(c.terms) }

// Sessions lists the member's own sessions of the engagement that hold content to pick from.
func (c *Contributor) Sessions(ctx context.Context) ([]SessionSummary, error) {
	all, err := c.s.Sessions(ctx)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(s SessionSummary) bool {
		return s.EngagementID != c.engagementID || s.State != session.StateSealed
	}), nil
}

// Read opens one of the member's own sessions to pick from, without taking it into the engine.
func (c *Contributor) Read(ctx context.Context, sessionID string) (session.Review, error) {
	if c.s.in == nil {
		return session.Review{}, ErrSignedOut
	}
	rec, err := c.s.k.d.Sessions.Session(ctx, sessionID)
	if err != nil {
		return session.Review{}, err
	}
	if rec.InterviewerID != c.s.id {
		return session.Review{}, ErrNotYours
	}
	key, err := c.s.in.OpenSessionKey(sessionID, rec.SealedKey)
	if err != nil {
		return session.Review{}, err
	}
	defer key.Destroy()
	return c.s.k.engine.Read(ctx, sessionID, key)
}

// Add seals the items, and one interview record per session read (its group and question set,
// linked to no item), to the board: straight onto it when it is kept here, into the outbox for
// the next bundle otherwise. An interview counted before is not counted again. It returns how
// many records were new.
func (c *Contributor) Add(ctx context.Context, items []board.Item, sessionIDs []string) (int, error) {
	recs, err := sealItems(c.w, items)
	if err != nil {
		return 0, err
	}
	for _, id := range sessionIDs {
		r, err := c.Read(ctx, id)
		if err != nil {
			return 0, err
		}
		iv := board.Interview{ID: interviewID(c.w.Recipient(), id), Group: r.Label, QuestionSet: r.PackTitle}
		s, err := c.w.SealInterview(iv)
		if err != nil {
			return 0, err
		}
		recs = append(recs, board.Record{ID: iv.ID, Interview: true, Sealed: s})
	}
	recs = board.Shuffle(recs)
	ev := c.s.k.boardEvent(retention.RoleInterviewer, "board.contribute", c.engagementID, 0)
	if c.here {
		return c.s.k.d.Boards.AddBoardRecords(ctx, c.engagementID, recs, ev)
	}
	return c.s.k.d.Boards.AddOutbox(ctx, c.engagementID, recs, c.deletion, ev)
}

// interviewID is the board record id of a session's interview record: the same for the same
// board and session, so an interview is counted once however often it is contributed from
// (seal.InterviewPseudonym).
func interviewID(recipient, sessionID string) string {
	return seal.InterviewPseudonym(recipient, sessionID)
}

// LinkBoard imports a board's public part from the stick for a local peer challenge engagement,
// so its team members here can contribute. The deletion date that travels with it applies to
// everything contributed from here.
func (s *SignedIn) LinkBoard(ctx context.Context, engagementID, path string) (board.Public, error) {
	bs, err := s.k.boards()
	if err != nil {
		return board.Public{}, err
	}
	e, err := s.k.engagement(ctx, engagementID)
	if err != nil {
		return board.Public{}, err
	}
	if e.Kind != session.KindPeerChallenge {
		return board.Public{}, ErrNotPeerChallenge
	}
	if _, _, err := bs.Board(ctx, engagementID); err == nil {
		return board.Public{}, fmt.Errorf("%w: this engagement's board is kept here", ErrInvalid)
	}
	raw, err := readLimited(path, 4096)
	if err != nil {
		return board.Public{}, err
	}
	p, err := board.ParsePublic(raw)
	if err != nil {
		return board.Public{}, err
	}
	return p, bs.LinkBoard(ctx, engagementID, raw, p.DeletionDate, s.k.boardEvent(retention.RoleInterviewer, "board.link", engagementID, 1))
}

// BoardFiles lists the board public parts found on the stick.
func (k *Kiosk) BoardFiles() []string { return protocol.FindFiles(k.imports, PublicFileExt) }

// ExportBundle writes this kiosk's contributions to a board kept elsewhere as one bundle in the
// stick folder dir, and returns the file's path and how many records it holds. Every
// contribution waiting goes in each bundle: the board ignores those it has.
func (s *SignedIn) ExportBundle(ctx context.Context, engagementID, dir string) (string, int, error) {
	bs, err := s.k.boards()
	if err != nil {
		return "", 0, err
	}
	raw, _, err := bs.BoardLink(ctx, engagementID)
	if errors.Is(err, session.ErrNotFound) {
		return "", 0, ErrNoBoard
	}
	if err != nil {
		return "", 0, err
	}
	p, err := board.ParsePublic(raw)
	if err != nil {
		return "", 0, err
	}
	recs, err := bs.Outbox(ctx, engagementID)
	if err != nil {
		return "", 0, err
	}
	room, err := s.k.RoomName(ctx)
	if err != nil {
		return "", 0, err
	}
	b, id, err := board.SealBundle(p, room, recs)
	if err != nil {
		return "", 0, err
	}
	var path string
	ev := s.k.boardEvent(retention.RoleInterviewer, "board.bundle.export", engagementID, len(recs))
	err = s.k.audited(ctx, ev, func() (err error) {
		path, err = report.WriteFile(dir, "board-"+p.BoardID()+"-"+id[:8]+BundleFileExt, b)
		return err
	})
	return path, len(recs), err
}

func readLimited(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%s: %w: too large", filepath.Base(path), board.ErrMalformed)
	}
	return os.ReadFile(path)
}

// PresentationFileName is the presentation's file name on the stick for an engagement title:
// the title's letters and digits, nothing else (no date, no kiosk).
func PresentationFileName(title string) string {
	var b strings.Builder
	for _, r := range title {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		name = "peer-challenge"
	}
	return name + "-presentation.pdf"
}

// ExportPresentation writes the board's presentation as a PDF with the given fonts to the
// stick folder dir and returns its path. It needs this member's PIN (it is a SignedIn's, used
// up by it), writes a content-free audit entry first, and writes the file whole or not at all.
// A file of that name already on the stick is not replaced. Small stakeholder groups are
// counted together as in Presentation.
func (s *SignedIn) ExportPresentation(ctx context.Context, engagementID, dir string, fonts report.Fonts) (string, error) {
	b, err := s.OpenBoard(ctx, engagementID)
	if err != nil {
		return "", err
	}
	defer b.Close()
	e, err := s.k.engagement(ctx, engagementID)
	if err != nil {
		return "", err
	}
	p, err := b.Presentation(ctx)
	if err != nil {
		return "", err
	}
	pdf, err := p.PDF(e.Title, fonts)
	if err != nil {
		return "", err
	}
	var path string
	ev := s.k.boardEvent(retention.RoleInterviewer, "board.presentation.export", engagementID, len(p.Insights))
	err = s.k.audited(ctx, ev, func() error {
		var err error
		path, err = report.WriteFile(dir, PresentationFileName(e.Title), pdf)
		return err
	})
	return path, err
}
