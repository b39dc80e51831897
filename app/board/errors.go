package board

import "errors"

// Sentinel errors callers branch on; test with errors.Is.
var (
	// ErrInvalid means an item, a theme or an insight breaks a rule (empty text, unknown tag,
	// too long, too many quotes).
	ErrInvalid = errors.New("board: invalid")
	// ErrCannotOpen means a sealed record or a sealed board key did not open: it was sealed to
	// another key, for another engagement or record, or tampered with.
	ErrCannotOpen = errors.New("board: cannot open")
	// ErrMalformed means a public part or a bundle is not in the format at all.
	ErrMalformed = errors.New("board: malformed")
	// ErrTampered means a bundle's authentication failed: it was changed on the way, or made
	// by someone who never had the board's public part.
	ErrTampered = errors.New("board: bundle tampered with or forged")
	// ErrOtherBoard means a bundle or a public part belongs to another engagement's board.
	ErrOtherBoard = errors.New("board: for another board")
	// ErrLocked means the board key was used after Lock.
	ErrLocked = errors.New("board: key locked")
)

// ErrDuplicateBundle means a bundle with that id was imported before; nothing was changed.
var ErrDuplicateBundle = errors.New("board: bundle already imported")
