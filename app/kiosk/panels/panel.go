package panels

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/internal/access"
	"quietroom/app/panel"
	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/seal"
	"quietroom/app/session"
	"quietroom/app/vault"
)

// Errors of the panel use cases.
var (
	// ErrNotRecruitment: panels are for engagements of kind recruitment.
	ErrNotRecruitment = errors.New("a panel needs a recruitment: ask an admin to add the recruitment (kind: recruitment) first")
	// ErrNoPanel: the recruitment has no panel yet.
	ErrNoPanel = errors.New("this recruitment has no panel yet: the appointing officer or the chair sets it up")
	// ErrNotChair: only the chair or the appointing officer does this.
	ErrNotChair = errors.New("only the chair or the appointing officer can do this: ask one of them to sign in")
	// ErrPanelsUnavailable: the kiosk was built without panel storage.
	ErrPanelsUnavailable = errors.New("recruitment panels are not available on this kiosk")
)

// setupDoc is the sealed set-up of a recruitment.
type setupDoc struct {
	Post       panel.Post
	Members    []panel.Member
	Candidates []panel.Candidate
	Scale      panel.Scale
	Questions  []panel.Question
	DisagreeAt int
	FrozenAt   time.Time
	// Order and Lead: see panelorder.go (a set-up sealed before them has neither).
	Order panel.Order `json:",omitempty"`
	Lead  string      `json:",omitempty"`
}

// PanelSummary is a panel an interviewer is on, as their list shows it: no content.
type PanelSummary struct {
	EngagementID string
	Title        string // the engagement's title (the admin's, in the clear)
	DeletionDate time.Time
	LegalHold    bool
	Decided      bool
}

// Panels lists the recruitments this interviewer is on, and those of kind recruitment that
// have no panel yet (which they may set up).
func Panels(ctx context.Context, s *kiosk.SignedIn) (mine []PanelSummary, open []session.Engagement, err error) {
	if s.Kiosk(access.Pass).Deps(access.Pass).Panels == nil {
		return nil, nil, ErrPanelsUnavailable
	}
	ids, err := s.Kiosk(access.Pass).Deps(access.Pass).Panels.PanelsOf(ctx, s.ID())
	if err != nil {
		return nil, nil, err
	}
	engs, err := s.Kiosk(access.Pass).Engagements(ctx)
	if err != nil {
		return nil, nil, err
	}
	all, err := s.Kiosk(access.Pass).Deps(access.Pass).Engagements.Engagements(ctx)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range all {
		if slices.Contains(ids, e.ID) {
			st, err := s.Kiosk(access.Pass).Deps(access.Pass).Panels.Panel(ctx, e.ID)
			if err != nil {
				return nil, nil, err
			}
			mine = append(mine, PanelSummary{EngagementID: e.ID, Title: e.Title, DeletionDate: e.DeletionDate, LegalHold: e.LegalHold, Decided: st.Decided})
		}
	}
	for _, e := range engs {
		if e.Kind != session.KindRecruitment {
			continue
		}
		if _, err := s.Kiosk(access.Pass).Deps(access.Pass).Panels.Panel(ctx, e.ID); errors.Is(err, session.ErrNotFound) {
			open = append(open, e)
		} else if err != nil {
			return nil, nil, err
		}
	}
	return mine, open, nil
}

// Create sets up the panel of a recruitment: its post and members (the signed-in
// interviewer among them, as appointing officer or chair). It makes the recruitment's key
// pair, seals the private key to each member's public key and stores the set-up sealed to the
// public key. The scale starts as the placeholder, which blocks the first candidate. The
// SignedIn is used up; the returned PanelMember holds the recruitment's key.
func Create(ctx context.Context, s *kiosk.SignedIn, engagementID string, post panel.Post, members []panel.Member) (*PanelMember, error) {
	if s.Unlocked(access.Pass) == nil {
		return nil, kiosk.ErrSignedOut
	}
	if s.Kiosk(access.Pass).Deps(access.Pass).Panels == nil {
		return nil, ErrPanelsUnavailable
	}
	eng, err := engagement(ctx, s, engagementID)
	if err != nil {
		return nil, err
	}
	rec, err := panel.New(eng.ID, post, members)
	if err != nil {
		return nil, err
	}
	me, err := rec.Member(s.ID())
	if err != nil || !(me.Has(panel.RoleAppointingOfficer) || me.Has(panel.RoleChair)) {
		return nil, fmt.Errorf("%w: put yourself on the panel as appointing officer or chair", ErrNotChair)
	}
	g, err := seal.NewKey(seal.PurposePanelKey, eng.ID)
	if err != nil {
		return nil, err
	}
	pub, err := g.Recipient()
	if err != nil {
		return nil, err
	}
	ids, err := g.RecordIDs(seal.PurposePanelRecord)
	if err != nil {
		return nil, err
	}
	st := panel.Stored{EngagementID: eng.ID, PublicKey: pub, MemberKeys: map[string][]byte{}, Items: map[string][]byte{}}
	for _, m := range members {
		iv, err := s.Kiosk(access.Pass).Deps(access.Pass).Interviewers.Interviewer(ctx, m.ID)
		if err != nil {
			return nil, fmt.Errorf("panel member: %w", err)
		}
		if iv.Disabled {
			return nil, fmt.Errorf("%w: panel: %s is disabled: ask an admin", panel.ErrInvalid, iv.DisplayName)
		}
		mpub, err := vault.PublicKeyOf(iv.KeySlot)
		if err != nil {
			return nil, fmt.Errorf("panel member %s: %w", iv.DisplayName, err)
		}
		if st.MemberKeys[m.ID], err = g.SealFor(mpub); err != nil {
			return nil, err
		}
	}
	if st.SealedSetup, err = sealSetup(pub, rec); err != nil {
		return nil, err
	}
	ev := retention.AuditEvent{At: s.Kiosk(access.Pass).Now(), Actor: retention.RoleInterviewer, Action: "panel.setup",
		EngagementID: eng.ID, Count: len(members), Outcome: "ok"}
	if err := s.Kiosk(access.Pass).Deps(access.Pass).Panels.CreatePanel(ctx, st, ev); err != nil {
		return nil, err
	}
	s.SignOut()
	s.Forget(access.Pass)
	p := &PanelMember{k: s.Kiosk(access.Pass), id: s.ID(), name: s.Name(), key: g, pub: pub, ids: ids, rec: rec, stored: st}
	p.remember()
	return p, nil
}

