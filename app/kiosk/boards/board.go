package boards

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"quietroom/app/board"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/internal/access"
	"quietroom/app/report"
	"quietroom/app/retention"
	"quietroom/app/seal"
	"quietroom/app/session"
	"quietroom/app/stick"
	"quietroom/app/vault"
)

// ErrNoBoards: this kiosk was assembled without board storage.
var ErrNoBoards = errors.New("this kiosk keeps no team boards")

// ErrNotPeerChallenge: a board belongs to a peer challenge engagement only.
var ErrNotPeerChallenge = errors.New("a team board is for a peer challenge engagement only: choose a peer challenge, or ask an admin to make the engagement one")

// ErrWaitingToBeLetIn: on the team, but no member has let them in to the board yet.
var ErrWaitingToBeLetIn = errors.New("you are on the team, but a team member must let you in to the board first: ask one to open the board and tap Let in beside your name (Stick and team)")

// ErrNoBoard: the engagement has no board here and is not linked to one elsewhere.
var ErrNoBoard = errors.New("this engagement has no team board on this kiosk: import the board's file from the USB stick")

// ErrCodeNotCompared: a link or an acceptance was asked for without the code the file or
// bundle shows: the member must compare it with the other kiosk's first.
var ErrCodeNotCompared = errors.New("compare the code with the one the other kiosk shows first")

// ErrRelinkNotConfirmed: the link a new one would replace is not the one the member was
// told of (it changed meanwhile): look again.
var ErrRelinkNotConfirmed = errors.New("the board linked here has changed meanwhile: go back and look again")

// ErrNoRoomKey: this kiosk cannot sign bundles (its device secret is not available).
var ErrNoRoomKey = errors.New("this kiosk cannot sign its contributions: its device key is not available. Ask an admin to look at Storage health (Device secret) and to call IT")

// Board file names on the stick: the public part, the bundles, the presentation.
const (
	PublicFileExt = ".qrboard"
	BundleFileExt = ".qrbundle"
)

func boards(k *kiosk.Kiosk) (kiosk.Boards, error) {
	if k.Deps(access.Pass).Boards == nil {
		return nil, ErrNoBoards
	}
	return k.Deps(access.Pass).Boards, nil
}

