package enrol

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalid is what every *ValidationError matches with errors.Is: the file was read but is
// not valid.
var ErrInvalid = errors.New("invalid device settings file")

// Problem is one thing wrong with an enrolment or device file, located by file, line and field.
type Problem struct {
	File string
	Line int // 1-based
	// Field is the path of the field, e.g. "hw.indicator_lines[1]"; empty for problems with
	// the file as a whole, such as a YAML syntax error.
	Field   string
	Message string // what is wrong and what to do about it
}

// String formats the problem as FILE:LINE: FIELD: MESSAGE.
func (p Problem) String() string {
	if p.Field == "" {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Field, p.Message)
}

// ValidationError holds every problem found in one file, in line order.
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
