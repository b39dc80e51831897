package kiosk

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSticksOnlyMounted: with the default import folders, a folder on the same device as
// the one it sits in (the kiosk's own card, no stick plugged in) is never offered for writing.
func TestSticksOnlyMounted(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"pi/STICK", "pi/other", "empty"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	k := &Kiosk{imports: []string{root}}
	if got := k.Sticks(); len(got) != 0 {
		t.Fatalf("Sticks() = %v, want none", got)
	}
	k.explicitImports = true
	if got := k.Sticks(); len(got) != 1 || got[0] != root {
		t.Fatalf("Sticks() with explicit import folders = %v, want [%s]", got, root)
	}
}
