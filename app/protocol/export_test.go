package protocol

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMarshalRoundTrip: every built-in pack and the test pack load back from their exported
// form with the same hash.
func TestMarshalRoundTrip(t *testing.T) {
	packs := append(Builtin(), mustLoad(t, "testdata/valid.yaml"), mustLoad(t, "testdata/valid-guidance.yaml"))
	for _, p := range packs {
		t.Run(p.ID, func(t *testing.T) {
			data, err := Marshal(p)
			if err != nil {
				t.Fatalf("Marshal(%s) = %v", p.ID, err)
			}
			q, err := Load("exported.yaml", data)
			if err != nil {
				t.Fatalf("Load(Marshal(%s)) = %v\n%s", p.ID, err, data)
			}
			if q.Hash != p.Hash {
				t.Errorf("Load(Marshal(%s)).Hash = %s, want %s", p.ID, q.Hash, p.Hash)
			}
			// The export is also a file that LoadFile accepts.
			path := filepath.Join(t.TempDir(), p.ID+".yaml")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := LoadFile(path); err != nil {
				t.Errorf("LoadFile(exported %s) = %v", p.ID, err)
			}
		})
	}
}
