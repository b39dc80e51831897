package protocol

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Errors of the pack library.
var (
	// ErrUnknownPack: no pack in the library has that id and version.
	ErrUnknownPack = errors.New("no such question pack")
	// ErrPackExists: a pack with that id and version is already in the library.
	ErrPackExists = errors.New("a pack with this id and version is already installed; raise its version to import a change")
)

// Library is the built-in packs plus the packs an admin imported, kept as validated YAML files in
// a folder (packs hold no personal data). A file is written whole or not at all: it goes to a
// temporary file, is synced, then renamed into place. It is safe for concurrent use.
type Library struct {
	dir string

	mu       sync.Mutex
	imported []*Pack
	problems []error // files in dir that no longer load, for the log
}

// OpenLibrary loads the imported packs in dir (created when missing). A file that fails to load
// is reported by Problems and left out; nothing half-loaded is used.
func OpenLibrary(dir string) (*Library, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("pack library: %w", err)
	}
	l := &Library{dir: dir}
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("pack library: %w", err)
	}
	slices.Sort(files)
	for _, f := range files {
		p, err := LoadFile(f)
		if err != nil {
			l.problems = append(l.problems, err)
			continue
		}
		l.imported = append(l.imported, p)
	}
	return l, nil
}

// Problems returns the errors of imported files that did not load.
func (l *Library) Problems() []error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.problems)
}

// List returns every pack, built-in first.
func (l *Library) List() []*Pack {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append(Builtin(), l.imported...)
}

// Pack returns the pack with that id and version, or an error matching ErrUnknownPack.
func (l *Library) Pack(id string, version int) (*Pack, error) {
	for _, p := range l.List() {
		if p.ID == id && p.Version == version {
			return p, nil
		}
	}
	if p, ok := PreviousBuiltin(id, version); ok {
		return p, nil
	}
	return nil, fmt.Errorf("pack %s v%d: %w", id, version, ErrUnknownPack)
}

var safeName = regexp.MustCompile(`[^a-z0-9-]+`)

// Import validates a pack file in full (a *ValidationError lists every problem) and adds it to
// the library; nothing is written unless the whole file is valid and its id and version are new
// (ErrPackExists).
func (l *Library) Import(name string, data []byte) (*Pack, error) {
	p, err := Load(name, data)
	if err != nil {
		return nil, err
	}
	if _, err := l.Pack(p.ID, p.Version); err == nil {
		return nil, ErrPackExists
	}
	base := safeName.ReplaceAllString(strings.ToLower(fmt.Sprintf("%s-v%d", p.ID, p.Version)), "-")
	path := filepath.Join(l.dir, base+".yaml")
	tmp, err := os.CreateTemp(l.dir, ".import-*")
	if err != nil {
		return nil, fmt.Errorf("import pack: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return nil, fmt.Errorf("import pack: %w", err)
	}
	l.mu.Lock()
	l.imported = append(l.imported, p)
	l.mu.Unlock()
	return p, nil
}
