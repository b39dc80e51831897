package hw

import "errors"

// SecretSource yields the device secret that, with an interviewer's PIN, wraps the vault's keys.
// The Raspberry Pi OTP device key (hw/otp) and the vault's key-file fallback both implement it;
// the vault declares the same two methods, so either satisfies the other's interface.
type SecretSource interface {
	// DeviceSecret returns a fresh copy of the secret; the caller zeroes it after use. It never
	// falls back to a weaker secret: a missing or unprogrammed secret is an error that names
	// what provisioning must do.
	DeviceSecret() ([]byte, error)
	// Name says where the secret comes from, for logs and the admin's storage-health screen
	// (e.g. "Raspberry Pi OTP device private key"). It never contains secret material.
	Name() string
}

// ProgrammableSecret is a SecretSource that can be written once: the Raspberry Pi's OTP device
// key (hw/otp). Program writes a key for ever; it is ErrSecretProgrammed when one is there.
type ProgrammableSecret interface {
	SecretSource
	Program(key []byte) error
}

// Errors of a hardware device secret. Drivers return them (wrapped) so that callers, which must
// not import a driver, can tell a board that has no such secret from one whose secret was
// never written.
var (
	// ErrSecretUnprogrammed: the hardware secret reads as all zeros; it was never programmed.
	ErrSecretUnprogrammed = errors.New("the OTP device private key is not programmed (all zeros): " +
		"program it during provisioning, or configure the key-file device secret")
	// ErrNoSecretHardware: the device has no hardware secret (not a Raspberry Pi 4 or 5, a
	// firmware too old, or not Linux).
	ErrNoSecretHardware = errors.New("no OTP device private key on this device")
	// ErrSecretProgrammed: the hardware secret is already written and can never change.
	ErrSecretProgrammed = errors.New("the OTP device private key is already programmed; it cannot be changed")
)
