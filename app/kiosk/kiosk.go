package kiosk

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/vault"
	"quietroom/hw"
	"quietroom/hw/roomlight"
)

// Errors callers branch on.
var (
	// ErrNotSetUp: the device has no admin credential yet; run the first-boot setup.
	ErrNotSetUp = errors.New("this device is not set up yet: an admin must run the setup first")
	// ErrAlreadySetUp: the first-boot setup was asked for on a device that has an admin.
	ErrAlreadySetUp = errors.New("this device is already set up")
	// ErrNotYours: the session belongs to another interviewer.
	ErrNotYours = errors.New("that session belongs to another interviewer")
	// ErrSignedOut: the signed-in interviewer was already used up (locked) or signed out.
	ErrSignedOut = errors.New("signed out: sign in again with your PIN")
	// ErrDisabled: the interviewer was disabled by an admin.
	ErrDisabled = errors.New("this interviewer has been disabled: ask an admin")
	// ErrInvalid: an admin form is incomplete; the wrapped message says what to fix.
	ErrInvalid = errors.New("not valid")
	// ErrNotAudited: the audit log could not be written, so the admin's action was not done.
	ErrNotAudited = errors.New("the audit log could not be written, so nothing was changed: try again, and tell IT if it happens again")
	// ErrNoPIN: OK was pressed with nothing typed. It is not an attempt: it costs no try and
	// starts no delay, so nobody can use up an interviewer's tries by pressing OK.
	ErrNoPIN = errors.New("type your PIN first, then OK")
)

// The kiosk talks to storage through the role ports below, one per kind of record, so that
// each use case names what it reads and writes. The SQLite store (app/store) implements them
// all, and so does kiosktest's in-memory Store. Every method that changes data is durable when
// it returns and changes nothing when it returns an error; a method that takes an
// retention.AuditEvent writes it in the same transaction as the change (see doc.go).

// Sessions are the session engine's records, and the list of an interviewer's own.
type Sessions interface {
	session.Store
	// SessionsOf returns an interviewer's stored sessions, newest first.
	SessionsOf(ctx context.Context, interviewerID string) ([]session.Record, error)
}

// Engagements are the engagements an admin creates and closes. Their deletion dates and legal
// holds are retention's (Retention).
type Engagements interface {
	// Engagements lists every engagement, closed ones included.
	Engagements(ctx context.Context) ([]session.Engagement, error)
	CreateEngagement(ctx context.Context, e session.Engagement, ev retention.AuditEvent) error
	CloseEngagement(ctx context.Context, engagementID string, ev retention.AuditEvent) error
}

// Interviewers are the people who may sign in, with their key slots.
type Interviewers interface {
	// Interviewers lists every interviewer by display name, disabled ones included.
	Interviewers(ctx context.Context) ([]session.Interviewer, error)
	// Interviewer returns one; session.ErrNotFound when there is none.
	Interviewer(ctx context.Context, id string) (session.Interviewer, error)
	// SaveInterviewer inserts the interviewer or replaces the one with the same id, and
	// appends ev to the audit log in the same transaction.
	SaveInterviewer(ctx context.Context, iv session.Interviewer, ev retention.AuditEvent) error
	// ResetInterviewerKey saves an interviewer whose PIN was reset (their new key slot) and
	// appends ev and, in the same transaction, clears every group key sealed to their old key
	// (boards, panels, survey review teams): they wait to be let in again (see rekey.go).
	ResetInterviewerKey(ctx context.Context, iv session.Interviewer, ev retention.AuditEvent) error
}

// Settings are the device's own settings: the admin credential's verifier and the room's name.
type Settings interface {
	// AdminVerifier returns the stored verifier; session.ErrNotFound before setup.
	AdminVerifier(ctx context.Context) ([]byte, error)
	// RoomName returns the room's name; session.ErrNotFound (or "") before setup.
	RoomName(ctx context.Context) (string, error)
	// SetUp stores the admin credential's verifier and the room's name and appends ev (the
	// set-up) to the audit log, all in one transaction: a device is set up and audited, or
	// neither.
	SetUp(ctx context.Context, verifier []byte, roomName string, ev retention.AuditEvent) error
}

