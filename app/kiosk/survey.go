package kiosk

import (
	"context"
	"errors"

	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/survey"
)

// SurveyKind is the kind of the engagement a survey rides on. Interviewers never start a
// session in one; the admin sets its deletion date, holds and wipes it like any other.
const SurveyKind session.EngagementKind = "survey"

// ErrNotOnReviewTeam: the signed-in interviewer is not on the survey's review team.
var ErrNotOnReviewTeam = errors.New("you are not on this survey's review team: only its members read the results")

// Surveys are the survey engagements and their sealed responses.
type Surveys interface {
	// CreateSurvey stores the engagement e, the survey's rules r and its private key sealed to
	// each member (keys), and appends ev, in one transaction.
	CreateSurvey(ctx context.Context, e session.Engagement, r survey.Record, keys map[string][]byte, ev retention.AuditEvent) error
	// Surveys lists every survey engagement whose responses are still kept.
	Surveys(ctx context.Context) ([]survey.Record, error)
	// PutSurveyResponse stores one sealed response, and nothing else (no time, no audit).
	PutSurveyResponse(ctx context.Context, engagementID, responseID string, sealed []byte) error
	// SurveyResponses returns an engagement's sealed responses, by response id.
	SurveyResponses(ctx context.Context, engagementID string) (map[string][]byte, error)
	// SurveyKey returns the survey's private key as sealed to one member; session.ErrNotFound
	// for someone else.
	SurveyKey(ctx context.Context, engagementID, interviewerID string) ([]byte, error)
	// LetInSurveyMember stores the survey's key sealed to a review-team member waiting to be
	// let in again (an empty SurveyKey) and appends ev, in one transaction.
	LetInSurveyMember(ctx context.Context, engagementID, interviewerID string, sealed []byte, ev retention.AuditEvent) error
}
