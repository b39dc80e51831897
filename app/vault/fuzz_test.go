package vault

import (
	"bytes"
	"errors"
	"testing"
)

// Parsers and openers take bytes from the store, which an attacker with the card may have
// edited: they must never panic, and must accept only what round-trips.

func FuzzParseSlot(f *testing.F) {
	f.Add(readGolden(f, "slot-v1.bin"))
	f.Add([]byte{})
	f.Add([]byte{slotVersion})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseSlot(b)
		if err != nil {
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("ParseSlot error %v does not match ErrMalformed", err)
			}
			return
		}
		again, err := s.MarshalBinary()
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("ParseSlot accepted %x but it marshals to %x, %v", b, again, err)
		}
	})
}

func FuzzParseAdminVerifier(f *testing.F) {
	f.Add(readGolden(f, "admin-v1.bin"))
	f.Add([]byte{verifierVersion})
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ParseAdminVerifier(b)
		if err != nil {
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("ParseAdminVerifier error %v does not match ErrMalformed", err)
			}
			return
		}
		again, err := a.MarshalBinary()
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("ParseAdminVerifier accepted %x but it marshals to %x, %v", b, again, err)
		}
	})
}

// goldenKey opens the golden interviewer and session key once per fuzz target.
func goldenKey(f *testing.F) (*Interviewer, *SessionKey) {
	v := newTestVault(f, secretOf(1))
	s, err := ParseSlot(readGolden(f, "slot-v1.bin"))
	if err != nil {
		f.Fatal(err)
	}
	in := unlock(f, v, goldenInterviewer, goldenPIN, s)
	k, err := in.OpenSessionKey(goldenSession, readGolden(f, "session-key-v1.age"))
	if err != nil {
		f.Fatal(err)
	}
	return in, k
}

func FuzzOpen(f *testing.F) {
	_, k := goldenKey(f)
	valid := readGolden(f, "record-v1.bin")
	f.Add(goldenRecord, valid)
	f.Add(goldenRecord, valid[:30])
	f.Add("", []byte{recordVersion})
	f.Fuzz(func(t *testing.T, recordID string, ct []byte) {
		pt, err := k.Open(recordID, ct)
		if err != nil {
			if !errors.Is(err, ErrCannotOpen) {
				t.Fatalf("Open error %v does not match ErrCannotOpen", err)
			}
			return
		}
		if recordID != goldenRecord || !bytes.Equal(ct, valid) || string(pt) != goldenNote {
			t.Fatalf("Open(%q, %x) = %q: a forgery opened", recordID, ct, pt)
		}
	})
}

func FuzzOpenSessionKey(f *testing.F) {
	in, _ := goldenKey(f)
	valid := readGolden(f, "session-key-v1.age")
	f.Add(goldenSession, valid)
	f.Add(goldenSession, readGolden(f, "session-key-v2.age"))
	f.Add(goldenSession, valid[:len(valid)/2])
	f.Add("", []byte("age-encryption.org/v1\n"))
	f.Fuzz(func(t *testing.T, sessionID string, sealed []byte) {
		k, err := in.OpenSessionKey(sessionID, sealed)
		if err != nil {
			if !errors.Is(err, ErrCannotOpen) {
				t.Fatalf("OpenSessionKey error %v does not match ErrCannotOpen", err)
			}
			return
		}
		if sessionID != goldenSession {
			t.Fatalf("OpenSessionKey opened the golden key under session %q", sessionID)
		}
		k.Destroy()
	})
}
