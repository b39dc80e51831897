package session

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"

	"quietroom/app/protocol"
)

// Record ids sealed with the session key besides the entries (whose id is their own).
const (
	recordLabel        = "label"
	recordSignature    = "consent-signature"
	recordParticipants = "participants"
)

// Packs finds the question pack a stored session was run with, so a session can be reopened.
// The protocol package's pack library is adapted to it in main.
type Packs interface {
	// Pack returns the pack with that id and version; an unknown pack is an error wrapping
	// ErrNotFound.
	Pack(id string, version int) (*protocol.Pack, error)
}

// PacksFunc adapts a function to Packs.
type PacksFunc func(id string, version int) (*protocol.Pack, error)

// Pack calls f.
func (f PacksFunc) Pack(id string, version int) (*protocol.Pack, error) { return f(id, version) }

// Deps are what the engine works with. All are required. The key source is not among them:
// each Start takes the keys of the interviewer who starts it, so the engine never holds an
// interviewer's key between sessions.
type Deps struct {
	Store     Store
	Eraser    Eraser
	Indicator Indicator
	Clock     Clock
	Packs     Packs
}

// Options are the engine's tunables.
type Options struct {
	// Logger receives transitions and failures, with component=session and session_id; never
	// content or labels. Default: discard.
	Logger *slog.Logger
	// NewID returns a fresh unique id for sessions and entries. Default: 128 random bits from
	// crypto/rand, hex-encoded.
	NewID func() string
}

// Engine runs one session at a time, as the kiosk does. It is safe for concurrent use; every
// method returns promptly (it does no waiting and starts no goroutines), and the UI drives time
// by calling Tick.
type Engine struct {
	store     Store
	eraser    Eraser
	indicator Indicator
	clock     Clock
	packs     Packs
	log       *slog.Logger
	newID     func() string

	mu        sync.Mutex
	s         *live // nil until the first Start or Reopen
	room      RoomState
	roomShown bool
	warned    int // the warning level last reported by Tick, for TimerStatus.Alert
}

// live is the session the engine holds. Plaintext lives here and nowhere else; it is dropped
// when the session reaches a final state.
type live struct {
	rec       Record // as persisted, or as it will be when consent is given
	persisted bool   // the store holds rec (false before consent)
	pack      *protocol.Pack
	topics    []protocol.Topic // the chosen topics, in asking order
	key       SessionKey       // nil once final
	label     string
	followUp  time.Time // the engagement's follow-up date, for the preamble
	items     []Item
	consent   ConsentRecord // choices given; Sealed signature as stored
	signature []byte        // plaintext signature
	group     group         // who reads and consents in turn, and how many took part
}

// New returns an engine with no session. It does not touch the indicator until the first Tick
// or session step.
func New(d Deps, opts Options) (*Engine, error) {
	switch {
	case d.Store == nil:
		return nil, errors.New("session engine: no store")
	case d.Eraser == nil:
		return nil, errors.New("session engine: no eraser")
	case d.Indicator == nil:
		return nil, errors.New("session engine: no indicator")
	case d.Clock == nil:
		return nil, errors.New("session engine: no clock")
	case d.Packs == nil:
		return nil, errors.New("session engine: no pack source")
	}
	e := &Engine{
		store: d.Store, eraser: d.Eraser, indicator: d.Indicator, clock: d.Clock,
		packs: d.Packs, log: opts.Logger, newID: opts.NewID,
	}
	if e.log == nil {
		e.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	e.log = e.log.With("component", "session")
	if e.newID == nil {
		e.newID = randomID
	}
	return e, nil
}

func randomID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}

