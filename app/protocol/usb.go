package protocol

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// MaxPackFile is the largest file ReadPackFile reads: the biggest built-in pack is under 20 KiB.
const MaxPackFile = 1 << 20

// scanDepth is how deep below an import folder files are looked for: /media/<user>/<stick>/
// and one folder on the stick.
const scanDepth = 4

// ErrPackTooBig: the file is larger than any question pack can reasonably be.
var ErrPackTooBig = errors.New("this file is too big to be a question pack (more than 1 MiB)")

// PackFile is a question pack file found on a USB stick or in an import folder.
type PackFile struct {
	Path string // absolute path, as ReadPackFile takes it
	Name string // the file's name, with the folder it is in
}

// FindPackFiles lists the .yaml and .yml files under roots (the folders USB sticks are mounted
// under), by name (FindFiles).
func FindPackFiles(roots []string) []PackFile {
	var out []PackFile
	for _, p := range FindFiles(roots, ".yaml", ".yml") {
		out = append(out, PackFile{Path: p, Name: filepath.Join(filepath.Base(filepath.Dir(p)), filepath.Base(p))})
	}
	slices.SortFunc(out, func(x, y PackFile) int { return strings.Compare(x.Name, y.Name) })
	return out
}

// FindFiles lists the paths of the files under roots whose extension is one of exts (any
// case), in order, at most a few folders deep and skipping hidden files and folders: the scan
// of a USB stick for a file to import. A folder that does not exist or cannot be read is
// skipped: no stick is plugged in.
func FindFiles(roots []string, exts ...string) []string {
	var out []string
	for _, root := range roots {
		_ = filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
			if err != nil {
				return fs.SkipDir // unreadable or gone: nothing to offer from here
			}
			if de.IsDir() {
				if rel, _ := filepath.Rel(root, p); strings.Count(rel, string(filepath.Separator)) >= scanDepth ||
					(p != root && strings.HasPrefix(de.Name(), ".")) {
					return fs.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(p))
			if de.Type().IsRegular() && slices.Contains(exts, ext) && !strings.HasPrefix(de.Name(), ".") {
				out = append(out, p)
			}
			return nil
		})
	}
	slices.Sort(out)
	return out
}

// ReadPackFile reads a pack file for import, refusing one over MaxPackFile (ErrPackTooBig)
// without reading it whole.
func ReadPackFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("import pack: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxPackFile+1))
	if err != nil {
		return nil, fmt.Errorf("import pack %s: %w", filepath.Base(path), err)
	}
	if len(data) > MaxPackFile {
		return nil, ErrPackTooBig
	}
	return data, nil
}