func engagement(ctx context.Context, s *kiosk.SignedIn, id string) (session.Engagement, error) {
	engs, err := s.Kiosk(access.Pass).Engagements(ctx)
	if err != nil {
		return session.Engagement{}, err
	}
	for _, e := range engs {
		if e.ID == id {
			if e.Kind != session.KindRecruitment {
				return session.Engagement{}, ErrNotRecruitment
			}
			return e, nil
		}
	}
	return session.Engagement{}, fmt.Errorf("recruitment %s: %w", id, session.ErrNotFound)
}

// Open opens a recruitment's panel for this member: their PIN (already given) opens the
// recruitment's key. The SignedIn is used up. The member sees their own sheets, and the
// others' sheets of a candidate only once they have submitted their own.
func Open(ctx context.Context, s *kiosk.SignedIn, engagementID string) (*PanelMember, error) {
	if s.Unlocked(access.Pass) == nil {
		return nil, kiosk.ErrSignedOut
	}
	if s.Kiosk(access.Pass).Deps(access.Pass).Panels == nil {
		return nil, ErrPanelsUnavailable
	}
	st, err := s.Kiosk(access.Pass).Deps(access.Pass).Panels.Panel(ctx, engagementID)
	if errors.Is(err, session.ErrNotFound) {
		return nil, ErrNoPanel
	}
	if err != nil {
		return nil, err
	}
	sealed, ok := st.MemberKeys[s.ID()]
	if !ok {
		return nil, panel.ErrNotMember
	}
	if len(sealed) == 0 {
		return nil, kiosk.ErrWaitingToBeLetInAgain
	}
	g, err := s.Unlocked(access.Pass).OpenGroupKey(seal.PurposePanelKey, engagementID, sealed)
	if err != nil {
		return nil, fmt.Errorf("open panel: %w", err)
	}
	s.SignOut()
	s.Forget(access.Pass)
	ids, err := g.RecordIDs(seal.PurposePanelRecord)
	if err != nil {
		g.Destroy()
		return nil, err
	}
	p := &PanelMember{k: s.Kiosk(access.Pass), id: s.ID(), name: s.Name(), key: g, pub: st.PublicKey, ids: ids}
	if !st.Legacy.Empty() {
		if st, err = p.convert(ctx, st); err != nil {
			g.Destroy()
			return nil, err
		}
	}
	if err := p.load(st); err != nil {
		g.Destroy()
		return nil, err
	}
	return p, nil
}

// PanelMember is a panel member with the recruitment open: it holds the recruitment's key
// until Close. Its methods persist every change before returning.
type PanelMember struct {
	k    *kiosk.Kiosk
	id   string
	name string

	mu  sync.Mutex
	key *seal.Key
	pub string
	// ids gives the stored id of a record's logical id (seal's RecordIDs).
	ids    func(logical string) string
	rec    *panel.Recruitment
	stored panel.Stored
	// lit: this member started a candidate's interview, which the room light outside the door
	// shows (StartInterview); EndInterview and Close put it out.
	lit bool
}

// ID is the member's interviewer id.
func (p *PanelMember) ID() string { return p.id }

// Name is the member's display name.
func (p *PanelMember) Name() string { return p.name }

// Close forgets the recruitment's key, and ends on the room light an interview this member
// started (the member signs out, or the kiosk goes back to Home). Calling it twice is harmless.
func (p *PanelMember) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.putOut()
	if p.key != nil {
		p.key.Destroy()
	}
	p.rec = nil
}

// EndInterview ends the candidate's interview this member started (StartInterview): the room
// light outside the door shows the room free again while the panel scores. Calling it when no
// interview is under way is harmless.
func (p *PanelMember) EndInterview() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.putOut()
}