// Setup is what the interviewer chooses before the interviewee sees the screen.
type Setup struct {
	EngagementID  string
	InterviewerID string
	Pack          *protocol.Pack
	// TopicIDs are the topics to use, in the order they are asked: a subset of the pack's.
	// Empty means all of them in the pack's order.
	TopicIDs []string
	// Duration is the planned length of the questions; zero means the pack's default.
	Duration time.Duration
	// Label identifies the interviewee without naming them: see CheckLabel.
	Label string
	// DeletionDate may bring the engagement's deletion date forward; zero means the
	// engagement's date. A later date is refused.
	DeletionDate time.Time
	// Participants is how many people the interviewer expects to take part: 1 (the default
	// when zero) for a one-to-one, up to MaxParticipants for a small-group interview. Each
	// reads the preamble and gives consent in turn (see GiveConsent).
	Participants int
}

// Info describes the engine's session. It holds the label in plaintext: show it, never log it.
type Info struct {
	ID            string
	EngagementID  string
	InterviewerID string
	Pack          *protocol.Pack
	Label         string
	State         State
	Duration      time.Duration
	DeletionDate  time.Time
	// FollowUpDate is the engagement's follow-up visit or discussion; zero when it has none.
	// The preamble says it where its pack does (protocol.PlaceholderFollowUpDate).
	FollowUpDate time.Time
	CreatedAt    time.Time
	// Participants is how many people were expected at set-up; Turn is the one (from 1)
	// reading the preamble or giving consent now; TookPart is how many gave consent: all of
	// the interview's people once the questions begin.
	Participants int
	Turn         int
	TookPart     int
}

// Status is the answer to Tick: where the session is and what the timer and the light show.
type Status struct {
	SessionID string // empty when there is no session
	State     State  // empty when there is no session
	Room      RoomState
	Timer     TimerStatus
}

// Start begins a new session in the setup state: it checks the setup, creates the session's data
// key with keys (the signed-in interviewer's key source) and turns the light to occupied.
// Nothing is stored until consent is given. It fails with ErrSessionLive while another session
// is live. The engine keeps the session key only, never keys.
func (e *Engine) Start(ctx context.Context, s Setup, keys Keys) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if keys == nil {
		return errors.New("start session: no key source")
	}
	if e.s != nil && e.s.rec.State.live() {
		return fmt.Errorf("start session: %w", ErrSessionLive)
	}
	now := e.clock.Now()
	v, err := e.checkSetup(ctx, s, now)
	if err != nil {
		return fmt.Errorf("start session: %w", err)
	}
	id := e.newID()
	key, sealedKey, err := keys.NewSessionKey(s.InterviewerID, id)
	if err != nil {
		return fmt.Errorf("start session: create data key: %w", err)
	}
	sealedLabel, err := key.Seal(recordLabel, []byte(v.label))
	if err != nil {
		key.Destroy()
		return fmt.Errorf("start session: seal label: %w", err)
	}
	ids := make([]string, len(v.topics))
	for i, t := range v.topics {
		ids[i] = t.ID
	}
	e.s = &live{
		rec: Record{
			ID:            id,
			EngagementID:  s.EngagementID,
			InterviewerID: s.InterviewerID,
			PackID:        s.Pack.ID,
			PackVersion:   s.Pack.Version,
			PackHash:      s.Pack.Hash,
			TopicIDs:      ids,
			SealedLabel:   sealedLabel,
			State:         StateSetup,
			Progress:      Progress{Status: map[string]string{}},
			Timer:         TimerState{Planned: v.duration},
			DeletionDate:  v.deletion,
			SealedKey:     sealedKey,
			CreatedAt:     now,
			UpdatedAt:     now,
		},
		pack:     s.Pack,
		topics:   v.topics,
		key:      key,
		label:    v.label,
		followUp: v.followUp,
		group:    group{expected: v.participants},
	}
	e.warned = 0
	e.log.Info("session started", "session_id", id, "engagement_id", s.EngagementID)
	e.showRoom(now)
	return nil
}

type checkedSetup struct {
	topics       []protocol.Topic
	duration     time.Duration
	label        string
	deletion     time.Time
	followUp     time.Time
	participants int
}

