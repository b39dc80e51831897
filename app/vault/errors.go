package vault

import (
	"errors"
	"fmt"
	"time"
)

// Sentinel errors callers branch on. Wrapped errors add context; test with errors.Is.
var (
	// ErrNoDeviceSecret means the device secret is not available: the OTP key is not programmed,
	// or the key file is missing or unreadable. Nothing on the device can be opened without it.
	ErrNoDeviceSecret = errors.New("vault: no device secret")

	// ErrUnsafeKeyFile means the key file (or its folder) is somewhere or in a state the vault
	// refuses to trust: inside the data directory, readable by others, not a regular file, or
	// of the wrong size. The wrapped message says what to do.
	ErrUnsafeKeyFile = errors.New("vault: unsafe key file")

	// ErrWrongCredential means a PIN or passphrase did not open its slot or match its verifier.
	// A wrong PIN and a wrong device secret give this same error: there is no oracle telling
	// which of the two was wrong.
	ErrWrongCredential = errors.New("vault: wrong credential")

	// ErrKeyDestroyed means a session key or an unlocked interviewer was used after Destroy or
	// Lock.
	ErrKeyDestroyed = errors.New("vault: key destroyed")

	// ErrCannotOpen means a ciphertext or a sealed data key did not open: it was tampered with,
	// moved to another record or session, or sealed with another key.
	ErrCannotOpen = errors.New("vault: cannot open")

	// ErrMalformed means stored bytes (a key slot or an admin verifier) could not be parsed.
	ErrMalformed = errors.New("vault: malformed")

	// ErrWrongInterviewer means an unlocked interviewer was asked to act for someone else.
	ErrWrongInterviewer = errors.New("vault: wrong interviewer")

	// ErrTooSoon means a PIN attempt came before the rate limit's delay was over. The error
	// returned is a *TooSoonError carrying how long to wait.
	ErrTooSoon = errors.New("vault: too soon after a wrong PIN")

	// ErrLockedOut means too many wrong PINs: only an admin can clear the lock-out.
	ErrLockedOut = errors.New("vault: locked out after too many wrong PINs")

	// ErrNotAdmin means an admin-only action was attempted without a verified admin.
	ErrNotAdmin = errors.New("vault: admin credential required")
)

// TooSoonError is returned by Limiter.Check while a delay is running. It matches ErrTooSoon.
type TooSoonError struct {
	Wait time.Duration // how long until the next attempt is allowed, rounded up to a second
}

func (e *TooSoonError) Error() string {
	return fmt.Sprintf("too many wrong PINs: try again in %s", e.Wait)
}

// Is makes errors.Is(err, ErrTooSoon) true.
func (e *TooSoonError) Is(target error) bool { return target == ErrTooSoon }
