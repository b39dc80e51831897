package vault

import (
	"bytes"
	"errors"
	"testing"
)

func TestUnlockRoundTrip(t *testing.T) {
	v := newTestVault(t, secretOf(1))
	s := newSlot(t, v, "iv-1", "4821")
	b, err := s.MarshalBinary()
	if err != nil {
		t.Fatalf("MarshalBinary: %v", err)
	}
	parsed, err := ParseSlot(b)
	if err != nil {
		t.Fatalf("ParseSlot: %v", err)
	}
	in := unlock(t, v, "iv-1", "4821", parsed)
	if in.ID() != "iv-1" {
		t.Errorf("ID() = %q, want %q", in.ID(), "iv-1")
	}
	if parsed.Params != testParams {
		t.Errorf("slot params = %+v, want %+v", parsed.Params, testParams)
	}
}

func TestSlotHoldsNoPrivateKey(t *testing.T) {
	v := newTestVault(t, secretOf(1))
	s := newSlot(t, v, "iv-1", "4821")
	in := unlock(t, v, "iv-1", "4821", s)
	b, _ := s.MarshalBinary()
	for _, secret := range [][]byte{[]byte(in.identity.String()), []byte("AGE-SECRET-KEY"), []byte("4821")} {
		if bytes.Contains(b, secret) {
			t.Errorf("serialised slot contains %q", secret)
		}
	}
}

func TestUnlockWrongCredential(t *testing.T) {
	v := newTestVault(t, secretOf(1))
	s := newSlot(t, v, "iv-1", "4821")
	other := newSlot(t, v, "iv-2", "4821")
	tamper := func(f func(s *Slot)) Slot {
		c := Slot{PublicKey: s.PublicKey, Params: s.Params, Salt: bytes.Clone(s.Salt), SealedPrivateKey: bytes.Clone(s.SealedPrivateKey)}
		f(&c)
		return c
	}
	tests := []struct {
		name   string
		secret staticSecret
		id     string
		pin    string
		slot   Slot
	}{
		{"wrong PIN", secretOf(1), "iv-1", "4822", s},
		{"empty PIN", secretOf(1), "iv-1", "", s},
		{"wrong device secret", secretOf(2), "iv-1", "4821", s},
		{"wrong PIN and device secret", secretOf(2), "iv-1", "0000", s},
		{"another interviewer's slot", secretOf(1), "iv-1", "4821", other},
		{"slot of iv-1 under iv-2", secretOf(1), "iv-2", "4821", s},
		{"tampered salt", secretOf(1), "iv-1", "4821", tamper(func(s *Slot) { s.Salt[0] ^= 1 })},
		{"tampered params", secretOf(1), "iv-1", "4821", tamper(func(s *Slot) { s.Params.Time++ })},
		{"swapped public key", secretOf(1), "iv-1", "4821", tamper(func(s *Slot) { s.PublicKey = other.PublicKey })},
		{"tampered nonce", secretOf(1), "iv-1", "4821", tamper(func(s *Slot) { s.SealedPrivateKey[0] ^= 1 })},
		{"tampered ciphertext", secretOf(1), "iv-1", "4821", tamper(func(s *Slot) { s.SealedPrivateKey[40] ^= 1 })},
	}
	var messages []string
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newTestVault(t, tt.secret)
			in, err := v.Unlock(tt.id, []byte(tt.pin), tt.slot)
			if !errors.Is(err, ErrWrongCredential) || in != nil {
				t.Fatalf("Unlock = %v, %v; want nil, ErrWrongCredential", in, err)
			}
			if tt.id == "iv-1" {
				messages = append(messages, err.Error())
			}
		})
	}
	// No oracle: wrong PIN and wrong device secret read exactly the same.
	for _, m := range messages[1:] {
		if m != messages[0] {
			t.Errorf("Unlock errors differ: %q and %q", messages[0], m)
		}
	}
}

func TestUnlockWithoutDeviceSecret(t *testing.T) {
	s := newSlot(t, newTestVault(t, secretOf(1)), "iv-1", "4821")
	for _, tt := range []struct {
		name   string
		secret SecretSource
	}{
		{"missing", staticSecret(nil)},
		{"short", staticSecret(make([]byte, 16))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v := newTestVault(t, tt.secret)
			if _, err := v.Unlock("iv-1", []byte("4821"), s); !errors.Is(err, ErrNoDeviceSecret) {
				t.Errorf("Unlock = %v, want ErrNoDeviceSecret", err)
			}
			if _, err := v.NewInterviewer("iv-3", []byte("1")); !errors.Is(err, ErrNoDeviceSecret) {
				t.Errorf("NewInterviewer = %v, want ErrNoDeviceSecret", err)
			}
		})
	}
}

