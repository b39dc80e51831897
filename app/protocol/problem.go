package protocol

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalid is what every *ValidationError matches with errors.Is: the pack file was read but
// is not a valid pack.
var ErrInvalid = errors.New("invalid question pack")

// Problem is one thing wrong with a pack file, located by file, line and field.
type Problem struct {
	File string
	Line int // 1-based
	// Field is the path of the field, e.g. "topics[3].scale.max" (list indexes count from 0);
	// empty for problems with the file as a whole, such as a YAML syntax error.
	Field   string
	Message string // what is wrong and what to do about it
}

// String formats the problem as FILE:LINE: FIELD: MESSAGE, the form editors and admins expect.
func (p Problem) String() string {
	if p.Field == "" {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Field, p.Message)
}

// ValidationError holds every problem found in one pack file, in file order.
type ValidationError struct {
	Problems []Problem
}

// Error prints one problem per line.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Is reports whether target is ErrInvalid.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }
