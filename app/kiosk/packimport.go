package kiosk

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"quietroom/app/protocol"
	"quietroom/app/stick"
)

// PackFiles lists the question pack files on a plugged-in USB stick (under Options.ImportDirs),
// by name. No stick is no files.
func (k *Kiosk) PackFiles(a *Admin) ([]stick.Found, error) {
	if err := a.Check(); err != nil {
		return nil, err
	}
	return stick.FindNamed(k.imports, ".yaml", ".yml"), nil
}

// ImportPack validates the pack file at path in full and adds it to the library. Every problem
// comes back at once as a *protocol.ValidationError (FILE:LINE: FIELD: what to do); nothing is
// imported unless the whole file is valid (protocol.ErrPackTooBig, protocol.ErrPackExists).
//
// The library is files, not the database, so the import cannot share a transaction with its
// audit entry ("pack.import", the number of topics): the entry is written first, after the
// file is checked, and the file after it (see doc.go). Every error therefore means that
// nothing was imported; one that matches ErrNotAudited means the audit log could not be
// written.
func (k *Kiosk) ImportPack(ctx context.Context, a *Admin, path string) (*protocol.Pack, error) {
	if err := a.Check(); err != nil {
		return nil, err
	}
	data, err := readPackFile(path)
	if err != nil {
		return nil, err
	}
	name := filepath.Base(path)
	p, err := protocol.Load(name, data)
	if err != nil {
		return nil, err
	}
	if _, err := k.d.Packs.Pack(p.ID, p.Version); err == nil {
		return nil, protocol.ErrPackExists
	}
	err = k.Audited(ctx, k.adminEvent("pack.import", len(p.Topics)), func() error {
		p, err = k.d.Packs.Import(name, data)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// readPackFile reads a pack file from the stick for import, refusing one over
// protocol.MaxPackFile (protocol.ErrPackTooBig) without reading it whole.
func readPackFile(path string) ([]byte, error) {
	data, err := stick.Read(path, protocol.MaxPackFile)
	switch {
	case errors.Is(err, stick.ErrTooBig):
		return nil, protocol.ErrPackTooBig
	case err != nil:
		return nil, fmt.Errorf("import pack: %w", err)
	}
	return data, nil
}
