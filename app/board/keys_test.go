package board

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"quietroom/app/seal"
)

// TestBoardKeyIsNoOtherKey: a board's key sealed to a member opens as the board's only, not
// as a panel's or a survey's key, and a panel's or a survey's key sealed to the same member
// does not open as a board's. (Before keys were labelled, both directions opened.)
func TestBoardKeyIsNoOtherKey(t *testing.T) {
	m := member(t)
	k := newBoard(t, "eng-1")
	sealed, err := k.SealFor(m.Recipient().String())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []seal.Purpose{seal.PurposePanelKey, seal.PurposeSurveyKey} {
		if _, err := seal.OpenKey(p, "eng-1", m, sealed); !errors.Is(err, seal.ErrWrongPurpose) {
			t.Errorf("a board key opened as a %s: %v, want seal.ErrWrongPurpose", p, err)
		}
		g, err := seal.NewKey(p, "eng-1")
		if err != nil {
			t.Fatal(err)
		}
		other, err := g.SealFor(m.Recipient().String())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := OpenKey("eng-1", m, other); !errors.Is(err, ErrCannotOpen) || !errors.Is(err, seal.ErrWrongPurpose) {
			t.Errorf("a %s opened as a board key: %v, want ErrCannotOpen and seal.ErrWrongPurpose", p, err)
		}
		// Nor does a group's record open on the board, sealed to the board's own public key.
		w, _ := k.Writer()
		rp := seal.PurposePanelRecord
		if p == seal.PurposeSurveyKey {
			rp = seal.PurposeSurveyResponse
		}
		id := NewID()
		rec, err := seal.SealRecord(w.Recipient(), rp, "eng-1", id, []byte(`{"t":"rose","x":"from a panel"}`))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := k.OpenItem(id, rec); !errors.Is(err, ErrCannotOpen) {
			t.Errorf("a %s opened as a board item: %v, want ErrCannotOpen", rp, err)
		}
	}
}

// TestVersion1Opens: a board made before keys and records were labelled still opens: its key
// sealed to a member and its items; its public part and bundles, made before they were
// signed, are refused as ErrOldFormat. The files were written by that version
// for engagement eng-golden, to the member in testdata/member.txt.
func TestVersion1Opens(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	m, err := age.ParseX25519Identity(strings.TrimSpace(string(read("member.txt"))))
	if err != nil {
		t.Fatal(err)
	}
	k, err := OpenKey("eng-golden", m, read("v1/key.age"))
	if err != nil {
		t.Fatalf("OpenKey(v1) = %v", err)
	}
	it, err := k.OpenItem("0123456789abcdef0123456789abcdef", read("v1/item.age"))
	if err != nil || it.Text != "a rose sealed by format version 1" {
		t.Errorf("OpenItem(v1) = %+v, %v", it, err)
	}
	// A public part and a bundle of version 1 were not signed: they are refused, saying so.
	if _, err := ParsePublic(read("v1/public.bin"), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)); !errors.Is(err, ErrOldFormat) {
		t.Errorf("ParsePublic(v1) = %v, want ErrOldFormat", err)
	}
	if _, err := k.OpenBundle(read("v1/bundle.bin")); !errors.Is(err, ErrOldFormat) {
		t.Errorf("OpenBundle(v1) = %v, want ErrOldFormat", err)
	}
}
