package kiosk

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
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
	// ErrNoPIN: OK was pressed with nothing typed. It is not an attempt: it costs no try and
	// starts no delay, so nobody can use up an interviewer's tries by pressing OK.
	ErrNoPIN = errors.New("type your PIN first, then OK")
)

// Store is the storage the kiosk needs. Every method that changes data is durable when it
// returns and changes nothing when it returns an error.
type Store interface {
	session.Store

	Engagements(ctx context.Context) ([]session.Engagement, error)
	CreateEngagement(ctx context.Context, e session.Engagement, ev retention.AuditEvent) error
	CloseEngagement(ctx context.Context, engagementID string, ev retention.AuditEvent) error

	Interviewers(ctx context.Context) ([]session.Interviewer, error)
	Interviewer(ctx context.Context, id string) (session.Interviewer, error)
	PutInterviewer(ctx context.Context, iv session.Interviewer) error

	Settings

	AppendAudit(ctx context.Context, ev retention.AuditEvent) error
	Audit(ctx context.Context, limit int) ([]retention.AuditEvent, error)
	Receipts(ctx context.Context) ([]retention.Receipt, error)
	// IntegrityCheck runs the database's integrity check: "ok" or what is wrong.
	IntegrityCheck(ctx context.Context) (string, error)

	// SessionsOf returns an interviewer's stored sessions, newest first.
	SessionsOf(ctx context.Context, interviewerID string) ([]session.Record, error)
}

// Settings are the device's own settings: the admin credential's verifier and the room's name.
type Settings interface {
	// AdminVerifier returns the stored verifier; session.ErrNotFound before setup.
	AdminVerifier(ctx context.Context) ([]byte, error)
	SetAdminVerifier(ctx context.Context, verifier []byte, at time.Time) error
	// RoomName returns the room's name; session.ErrNotFound before setup.
	RoomName(ctx context.Context) (string, error)
	SetRoomName(ctx context.Context, name string) error
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
	WipeEngagement(ctx context.Context, engagementID string, actor retention.Role) (retention.Receipt, error)
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

// Deps are what the kiosk works with. All are required but Secret.
type Deps struct {
	Store     Store
	Vault     *vault.Vault
	Retention Retention
	Packs     Packs
	Light     hw.Indicator
	// Limiter rate-limits interviewers' PINs (vault.DefaultPolicy: it locks out).
	Limiter *vault.Limiter
	// AdminLimiter rate-limits the admin credential (a policy that never locks out: nobody
	// could clear it).
	AdminLimiter *vault.Limiter
	// Secret is where the device secret comes from (the vault's source), and the first-boot
	// choice on a Raspberry Pi whose OTP key is not programmed.
	Secret SecretChoice
}

// Options are the kiosk's tunables.
type Options struct {
	// Logger receives ids and outcomes, never PINs, labels or content. Default: discard.
	Logger *slog.Logger
	// NewID returns fresh ids for engagements and interviewers. Default: 128 random bits, hex.
	NewID func() string
	// Rand is the randomness of the demo credentials. Default: crypto/rand.
	Rand io.Reader
	// EngineOptions are passed to the session engine (its Logger defaults to Logger).
	EngineOptions session.Options
	// ImportDirs are where the admin's pack import looks for files: the folders USB sticks are
	// mounted under. Default: /media, /run/media and /mnt.
	ImportDirs []string
}

// Kiosk is the room's use cases. It is safe for concurrent use.
type Kiosk struct {
	d       Deps
	log     *slog.Logger
	newID   func() string
	rand    io.Reader
	imports []string
	engine  *session.Engine
	light   *roomlight.Light
}

// New returns the kiosk and its session engine.
func New(d Deps, o Options) (*Kiosk, error) {
	switch {
	case d.Store == nil, d.Vault == nil, d.Retention == nil, d.Packs == nil, d.Light == nil,
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
	if o.ImportDirs == nil {
		o.ImportDirs = []string{"/media", "/run/media", "/mnt"}
	}
	k := &Kiosk{d: d, log: o.Logger.With("component", "kiosk"), newID: o.NewID, rand: o.Rand, imports: o.ImportDirs}
	k.light = roomlight.New(d.Light, o.Logger)
	eo := o.EngineOptions
	if eo.Logger == nil {
		eo.Logger = o.Logger
	}
	eng, err := session.New(session.Deps{
		Store: d.Store, Eraser: d.Retention, Indicator: k.light, Clock: d.Retention,
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
	set, err := IsSetUp(ctx, k.d.Store)
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
	n, err := k.d.Store.RoomName(ctx)
	if errors.Is(err, session.ErrNotFound) {
		return "", nil
	}
	return n, err
}

func (k *Kiosk) audit(ctx context.Context, action, engagementID string, count int) error {
	return k.d.Store.AppendAudit(ctx, retention.AuditEvent{
		At: k.Now(), Actor: retention.RoleAdmin, Action: action, EngagementID: engagementID,
		Count: count, Outcome: "ok",
	})
}