func engagement(ctx context.Context, k *kiosk.Kiosk, id string) (session.Engagement, error) {
	all, err := k.Deps(access.Pass).Engagements.Engagements(ctx)
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

func BoardEvent(k *kiosk.Kiosk, actor retention.Role, action, engagementID string, count int) retention.AuditEvent {
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
func SetTeam(ctx context.Context, k *kiosk.Kiosk, a *kiosk.Admin, engagementID string, memberIDs []string) error {
	if err := a.Check(); err != nil {
		return err
	}
	bs, err := boards(k)
	if err != nil {
		return err
	}
	e, err := engagement(ctx, k, engagementID)
	if err != nil {
		return err
	}
	if e.Kind != session.KindPeerChallenge {
		return ErrNotPeerChallenge
	}
	if len(memberIDs) == 0 {
		return fmt.Errorf("%w: choose at least one team member", kiosk.ErrInvalid)
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
			iv, err := k.Deps(access.Pass).Interviewers.Interviewer(ctx, id)
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
			BoardEvent(k, retention.RoleAdmin, "board.create", engagementID, len(members)))
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
		if _, err := k.Deps(access.Pass).Interviewers.Interviewer(ctx, id); err != nil {
			return fmt.Errorf("team member %s: %w", id, err)
		}
		if err := bs.SaveBoardMember(ctx, engagementID, board.Member{InterviewerID: id},
			BoardEvent(k, retention.RoleAdmin, "board.member.add", engagementID, 1)); err != nil {
			return err
		}
	}
	return nil
}

// Team lists an engagement's team: names and whether each is let in; no keys.
func Team(ctx context.Context, k *kiosk.Kiosk, engagementID string) ([]kiosk.TeamMember, error) {
	bs, err := boards(k)
	if err != nil {
		return nil, err
	}
	ms, err := bs.BoardMembers(ctx, engagementID)
	if err != nil {
		return nil, err
	}
	var out []kiosk.TeamMember
	for _, m := range ms {
		name := m.InterviewerID
		if iv, err := k.Deps(access.Pass).Interviewers.Interviewer(ctx, m.InterviewerID); err == nil {
			name = iv.DisplayName
		}
		out = append(out, kiosk.TeamMember{ID: m.InterviewerID, Name: name, Waiting: len(m.SealedKey) == 0})
	}
	slices.SortFunc(out, func(a, b kiosk.TeamMember) int { return strings.Compare(a.Name, b.Name) })
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
	// Code is a linked board's short code, as its kiosk shows it; Relink says the link was
	// made before boards' files were signed and must be made again (comparing the code).
	Code         string
	Relink       bool
	DeletionDate time.Time
}

// Boards lists the boards this interviewer is on here, and the engagements linked to a board
// kept elsewhere (anyone enrolled here may contribute to those: their team is on the board's
// kiosk).
func Boards(ctx context.Context, s *kiosk.SignedIn) ([]BoardSummary, error) {
	bs, err := boards(s.Kiosk(access.Pass))
	if err != nil {
		return nil, err
	}
	engs, err := s.Kiosk(access.Pass).Engagements(ctx)
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
			i := slices.IndexFunc(ms, func(m board.Member) bool { return m.InterviewerID == s.ID() })
			if i < 0 {
				continue
			}
			out = append(out, BoardSummary{EngagementID: e.ID, Title: e.Title, Here: true, Waiting: len(ms[i].SealedKey) == 0,
				BoardID: board.BoardID(rcpt), DeletionDate: e.DeletionDate})
			continue
		}
		if raw, del, err := bs.BoardLink(ctx, e.ID); err == nil {
			sum := BoardSummary{EngagementID: e.ID, Title: e.Title, Linked: true, DeletionDate: earlier(del, e.DeletionDate)}
			p, err := board.ParsePublic(raw, s.Kiosk(access.Pass).Now())
			switch {
			case err == nil:
				sum.BoardID, sum.Code = p.BoardID(), p.Code()
			case errors.Is(err, board.ErrOldFormat):
				sum.BoardID, _ = board.OldPublicBoardID(raw)
				sum.Relink = true
			default:
				return nil, err
			}
			out = append(out, sum)
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

// Open opens a board kept here with this member's key. The member stays signed in, so
// that closing the board returns to them; signing them out (SignOut, as the screens do at the
// idle time-out) locks their key, and the Board holds the board key only, until Close. A
// non-member is ErrNotOnTeam; a member not let in yet ErrWaitingToBeLetIn.
func Open(ctx context.Context, s *kiosk.SignedIn, engagementID string) (*Board, error) {
	if s.Unlocked(access.Pass) == nil {
		return nil, kiosk.ErrSignedOut
	}
	bs, err := boards(s.Kiosk(access.Pass))
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
	i := slices.IndexFunc(ms, func(m board.Member) bool { return m.InterviewerID == s.ID() })
	switch {
	case i < 0:
		return nil, kiosk.ErrNotOnTeam
	case len(ms[i].SealedKey) == 0:
		return nil, ErrWaitingToBeLetIn
	}
	key, err := board.OpenKey(engagementID, s.Unlocked(access.Pass).AgeIdentity(), ms[i].SealedKey)
	if err != nil {
		return nil, fmt.Errorf("open board: %w", err)
	}
	return &Board{k: s.Kiosk(access.Pass), bs: bs, key: key, engagementID: engagementID}, nil
}

// Board is a board opened by a team member. It holds the board key until Close.
type Board struct {
	k            *kiosk.Kiosk
	bs           kiosk.Boards
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

// Work returns the team's day-2 work. It changes only by the intents of boardwork.go.
func (b *Board) Work(ctx context.Context) (board.Work, error) {
	_, sealed, err := b.bs.Board(ctx, b.engagementID)
	if err != nil {
		return board.Work{}, err
	}
	return b.key.OpenWork(sealed)
}

// Remove takes an item off the board (and out of every theme and insight).
func (b *Board) Remove(ctx context.Context, itemID string) error {
	mu := b.workLock()
	mu.Lock()
	defer mu.Unlock()
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
		BoardEvent(b.k, retention.RoleInterviewer, "board.item.remove", b.engagementID, 1))
}

// LetIn lets a team member who is waiting in: the board key is sealed to their own public key.
func (b *Board) LetIn(ctx context.Context, interviewerID string) error {
	ms, err := b.bs.BoardMembers(ctx, b.engagementID)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(ms, func(m board.Member) bool { return m.InterviewerID == interviewerID }) {
		return kiosk.ErrNotOnTeam
	}
	iv, err := b.k.Deps(access.Pass).Interviewers.Interviewer(ctx, interviewerID)
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
		BoardEvent(b.k, retention.RoleInterviewer, "board.member.let-in", b.engagementID, 1))
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
	return b.bs.AddBoardRecords(ctx, b.engagementID, recs, BoardEvent(b.k, retention.RoleInterviewer, "board.contribute", b.engagementID, 0))
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
	e, err := engagement(ctx, b.k, b.engagementID)
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
	ev := BoardEvent(b.k, retention.RoleInterviewer, "board.public.export", b.engagementID, 1)
	err = b.k.Audited(ctx, ev, func() (err error) {
		path, err = stick.ReplaceFile(dir, "board-"+p.BoardID()+PublicFileExt, raw)
		return err
	})
	return path, err
}

// Code is the board's short code, which a member in another room compares with the one their
// kiosk shows when linking the board's file.
func (b *Board) Code() (string, error) { return b.key.Code() }

// ImportResult is what came of one bundle file found on the stick.
type ImportResult struct {
	File string
	// Pending is what the bundle brings, waiting for a member's acceptance; nil when refused.
	Pending *PendingImport
	// Err says why the bundle was refused (board.ErrTampered, board.ErrOtherBoard,
	// board.ErrMalformed, board.ErrCannotOpen, board.ErrOldFormat, board.ErrContent,
	// board.ErrRoomKeyChanged) or ignored (board.ErrDuplicateBundle, board.ErrRefusedBundle);
	// nothing of a refused bundle was kept.
	Err error
}

// PendingImport is what one bundle brings, shown for a team member to accept or refuse
// before anything of it counts: the room it names and that room's code (to compare with the
// room's kiosk the first time: NewRoom), its new items, and its interview records by
// stakeholder group and question set.
type PendingImport struct {
	BundleID     string
	Room         string
	RoomCode     string
	NewRoom      bool
	Items        int
	Interviews   int
	Duplicates   int
	Groups       []board.GroupCount
	QuestionSets []string
}

// ImportBundles checks every bundle file found under the kiosk's import folders (the USB
// stick), each whole or not at all, and keeps those that pass until a member accepts or
// refuses them (AcceptImport, RefuseImport): nothing of a bundle counts on the board before.
func (b *Board) ImportBundles(ctx context.Context) ([]ImportResult, error) {
	files := stick.Find(b.k.ImportDirs(access.Pass), BundleFileExt)
	if len(files) == 0 {
		return nil, kiosk.ErrNoStick
	}
	var out []ImportResult
	for _, f := range files {
		res := ImportResult{File: filepath.Base(f)}
		res.Pending, res.Err = b.importFile(ctx, f)
		out = append(out, res)
	}
	return out, nil
}

func (b *Board) importFile(ctx context.Context, path string) (*PendingImport, error) {
	raw, err := readLimited(path, board.MaxBundle)
	if err != nil {
		return nil, err
	}
	bun, err := b.key.OpenBundle(raw)
	if err != nil {
		return nil, err
	}
	pending, err := b.summarise(ctx, bun)
	if err != nil {
		return nil, err
	}
	if err := b.bs.AddPendingBundle(ctx, b.engagementID, bun.BundleID, raw,
		BoardEvent(b.k, retention.RoleInterviewer, "board.bundle.check", b.engagementID, len(bun.Records))); err != nil {
		return nil, err
	}
	return pending, nil
}

// summarise says what a bundle brings, refusing one from a room pinned to another key.
func (b *Board) summarise(ctx context.Context, bun board.Bundle) (*PendingImport, error) {
	pins, err := b.bs.RoomPins(ctx, b.engagementID)
	if err != nil {
		return nil, err
	}
	pinned, known := pins[bun.SourceKiosk]
	if known && !bytes.Equal(pinned, bun.RoomKey) {
		return nil, fmt.Errorf("bundle from %s: %w", bun.SourceKiosk, board.ErrRoomKeyChanged)
	}
	have, err := b.bs.BoardRecords(ctx, b.engagementID)
	if err != nil {
		return nil, err
	}
	held := map[string]bool{}
	for _, r := range have {
		held[r.ID] = true
	}
	p := &PendingImport{BundleID: bun.BundleID, Room: bun.SourceKiosk, RoomCode: bun.RoomCode(), NewRoom: !known}
	groups, sets := map[string]int{}, map[string]bool{}
	for _, it := range bun.Items {
		if held[it.ID] {
			p.Duplicates++
			continue
		}
		p.Items++
	}
	for _, iv := range bun.Interviews {
		if held[iv.ID] {
			p.Duplicates++
			continue
		}
		p.Interviews++
		groups[iv.Group]++
		if iv.QuestionSet != "" {
			sets[iv.QuestionSet] = true
		}
	}
	for g, n := range groups {
		p.Groups = append(p.Groups, board.GroupCount{Group: g, Count: n})
	}
	slices.SortFunc(p.Groups, func(x, y board.GroupCount) int { return strings.Compare(x.Group, y.Group) })
	p.QuestionSets = slices.Sorted(maps.Keys(sets))
	return p, nil
}

// PendingImports lists the bundles waiting for a member's acceptance, each with what it brings.
func (b *Board) PendingImports(ctx context.Context) ([]PendingImport, error) {
	ws, err := b.bs.PendingBundles(ctx, b.engagementID)
	if err != nil {
		return nil, err
	}
	var out []PendingImport
	for _, w := range ws {
		bun, err := b.key.OpenBundle(w.Raw)
		if err != nil {
			return nil, err
		}
		p, err := b.summarise(ctx, bun)
		if errors.Is(err, board.ErrRoomKeyChanged) {
			// Another bundle from that room, accepted since, pinned another key: this one
			// can only be refused.
			p = &PendingImport{BundleID: bun.BundleID, Room: bun.SourceKiosk, RoomCode: bun.RoomCode()}
		} else if err != nil {
			return nil, err
		}
		out = append(out, *p)
	}
	return out, nil
}

// AcceptImport takes a waiting bundle onto the board: its items join and its interviews count
// in the presentation from now on. roomCode is the code the member was shown (and, for a
// room's first bundle, compared with the room's kiosk): ErrCodeNotCompared otherwise. The
// room's key is pinned at its first bundle; a bundle from a room pinned to another key is
// board.ErrRoomKeyChanged.
func (b *Board) AcceptImport(ctx context.Context, bundleID, roomCode string) (board.Import, error) {
	bun, err := b.waiting(ctx, bundleID)
	if err != nil {
		return board.Import{}, err
	}
	if roomCode != bun.RoomCode() {
		return board.Import{}, ErrCodeNotCompared
	}
	return b.bs.AcceptBundle(ctx, b.engagementID, board.Import{BundleID: bun.BundleID, SourceKiosk: bun.SourceKiosk, At: b.k.Now()},
		bun.RoomKey, bun.Records, BoardEvent(b.k, retention.RoleInterviewer, "board.bundle.accept", b.engagementID, 0))
}

// RefuseImport drops a waiting bundle: nothing of it joins the board, and the same file is not
// offered again.
func (b *Board) RefuseImport(ctx context.Context, bundleID string) error {
	if _, err := b.waiting(ctx, bundleID); err != nil {
		return err
	}
	return b.bs.RefuseBundle(ctx, b.engagementID, bundleID, BoardEvent(b.k, retention.RoleInterviewer, "board.bundle.refuse", b.engagementID, 1))
}

func (b *Board) waiting(ctx context.Context, bundleID string) (board.Bundle, error) {
	ws, err := b.bs.PendingBundles(ctx, b.engagementID)
	if err != nil {
		return board.Bundle{}, err
	}
	i := slices.IndexFunc(ws, func(w board.Waiting) bool { return w.BundleID == bundleID })
	if i < 0 {
		return board.Bundle{}, fmt.Errorf("bundle %s: %w", bundleID, session.ErrNotFound)
	}
	bun, err := b.key.OpenBundle(ws[i].Raw)
	if err != nil {
		return board.Bundle{}, err
	}
	if bun.BundleID != bundleID {
		return board.Bundle{}, fmt.Errorf("bundle %s: %w", bundleID, board.ErrTampered)
	}
	return bun, nil
}

// Contributor is a team member contributing to a board, here or kept elsewhere: they read their
// own sessions (with their key, held until Close) and seal what they choose to the board,
// which they cannot read back from here.
type Contributor struct {
	s            *kiosk.SignedIn
	w            board.Writer
	engagementID string
	here         bool
	deletion     time.Time
	terms        []string
	ready        []Picked // the list to send (Keep), in memory only
}

// Contribute starts a contribution to the engagement's board: kept here (the member must be on
// the team and let in; the board stays unreadable to the contributor) or linked to one kept
// elsewhere.
func Contribute(ctx context.Context, s *kiosk.SignedIn, engagementID string) (*Contributor, error) {
	if s.Unlocked(access.Pass) == nil {
		return nil, kiosk.ErrSignedOut
	}
	bs, err := boards(s.Kiosk(access.Pass))
	if err != nil {
		return nil, err
	}
	e, err := engagement(ctx, s.Kiosk(access.Pass), engagementID)
	if err != nil {
		return nil, err
	}
	c := &Contributor{s: s, engagementID: engagementID, terms: []string{e.Title}}
	if rcpt, _, err := bs.Board(ctx, engagementID); err == nil {
		ms, err := bs.BoardMembers(ctx, engagementID)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(ms, func(m board.Member) bool { return m.InterviewerID == s.ID() }) {
			return nil, kiosk.ErrNotOnTeam
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
	p, err := board.ParsePublic(raw, s.Kiosk(access.Pass).Now())
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
func (c *Contributor) Sessions(ctx context.Context) ([]kiosk.SessionSummary, error) {
	all, err := c.s.Sessions(ctx)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(s kiosk.SessionSummary) bool {
		return s.EngagementID != c.engagementID || s.State != session.StateSealed
	}), nil
}

// Read opens one of the member's own sessions to pick from, without taking it into the engine.
func (c *Contributor) Read(ctx context.Context, sessionID string) (session.Review, error) {
	if c.s.Unlocked(access.Pass) == nil {
		return session.Review{}, kiosk.ErrSignedOut
	}
	rec, err := c.s.Kiosk(access.Pass).Deps(access.Pass).Sessions.Session(ctx, sessionID)
	if err != nil {
		return session.Review{}, err
	}
	if rec.InterviewerID != c.s.ID() {
		return session.Review{}, kiosk.ErrNotYours
	}
	key, err := c.s.Unlocked(access.Pass).OpenSessionKey(sessionID, rec.SealedKey)
	if err != nil {
		return session.Review{}, err
	}
	defer key.Destroy()
	return c.s.Kiosk(access.Pass).Engine().Read(ctx, sessionID, key)
}

// Add seals the items (each keeping its kind: a key quote, a note or the member's own post-it),
// and one interview record per session read (its group, question set and how many people took
// part, linked to no item), to the board: straight onto it when it is kept here, into the outbox for
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
		iv := board.Interview{ID: interviewID(c.w.Recipient(), id), Group: r.Label, QuestionSet: r.PackTitle, People: r.People}
		s, err := c.w.SealInterview(iv)
		if err != nil {
			return 0, err
		}
		recs = append(recs, board.Record{ID: iv.ID, Interview: true, Sealed: s})
	}
	recs = board.Shuffle(recs)
	ev := BoardEvent(c.s.Kiosk(access.Pass), retention.RoleInterviewer, "board.contribute", c.engagementID, 0)
	if c.here {
		return c.s.Kiosk(access.Pass).Deps(access.Pass).Boards.AddBoardRecords(ctx, c.engagementID, recs, ev)
	}
	return c.s.Kiosk(access.Pass).Deps(access.Pass).Boards.AddOutbox(ctx, c.engagementID, recs, c.deletion, ev)
}

// interviewID is the board record id of a session's interview record: the same for the same
// board and session, so an interview is counted once however often it is contributed from
// (seal.InterviewPseudonym).
func interviewID(recipient, sessionID string) string {
	return seal.InterviewPseudonym(recipient, sessionID)
}

// LinkPreview is what a board's file on the stick says, for the member to compare before
// linking it to a local engagement: its id, its short code (which the board's kiosk shows on
// its USB stick and team tab), its deletion date, and the link it would replace.
type LinkPreview struct {
	File         string
	BoardID      string
	Code         string
	DeletionDate time.Time
	// Replaces is the board linked to the engagement now; nil when none is.
	Replaces *LinkedBoard
}

// LinkedBoard is a board an engagement is linked to, as a new link would replace it.
type LinkedBoard struct {
	BoardID string
	// Code is "" for a link made before boards' files were signed.
	Code string
	// Same: the new file is the same board's (its contributions waiting here stay).
	Same bool
	// Waiting is how many contributions wait here for that board: they are deleted when the
	// new file is another board's, being sealed to the old one.
	Waiting int
}

// LinkConfirm is what the member confirmed on the screen: the code they compared with the
// board's kiosk, and the board id of the link it replaces ("" when none).
type LinkConfirm struct {
	Code     string
	Replaces string
}

// PreviewLink reads a board's file from the stick for a local peer challenge engagement and
// says what linking it would do; nothing is changed. A file that is not a signed board file
// whole is refused (board.ErrMalformed, board.ErrTampered, board.ErrOldFormat).
func PreviewLink(ctx context.Context, s *kiosk.SignedIn, engagementID, path string) (LinkPreview, error) {
	p, _, err := linkable(ctx, s, engagementID, path)
	if err != nil {
		return LinkPreview{}, err
	}
	out := LinkPreview{File: path, BoardID: p.BoardID(), Code: p.Code(), DeletionDate: p.DeletionDate}
	out.Replaces, err = linked(ctx, s, engagementID, p)
	return out, err
}

func linkable(ctx context.Context, s *kiosk.SignedIn, engagementID, path string) (board.Public, []byte, error) {
	bs, err := boards(s.Kiosk(access.Pass))
	if err != nil {
		return board.Public{}, nil, err
	}
	e, err := engagement(ctx, s.Kiosk(access.Pass), engagementID)
	if err != nil {
		return board.Public{}, nil, err
	}
	if e.Kind != session.KindPeerChallenge {
		return board.Public{}, nil, ErrNotPeerChallenge
	}
	if _, _, err := bs.Board(ctx, engagementID); err == nil {
		return board.Public{}, nil, fmt.Errorf("%w: this engagement's board is kept here", kiosk.ErrInvalid)
	}
	raw, err := readLimited(path, 4096)
	if err != nil {
		return board.Public{}, nil, err
	}
	p, err := board.ParsePublic(raw, s.Kiosk(access.Pass).Now())
	if err != nil {
		return board.Public{}, nil, err
	}
	if !p.DeletionDate.After(s.Kiosk(access.Pass).Now()) {
		return board.Public{}, nil, fmt.Errorf("%w: this board's deletion date has passed", kiosk.ErrInvalid)
	}
	return p, raw, nil
}

// linked is the link a new one for p would replace, or nil.
func linked(ctx context.Context, s *kiosk.SignedIn, engagementID string, p board.Public) (*LinkedBoard, error) {
	bs := s.Kiosk(access.Pass).Deps(access.Pass).Boards
	raw, _, err := bs.BoardLink(ctx, engagementID)
	if errors.Is(err, session.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var old LinkedBoard
	if q, err := board.ParsePublic(raw, s.Kiosk(access.Pass).Now()); err == nil {
		old.BoardID, old.Code = q.BoardID(), q.Code()
	} else {
		old.BoardID, _ = board.OldPublicBoardID(raw)
	}
	old.Same = old.BoardID == p.BoardID()
	recs, err := bs.Outbox(ctx, engagementID)
	if err != nil {
		return nil, err
	}
	old.Waiting = len(recs)
	return &old, nil
}

// LinkBoard links a board's file from the stick to a local peer challenge engagement, so its
// team members here can contribute, once the member has compared its code with the board's
// kiosk: confirm carries the code they were shown (ErrCodeNotCompared otherwise) and the board
// id of the link it replaces (ErrRelinkNotConfirmed when that is not the one linked now).
// Relinking to another board deletes the contributions waiting for the old one. The deletion
// date that travels with it applies to everything contributed from here.
func LinkBoard(ctx context.Context, s *kiosk.SignedIn, engagementID, path string, confirm LinkConfirm) (board.Public, error) {
	p, raw, err := linkable(ctx, s, engagementID, path)
	if err != nil {
		return board.Public{}, err
	}
	if confirm.Code != p.Code() {
		return board.Public{}, ErrCodeNotCompared
	}
	old, err := linked(ctx, s, engagementID, p)
	if err != nil {
		return board.Public{}, err
	}
	replaces := ""
	if old != nil {
		replaces = old.BoardID
	}
	if confirm.Replaces != replaces {
		return board.Public{}, ErrRelinkNotConfirmed
	}
	action := "board.link"
	if old != nil {
		action = "board.relink"
	}
	return p, s.Kiosk(access.Pass).Deps(access.Pass).Boards.LinkBoard(ctx, engagementID, raw, p.DeletionDate, old != nil && !old.Same,
		BoardEvent(s.Kiosk(access.Pass), retention.RoleInterviewer, action, engagementID, 1))
}

// RoomCode is this kiosk's short code as a room contributing to boards kept elsewhere: the
// board's kiosk shows the same code at the first bundle from here, for its team to compare.
func RoomCode(k *kiosk.Kiosk) (string, error) {
	key, err := roomKey(k)
	if err != nil {
		return "", err
	}
	defer key.Destroy()
	return board.RoomCode(key.Public()), nil
}

// roomKey is this kiosk's signing key for its bundles, derived from the device secret
// (seal.RoomSigningKey): nothing is stored, so a copy of the card alone does not give it.
func roomKey(k *kiosk.Kiosk) (*seal.SigningKey, error) {
	src, ok := k.Deps(access.Pass).Secret.(interface{ DeviceSecret() ([]byte, error) })
	if !ok {
		return nil, ErrNoRoomKey
	}
	secret, err := src.DeviceSecret()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoRoomKey, err)
	}
	defer clear(secret)
	return seal.RoomSigningKey(secret)
}

