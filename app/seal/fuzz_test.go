package seal_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"filippo.io/age"

	"quietroom/app/seal"
)

// Openers take bytes from the store or a stick, which whoever holds the card or the stick may
// have edited: they must never panic, must refuse with ErrCannotOpen, and must open nothing
// but what was sealed for that purpose, engagement and record. Seeds: the golden files of
// testdata/v1 and testdata/v2, and the corpus in testdata/fuzz.

func addGoldens(f *testing.F, add func(b []byte)) {
	for _, dir := range []string{"v1", "v2"} {
		names, err := filepath.Glob(filepath.Join("testdata", dir, "*.age"))
		if err != nil || len(names) == 0 {
			f.Fatalf("no golden files in testdata/%s: %v", dir, err)
		}
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			add(b)
		}
	}
}

var memberOnce = func() (id *age.X25519Identity) {
	b, _ := os.ReadFile(filepath.Join("testdata", "member.txt"))
	id, _ = age.ParseX25519Identity(string(bytes.TrimSpace(b)))
	return id
}()

func FuzzOpenKey(f *testing.F) {
	m := member(f)
	want := map[seal.Purpose]string{}
	for p, k := range goldenKeys(f) {
		want[p] = recipient(f, k)
	}
	addGoldens(f, func(b []byte) { f.Add(goldenScope, b) })
	f.Add("", []byte("age-encryption.org/v1\n"))
	f.Fuzz(func(t *testing.T, scope string, sealed []byte) {
		for _, p := range groupKeys() {
			k, err := seal.OpenKey(p, scope, m, sealed)
			if err != nil {
				if !errors.Is(err, seal.ErrCannotOpen) {
					t.Fatalf("OpenKey(%s) error %v does not match ErrCannotOpen", p, err)
				}
				continue
			}
			if scope != goldenScope {
				t.Fatalf("OpenKey(%s) opened a golden key for engagement %q", p, scope)
			}
			if r := recipient(t, k); r != want[p] && !isV1Key(r) {
				t.Fatalf("OpenKey(%s) = key %s: not what was sealed", p, r)
			}
		}
	})
}

// isV1Key reports whether r is the public key of a version 1 golden key, which opens for
// every group purpose.
func isV1Key(r string) bool {
	for _, name := range []string{"board-key.age", "group-key.age"} {
		b, _ := os.ReadFile(filepath.Join("testdata", "v1", name))
		if k, err := seal.OpenKey(seal.PurposeBoardKey, goldenScope, memberOnce, b); err == nil {
			if got, _ := k.Recipient(); got == r {
				return true
			}
		}
	}
	return false
}

func FuzzOpenRecord(f *testing.F) {
	keys := goldenKeys(f)
	addGoldens(f, func(b []byte) { f.Add(uint8(0), goldenRecord, b) })
	f.Add(uint8(0), "", []byte{})
	f.Fuzz(func(t *testing.T, which uint8, recordID string, sealed []byte) {
		rs := records()
		p := rs[int(which)%len(rs)]
		owner, _ := p.KeyPurpose()
		body, err := keys[owner].Open(p, recordID, sealed)
		if err != nil {
			if !errors.Is(err, seal.ErrCannotOpen) {
				t.Fatalf("Open(%s) error %v does not match ErrCannotOpen", p, err)
			}
			return
		}
		if recordID != goldenRecord || string(body) != goldenBody {
			t.Fatalf("Open(%s, %q) = %q: a forgery opened", p, recordID, body)
		}
	})
}

// FuzzRoundTrip: whatever a caller may seal opens again, byte for byte, for its purpose,
// engagement and record, and for no other purpose.
func FuzzRoundTrip(f *testing.F) {
	f.Add(uint8(0), "eng", "rec", []byte("body"))
	f.Add(uint8(3), "a", "", []byte{})
	f.Fuzz(func(t *testing.T, which uint8, scope, recordID string, body []byte) {
		rs := records()
		p := rs[int(which)%len(rs)]
		owner, _ := p.KeyPurpose()
		k, err := seal.NewKey(owner, scope)
		if err != nil {
			if !errors.Is(err, seal.ErrMalformed) {
				t.Fatalf("NewKey(%s, %q) = %v", owner, scope, err)
			}
			return
		}
		sealed, err := seal.SealRecord(recipient(t, k), p, scope, recordID, body)
		if err != nil {
			if !errors.Is(err, seal.ErrMalformed) && !errors.Is(err, seal.ErrTooLarge) {
				t.Fatalf("SealRecord = %v", err)
			}
			return
		}
		got, err := k.Open(p, recordID, sealed)
		if err != nil || !bytes.Equal(got, body) {
			t.Fatalf("Open(SealRecord(%q)) = %q, %v", body, got, err)
		}
		for _, q := range rs {
			if q == p {
				continue
			}
			qOwner, _ := q.KeyPurpose()
			if _, err := seal.KeyAsForTest(k, qOwner, scope).Open(q, recordID, sealed); !errors.Is(err, seal.ErrWrongPurpose) {
				t.Fatalf("a %s opened as a %s: %v", p, q, err)
			}
		}
	})
}
