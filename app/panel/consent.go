package panel

import (
	"errors"
	"fmt"
	"maps"
	"strings"
	"time"

	"quietroom/app/protocol"
)

// Errors of a candidate's consent. A consent choice missing, or for a point the pack does not
// have, is protocol.ErrInvalidConsent, as for every interview.
var (
	// ErrConsentRefused: the candidate did not agree to a required consent point.
	ErrConsentRefused = errors.New("the interview needs the candidate's agreement to the points that are not optional: if they do not agree, the interview does not go ahead")
	// ErrConsentText: the consent was given against another text than the one this kiosk shows.
	ErrConsentText = errors.New("the consent text has changed since it was shown: show the candidate the information and consent again")
	// ErrNoConsent: the candidate's interview starts only after their consent is recorded.
	ErrNoConsent = errors.New("the candidate has not given their consent yet: show them the information and consent first")
)

// Consent is a candidate's consent as given on the kiosk before their interview: a choice for
// every consent point of the pack shown, and that pack's content hash (the exact text).
type Consent struct {
	Candidate string
	Choices   map[string]bool
	TextHash  string
	At        time.Time
}

// RecordConsent records a candidate's consent against pack, the pack whose consent points the
// kiosk shows candidates. It keeps the one consent rule (protocol's CheckConsent: a choice for
// every point and none for a point the pack lacks, protocol.ErrInvalidConsent otherwise), and a
// candidate's only: every required point agreed (ErrConsentRefused otherwise) and the text
// shown is the pack's (ErrConsentText otherwise). A consent recorded again replaces the
// earlier one.
func (r *Recruitment) RecordConsent(pack *protocol.Pack, c Consent) error {
	i, ok := r.candidate(c.Candidate)
	if !ok {
		return invalid("candidate number", "add the candidate to the recruitment first")
	}
	if pack == nil {
		return invalid("consent", "the kiosk has no candidate consent to show: ask an admin to install the recruitment pack")
	}
	if c.TextHash != pack.Hash {
		return ErrConsentText
	}
	agreed, err := pack.CheckConsent(c.Choices)
	if err != nil {
		return fmt.Errorf("candidate %s: %w", r.Candidates[i].Number, err)
	}
	if !agreed {
		return ErrConsentRefused
	}
	c.Candidate = r.Candidates[i].Number
	c.Choices = maps.Clone(c.Choices)
	for j, x := range r.Consents {
		if x.Candidate == c.Candidate {
			r.Consents[j] = c
			return nil
		}
	}
	r.Consents = append(r.Consents, c)
	return nil
}

// Consented reports whether the candidate's consent is recorded.
func (r *Recruitment) Consented(number string) bool {
	for _, c := range r.Consents {
		if strings.EqualFold(c.Candidate, strings.TrimSpace(number)) {
			return true
		}
	}
	return false
}