// putOut shows the room free if this member's interview lit it. p.mu is held.
func (p *PanelMember) putOut() {
	if p.lit {
		p.lit = false
		panelLight(p.k, false)
	}
}

func sealSetup(pub string, r *panel.Recruitment) ([]byte, error) {
	doc := setupDoc{Post: r.Post, Members: r.Members, Candidates: r.Candidates, Scale: r.Scale,
		Questions: r.Questions, DisagreeAt: r.DisagreeAt, FrozenAt: r.FrozenAt, Order: r.Order, Lead: r.Lead}
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	defer clear(b)
	return seal.SealRecord(pub, seal.PurposePanelRecord, r.EngagementID, "setup", b)
}

// errPlaceholder: the item is a placeholder, written when the candidate's interview started,
// that no member has filled yet.
var errPlaceholder = errors.New("panel: placeholder")

// placeholder is what a placeholder holds (padded like the record that will replace it).
var placeholder = []byte("null")

func (p *PanelMember) open(recordID string, sealed []byte, v any) error {
	b, err := p.key.Open(seal.PurposePanelRecord, recordID, sealed)
	if err != nil {
		return err
	}
	defer clear(b)
	if bytes.Equal(bytes.TrimRight(b, " "), placeholder) {
		return errPlaceholder
	}
	return json.Unmarshal(b, v)
}

// The logical ids of a panel's records. A record is sealed under its logical id (seal binds
// it, so a record moved to another row does not open) and stored under the keyed hash of it
// (PanelMember.ids): the store sees no member, candidate or question. "|" is in no id, number
// or question id (a pack question's id has a "/").
func markID(member, candidate, question string) string {
	return "mark|" + member + "|" + candidate + "|" + question
}
func notesID(member, candidate string) string     { return "notes|" + member + "|" + candidate }
func submittedID(member, candidate string) string { return "submitted|" + member + "|" + candidate }
func confirmationID(partner string) string        { return "confirmation|" + partner }
func consentID(candidate string) string           { return "consent|" + candidate }

const decisionID = "decision"

// Every record is padded before it is sealed, so that its sealed size says what kind of
// record it is and nothing more: a mark, a submission, a consent or a confirmation is
// recordPad bytes, notes notesPad (the longest notes fit: MaxNotesLen characters, each at most
// six bytes in JSON), whether a member wrote any or not. A record that does not fit grows by
// eight times until it does (a confirmation's signatures, say).
const (
	recordPad = 4 << 10
	notesPad  = 32 << 10
)

// padded is b followed by spaces (JSON reads them as trailing white space) to size less the
// length of the record's logical id, which the sealed header holds: every record of a size
// class seals to the same length, whatever its member, candidate or question id.
func padded(logical string, b []byte, size int) []byte {
	for size-len(logical) < len(b) {
		size *= 8
	}
	size -= len(logical)
	out := make([]byte, size)
	copy(out, b)
	for i := len(b); i < size; i++ {
		out[i] = ' '
	}
	return out
}

// submittedDoc is a sealed submission: when, for the record's "submitted" line.
type submittedDoc struct{ At time.Time }

// index maps the stored id of every record the recruitment can hold to its logical id: each
// member's marks, notes and submission for each candidate, the confirmations, the consents
// and the decision. A stored id not in it belongs to no record of the set-up and is not opened.
func (p *PanelMember) index(r *panel.Recruitment) map[string]string {
	out := map[string]string{p.ids(decisionID): decisionID}
	add := func(logical string) { out[p.ids(logical)] = logical }
	for _, c := range r.Candidates {
		add(consentID(c.Number))
	}
	for _, m := range r.Members {
		add(confirmationID(m.ID))
		for _, c := range r.Candidates {
			add(submittedID(m.ID, c.Number))
			add(notesID(m.ID, c.Number))
			for _, q := range r.Questions {
				add(markID(m.ID, c.Number, q.ID))
			}
		}
	}
	return out
}

