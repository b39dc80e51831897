package stick

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestFindAndRead(t *testing.T) {
	root := t.TempDir()
	const limit = 1 << 10
	for _, f := range []struct {
		rel  string
		size int
	}{
		{"STICK/a.yaml", 10},
		{"STICK/b.YML", 10},
		{"STICK/notes.txt", 10},
		{"STICK/.hidden.yaml", 10},
		{".Trash/c.yaml", 10},
		{"u/STICK/d/e/f/deep.yaml", 10},
		{"STICK/big.yaml", limit + 1},
		{"STICK/edge.yaml", limit},
	} {
		p := filepath.Join(root, f.rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, bytes.Repeat([]byte("#"), f.size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := FindNamed([]string{root, filepath.Join(root, "missing")}, ".yaml", ".yml")
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if got, want := strings.Join(names, ","), "STICK/a.yaml,STICK/b.YML,STICK/big.yaml,STICK/edge.yaml"; got != want {
		t.Errorf("FindNamed = %s, want %s", got, want)
	}
	if got := Find([]string{root}, ".txt"); len(got) != 1 || got[0] != filepath.Join(root, "STICK/notes.txt") {
		t.Errorf("Find(.txt) = %v, want the one notes.txt", got)
	}
	if _, err := Read(filepath.Join(root, "STICK/big.yaml"), limit); !errors.Is(err, ErrTooBig) {
		t.Errorf("Read(big) = %v, want ErrTooBig", err)
	}
	if b, err := Read(filepath.Join(root, "STICK/edge.yaml"), limit); err != nil || len(b) != limit {
		t.Errorf("Read(exactly the limit) = %d bytes, %v; want %d, nil", len(b), err, limit)
	}
	if b, err := Read(filepath.Join(root, "STICK/a.yaml"), limit); err != nil || len(b) != 10 {
		t.Errorf("Read(a) = %d bytes, %v; want 10, nil", len(b), err)
	}
	if _, err := Read(filepath.Join(root, "STICK/gone.yaml"), limit); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Read(gone) = %v, want os.ErrNotExist", err)
	}
}

// TestMountedOnlyOtherDevices: a folder on the same device as the one it sits in (the kiosk's
// own card, no stick plugged in) is never taken for a stick.
func TestMountedOnlyOtherDevices(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"pi/STICK", "pi/other", "empty"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if got := Mounted(root, 2); len(got) != 0 {
		t.Fatalf("Mounted(%s) = %v, want none: no stick is mounted there", root, got)
	}
}

// TestMountedFindsAMount: on Linux, /proc is a file system of its own below /, so it is found
// as a mount point, as a stick's folder is.
func TestMountedFindsAMount(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("mount points are found on Linux only")
	}
	if got := Mounted("/", 1); !slices.Contains(got, "/proc") {
		t.Errorf("Mounted(/, 1) = %v, want /proc among them", got)
	}
}
