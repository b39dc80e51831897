package yamlfile

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a file, located by file, line and field.
type Problem struct {
	File string
	Line int // 1-based
	// Field is the path of the field, e.g. "topics[3].scale.max" (list indexes count from 0);
	// empty for problems with the file as a whole, such as a YAML syntax error.
	Field   string
	Message string // what is wrong and what to do about it
}

// String formats the problem as FILE:LINE: FIELD: MESSAGE, the form editors and admins expect.
// A problem with no field is FILE:LINE: MESSAGE. Control and text-direction characters are
// written as escapes such as \x1b, so a problem is one line and cannot restyle a terminal.
func (p Problem) String() string {
	if p.Field == "" {
		return Escape(fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message), false)
	}
	return Escape(fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Field, p.Message), false)
}

// Error holds every problem found in one file, in line order.
type Error struct {
	Problems []Problem
	// Sentinel is what the error matches with errors.Is, such as protocol.ErrInvalid; each
	// kind of file has its own, so callers can tell a bad pack from a bad enrolment file.
	Sentinel error
}

// Error prints one problem per line.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Is reports whether target is the error's Sentinel.
func (e *Error) Is(target error) bool { return e.Sentinel != nil && target == e.Sentinel }