// load builds the member's view of the recruitment from the store: the set-up, the
// confirmations, the decision, who submitted for which candidate, the member's own marks and
// notes, and others' marks and notes only where the recruitment's rule lets this member read
// them (panel's MayRead: once they submitted their own for the candidate), asked before any of
// them is opened.
func (p *PanelMember) load(st panel.Stored) error {
	var doc setupDoc
	if err := p.open("setup", st.SealedSetup, &doc); err != nil {
		return fmt.Errorf("open panel set-up: %w", err)
	}
	r := &panel.Recruitment{EngagementID: st.EngagementID, Post: doc.Post, Members: doc.Members,
		Candidates: doc.Candidates, Scale: doc.Scale, Questions: doc.Questions, DisagreeAt: doc.DisagreeAt, FrozenAt: doc.FrozenAt,
		Order: setupOrder(doc), Lead: doc.Lead}
	if _, err := r.Member(p.id); err != nil {
		return err
	}
	logical := p.index(r)
	ids := make([]string, 0, len(st.Items))
	for id := range st.Items {
		if _, ok := logical[id]; ok {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return strings.Compare(logical[a], logical[b]) })
	// Submissions first: they decide which of the others' sheets this member may open.
	for _, id := range ids {
		parts := strings.Split(logical[id], "|")
		if parts[0] != "submitted" {
			continue
		}
		var d submittedDoc
		if err := p.open(logical[id], st.Items[id], &d); err != nil {
			return fmt.Errorf("open panel record: %w", err)
		}
		r.Submissions = append(r.Submissions, panel.Submission{MemberID: parts[1], Candidate: parts[2], At: d.At})
	}
	slices.SortFunc(r.Submissions, func(a, b panel.Submission) int { return a.At.Compare(b.At) })
	pack := PanelPack(p.k)
	sheets := map[[2]string]*panel.Sheet{}
	sheet := func(member, cand string) *panel.Sheet {
		k := [2]string{member, cand}
		if sheets[k] == nil {
			sheets[k] = &panel.Sheet{Candidate: cand, MemberID: member}
		}
		return sheets[k]
	}
	for _, id := range ids {
		lid, sealed := logical[id], st.Items[id]
		parts := strings.Split(lid, "|")
		switch parts[0] {
		case "mark":
			member, cand := parts[1], parts[2]
			if r.MayRead(p.id, member, cand) != nil {
				continue // not opened: this member has not submitted for the candidate
			}
			var m panel.Mark
			if err := p.open(lid, sealed, &m); errors.Is(err, errPlaceholder) {
				continue
			} else if err != nil {
				return fmt.Errorf("open panel record: %w", err)
			}
			m.QuestionID = parts[3]
			s := sheet(member, cand)
			s.Marks = append(s.Marks, m)
		case "notes":
			member, cand := parts[1], parts[2]
			if r.MayRead(p.id, member, cand) != nil {
				continue
			}
			var n string
			if err := p.open(lid, sealed, &n); errors.Is(err, errPlaceholder) {
				continue
			} else if err != nil {
				return fmt.Errorf("open panel record: %w", err)
			}
			if n != "" || sheets[[2]string{member, cand}] != nil {
				sheet(member, cand).Notes = n
			}
		case "confirmation":
			var c panel.Confirmation
			if err := p.open(lid, sealed, &c); err != nil {
				return fmt.Errorf("open panel record: %w", err)
			}
			r.Confirmations = append(r.Confirmations, c)
		case "consent":
			var c panel.Consent
			if err := p.open(lid, sealed, &c); err != nil {
				return fmt.Errorf("open panel record: %w", err)
			}
			c.Candidate = parts[1]
			// Kept to the rule again, against the pack shown now: a consent that does not keep
			// it (given against another text, say) does not count, and the candidate is asked
			// again before their interview.
			_ = r.RecordConsent(pack, c)
		case decisionID:
			var d panel.Decision
			if err := p.open(lid, sealed, &d); err != nil {
				return fmt.Errorf("open panel record: %w", err)
			}
			r.Decision = &d
		}
	}
	keys := make([][2]string, 0, len(sheets))
	for k := range sheets {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int { return strings.Compare(a[1]+"/"+a[0], b[1]+"/"+b[0]) })
	for _, k := range keys {
		s := sheets[k]
		slices.SortFunc(s.Marks, func(a, b panel.Mark) int {
			return slices.IndexFunc(r.Questions, func(q panel.Question) bool { return q.ID == a.QuestionID }) -
				slices.IndexFunc(r.Questions, func(q panel.Question) bool { return q.ID == b.QuestionID })
		})
		r.Sheets = append(r.Sheets, s)
	}
	if err := p.loadOrder(r, st); err != nil {
		return err
	}
	p.rec, p.stored = r, st
	p.remember()
	return nil
}

// convert seals a panel's legacy records and submissions (panel.Legacy, stored before
// migration 0013 by logical id and in the clear) again as items, padded and under their keyed
// ids, and has the store replace the legacy rows with them in one transaction. It runs when a
// member first opens such a panel, before load: each legacy record is opened only to be sealed
// again, and nothing of it reaches this member's view but through load, which keeps MayRead.
// It returns the panel as stored after.
func (p *PanelMember) convert(ctx context.Context, st panel.Stored) (panel.Stored, error) {
	items := map[string][]byte{}
	for lid, sealed := range st.Legacy.Records {
		plain, err := p.key.Open(seal.PurposePanelRecord, lid, sealed)
		if err != nil {
			return panel.Stored{}, fmt.Errorf("convert panel record: %w", err)
		}
		size := recordPad
		if strings.HasPrefix(lid, "notes|") {
			size = notesPad
		}
		pad := padded(lid, plain, size)
		clear(plain)
		items[p.ids(lid)], err = seal.SealRecord(p.pub, seal.PurposePanelRecord, st.EngagementID, lid, pad)
		clear(pad)
		if err != nil {
			return panel.Stored{}, err
		}
	}
	for _, s := range st.Legacy.Submissions {
		lid := submittedID(s.MemberID, s.Candidate)
		sealed, err := p.sealPadded(st.EngagementID, lid, submittedDoc{At: s.At}, recordPad)
		if err != nil {
			return panel.Stored{}, err
		}
		items[p.ids(lid)] = sealed
	}
	if err := p.k.Deps(access.Pass).Panels.ConvertPanel(ctx, st.EngagementID, items); err != nil {
		return panel.Stored{}, err
	}
	return p.k.Deps(access.Pass).Panels.Panel(ctx, st.EngagementID)
}