func (e *Engine) checkSetup(ctx context.Context, s Setup, now time.Time) (checkedSetup, error) {
	var v checkedSetup
	if s.InterviewerID == "" {
		return v, fmt.Errorf("%w: no interviewer is signed in", ErrInvalidSetup)
	}
	if s.Pack == nil || s.Pack.ID == "" || s.Pack.Hash == "" || len(s.Pack.Topics) == 0 {
		return v, fmt.Errorf("%w: choose a question pack that has topics", ErrInvalidSetup)
	}
	if s.EngagementID == "" {
		return v, fmt.Errorf("%w: choose an engagement", ErrInvalidSetup)
	}
	eng, err := e.store.Engagement(ctx, s.EngagementID)
	if err != nil {
		return v, fmt.Errorf("%w: engagement %s: %w", ErrInvalidSetup, s.EngagementID, err)
	}
	if eng.Closed {
		return v, fmt.Errorf("%w: the engagement is closed; choose another", ErrInvalidSetup)
	}
	if eng.DeletionDate.IsZero() || !eng.DeletionDate.After(now) {
		return v, fmt.Errorf("%w: the engagement's deletion date has passed or is not set; ask an admin", ErrInvalidSetup)
	}
	if err := PackFits(s.Pack, eng); err != nil {
		return v, err
	}
	v.followUp = eng.FollowUpDate
	v.deletion = eng.DeletionDate
	if !s.DeletionDate.IsZero() {
		if s.DeletionDate.After(eng.DeletionDate) {
			return v, fmt.Errorf("%w: the deletion date can only be brought forward from the engagement's (%s)",
				ErrInvalidSetup, eng.DeletionDate.Format(time.DateOnly))
		}
		if !s.DeletionDate.After(now) {
			return v, fmt.Errorf("%w: the deletion date must be in the future", ErrInvalidSetup)
		}
		v.deletion = s.DeletionDate
	}

	if len(s.TopicIDs) == 0 {
		v.topics = slices.Clone(s.Pack.Topics)
	} else {
		seen := map[string]bool{}
		for _, id := range s.TopicIDs {
			t, ok := s.Pack.Topic(id)
			if !ok {
				return v, fmt.Errorf("%w: topic %q is not in the pack", ErrInvalidSetup, id)
			}
			if seen[id] {
				return v, fmt.Errorf("%w: topic %q is chosen twice", ErrInvalidSetup, id)
			}
			seen[id] = true
			v.topics = append(v.topics, t)
		}
	}

	v.duration = s.Duration
	if v.duration == 0 {
		v.duration = time.Duration(s.Pack.DurationMinutes) * time.Minute
	}
	if v.duration == 0 {
		v.duration = DefaultDuration
	}
	if v.duration < MinDuration || v.duration > MaxDuration {
		return v, fmt.Errorf("%w: the duration must be between %d minutes and %d hours", ErrInvalidSetup, int(MinDuration.Minutes()), int(MaxDuration.Hours()))
	}

	v.label, err = CheckLabel(s.Label, eng.StakeholderGroups, s.Pack.Kind)
	if err != nil {
		return v, err
	}
	v.participants, err = checkParticipants(s.Participants, s.Pack.Kind)
	if err != nil {
		return v, err
	}
	return v, nil
}

