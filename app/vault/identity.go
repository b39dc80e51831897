package vault

import (
	"filippo.io/age"
)

// AgeIdentity returns the unlocked interviewer as an age identity, for opening what other
// packages sealed to the interviewer's public key (a team board's key, app/board). The
// returned identity delegates to the interviewer: it stops working when the interviewer is
// locked, and it never hands out the private key itself.
func (in *Interviewer) AgeIdentity() age.Identity { return interviewerIdentity{in} }

type interviewerIdentity struct{ in *Interviewer }

func (i interviewerIdentity) Unwrap(stanzas []*age.Stanza) ([]byte, error) {
	id, err := i.in.current()
	if err != nil {
		return nil, err
	}
	return id.Unwrap(stanzas)
}
