package kiosk_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/protocol"
	"quietroom/app/vault"
)

// stickPack writes a valid pack file (a built-in under a new id) to the fake USB stick.
func stickPack(t *testing.T, e *kiosktest.Env, rel, id string) string {
	t.Helper()
	p, _ := protocol.BuiltinPack("leadership-360")
	p.ID = id
	data, err := protocol.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(e.ImportDir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportPackFromAStick(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	a := admin(t, e, d)
	good := stickPack(t, e, "STICK/our-360.yaml", "our-360")
	broken := filepath.Join(e.ImportDir, "STICK", "broken.yml")
	if err := os.WriteFile(broken, []byte("id: Broken Id\nversion: 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(e.ImportDir, "STICK", "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}

	files, err := e.Kiosk.PackFiles(a)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if want := []string{"STICK/broken.yml", "STICK/our-360.yaml"}; strings.Join(names, ",") != strings.Join(want, ",") {
		t.Errorf("PackFiles = %v, want %v", names, want)
	}

	_, err = e.Kiosk.ImportPack(ctx, a, broken)
	var ve *protocol.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) < 2 {
		t.Fatalf("ImportPack(broken) = %v, want a ValidationError listing every problem", err)
	}
	if !strings.Contains(err.Error(), "broken.yml:1: id:") {
		t.Errorf("problems = %q, want the file, line and field of the bad id", err)
	}

	p, err := e.Kiosk.ImportPack(ctx, a, good)
	if err != nil || p.ID != "our-360" {
		t.Fatalf("ImportPack(good) = %v, %v; want our-360", p, err)
	}
	found := false
	for _, q := range e.Kiosk.Packs() {
		found = found || q.ID == "our-360"
	}
	if !found {
		t.Error("the imported pack is not in the library")
	}
	if _, err := e.Kiosk.ImportPack(ctx, a, good); !errors.Is(err, protocol.ErrPackExists) {
		t.Errorf("second import = %v, want ErrPackExists", err)
	}
	evs, _ := e.Kiosk.Audit(ctx, a, 10)
	imports := 0
	for _, ev := range evs {
		if ev.Action == "pack.import" {
			imports++
		}
	}
	if imports != 1 {
		t.Errorf("audit has %d pack.import lines, want 1", imports)
	}

	big := filepath.Join(e.ImportDir, "STICK", "big.yaml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("#\n"), 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Kiosk.ImportPack(ctx, a, big); !errors.Is(err, protocol.ErrPackTooBig) {
		t.Errorf("ImportPack(big) = %v, want ErrPackTooBig", err)
	}
	if _, err := e.Kiosk.PackFiles(nil); !errors.Is(err, vault.ErrNotAdmin) {
		t.Errorf("PackFiles without an admin = %v, want ErrNotAdmin", err)
	}
	if _, err := e.Kiosk.ImportPack(ctx, nil, good); !errors.Is(err, vault.ErrNotAdmin) {
		t.Errorf("ImportPack without an admin = %v, want ErrNotAdmin", err)
	}
}