// Reopen loads a stored session with its key and decrypts it. A sealed session moves back to
// write-up (its interviewer finishing or correcting the write-up); a session stored in consent,
// questions, closing or write-up resumes where it was, timer included, for instance after the
// kiosk restarted. The engine owns key only when Reopen succeeds; on failure the caller keeps it.
func (e *Engine) Reopen(ctx context.Context, sessionID string, key SessionKey) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.s != nil && e.s.rec.State.live() {
		return fmt.Errorf("reopen session %s: %w", sessionID, ErrSessionLive)
	}
	l, err := e.load(ctx, sessionID, key)
	if err != nil {
		return fmt.Errorf("reopen session %s: %w", sessionID, err)
	}
	now := e.clock.Now()
	if l.rec.State == StateSealed {
		next := cloneRecord(l.rec)
		next.State = StateWriteUp
		next.UpdatedAt = now
		if err := e.store.UpdateSession(ctx, next); err != nil {
			return fmt.Errorf("reopen session %s: save: %w", sessionID, err)
		}
		l.rec = next
	}
	e.s = l
	e.warned = 0
	e.log.Info("session reopened", "session_id", sessionID, "state", string(l.rec.State))
	e.showRoom(now)
	return nil
}

func (e *Engine) load(ctx context.Context, id string, key SessionKey) (*live, error) {
	rec, err := e.store.Session(ctx, id)
	if err != nil {
		return nil, err
	}
	switch rec.State {
	case StateSealed, StateConsent, StateQuestions, StateClosing, StateWriteUp:
	default:
		return nil, fmt.Errorf("stored in state %s: %w", rec.State, ErrIllegalMove)
	}
	pack, err := e.packs.Pack(rec.PackID, rec.PackVersion)
	if err != nil {
		return nil, fmt.Errorf("question pack %s v%d: %w", rec.PackID, rec.PackVersion, err)
	}
	if pack == nil || pack.Hash != rec.PackHash {
		return nil, fmt.Errorf("question pack %s v%d: %w", rec.PackID, rec.PackVersion, ErrPackMismatch)
	}
	l := &live{rec: rec, persisted: true, pack: pack, key: key}
	if eng, err := e.store.Engagement(ctx, rec.EngagementID); err == nil {
		l.followUp = eng.FollowUpDate
	}
	for _, tid := range rec.TopicIDs {
		t, ok := pack.Topic(tid)
		if !ok {
			return nil, fmt.Errorf("topic %q: %w", tid, ErrPackMismatch)
		}
		l.topics = append(l.topics, t)
	}
	if l.rec.Progress.Status == nil {
		l.rec.Progress.Status = map[string]string{}
	}
	label, err := key.Open(recordLabel, rec.SealedLabel)
	if err != nil {
		return nil, fmt.Errorf("open label: %w", err)
	}
	l.label = string(label)
	if l.group, err = loadGroup(key, rec.SealedParticipants); err != nil {
		return nil, err
	}

	entries, err := e.store.Entries(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load entries: %w", err)
	}
	for _, en := range entries {
		body, err := key.Open(en.ID, en.Sealed)
		if err != nil {
			return nil, fmt.Errorf("open entry %s: %w", en.ID, err)
		}
		l.items = append(l.items, Item{
			ID: en.ID, TopicID: en.TopicID, Kind: en.Kind, Tag: en.Tag, Text: string(body),
			CreatedAt: en.CreatedAt, UpdatedAt: en.UpdatedAt,
		})
	}

	c, err := e.store.Consent(ctx, id)
	switch {
	case errors.Is(err, ErrNotFound) && rec.State == StateConsent:
	case err != nil:
		return nil, fmt.Errorf("load consent: %w", err)
	default:
		l.consent = c
		if len(c.SealedSignature) > 0 {
			l.signature, err = key.Open(recordSignature, c.SealedSignature)
			if err != nil {
				return nil, fmt.Errorf("open signature: %w", err)
			}
		}
	}
	return l, nil
}

// State is the session's state, or "" when the engine has no session.
func (e *Engine) State() State {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.s == nil {
		return ""
	}
	return e.s.rec.State
}

