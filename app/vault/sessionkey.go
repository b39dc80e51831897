package vault

import (
	"fmt"
	"io"
	"sync"

	"golang.org/x/crypto/chacha20poly1305"

	"quietroom/app/seal"
	"quietroom/app/session"
)

var (
	_ session.Keys       = (*Interviewer)(nil)
	_ session.SessionKey = (*SessionKey)(nil)
)

const (
	recordVersion = 1
	maxSessionID  = 1024
)

// SessionKey is one session's data key: 32 random bytes, in memory only while the session or
// its write-up is open. It implements session.SessionKey.
//
// A sealed record is a version byte, a 24-byte random nonce and the XChaCha20-Poly1305
// ciphertext. The associated data binds the version, the session id and the record id
// (length-prefixed), so a ciphertext copied to another record or session does not open.
type SessionKey struct {
	mu        sync.Mutex
	sessionID string
	key       []byte // zeroed and set to nil by Destroy
	rand      io.Reader
}

// NewSessionKey makes the data key of a new session and returns it with the key sealed to this
// interviewer's public key, for the store. It implements session.Keys. The session key works on
// its own: the interviewer can be locked as soon as it is made.
func (in *Interviewer) NewSessionKey(interviewerID, sessionID string) (session.SessionKey, []byte, error) {
	if interviewerID != in.id {
		return nil, nil, fmt.Errorf("new key for session %s: %w", sessionID, ErrWrongInterviewer)
	}
	id, err := in.current()
	if err != nil {
		return nil, nil, fmt.Errorf("new key for session %s: %w", sessionID, err)
	}
	if sessionID == "" || len(sessionID) > maxSessionID {
		return nil, nil, fmt.Errorf("new key for session: bad session id length %d", len(sessionID))
	}
	key := make([]byte, chacha20poly1305.KeySize)
	if _, err := io.ReadFull(in.rand, key); err != nil {
		return nil, nil, fmt.Errorf("new key for session %s: read randomness: %w", sessionID, err)
	}
	sealed, err := seal.SealSecret(id.Recipient().String(), seal.PurposeSessionKey, sessionID, key)
	if err != nil {
		clear(key)
		return nil, nil, fmt.Errorf("seal key of session %s: %w", sessionID, err)
	}
	return &SessionKey{sessionID: sessionID, key: key, rand: in.rand}, sealed, nil
}

// OpenSessionKey opens the sealed data key of one of this interviewer's sessions. A key sealed
// to someone else, sealed for another session, or tampered with gives ErrCannotOpen.
func (in *Interviewer) OpenSessionKey(sessionID string, sealed []byte) (*SessionKey, error) {
	id, err := in.current()
	if err != nil {
		return nil, fmt.Errorf("open key of session %s: %w", sessionID, err)
	}
	key, err := seal.OpenSecret(id, seal.PurposeSessionKey, sessionID, sealed)
	if err != nil {
		return nil, fmt.Errorf("open key of session %s: %w: %w", sessionID, ErrCannotOpen, err)
	}
	if len(key) != chacha20poly1305.KeySize {
		clear(key)
		return nil, fmt.Errorf("open key of session %s: %w", sessionID, ErrCannotOpen)
	}
	return &SessionKey{sessionID: sessionID, key: key, rand: in.rand}, nil
}

// SessionID returns the id of the session this key belongs to.
func (k *SessionKey) SessionID() string { return k.sessionID }

// Seal encrypts plaintext for the record recordID of this session.
func (k *SessionKey) Seal(recordID string, plaintext []byte) ([]byte, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.key == nil {
		return nil, fmt.Errorf("seal record %s: %w", recordID, ErrKeyDestroyed)
	}
	aead, err := chacha20poly1305.NewX(k.key)
	if err != nil {
		return nil, fmt.Errorf("seal record %s: %w", recordID, err)
	}
	out := make([]byte, 1+chacha20poly1305.NonceSizeX, 1+chacha20poly1305.NonceSizeX+len(plaintext)+aead.Overhead())
	out[0] = recordVersion
	nonce := out[1:]
	if _, err := io.ReadFull(k.rand, nonce); err != nil {
		return nil, fmt.Errorf("seal record %s: read randomness: %w", recordID, err)
	}
	return aead.Seal(out, nonce, plaintext, recordAD(k.sessionID, recordID)), nil
}

// Open decrypts what Seal returned for the same record of the same session. Anything else
// gives ErrCannotOpen.
func (k *SessionKey) Open(recordID string, ciphertext []byte) ([]byte, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.key == nil {
		return nil, fmt.Errorf("open record %s: %w", recordID, ErrKeyDestroyed)
	}
	if len(ciphertext) < 1+chacha20poly1305.NonceSizeX+chacha20poly1305.Overhead || ciphertext[0] != recordVersion {
		return nil, fmt.Errorf("open record %s: %w", recordID, ErrCannotOpen)
	}
	aead, err := chacha20poly1305.NewX(k.key)
	if err != nil {
		return nil, fmt.Errorf("open record %s: %w", recordID, err)
	}
	nonce, ct := ciphertext[1:1+chacha20poly1305.NonceSizeX], ciphertext[1+chacha20poly1305.NonceSizeX:]
	pt, err := aead.Open(nil, nonce, ct, recordAD(k.sessionID, recordID))
	if err != nil {
		return nil, fmt.Errorf("open record %s: %w", recordID, ErrCannotOpen)
	}
	return pt, nil
}

// Destroy zeroes the key. Seal and Open fail with ErrKeyDestroyed afterwards. Calling it twice
// is harmless.
func (k *SessionKey) Destroy() {
	k.mu.Lock()
	defer k.mu.Unlock()
	clear(k.key)
	k.key = nil
}

func recordAD(sessionID, recordID string) []byte {
	ad := append([]byte("quietroom/vault record"), recordVersion)
	ad = appendField(ad, []byte(sessionID))
	return appendField(ad, []byte(recordID))
}
