// Package kiosktest builds a kiosk on in-memory fakes for the tests of app/kiosk and app/ui:
// a Store (retentiontest's Storage, which passes the contract the SQLite store passes, plus
// the interviewers and settings, the panels, the surveys and the boards), the real retention
// over it, wrong-PIN logs that survive a Restart as the database does, a fake clock, small
// Argon2 costs and a fake light; and a Room, such a kiosk set up for the board's tests, two of
// which share a clock and a stick.
//
// It also holds the contracts of the kiosk's role ports for panels, surveys and boards
// (PanelsContract, SurveysContract, BoardsContract): the SQLite store (app/store) and this
// package's Store run the same ones, so the fakes keep the store's rules.
package kiosktest

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/demo"
	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/retention/retentiontest"
	"quietroom/app/session"
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
	Kiosk *kiosk.Kiosk
	Store *Store
	// Retention is the real retention over Store, started again by every Restart.
	Retention *retention.Retention
	Clock     *clocktest.Clock
	Light     *hwtest.Indicator
	Packs     *protocol.Library
	// Attempts and AdminAttempts are the wrong-PIN logs of the interviewers and of the admin.
	// Like the device's database they outlive a Restart, and the delays with them.
	Attempts      *vault.MemoryAttemptLog
	AdminAttempts *vault.MemoryAttemptLog
	// ReceiptIDs is where retention takes its receipt ids from: seeded, so a screen that shows
	// one is the same at every run, and kept across a Restart, so no id comes twice.
	ReceiptIDs io.Reader
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

// New returns a kiosk on fresh fakes (no admin, no engagement, no interviewer), on a board
// without an OTP key: the device key is a file.
func New(t testing.TB) *Env { return newOn(t, &OTP{}) }

// NewPi is New on a new Raspberry Pi whose OTP key is not programmed: the set-up wizard must
// first choose where the device key is kept.
func NewPi(t testing.TB) *Env { return newOn(t, &OTP{Supported: true}) }

