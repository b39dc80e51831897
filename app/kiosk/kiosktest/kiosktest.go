// Package kiosktest builds a kiosk on in-memory fakes for the tests of app/kiosk and app/ui:
// a Store (sessiontest's session store plus the admin tables), a Retention that destroys at
// once and keeps receipts, a fake clock, small Argon2 costs and a fake light.
package kiosktest

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"quietroom/app/kiosk"
	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/session/sessiontest"
	"quietroom/app/vault"
	"quietroom/hw"
	"quietroom/hw/hwtest"
)

// Start is the fake clock's time at the start of every test.
var Start = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// Params are small Argon2 costs, so tests run fast.
var Params = vault.Params{MemoryKiB: 64, Time: 1, Threads: 1}

// Env is a kiosk with its fakes.
type Env struct {
	Kiosk     *kiosk.Kiosk
	Store     *Store
	Retention *Retention
	Clock     *sessiontest.Clock
	Light     *hwtest.Indicator
	Packs     *protocol.Library
	// ImportDir stands for a USB stick: the kiosk's pack import looks here.
	ImportDir string
	// OTP is the board's fake OTP key; KeyFile the device key file's path.
	OTP     *OTP
	KeyFile string
}

// OTP is a fake Raspberry Pi OTP device key: unsupported (not a Pi), unprogrammed, or set.
type OTP struct {
	mu        sync.Mutex
	Supported bool
	key       []byte
}

// DeviceSecret implements vault.OTPKey.
func (o *OTP) DeviceSecret() ([]byte, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	switch {
	case !o.Supported:
		return nil, hw.ErrNoSecretHardware
	case o.key == nil:
		return nil, hw.ErrSecretUnprogrammed
	}
	return bytes.Clone(o.key), nil
}

// Name implements vault.OTPKey.
func (o *OTP) Name() string { return "fake OTP device key" }

// Program implements vault.OTPKey: once only, like the real one.
func (o *OTP) Program(key []byte) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	switch {
	case !o.Supported:
		return hw.ErrNoSecretHardware
	case o.key != nil:
		return hw.ErrSecretProgrammed
	}
	o.key = bytes.Clone(key)
	return nil
}

// Programmed reports whether the fake OTP key has been written.
func (o *OTP) Programmed() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.key != nil
}

type hwClock struct{ c *sessiontest.Clock }

func (h hwClock) Now() time.Time { return h.c.Now() }
func (h hwClock) AfterFunc(d time.Duration, f func()) hw.Timer {
	return stopped{}
}

type stopped struct{}

func (stopped) Stop() bool { return true }

// New returns a kiosk on fresh fakes (no admin, no engagement, no interviewer), on a board
// without an OTP key: the device key is a file.
func New(t testing.TB) *Env { return newOn(t, &OTP{}) }

// NewPi is New on a new Raspberry Pi whose OTP key is not programmed: the set-up wizard must
// first choose where the device key is kept.
func NewPi(t testing.TB) *Env { return newOn(t, &OTP{Supported: true}) }

