package seal

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// The format of what is sealed (the age plaintext), version 2:
//
//	0x02 | label | scope | record id | body
//
// each of label, scope and record id a 4-byte big-endian length and its bytes, so adjacent
// fields can't be shifted into each other ("ab"+"c" is not "a"+"bc"). The label is the
// purpose's; the scope is the engagement (a session, for a session key); the record id is
// empty for keys. The body is a group's age private key, a session's data key or a record.
//
// Version 1 wrote no purpose label, in three shapes; see legacy.go for where each still opens.
const formatVersion = 2

func appendField(b []byte, field string) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(field)))
	return append(b, field...)
}

// cutField reads one length-prefixed field.
func cutField(b []byte) (field, rest []byte, ok bool) {
	if len(b) < 4 {
		return nil, nil, false
	}
	n := binary.BigEndian.Uint32(b)
	if uint64(n) > uint64(len(b)-4) {
		return nil, nil, false
	}
	return b[4 : 4+n], b[4+n:], true
}

func header(i purposeInfo, scope, recordID string) []byte {
	h := appendField([]byte{formatVersion}, i.label)
	h = appendField(h, scope)
	return appendField(h, recordID)
}

func checkIDs(scope, recordID string) error {
	if scope == "" || len(scope) > maxScopeOrRecord || len(recordID) > maxScopeOrRecord {
		return fmt.Errorf("%w: id length", ErrMalformed)
	}
	return nil
}

// errWrongPurpose matches both ErrCannotOpen and ErrWrongPurpose.
var errWrongPurpose = fmt.Errorf("%w: %w", ErrCannotOpen, ErrWrongPurpose)

// parse checks the header of an opened payload against what the caller expects and returns
// the body, which shares payload's memory.
func parse(p Purpose, i purposeInfo, scope, recordID string, payload []byte) ([]byte, error) {
	if len(payload) == 0 || payload[0] != formatVersion {
		if i.legacy == nil {
			return nil, ErrCannotOpen
		}
		return i.legacy(p, scope, recordID, payload)
	}
	label, rest, ok := cutField(payload[1:])
	if !ok {
		return nil, ErrCannotOpen
	}
	if string(label) != i.label {
		return nil, errWrongPurpose
	}
	s, rest, ok := cutField(rest)
	if !ok || string(s) != scope {
		return nil, ErrCannotOpen
	}
	r, rest, ok := cutField(rest)
	if !ok || string(r) != recordID {
		return nil, ErrCannotOpen
	}
	return rest, nil
}

// legacyFormat opens a version 1 payload for purpose p, or refuses it.
type legacyFormat func(p Purpose, scope, recordID string, payload []byte) ([]byte, error)

func hasPrefix(payload, want []byte) ([]byte, error) {
	if !bytes.HasPrefix(payload, want) {
		return nil, ErrCannotOpen
	}
	return payload[len(want):], nil
}
