package stick

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

// scanDepth is how deep below a folder files are looked for: /media/<user>/<stick>/ and one
// folder on the stick.
const scanDepth = 4

// ErrTooBig: the file is larger than what is asked for can be (Read's limit).
var ErrTooBig = errors.New("the file is too big")

// Found is a file found on a stick: its path, as Read takes it, and its name with the folder
// it is in, as a person is shown it.
type Found struct {
	Path string
	Name string
}

// Find lists the paths of the files under roots whose extension is one of exts (any case), in
// order, at most a few folders deep and skipping hidden files and folders: the scan of a USB
// stick for a file to import. A folder that does not exist or cannot be read is skipped: no
// stick is plugged in.
func Find(roots []string, exts ...string) []string {
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

// FindNamed is Find, each file with the name a person is shown, in the order of those names.
func FindNamed(roots []string, exts ...string) []Found {
	var out []Found
	for _, p := range Find(roots, exts...) {
		out = append(out, Found{Path: p, Name: filepath.Join(filepath.Base(filepath.Dir(p)), filepath.Base(p))})
	}
	slices.SortFunc(out, func(x, y Found) int { return strings.Compare(x.Name, y.Name) })
	return out
}

// Read reads a file from a stick whole, refusing one over limit bytes (an error wrapping
// ErrTooBig) without reading more than that.
func Read(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %w (more than %d bytes)", filepath.Base(path), ErrTooBig, limit)
	}
	return data, nil
}