// BoardFiles lists the board public parts found on the stick.
func BoardFiles(k *kiosk.Kiosk) []string { return stick.Find(k.ImportDirs(access.Pass), PublicFileExt) }

// ExportBundle writes this kiosk's contributions to a board kept elsewhere as one bundle in the
// stick folder dir, and returns the file's path and how many records it holds. Every
// contribution waiting goes in each bundle: the board ignores those it has.
func ExportBundle(ctx context.Context, s *kiosk.SignedIn, engagementID, dir string) (string, int, error) {
	bs, err := boards(s.Kiosk(access.Pass))
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
	p, err := board.ParsePublic(raw, s.Kiosk(access.Pass).Now())
	if err != nil {
		return "", 0, err
	}
	recs, err := bs.Outbox(ctx, engagementID)
	if err != nil {
		return "", 0, err
	}
	room, err := s.Kiosk(access.Pass).RoomName(ctx)
	if err != nil {
		return "", 0, err
	}
	key, err := roomKey(s.Kiosk(access.Pass))
	if err != nil {
		return "", 0, err
	}
	defer key.Destroy()
	if strings.TrimSpace(room) == "" {
		// A kiosk with no room name goes by its code's first group: the board pins its key
		// under that name, apart from other unnamed rooms.
		room = "Room " + board.RoomCode(key.Public())[:5]
	}
	b, id, err := board.SealBundle(p, room, key, recs)
	if err != nil {
		return "", 0, err
	}
	var path string
	ev := BoardEvent(s.Kiosk(access.Pass), retention.RoleInterviewer, "board.bundle.export", engagementID, len(recs))
	err = s.Kiosk(access.Pass).Audited(ctx, ev, func() (err error) {
		path, err = stick.WriteFile(dir, "board-"+p.BoardID()+"-"+id[:8]+BundleFileExt, b)
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
func ExportPresentation(ctx context.Context, s *kiosk.SignedIn, engagementID, dir string, fonts report.Fonts) (string, error) {
	b, err := Open(ctx, s, engagementID)
	if err != nil {
		return "", err
	}
	defer b.Close()
	e, err := engagement(ctx, s.Kiosk(access.Pass), engagementID)
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
	ev := BoardEvent(s.Kiosk(access.Pass), retention.RoleInterviewer, "board.presentation.export", engagementID, len(p.Insights))
	err = s.Kiosk(access.Pass).Audited(ctx, ev, func() error {
		var err error
		path, err = stick.WriteFile(dir, PresentationFileName(e.Title), pdf)
		return err
	})
	return path, err
}
