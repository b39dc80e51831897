package vault

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"quietroom/hw"
)

// OTPKey is a device key that can be written once: the Raspberry Pi's OTP device private key
// (hw/otp.Source). Its errors match hw.ErrNoSecretHardware (no such key on this board),
// hw.ErrSecretUnprogrammed (never written) and hw.ErrSecretProgrammed (already written).
type OTPKey interface {
	SecretSource
	// Program writes the key, once and for ever.
	Program(key []byte) error
}

// ErrSecretChosen: the device secret's source is already settled and cannot be chosen again.
var ErrSecretChosen = errors.New("where the device key is kept is already settled")

// SecretChoice is the device secret of the kiosk (a SecretSource) and the policy that settles
// where it comes from when the kiosk starts:
//
//   - a programmed OTP key is used (the strongest: it never leaves the board);
//   - otherwise an existing key file is used (the device chose the file before);
//   - a device with data but neither is refused: restore the key file, nothing else opens it;
//   - a new Raspberry Pi whose OTP key is all zeros waits for the first-boot wizard to choose
//     (Choose), because programming the OTP is permanent and the admin must agree to it (never
//     a silent fallback to the weaker file);
//   - anything else (not a Pi 4/5, or development) gets a new key file.
type SecretChoice struct {
	otp  OTPKey // nil in development
	file *KeyFile
	rand io.Reader

	mu     sync.Mutex
	chosen SecretSource // nil while the choice is pending
}

var _ SecretSource = (*SecretChoice)(nil)

// NewSecretChoice settles the source as above. otp is nil where the OTP must not be touched
// (development). hasData reports that the device has been set up. rnd is the randomness of a
// new OTP key; nil means crypto/rand.
func NewSecretChoice(otp OTPKey, file *KeyFile, hasData bool, rnd io.Reader) (*SecretChoice, error) {
	if rnd == nil {
		rnd = rand.Reader
	}
	c := &SecretChoice{otp: otp, file: file, rand: rnd}
	otpErr := hw.ErrNoSecretHardware
	if otp != nil {
		var s []byte
		if s, otpErr = otp.DeviceSecret(); otpErr == nil {
			clear(s)
			c.chosen = otp
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
			ErrNoDeviceSecret, file.Path())
	}
	if errors.Is(otpErr, hw.ErrSecretUnprogrammed) {
		return c, nil // the wizard asks
	}
	if err := file.Create(); err != nil {
		return nil, err
	}
	c.chosen = file
	return c, nil
}

// DeviceSecret implements SecretSource.
func (c *SecretChoice) DeviceSecret() ([]byte, error) {
	c.mu.Lock()
	src := c.chosen
	c.mu.Unlock()
	if src == nil {
		return nil, fmt.Errorf("%w: choose where the device key is kept in the set-up wizard first", ErrNoDeviceSecret)
	}
	return src.DeviceSecret()
}

// Name implements SecretSource.
func (c *SecretChoice) Name() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.chosen == nil {
		return "not chosen yet (the set-up wizard asks)"
	}
	return c.chosen.Name()
}

// Pending reports that the wizard must ask before the device can be set up.
func (c *SecretChoice) Pending() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.chosen == nil
}

// Choose settles a pending choice: it programs the OTP key (permanent) when useOTP is true, or
// creates the key file. Programming writes a fresh random key and reads it back; on any failure
// nothing is settled and the wizard can try again or choose the file. A settled choice is
// ErrSecretChosen.
func (c *SecretChoice) Choose(useOTP bool) error {
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
		return fmt.Errorf("program the OTP key: %w", hw.ErrNoSecretHardware)
	}
	key := make([]byte, DeviceSecretSize)
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
