package sessiontest_test

import (
	"bytes"
	"testing"

	"quietroom/app/session"
	"quietroom/app/session/sessiontest"
)

func TestStoreContract(t *testing.T) {
	sessiontest.StoreContract(t, func(t *testing.T, engagements ...session.Engagement) session.Store {
		return sessiontest.NewStore(engagements...)
	})
}

func TestKey(t *testing.T) {
	keys := sessiontest.NewKeys()
	k, sealedKey, err := keys.NewSessionKey("int-1", "s-1")
	if err != nil || len(sealedKey) == 0 {
		t.Fatalf("NewSessionKey = %v, %v; want a sealed key, nil", sealedKey, err)
	}
	other, _, _ := keys.NewSessionKey("int-1", "s-2")
	plain := []byte("she said the panel was fair")
	ct, err := k.Seal("e-1", plain)
	if err != nil {
		t.Fatalf("Seal error = %v, want nil", err)
	}
	if bytes.Contains(ct, plain) || bytes.Contains(ct, []byte("panel")) {
		t.Errorf("Seal(%q) = %q, which shows the plaintext", plain, ct)
	}
	tests := []struct {
		name   string
		key    session.SessionKey
		record string
		ct     []byte
		ok     bool
	}{
		{"same record", k, "e-1", ct, true},
		{"other record", k, "e-2", ct, false},
		{"other session", other, "e-1", ct, false},
		{"tampered", k, "e-1", append(bytes.Clone(ct[:len(ct)-1]), ct[len(ct)-1]^1), false},
		{"truncated", k, "e-1", ct[:10], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.key.Open(tt.record, tt.ct)
			if (err == nil) != tt.ok || (tt.ok && !bytes.Equal(got, plain)) {
				t.Errorf("Open(%q) = %q, %v; want ok=%v", tt.record, got, err, tt.ok)
			}
		})
	}
	again, err := keys.Open("s-1")
	if err != nil {
		t.Fatalf("Keys.Open(s-1) error = %v, want nil", err)
	}
	k.Destroy()
	k.Destroy()
	if !keys.Issued("s-1")[0].Destroyed() {
		t.Errorf("Destroyed() after Destroy = false, want true")
	}
	if _, err := k.Open("e-1", ct); err == nil {
		t.Errorf("Open after Destroy error = nil, want an error")
	}
	if got, err := again.Open("e-1", ct); err != nil || !bytes.Equal(got, plain) {
		t.Errorf("reopened key Open = %q, %v; want %q, nil", got, err, plain)
	}
}
