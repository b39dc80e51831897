package vault

import (
	"fmt"

	"quietroom/app/seal"
)

// Content several people share (a recruitment panel's record, a survey's responses, a team's
// board) has a group key of its own (app/seal: seal.NewKey, Key.SealFor, seal.SealRecord),
// made for one purpose, whose private key is sealed to each member's public key. The vault's
// part is the member's side: their slot's public key to seal it to (PublicKeyOf), and opening
// it with their unlocked key (Interviewer.OpenGroupKey), so reading needs a member's PIN and
// the device secret, and the admin credential, which derives nothing that opens a slot,
// opens no group's key.

// OpenGroupKey opens a group key sealed to this interviewer (seal's Key.SealFor) for the
// purpose and engagement the caller knows it by. A key sealed to someone else, for another
// engagement or tampered with gives ErrCannotOpen; one sealed for another purpose (a board's
// key asked for as a panel's) gives an error matching ErrCannotOpen and seal.ErrWrongPurpose;
// a locked interviewer gives ErrKeyDestroyed.
func (in *Interviewer) OpenGroupKey(p seal.Purpose, engagementID string, sealed []byte) (*seal.Key, error) {
	if _, err := in.current(); err != nil {
		return nil, fmt.Errorf("open %s: %w", p, err)
	}
	k, err := seal.OpenKey(p, engagementID, in.AgeIdentity(), sealed)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCannotOpen, err)
	}
	return k, nil
}

// PublicKeyOf returns an interviewer slot's public key, to seal a group key for them.
func PublicKeyOf(slot []byte) (string, error) {
	s, err := ParseSlot(slot)
	if err != nil {
		return "", err
	}
	return s.PublicKey, nil
}
