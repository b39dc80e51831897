package protocol

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestPreviousBuiltinsStillOpen: a session run with an earlier version of a built-in pack finds
// that exact version (same hash) in the library, which lists only the current versions.
func TestPreviousBuiltinsStillOpen(t *testing.T) {
	lib, err := OpenLibrary(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	previous := loadPrevious()
	if len(previous) == 0 {
		t.Fatal("no previous built-in versions embedded")
	}
	for _, old := range previous {
		cur, ok := BuiltinPack(old.ID)
		if !ok {
			t.Errorf("%s v%d: no current built-in pack of that id", old.ID, old.Version)
			continue
		}
		if old.Version >= cur.Version {
			t.Errorf("%s: previous version %d is not older than the current %d", old.ID, old.Version, cur.Version)
		}
		got, err := lib.Pack(old.ID, old.Version)
		if err != nil || got.Hash != old.Hash {
			t.Errorf("library Pack(%s, %d) = %v, %v; want the previous version with hash %s", old.ID, old.Version, got, err, old.Hash)
		}
		for _, listed := range lib.List() {
			if listed.ID == old.ID && listed.Version == old.Version {
				t.Errorf("the library lists %s v%d, a replaced version", old.ID, old.Version)
			}
		}
	}
}

// TestShippedPacksNeverChange: every built-in version, current or previous, has the hash it was
// shipped with (testdata/shipped-packs.txt), so changing a pack's words without a new version,
// or dropping a version sessions may still name, fails here.
func TestShippedPacksNeverChange(t *testing.T) {
	data, err := os.ReadFile("testdata/shipped-packs.txt")
	if err != nil {
		t.Fatal(err)
	}
	shipped := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) == 3 && !strings.HasPrefix(line, "#") {
			shipped[f[0]+" "+f[1]] = f[2]
		}
	}
	embedded := map[string]bool{}
	for _, p := range append(loadPrevious(), loadBuiltins()...) {
		key := fmt.Sprintf("%s %d", p.ID, p.Version)
		embedded[key] = true
		switch want, ok := shipped[key]; {
		case !ok:
			t.Errorf("%s is not in testdata/shipped-packs.txt: add the line %q", key, key+" "+p.Hash)
		case want != p.Hash:
			t.Errorf("%s changed since it shipped (hash %s, shipped %s): give the new wording a new version and move the old file to packs/previous/", key, p.Hash, want)
		}
	}
	for key := range shipped {
		if !embedded[key] {
			t.Errorf("%s shipped but is no longer embedded: sessions run with it could not reopen; keep its file in packs/previous/", key)
		}
	}
}
