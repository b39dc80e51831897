package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk/demo"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/surveys"
	"quietroom/hw"
)

var uiSurveyTeams = []string{"Front door", "Children in care", "Fostering"}

// addSurvey opens a survey today on env's kiosk, its review team the demo interviewer.
func addSurvey(t *testing.T, env *kiosktest.Env, d demo.Demo) {
	t.Helper()
	ctx := context.Background()
	a, err := env.Kiosk.SignInAdmin(ctx, []byte(d.AdminCredential))
	if err != nil {
		t.Fatal(err)
	}
	ivs, err := env.Kiosk.Interviewers(ctx)
	if err != nil || len(ivs) == 0 {
		t.Fatal(err)
	}
	now := env.Clock.Now()
	if _, err := surveys.CreateSurvey(ctx, env.Kiosk, a, surveys.NewSurvey{Title: "Leadership culture survey", Teams: uiSurveyTeams,
		Opens: now, Closes: now.AddDate(0, 0, 7), DeletionDate: now.AddDate(0, 2, 0), Members: []string{ivs[0].ID}}); err != nil {
		t.Fatal(err)
	}
}

func newSurveyHarness(t *testing.T) *harness {
	t.Helper()
	test.NewTempApp(t)
	env, d := kiosktest.Seeded(t)
	addSurvey(t, env, d)
	h := startOn(t, env, Options{IdleTimeout: time.Minute})
	h.d = d
	return h
}

// selected is the text of the point chosen on an item's screen, "" for none.
func (h *harness) selected() string {
	for _, b := range h.buttons() {
		if b.Importance == widget.HighImportance && b.Text != "Next" && b.Text != "Finish" {
			return b.Text
		}
	}
	return ""
}

// takeSurvey answers every item with point (a label such as "Left"), in team.
func (h *harness) takeSurvey(team, point string) {
	h.t.Helper()
	h.wantScreen("home")
	h.tap("Take the survey")
	h.wantScreen("survey-team")
	h.tapPaged(team)
	h.wantScreen("survey-about")
	h.tap("Next")
	h.tap("Start the questions")
	for h.u.Screen() == "survey-item" {
		if got := h.selected(); got != "" {
			h.t.Fatalf("an item shows %q chosen before anyone answered it", got)
		}
		h.tap(point)
		if got := h.selected(); got != point {
			h.t.Fatalf("after tapping %q the item shows %q chosen", point, got)
		}
		if contains(h.buttonTexts(), "Finish") {
			h.tap("Finish")
		} else {
			h.tap("Next")
		}
	}
	h.wantScreen("survey-submit")
	h.tap("Submit my answers")
	h.wantScreen("survey-thanks")
}