// sealPadded seals v as JSON padded to size under the record's logical id.
func (p *PanelMember) sealPadded(engagementID, logical string, v any, size int) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	pad := padded(logical, b, size)
	clear(b)
	defer clear(pad)
	return seal.SealRecord(p.pub, seal.PurposePanelRecord, engagementID, logical, pad)
}

// reload reads the panel again (after another member's submission, say).
func (p *PanelMember) reload(ctx context.Context) error {
	st, err := p.k.Deps(access.Pass).Panels.Panel(ctx, p.stored.EngagementID)
	if err != nil {
		return err
	}
	return p.load(st)
}

// Refresh reads what other members have saved since the panel was opened.
func (p *PanelMember) Refresh(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	return p.reload(ctx)
}

// changeSetup applies fn to the recruitment as stored now (the domain's rules) and stores the
// sealed set-up; on any error the recruitment is read again from the store.
func (p *PanelMember) changeSetup(ctx context.Context, fn func(r *panel.Recruitment) error) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	// The set-up is one sealed document: read what other members saved since this one opened
	// the panel (the carer's question, say) before changing it, so no change is lost.
	if err := p.reload(ctx); err != nil {
		return err
	}
	if err := fn(p.rec); err != nil {
		_ = p.reload(ctx)
		return err
	}
	sealed, err := sealSetup(p.pub, p.rec)
	if err == nil {
		err = p.k.Deps(access.Pass).Panels.SavePanelSetup(ctx, p.rec.EngagementID, sealed, !p.rec.FrozenAt.IsZero())
	}
	if err != nil {
		_ = p.reload(ctx)
		return err
	}
	return nil
}

// requireChair refuses a member who is neither the chair nor the appointing officer (the
// set-up's own settings; may says the rest).
func (p *PanelMember) requireChair(r *panel.Recruitment) error {
	m, err := r.Member(p.id)
	if err != nil {
		return err
	}
	if !m.Has(panel.RoleChair) && !m.Has(panel.RoleAppointingOfficer) {
		return ErrNotChair
	}
	return nil
}

// SetPost changes the post (chair or appointing officer, before the first candidate).
func (p *PanelMember) SetPost(ctx context.Context, post panel.Post) error {
	return p.changeSetup(ctx, func(r *panel.Recruitment) error {
		if err := p.require(r, actEditSetup); err != nil {
			return err
		}
		return r.SetPost(post)
	})
}

// SetScale sets the organisation's scale (chair or appointing officer, before the first
// candidate).
func (p *PanelMember) SetScale(ctx context.Context, s panel.Scale) error {
	return p.changeSetup(ctx, func(r *panel.Recruitment) error {
		if err := p.require(r, actEditSetup); err != nil {
			return err
		}
		return r.SetScale(s)
	})
}

// SetQuestions sets the question set in the order asked (chair or appointing officer,
// before the first candidate).
func (p *PanelMember) SetQuestions(ctx context.Context, qs []panel.Question) error {
	return p.changeSetup(ctx, func(r *panel.Recruitment) error {
		if err := p.require(r, actEditSetup); err != nil {
			return err
		}
		return r.SetQuestions(qs)
	})
}

// ContributeQuestion adds a question this member contributes (any member; the service user
// or carer's are marked as theirs), asked by them unless the chair changes it, before the
// first candidate.
func (p *PanelMember) ContributeQuestion(ctx context.Context, text string) error {
	return p.changeSetup(ctx, func(r *panel.Recruitment) error {
		if err := p.require(r, actContribute); err != nil {
			return err
		}
		m, err := r.Member(p.id)
		if err != nil {
			return err
		}
		src := panel.SourcePanel
		if m.Has(panel.RolePartner) {
			src = panel.SourcePartner
		}
		return r.AddQuestion(panel.Question{Text: text, Source: src, AskedBy: p.id})
	})
}

// AddCandidate adds a candidate by number (chair or appointing officer).
func (p *PanelMember) AddCandidate(ctx context.Context, number string) error {
	return p.changeSetup(ctx, func(r *panel.Recruitment) error {
		if err := p.require(r, actCandidates); err != nil {
			return err
		}
		return r.AddCandidate(number)
	})
}

// WithdrawCandidate withdraws a candidate with a reason (chair or appointing officer, before
// the decision): they withdrew, did not attend, or their number was entered in error. They
// stay on the record with the reason, and the decision and the export no longer wait for them.
func (p *PanelMember) WithdrawCandidate(ctx context.Context, number string, why panel.Withdrawal) error {
	return p.changeSetup(ctx, func(r *panel.Recruitment) error {
		if err := p.require(r, actCandidates); err != nil {
			return err
		}
		return r.Withdraw(number, why, p.k.Now())
	})
}

