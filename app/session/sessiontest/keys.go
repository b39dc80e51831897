package sessiontest

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"quietroom/app/session"
)

// ErrDestroyed is returned by a fake Key used after Destroy.
var ErrDestroyed = errors.New("sessiontest: key destroyed")

// ErrOpen is returned by a fake Key for a ciphertext it did not seal for that record.
var ErrOpen = errors.New("sessiontest: cannot open")

var magic = []byte("qrfake1:")

// Keys is a fake session.Keys. It remembers each session's secret so a test can open the session
// again later as the vault would with the interviewer's PIN (Open).
type Keys struct {
	mu      sync.Mutex
	n       uint64
	secrets map[string][]byte
	issued  map[string][]*Key
	fail    error
}

// NewKeys returns an empty key source.
func NewKeys() *Keys {
	return &Keys{secrets: map[string][]byte{}, issued: map[string][]*Key{}}
}

// NewSessionKey creates the key of a new session.
func (k *Keys) NewSessionKey(interviewerID, sessionID string) (session.SessionKey, []byte, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if err := k.fail; err != nil {
		k.fail = nil
		return nil, nil, err
	}
	k.n++
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], k.n)
	secret := sha256.Sum256(append([]byte("sessiontest secret\x00"+sessionID+"\x00"), b[:]...))
	k.secrets[sessionID] = secret[:]
	key := &Key{sessionID: sessionID, secret: bytes.Clone(secret[:])}
	k.issued[sessionID] = append(k.issued[sessionID], key)
	return key, []byte(fmt.Sprintf("sealed-key:%s:%d", interviewerID, k.n)), nil
}

// Open returns a fresh key for a session created earlier, as the vault does when the
// interviewer enters their PIN.
func (k *Keys) Open(sessionID string) (*Key, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	s, ok := k.secrets[sessionID]
	if !ok {
		return nil, fmt.Errorf("sessiontest: no key for session %s", sessionID)
	}
	key := &Key{sessionID: sessionID, secret: bytes.Clone(s)}
	k.issued[sessionID] = append(k.issued[sessionID], key)
	return key, nil
}

// Issued returns every key handed out for a session, by NewSessionKey and Open, in order.
func (k *Keys) Issued(sessionID string) []*Key {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append([]*Key(nil), k.issued[sessionID]...)
}

// FailNext makes the next NewSessionKey fail with err.
func (k *Keys) FailNext(err error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.fail = err
}

// Key is a fake session.SessionKey: a reversible scrambling with a tag that binds the session id
// and the record id, so a ciphertext opened for another record or session fails. It is not
// encryption; it only makes sure no plaintext shows in what a store holds.
type Key struct {
	mu        sync.Mutex
	sessionID string
	secret    []byte
	destroyed bool
}

// Destroyed reports whether Destroy was called.
func (k *Key) Destroyed() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.destroyed
}

// Destroy zeroes the key.
func (k *Key) Destroy() {
	k.mu.Lock()
	defer k.mu.Unlock()
	clear(k.secret)
	k.destroyed = true
}

// Seal scrambles plaintext for recordID.
func (k *Key) Seal(recordID string, plaintext []byte) ([]byte, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.destroyed {
		return nil, ErrDestroyed
	}
	body := k.xor(recordID, plaintext)
	out := append(bytes.Clone(magic), k.tag(recordID, body)...)
	return append(out, body...), nil
}

// Open reverses Seal for the same session and record.
func (k *Key) Open(recordID string, ciphertext []byte) ([]byte, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.destroyed {
		return nil, ErrDestroyed
	}
	if len(ciphertext) < len(magic)+sha256.Size || !bytes.HasPrefix(ciphertext, magic) {
		return nil, ErrOpen
	}
	tag := ciphertext[len(magic) : len(magic)+sha256.Size]
	body := ciphertext[len(magic)+sha256.Size:]
	if !hmac.Equal(tag, k.tag(recordID, body)) {
		return nil, ErrOpen
	}
	return k.xor(recordID, body), nil
}

func (k *Key) tag(recordID string, body []byte) []byte {
	m := hmac.New(sha256.New, k.secret)
	m.Write([]byte(k.sessionID + "\x00" + recordID + "\x00"))
	m.Write(body)
	return m.Sum(nil)
}

func (k *Key) xor(recordID string, in []byte) []byte {
	out := make([]byte, len(in))
	var block []byte
	for i := range in {
		if i%sha256.Size == 0 {
			m := hmac.New(sha256.New, k.secret)
			var b [8]byte
			binary.BigEndian.PutUint64(b[:], uint64(i/sha256.Size))
			m.Write([]byte("stream\x00" + k.sessionID + "\x00" + recordID + "\x00"))
			m.Write(b[:])
			block = m.Sum(nil)
		}
		out[i] = in[i] ^ block[i%sha256.Size]
	}
	return out
}
