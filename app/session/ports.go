package session

import "time"

// The engine's view of the outside world. Each interface is small and owned here; the vault, the
// store, the hardware adapters and the clock implement them, and each has an in-memory fake in
// this package's tests.

// Clock tells the time: the part of the module's one clock (app/clock) the engine needs.
// Production uses the wall clock through the retention package's trusted time floor; tests
// advance app/clock/clocktest's fake.
type Clock interface {
	Now() time.Time
}

// RoomState is what the occupancy light outside the door shows while the engine is in charge.
type RoomState int

const (
	RoomFree       RoomState = iota // no session, or the last one is sealed
	RoomOccupied                    // a session is live
	RoomEndingSoon                  // the last timer warning has passed
	RoomOvertime                    // the planned duration is over and the session is still live
)

func (s RoomState) String() string {
	switch s {
	case RoomFree:
		return "free"
	case RoomOccupied:
		return "occupied"
	case RoomEndingSoon:
		return "ending soon"
	case RoomOvertime:
		return "overtime"
	}
	return "unknown"
}

// Indicator shows the room state outside the door. Show must not block and must not fail the
// session: a hardware fault is the implementation's to report (to the log and the admin), never the
// interview's problem.
type Indicator interface {
	Show(RoomState)
}

// Keys creates the data key of a new session. The vault's unlocked interviewer implements it:
// the key is random, and what is returned as sealed can only be opened with the interviewer's
// private key (so the kiosk can write a session it cannot read back later without that
// interviewer's PIN). It is passed to each Start, so the engine holds it no longer than Start.
type Keys interface {
	NewSessionKey(interviewerID, sessionID string) (key SessionKey, sealed []byte, err error)
}

// SessionKey encrypts and decrypts one session's content with an AEAD. The session id and the
// record id are bound as associated data, so a ciphertext moved to another record or session
// fails to open. The key lives in memory only while the session or its write-up is open.
type SessionKey interface {
	// Seal encrypts plaintext for the record recordID of this session.
	Seal(recordID string, plaintext []byte) ([]byte, error)
	// Open decrypts what Seal returned for the same record; any other input is an error.
	Open(recordID string, ciphertext []byte) ([]byte, error)
	// Destroy zeroes the key. Seal and Open fail afterwards. Calling it twice is harmless.
	Destroy()
}