// DeclineConsent records that a candidate declined to consent to their interview on the
// information or consent screen (the member leading the interviews holds the kiosk): they are
// withdrawn as having declined to consent (panel.WithdrawNoConsent), not as having withdrawn,
// and no interview starts for them.
func (p *PanelMember) DeclineConsent(ctx context.Context, number string) error {
	return p.changeSetup(ctx, func(r *panel.Recruitment) error {
		if err := p.require(r, actInterview); err != nil {
			return err
		}
		return r.DeclineConsent(number, p.k.Now())
	})
}

// StartInterview starts a candidate's interview (the member leading it: panel's LeadID): the first
// one fixes the question set for good. It is refused for a candidate whose consent is not
// recorded (RecordConsent; panel.ErrNoConsent).
//
// It also writes a placeholder for every mark and every member's notes the interview can bring,
// padded as the record that will replace it: where each lies in the database is fixed now, in
// the order of their keyed ids, and a member's mark or notes later overwrites its placeholder
// in place, so neither the count of records, nor their sizes, nor where they lie says who
// scored or wrote notes, or in what order.
func (p *PanelMember) StartInterview(ctx context.Context, number string) error {
	err := p.changeSetup(ctx, func(r *panel.Recruitment) error {
		if err := p.require(r, actInterview); err != nil {
			return err
		}
		return r.StartInterview(number, p.k.Now())
	})
	if err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	c, _ := p.rec.Candidate(number)
	items := map[string][]byte{}
	for _, m := range p.rec.Members {
		lids := map[string]int{notesID(m.ID, c.Number): notesPad}
		for _, q := range p.rec.Questions {
			lids[markID(m.ID, c.Number, q.ID)] = recordPad
		}
		for lid, size := range lids {
			if _, ok := p.stored.Items[p.ids(lid)]; ok {
				continue
			}
			pad := padded(lid, placeholder, size)
			sealed, err := seal.SealRecord(p.pub, seal.PurposePanelRecord, p.rec.EngagementID, lid, pad)
			if err != nil {
				return err
			}
			items[p.ids(lid)] = sealed
		}
	}
	if err := p.k.Deps(access.Pass).Panels.AddPanelItems(ctx, p.rec.EngagementID, items); err != nil {
		_ = p.reload(ctx)
		return err
	}
	if err := p.reload(ctx); err != nil {
		return err
	}
	// The candidate is in the room: the light outside the door says so until EndInterview or
	// Close.
	p.lit = true
	panelLight(p.k, true)
	return nil
}

// Confirm stores the confirmation of understanding, sealed to the recruitment. The member of
// staff signs with their own PIN (staffPIN, tried under the rate limit), whoever is signed in:
// nobody signs for them by tapping their name.
func (p *PanelMember) Confirm(ctx context.Context, c panel.Confirmation, staffPIN []byte) error {
	p.mu.Lock()
	if p.rec == nil {
		p.mu.Unlock()
		return kiosk.ErrSignedOut
	}
	// Read what other members saved since this one opened the panel: a sheet signed since is
	// kept, never replaced.
	if err := p.reload(ctx); err != nil {
		p.mu.Unlock()
		return err
	}
	c.At = p.k.Now()
	// The sheet is checked whole before the PIN is tried: a PIN spent on a sheet that cannot
	// be kept would count against the member for nothing.
	err := p.mayConfirm(p.rec, c)
	p.mu.Unlock()
	if err != nil {
		return err
	}
	if len(staffPIN) == 0 {
		return fmt.Errorf("%w: the member of staff signs with their own PIN", kiosk.ErrNoPIN)
	}
	if err := confirmPIN(ctx, p.k, c.StaffID, staffPIN); err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	if err := p.reload(ctx); err != nil {
		return err
	}
	if err := p.mayConfirm(p.rec, c); err != nil {
		return err
	}
	if err := p.rec.Confirm(c); err != nil {
		return err
	}
	return p.putRecord(ctx, confirmationID(c.PartnerID), c, recordPad)
}

// mayConfirm checks a confirmation before it is kept: one is still to sign, the sheet is whole,
// and its service user or carer has not signed already (a signed sheet is never replaced).
func (p *PanelMember) mayConfirm(r *panel.Recruitment, c panel.Confirmation) error {
	if err := p.require(r, actConfirm); err != nil {
		return err
	}
	if err := r.CheckConfirmation(c); err != nil {
		return err
	}
	if r.Confirmed(c.PartnerID) {
		return ErrConfirmed
	}
	return nil
}

// putRecord seals v, padded to size, under its logical id and stores it under its keyed id.
func (p *PanelMember) putRecord(ctx context.Context, logical string, v any, size int) error {
	sealed, err := p.sealPadded(p.rec.EngagementID, logical, v, size)
	if err != nil {
		return err
	}
	id := p.ids(logical)
	if err := p.k.Deps(access.Pass).Panels.PutPanelItem(ctx, p.rec.EngagementID, id, sealed); err != nil {
		_ = p.reload(ctx)
		return err
	}
	p.stored.Items[id] = sealed
	return nil
}

