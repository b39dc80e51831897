package board

import (
	"bytes"
	"errors"
	"testing"
)

func TestWorkshopSealsApartFromTheWork(t *testing.T) {
	k, err := NewKey("eng-1")
	if err != nil {
		t.Fatal(err)
	}
	defer k.Lock()
	other, err := NewKey("eng-1")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Lock()
	body := []byte(`{"tables":[{"number":1}]}`)
	sealed, err := k.SealWorkshop(body)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(sealed, []byte("tables")) {
		t.Error("the sealed workshop holds its text in the clear")
	}
	if got, err := k.OpenWorkshop(sealed); err != nil || !bytes.Equal(got, body) {
		t.Fatalf("OpenWorkshop = %q, %v", got, err)
	}
	if _, err := k.OpenWork(sealed); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("the workshop opened as the board's work: %v", err)
	}
	work, err := k.SealWork(Work{Aim: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.OpenWorkshop(work); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("the board's work opened as the workshop: %v", err)
	}
	if _, err := other.OpenWorkshop(sealed); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("another board's key opened the workshop: %v", err)
	}
}