func TestSurveyOnScreenJourney(t *testing.T) {
	h := newSurveyHarness(t)
	// Two of each team lean less than the others: a team whose every answer, or every answer
	// but one, is the same point is not shown (survey.Disclosive).
	for i := range 5 {
		point := "Left"
		if i >= 3 {
			point = "Slightly left"
		}
		h.takeSurvey("Front door", point)
		// The thank-you says nothing of the answers and offers no way back to them.
		for _, team := range uiSurveyTeams {
			if h.shows(team) {
				t.Fatalf("the thank-you shows the team %q", team)
			}
		}
		if got := h.buttonTexts(); len(got) != 1 || got[0] != "Done" {
			t.Fatalf("the thank-you offers %v, want only Done", got)
		}
		// Home comes back by itself.
		h.env.Clock.Advance(surveyThanksFor)
		h.u.Tick()
		h.wantScreen("home")
	}
	for i := range 5 {
		point := "Right"
		if i >= 3 {
			point = "Slightly right"
		}
		h.takeSurvey("Children in care", point)
		h.tap("Done")
	}
	h.takeSurvey("Fostering", "In between")
	h.tap("Done")
	h.wantScreen("home")

	// The review team's member reads the results, from the day after it closes.
	h.signIn()
	h.tap("Survey results")
	h.tap(h.buttonTexts()[0])
	h.wantScreen("survey-list")
	if !h.shows("The results can be read from the day after the survey closes") {
		t.Error("reading results while the survey is open is not refused in words")
	}
	h.tap("Back")
	h.tap("Sign out")
	h.env.Clock.Advance(8 * 24 * time.Hour)
	h.signIn()
	h.tap("Survey results")
	h.wantScreen("survey-list")
	h.tap(h.buttonTexts()[0])
	h.wantScreen("survey-results")
	if !h.shows("Not shown, and left out of every figure (fewer than 5 responses between them): Fostering.") {
		t.Error("the results do not say that Fostering is withheld")
	}
	// Each row says its mean and how many answered, and its bar each point's share.
	if !h.shows("mean 3.0 of 5 · 10 answers") {
		t.Error("a chart row does not say its mean and count in words")
	}
	var shares []string
	for _, o := range h.objects() {
		if x, ok := o.(*canvas.Text); ok && strings.HasSuffix(x.Text, "%") && x.Visible() {
			shares = append(shares, x.Text)
		}
	}
	if !contains(shares, "30%") {
		t.Errorf("the bars show the shares %v, want 30%% among them", shares)
	}
	var seen []string
	for range 4 {
		for _, o := range h.objects() {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, " responses") && l.TextStyle.Bold {
				seen = append(seen, l.Text)
			}
		}
		h.tap("▶")
	}
	if got := strings.Join(seen, "|"); got != "All shown teams: 10 responses|Front door: 5 responses|Children in care: 5 responses|All shown teams: 10 responses" {
		t.Errorf("groups shown = %s", got)
	}
	// A row opens the item's figures: the overall counts hold nothing of Fostering's middle answers.
	var rows []*tappableRow
	for _, o := range h.objects() {
		if r, ok := o.(*tappableRow); ok {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		t.Fatal("no chart rows")
	}
	test.Tap(rows[0])
	h.wantScreen("survey-item-result")
	if !h.shows("10 answers; mean 3.0 of 5; Left 3 · Slightly left 2 · In between 0 · Slightly right 2 · Right 3") {
		t.Error("the overall figures are not the shown teams' alone")
	}
	h.tap("Back")
	h.tap("Differences")
	h.wantScreen("survey-differences")
	h.tap("Back")
	h.tap("Export")
	h.wantScreen("survey-export")
	h.tap("Save to " + h.env.ImportDir)
	if !h.shows("Saved: ") {
		t.Error("the export does not say it saved")
	}
}

// Leaving, or walking away, drops the answers: the next person starts with none chosen.
func TestSurveyLeftOrIdleKeepsNothing(t *testing.T) {
	h := newSurveyHarness(t)
	h.tap("Take the survey")
	h.tap("Front door")
	h.tap("Next")
	h.tap("Start the questions")
	h.tap("Right")
	h.tap("Leave")
	h.tap("Leave without saving")
	h.wantScreen("home")
	h.tap("Take the survey")
	h.tap("Fostering")
	h.tap("Next")
	h.tap("Start the questions")
	if got := h.selected(); got != "" {
		t.Fatalf("the next person sees %q chosen", got)
	}
	h.tap("Left")
	h.env.Clock.Advance(2 * time.Minute)
	h.u.Tick()
	h.wantScreen("home")
	h.tap("Take the survey")
	h.tap("Fostering")
	h.tap("Next")
	h.tap("Start the questions")
	if got := h.selected(); got != "" {
		t.Fatalf("after an idle time-out the next person sees %q chosen", got)
	}
}