// Audit is the audit log and the deletion receipts, as the admin reads them.
type Audit interface {
	// AppendAudit appends one event, for a change outside the store's transactions (see
	// doc.go).
	AppendAudit(ctx context.Context, ev retention.AuditEvent) error
	// Audit returns the log, newest first: at most limit events, all when limit <= 0.
	Audit(ctx context.Context, limit int) ([]retention.AuditEvent, error)
	// Receipts returns every deletion receipt, newest first.
	Receipts(ctx context.Context) ([]retention.Receipt, error)
}

// Integrity is the storage's own check, for the storage health screen.
type Integrity interface {
	// IntegrityCheck runs the database's integrity check: "ok" or what is wrong.
	IntegrityCheck(ctx context.Context) (string, error)
}

// Retention is what the kiosk needs of the retention package; *retention.Retention implements
// it. It is also the engine's eraser and trusted clock.
type Retention interface {
	session.Eraser
	session.Clock
	Status(ctx context.Context) (retention.Status, error)
	ConfirmClock(ctx context.Context, actor retention.Role) error
	PlaceHold(ctx context.Context, engagementID, reason string, actor retention.Role) error
	ReleaseHold(ctx context.Context, engagementID string, actor retention.Role) error
	SetDeletionDate(ctx context.Context, engagementID string, date time.Time, actor retention.Role) error
	WipeFollowedUp(ctx context.Context, engagementID string, followUp time.Time, actor retention.Role) (retention.Receipt, error)
}

// Packs is the question pack library: the built-in packs and those an admin imported.
// *protocol.Library implements it.
type Packs interface {
	session.Packs
	// List returns every pack, built-in first.
	List() []*protocol.Pack
	// Import validates a pack file and adds it. A *protocol.ValidationError lists the problems.
	Import(name string, data []byte) (*protocol.Pack, error)
}

// Deps are what the kiosk works with. All are required.
type Deps struct {
	// The storage, by role; on the device all seven are the one SQLite store.
	Sessions     Sessions
	Engagements  Engagements
	Interviewers Interviewers
	Settings     Settings
	Audit        Audit
	Integrity    Integrity
	Surveys      Surveys

	Vault     *vault.Vault
	Retention Retention
	Packs     Packs
	Light     hw.Indicator
	// Limiter rate-limits interviewers' PINs (vault.DefaultPolicy: it locks out).
	Limiter *vault.Limiter
	// AdminLimiter rate-limits the admin credential (a policy that never locks out: nobody
	// could clear it).
	AdminLimiter *vault.Limiter
	// Boards are the team boards (app/board). Optional: without them the board's use cases
	// return ErrNoBoards.
	Boards Boards
	// Secret is where the device secret comes from (the vault's source), and the first-boot
	// choice on a Raspberry Pi whose OTP key is not programmed.
	Secret SecretChoice
	// Panels are the recruitment panels' records. Optional: without it the panel use cases
	// return ErrPanelsUnavailable.
	Panels Panels
	// Workshops are the boards' afternoon workshops (app/workshop), sealed to each board's key.
	// Optional: without them the workshop's use cases return ErrNoWorkshops.
	Workshops Workshops
}

// Options are the kiosk's tunables.
type Options struct {
	// Logger receives ids and outcomes, never PINs, labels or content. Default: discard.
	Logger *slog.Logger
	// NewID returns fresh ids for engagements and interviewers. Default: 128 random bits, hex.
	NewID func() string
	// Rand is the randomness of the demo credentials and of survey responses' ids. Default:
	// crypto/rand.
	Rand io.Reader
	// EngineOptions are passed to the session engine (its Logger defaults to Logger).
	EngineOptions session.Options
	// ImportDirs are where the admin's pack import looks for files: the folders USB sticks are
	// mounted under. Default: /media, /run/media and /mnt.
	ImportDirs []string
	// ExportDirs are where a survey's results may be exported; default: the USB sticks mounted
	// under ImportDirs (see Kiosk.Sticks).
	ExportDirs []string
}

// Kiosk is the room's use cases. It is safe for concurrent use.
type Kiosk struct {
	// lobbies are what this kiosk last saw of its panels' submissions, by engagement id, in
	// memory only (panel.go: who submitted is sealed, the lobby shows it with nobody signed in).
	lobbies sync.Map
	// boardLocks hold each board's day-2 work still while one intent reads, changes and seals
	// it (a *sync.Mutex by engagement id; boardwork.go).
	boardLocks sync.Map
	d          Deps
	log        *slog.Logger
	newID      func() string
	rand       io.Reader
	imports    []string
	exports    []string
	// explicitImports: the import folders were given (tests, development), not the defaults.
	explicitImports bool
	engine          *session.Engine
	light           *roomlight.Light
}

