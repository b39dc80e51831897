package stick

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
)

// ErrFull is returned when the stick has no room for an export. When it is returned, nothing
// of that export is on the stick: every file of it written so far was removed.
var ErrFull = errors.New("stick: the stick is full")

// ErrLeftBehind: an export failed, and some of the files it had written could not be removed
// (the stick was pulled out, say). What follows it in the error names them, for a person to
// remove by hand; it never matches ErrFull, whose words say nothing was written.
var ErrLeftBehind = errors.New("the export did not finish")

// File is one file of an export: its name on the stick and its bytes.
type File struct {
	Name string
	Data []byte
}

// partialPrefix starts the name of a file being written. Files of that name are this
// program's own, never a person's: they are removed at the start of every export to the
// stick and whenever the kiosk lists the stick (RemovePartials).
const partialPrefix = ".quietroom-partial-"

// oldPartial is the name earlier versions wrote partial files under (os.CreateTemp's
// ".partial-*"): a killed export left them, the whole file in each.
var oldPartial = regexp.MustCompile(`^\.partial-[0-9]+$`)

// exporting serialises exports in this process: the clean-up at the start of one export must
// not remove the partial files of another still being written.
var exporting sync.Mutex

// WriteFile writes data as dir/name: first under a hidden temporary name, synced, then
// renamed, so the name only ever holds a whole file. A file already called name is never
// replaced: it returns an error wrapping fs.ErrExist. On any failure the temporary file is
// removed (as far as the stick still allows) and nothing called name is left.
func WriteFile(dir, name string, data []byte) (string, error) {
	paths, err := WriteFiles(dir, []File{{Name: name, Data: data}})
	if err != nil {
		return "", err
	}
	return paths[0], nil
}

// ReplaceFile is WriteFile for a file that may replace one of the same name (a newer copy of
// the same thing): the old file stays whole until the new one is, then the new one takes its
// name.
func ReplaceFile(dir, name string, data []byte) (string, error) {
	paths, err := writeFiles(osDevice{}, dir, []File{{Name: name, Data: data}}, true)
	if err != nil {
		return "", err
	}
	return paths[0], nil
}

// WriteFiles writes the files of one export to dir, all of them or none: each is written under
// a hidden partial name and synced; only when every one is whole are they renamed to their
// names. On any failure every file of the export written so far, partial or renamed, is
// removed, so an error means nothing of the export is on the stick, unless it is
// ErrLeftBehind, which names what could not be removed. A name already on the stick is never
// replaced: it returns an error wrapping fs.ErrExist, having written nothing. Before writing,
// partial files that an export killed part-way left on the stick are removed.
//
// What a kill (a power cut, the stick pulled out) can still leave: the partial files of the
// export under way, until the next export to the stick or the next time the kiosk lists it;
// and, when it falls between two renames, the files renamed so far.
func WriteFiles(dir string, files []File) ([]string, error) {
	return writeFiles(osDevice{}, dir, files, false)
}

// RemovePartials removes from dir the partial files an export left when it was killed
// part-way (this program's, and the ".partial-NNN" files of earlier versions). It leaves
// every other file alone, and follows no link.
func RemovePartials(dir string) error {
	exporting.Lock()
	defer exporting.Unlock()
	return removePartials(osDevice{}, dir)
}

func isPartial(name string) bool {
	return strings.HasPrefix(name, partialPrefix) || oldPartial.MatchString(name)
}

func removePartials(s device, dir string) error {
	names, err := s.list(dir)
	if err != nil {
		return err
	}
	var errs []error
	for _, n := range names {
		if isPartial(n) {
			if err := s.remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

func writeFiles(s device, dir string, files []File, replace bool) ([]string, error) {
	exporting.Lock()
	defer exporting.Unlock()
	seen := map[string]bool{}
	for _, f := range files {
		if f.Name == "" || f.Name != filepath.Base(f.Name) || isPartial(f.Name) || seen[f.Name] {
			return nil, fmt.Errorf("stick: %q is not a file name for an export", f.Name)
		}
		seen[f.Name] = true
		if s.exists(filepath.Join(dir, f.Name)) && !replace {
			return nil, fmt.Errorf("stick: %s is already on the stick: %w", f.Name, os.ErrExist)
		}
	}
	// What a killed export left is removed first: a partial file holds a whole document.
	// Failing to remove one does not stop this export.
	_ = removePartials(s, dir)

	var partials, finals []string
	undo := func(cause error) error {
		var left []string
		for _, p := range append(partials, finals...) {
			if p == "" {
				continue
			}
			if err := s.remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
				left = append(left, filepath.Base(p))
			}
		}
		if len(left) > 0 {
			return fmt.Errorf("%v; %w: part of it may still be on the stick: remove %s from it by hand",
				cause, ErrLeftBehind, strings.Join(left, ", "))
		}
		return cause
	}
	for _, f := range files {
		tmp, err := s.writeSynced(dir, partialPrefix, f.Data)
		if tmp != "" {
			partials = append(partials, tmp)
		}
		if err != nil {
			return nil, undo(fmt.Errorf("stick: writing %s: %w", f.Name, full(err)))
		}
	}
	for i, f := range files {
		final := filepath.Join(dir, f.Name)
		// Sticks are FAT or exFAT, which have no hard links: rename, having checked above that
		// the name is free.
		if err := s.rename(partials[i], final); err != nil {
			return nil, undo(fmt.Errorf("stick: naming %s: %w", f.Name, full(err)))
		}
		// Only a file renamed by this export is removed on failure: with replace, the old file
		// of that name is gone once the new one takes its place.
		partials[i] = ""
		finals = append(finals, final)
	}
	if err := s.syncDir(dir); err != nil {
		return nil, undo(fmt.Errorf("stick: writing to %s: %w", dir, full(err)))
	}
	return finals, nil
}

func full(err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return fmt.Errorf("%w (%v)", ErrFull, err)
	}
	return err
}

// device is the few operations an export makes on the stick's folder: the real one is osDevice;
// the tests put faults (a full stick, a failing rename) in its place.
type device interface {
	// writeSynced writes data to a new file in dir whose name starts with prefix, syncs and
	// closes it, and returns its path; on failure the path of what it made, if anything.
	writeSynced(dir, prefix string, data []byte) (string, error)
	rename(from, to string) error
	remove(path string) error
	exists(path string) bool
	// list returns the names in dir.
	list(dir string) ([]string, error)
	syncDir(dir string) error
}

type osDevice struct{}

func (osDevice) writeSynced(dir, prefix string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, prefix+"*")
	if err != nil {
		return "", err
	}
	return f.Name(), writeAndClose(f, data)
}

// writeAndClose writes, syncs and closes f: the bytes are on the stick, not in a cache that a
// pulled stick loses, before the file takes its name.
func writeAndClose(f interface {
	io.Writer
	Sync() error
	Close() error
}, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (osDevice) rename(from, to string) error { return os.Rename(from, to) }
func (osDevice) remove(path string) error     { return os.Remove(path) }
func (osDevice) exists(path string) bool      { _, err := os.Lstat(path); return err == nil }

func (osDevice) list(dir string) ([]string, error) {
	des, err := os.ReadDir(dir)
	var out []string
	for _, de := range des {
		if de.Type().IsRegular() {
			out = append(out, de.Name())
		}
	}
	return out, err
}

func (osDevice) syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	// Some file systems refuse to sync a folder (EINVAL): the files are synced already.
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}
