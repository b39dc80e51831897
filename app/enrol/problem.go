package enrol

import (
	"errors"

	"quietroom/app/yamlfile"
)

// ErrInvalid is what every *ValidationError matches with errors.Is: the file was read but is
// not valid.
var ErrInvalid = errors.New("invalid device settings file")

// Problem is one thing wrong with an enrolment or device file, located by file, line and field
// (e.g. "hw.indicator_lines[1]"; empty for problems with the file as a whole, such as a YAML
// syntax error). Its String method gives FILE:LINE: FIELD: MESSAGE.
type Problem = yamlfile.Problem

// ValidationError holds every problem found in one file, in line order; it matches ErrInvalid.
type ValidationError = yamlfile.Error
