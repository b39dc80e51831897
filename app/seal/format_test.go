package seal

import (
	"bytes"
	"errors"
	"testing"

	"filippo.io/age"
)

// FuzzParse: the header parser never panics, and what it accepts is exactly one encoding of
// the purpose, engagement and record asked for, followed by the body it returns: no two byte
// strings open as the same thing (the format is not malleable), as age's own armor and header
// fuzzing checks of its formats.
func FuzzParse(f *testing.F) {
	f.Add([]byte{formatVersion}, uint8(PurposeBoardItem), "e", "r")
	f.Add(append(header(purposes[PurposePanelKey], "e", ""), "AGE-SECRET-KEY-1"...), uint8(PurposePanelKey), "e", "")
	f.Add(append(appendField([]byte{1}, "e"), "key"...), uint8(PurposeSurveyKey), "e", "")
	f.Add([]byte(`{"v":1}`), uint8(PurposeBoardBundle), "e", "r")
	f.Fuzz(func(t *testing.T, payload []byte, which uint8, scope, recordID string) {
		p := Purpose(which)
		i, ok := p.info()
		if !ok {
			return
		}
		body, err := parse(p, i, scope, recordID, payload)
		if err != nil {
			if !errors.Is(err, ErrCannotOpen) {
				t.Fatalf("parse error %v does not match ErrCannotOpen", err)
			}
			return
		}
		if !bytes.HasSuffix(payload, body) {
			t.Fatalf("parse returned %x, not the end of %x", body, payload)
		}
		if payload[0] == formatVersion {
			if again := append(header(i, scope, recordID), body...); !bytes.Equal(again, payload) {
				t.Fatalf("parse accepted %x for %s %q %q, which encodes as %x", payload, p, scope, recordID, again)
			}
		}
	})
}

// TestOpenBound: sealed bytes longer than a purpose's largest plaintext could seal to are
// refused before decrypting, and a plaintext beyond it is refused after.
func TestOpenBound(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	i := purposes[PurposeBoardItem]
	atMost, err := ageSeal(id.Recipient(), make([]byte, i.max))
	if err != nil {
		t.Fatal(err)
	}
	if len(atMost) > i.max+ageOverhead(i.max) {
		t.Fatalf("%d bytes seal to %d, over the bound %d", i.max, len(atMost), i.max+ageOverhead(i.max))
	}
	if _, err := ageOpen(id, atMost, i.max); err != nil {
		t.Errorf("ageOpen of %d bytes = %v", i.max, err)
	}
	over, err := ageSeal(id.Recipient(), make([]byte, i.max+1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ageOpen(id, over, i.max); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("ageOpen of %d bytes = %v, want ErrCannotOpen", i.max+1, err)
	}
	far, err := ageSeal(id.Recipient(), make([]byte, 2*i.max))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ageOpen(id, far, i.max); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("ageOpen of %d sealed bytes = %v, want ErrCannotOpen", len(far), err)
	}
}
