package hw

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
