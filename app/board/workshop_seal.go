package board

import (
	"fmt"

	"quietroom/app/seal"
)

// workshopRecord is the record id the workshop is sealed under: the board's day-2 work is
// sealed under "work" for the same purpose, and app/seal binds the record id, so the one does
// not open as the other.
const workshopRecord = "workshop"

// SealWorkshop seals the afternoon's workshop (app/workshop's document, as the kiosk encodes
// it) to the board, as its day-2 work is sealed: none of it is interview content and it names
// nobody, but a copied data folder does not read it without a member's key.
func (k *Key) SealWorkshop(body []byte) ([]byte, error) {
	wr, err := k.Writer()
	if err != nil {
		return nil, err
	}
	return wr.seal(seal.PurposeBoardWork, workshopRecord, append([]byte(nil), body...))
}

// OpenWorkshop opens the sealed workshop; it does not open the board's work, nor another
// board's workshop (ErrCannotOpen).
func (k *Key) OpenWorkshop(sealed []byte) ([]byte, error) {
	b, err := k.open(seal.PurposeBoardWork, workshopRecord, sealed)
	if err != nil {
		return nil, fmt.Errorf("open workshop: %w", err)
	}
	return b, nil
}
