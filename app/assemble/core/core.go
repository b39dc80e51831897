// Package core opens the kiosk's core on disk: the store, the device secret (OTP key or key
// file), the vault, retention and the kiosk over them, with every port wired. It is the one
// wiring of kiosk.Deps: app/assemble opens the product with it (with the system clock, the
// OTP key and the real light), and the tests that need a kiosk on disk open theirs with it
// (with a fake clock and small Argon2 costs). It imports no screen.
package core

import (
	"context"
	"log/slog"

	"quietroom/app/clock"
	"quietroom/app/kiosk"
	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/store"
	"quietroom/app/vault"
	"quietroom/hw"
)

// Config is what the core is opened from.
type Config struct {
	// DataDir is the data folder holding the database; it must exist.
	DataDir string
	// KeyFile is the device key file, used when OTP has no programmed key. It must be outside
	// DataDir unless KeyFileInData.
	KeyFile string
	// KeyFileInData lets the key file lie inside the data folder (development only).
	KeyFileInData bool
	// OTP is the board's OTP key; nil when there is none (development, tests without one).
	OTP vault.OTPKey
	// MustExist: the device has been set up, so a missing database is store.ErrMissing.
	MustExist bool
	// Clock is retention's clock. Default: the system clock.
	Clock clock.Clock
	// Params are the vault's Argon2 costs. Default: vault's.
	Params vault.Params
	// Logger receives retention's log. Default: discard.
	Logger *slog.Logger
}

// Core is the opened store, secret, vault and retention: what the kiosk is built over.
type Core struct {
	DB        *store.DB
	Secret    *vault.SecretChoice
	Vault     *vault.Vault
	Retention *retention.Retention
}

// Open opens the store in c.DataDir, settles the device secret, and opens the vault and
// retention. Nothing is purged: the caller decides when (the assembly purges before it shows
// anything). On error nothing is left open.
func Open(ctx context.Context, c Config) (_ *Core, err error) {
	if c.Clock == nil {
		c.Clock = clock.System()
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	db, err := store.Open(ctx, c.DataDir, store.Options{MustExist: c.MustExist})
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			db.Close()
		}
	}()
	set, err := kiosk.IsSetUp(ctx, db)
	if err != nil {
		return nil, err
	}
	kf, err := vault.NewKeyFile(c.KeyFile, vault.KeyFileOptions{DataDir: c.DataDir, Development: c.KeyFileInData})
	if err != nil {
		return nil, err
	}
	secret, err := vault.NewSecretChoice(c.OTP, kf, set, nil)
	if err != nil {
		return nil, err
	}
	v, err := vault.New(secret, vault.Options{Params: c.Params})
	if err != nil {
		return nil, err
	}
	ret, err := retention.New(ctx, db, c.Clock, retention.Options{Log: c.Logger})
	if err != nil {
		return nil, err
	}
	return &Core{DB: db, Secret: secret, Vault: v, Retention: ret}, nil
}

// Kiosk builds the kiosk over the core: every port from the store, the vault, retention, the
// secret and the rate limits in use, with the pack library and the light given.
func (c *Core) Kiosk(packs *protocol.Library, light hw.Indicator, o kiosk.Options) (*kiosk.Kiosk, error) {
	db := c.DB
	return kiosk.New(kiosk.Deps{
		Sessions: db, Engagements: db, Interviewers: db, Settings: db, Audit: db, Integrity: db,
		Surveys: db, Boards: db, Workshops: db, Panels: db,
		Vault: c.Vault, Retention: c.Retention, Packs: packs, Light: light,
		Limiter:      vault.NewLimiter(db, c.Retention, vault.DefaultPolicy()),
		AdminLimiter: vault.NewLimiter(db, c.Retention, vault.AdminPolicy()),
		Secret:       c.Secret,
	}, o)
}

// Close closes the database. Calling it twice is harmless.
func (c *Core) Close() { c.DB.Close() }
