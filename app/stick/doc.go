// Package stick is the USB stick, the one way files come to a kiosk and leave it: where sticks
// are mounted (Mounted: only a folder on another device than its parent is one, so nothing is
// written to the kiosk's own card), the files on them to import (Find, FindNamed), reading one
// whole within a limit (Read), and writing an export whole or not at all (WriteFile,
// WriteFiles, ReplaceFile).
//
// An export is written under a hidden partial name, synced, and renamed only once every file
// of it is whole, so a stick that fills up (ErrFull) or is pulled out leaves no file that
// looks complete; a failure removes what the export wrote so far, and the error names what, if
// anything, could not be removed (ErrLeftBehind). Partial files a killed export left are
// removed at the start of the next export to the stick and by RemovePartials, which the kiosk
// calls whenever it lists its sticks. Encryption (a panel's password) is the caller's step
// before writing: nothing here writes a document before that.
//
// It uses the standard library only.
package stick
