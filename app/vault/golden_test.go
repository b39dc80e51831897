package vault

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The golden files pin the stored formats: a slot, an admin verifier, a sealed data key and a
// sealed record written by this version must open in every later one. They use testParams,
// device secret secretOf(1), PIN goldenPIN.
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
		s := newSlot(t, v, goldenInterviewer, goldenPIN)
		in := unlock(t, v, goldenInterviewer, goldenPIN, s)
		k, sealed, err := in.NewSessionKey(goldenInterviewer, goldenSession)
		must(t, err)
		rec, err := k.Seal(goldenRecord, []byte(goldenNote))
		must(t, err)
		ver, err := v.NewAdminVerifier([]byte(goldenPIN))
		must(t, err)
		slotBytes, _ := s.MarshalBinary()
		verBytes, _ := ver.MarshalBinary()
		must(t, os.MkdirAll("testdata", 0o755))
		for name, b := range map[string][]byte{
			"slot-v1.bin": slotBytes, "admin-v1.bin": verBytes,
			"session-key-v1.age": sealed, "record-v1.bin": rec,
		} {
			must(t, os.WriteFile(goldenPath(name), b, 0o644))
		}
	}

	s, err := ParseSlot(readGolden(t, "slot-v1.bin"))
	if err != nil {
		t.Fatalf("ParseSlot(golden): %v", err)
	}
	in := unlock(t, v, goldenInterviewer, goldenPIN, s)
	k, err := in.OpenSessionKey(goldenSession, readGolden(t, "session-key-v1.age"))
	if err != nil {
		t.Fatalf("OpenSessionKey(golden): %v", err)
	}
	got, err := k.Open(goldenRecord, readGolden(t, "record-v1.bin"))
	if err != nil || string(got) != goldenNote {
		t.Errorf("Open(golden record) = %q, %v; want %q", got, err, goldenNote)
	}
	ver, err := ParseAdminVerifier(readGolden(t, "admin-v1.bin"))
	if err != nil {
		t.Fatalf("ParseAdminVerifier(golden): %v", err)
	}
	if _, err := v.VerifyAdmin(ver, []byte(goldenPIN)); err != nil {
		t.Errorf("VerifyAdmin(golden) = %v", err)
	}
}
