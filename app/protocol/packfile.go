package protocol

import "errors"

// MaxPackFile is the largest file a pack import reads (app/stick's Read, with this limit): the
// biggest built-in pack is under 20 KiB.
const MaxPackFile = 1 << 20

// ErrPackTooBig: the file is larger than any question pack can reasonably be.
var ErrPackTooBig = errors.New("this file is too big to be a question pack (more than 1 MiB)")
