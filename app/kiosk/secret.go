package kiosk

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"quietroom/app/vault"
	"quietroom/hw/otp"
)

// SecretChoice is where the device secret comes from and, on a new Raspberry Pi whose OTP key
// is not programmed yet, the choice the first-boot wizard makes. *SecretChooser implements it.
type SecretChoice interface {
	// Name says where the secret comes from, for the storage health screen.
	Name() string
	// Pending reports that the wizard must ask before the device can be set up.
	Pending() bool
	// Choose programs the OTP key (permanent) when useOTP is true, or creates the key file.
	Choose(useOTP bool) error
}

// OTP is the Raspberry Pi's one-time-programmable device key: hw/otp's Source.
type OTP interface {
	vault.SecretSource
	// Program writes the key, once and for ever.
	Program(key []byte) error
}

// ErrSecretChosen: the device secret's source is already settled and cannot be chosen again.
var ErrSecretChosen = errors.New("where the device key is kept is already settled")

// SecretChooser is the device secret of the kiosk (a vault.SecretSource). It settles where the
// secret comes from when the kiosk starts:
//
//   - a programmed OTP key is used (the strongest: it never leaves the board);
//   - otherwise an existing key file is used (the device chose the file before);
//   - a device with data but neither is refused: restore the key file, nothing else opens it;
//   - a new Raspberry Pi whose OTP key is all zeros waits for the first-boot wizard to choose,
//     because programming the OTP is permanent and the admin must agree to it (never a silent
//     fallback to the weaker file);
//   - anything else (not a Pi 4/5, or development) gets a new key file.
type SecretChooser struct {
	otp  OTP // nil in development
	file *vault.KeyFile
	rand io.Reader

	mu     sync.Mutex
	chosen vault.SecretSource // nil while the choice is pending
}

var _ vault.SecretSource = (*SecretChooser)(nil)

// NewSecretChooser settles the source as above. hasData reports that the device has been set
// up (it has an admin). rnd is the randomness of a new OTP key; nil means crypto/rand.
func NewSecretChooser(o OTP, file *vault.KeyFile, hasData bool, rnd io.Reader) (*SecretChooser, error) {
	if rnd == nil {
		rnd = rand.Reader
	}
	c := &SecretChooser{otp: o, file: file, rand: rnd}
	var otpErr error = otp.ErrUnsupported
	if o != nil {
		var s []byte
		if s, otpErr = o.DeviceSecret(); otpErr == nil {
			clear(s)
			c.chosen = o
			return c, nil
		}
	}
	if _, err := os.Stat(file.Path()); err == nil {
		c.chosen = file
		return c, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("device key file %s: %w", file.Path(), err)
	}
	if hasData {
		return nil, fmt.Errorf("%w: this device has data but its key file %s is missing and it has no OTP key; restore the key file from the device's backup, as nothing else opens the notes",
			vault.ErrNoDeviceSecret, file.Path())
	}
	if errors.Is(otpErr, otp.ErrUnprogrammed) {
		return c, nil // the wizard asks
	}
	if err := file.Create(); err != nil {
		return nil, err
	}
	c.chosen = file
	return c, nil
}

// DeviceSecret implements vault.SecretSource.
func (c *SecretChooser) DeviceSecret() ([]byte, error) {
	c.mu.Lock()
	src := c.chosen
	c.mu.Unlock()
	if src == nil {
		return nil, fmt.Errorf("%w: choose where the device key is kept in the set-up wizard first", vault.ErrNoDeviceSecret)
	}
	return src.DeviceSecret()
}

// Name implements vault.SecretSource and SecretChoice.
func (c *SecretChooser) Name() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.chosen == nil {
		return "not chosen yet (the set-up wizard asks)"
	}
	return c.chosen.Name()
}

// Pending implements SecretChoice.
func (c *SecretChooser) Pending() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.chosen == nil
}

// Choose implements SecretChoice. Programming the OTP writes a fresh random key and reads it
// back; on any failure nothing is settled and the wizard can try again or choose the file.
func (c *SecretChooser) Choose(useOTP bool) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.chosen != nil {
		return ErrSecretChosen
	}
	if !useOTP {
		if err := c.file.Create(); err != nil {
			return err
		}
		c.chosen = c.file
		return nil
	}
	if c.otp == nil {
		return fmt.Errorf("program the OTP key: %w", otp.ErrUnsupported)
	}
	key := make([]byte, vault.DeviceSecretSize)
	defer clear(key)
	if _, err := io.ReadFull(c.rand, key); err != nil {
		return fmt.Errorf("program the OTP key: %w", err)
	}
	if err := c.otp.Program(key); err != nil {
		return fmt.Errorf("program the OTP key: %w", err)
	}
	c.chosen = c.otp
	return nil
}

// ErrSecretPending: the first-boot wizard has not yet settled where the device key is kept.
var ErrSecretPending = errors.New("first choose where the device key is kept")

// SecretPending reports that the first-boot wizard must ask where the device key is kept
// before anything else: this Raspberry Pi's OTP key is not programmed yet.
func (k *Kiosk) SecretPending() bool { return k.d.Secret.Pending() }

// ChooseSecret settles where the device key is kept, on a new device only: the OTP key when
// useOTP (permanent; the wizard has had the admin confirm it), the key file otherwise.
func (k *Kiosk) ChooseSecret(ctx context.Context, useOTP bool) error {
	first, err := k.FirstBoot(ctx)
	if err != nil {
		return err
	}
	if !first {
		return ErrAlreadySetUp
	}
	if err := k.d.Secret.Choose(useOTP); err != nil {
		return err
	}
	k.log.Info("device key settled", "source", k.d.Secret.Name())
	return nil
}
