package vault

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"
)

func newSessionKey(t *testing.T, sessionID string) (*Interviewer, *SessionKey, []byte) {
	t.Helper()
	v := newTestVault(t, secretOf(1))
	in := unlock(t, v, "iv-1", "4821", newSlot(t, v, "iv-1", "4821"))
	k, sealed, err := in.NewSessionKey("iv-1", sessionID)
	if err != nil {
		t.Fatalf("NewSessionKey: %v", err)
	}
	return in, k.(*SessionKey), sealed
}

func TestSealOpenRoundTrip(t *testing.T) {
	_, k, _ := newSessionKey(t, "s-1")
	for _, tt := range []struct {
		name      string
		plaintext []byte
	}{
		{"empty", nil},
		{"short", []byte("roses: the induction")},
		{"2 KiB", bytes.Repeat([]byte("n"), 2048)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ct, err := k.Seal("rec-1", tt.plaintext)
			if err != nil {
				t.Fatalf("Seal: %v", err)
			}
			if len(tt.plaintext) > 0 && bytes.Contains(ct, tt.plaintext) {
				t.Error("ciphertext contains the plaintext")
			}
			got, err := k.Open("rec-1", ct)
			if err != nil || !bytes.Equal(got, tt.plaintext) {
				t.Errorf("Open = %q, %v; want %q", got, err, tt.plaintext)
			}
		})
	}
	a, _ := k.Seal("rec-1", []byte("same"))
	b, _ := k.Seal("rec-1", []byte("same"))
	if bytes.Equal(a, b) {
		t.Error("two seals of the same plaintext are equal: nonce reused")
	}
}

func TestOpenRefuses(t *testing.T) {
	_, k, _ := newSessionKey(t, "s-1")
	ct, _ := k.Seal("rec-1", []byte("what they said"))
	sameKey := func(sessionID string) *SessionKey {
		return &SessionKey{sessionID: sessionID, key: bytes.Clone(k.key), rand: detRand(9)}
	}
	otherKey := &SessionKey{sessionID: "s-1", key: bytes.Repeat([]byte{7}, 32), rand: detRand(9)}
	shiftA, shiftB := sameKey("ab"), sameKey("a")
	shifted, _ := shiftA.Seal("c", []byte("x"))

	tests := []struct {
		name     string
		key      *SessionKey
		recordID string
		ct       []byte
	}{
		{"other record", k, "rec-2", ct},
		{"other session, same key", sameKey("s-2"), "rec-1", ct},
		{"other session key", otherKey, "rec-1", ct},
		{"ids shifted across the boundary", shiftB, "bc", shifted},
		{"truncated", k, "rec-1", ct[:len(ct)-1]},
		{"too short", k, "rec-1", ct[:20]},
		{"empty", k, "rec-1", nil},
		{"unknown version", k, "rec-1", append([]byte{2}, ct[1:]...)},
		{"appended byte", k, "rec-1", append(bytes.Clone(ct), 0)},
	}
	for i := range ct {
		c := bytes.Clone(ct)
		c[i] ^= 0x80
		tests = append(tests, struct {
			name     string
			key      *SessionKey
			recordID string
			ct       []byte
		}{fmt.Sprintf("flipped byte %d", i), k, "rec-1", c})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.key.Open(tt.recordID, tt.ct)
			if !errors.Is(err, ErrCannotOpen) || got != nil {
				t.Errorf("Open = %q, %v; want nil, ErrCannotOpen", got, err)
			}
		})
	}
}

func TestDestroyZeroes(t *testing.T) {
	_, k, _ := newSessionKey(t, "s-1")
	ct, _ := k.Seal("rec-1", []byte("x"))
	key := k.key // the same backing array
	if bytes.Equal(key, make([]byte, len(key))) {
		t.Fatal("key is zero before Destroy")
	}
	k.Destroy()
	if !bytes.Equal(key, make([]byte, len(key))) {
		t.Errorf("key bytes after Destroy = %x, want zeroes", key)
	}
	if _, err := k.Seal("rec-1", []byte("y")); !errors.Is(err, ErrKeyDestroyed) {
		t.Errorf("Seal after Destroy = %v, want ErrKeyDestroyed", err)
	}
	if _, err := k.Open("rec-1", ct); !errors.Is(err, ErrKeyDestroyed) {
		t.Errorf("Open after Destroy = %v, want ErrKeyDestroyed", err)
	}
	k.Destroy() // harmless
}

