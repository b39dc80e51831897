package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"quietroom/app/session"
	"quietroom/app/vault"
)

// staticSecret is a device secret for tests; the real one is never in the data folder.
type staticSecret []byte

func (s staticSecret) DeviceSecret() ([]byte, error) { return bytes.Clone(s), nil }
func (s staticSecret) Name() string                  { return "test secret" }

// newInterviewer returns an unlocked interviewer of a real vault (cheap KDF settings): tests
// seal content the way the kiosk does.
func newInterviewer(t testing.TB, id string) *vault.Interviewer {
	t.Helper()
	in, err := makeInterviewer(id)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func makeInterviewer(id string) (*vault.Interviewer, error) {
	v, err := vault.New(staticSecret(bytes.Repeat([]byte{7}, vault.DeviceSecretSize)),
		vault.Options{Params: vault.Params{MemoryKiB: 64, Time: 1, Threads: 1}})
	if err != nil {
		return nil, err
	}
	slot, err := v.NewInterviewer(id, []byte("1234"))
	if err != nil {
		return nil, err
	}
	return v.Unlock(id, []byte("1234"), slot)
}

// sealedSession creates a session sealed to in with n entries whose plaintexts contain marker,
// a consent record with a sealed signature, and returns every sealed byte string it stored.
func sealedSession(t testing.TB, d *DB, in *vault.Interviewer, engID, id string, n int, marker string) (session.SessionKey, [][]byte) {
	t.Helper()
	ctx := context.Background()
	key, sealedKey, err := in.NewSessionKey(in.ID(), id)
	if err != nil {
		t.Fatal(err)
	}
	seal := func(rec, text string) []byte {
		ct, err := key.Seal(rec, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return ct
	}
	label := seal("label", "label "+marker)
	r := session.Record{ID: id, EngagementID: engID, InterviewerID: in.ID(), PackID: "p", PackVersion: 1,
		State: session.StateQuestions, SealedKey: sealedKey, SealedLabel: label, CreatedAt: day0, UpdatedAt: day0}
	if err := d.CreateSession(ctx, r); err != nil {
		t.Fatal(err)
	}
	captured := [][]byte{sealedKey, label}
	for i := range n {
		eid := id + "-e" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		ct := seal(eid, "note "+marker+" she said the panel was fair")
		if err := d.PutEntry(ctx, session.Entry{ID: eid, SessionID: id, Kind: session.EntryNote, Sealed: ct, CreatedAt: day0}); err != nil {
			t.Fatal(err)
		}
		captured = append(captured, ct)
	}
	sig := seal("consent-signature", "signature "+marker)
	if err := d.PutConsent(ctx, session.ConsentRecord{SessionID: id, Choices: map[string]bool{"take-part": true}, SealedSignature: sig, GivenAt: day0}); err != nil {
		t.Fatal(err)
	}
	return key, append(captured, sig)
}

// dirFiles lists every regular file under dir.
func dirFiles(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, de os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if de.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// foundInDir counts the needles found anywhere in the files of dir.
func foundInDir(t testing.TB, dir string, needles [][]byte) int {
	t.Helper()
	n, _, err := ScanPaths(context.Background(), dirFiles(t, dir), needles)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
