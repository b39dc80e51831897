package vault

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"quietroom/app/seal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The golden files pin the stored formats: a slot, an admin verifier, a sealed data key and a
// sealed record written by this version must open in every later one. They use testParams,
// device secret secretOf(1), PIN goldenPIN. -update writes only the files that are missing:
// one that exists was written by an older version, and is kept to show it still opens
// (session-key-v1.age is version 1's unlabelled data key, session-key-v2.age app/seal's).
const (
	goldenPIN         = "4821"
	goldenInterviewer = "iv-golden"
	goldenSession     = "s-golden"
	goldenRecord      = "rec-golden"
	goldenNote        = "a note written by format version 1"
)

func goldenPath(name string) string { return filepath.Join("testdata", name) }

func readGolden(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(goldenPath(name))
	if err != nil {
		t.Fatalf("read golden file (go test -run Golden -update writes it): %v", err)
	}
	return b
}

func TestGoldenFormats(t *testing.T) {
	v := newTestVault(t, secretOf(1))
	if *update {
		writeMissingGoldens(t, v)
	}

	s, err := ParseSlot(readGolden(t, "slot-v1.bin"))
	if err != nil {
		t.Fatalf("ParseSlot(golden): %v", err)
	}
	in := unlock(t, v, goldenInterviewer, goldenPIN, s)
	for _, name := range []string{"session-key-v1.age", "session-key-v2.age"} {
		k, err := in.OpenSessionKey(goldenSession, readGolden(t, name))
		if err != nil {
			t.Fatalf("OpenSessionKey(golden %s): %v", name, err)
		}
		got, err := k.Open(goldenRecord, readGolden(t, "record-v1.bin"))
		if err != nil || string(got) != goldenNote {
			t.Errorf("Open(golden record) with %s = %q, %v; want %q", name, got, err, goldenNote)
		}
		if _, err := in.OpenSessionKey(goldenSession+"x", readGolden(t, name)); !errors.Is(err, ErrCannotOpen) {
			t.Errorf("OpenSessionKey(golden %s) for another session = %v, want ErrCannotOpen", name, err)
		}
	}
	ver, err := ParseAdminVerifier(readGolden(t, "admin-v1.bin"))
	if err != nil {
		t.Fatalf("ParseAdminVerifier(golden): %v", err)
	}
	if _, err := v.VerifyAdmin(ver, []byte(goldenPIN)); err != nil {
		t.Errorf("VerifyAdmin(golden) = %v", err)
	}
}

func writeMissingGoldens(t *testing.T, v *Vault) {
	exists := func(name string) bool { _, err := os.Stat(goldenPath(name)); return err == nil }
	must(t, os.MkdirAll("testdata", 0o755))
	write := func(name string, b []byte) {
		if !exists(name) {
			must(t, os.WriteFile(goldenPath(name), b, 0o644))
		}
	}
	var s Slot
	if exists("slot-v1.bin") {
		var err error
		s, err = ParseSlot(readGolden(t, "slot-v1.bin"))
		must(t, err)
	} else {
		s = newSlot(t, v, goldenInterviewer, goldenPIN)
	}
	in := unlock(t, v, goldenInterviewer, goldenPIN, s)
	if !exists("session-key-v2.age") && exists("record-v1.bin") {
		// The record golden is sealed with the key of session-key-v1.age: seal that same key
		// in the current format.
		k, err := in.OpenSessionKey(goldenSession, readGolden(t, "session-key-v1.age"))
		must(t, err)
		sealed, err := seal.SealSecret(s.PublicKey, seal.PurposeSessionKey, goldenSession, k.key)
		must(t, err)
		write("session-key-v2.age", sealed)
	}
	k, sealed, err := in.NewSessionKey(goldenInterviewer, goldenSession)
	must(t, err)
	rec, err := k.Seal(goldenRecord, []byte(goldenNote))
	must(t, err)
	ver, err := v.NewAdminVerifier([]byte(goldenPIN))
	must(t, err)
	slotBytes, _ := s.MarshalBinary()
	verBytes, _ := ver.MarshalBinary()
	write("slot-v1.bin", slotBytes)
	write("admin-v1.bin", verBytes)
	write("session-key-v2.age", sealed)
	write("record-v1.bin", rec)
}
