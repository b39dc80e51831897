package kiosk

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"quietroom/app/protocol"
	"quietroom/app/session"
)

// PackLibrary is the built-in packs plus the packs an admin imported, kept as validated YAML
// files in a folder (packs hold no personal data). It implements Packs.
type PackLibrary struct {
	dir string

	mu       sync.Mutex
	imported []*protocol.Pack
	problems []error // files in dir that no longer load, for the packs screen
}

var _ Packs = (*PackLibrary)(nil)

// OpenPackLibrary loads the imported packs in dir (created when missing). A file that fails to
// load is reported by Problems and left out; nothing half-loaded is used.
func OpenPackLibrary(dir string) (*PackLibrary, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("pack library: %w", err)
	}
	l := &PackLibrary{dir: dir}
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("pack library: %w", err)
	}
	slices.Sort(files)
	for _, f := range files {
		p, err := protocol.LoadFile(f)
		if err != nil {
			l.problems = append(l.problems, err)
			continue
		}
		l.imported = append(l.imported, p)
	}
	return l, nil
}

// Problems returns the errors of imported files that did not load.
func (l *PackLibrary) Problems() []error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.problems)
}

// List implements Packs.
func (l *PackLibrary) List() []*protocol.Pack {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append(protocol.Builtin(), l.imported...)
}

// Pack implements session.Packs.
func (l *PackLibrary) Pack(id string, version int) (*protocol.Pack, error) {
	for _, p := range l.List() {
		if p.ID == id && p.Version == version {
			return p, nil
		}
	}
	return nil, fmt.Errorf("pack %s v%d: %w", id, version, session.ErrNotFound)
}

var safeName = regexp.MustCompile(`[^a-z0-9-]+`)

// ErrPackExists: a pack with that id and version is already in the library.
var ErrPackExists = errors.New("a pack with this id and version is already installed; raise its version to import a change")

// Import implements Packs: the file is validated in full before anything is written.
func (l *PackLibrary) Import(name string, data []byte) (*protocol.Pack, error) {
	p, err := protocol.Load(name, data)
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
