package vault

import (
	"encoding/binary"
	"fmt"

	"filippo.io/age"
	"golang.org/x/crypto/chacha20poly1305"
)

// Slot is an interviewer's key slot, the value the store keeps: the public half of the key pair
// in the clear (to seal new session keys to), and the private half sealed under a key derived
// from the interviewer's PIN and the device secret. It holds nothing that opens a note without
// both.
type Slot struct {
	PublicKey        string // age X25519 recipient, "age1..."
	Params           Params // Argon2id cost used for this slot
	Salt             []byte // Argon2id salt, 16 random bytes
	SealedPrivateKey []byte // XChaCha20-Poly1305 nonce followed by the sealed age identity
}

const (
	slotVersion = 1
	// slotHeader is version, params, salt, public key length; the public key and the sealed
	// private key follow.
	slotHeaderSize = 1 + paramsSize + saltSize + 2
	maxPublicKey   = 128
	minSealedKey   = chacha20poly1305.NonceSizeX + chacha20poly1305.Overhead
	maxSealedKey   = 256
)

// MarshalBinary encodes the slot with a leading version byte, for the store.
func (s Slot) MarshalBinary() ([]byte, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	return append(s.header(), s.SealedPrivateKey...), nil
}

// ParseSlot decodes what MarshalBinary produced. Any other input is an error matching
// ErrMalformed; it never panics.
func ParseSlot(b []byte) (Slot, error) {
	if len(b) < slotHeaderSize {
		return Slot{}, fmt.Errorf("%w: key slot too short (%d bytes)", ErrMalformed, len(b))
	}
	if b[0] != slotVersion {
		return Slot{}, fmt.Errorf("%w: key slot version %d not supported", ErrMalformed, b[0])
	}
	p := parseParams(b[1 : 1+paramsSize])
	salt := b[1+paramsSize : 1+paramsSize+saltSize]
	n := int(binary.BigEndian.Uint16(b[slotHeaderSize-2 : slotHeaderSize]))
	if len(b) < slotHeaderSize+n {
		return Slot{}, fmt.Errorf("%w: key slot truncated", ErrMalformed)
	}
	s := Slot{
		Params:           p,
		Salt:             append([]byte(nil), salt...),
		PublicKey:        string(b[slotHeaderSize : slotHeaderSize+n]),
		SealedPrivateKey: append([]byte(nil), b[slotHeaderSize+n:]...),
	}
	if err := s.check(); err != nil {
		return Slot{}, err
	}
	return s, nil
}

func (s Slot) check() error {
	if err := s.Params.validate(); err != nil {
		return fmt.Errorf("%w: key slot: %v", ErrMalformed, err)
	}
	if len(s.Salt) != saltSize {
		return fmt.Errorf("%w: key slot salt is %d bytes, want %d", ErrMalformed, len(s.Salt), saltSize)
	}
	if len(s.PublicKey) > maxPublicKey {
		return fmt.Errorf("%w: key slot public key too long", ErrMalformed)
	}
	if _, err := age.ParseX25519Recipient(s.PublicKey); err != nil {
		return fmt.Errorf("%w: key slot public key: %v", ErrMalformed, err)
	}
	if n := len(s.SealedPrivateKey); n < minSealedKey || n > maxSealedKey {
		return fmt.Errorf("%w: key slot sealed key is %d bytes", ErrMalformed, n)
	}
	return nil
}

// header is everything but the sealed private key. It is also the associated data of the
// sealed private key, so changing the public key, salt or params in the store makes the slot
// fail to open rather than, say, silently sealing new sessions to someone else's key.
func (s Slot) header() []byte {
	b := make([]byte, 0, slotHeaderSize+len(s.PublicKey)+len(s.SealedPrivateKey))
	b = append(b, slotVersion)
	b = s.Params.appendBinary(b)
	b = append(b, s.Salt...)
	b = binary.BigEndian.AppendUint16(b, uint16(len(s.PublicKey)))
	return append(b, s.PublicKey...)
}

// slotAD binds the sealed private key to its interviewer and to the rest of the slot.
func slotAD(interviewerID string, s Slot) []byte {
	ad := appendField([]byte("quietroom/vault v1 key slot"), []byte(interviewerID))
	return append(ad, s.header()...)
}
