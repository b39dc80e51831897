package vault

import (
	"errors"
	"fmt"

	"quietroom/app/seal"
)

// A survey's responses are written by a kiosk nobody signed in to, and read only by its review
// team. A survey engagement's key is a group key (app/seal, purpose seal.PurposeSurveyKey)
// whose scope is the engagement: every response is sealed to its public key alone
// (seal.SealRecord, purpose seal.PurposeSurveyResponse, the response's id as the record id),
// and its private key is sealed to each review-team member's own public key (NewSurveyKey)
// and then forgotten. A member opens it with their unlocked key
// (Interviewer.OpenGroupKey), so reading results needs a member's PIN and the device secret.
// The admin credential derives nothing that opens a member's slot, so it opens no response.
// Deleting the sealed private keys crypto-erases every response.

// ErrNoMembers means a survey key was asked for without anyone to seal it to.
var ErrNoMembers = errors.New("vault: a survey key needs at least one review-team member")

// NewSurveyKey makes the group key of a survey engagement and returns its public key (age
// "age1...") and, for each member (interviewer id → their slot's public key), the private key
// sealed to that member. The private key is not kept.
func NewSurveyKey(engagementID string, members map[string]string) (string, map[string][]byte, error) {
	if len(members) == 0 {
		return "", nil, ErrNoMembers
	}
	g, err := seal.NewKey(seal.PurposeSurveyKey, engagementID)
	if err != nil {
		return "", nil, fmt.Errorf("new survey key: %w", err)
	}
	defer g.Destroy()
	pub, err := g.Recipient()
	if err != nil {
		return "", nil, fmt.Errorf("new survey key: %w", err)
	}
	sealed := make(map[string][]byte, len(members))
	for member, memberPub := range members {
		if sealed[member], err = g.SealFor(memberPub); err != nil {
			return "", nil, fmt.Errorf("new survey key: member %s: %w", member, err)
		}
	}
	return pub, sealed, nil
}
