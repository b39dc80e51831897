package seal

import "bytes"

// Version 1: what kiosks sealed before purposes were labelled. It still opens, only for the
// purposes that wrote it, so engagements and sessions begun before keep working until their
// deletion date; nothing new is sealed in it. The caller's purpose comes from what the store
// says the engagement is (a board, a panel, a survey) or from the session table, not from the
// sealed bytes.
//
// What version 1 does not give, and version 2 does: the three group keys and the session key
// were sealed in one shape (a key for one of them opens as the key for another with the same
// scope, if it parses), and so were panel records and survey responses. Their scopes are
// random engagement or session ids of different kinds, which is what kept them apart.

// legacyKey: 0x01 | scope | secret. Group keys (vault and board) and session data keys.
func legacyKey(_ Purpose, scope, _ string, payload []byte) ([]byte, error) {
	return hasPrefix(payload, appendField([]byte{1}, scope))
}

// legacyBoardKinds are version 1's board record kinds: labels, though not under that name.
var legacyBoardKinds = map[Purpose]string{
	PurposeBoardItem:      "item",
	PurposeBoardInterview: "interview",
	PurposeBoardWork:      "work",
}

// legacyBoardRecord: 0x01 | kind | scope | record id | body.
func legacyBoardRecord(p Purpose, scope, recordID string, payload []byte) ([]byte, error) {
	if len(payload) > 0 && payload[0] == 1 {
		if kind, _, ok := cutField(payload[1:]); ok && string(kind) != legacyBoardKinds[p] {
			for _, k := range legacyBoardKinds {
				if string(kind) == k {
					return nil, errWrongPurpose
				}
			}
		}
	}
	want := appendField([]byte{1}, legacyBoardKinds[p])
	want = appendField(want, scope)
	return hasPrefix(payload, appendField(want, recordID))
}

// legacyGroupRecord: "quietroom/vault group record" 0x01 | scope | record id | body. Panel
// records and survey responses.
func legacyGroupRecord(_ Purpose, scope, recordID string, payload []byte) ([]byte, error) {
	want := appendField(append([]byte("quietroom/vault group record"), 1), scope)
	return hasPrefix(payload, appendField(want, recordID))
}

// legacyBundle: the bundle's JSON body as it is; the body names its engagement and board
// itself, and the bundle's MAC covers the ciphertext.
func legacyBundle(_ Purpose, _, _ string, payload []byte) ([]byte, error) {
	if !bytes.HasPrefix(payload, []byte("{")) {
		return nil, ErrCannotOpen
	}
	return payload, nil
}