func newOn(t testing.TB, board *OTP) *Env {
	t.Helper()
	clock := clocktest.New(Start)
	st := NewStore()
	packs, err := protocol.OpenLibrary(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e := &Env{Store: st, Clock: clock, Packs: packs,
		Attempts: vault.NewMemoryAttemptLog(), AdminAttempts: vault.NewMemoryAttemptLog(),
		ReceiptIDs: &seeded{r: rand.NewChaCha8([32]byte{'k', 'i', 'o', 's', 'k'})},
		ImportDir:  t.TempDir(), OTP: board, KeyFile: filepath.Join(t.TempDir(), "key", "device.key")}
	return e.assemble(t)
}

// Restart returns a new kiosk over the same store, attempt logs, clock and packs, as after the
// device restarted: retention starts again (its time floor loaded, what is due purged), the
// engine starts empty and the light is a new one. A clock set more than 14 days ahead of the
// last trusted time meanwhile is then reported ahead; one set behind it, behind.
func (e *Env) Restart(t testing.TB) *Env {
	t.Helper()
	after := *e
	return after.assemble(t)
}

// assemble starts retention and builds the kiosk, its device key, its vault and a fake light
// over e's fakes, as app/assemble does over the device's.
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
	// Receipt ids from a seeded source: the receipt golden is the same on every run.
	e.Retention = retentiontest.StartWith(t, e.Store, e.Clock, retention.Options{Rand: e.ReceiptIDs})
	e.Light = hwtest.NewIndicator(hw.TwoColour, e.Clock)
	e.Kiosk, err = kiosk.New(kiosk.Deps{
		Sessions: e.Store, Engagements: e.Store, Interviewers: e.Store, Settings: e.Store,
		Audit: e.Store, Integrity: e.Store, Surveys: e.Store,
		Vault: v, Retention: e.Retention, Packs: e.Packs, Light: e.Light, Secret: secret,
		Limiter:      vault.NewLimiter(e.Attempts, e.Retention, vault.DefaultPolicy()),
		AdminLimiter: vault.NewLimiter(e.AdminAttempts, e.Retention, vault.AdminPolicy()),
		Panels:       e.Store.Panels, Boards: e.Store.Boards, Workshops: e.Store.Workshops,
	}, kiosk.Options{ImportDirs: []string{e.ImportDir}, ExportDirs: []string{e.ImportDir}})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// newChaCha returns a randomness source seeded with seed.
func newChaCha(seed string) *rand.ChaCha8 {
	var k [32]byte
	copy(k[:], seed)
	return rand.NewChaCha8(k)
}

// seeded is a deterministic randomness source, safe for concurrent use.
type seeded struct {
	mu sync.Mutex
	r  *rand.ChaCha8
}

func (s *seeded) Read(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.r.Read(p)
}

// Seeded is New with the demo data: it returns the demo credentials too.
func Seeded(t testing.TB) (*Env, demo.Demo) {
	t.Helper()
	e := New(t)
	d, err := demo.SeedDemo(context.Background(), e.Kiosk)
	if err != nil {
		t.Fatal(err)
	}
	return e, d
}

// Store is the kiosk's storage in memory, every role port of it: retentiontest's Storage (the
// sessions, engagements, audit log and receipts, kept to retention's rules and proven by
// retentiontest.Contract) plus the interviewers and the device's settings, the recruitment
// panels (Panels), the surveys and the team boards (Boards), each proven by its contract
// (PanelsContract, SurveysContract, BoardsContract) as the SQLite store is.
type Store struct {
	*retentiontest.Storage
	// Panels are the recruitment panels' records.
	Panels *Panels
	// Boards are the team boards' records.
	Boards *Boards
	// Workshops are the boards' workshops (WorkshopsContract), gone with their boards.
	Workshops *Workshops

	mu           sync.Mutex
	interviewers map[string]session.Interviewer
	verifier     []byte
	room         string

	svOnce  sync.Once
	surveys *surveys
}

var (
	_ kiosk.Sessions     = (*Store)(nil)
	_ kiosk.Engagements  = (*Store)(nil)
	_ kiosk.Interviewers = (*Store)(nil)
	_ kiosk.Settings     = (*Store)(nil)
	_ kiosk.Audit        = (*Store)(nil)
	_ kiosk.Integrity    = (*Store)(nil)
)

// NewStore returns an empty store.
func NewStore() *Store {
	st := &Store{Storage: retentiontest.NewStorage(), interviewers: map[string]session.Interviewer{}}
	st.Panels = NewPanels(st.Storage)
	st.Boards = NewBoards(st.Storage)
	st.Workshops = NewWorkshops(st.Boards)
	return st
}

// SessionsOf implements kiosk.Sessions: newest first, as the SQLite store lists them.
func (s *Store) SessionsOf(ctx context.Context, interviewerID string) ([]session.Record, error) {
	var out []session.Record
	for _, r := range s.Storage.Snapshot().Sessions {
		if r.InterviewerID == interviewerID {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b session.Record) int {
		return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// CloseEngagement implements kiosk.Engagements: the audit entry is written first, so a failed one
// (FailNext("AppendAudit", err)) leaves the engagement open.
func (s *Store) CloseEngagement(ctx context.Context, id string, ev retention.AuditEvent) error {
	e, err := s.Storage.Engagement(ctx, id)
	if err != nil {
		return fmt.Errorf("close engagement %s: %w", id, err)
	}
	if err := s.Storage.AppendAudit(ctx, ev); err != nil {
		return fmt.Errorf("close engagement %s: %w", id, err)
	}
	e.Closed = true
	s.Storage.AddEngagement(e)
	return nil
}

// Interviewers implements kiosk.Interviewers: by display name, then id.
func (s *Store) Interviewers(ctx context.Context) ([]session.Interviewer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []session.Interviewer
	for _, iv := range s.interviewers {
		out = append(out, iv)
	}
	slices.SortFunc(out, func(a, b session.Interviewer) int {
		return cmp.Or(cmp.Compare(a.DisplayName, b.DisplayName), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// Interviewer implements kiosk.Interviewers.
func (s *Store) Interviewer(ctx context.Context, id string) (session.Interviewer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	iv, ok := s.interviewers[id]
	if !ok {
		return session.Interviewer{}, fmt.Errorf("interviewer %s: %w", id, session.ErrNotFound)
	}
	return iv, nil
}

// SaveInterviewer implements kiosk.Interviewers. The audit entry is written first and nothing
// after it can fail, so a failed one (FailNext("AppendAudit", err)) changes nothing, as the
// store's transaction does.
func (s *Store) SaveInterviewer(ctx context.Context, iv session.Interviewer, ev retention.AuditEvent) error {
	if err := s.Storage.AppendAudit(ctx, ev); err != nil {
		return fmt.Errorf("save interviewer %s: %w", iv.ID, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	iv.KeySlot = slices.Clone(iv.KeySlot)
	s.interviewers[iv.ID] = iv
	return nil
}

// AdminVerifier implements kiosk.Settings.
func (s *Store) AdminVerifier(ctx context.Context) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.verifier == nil {
		return nil, session.ErrNotFound
	}
	return slices.Clone(s.verifier), nil
}

// RoomName implements kiosk.Settings.
func (s *Store) RoomName(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.room == "" {
		return "", session.ErrNotFound
	}
	return s.room, nil
}

// SetUp implements kiosk.Settings: the audit entry first, as SaveInterviewer.
func (s *Store) SetUp(ctx context.Context, verifier []byte, roomName string, ev retention.AuditEvent) error {
	if err := s.Storage.AppendAudit(ctx, ev); err != nil {
		return fmt.Errorf("set up: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.verifier, s.room = slices.Clone(verifier), roomName
	return nil
}

// IntegrityCheck implements kiosk.Integrity.
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) { return "ok", nil }

// Erase implements retention.Storage: the storage's erase, and with it the boards of the
// engagements it wipes or purges (their rows counted in the receipt's BoardRecords), as the
// SQLite store's one transaction does. The boards change only when the erase succeeded. A
// purge that finds no session due leaves the boards as they are (retentiontest's Storage keeps
// no receipt of it): the purge of a board alone is the SQLite store's, tested on disk.
func (s *Store) Erase(ctx context.Context, scope retention.Scope, rec retention.Receipt) (retention.Receipt, [][]byte, error) {
	var (
		engs []string
		due  time.Time
	)
	switch scope.Kind {
	case retention.KindWipeEngagement:
		engs = []string{scope.EngagementID}
	case retention.KindWipeAll:
		engs = s.Boards.engagements()
	case retention.KindPurge:
		due = scope.DueAt
		all, err := s.Storage.Engagements(ctx)
		if err != nil {
			return retention.Receipt{}, nil, err
		}
		for _, e := range all {
			if !e.DeletionDate.After(due) && !e.LegalHold {
				engs = append(engs, e.ID)
			}
		}
	}
	rows, _ := s.Boards.erase(engs, due, true)
	rec.BoardRecords = rows
	rec, keys, err := s.Storage.Erase(ctx, scope, rec)
	if err != nil {
		return rec, keys, err
	}
	if scope.Kind == retention.KindPurge && rec.Sessions == 0 {
		rec.BoardRecords = 0
		return rec, keys, nil
	}
	_, boardKeys := s.Boards.erase(engs, due, false)
	return rec, append(keys, boardKeys...), nil
}

// Dump returns every byte the store holds (sessions, boards), for scanning it for plaintext.
func (s *Store) Dump() []byte {
	return append(s.Storage.Dump(), s.Boards.dump()...)
}
