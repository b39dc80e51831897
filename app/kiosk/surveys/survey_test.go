package surveys_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/demo"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/surveys"
	"quietroom/app/report/fynefont"
	"quietroom/app/survey"
)

var surveyTeams = []string{"Front door", "Children in care", "Fostering", "Leaving care"}

// newSurvey makes a survey engagement open from today for a week, the demo interviewer its
// review team, and returns it with a second interviewer who is not on the team.
func newSurvey(t *testing.T) (*kiosktest.Env, demo.Demo, survey.Record, string) {
	t.Helper()
	e, d := kiosktest.Seeded(t)
	a := admin(t, e, d)
	member := demoInterviewer(t, e)
	if _, err := e.Kiosk.AddInterviewer(ctx, a, "Not on the team", []byte("700700")); err != nil {
		t.Fatal(err)
	}
	now := e.Clock.Now()
	r, err := surveys.CreateSurvey(ctx, e.Kiosk, a, surveys.NewSurvey{Title: "Leadership culture survey", Teams: surveyTeams,
		Opens: now, Closes: now.AddDate(0, 0, 7), DeletionDate: now.AddDate(0, 2, 0), Members: []string{member.ID}})
	if err != nil {
		t.Fatal(err)
	}
	return e, d, r, member.ID
}

func answerAll(s *survey.Survey, team string, p int) survey.Response {
	a := map[string]int{}
	for _, it := range s.Items {
		a[it.ID] = p
	}
	return survey.Response{Team: team, Answers: a}
}

