package protocol

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestLibraryImport(t *testing.T) {
	lib, err := OpenLibrary(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	builtin, _ := BuiltinPack("leadership-360")
	data, err := Marshal(builtin)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"invalid", []byte("id: x\n"), ErrInvalid},
		{"already installed", data, ErrPackExists},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := lib.Import("p.yaml", tc.data); !errors.Is(err, tc.want) {
				t.Errorf("Import = %v, want %v", err, tc.want)
			}
		})
	}
	n := len(lib.List())
	if _, err := lib.Import("p.yaml", bumpVersion(t, data)); err != nil {
		t.Fatal(err)
	}
	if got := len(lib.List()); got != n+1 {
		t.Errorf("List after import = %d packs, want %d", got, n+1)
	}
}

func bumpVersion(t *testing.T, data []byte) []byte {
	t.Helper()
	p, err := Load("p.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	p.Version++
	out, err := Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestLibraryKeepsImportsAcrossOpens(t *testing.T) {
	dir := t.TempDir()
	lib, err := OpenLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	builtin, _ := BuiltinPack("leadership-360")
	data, err := Marshal(builtin)
	if err != nil {
		t.Fatal(err)
	}
	p, err := lib.Import("p.yaml", bumpVersion(t, data))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("id: x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	again, err := OpenLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := again.Pack(p.ID, p.Version); err != nil || got.Hash != p.Hash {
		t.Errorf("Pack(%s, %d) after reopening = %v, %v; want the imported pack", p.ID, p.Version, got, err)
	}
	if _, err := again.Pack("nobody", 1); !errors.Is(err, ErrUnknownPack) {
		t.Errorf("Pack(nobody) = %v, want ErrUnknownPack", err)
	}
	if got := len(again.Problems()); got != 1 {
		t.Errorf("Problems() after reopening = %d, want 1 (broken.yaml)", got)
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".import-*")); len(tmp) != 0 {
		t.Errorf("temporary files left behind: %v", tmp)
	}
}
