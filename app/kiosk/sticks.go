package kiosk

import (
	"errors"
	"os"

	"quietroom/app/stick"
)

// ErrNoStick: no USB stick is plugged in (or it was removed): nothing to write to or read from.
var ErrNoStick = errors.New("no USB stick found: plug one in and try again")

// Sticks lists the folders a file may be written to for taking away (a survey's results, a
// board's public part or bundle, a presentation, a panel's record): the USB sticks mounted at
// most two folders below the import folders (/media/<user>/<stick>, /run/media/..., /mnt/<stick>),
// each a folder on another device than the one it sits in, so that nothing is ever written to
// the kiosk's own card when no stick is plugged in. Folders given in Options.ExportDirs, or
// else import folders given in Options.ImportDirs (tests, a development run), are taken as
// sticks themselves when they exist.
//
// Listing a stick also removes from it the hidden partial files an export killed part-way
// left there (stick.RemovePartials): such a file holds a whole document, a panel's record or
// a survey's results, under a name nobody looks at.
func (k *Kiosk) Sticks() []string {
	out := k.sticks()
	for _, d := range out {
		_ = stick.RemovePartials(d)
	}
	return out
}

func (k *Kiosk) sticks() []string {
	given := k.exports
	if given == nil && k.explicitImports {
		given = k.imports
	}
	var out []string
	if given != nil {
		for _, d := range given {
			if fi, err := os.Stat(d); err == nil && fi.IsDir() {
				out = append(out, d)
			}
		}
		return out
	}
	for _, root := range k.imports {
		out = append(out, stick.Mounted(root, 2)...)
	}
	return out
}