func TestSurveyJourney(t *testing.T) {
	e, d, rec, member := newSurvey(t)
	open, s, err := surveys.OpenSurvey(ctx, e.Kiosk)
	if err != nil || open.EngagementID != rec.EngagementID || len(s.Items) != 31 {
		t.Fatalf("OpenSurvey = %v, %v", open.EngagementID, err)
	}
	// 6 in Front door, 5 in Children in care, 1 in Fostering (alone below the minimum), none
	// in Leaving care.
	plan := []struct {
		team string
		n, p int
	}{{"Front door", 6, 1}, {"Children in care", 5, 4}, {"Fostering", 1, 5}}
	for _, pl := range plan {
		for range pl.n {
			if err := surveys.SubmitSurveyResponse(ctx, e.Kiosk, rec.EngagementID, answerAll(s, pl.team, pl.p)); err != nil {
				t.Fatal(err)
			}
		}
	}
	// An interviewee-side mistake: a team not in the list.
	if err := surveys.SubmitSurveyResponse(ctx, e.Kiosk, rec.EngagementID, survey.Response{Team: "Nobody"}); !errors.Is(err, survey.ErrResponse) {
		t.Errorf("response for an unknown team = %v, want ErrResponse", err)
	}

	in, err := e.Kiosk.SignIn(ctx, member, []byte(d.InterviewerPIN))
	if err != nil {
		t.Fatal(err)
	}
	// Not while it is open, nor on its closing day: a figure read now, compared with one read
	// after the next response, would show that person's answers.
	if _, err := surveys.Results(ctx, in, rec.EngagementID); !errors.Is(err, surveys.ErrSurveyStillOpen) {
		t.Fatalf("SurveyResults while open = %v, want ErrSurveyStillOpen", err)
	}
	e.Clock.Set(rec.Closes.Add(23 * time.Hour))
	if _, err := surveys.Results(ctx, in, rec.EngagementID); !errors.Is(err, surveys.ErrSurveyStillOpen) {
		t.Fatalf("SurveyResults on the closing day = %v, want ErrSurveyStillOpen", err)
	}
	e.Clock.Set(rec.Closes.AddDate(0, 0, 1))
	res, err := surveys.Results(ctx, in, rec.EngagementID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Unreadable != 0 || res.Overall.Responses != 11 {
		t.Errorf("results: %d unreadable, overall %d responses; want 0 and 11 (Fostering's one left out)", res.Unreadable, res.Overall.Responses)
	}
	var shown []string
	for _, g := range res.Groups {
		shown = append(shown, g.Name)
	}
	if strings.Join(shown, ",") != "Front door,Children in care" || strings.Join(res.Withheld, ",") != "Fostering,Leaving care" {
		t.Errorf("shown %v withheld %v", shown, res.Withheld)
	}
	// By subtraction: overall less the shown teams leaves nothing of Fostering (its 5s).
	if got := res.Overall.Items[0].Counts[4]; got != 0 {
		t.Errorf("overall count of the right-hand point = %d, want 0", got)
	}

	// The results go to the stick as a PDF and a CSV of figures; the withheld team is in
	// neither's figures.
	paths, err := surveys.ExportSurveyResults(ctx, in, res, e.ImportDir, fynefont.Fonts())
	if err != nil || len(paths) != 2 {
		t.Fatalf("ExportSurveyResults = %v, %v", paths, err)
	}
	pdf, _ := os.ReadFile(paths[0])
	csvData, _ := os.ReadFile(paths[1])
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !strings.HasSuffix(paths[0], ".pdf") || !strings.HasSuffix(paths[1], ".csv") {
		t.Errorf("exported %v", paths)
	}
	if bytes.Contains(csvData, []byte("Fostering")) || !bytes.Contains(csvData, []byte("Front door")) {
		t.Errorf("the CSV's groups are wrong:\n%s", csvData[:min(len(csvData), 400)])
	}
	if left, _ := filepath.Glob(filepath.Join(e.ImportDir, ".partial-*")); len(left) != 0 {
		t.Errorf("temporary files left on the stick: %v", left)
	}
	again, err := surveys.ExportSurveyResults(ctx, in, res, e.ImportDir, fynefont.Fonts())
	if err != nil || len(again) != 2 || again[0] == paths[0] || !strings.HasSuffix(again[0], "-2.pdf") {
		t.Errorf("a second export = %v, %v; want new names", again, err)
	}
	if sticks := e.Kiosk.Sticks(); len(sticks) != 1 || sticks[0] != e.ImportDir {
		t.Errorf("Sticks() = %v", sticks)
	}

	// Someone off the review team opens nothing.
	ivs, _ := e.Kiosk.Interviewers(ctx)
	for _, iv := range ivs {
		if iv.ID == member {
			continue
		}
		other, err := e.Kiosk.SignIn(ctx, iv.ID, []byte("700700"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := surveys.Results(ctx, other, rec.EngagementID); !errors.Is(err, kiosk.ErrNotOnReviewTeam) {
			t.Errorf("non-member's SurveyResults = %v, want ErrNotOnReviewTeam", err)
		}
		if l, _ := surveys.Surveys(ctx, other); len(l) != 0 {
			t.Errorf("non-member sees %d surveys", len(l))
		}
	}

	// The audit log has the creation and the reading, with ids and counts only; no entry for a
	// response, whose time would date it.
	a := admin(t, e, d)
	evs, err := e.Kiosk.Audit(ctx, a, 0)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, ev := range evs {
		if ev.EngagementID == rec.EngagementID {
			actions = append(actions, ev.Action)
			if ev.Action == "survey.results" && ev.Count != 0 {
				t.Errorf("audit entry %+v counts the responses", ev)
			}
		}
		for _, team := range surveyTeams {
			if strings.Contains(ev.Action+ev.Outcome, team) {
				t.Errorf("audit entry %+v names a team", ev)
			}
		}
	}
	if strings.Join(actions, ",") != "survey.export,survey.export,survey.results,survey.create" {
		t.Errorf("audit actions on the survey = %v", actions)
	}
	// The admin sees whether it is open, and no count: a count beside the results would give
	// the turnout of the team they leave out (Fostering's one), and one read while it is open
	// would date each response.
	all, err := surveys.AllSurveys(ctx, e.Kiosk, a)
	if err != nil || len(all) != 1 || all[0].State != surveys.SurveyClosed {
		t.Errorf("AllSurveys = %+v, %v; want the survey, closed", all, err)
	}
	// Sessions are never started in a survey's engagement.
	engs, _ := e.Kiosk.Engagements(ctx)
	for _, g := range engs {
		if g.ID == rec.EngagementID {
			t.Error("the survey's engagement is offered for interviews")
		}
	}
}

func TestSurveyOpenOnlyOnItsDays(t *testing.T) {
	e, _, rec, _ := newSurvey(t)
	e.Clock.Advance(8 * 24 * time.Hour)
	if _, _, err := surveys.OpenSurvey(ctx, e.Kiosk); !errors.Is(err, surveys.ErrNoSurveyOpen) {
		t.Errorf("OpenSurvey after the closing day = %v, want ErrNoSurveyOpen", err)
	}
	if err := surveys.SubmitSurveyResponse(ctx, e.Kiosk, rec.EngagementID, survey.Response{Team: "Front door"}); !errors.Is(err, surveys.ErrNoSurveyOpen) {
		t.Errorf("SubmitSurveyResponse after the closing day = %v, want ErrNoSurveyOpen", err)
	}
}

func TestCreateSurveyRules(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	a := admin(t, e, d)
	member := demoInterviewer(t, e)
	now := e.Clock.Now()
	ok := surveys.NewSurvey{Title: "S", Teams: []string{"A"}, Opens: now, Closes: now.AddDate(0, 0, 7), DeletionDate: now.AddDate(0, 1, 0), Members: []string{member.ID}}
	for _, tt := range []struct {
		name string
		edit func(*surveys.NewSurvey)
		want string
	}{
		{"min group 2", func(n *surveys.NewSurvey) { n.MinGroup = 2 }, "at least 3"},
		{"no review team", func(n *surveys.NewSurvey) { n.Members = nil }, "review team"},
		{"deletion passed", func(n *surveys.NewSurvey) {
			n.Opens, n.Closes, n.DeletionDate = now.AddDate(0, 0, -9), now.AddDate(0, 0, -8), now.AddDate(0, 0, -1)
		}, "future"},
		{"bad file", func(n *surveys.NewSurvey) { n.File = []byte("id: x\npoints: 2\n") }, "survey:2: points"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := ok
			tt.edit(&n)
			_, err := surveys.CreateSurvey(ctx, e.Kiosk, a, n)
			if !errors.Is(err, kiosk.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("CreateSurvey = %v, want ErrInvalid holding %q", err, tt.want)
			}
		})
	}
	if _, err := surveys.CreateSurvey(ctx, e.Kiosk, nil, ok); err == nil {
		t.Error("CreateSurvey without an admin succeeded")
	}
	r, err := surveys.CreateSurvey(ctx, e.Kiosk, a, ok)
	if err != nil || r.MinGroup != survey.DefaultMinGroup {
		t.Errorf("CreateSurvey = %+v, %v; want the default minimum group", r, err)
	}
}

// The demo device has an open survey to take and a closed one whose made-up results can be
// read at once, with a small team withheld.
func TestDemoSurveys(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	if err := demo.SeedSurvey(ctx, e.Kiosk, d.AdminCredential); err != nil {
		t.Fatal(err)
	}
	open, _, err := surveys.OpenSurvey(ctx, e.Kiosk)
	if err != nil || open.Title != demo.DemoSurveyTitle {
		t.Fatalf("OpenSurvey = %q, %v", open.Title, err)
	}
	in, err := e.Kiosk.SignIn(ctx, demoInterviewer(t, e).ID, []byte(d.InterviewerPIN))
	if err != nil {
		t.Fatal(err)
	}
	recs, _ := surveys.Surveys(ctx, in)
	for _, r := range recs {
		if r.Title != demo.DemoClosedSurveyTitle {
			continue
		}
		res, err := surveys.Results(ctx, in, r.EngagementID)
		if err != nil {
			t.Fatal(err)
		}
		if res.Overall.Responses != 16 || strings.Join(res.Withheld, ",") != "Fostering,Leaving care" {
			t.Errorf("demo results: %d responses, withheld %v", res.Overall.Responses, res.Withheld)
		}
		return
	}
	t.Fatal("no closed demo survey")
}
