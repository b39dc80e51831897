package vault

import (
	"bytes"
	"errors"
	"testing"
)

func TestGroupKeyMembersOpenOthersDoNot(t *testing.T) {
	v := newTestVault(t, secretOf(7))
	a, b, out := newSlot(t, v, "a", "1111"), newSlot(t, v, "b", "2222"), newSlot(t, v, "out", "3333")
	g, err := NewGroupKey("rec-1")
	if err != nil {
		t.Fatal(err)
	}
	pub, err := g.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	sealedA, err := g.SealFor(a.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	sealedB, err := g.SealFor(b.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := SealToGroup(pub, "rec-1", "score/101/a/q1", []byte("4: clear example"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(rec, []byte("clear example")) {
		t.Fatal("sealed record holds its plaintext")
	}
	for name, sealed := range map[string][]byte{"a": sealedA, "b": sealedB} {
		pin := map[string]string{"a": "1111", "b": "2222"}[name]
		slot := map[string]Slot{"a": a, "b": b}[name]
		in := unlock(t, v, name, pin, slot)
		gk, err := in.OpenGroupKey("rec-1", sealed)
		if err != nil {
			t.Fatalf("OpenGroupKey by %s: %v", name, err)
		}
		got, err := gk.Open("score/101/a/q1", rec)
		if err != nil || string(got) != "4: clear example" {
			t.Fatalf("Open by %s = %q, %v", name, got, err)
		}
		if _, err := gk.Open("score/101/b/q1", rec); !errors.Is(err, ErrCannotOpen) {
			t.Errorf("Open under another record id = %v, want ErrCannotOpen", err)
		}
		if _, err := in.OpenGroupKey("rec-2", sealed); !errors.Is(err, ErrCannotOpen) {
			t.Errorf("OpenGroupKey for another group = %v, want ErrCannotOpen", err)
		}
		gk.Destroy()
		if _, err := gk.Open("score/101/a/q1", rec); !errors.Is(err, ErrKeyDestroyed) {
			t.Errorf("Open after Destroy = %v, want ErrKeyDestroyed", err)
		}
	}
	outsider := unlock(t, v, "out", "3333", out)
	if _, err := outsider.OpenGroupKey("rec-1", sealedA); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("OpenGroupKey by a non-member = %v, want ErrCannotOpen", err)
	}
	// The admin's credential opens no member's slot, so no group key either.
	if _, err := v.Unlock("a", []byte("admin-pass"), a); !errors.Is(err, ErrWrongCredential) {
		t.Errorf("Unlock of a member with the admin credential = %v, want ErrWrongCredential", err)
	}
	other, _ := NewGroupKey("rec-1")
	if _, err := other.Open("score/101/a/q1", rec); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("Open with another group's key = %v, want ErrCannotOpen", err)
	}
	if _, err := SealToGroup("not a key", "rec-1", "x", nil); !errors.Is(err, ErrMalformed) {
		t.Errorf("SealToGroup with a bad key = %v, want ErrMalformed", err)
	}
}

func FuzzGroupRecordRoundTrip(f *testing.F) {
	g, err := NewGroupKey("g")
	if err != nil {
		f.Fatal(err)
	}
	pub, _ := g.PublicKey()
	f.Add("r", []byte("hello"))
	f.Add("", []byte{})
	f.Fuzz(func(t *testing.T, id string, pt []byte) {
		ct, err := SealToGroup(pub, "g", id, pt)
		if err != nil {
			t.Fatal(err)
		}
		got, err := g.Open(id, ct)
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("round trip = %q, %v", got, err)
		}
		if _, err := g.Open(id+"x", ct); err == nil {
			t.Fatal("opened under another id")
		}
	})
}
