package vault

import (
	"bytes"
	"errors"
	"testing"
)

func TestAdminVerifier(t *testing.T) {
	v := newTestVault(t, secretOf(1))
	ver, err := v.NewAdminVerifier([]byte("correct horse"))
	if err != nil {
		t.Fatalf("NewAdminVerifier: %v", err)
	}
	b, err := ver.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("correct horse")) {
		t.Error("serialised verifier contains the credential")
	}
	parsed, err := ParseAdminVerifier(b)
	if err != nil {
		t.Fatalf("ParseAdminVerifier: %v", err)
	}
	tests := []struct {
		name    string
		secret  staticSecret
		cred    string
		wantErr error
	}{
		{"right", secretOf(1), "correct horse", nil},
		{"wrong credential", secretOf(1), "correct horsf", ErrWrongCredential},
		{"empty credential", secretOf(1), "", ErrWrongCredential},
		{"wrong device secret", secretOf(2), "correct horse", ErrWrongCredential},
		{"no device secret", nil, "correct horse", ErrNoDeviceSecret},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			admin, err := newTestVault(t, tt.secret).VerifyAdmin(parsed, []byte(tt.cred))
			if !errors.Is(err, tt.wantErr) || (err == nil) != (admin != nil) {
				t.Fatalf("VerifyAdmin = %v, %v; want %v", admin, err, tt.wantErr)
			}
			if admin != nil && !admin.verified {
				t.Error("VerifyAdmin returned an unverified Admin")
			}
		})
	}
}

// The admin credential verifies and opens nothing: even with the same PIN and the same salt as
// an interviewer's slot, what it derives is not that slot's key-encryption key.
func TestAdminMaterialOpensNoSlot(t *testing.T) {
	secret := secretOf(1)
	v := newTestVault(t, secret)
	pin := []byte("4821")
	s := newSlot(t, v, "iv-1", string(pin))

	ver, err := v.NewAdminVerifier(pin)
	if err != nil {
		t.Fatal(err)
	}
	sameSalt, err := derive(pin, s.Salt, secret, s.Params, purposeAdminVerifier, "")
	if err != nil {
		t.Fatal(err)
	}
	kek, _ := derive(pin, s.Salt, secret, s.Params, purposeInterviewerKEK, "iv-1")
	if _, err := openSlot("iv-1", s, kek); err != nil {
		t.Fatalf("the right key-encryption key does not open the slot: %v", err)
	}
	for name, material := range map[string][]byte{
		"verifier hash":                 ver.Hash,
		"admin derivation on slot salt": sameSalt,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := openSlot("iv-1", s, material); !errors.Is(err, ErrWrongCredential) {
				t.Errorf("openSlot with the %s = %v, want ErrWrongCredential", name, err)
			}
		})
	}
	admin, err := v.VerifyAdmin(ver, pin)
	if err != nil {
		t.Fatal(err)
	}
	if *admin != (Admin{verified: true}) {
		t.Errorf("Admin carries more than the fact of verification: %+v", *admin)
	}
}

func TestParseAdminVerifierMalformed(t *testing.T) {
	v := newTestVault(t, secretOf(1))
	ver, _ := v.NewAdminVerifier([]byte("x"))
	good, _ := ver.MarshalBinary()
	edit := func(f func(b []byte)) []byte { b := bytes.Clone(good); f(b); return b }
	for _, tt := range []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"short", good[:len(good)-1]},
		{"long", append(bytes.Clone(good), 0)},
		{"unknown version", edit(func(b []byte) { b[0] = 9 })},
		{"zero threads", edit(func(b []byte) { b[9] = 0 })},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseAdminVerifier(tt.b); !errors.Is(err, ErrMalformed) {
				t.Errorf("ParseAdminVerifier = %v, want ErrMalformed", err)
			}
		})
	}
}
