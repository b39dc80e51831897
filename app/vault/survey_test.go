package vault

import (
	"bytes"
	"errors"
	"testing"

	"quietroom/app/seal"
)

func TestSurveyKeyOpensOnlyForMembers(t *testing.T) {
	v := newTestVault(t, secretOf(7))
	aliceSlot, err := v.NewInterviewer("alice", []byte("111111"))
	if err != nil {
		t.Fatal(err)
	}
	bobSlot, err := v.NewInterviewer("bob", []byte("222222"))
	if err != nil {
		t.Fatal(err)
	}
	carolSlot, err := v.NewInterviewer("carol", []byte("333333"))
	if err != nil {
		t.Fatal(err)
	}
	pub, sealed, err := NewSurveyKey("eng", map[string]string{"alice": aliceSlot.PublicKey, "bob": bobSlot.PublicKey})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := seal.SealRecord(pub, seal.PurposeSurveyResponse, "eng", "r1", []byte("the answers"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(resp, []byte("the answers")) {
		t.Fatal("sealed response holds its plaintext")
	}
	alice, err := v.Unlock("alice", []byte("111111"), aliceSlot)
	if err != nil {
		t.Fatal(err)
	}
	r, err := alice.OpenGroupKey(seal.PurposeSurveyKey, "eng", sealed["alice"])
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Open(seal.PurposeSurveyResponse, "r1", resp)
	if err != nil || string(got) != "the answers" {
		t.Fatalf("Open = %q, %v", got, err)
	}
	if _, err := r.Open(seal.PurposeSurveyResponse, "r2", resp); !errors.Is(err, seal.ErrCannotOpen) {
		t.Errorf("Open under another response id = %v, want ErrCannotOpen", err)
	}
	if _, err := alice.OpenGroupKey(seal.PurposeSurveyKey, "eng", sealed["bob"]); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("alice opening bob's sealed key = %v, want ErrCannotOpen", err)
	}
	if _, err := alice.OpenGroupKey(seal.PurposeSurveyKey, "other", sealed["alice"]); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("opening for another engagement = %v, want ErrCannotOpen", err)
	}
	carol, err := v.Unlock("carol", []byte("333333"), carolSlot)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sealed {
		if _, err := carol.OpenGroupKey(seal.PurposeSurveyKey, "eng", s); !errors.Is(err, ErrCannotOpen) {
			t.Errorf("a non-member opening a survey key = %v, want ErrCannotOpen", err)
		}
	}
	r.Destroy()
	if _, err := r.Open(seal.PurposeSurveyResponse, "r1", resp); !errors.Is(err, seal.ErrDestroyed) {
		t.Errorf("Open after Destroy = %v, want seal.ErrDestroyed", err)
	}
	if _, _, err := NewSurveyKey("eng", nil); !errors.Is(err, ErrNoMembers) {
		t.Errorf("NewSurveyKey without members = %v, want ErrNoMembers", err)
	}
}