// Info describes the session; false when there is none. After a final state only the id, the
// engagement, the interviewer and the state remain.
func (e *Engine) Info() (Info, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.s == nil {
		return Info{}, false
	}
	r := e.s.rec
	return Info{
		ID: r.ID, EngagementID: r.EngagementID, InterviewerID: r.InterviewerID, Pack: e.s.pack,
		Label: e.s.label, State: r.State, Duration: r.Timer.Planned, DeletionDate: r.DeletionDate,
		FollowUpDate: e.s.followUp, CreatedAt: r.CreatedAt,
		Participants: e.s.group.expected, Turn: e.s.group.turn + 1, TookPart: e.s.group.tookPart,
	}, true
}

// ShowPreamble moves to the interviewee-facing preamble: from setup when the screen is handed
// over, or back from consent to read it again.
func (e *Engine) ShowPreamble(ctx context.Context) error {
	return e.simpleMove(ctx, StatePreamble, StateSetup, StateConsent)
}

// ShowConsent moves from the preamble to the consent points.
func (e *Engine) ShowConsent(ctx context.Context) error {
	return e.simpleMove(ctx, StateConsent, StatePreamble)
}

// ShowClosing moves from the questions to the closing. The current topic counts as done unless
// it was skipped.
func (e *Engine) ShowClosing(ctx context.Context) error {
	return e.simpleMove(ctx, StateClosing, StateQuestions)
}

// ShowQuestions goes back from the closing to the questions ("one more thing").
func (e *Engine) ShowQuestions(ctx context.Context) error {
	return e.simpleMove(ctx, StateQuestions, StateClosing)
}

// StartWriteUp moves from the closing to the write-up once the interviewee has left. The timer
// stops.
func (e *Engine) StartWriteUp(ctx context.Context) error {
	return e.simpleMove(ctx, StateWriteUp, StateClosing)
}

// simpleMove is a move that only changes the state (and what follows from it) in the record.
func (e *Engine) simpleMove(ctx context.Context, to State, from ...State) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.checkMove(to, from...); err != nil {
		return err
	}
	now := e.clock.Now()
	next := cloneRecord(e.s.rec)
	next.State = to
	switch to {
	case StateClosing:
		if cur := e.currentTopicID(); cur != "" && next.Progress.Status[cur] != string(TopicSkipped) {
			next.Progress.Status[cur] = string(TopicDone)
		}
	case StateWriteUp:
		next.Timer = stopTimer(next.Timer, now)
	}
	if err := e.save(ctx, next, now); err != nil {
		return fmt.Errorf("move session to %s: %w", to, err)
	}
	e.log.Info("session moved", "session_id", next.ID, "state", string(to))
	e.showRoom(now)
	return nil
}

// checkMove checks that the session may move to `to` by the calling method, which is allowed
// from the states in from (a subset of the legal moves).
func (e *Engine) checkMove(to State, from ...State) error {
	if e.s == nil {
		return fmt.Errorf("move session to %s: %w", to, ErrNoSession)
	}
	cur := e.s.rec.State
	if !CanMove(cur, to) || !slices.Contains(from, cur) {
		return fmt.Errorf("move session %s from %s to %s: %w", e.s.rec.ID, cur, to, ErrIllegalMove)
	}
	return nil
}

// save persists next if the session is stored, and adopts it in memory once that succeeded.
func (e *Engine) save(ctx context.Context, next Record, now time.Time) error {
	next.UpdatedAt = now
	if e.s.persisted {
		if err := e.store.UpdateSession(ctx, next); err != nil {
			return fmt.Errorf("save session %s: %w", next.ID, err)
		}
	}
	e.s.rec = next
	return nil
}

// Seal closes the write-up: the session is stored as sealed, its key is destroyed and its
// plaintext dropped from memory; the light goes back to free. Only its interviewer can reopen it.
func (e *Engine) Seal(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.checkMove(StateSealed, StateWriteUp); err != nil {
		return err
	}
	now := e.clock.Now()
	next := cloneRecord(e.s.rec)
	next.State = StateSealed
	next.Timer = stopTimer(next.Timer, now)
	if err := e.save(ctx, next, now); err != nil {
		return fmt.Errorf("seal session: %w", err)
	}
	e.finish(now)
	return nil
}