// TestEveryScreenFitsTheSurvey walks the respondent's screens and the results at every screen
// size, larger text off and on.
func TestEveryScreenFitsTheSurvey(t *testing.T) {
	for _, size := range screenSizes {
		for _, large := range []bool{false, true} {
			t.Run(fmt.Sprintf("%.0fx%.0f/large=%v", size.Width, size.Height, large), func(t *testing.T) {
				test.NewTempApp(t)
				env, d := kiosktest.Seeded(t)
				addSurvey(t, env, d)
				f := startFit(t, size, large, func(t *testing.T) *harness {
					light := func(func(hw.State)) func() { return func() {} }
					h := startOn(t, env, Options{IdleTimeout: time.Hour, Light: light})
					h.d = d
					return h
				})
				f.check("home with a survey open")
				for n := range 10 {
					f.tap("Take the survey")
					if n == 0 {
						f.checkPages("survey: team")
						f.tap("Cancel")
						f.tap("Take the survey")
					}
					f.tap(uiSurveyTeams[n%2])
					if n == 0 {
						f.check("survey: about")
					}
					f.tap("Next")
					if n == 0 {
						f.check("survey: about, page 2")
						f.checkAllShown("survey: about, page 2")
					}
					f.tap("Start the questions")
					for i := 0; f.u.Screen() == "survey-item"; i++ {
						if n == 0 {
							f.check("survey: item " + string(rune('0'+i/10)) + string(rune('0'+i%10)))
							f.checkOneRow("survey: item "+string(rune('0'+i/10))+string(rune('0'+i%10)), 5)
						}
						f.tap([]string{"Slightly left", "Right"}[n%2])
						if contains(f.buttonTexts(), "Finish") {
							f.tap("Finish")
						} else {
							f.tap("Next")
						}
					}
					if n == 0 {
						f.check("survey: submit")
					}
					f.tap("Submit my answers")
					if n == 0 {
						f.check("survey: thanks")
					}
					f.tap("Done")
				}
				f.env.Clock.Advance(8 * 24 * time.Hour)
				f.u.showHome()
				f.tap("Start")
				f.tap(f.d.InterviewerName)
				f.pin(f.d.InterviewerPIN)
				f.check("interviewer home with survey results")
				f.tap("Survey results")
				f.check("survey: list")
				f.tap(f.buttonTexts()[0])
				for g := range 3 {
					f.checkPages("survey: results, group " + string(rune('0'+g)))
					f.tap("▶")
				}
				var row *tappableRow
				for _, o := range f.objects() {
					if r, ok := o.(*tappableRow); ok && row == nil {
						row = r
					}
				}
				test.Tap(row)
				f.checkPages("survey: item figures")
				f.tap("Back")
				if contains(f.buttonTexts(), "Differences") {
					f.tap("Differences")
					f.checkPages("survey: differences")
					f.tap("Back")
				}
				f.tap("Export")
				f.tap(f.buttonTexts()[0])
				f.check("survey: exported")
			})
		}
	}
}