func TestSealedSessionKey(t *testing.T) {
	v := newTestVault(t, secretOf(1))
	in := unlock(t, v, "iv-1", "4821", newSlot(t, v, "iv-1", "4821"))
	other := unlock(t, v, "iv-2", "4821", newSlot(t, v, "iv-2", "4821"))
	key, sealed, err := in.NewSessionKey("iv-1", "s-1")
	if err != nil {
		t.Fatal(err)
	}
	note, _ := key.Seal("rec-1", []byte("what they said"))
	if bytes.Contains(sealed, key.(*SessionKey).key) {
		t.Error("sealed data key contains the key")
	}
	key.Destroy()

	// The interviewer's unlocked identity reopens it, in a later sign-in.
	reopened, err := in.OpenSessionKey("s-1", sealed)
	if err != nil {
		t.Fatalf("OpenSessionKey: %v", err)
	}
	if got, err := reopened.Open("rec-1", note); err != nil || string(got) != "what they said" {
		t.Errorf("Open with the reopened key = %q, %v", got, err)
	}

	tampered := bytes.Clone(sealed)
	tampered[len(tampered)-5] ^= 1
	tests := []struct {
		name      string
		in        *Interviewer
		sessionID string
		sealed    []byte
	}{
		{"another interviewer", other, "s-1", sealed},
		{"another session", in, "s-2", sealed},
		{"tampered", in, "s-1", tampered},
		{"truncated", in, "s-1", sealed[:len(sealed)-1]},
		{"empty", in, "s-1", nil},
		{"oversized", in, "s-1", append(bytes.Clone(sealed), make([]byte, 8<<10)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if k, err := tt.in.OpenSessionKey(tt.sessionID, tt.sealed); !errors.Is(err, ErrCannotOpen) || k != nil {
				t.Errorf("OpenSessionKey = %v, %v; want nil, ErrCannotOpen", k, err)
			}
		})
	}
}

func TestNewSessionKeyRefuses(t *testing.T) {
	tests := []struct {
		name                     string
		interviewerID, sessionID string
		lock                     bool
		rand                     io.Reader
		wantErr                  error
	}{
		{"another interviewer", "iv-2", "s-1", false, nil, ErrWrongInterviewer},
		{"locked", "iv-1", "s-1", true, nil, ErrKeyDestroyed},
		{"empty session id", "iv-1", "", false, nil, nil},
		{"randomness fails", "iv-1", "s-1", false, io.LimitReader(nil, 0), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newTestVault(t, secretOf(1))
			in := unlock(t, v, "iv-1", "4821", newSlot(t, v, "iv-1", "4821"))
			if tt.lock {
				in.Lock()
				in.Lock()
			}
			if tt.rand != nil {
				in.rand = tt.rand
			}
			k, sealed, err := in.NewSessionKey(tt.interviewerID, tt.sessionID)
			if err == nil || (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) || k != nil || sealed != nil {
				t.Errorf("NewSessionKey = %v, %x, %v; want an error (%v)", k, sealed, err, tt.wantErr)
			}
		})
	}
	_, k, _ := newSessionKey(t, "s-1")
	if _, err := (&Interviewer{id: "iv-1"}).OpenSessionKey("s-1", nil); !errors.Is(err, ErrKeyDestroyed) {
		t.Errorf("OpenSessionKey on a locked interviewer = %v, want ErrKeyDestroyed", err)
	}
	k.rand = io.LimitReader(nil, 0)
	if _, err := k.Seal("r", []byte("x")); err == nil {
		t.Error("Seal with failing randomness succeeded")
	}
}
