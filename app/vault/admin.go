package vault

import (
	"crypto/subtle"
	"errors"
	"fmt"
)

// AdminVerifier checks the admin PIN or passphrase. It is an Argon2id hash bound to the device
// secret under its own HKDF label: it verifies, and derives no key for any slot, so the admin
// credential opens no note.
type AdminVerifier struct {
	Params Params
	Salt   []byte // 16 random bytes
	Hash   []byte // 32 bytes
}

const (
	verifierVersion = 1
	verifierSize    = 1 + paramsSize + saltSize + keySize
)

// Admin is the proof that the admin credential was verified; only VerifyAdmin makes one. Admin
// actions in this package (clearing a lock-out) require it.
type Admin struct{ verified bool }

// NewAdminVerifier makes the verifier of an admin PIN or passphrase.
func (v *Vault) NewAdminVerifier(credential []byte) (AdminVerifier, error) {
	if len(credential) == 0 {
		return AdminVerifier{}, errors.New("new admin verifier: empty credential")
	}
	salt, err := v.random(saltSize)
	if err != nil {
		return AdminVerifier{}, fmt.Errorf("new admin verifier: %w", err)
	}
	secret, err := v.deviceSecret()
	if err != nil {
		return AdminVerifier{}, fmt.Errorf("new admin verifier: %w", err)
	}
	defer clear(secret)
	h, err := derive(credential, salt, secret, v.params, purposeAdminVerifier, "")
	if err != nil {
		return AdminVerifier{}, fmt.Errorf("new admin verifier: %w", err)
	}
	return AdminVerifier{Params: v.params, Salt: salt, Hash: h}, nil
}

// VerifyAdmin checks an admin credential. A wrong credential and a wrong device secret both
// give ErrWrongCredential. Like Unlock, run it through a Limiter.
func (v *Vault) VerifyAdmin(ver AdminVerifier, credential []byte) (*Admin, error) {
	if err := ver.check(); err != nil {
		return nil, fmt.Errorf("verify admin: %w", err)
	}
	secret, err := v.deviceSecret()
	if err != nil {
		return nil, fmt.Errorf("verify admin: %w", err)
	}
	defer clear(secret)
	h, err := derive(credential, ver.Salt, secret, ver.Params, purposeAdminVerifier, "")
	if err != nil {
		return nil, fmt.Errorf("verify admin: %w", err)
	}
	defer clear(h)
	if subtle.ConstantTimeCompare(h, ver.Hash) != 1 {
		return nil, fmt.Errorf("verify admin: %w", ErrWrongCredential)
	}
	return &Admin{verified: true}, nil
}

// MarshalBinary encodes the verifier with a leading version byte, for the store.
func (a AdminVerifier) MarshalBinary() ([]byte, error) {
	if err := a.check(); err != nil {
		return nil, err
	}
	b := make([]byte, 0, verifierSize)
	b = append(b, verifierVersion)
	b = a.Params.appendBinary(b)
	b = append(b, a.Salt...)
	return append(b, a.Hash...), nil
}

// ParseAdminVerifier decodes what MarshalBinary produced. Any other input is an error matching
// ErrMalformed; it never panics.
func ParseAdminVerifier(b []byte) (AdminVerifier, error) {
	if len(b) != verifierSize {
		return AdminVerifier{}, fmt.Errorf("%w: admin verifier is %d bytes, want %d", ErrMalformed, len(b), verifierSize)
	}
	if b[0] != verifierVersion {
		return AdminVerifier{}, fmt.Errorf("%w: admin verifier version %d not supported", ErrMalformed, b[0])
	}
	o := 1
	a := AdminVerifier{Params: parseParams(b[o : o+paramsSize])}
	o += paramsSize
	a.Salt = append([]byte(nil), b[o:o+saltSize]...)
	o += saltSize
	a.Hash = append([]byte(nil), b[o:]...)
	if err := a.check(); err != nil {
		return AdminVerifier{}, err
	}
	return a, nil
}

func (a AdminVerifier) check() error {
	if err := a.Params.validate(); err != nil {
		return fmt.Errorf("%w: admin verifier: %v", ErrMalformed, err)
	}
	if len(a.Salt) != saltSize || len(a.Hash) != keySize {
		return fmt.Errorf("%w: admin verifier salt or hash of the wrong size", ErrMalformed)
	}
	return nil
}
