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

// ErrNotAQuote means an item that is not a key quote (a note, or the team's own post-it) was
// to be pinned to an insight as a quote; nothing was changed.
var ErrNotAQuote = errors.New("only a key quote from an interview can be pinned as a quote: notes and the team's own post-its can go in a theme, but are never shown as someone's words")

// ErrRefusedBundle means a team member refused a bundle with that id before; nothing was
// changed.
var ErrRefusedBundle = errors.New("board: bundle refused before")

// ErrDuplicateBundle means a bundle with that id was imported before; nothing was changed.
var ErrDuplicateBundle = errors.New("board: bundle already imported")

// ErrOldFormat means a board's file or a bundle was written by a Quiet Room from before board
// files were signed: the board's kiosk saves its file again, the room links it again
// (comparing the code) and exports its contributions again.
var ErrOldFormat = errors.New("board: file from an older Quiet Room")

// ErrRoomKeyChanged means a bundle names a room whose bundles came signed by another key
// before: it was not made by that room's kiosk.
var ErrRoomKeyChanged = errors.New("board: bundle signed by another key than the room's before")

// ErrContent means something inside a bundle breaks a rule (a text's characters or length, a
// count); the error is a *ContentError saying what and where. Nothing of the bundle was taken.
var ErrContent = errors.New("board: bundle content refused")

// ContentError says what inside a bundle broke a rule and where, without its content.
type ContentError struct {
	// Where names the place: "the room's name", "item 3 of 40", "interview 2 of 5".
	Where string
	// Problem says what is wrong, as app/yamlfile words it ("is 60000 characters long, ...").
	Problem string
}

func (e *ContentError) Error() string { return "bundle: " + e.Where + ": " + e.Problem }

// Is makes a ContentError match ErrContent.
func (e *ContentError) Is(target error) bool { return target == ErrContent }
