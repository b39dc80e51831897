package stick

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// faultStick is the real stick with faults put in: room for only so many bytes (then ENOSPC,
// the part that fitted left in the file, as a real file system leaves it), a rename that fails
// at the nth call, removals that fail.
type faultStick struct {
	osDevice
	room       int // bytes left; negative: no limit
	failRename int // the call (from 1) that fails; 0: none
	renames    int
	noRemove   bool
}

func (s *faultStick) writeSynced(dir, prefix string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, prefix+"*")
	if err != nil {
		return "", err
	}
	if s.room >= 0 && len(data) > s.room {
		f.Write(data[:s.room])
		s.room = 0
		f.Close()
		return f.Name(), fmt.Errorf("write %s: %w", f.Name(), syscall.ENOSPC)
	}
	if s.room >= 0 {
		s.room -= len(data)
	}
	return f.Name(), writeAndClose(f, data)
}

func (s *faultStick) rename(from, to string) error {
	s.renames++
	if s.renames == s.failRename {
		return fmt.Errorf("rename %s: %w", from, syscall.EIO)
	}
	return s.osDevice.rename(from, to)
}

func (s *faultStick) remove(path string) error {
	if s.noRemove {
		return fmt.Errorf("remove %s: %w", path, syscall.EIO)
	}
	return s.osDevice.remove(path)
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, de := range des {
		out = append(out, de.Name())
	}
	return out
}

// export is a survey's export: a PDF of 40 KiB and a CSV of 30 KiB.
var export = []File{{"results.pdf", bytes.Repeat([]byte("P"), 40<<10)}, {"results.csv", bytes.Repeat([]byte("C"), 30<<10)}}

// TestAFullStickGetsNoPartOfAnExport: on a 64 KiB stick the survey's PDF was written whole,
// the CSV failed, and the screen said "The stick is full: nothing was written". An export is
// all or nothing: whatever fails, no file of it is left, and the error says so truthfully.
func TestAFullStickGetsNoPartOfAnExport(t *testing.T) {
	for _, tc := range []struct {
		name  string
		stick *faultStick
		want  error
	}{
		{"64 KiB stick", &faultStick{room: 64 << 10}, ErrFull},
		{"full before the first file", &faultStick{room: 100}, ErrFull},
		{"second rename fails", &faultStick{room: -1, failRename: 2}, syscall.EIO},
		{"first rename fails", &faultStick{room: -1, failRename: 1}, syscall.EIO},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "mine.txt"), []byte("a person's file"), 0o600)
			paths, err := writeFiles(tc.stick, dir, export, false)
			if !errors.Is(err, tc.want) || paths != nil {
				t.Fatalf("writeFiles = %v, %v; want %v and no paths", paths, err, tc.want)
			}
			if errors.Is(err, ErrLeftBehind) {
				t.Errorf("writeFiles = %v: says part is left, but every file could be removed", err)
			}
			if got := names(t, dir); !slices.Equal(got, []string{"mine.txt"}) {
				t.Errorf("after the failed export the stick holds %v, want only mine.txt", got)
			}
		})
	}
}

// TestAnExportThatCannotBeUndoneSaysWhatIsLeft: when the files written cannot be removed (the
// stick pulled out at the moment), the error does not claim that nothing was written: it is
// ErrLeftBehind, not ErrFull, and names each file left.
func TestAnExportThatCannotBeUndoneSaysWhatIsLeft(t *testing.T) {
	dir := t.TempDir()
	_, err := writeFiles(&faultStick{room: -1, failRename: 2, noRemove: true}, dir, export, false)
	if !errors.Is(err, ErrLeftBehind) || errors.Is(err, ErrFull) {
		t.Fatalf("writeFiles = %v, want ErrLeftBehind and not ErrFull", err)
	}
	for _, n := range names(t, dir) {
		if !bytes.Contains([]byte(err.Error()), []byte(n)) {
			t.Errorf("the error %q does not name %s, which is left on the stick", err, n)
		}
	}
}

// TestKilledExportsLeaveNoPartialFiles: an export killed part-way left a hidden .partial-NNN
// file holding the whole PDF on the stick. The next export to that stick, and RemovePartials
// (the kiosk's scan of its sticks), remove such files and no other.
func TestKilledExportsLeaveNoPartialFiles(t *testing.T) {
	dir := t.TempDir()
	seed := func() {
		for _, n := range []string{".partial-1234567", partialPrefix + "98765", "mine.partial-1.txt", ".partial-notes"} {
			if err := os.WriteFile(filepath.Join(dir, n), []byte("%PDF-1.7 the whole record"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := []string{".partial-notes", "mine.partial-1.txt"}
	seed()
	if _, err := WriteFiles(dir, export[:1]); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); !slices.Equal(got, append(slices.Clone(want), "results.pdf")) {
		t.Errorf("after an export the stick holds %v, want %v and results.pdf", got, want)
	}
	os.Remove(filepath.Join(dir, "results.pdf"))
	seed()
	if err := RemovePartials(dir); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); !slices.Equal(got, want) {
		t.Errorf("after RemovePartials the stick holds %v, want %v", got, want)
	}
}

func TestWriteFilesRefusesNamesItCannotKeep(t *testing.T) {
	dir := t.TempDir()
	for _, fs := range [][]File{
		{{"../up.pdf", nil}}, {{"", nil}}, {{partialPrefix + "x", nil}}, {{"a.pdf", nil}, {"a.pdf", nil}},
	} {
		if _, err := WriteFiles(dir, fs); err == nil {
			t.Errorf("WriteFiles(%v) wrote", fs)
		}
	}
	if _, err := WriteFiles(dir, export); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteFiles(dir, []File{{"new.pdf", []byte("x")}, export[1]}); !errors.Is(err, os.ErrExist) {
		t.Errorf("WriteFiles over results.csv = %v, want os.ErrExist", err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"results.csv", "results.pdf"}) {
		t.Errorf("the stick holds %v, want only the first export", got)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	b := []byte("%PDF-1.7 a whole document")
	path, err := WriteFile(dir, "results.pdf", b)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != string(b) {
		t.Fatalf("the file on the stick differs from the document (%v)", err)
	}
	if _, err := WriteFile(dir, "results.pdf", []byte("other")); !errors.Is(err, os.ErrExist) {
		t.Fatalf("an existing file was not kept: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != string(b) {
		t.Fatal("an existing file was replaced")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("the stick holds %d files, want only results.pdf", len(entries))
	}
}

func TestWriteFileMissingStick(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gone")
	if _, err := WriteFile(dir, "r.pdf", []byte("x")); err == nil {
		t.Fatal("writing to a stick that is not there succeeded")
	}
}

func TestReplaceFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReplaceFile(dir, "board.qrboard", []byte("old")); err != nil {
		t.Fatal(err)
	}
	path, err := ReplaceFile(dir, "board.qrboard", []byte("new"))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Fatalf("the stick holds %q, want the newer copy", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("the stick holds %d files, want one", len(entries))
	}
}
