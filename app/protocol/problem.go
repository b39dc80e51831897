package protocol

import (
	"errors"

	"quietroom/app/yamlfile"
)

// ErrInvalid is what every *ValidationError matches with errors.Is: the pack file was read but
// is not a valid pack.
var ErrInvalid = errors.New("invalid question pack")

// Problem is one thing wrong with a pack file, located by file, line and field (e.g.
// "topics[3].scale.max", list indexes counting from 0; empty for problems with the file as a
// whole, such as a YAML syntax error). Its String method gives FILE:LINE: FIELD: MESSAGE.
type Problem = yamlfile.Problem

// ValidationError holds every problem found in one pack file, in line order; it matches
// ErrInvalid.
type ValidationError = yamlfile.Error
