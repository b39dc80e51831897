package vault

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"sync"

	"filippo.io/age"
	"golang.org/x/crypto/chacha20poly1305"
)

// Options are the tunables of a Vault.
type Options struct {
	// Params are the Argon2id costs for new slots and verifiers. Default: DefaultParams.
	// Existing slots keep the params they were made with.
	Params Params
	// Rand is the randomness for salts, nonces and data keys. Default: crypto/rand. (age draws
	// its own randomness from crypto/rand for new key pairs and for sealing data keys.)
	Rand io.Reader
}

// Vault makes and opens credentials bound to one device secret.
type Vault struct {
	secret SecretSource
	params Params
	rand   io.Reader
}

// New returns a vault that binds every credential to the secret from src.
func New(src SecretSource, o Options) (*Vault, error) {
	if src == nil {
		return nil, fmt.Errorf("new vault: %w", ErrNoDeviceSecret)
	}
	if o.Params == (Params{}) {
		o.Params = DefaultParams
	}
	if err := o.Params.validate(); err != nil {
		return nil, fmt.Errorf("new vault: %w", err)
	}
	if o.Rand == nil {
		o.Rand = rand.Reader
	}
	return &Vault{secret: src, params: o.Params, rand: o.Rand}, nil
}

// deviceSecret fetches the secret and checks its size, so no source can weaken the binding by
// returning a short secret.
func (v *Vault) deviceSecret() ([]byte, error) {
	s, err := v.secret.DeviceSecret()
	if err != nil {
		return nil, err
	}
	if len(s) != DeviceSecretSize {
		clear(s)
		return nil, fmt.Errorf("%w: %s gave %d bytes, want %d", ErrNoDeviceSecret, v.secret.Name(), len(s), DeviceSecretSize)
	}
	return s, nil
}

func (v *Vault) random(n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := io.ReadFull(v.rand, b); err != nil {
		return nil, fmt.Errorf("read randomness: %w", err)
	}
	return b, nil
}

// NewInterviewer makes a key pair for an interviewer and returns its slot, the private half
// sealed under the PIN and the device secret.
func (v *Vault) NewInterviewer(interviewerID string, pin []byte) (Slot, error) {
	if interviewerID == "" {
		return Slot{}, errors.New("new interviewer: empty interviewer id")
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return Slot{}, fmt.Errorf("new interviewer %s: %w", interviewerID, err)
	}
	s, err := v.seal(interviewerID, id, pin)
	if err != nil {
		return Slot{}, fmt.Errorf("new interviewer %s: %w", interviewerID, err)
	}
	return s, nil
}

// ChangePIN seals an unlocked interviewer's private key under a new PIN, with a fresh salt and
// the vault's current params (the way to raise the params of an old slot). The key pair stays
// the same, so every session stays readable.
func (v *Vault) ChangePIN(in *Interviewer, newPIN []byte) (Slot, error) {
	id, err := in.current()
	if err != nil {
		return Slot{}, fmt.Errorf("change PIN of %s: %w", in.id, err)
	}
	s, err := v.seal(in.id, id, newPIN)
	if err != nil {
		return Slot{}, fmt.Errorf("change PIN of %s: %w", in.id, err)
	}
	return s, nil
}

func (v *Vault) seal(interviewerID string, id *age.X25519Identity, pin []byte) (Slot, error) {
	if len(pin) == 0 {
		return Slot{}, errors.New("empty PIN")
	}
	salt, err := v.random(saltSize)
	if err != nil {
		return Slot{}, err
	}
	nonce, err := v.random(chacha20poly1305.NonceSizeX)
	if err != nil {
		return Slot{}, err
	}
	secret, err := v.deviceSecret()
	if err != nil {
		return Slot{}, err
	}
	defer clear(secret)
	kek, err := derive(pin, salt, secret, v.params, purposeInterviewerKEK, interviewerID)
	if err != nil {
		return Slot{}, err
	}
	defer clear(kek)
	s := Slot{PublicKey: id.Recipient().String(), Params: v.params, Salt: salt}
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return Slot{}, err
	}
	private := []byte(id.String())
	defer clear(private)
	s.SealedPrivateKey = aead.Seal(nonce, nonce, private, slotAD(interviewerID, s))
	return s, nil
}

// Unlock opens an interviewer's slot with their PIN. A wrong PIN, a wrong device secret, a slot
// of another interviewer or a tampered slot all give ErrWrongCredential, with nothing to tell
// them apart. Unlock does not rate-limit: run it through Limiter.Try.
func (v *Vault) Unlock(interviewerID string, pin []byte, s Slot) (*Interviewer, error) {
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("unlock %s: %w", interviewerID, err)
	}
	secret, err := v.deviceSecret()
	if err != nil {
		return nil, fmt.Errorf("unlock %s: %w", interviewerID, err)
	}
	defer clear(secret)
	kek, err := derive(pin, s.Salt, secret, s.Params, purposeInterviewerKEK, interviewerID)
	if err != nil {
		return nil, fmt.Errorf("unlock %s: %w", interviewerID, err)
	}
	defer clear(kek)
	id, err := openSlot(interviewerID, s, kek)
	if err != nil {
		return nil, fmt.Errorf("unlock %s: %w", interviewerID, err)
	}
	return &Interviewer{id: interviewerID, identity: id, rand: v.rand}, nil
}

// openSlot opens the sealed private key with a key-encryption key.
func openSlot(interviewerID string, s Slot, kek []byte) (*age.X25519Identity, error) {
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, ErrWrongCredential
	}
	nonce, ct := s.SealedPrivateKey[:chacha20poly1305.NonceSizeX], s.SealedPrivateKey[chacha20poly1305.NonceSizeX:]
	private, err := aead.Open(nil, nonce, ct, slotAD(interviewerID, s))
	if err != nil {
		return nil, ErrWrongCredential
	}
	defer clear(private)
	id, err := age.ParseX25519Identity(string(private))
	if err != nil || id.Recipient().String() != s.PublicKey {
		// Authenticated but inconsistent: only a bug could seal this. Still no oracle.
		return nil, ErrWrongCredential
	}
	return id, nil
}

// Interviewer is an unlocked interviewer: their private key in memory, able to open their own
// sessions' data keys and to make new ones. Lock it as soon as it is not needed (after the
// session starts, or when the write-up is sealed).
type Interviewer struct {
	mu       sync.Mutex
	id       string
	identity *age.X25519Identity // nil once locked
	rand     io.Reader
}

// ID returns the interviewer's id.
func (in *Interviewer) ID() string { return in.id }

// Lock forgets the private key. Later calls fail with ErrKeyDestroyed. Calling it twice is
// harmless. (age keeps the scalar in unexported fields, so Lock drops the reference and leaves
// the memory to the collector rather than zeroing it; see the residual risks.)
func (in *Interviewer) Lock() {
	in.mu.Lock()
	in.identity = nil
	in.mu.Unlock()
}

func (in *Interviewer) current() (*age.X25519Identity, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.identity == nil {
		return nil, ErrKeyDestroyed
	}
	return in.identity, nil
}