func newOn(t testing.TB, board *OTP) *Env {
	t.Helper()
	clock := sessiontest.NewClock(Start)
	st := NewStore()
	packs, err := protocol.OpenLibrary(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e := &Env{Store: st, Retention: &Retention{store: st, clock: clock}, Clock: clock, Packs: packs,
		ImportDir: t.TempDir(), OTP: board, KeyFile: filepath.Join(t.TempDir(), "key", "device.key")}
	return e.assemble(t)
}

// Restart returns a new kiosk over the same store, retention, clock and packs, as after the
// device restarted: the engine starts empty and the light is a new one.
func (e *Env) Restart(t testing.TB) *Env {
	t.Helper()
	after := *e
	return after.assemble(t)
}

// assemble builds the kiosk, its device key, its vault and a fake light over e's fakes.
func (e *Env) assemble(t testing.TB) *Env {
	t.Helper()
	kf, err := vault.NewKeyFile(e.KeyFile, vault.KeyFileOptions{DataDir: e.ImportDir})
	if err != nil {
		t.Fatal(err)
	}
	set, err := kiosk.IsSetUp(context.Background(), e.Store)
	if err != nil {
		t.Fatal(err)
	}
	secret, err := vault.NewSecretChoice(e.OTP, kf, set, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := vault.New(secret, vault.Options{Params: Params})
	if err != nil {
		t.Fatal(err)
	}
	e.Light = hwtest.NewIndicator(hw.TwoColour, hwClock{e.Clock})
	e.Kiosk, err = kiosk.New(kiosk.Deps{
		Store: e.Store, Vault: v, Retention: e.Retention, Packs: e.Packs, Light: e.Light, Secret: secret,
		Limiter:      vault.NewLimiter(vault.NewMemoryAttemptLog(), e.Clock, vault.DefaultPolicy()),
		AdminLimiter: vault.NewLimiter(vault.NewMemoryAttemptLog(), e.Clock, vault.AdminPolicy()),
	}, kiosk.Options{ImportDirs: []string{e.ImportDir}})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// Seeded is New with the demo data: it returns the demo credentials too.
func Seeded(t testing.TB) (*Env, kiosk.Demo) {
	t.Helper()
	e := New(t)
	d, err := e.Kiosk.SeedDemo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return e, d
}

// Store is an in-memory kiosk.Store.
type Store struct {
	*sessiontest.Store

	mu           sync.Mutex
	engagements  []string
	sessions     map[string][]string // engagement → session ids
	interviewers map[string]session.Interviewer
	verifier     []byte
	room         string
	audit        []retention.AuditEvent
	receipts     []retention.Receipt
}

var (
	_ kiosk.Store = (*Store)(nil)
)

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{Store: sessiontest.NewStore(), sessions: map[string][]string{}, interviewers: map[string]session.Interviewer{}}
}

// CreateSession records the session under its engagement, then stores it.
func (s *Store) CreateSession(ctx context.Context, r session.Record) error {
	if err := s.Store.CreateSession(ctx, r); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[r.EngagementID] = append(s.sessions[r.EngagementID], r.ID)
	return nil
}

// SessionsOf implements kiosk.Store.
func (s *Store) SessionsOf(ctx context.Context, interviewerID string) ([]session.Record, error) {
	s.mu.Lock()
	var ids []string
	for _, e := range s.engagements {
		ids = append(ids, s.sessions[e]...)
	}
	s.mu.Unlock()
	var out []session.Record
	for _, id := range ids {
		r, err := s.Session(ctx, id)
		if err != nil {
			continue
		}
		if r.InterviewerID == interviewerID {
			out = append(out, r)
		}
	}
	return out, nil
}

// Engagements implements kiosk.Store.
func (s *Store) Engagements(ctx context.Context) ([]session.Engagement, error) {
	s.mu.Lock()
	ids := slices.Clone(s.engagements)
	s.mu.Unlock()
	var out []session.Engagement
	for _, id := range ids {
		e, err := s.Engagement(ctx, id)
		if err != nil {
			continue
		}
		out = append(out, e)
	}
	return out, nil
}

// CreateEngagement implements kiosk.Store.
func (s *Store) CreateEngagement(ctx context.Context, e session.Engagement, ev retention.AuditEvent) error {
	s.AddEngagement(e)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.engagements = append(s.engagements, e.ID)
	s.audit = append(s.audit, ev)
	return nil
}

// CloseEngagement implements kiosk.Store.
func (s *Store) CloseEngagement(ctx context.Context, id string, ev retention.AuditEvent) error {
	e, err := s.Engagement(ctx, id)
	if err != nil {
		return err
	}
	e.Closed = true
	s.AddEngagement(e)
	return s.AppendAudit(ctx, ev)
}

// Interviewers implements kiosk.Store.
func (s *Store) Interviewers(ctx context.Context) ([]session.Interviewer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []session.Interviewer
	for _, iv := range s.interviewers {
		out = append(out, iv)
	}
	slices.SortFunc(out, func(a, b session.Interviewer) int { return cmpString(a.DisplayName, b.DisplayName) })
	return out, nil
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Interviewer implements kiosk.Store.
func (s *Store) Interviewer(ctx context.Context, id string) (session.Interviewer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	iv, ok := s.interviewers[id]
	if !ok {
		return session.Interviewer{}, fmt.Errorf("interviewer %s: %w", id, session.ErrNotFound)
	}
	return iv, nil
}

// PutInterviewer implements kiosk.Store.
func (s *Store) PutInterviewer(ctx context.Context, iv session.Interviewer) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	iv.KeySlot = slices.Clone(iv.KeySlot)
	s.interviewers[iv.ID] = iv
	return nil
}

// AdminVerifier implements kiosk.Store.
func (s *Store) AdminVerifier(ctx context.Context) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.verifier == nil {
		return nil, session.ErrNotFound
	}
	return slices.Clone(s.verifier), nil
}

// SetAdminVerifier implements kiosk.Store.
func (s *Store) SetAdminVerifier(ctx context.Context, v []byte, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.verifier = slices.Clone(v)
	return nil
}

// RoomName implements kiosk.Store.
func (s *Store) RoomName(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.room == "" {
		return "", session.ErrNotFound
	}
	return s.room, nil
}

// SetRoomName implements kiosk.Store.
func (s *Store) SetRoomName(ctx context.Context, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.room = name
	return nil
}

// AppendAudit implements kiosk.Store.
func (s *Store) AppendAudit(ctx context.Context, ev retention.AuditEvent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	ev.Seq = int64(len(s.audit) + 1)
	s.audit = append(s.audit, ev)
	return nil
}

// Audit implements kiosk.Store: newest first.
func (s *Store) Audit(ctx context.Context, limit int) ([]retention.AuditEvent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.audit)
	slices.Reverse(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Receipts implements kiosk.Store.
func (s *Store) Receipts(ctx context.Context) ([]retention.Receipt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.receipts), nil
}

// IntegrityCheck implements kiosk.Store.
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) { return "ok", nil }

