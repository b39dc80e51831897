package vault

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"

	"filippo.io/age"
)

const (
	groupKeyVersion    = 1
	groupRecordVersion = 1
	maxGroupRecord     = 1 << 20
	maxSealedGroupKey  = 4096
)

// GroupKey is the key pair of content several people share (a recruitment panel's record, a
// survey's responses):
// an age X25519 key pair of its own. Its private key is sealed to each member's public key
// (SealFor), so any member's PIN opens it (Interviewer.OpenGroupKey) and nobody else's does,
// the admin's included. Records are sealed to its public key (SealToGroup), which needs no
// private key at all: the kiosk writes a member's record without being able to read the
// group's others.
//
// A sealed group record is age-encrypted; its plaintext starts with the version, the group id
// and the record id (length-prefixed), checked on opening, so a record moved to another row or
// group does not open.
type GroupKey struct {
	mu       sync.Mutex
	group    string
	identity *age.X25519Identity // nil once destroyed
}

// NewGroupKey makes a new key pair for the group.
func NewGroupKey(group string) (*GroupKey, error) {
	if group == "" || len(group) > maxSessionID {
		return nil, fmt.Errorf("new group key: bad group id length %d", len(group))
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("new group key: %w", err)
	}
	return &GroupKey{group: group, identity: id}, nil
}

func (g *GroupKey) current() (*age.X25519Identity, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.identity == nil {
		return nil, ErrKeyDestroyed
	}
	return g.identity, nil
}

// PublicKey is the group's age recipient ("age1..."), stored in the clear to seal records to.
func (g *GroupKey) PublicKey() (string, error) {
	id, err := g.current()
	if err != nil {
		return "", err
	}
	return id.Recipient().String(), nil
}

// SealFor seals the group's private key to a member's public key (their slot's PublicKey).
func (g *GroupKey) SealFor(memberPublicKey string) ([]byte, error) {
	id, err := g.current()
	if err != nil {
		return nil, err
	}
	r, err := age.ParseX25519Recipient(memberPublicKey)
	if err != nil {
		return nil, fmt.Errorf("seal group key: %w: member public key", ErrMalformed)
	}
	payload := appendField([]byte{groupKeyVersion}, []byte(g.group))
	payload = append(payload, id.String()...)
	defer clear(payload)
	return ageSeal(r, payload)
}

// Destroy forgets the private key; later calls fail with ErrKeyDestroyed.
func (g *GroupKey) Destroy() {
	g.mu.Lock()
	g.identity = nil
	g.mu.Unlock()
}

// OpenGroupKey opens a group key sealed to this interviewer by SealFor. A key sealed to
// someone else or for another group gives ErrCannotOpen.
func (in *Interviewer) OpenGroupKey(group string, sealed []byte) (*GroupKey, error) {
	id, err := in.current()
	if err != nil {
		return nil, fmt.Errorf("open group key: %w", err)
	}
	payload, err := ageOpen(id, sealed, maxSealedGroupKey)
	if err != nil {
		return nil, fmt.Errorf("open group key: %w", err)
	}
	defer clear(payload)
	want := appendField([]byte{groupKeyVersion}, []byte(group))
	if !bytes.HasPrefix(payload, want) {
		return nil, fmt.Errorf("open group key: %w", ErrCannotOpen)
	}
	gid, err := age.ParseX25519Identity(string(payload[len(want):]))
	if err != nil {
		return nil, fmt.Errorf("open group key: %w", ErrCannotOpen)
	}
	return &GroupKey{group: group, identity: gid}, nil
}

// PublicKeyOf returns an interviewer slot's public key, to seal a group key for them.
func PublicKeyOf(slot []byte) (string, error) {
	s, err := ParseSlot(slot)
	if err != nil {
		return "", err
	}
	return s.PublicKey, nil
}

// SealToGroup seals plaintext for the record recordID of a group, to the group's public key.
// It needs no private key.
func SealToGroup(publicKey, group, recordID string, plaintext []byte) ([]byte, error) {
	if !strings.HasPrefix(publicKey, "age1") {
		return nil, fmt.Errorf("seal group record %s: %w: public key", recordID, ErrMalformed)
	}
	r, err := age.ParseX25519Recipient(publicKey)
	if err != nil {
		return nil, fmt.Errorf("seal group record %s: %w: public key", recordID, ErrMalformed)
	}
	payload := groupRecordHeader(group, recordID)
	payload = append(payload, plaintext...)
	defer clear(payload)
	return ageSeal(r, payload)
}

// Open opens a record SealToGroup sealed for this group and recordID. Anything else gives
// ErrCannotOpen.
func (g *GroupKey) Open(recordID string, sealed []byte) ([]byte, error) {
	id, err := g.current()
	if err != nil {
		return nil, fmt.Errorf("open group record %s: %w", recordID, err)
	}
	payload, err := ageOpen(id, sealed, maxGroupRecord)
	if err != nil {
		return nil, fmt.Errorf("open group record %s: %w", recordID, err)
	}
	want := groupRecordHeader(g.group, recordID)
	if !bytes.HasPrefix(payload, want) {
		clear(payload)
		return nil, fmt.Errorf("open group record %s: %w", recordID, ErrCannotOpen)
	}
	return payload[len(want):], nil
}

func groupRecordHeader(group, recordID string) []byte {
	h := append([]byte("quietroom/vault group record"), groupRecordVersion)
	h = appendField(h, []byte(group))
	return appendField(h, []byte(recordID))
}

// ageSeal encrypts payload to one age recipient.
func ageSeal(r age.Recipient, payload []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, r)
	if err == nil {
		_, err = w.Write(payload)
	}
	if err == nil {
		err = w.Close()
	}
	return buf.Bytes(), err
}

// ageOpen decrypts at most most bytes sealed to id; anything wrong is ErrCannotOpen.
func ageOpen(id age.Identity, sealed []byte, most int) ([]byte, error) {
	if len(sealed) > most {
		return nil, ErrCannotOpen
	}
	r, err := age.Decrypt(bytes.NewReader(sealed), id)
	if err != nil {
		return nil, ErrCannotOpen
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(most)))
	if err != nil {
		clear(b)
		return nil, ErrCannotOpen
	}
	return b, nil
}
