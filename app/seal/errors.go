package seal

import "errors"

// Sentinel errors callers branch on; test with errors.Is.
var (
	// ErrCannotOpen means sealed bytes did not open: sealed to someone else, for another
	// engagement, session or record, cut, changed, or not sealed at all. An error for sealed
	// bytes made for another purpose matches it too.
	ErrCannotOpen = errors.New("seal: cannot open")

	// ErrWrongPurpose means something was sealed, or asked for, for another purpose than the
	// one it is used for: a board's key opened as a panel's, a survey response opened as a
	// panel's record, a record purpose given where a key purpose belongs. Opening bytes sealed
	// for another purpose gives an error matching both ErrWrongPurpose and ErrCannotOpen.
	ErrWrongPurpose = errors.New("seal: sealed for another purpose")

	// ErrMalformed means an argument is not what it must be: a public key that is not an age
	// X25519 recipient, an empty or overlong engagement, session or record id.
	ErrMalformed = errors.New("seal: malformed")

	// ErrTooLarge means what was to be sealed is larger than its purpose allows, so it could
	// not be opened again.
	ErrTooLarge = errors.New("seal: too large for its purpose")

	// ErrDestroyed means a Key was used after Destroy.
	ErrDestroyed = errors.New("seal: key destroyed")
)