// Withdraw ends the session because the interviewee withdrew consent: everything stored of it is
// destroyed at once through the Eraser, the key is destroyed and the light goes back to free.
// Before consent nothing is stored, so withdrawing then simply abandons the session (nobody came,
// or the interviewer cancels); it is not counted as a decline.
func (e *Engine) Withdraw(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.checkMove(StateWithdrawn, StateSetup, StatePreamble, StateConsent, StateQuestions, StateClosing, StateWriteUp); err != nil {
		return err
	}
	if e.s.persisted {
		if err := e.eraser.DestroySession(ctx, e.s.rec.ID); err != nil {
			return fmt.Errorf("withdraw session %s: destroy: %w", e.s.rec.ID, err)
		}
		e.s.persisted = false
	}
	e.s.rec.State = StateWithdrawn
	e.finish(e.clock.Now())
	return nil
}

// finish drops the key and every piece of plaintext after a final state.
func (e *Engine) finish(now time.Time) {
	s := e.s
	if s.key != nil {
		s.key.Destroy()
		s.key = nil
	}
	clear(s.signature)
	s.signature = nil
	s.label = ""
	s.items = nil
	s.consent = ConsentRecord{}
	s.group.forget()
	s.rec.SealedLabel = nil
	s.rec.SealedParticipants = nil
	s.rec.SealedKey = nil
	e.log.Info("session ended", "session_id", s.rec.ID, "state", string(s.rec.State))
	e.showRoom(now)
}

// Tick reports the session's status at the clock's time and brings the light up to date. The UI
// calls it to redraw the timer (once a second is plenty); it does not write to the store.
func (e *Engine) Tick() Status {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.clock.Now()
	st := e.status(now)
	if st.Timer.Warning != e.warned {
		st.Timer.Alert = st.Timer.Warning != 0
		e.warned = st.Timer.Warning
	}
	e.showRoom(now)
	return st
}

func (e *Engine) status(now time.Time) Status {
	if e.s == nil {
		return Status{Room: RoomFree}
	}
	st := Status{SessionID: e.s.rec.ID, State: e.s.rec.State}
	st.Timer = e.timerStatus(now)
	st.Room = roomFor(st.State, st.Timer)
	return st
}

// showRoom shows the room state on the indicator when it changed.
func (e *Engine) showRoom(now time.Time) {
	want := e.status(now).Room
	if e.roomShown && want == e.room {
		return
	}
	e.indicator.Show(want)
	e.room, e.roomShown = want, true
}

func roomFor(s State, t TimerStatus) RoomState {
	switch {
	case !s.live():
		return RoomFree
	case s.timed() && t.Over:
		return RoomOvertime
	case s.timed() && t.EndingSoon:
		return RoomEndingSoon
	}
	return RoomOccupied
}

func cloneRecord(r Record) Record {
	r.TopicIDs = slices.Clone(r.TopicIDs)
	r.SealedLabel = slices.Clone(r.SealedLabel)
	r.SealedParticipants = slices.Clone(r.SealedParticipants)
	r.SealedKey = slices.Clone(r.SealedKey)
	r.Progress.Status = maps.Clone(r.Progress.Status)
	if r.Progress.Status == nil {
		r.Progress.Status = map[string]string{}
	}
	return r
}

// PackFits reports whether pack p can be used in engagement eng: a pack whose preamble tells the
// interviewee the follow-up visit's date needs an engagement that has one. Start refuses the
// same; the set-up screens ask it as soon as a pack is chosen.
func PackFits(p *protocol.Pack, eng Engagement) error {
	if p.SaysFollowUpDate() && eng.FollowUpDate.IsZero() {
		return fmt.Errorf("%w: the pack tells the interviewee the date of the follow-up visit, and the engagement has none; choose a peer challenge engagement or ask an admin", ErrInvalidSetup)
	}
	return nil
}