// New returns the kiosk and its session engine.
func New(d Deps, o Options) (*Kiosk, error) {
	switch {
	case d.Sessions == nil, d.Engagements == nil, d.Interviewers == nil, d.Settings == nil,
		d.Audit == nil, d.Integrity == nil, d.Surveys == nil, d.Vault == nil, d.Retention == nil, d.Packs == nil, d.Light == nil,
		d.Limiter == nil, d.AdminLimiter == nil, d.Secret == nil:
		return nil, errors.New("kiosk: a dependency is missing")
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.NewID == nil {
		o.NewID = randomID
	}
	if o.Rand == nil {
		o.Rand = rand.Reader
	}
	explicit := o.ImportDirs != nil
	if o.ImportDirs == nil {
		o.ImportDirs = []string{"/media", "/run/media", "/mnt"}
	}
	k := &Kiosk{d: d, log: o.Logger.With("component", "kiosk"), newID: o.NewID, rand: o.Rand, imports: o.ImportDirs, exports: o.ExportDirs, explicitImports: explicit}
	k.light = roomlight.New(d.Light, o.Logger)
	eo := o.EngineOptions
	if eo.Logger == nil {
		eo.Logger = o.Logger
	}
	eng, err := session.New(session.Deps{
		Store: d.Sessions, Eraser: d.Retention, Indicator: k.light, Clock: d.Retention,
		Packs: d.Packs,
	}, eo)
	if err != nil {
		return nil, fmt.Errorf("kiosk: %w", err)
	}
	k.engine = eng
	return k, nil
}

func randomID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Engine is the session engine the interview screens drive.
func (k *Kiosk) Engine() *session.Engine { return k.engine }

// Now is trusted time (the clock with the retention time floor).
func (k *Kiosk) Now() time.Time { return k.d.Retention.Now() }

// Light is the room light as the kiosk drives it (hw/roomlight).
func (k *Kiosk) Light() *roomlight.Light { return k.light }

// Packs lists the question packs.
func (k *Kiosk) Packs() []*protocol.Pack { return k.d.Packs.List() }

// FirstBoot reports whether the device still needs its setup (see IsSetUp).
func (k *Kiosk) FirstBoot(ctx context.Context) (bool, error) {
	set, err := IsSetUp(ctx, k.d.Settings)
	if err != nil {
		return false, fmt.Errorf("first boot: %w", err)
	}
	return !set, nil
}

// IsSetUp reports whether the device has been set up, and so has data: it has an admin
// credential. This is the one place that says so; the first-boot wizard, the device-secret
// choice and the assembly all ask it.
func IsSetUp(ctx context.Context, s Settings) (bool, error) {
	_, err := s.AdminVerifier(ctx)
	switch {
	case errors.Is(err, session.ErrNotFound):
		return false, nil
	case err != nil:
		return false, err
	}
	return true, nil
}

// RoomName returns the room's name, or "" when none is set.
func (k *Kiosk) RoomName(ctx context.Context) (string, error) {
	n, err := k.d.Settings.RoomName(ctx)
	if errors.Is(err, session.ErrNotFound) {
		return "", nil
	}
	return n, err
}

// adminEvent is the audit entry of an admin's action: ids and counts only.
func (k *Kiosk) adminEvent(action string, count int) retention.AuditEvent {
	return retention.AuditEvent{At: k.Now(), Actor: retention.RoleAdmin, Action: action, Count: count, Outcome: "ok"}
}

// audited runs change, a change outside the store's transactions (a file, the vault's attempt
// log), after its audit entry ev: the log never lacks a change that was made. When the entry
// cannot be written nothing is changed and the error matches ErrNotAudited; when the change
// then fails, an entry with the outcome "failed" follows ev (as far as the log can be written)
// and change's error is returned.
func (k *Kiosk) Audited(ctx context.Context, ev retention.AuditEvent, change func() error) error {
	if err := k.d.Audit.AppendAudit(ctx, ev); err != nil {
		return fmt.Errorf("%w (%w)", ErrNotAudited, err)
	}
	err := change()
	if err != nil {
		ev.At, ev.Outcome = k.Now(), "failed"
		if aerr := k.d.Audit.AppendAudit(ctx, ev); aerr != nil {
			k.log.Warn("audit log not written", "action", ev.Action, "outcome", ev.Outcome, "err", aerr)
		}
	}
	return err
}
