package session

import "time"

// Interviewer is an interviewer as stored: who may sign in and start sessions. KeySlot is the
// vault's opaque wrapped key material, sealed under their PIN; the rest is the admin's.
type Interviewer struct {
	ID          string
	DisplayName string // name or initials, as the admin entered it
	KeySlot     []byte
	Disabled    bool // admin-set: may not sign in
	MustChange  bool // admin-set: must choose a new PIN at next sign-in
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Public returns the interviewer without their key slot: what lists and screens may hold.
func (iv Interviewer) Public() Interviewer {
	iv.KeySlot = nil
	return iv
}
