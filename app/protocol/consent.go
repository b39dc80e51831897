package protocol

import (
	"errors"
	"fmt"
	"slices"
)

// ErrInvalidConsent: a consent point of the pack has no choice, or a choice names no consent
// point of the pack. The wrapping says which.
var ErrInvalidConsent = errors.New("consent choices are not valid")

// CheckConsent is the one consent rule every interview keeps, a session's and a panel
// candidate's alike: every consent point of the pack has an explicit choice, and every choice is
// for a consent point of the pack (an error wrapping ErrInvalidConsent otherwise, naming the
// point). Agreed reports whether every required point was agreed to; a refusal is a valid
// answer, which the caller acts on (a session is declined, a panel interview does not start).
// Nothing is pre-selected: a missing choice is never read as a yes or a no.
func (p *Pack) CheckConsent(choices map[string]bool) (agreed bool, err error) {
	agreed = true
	for _, c := range p.Consent {
		yes, ok := choices[c.ID]
		if !ok {
			return false, fmt.Errorf("%w: point %q has no choice; ask the interviewee to choose", ErrInvalidConsent, c.ID)
		}
		if c.Required && !yes {
			agreed = false
		}
	}
	for id := range choices {
		if !slices.ContainsFunc(p.Consent, func(c ConsentPoint) bool { return c.ID == id }) {
			return false, fmt.Errorf("%w: %q is not a consent point of this pack", ErrInvalidConsent, id)
		}
	}
	return agreed, nil
}
