// Package surveys holds the survey's use cases over app/survey, beside the core of
// app/kiosk, which it imports.
//
// The survey (survey.go; the domain is app/survey): CreateSurvey makes the survey's key
// pair and seals its private key to each review-team member, then forgets it;
// SubmitSurveyResponse seals one response to the public key under a random id from
// crypto/rand, with no time and no audit entry (its time would date the response), and
// cannot read it back; only a member's SignedIn opens the responses (Results), only
// from the day after the survey closes (two readings while it is open would differ by one
// person's answers), and only the aggregate leaves, on the screen or exported (ExportSurveyResults, audited with
// the engagement and a file count). No admin use case reads a response; the admin sees
// counts (AllSurveys). Survey engagements (SurveyKind) are never offered for interviews.
package surveys
