package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// ErrStickFull is returned by WriteFile when the stick has no room for the file.
var ErrStickFull = errors.New("report: the stick is full")

// WriteFile writes data as dir/name: first under a hidden temporary name, synced, then
// renamed, so the name only ever holds a whole file. A file already called name is never
// replaced: it returns an error wrapping fs.ErrExist. On any failure the temporary file is
// removed (as far as the stick still allows) and nothing called name is left.
func WriteFile(dir, name string, data []byte) (string, error) { return write(dir, name, data, false) }

// ReplaceFile is WriteFile for a file that may replace one of the same name (a newer copy of
// the same thing): the old file stays whole until the new one is, then the new one takes its
// name.
func ReplaceFile(dir, name string, data []byte) (string, error) { return write(dir, name, data, true) }

func write(dir, name string, data []byte, replace bool) (string, error) {
	final := filepath.Join(dir, name)
	if _, err := os.Lstat(final); err == nil && !replace {
		return "", fmt.Errorf("report: %s is already on the stick: %w", name, os.ErrExist)
	}
	f, err := os.CreateTemp(dir, ".partial-*")
	if err != nil {
		return "", fmt.Errorf("report: writing to %s: %w", dir, full(err))
	}
	tmp := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(tmp)
		return "", fmt.Errorf("report: writing %s: %w", name, full(err))
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("report: writing %s: %w", name, full(err))
	}
	// Sticks are FAT or exFAT, which have no hard links: rename, having checked above that
	// the name is free.
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("report: naming %s: %w", name, full(err))
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return final, nil
}

func full(err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return fmt.Errorf("%w (%v)", ErrStickFull, err)
	}
	return err
}
