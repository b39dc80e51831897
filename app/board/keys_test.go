package board

import (
	"bytes"
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
// sealed to a member, its items, a bundle from another room, and the public part's
// authentication key is still the one its key derives. The files were written by that version
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
	pub, err := ParsePublic(read("v1/public.bin"))
	if err != nil {
		t.Fatal(err)
	}
	mine, err := k.Public(pub.DeletionDate)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mine.AuthKey, pub.AuthKey) || mine.Recipient != pub.Recipient {
		t.Errorf("the v1 public part's key is not the one its board key derives")
	}
	b, err := k.OpenBundle(read("v1/bundle.bin"))
	if err != nil || len(b.Records) != 1 || b.SourceKiosk != "room 2" || !b.DeletionDate.Equal(time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("OpenBundle(v1) = %+v, %v", b, err)
	}
	tampered := read("v1/bundle.bin")
	tampered[len(tampered)/2] ^= 1
	if _, err := k.OpenBundle(tampered); !errors.Is(err, ErrTampered) {
		t.Errorf("OpenBundle(v1, changed) = %v, want ErrTampered", err)
	}
}