// SetMark records this member's mark for a candidate's answer; it is stored before this
// returns (a power cut loses nothing saved).
func (p *PanelMember) SetMark(ctx context.Context, candidate string, m panel.Mark) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	if err := p.require(p.rec, actScore); err != nil {
		return err
	}
	if err := p.rec.SetMark(p.id, candidate, m); err != nil {
		return err
	}
	c, _ := p.rec.Candidate(candidate)
	return p.putRecord(ctx, markID(p.id, c.Number, m.QuestionID), m, recordPad)
}

// SetNotes records this member's notes for a candidate.
func (p *PanelMember) SetNotes(ctx context.Context, candidate, notes string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	if err := p.rec.SetNotes(p.id, candidate, notes); err != nil {
		return err
	}
	c, _ := p.rec.Candidate(candidate)
	return p.putRecord(ctx, notesID(p.id, c.Number), notes, notesPad)
}

// Submit makes this member's sheet for the candidate final (the recruitment's rule: every
// question scored with a reason); the others' sheets of the candidate are read after it.
func (p *PanelMember) Submit(ctx context.Context, candidate string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	if err := p.require(p.rec, actScore); err != nil {
		return err
	}
	now := p.k.Now()
	if err := p.rec.Submit(p.id, candidate, now); err != nil {
		return err
	}
	c, _ := p.rec.Candidate(candidate)
	lid := submittedID(p.id, c.Number)
	sealed, err := p.sealPadded(p.rec.EngagementID, lid, submittedDoc{At: now}, recordPad)
	if err == nil {
		err = p.k.Deps(access.Pass).Panels.SubmitPanelSheet(ctx, p.rec.EngagementID, p.ids(lid), sealed)
	}
	if err != nil {
		_ = p.reload(ctx)
		return err
	}
	return p.reload(ctx)
}

// Submitted reports whether this member has submitted their sheet for the candidate.
func (p *PanelMember) Submitted(candidate string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.rec != nil && p.rec.Submitted(p.id, candidate)
}

// Sheet returns a member's sheet of a candidate (a copy): this member's own at any time
// (empty before their first mark), another member's only once this member has submitted
// their own for the candidate (panel.ErrNotSubmitted before), whatever the screen asks.
func (p *PanelMember) Sheet(memberID, candidate string) (panel.Sheet, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return panel.Sheet{}, kiosk.ErrSignedOut
	}
	s, err := p.rec.Sheet(p.id, memberID, candidate)
	if err != nil {
		return panel.Sheet{}, err
	}
	return copySheet(s), nil
}

func copySheet(s *panel.Sheet) panel.Sheet {
	c := *s
	c.Marks = slices.Clone(s.Marks)
	return c
}

// Sheets returns the candidate's sheets (copies) once this member submitted theirs
// (panel.ErrNotSubmitted before).
func (p *PanelMember) Sheets(candidate string) ([]panel.Sheet, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return nil, kiosk.ErrSignedOut
	}
	ss, err := p.rec.SheetsFor(p.id, candidate)
	if err != nil {
		return nil, err
	}
	out := make([]panel.Sheet, len(ss))
	for i, s := range ss {
		out[i] = copySheet(s)
	}
	return out, nil
}

// Grid returns the consolidated grid: the candidates every member has scored, this member
// among them; a candidate this member has not submitted for is never in it.
func (p *PanelMember) Grid() (panel.Grid, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return panel.Grid{}, kiosk.ErrSignedOut
	}
	return p.rec.GridFor(p.id)
}

// Decide records the appointing officer's decision, confirmed by their PIN (tried under the
// rate limit): the selected candidate's number or "" for none, and the reasons. It is sealed to
// the recruitment and final; the audit entry holds no content.
func (p *PanelMember) Decide(ctx context.Context, pin []byte, selected, reasons string) error {
	if len(pin) == 0 {
		return kiosk.ErrNoPIN
	}
	if err := p.Refresh(ctx); err != nil {
		return err
	}
	// Refused before the PIN is tried: a PIN spent on a decision that cannot be recorded
	// would count against the member for nothing.
	p.mu.Lock()
	var err error
	if p.rec == nil {
		err = kiosk.ErrSignedOut
	} else {
		err = p.require(p.rec, actDecide)
	}
	p.mu.Unlock()
	if err != nil {
		return err
	}
	if err := confirmPIN(ctx, p.k, p.id, pin); err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	if err := p.require(p.rec, actDecide); err != nil {
		return err
	}
	if err := p.rec.Decide(p.id, selected, reasons, p.k.Now()); err != nil {
		return err
	}
	sealed, err := p.sealPadded(p.rec.EngagementID, decisionID, p.rec.Decision, recordPad)
	if err != nil {
		return err
	}
	ev := retention.AuditEvent{At: p.k.Now(), Actor: retention.RoleInterviewer, Action: "panel.decision",
		EngagementID: p.rec.EngagementID, Outcome: "ok"}
	if err := p.k.Deps(access.Pass).Panels.DecidePanel(ctx, p.rec.EngagementID, p.ids(decisionID), sealed, ev); err != nil {
		_ = p.reload(ctx)
		return err
	}
	return nil
}

// confirmPIN checks an interviewer's PIN again under the rate limit, and forgets the key.
func confirmPIN(ctx context.Context, k *kiosk.Kiosk, interviewerID string, pin []byte) error {
	s, err := k.SignIn(ctx, interviewerID, pin)
	if err != nil {
		return err
	}
	s.SignOut()
	return nil
}

