package seal

import (
	"crypto/sha256"
	"encoding/hex"
)

// InterviewPseudonym is the board record id of one interview session's record: the same for
// the same board (its public key) and session, so an interview contributed twice is counted
// once, and different on every board, so ids on two boards can't be matched. It names neither
// the session nor the interviewer: it is a truncated SHA-256 under its own label, and a
// session id is a random id nobody outside the kiosk holds. Records already on boards carry
// it, so its label and encoding never change.
func InterviewPseudonym(boardRecipient, sessionID string) string {
	h := sha256.Sum256([]byte("quietroom board interview\x00" + boardRecipient + "\x00" + sessionID))
	return hex.EncodeToString(h[:16])
}
