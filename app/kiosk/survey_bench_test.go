package kiosk_test

import (
	"fmt"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/surveys"
	"quietroom/app/survey"
)

// benchTeams are a host authority's eight teams.
var benchTeams = []string{"Front door", "Children in care", "Fostering", "Leaving care",
	"Adoption", "Disabled children", "Early help", "Youth justice"}

// surveyRoom is a room with the built-in survey open for a week from benchStart over the eight
// teams, n responses taken (spread over the teams, every item answered), and a review-team
// member.
type surveyRoom struct {
	r      *benchRoom
	rec    survey.Record
	sv     *survey.Survey
	member string
}

func newSurveyRoom(b *testing.B, n int) *surveyRoom {
	b.Helper()
	r := newBenchRoom(b, "Room 1", clocktest.New(benchStart), kiosktest.Params, "")
	sr := &surveyRoom{r: r, member: r.enrol(b, "Alice Interviewer")}
	now := r.clock.Now()
	var err error
	sr.rec, err = surveys.CreateSurvey(ctx, r.k, r.admin, surveys.NewSurvey{Title: "Leadership culture survey", Teams: benchTeams,
		Opens: now, Closes: now.AddDate(0, 0, 7), DeletionDate: now.AddDate(0, 2, 0), Members: []string{sr.member}})
	if err != nil {
		b.Fatal(err)
	}
	if _, sr.sv, err = surveys.OpenSurvey(ctx, r.k); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		if err := surveys.SubmitSurveyResponse(ctx, r.k, sr.rec.EngagementID, sr.response(i)); err != nil {
			b.Fatal(err)
		}
	}
	return sr
}

// response is the i-th person's answers: their team in turn, every item answered.
func (sr *surveyRoom) response(i int) survey.Response {
	a := map[string]int{}
	for j, it := range sr.sv.Items {
		a[it.ID] = 1 + (i+j)%sr.sv.Points
	}
	return survey.Response{Team: benchTeams[i%len(benchTeams)], Answers: a}
}

// BenchmarkSurveyResults opens a closed survey's results as a review-team member's tap on it
// does (SurveyResults: the survey's key opened with the member's, every response opened and
// decoded, the figures aggregated with small teams merged or withheld, the audit entry
// written). Realistic: 1,000 responses over eight teams.
func BenchmarkSurveyResults(b *testing.B) {
	scaled(b, "open a survey's results", 1000, tapGoal, func(b *testing.B, n int) {
		sr := newSurveyRoom(b, n)
		sr.r.clock.Set(sr.rec.Closes.Add(25 * time.Hour))
		s := sr.r.signIn(b, sr.member)
		for b.Loop() {
			res, err := surveys.Results(ctx, s, sr.rec.EngagementID)
			if err != nil || res.Overall.Responses != n {
				b.Fatalf("SurveyResults = %v; want %d responses", err, n)
			}
		}
	})
}

// BenchmarkSurveySubmit submits one person's answers to an open survey holding n responses
// (SubmitSurveyResponse: checked, sealed to the survey's key, stored under a random id). The
// responses submitted while it runs are kept, so the survey grows a little as it goes.
// Realistic: the thousandth response.
func BenchmarkSurveySubmit(b *testing.B) {
	scaled(b, "submit a survey response", 1000, tapGoal, func(b *testing.B, n int) {
		sr := newSurveyRoom(b, n)
		i := n
		for b.Loop() {
			if err := surveys.SubmitSurveyResponse(ctx, sr.r.k, sr.rec.EngagementID, sr.response(i)); err != nil {
				b.Fatal(fmt.Errorf("response %d: %w", i, err))
			}
			i++
		}
	})
}
