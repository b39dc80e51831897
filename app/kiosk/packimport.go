package kiosk

import (
	"context"
	"fmt"
	"path/filepath"

	"quietroom/app/protocol"
)

// PackFiles lists the question pack files on a plugged-in USB stick (under Options.ImportDirs),
// by name. No stick is no files.
func (k *Kiosk) PackFiles(a *Admin) ([]protocol.PackFile, error) {
	if err := a.check(); err != nil {
		return nil, err
	}
	return protocol.FindPackFiles(k.imports), nil
}

// ImportPack validates the pack file at path in full and adds it to the library. Every problem
// comes back at once as a *protocol.ValidationError (FILE:LINE: FIELD: what to do); nothing is
// imported unless the whole file is valid (protocol.ErrPackTooBig, protocol.ErrPackExists). The
// audit log records the import (pack id only).
func (k *Kiosk) ImportPack(ctx context.Context, a *Admin, path string) (*protocol.Pack, error) {
	if err := a.check(); err != nil {
		return nil, err
	}
	data, err := protocol.ReadPackFile(path)
	if err != nil {
		return nil, err
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
