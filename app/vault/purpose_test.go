package vault_test

import (
	"bytes"
	"errors"
	"testing"

	"quietroom/app/board"
	"quietroom/app/seal"
	"quietroom/app/vault"
)

type fixedSecret []byte

func (s fixedSecret) DeviceSecret() ([]byte, error) { return bytes.Clone(s), nil }
func (s fixedSecret) Name() string                  { return "test secret" }

// TestKeysKeepToTheirPurpose: a member of a board, a panel and a survey of the same
// engagement id holds three sealed keys; each opens, through the feature's own call, as what
// it was made for and as nothing else. Before keys were labelled, a board's key opened as a
// panel's or a survey's and the reverse, kept apart only by the engagements' ids.
func TestKeysKeepToTheirPurpose(t *testing.T) {
	v, err := vault.New(fixedSecret(bytes.Repeat([]byte{3}, vault.DeviceSecretSize)), vault.Options{Params: vault.Params{MemoryKiB: 64, Time: 1, Threads: 1}})
	if err != nil {
		t.Fatal(err)
	}
	slot, err := v.NewInterviewer("iv-1", []byte("4821"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := v.Unlock("iv-1", []byte("4821"), slot)
	if err != nil {
		t.Fatal(err)
	}
	const eng = "eng-1"

	bk, err := board.NewKey(eng)
	if err != nil {
		t.Fatal(err)
	}
	boardKey, err := bk.SealFor(slot.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	_, surveyKeys, err := vault.NewSurveyKey(eng, map[string]string{"iv-1": slot.PublicKey})
	if err != nil {
		t.Fatal(err)
	}
	pk, err := seal.NewKey(seal.PurposePanelKey, eng) // as the kiosk makes a panel's
	if err != nil {
		t.Fatal(err)
	}
	panelKey, err := pk.SealFor(slot.PublicKey)
	if err != nil {
		t.Fatal(err)
	}

	openAs := map[string]func([]byte) error{
		"board": func(b []byte) error { _, err := board.OpenKey(eng, in.AgeIdentity(), b); return err },
		"panel": func(b []byte) error { _, err := in.OpenGroupKey(seal.PurposePanelKey, eng, b); return err },
		"survey": func(b []byte) error {
			_, err := in.OpenGroupKey(seal.PurposeSurveyKey, eng, b)
			return err
		},
	}
	sealed := map[string][]byte{"board": boardKey, "panel": panelKey, "survey": surveyKeys["iv-1"]}
	for made, b := range sealed {
		for as, open := range openAs {
			err := open(b)
			if made == as {
				if err != nil {
					t.Errorf("a %s key opened as a %s's: %v", made, as, err)
				}
				continue
			}
			if err == nil {
				t.Errorf("a %s's key opened as a %s's", made, as)
			} else if !errors.Is(err, seal.ErrWrongPurpose) {
				t.Errorf("a %s's key opened as a %s's: %v, want seal.ErrWrongPurpose", made, as, err)
			}
		}
	}
}