// PanelLobby is what the kiosk shows between members, with nobody signed in: the members by
// name and who has submitted for which candidate number. No content.
type PanelLobby struct {
	EngagementID string
	Title        string
	Members      []session.Interviewer // without key slots
	// Submitted lists, by candidate number, the members who have submitted, as this kiosk
	// last saw it with a member's key (Known): who submitted is sealed, so with nobody signed
	// in the kiosk knows it only from memory. After a restart it is empty and Known false
	// until a member next opens the panel.
	Submitted map[string][]string
	Known     bool
	Decided   bool
}

// remember keeps the recruitment's submissions in the kiosk's memory for the lobby, which
// shows them with nobody signed in.
func (p *PanelMember) remember() {
	if p.rec == nil {
		return
	}
	p.k.Lobbies(access.Pass).Store(p.rec.EngagementID, slices.Clone(p.rec.Submissions))
}

func rememberedSubmissions(k *kiosk.Kiosk, engagementID string) (panel.Submissions, bool) {
	v, ok := k.Lobbies(access.Pass).Load(engagementID)
	if !ok {
		return nil, false
	}
	return v.(panel.Submissions), true
}

// Lobby returns the lobby of a recruitment's panel.
func Lobby(ctx context.Context, k *kiosk.Kiosk, engagementID string) (PanelLobby, error) {
	if k.Deps(access.Pass).Panels == nil {
		return PanelLobby{}, ErrPanelsUnavailable
	}
	st, err := k.Deps(access.Pass).Panels.Panel(ctx, engagementID)
	if errors.Is(err, session.ErrNotFound) {
		return PanelLobby{}, ErrNoPanel
	}
	if err != nil {
		return PanelLobby{}, err
	}
	l := PanelLobby{EngagementID: engagementID, Submitted: map[string][]string{}, Decided: st.Decided}
	if e, err := k.Deps(access.Pass).Engagements.Engagements(ctx); err == nil {
		for _, x := range e {
			if x.ID == engagementID {
				l.Title = x.Title
			}
		}
	}
	ivs, err := k.Interviewers(ctx)
	if err != nil {
		return PanelLobby{}, err
	}
	for _, iv := range ivs {
		if _, ok := st.MemberKeys[iv.ID]; ok {
			l.Members = append(l.Members, iv)
		}
	}
	subs, known := rememberedSubmissions(k, engagementID)
	l.Known = known
	for _, s := range subs {
		l.Submitted[s.Candidate] = append(l.Submitted[s.Candidate], s.MemberID)
	}
	return l, nil
}

// ConfirmPIN checks this member's PIN again (the chair taking the screen back from a
// candidate), under the rate limit.
func (p *PanelMember) ConfirmPIN(ctx context.Context, pin []byte) error {
	if len(pin) == 0 {
		return kiosk.ErrNoPIN
	}
	return confirmPIN(ctx, p.k, p.id, pin)
}

// PanelPackID is the pack whose candidate information (preamble) and consent points a panel
// shows its candidates, and whose content hash a candidate's consent must carry.
const PanelPackID = "recruitment-values-panel"

// PanelPack returns the pack a panel shows its candidates (PanelPackID): the installed one,
// else the built-in one.
func PanelPack(k *kiosk.Kiosk) *protocol.Pack {
	for _, p := range k.Packs() {
		if p.ID == PanelPackID {
			return p
		}
	}
	p, _ := protocol.BuiltinPack(PanelPackID)
	return p
}

// CandidateConsent is a candidate's consent choices as given on the kiosk before their
// interview, with the hash of the text they were shown.
type CandidateConsent struct {
	Choices  map[string]bool
	TextHash string
}

// RecordConsent stores a candidate's consent, sealed to the recruitment, before StartInterview.
// It is refused unless it keeps the consent rule against the pack the kiosk shows (PanelPack):
// a choice for every point (protocol.ErrInvalidConsent), every required point agreed
// (panel.ErrConsentRefused) and that pack's text (panel.ErrConsentText).
func (p *PanelMember) RecordConsent(ctx context.Context, number string, c CandidateConsent) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	pc := panel.Consent{Candidate: number, Choices: c.Choices, TextHash: c.TextHash, At: p.k.Now()}
	if err := p.rec.RecordConsent(PanelPack(p.k), pc); err != nil {
		return err
	}
	cand, _ := p.rec.Candidate(number)
	pc.Candidate = cand.Number
	return p.putRecord(ctx, consentID(cand.Number), pc, recordPad)
}

// panelLight shows on the room light outside the door that a panel's interview with a
// candidate is under way (on), or that it has ended (off): PanelMember's StartInterview,
// EndInterview and Close, never a screen. A session the engine runs owns the light: the panel
// never changes it under one.
func panelLight(k *kiosk.Kiosk, on bool) {
	if k.Engine().State() != "" {
		return
	}
	if on {
		k.Light().Show(session.RoomOccupied)
	} else {
		k.Light().Show(session.RoomFree)
	}
}
