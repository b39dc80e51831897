package kiosk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"quietroom/app/protocol"
)

// maxPackFile is the largest file the import reads: the biggest built-in pack is under 20 KiB.
const maxPackFile = 1 << 20

// importDepth is how deep below an import folder files are looked for: /media/<user>/<stick>/
// and one folder on the stick.
const importDepth = 4

// PackFile is a question pack file found on a USB stick or in an import folder.
type PackFile struct {
	Path string // absolute path, as ImportPack takes it
	Name string // the file's name, with the folder it is in
}

// PackFiles lists the .yaml and .yml files under the import folders (Options.ImportDirs), by
// name. A folder that does not exist or cannot be read is skipped: no stick is plugged in.
func (k *Kiosk) PackFiles(a *Admin) ([]PackFile, error) {
	if err := a.check(); err != nil {
		return nil, err
	}
	var out []PackFile
	for _, root := range k.imports {
		_ = filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
			if err != nil {
				return fs.SkipDir // unreadable or gone: nothing to offer from here
			}
			if de.IsDir() {
				if rel, _ := filepath.Rel(root, p); strings.Count(rel, string(filepath.Separator)) >= importDepth ||
					(p != root && strings.HasPrefix(de.Name(), ".")) {
					return fs.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(p))
			if de.Type().IsRegular() && (ext == ".yaml" || ext == ".yml") && !strings.HasPrefix(de.Name(), ".") {
				out = append(out, PackFile{Path: p, Name: filepath.Join(filepath.Base(filepath.Dir(p)), de.Name())})
			}
			return nil
		})
	}
	slices.SortFunc(out, func(x, y PackFile) int { return strings.Compare(x.Name, y.Name) })
	return out, nil
}

// ErrPackTooBig: the file is larger than any question pack can reasonably be.
var ErrPackTooBig = errors.New("this file is too big to be a question pack (more than 1 MiB)")

// ImportPack validates the pack file at path in full and adds it to the library. Every problem
// comes back at once as a *protocol.ValidationError (FILE:LINE: FIELD: what to do); nothing is
// imported unless the whole file is valid. The audit log records the import (pack id only).
func (k *Kiosk) ImportPack(ctx context.Context, a *Admin, path string) (*protocol.Pack, error) {
	if err := a.check(); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("import pack: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPackFile+1))
	if err != nil {
		return nil, fmt.Errorf("import pack %s: %w", filepath.Base(path), err)
	}
	if len(data) > maxPackFile {
		return nil, ErrPackTooBig
	}
	p, err := k.d.Packs.Import(filepath.Base(path), data)
	if err != nil {
		return nil, err
	}
	if err := k.audit(ctx, "pack.import", "", len(p.Topics)); err != nil {
		return p, fmt.Errorf("pack imported, but the audit log could not be written: %w", err)
	}
	return p, nil
}