// Retention is an in-memory kiosk.Retention over Store.
type Retention struct {
	store *Store
	clock *sessiontest.Clock

	mu         sync.Mutex
	clockState retention.ClockState
}

// Now implements session.Clock.
func (r *Retention) Now() time.Time { return r.clock.Now() }

// SetClockState makes Status report st (for the clock-check screen).
func (r *Retention) SetClockState(st retention.ClockState) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clockState = st
}

// Status implements kiosk.Retention.
func (r *Retention) Status(ctx context.Context) (retention.Status, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	st := r.clockState
	if st == "" {
		st = retention.ClockOK
	}
	now := r.clock.Now()
	msg := "The clock looks right."
	if st != retention.ClockOK {
		msg = "The clock looks wrong."
	}
	return retention.Status{Clock: now, Trusted: now, Floor: now, State: st, Message: msg}, nil
}

// ConfirmClock implements kiosk.Retention.
func (r *Retention) ConfirmClock(ctx context.Context, actor retention.Role) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.clockState != retention.ClockAhead {
		return retention.ErrClockUnconfirmed
	}
	r.clockState = retention.ClockOK
	return r.store.AppendAudit(ctx, retention.AuditEvent{At: r.clock.Now(), Actor: actor, Action: "clock.confirm", Outcome: "ok"})
}

// PlaceHold implements kiosk.Retention.
func (r *Retention) PlaceHold(ctx context.Context, id, reason string, actor retention.Role) error {
	if reason == "" {
		return retention.ErrNoReason
	}
	return r.hold(ctx, id, true, reason, actor)
}

// ReleaseHold implements kiosk.Retention.
func (r *Retention) ReleaseHold(ctx context.Context, id string, actor retention.Role) error {
	return r.hold(ctx, id, false, "", actor)
}

func (r *Retention) hold(ctx context.Context, id string, on bool, reason string, actor retention.Role) error {
	e, err := r.store.Engagement(ctx, id)
	if err != nil {
		return err
	}
	e.LegalHold, e.HoldReason = on, reason
	r.store.AddEngagement(e)
	return r.store.AppendAudit(ctx, retention.AuditEvent{At: r.clock.Now(), Actor: actor, Action: "legal-hold", EngagementID: id, Outcome: "ok"})
}

// SetDeletionDate implements kiosk.Retention.
func (r *Retention) SetDeletionDate(ctx context.Context, id string, date time.Time, actor retention.Role) error {
	e, err := r.store.Engagement(ctx, id)
	if err != nil {
		return err
	}
	e.DeletionDate = date
	r.store.AddEngagement(e)
	return nil
}

// DestroySession implements session.Eraser.
func (r *Retention) DestroySession(ctx context.Context, id string) error {
	r.store.DeleteSession(id)
	r.store.mu.Lock()
	defer r.store.mu.Unlock()
	r.store.receipts = append(r.store.receipts, retention.Receipt{
		ID: fmt.Sprintf("r%d", len(r.store.receipts)+1), Kind: retention.KindWithdrawal, Actor: retention.RoleInterviewee,
		At: r.clock.Now(), SessionIDs: []string{id}, Sessions: 1, Outcome: retention.OutcomePassed,
	})
	return nil
}

// WipeEngagement implements kiosk.Retention.
func (r *Retention) WipeEngagement(ctx context.Context, id string, actor retention.Role) (retention.Receipt, error) {
	e, err := r.store.Engagement(ctx, id)
	if err != nil {
		return retention.Receipt{}, err
	}
	if e.LegalHold {
		return retention.Receipt{}, retention.ErrLegalHold
	}
	s := r.store
	s.mu.Lock()
	ids := s.sessions[id]
	delete(s.sessions, id)
	s.engagements = slices.DeleteFunc(s.engagements, func(x string) bool { return x == id })
	s.mu.Unlock()
	n := 0
	for _, sid := range ids {
		if _, err := s.Session(ctx, sid); err == nil {
			n++
		}
		s.DeleteSession(sid)
	}
	rec := retention.Receipt{
		ID: fmt.Sprintf("r%d", len(s.receipts)+1), Kind: retention.KindWipeEngagement, Actor: actor, At: r.clock.Now(),
		EngagementIDs: []string{id}, SessionIDs: ids, Sessions: n, SecureDelete: true, WALTruncated: true,
		Reclaimed: true, Outcome: retention.OutcomePassed, CompletedAt: r.clock.Now(),
	}
	s.mu.Lock()
	s.receipts = append(s.receipts, rec)
	s.mu.Unlock()
	return rec, nil
}