func TestNewInterviewerRefuses(t *testing.T) {
	v := newTestVault(t, secretOf(1))
	for _, tt := range []struct{ name, id, pin string }{
		{"empty id", "", "1234"},
		{"empty PIN", "iv-1", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := v.NewInterviewer(tt.id, []byte(tt.pin)); err == nil {
				t.Errorf("NewInterviewer(%q, %q) succeeded", tt.id, tt.pin)
			}
		})
	}
}

func TestSlotsAreIndependent(t *testing.T) {
	v := newTestVault(t, secretOf(1))
	a, b := newSlot(t, v, "iv-1", "1111"), newSlot(t, v, "iv-1", "1111")
	if a.PublicKey == b.PublicKey || bytes.Equal(a.Salt, b.Salt) {
		t.Errorf("two slots share a key pair or a salt")
	}
}

func TestChangePIN(t *testing.T) {
	v := newTestVault(t, secretOf(1))
	s := newSlot(t, v, "iv-1", "1111")
	in := unlock(t, v, "iv-1", "1111", s)
	key, sealed, err := in.NewSessionKey("iv-1", "s-1")
	if err != nil {
		t.Fatal(err)
	}
	note, _ := key.Seal("n-1", []byte("what they said"))

	raised := testParams
	raised.Time = 2
	v2, _ := New(secretOf(1), Options{Params: raised, Rand: detRand(3)})
	s2, err := v2.ChangePIN(in, []byte("2222"))
	if err != nil {
		t.Fatalf("ChangePIN: %v", err)
	}
	if s2.PublicKey != s.PublicKey || s2.Params != raised {
		t.Errorf("ChangePIN changed the key pair or did not take the new params: %+v", s2.Params)
	}
	if _, err := v.Unlock("iv-1", []byte("1111"), s2); !errors.Is(err, ErrWrongCredential) {
		t.Errorf("old PIN on the new slot: %v, want ErrWrongCredential", err)
	}
	in2 := unlock(t, v, "iv-1", "2222", s2)
	k2, err := in2.OpenSessionKey("s-1", sealed)
	if err != nil {
		t.Fatalf("OpenSessionKey after ChangePIN: %v", err)
	}
	if got, err := k2.Open("n-1", note); err != nil || string(got) != "what they said" {
		t.Errorf("Open after ChangePIN = %q, %v", got, err)
	}
	in.Lock()
	if _, err := v.ChangePIN(in, []byte("3333")); !errors.Is(err, ErrKeyDestroyed) {
		t.Errorf("ChangePIN of a locked interviewer = %v, want ErrKeyDestroyed", err)
	}
}

func TestParseSlotMalformed(t *testing.T) {
	v := newTestVault(t, secretOf(1))
	slot := newSlot(t, v, "iv-1", "1")
	good, _ := slot.MarshalBinary()
	sealedAt := slotHeaderSize + len(slot.PublicKey)
	edit := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(good)) }
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"version only", []byte{slotVersion}},
		{"unknown version", edit(func(b []byte) []byte { b[0] = 2; return b })},
		{"truncated in the public key", good[:slotHeaderSize+10]},
		{"sealed key too short", good[:sealedAt+minSealedKey-1]},
		{"public key length past end", edit(func(b []byte) []byte { b[slotHeaderSize-2] = 0xff; return b })},
		{"zero threads", edit(func(b []byte) []byte { b[9] = 0; return b })},
		{"zero time", edit(func(b []byte) []byte { b[5], b[6], b[7], b[8] = 0, 0, 0, 0; return b })},
		{"memory beyond the cap", edit(func(b []byte) []byte { b[1] = 0x7f; return b })},
		{"bad public key", edit(func(b []byte) []byte { b[slotHeaderSize+5] ^= 1; return b })},
		{"sealed key too long", append(bytes.Clone(good), make([]byte, maxSealedKey)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseSlot(tt.b); !errors.Is(err, ErrMalformed) {
				t.Errorf("ParseSlot = %v, want ErrMalformed", err)
			}
		})
	}
}

func TestNewRefusesBadParams(t *testing.T) {
	for _, p := range []Params{
		{MemoryKiB: 64, Time: 0, Threads: 1},
		{MemoryKiB: 64, Time: 1, Threads: 0},
		{MemoryKiB: 4, Time: 1, Threads: 1},
		{MemoryKiB: 2 << 20, Time: 1, Threads: 1},
	} {
		if _, err := New(secretOf(1), Options{Params: p}); err == nil {
			t.Errorf("New with params %+v succeeded", p)
		}
	}
	v, err := New(secretOf(1), Options{})
	if err != nil || v.params != DefaultParams {
		t.Errorf("New with zero options = %v, params %+v; want DefaultParams", err, v.params)
	}
}
