package vault

import (
	"bytes"
	"io"
	mrand "math/rand/v2"
	"testing"
)

// testParams keep Argon2id cheap in tests; only the benchmark uses DefaultParams.
var testParams = Params{MemoryKiB: 64, Time: 1, Threads: 1}

// staticSecret is a SecretSource holding a fixed secret.
type staticSecret []byte

func (s staticSecret) DeviceSecret() ([]byte, error) {
	if s == nil {
		return nil, ErrNoDeviceSecret
	}
	return bytes.Clone(s), nil
}
func (s staticSecret) Name() string { return "test secret" }

func secretOf(b byte) staticSecret { return bytes.Repeat([]byte{b}, DeviceSecretSize) }

// detRand is a deterministic randomness source, different for each seed.
func detRand(seed byte) io.Reader {
	var s [32]byte
	s[0] = seed
	return mrand.NewChaCha8(s)
}

func newTestVault(t testing.TB, secret SecretSource) *Vault {
	t.Helper()
	v, err := New(secret, Options{Params: testParams, Rand: detRand(1)})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return v
}

func newSlot(t testing.TB, v *Vault, id, pin string) Slot {
	t.Helper()
	s, err := v.NewInterviewer(id, []byte(pin))
	if err != nil {
		t.Fatalf("NewInterviewer(%q): %v", id, err)
	}
	return s
}

func unlock(t testing.TB, v *Vault, id, pin string, s Slot) *Interviewer {
	t.Helper()
	in, err := v.Unlock(id, []byte(pin), s)
	if err != nil {
		t.Fatalf("Unlock(%q): %v", id, err)
	}
	return in
}