// TestAdminCreatesASurvey: the admin names it and its teams, picks the built-in survey (a bad
// file on the stick is refused with its file, line and field), its review team and dates, and
// sees it listed; Home then offers it. Every step fits the window.
func TestAdminCreatesASurvey(t *testing.T) {
	h := newHarness(t)
	bad := "id: culture\nversion: 1\ntitle: T\nlanguage: en\npurpose: P\npoints: 12\nitems:\n  - id: a\n    left: L\n    right: R\n"
	if err := os.WriteFile(filepath.Join(h.env.ImportDir, "our-survey.yaml"), []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.tap("Surveys")
	h.wantScreen("admin-surveys")
	h.fitsWindow()
	h.tap("New survey")
	h.fitsWindow()
	test.Type(h.textFields()[0], "Leadership culture survey, spring")
	test.Type(h.textFields()[1], "Front door, Children in care, Fostering")
	h.tap("Next")
	h.wantScreen("new-survey-which")
	h.fitsWindow()
	h.tapPrefix("From the stick: ")
	if !h.shows("our-survey.yaml:6: points: is 12") {
		t.Error("the bad survey file's problem is not shown with its line and field")
	}
	h.wantScreen("new-survey-which")
	h.tap("−")
	h.tap("−")
	h.tap("−") // never below 3
	if !h.shows("Smallest team shown: 3 responses") {
		t.Error("the minimum group size went below 3")
	}
	h.tap("+")
	h.tapPrefix("Built in: Leadership culture survey")
	h.wantScreen("new-survey-team")
	h.fitsWindow()
	h.tap(h.d.InterviewerName)
	h.tap("Next")
	h.wantScreen("new-survey-dates")
	h.fitsWindow()
	h.tap("Create")
	h.wantScreen("admin-surveys")
	if !h.shows("Leadership culture survey, spring: open") {
		t.Error("the new survey is not listed as open")
	}
	if h.shows("responses;") {
		t.Error("the admin's list of surveys shows a count of responses")
	}
	h.tap("Back")
	h.tap("Sign out")
	h.tap("Take the survey")
	h.wantScreen("survey-team")
	if !contains(h.buttonTexts(), "Children in care") {
		t.Errorf("teams offered: %v", h.buttonTexts())
	}
}

// TestEveryScreenFitsTheSurveyAdmin walks the admin's survey screens at every size.
func TestEveryScreenFitsTheSurveyAdmin(t *testing.T) {
	fitCases(t, func(f *fit) {
		f.tap("Admin")
		f.pin(f.d.AdminCredential)
		f.check("admin with surveys")
		f.tap("Surveys")
		f.checkPages("surveys")
		f.tap("New survey")
		f.check("new survey")
		test.Type(f.textFields()[0], "Leadership culture survey, spring")
		test.Type(f.textFields()[1], "Front door, Children in care")
		f.tap("Next")
		f.check("new survey: which")
		f.tapPrefix("Built in: ")
		f.tap(f.d.InterviewerName)
		f.check("new survey: review team")
		f.tap("Next")
		f.check("new survey: dates")
		f.tap("Create")
		f.checkPages("surveys, one made")
	})
}

// TestGoldenSurveyScreens keeps the item a respondent answers and a team's chart.
func TestGoldenSurveyScreens(t *testing.T) {
	for _, size := range screenSizes {
		t.Run(goldenSize(size), func(t *testing.T) {
			h := newSurveyHarness(t)
			h.w.Resize(size)
			h.u.showHome()
			for n := range 10 {
				// Three and two in each team: all alike, or all but one, would not be shown.
				points := []string{"Slightly left", "Right"}
				if n >= 6 {
					points = []string{"Left", "Slightly right"}
				}
				h.takeSurvey(uiSurveyTeams[n%2], points[n%2])
				h.tap("Done")
			}
			h.tap("Take the survey")
			h.tap("Fostering")
			h.tap("Next")
			h.tap("Start the questions")
			h.tap("Slightly left")
			test.AssertRendersToImage(t, "survey-item-"+goldenSize(size)+".png", h.w.Canvas())
			h.tap("Leave")
			h.tap("Leave without saving")
			h.env.Clock.Advance(8 * 24 * time.Hour)
			h.u.showHome()
			h.signIn()
			h.tap("Survey results")
			h.tap(h.buttonTexts()[0])
			test.AssertRendersToImage(t, "survey-results-"+goldenSize(size)+".png", h.w.Canvas())
		})
	}
}

// The admin wipes a survey's engagement like any other, and is told what goes.
func TestAdminWipesASurvey(t *testing.T) {
	h := newSurveyHarness(t)
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.tap("Wipe an engagement")
	h.tapPrefix("Leadership culture survey")
	if !h.shows("Destroy every survey response of “Leadership culture survey”, and the survey's keys?") {
		t.Error("the wipe does not say it destroys the survey's responses")
	}
	h.tap("Yes, wipe it")
	h.tap("Wipe now")
	h.wantScreen("receipt")
	h.tap("Back")
	h.tap("Sign out")
	if contains(h.buttonTexts(), "Take the survey") {
		t.Error("Home still offers the wiped survey")
	}
}

// TestSurveyNoAnswerIsAChoice: "No answer" records that the item has no answer, moves on as
// Next does, and shows as chosen, like a point, when the person comes back to the item; a
// point tapped after it takes its place.
func TestSurveyNoAnswerIsAChoice(t *testing.T) {
	h := newSurveyHarness(t)
	h.tap("Take the survey")
	h.tap("Front door")
	h.tap("Next")
	h.tap("Start the questions")
	// The count is words on the page, not white on the bar's pale part (under 4.5:1).
	for _, o := range h.objects() {
		if p, ok := o.(*widget.ProgressBar); ok && p.TextFormatter != nil && p.TextFormatter() != "" {
			t.Errorf("the progress bar draws %q on itself", p.TextFormatter())
		}
	}
	if !h.shows("Question 1 of ") {
		t.Error("the item does not say which question it is")
	}
	h.tap("Left")
	h.tap("No answer") // as Next does, it moves on
	if !h.shows("Question 2 of ") {
		t.Fatal("No answer did not move on to the second question")
	}
	if got := h.selected(); got != "" {
		t.Fatalf("the second item shows %q chosen before anyone answered it", got)
	}
	h.tap("Back")
	if got := h.selected(); got != "No answer" {
		t.Fatalf("back on the first item it shows %q chosen, want No answer", got)
	}
	h.tap("Right")
	if got := h.selected(); got != "Right" {
		t.Fatalf("after No answer then Right the item shows %q chosen, want Right", got)
	}
	h.tap("No answer")
	h.tap("Back")
	if got := h.selected(); got != "No answer" {
		t.Fatalf("back on the first item after No answer it shows %q chosen, want No answer", got)
	}
	for h.u.Screen() == "survey-item" {
		if contains(h.buttonTexts(), "Finish") {
			h.tap("Finish")
		} else {
			h.tap("Next")
		}
	}
	h.wantScreen("survey-submit")
	if !h.shows("You answered 0 of ") {
		t.Error("an item with No answer chosen is counted as answered")
	}
}

// TestSurveyEveryOpenSurveyCanBeTaken: with two surveys open, Home's "Take the survey" offers
// each, and a response to either is saved.
func TestSurveyEveryOpenSurveyCanBeTaken(t *testing.T) {
	test.NewTempApp(t)
	env, d := kiosktest.Seeded(t)
	addSurvey(t, env, d)
	ctx := context.Background()
	a, err := env.Kiosk.SignInAdmin(ctx, []byte(d.AdminCredential))
	if err != nil {
		t.Fatal(err)
	}
	ivs, err := env.Kiosk.Interviewers(ctx)
	if err != nil || len(ivs) == 0 {
		t.Fatal(err)
	}
	now := env.Clock.Now()
	// The second closes later, so it was the one Home never offered.
	if _, err := surveys.CreateSurvey(ctx, env.Kiosk, a, surveys.NewSurvey{Title: "Supervision survey", Teams: uiSurveyTeams,
		Opens: now, Closes: now.AddDate(0, 0, 14), DeletionDate: now.AddDate(0, 2, 0), Members: []string{ivs[0].ID}}); err != nil {
		t.Fatal(err)
	}
	h := startOn(t, env, Options{IdleTimeout: time.Minute})
	h.d = d
	for _, title := range []string{"Leadership culture survey", "Supervision survey"} {
		h.wantScreen("home")
		h.tap("Take the survey")
		h.wantScreen("survey-choice")
		if !contains(h.buttonTexts(), "Leadership culture survey") || !contains(h.buttonTexts(), "Supervision survey") {
			t.Fatalf("with two surveys open the choice offers %v", h.buttonTexts())
		}
		h.tap(title)
		h.wantScreen("survey-team")
		if !h.shows(title) {
			t.Errorf("choosing %q leads to another survey", title)
		}
		h.tap("Front door")
		h.tap("Next")
		h.tap("Start the questions")
		h.tap("Left")
		for h.u.Screen() == "survey-item" {
			if contains(h.buttonTexts(), "Finish") {
				h.tap("Finish")
			} else {
				h.tap("Next")
			}
		}
		h.tap("Submit my answers")
		h.wantScreen("survey-thanks")
		h.tap("Done")
	}
}

// checkOneRow fails the test when the survey item's points are not side by side in one row,
// from the left statement's end to the right's: a scale broken over two rows puts "Slightly
// right" under "Left".
func (f *fit) checkOneRow(where string, points int) {
	f.t.Helper()
	neededSize(f.w)
	var row []fyne.CanvasObject
	for p := 1; p <= points; p++ {
		want := pointLabel(points, p)
		for _, o := range f.objects() {
			if b, ok := o.(*Button); ok && strings.Join(strings.Fields(b.Text), " ") == want {
				row = append(row, b)
			}
		}
	}
	if len(row) != points {
		f.t.Fatalf("%s: %d point buttons, want %d", where, len(row), points)
	}
	d := fyne.CurrentApp().Driver()
	first := d.AbsolutePositionForObject(row[0])
	for i, b := range row[1:] {
		at := d.AbsolutePositionForObject(b)
		if at.Y != first.Y || at.X <= d.AbsolutePositionForObject(row[i]).X {
			f.t.Errorf("%s (larger text %v): point %d is at %v, not in one row after the point before it (at %v)",
				where, f.large, i+2, at, d.AbsolutePositionForObject(row[i]))
		}
	}
}

// checkAllShown fails the test when a scroll area's content is taller than the area: what is
// below the fold is hidden behind the buttons until someone thinks to drag it up.
func (f *fit) checkAllShown(where string) {
	f.t.Helper()
	neededSize(f.w)
	for _, o := range f.objects() {
		if s, ok := o.(*container.Scroll); ok && s.Visible() && s.Content.MinSize().Height > s.Size().Height {
			f.t.Errorf("%s (larger text %v): the text needs %.0f px, its area has %.0f", where, f.large,
				s.Content.MinSize().Height, s.Size().Height)
		}
	}
}
