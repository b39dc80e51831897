package vault

import (
	"bytes"
	"errors"
	"testing"

	"quietroom/app/seal"
)

func TestGroupKeyMembersOpenOthersDoNot(t *testing.T) {
	v := newTestVault(t, secretOf(7))
	a, b, out := newSlot(t, v, "a", "1111"), newSlot(t, v, "b", "2222"), newSlot(t, v, "out", "3333")
	g, err := seal.NewKey(seal.PurposePanelKey, "rec-1")
	must(t, err)
	pub, err := g.Recipient()
	must(t, err)
	aPub, err := PublicKeyOf(must2(t)(a.MarshalBinary()))
	must(t, err)
	sealedA, err := g.SealFor(aPub)
	must(t, err)
	sealedB, err := g.SealFor(b.PublicKey)
	must(t, err)
	rec, err := seal.SealRecord(pub, seal.PurposePanelRecord, "rec-1", "score/101/a/q1", []byte("4: clear example"))
	must(t, err)
	if bytes.Contains(rec, []byte("clear example")) {
		t.Fatal("sealed record holds its plaintext")
	}
	for name, sealed := range map[string][]byte{"a": sealedA, "b": sealedB} {
		pin := map[string]string{"a": "1111", "b": "2222"}[name]
		slot := map[string]Slot{"a": a, "b": b}[name]
		in := unlock(t, v, name, pin, slot)
		gk, err := in.OpenGroupKey(seal.PurposePanelKey, "rec-1", sealed)
		if err != nil {
			t.Fatalf("OpenGroupKey by %s: %v", name, err)
		}
		got, err := gk.Open(seal.PurposePanelRecord, "score/101/a/q1", rec)
		if err != nil || string(got) != "4: clear example" {
			t.Fatalf("Open by %s = %q, %v", name, got, err)
		}
		if _, err := in.OpenGroupKey(seal.PurposePanelKey, "rec-2", sealed); !errors.Is(err, ErrCannotOpen) {
			t.Errorf("OpenGroupKey for another group = %v, want ErrCannotOpen", err)
		}
		if _, err := in.OpenGroupKey(seal.PurposeSurveyKey, "rec-1", sealed); !errors.Is(err, ErrCannotOpen) || !errors.Is(err, seal.ErrWrongPurpose) {
			t.Errorf("OpenGroupKey of a panel's key as a survey's = %v, want ErrCannotOpen and seal.ErrWrongPurpose", err)
		}
		in.Lock()
		if _, err := in.OpenGroupKey(seal.PurposePanelKey, "rec-1", sealed); !errors.Is(err, ErrKeyDestroyed) {
			t.Errorf("OpenGroupKey by a locked interviewer = %v, want ErrKeyDestroyed", err)
		}
	}
	outsider := unlock(t, v, "out", "3333", out)
	if _, err := outsider.OpenGroupKey(seal.PurposePanelKey, "rec-1", sealedA); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("OpenGroupKey by a non-member = %v, want ErrCannotOpen", err)
	}
	// The admin's credential opens no member's slot, so no group key either.
	if _, err := v.Unlock("a", []byte("admin-pass"), a); !errors.Is(err, ErrWrongCredential) {
		t.Errorf("Unlock of a member with the admin credential = %v, want ErrWrongCredential", err)
	}
	if _, err := PublicKeyOf([]byte("not a slot")); !errors.Is(err, ErrMalformed) {
		t.Errorf("PublicKeyOf(junk) = %v, want ErrMalformed", err)
	}
}

func must2(t *testing.T) func([]byte, error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		must(t, err)
		return b
	}
}
