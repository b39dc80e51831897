package kiosk_test

import (
	"errors"
	"slices"
	"testing"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/demo"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/panels"
	"quietroom/app/kiosk/surveys"
	"quietroom/app/session"
)

const newPIN = "731905"

// resetPIN sets a new PIN as the admin does: told what it affects first.
func resetPIN(t *testing.T, k *kiosk.Kiosk, a *kiosk.Admin, id string) kiosk.PINReset {
	t.Helper()
	told, err := k.PINResetEffects(ctx, a, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := k.ResetPIN(ctx, a, told, []byte(newPIN)); err != nil {
		t.Fatalf("ResetPIN = %v", err)
	}
	return told
}

func idOf(t *testing.T, k *kiosk.Kiosk, name string) string {
	t.Helper()
	ivs, err := k.Interviewers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(ivs, func(iv session.Interviewer) bool { return iv.DisplayName == name })
	if i < 0 {
		t.Fatalf("no interviewer %q", name)
	}
	return ivs[i].ID
}

func waitingIDs(t *testing.T, k *kiosk.Kiosk, kind kiosk.GroupKind, eng string) []string {
	t.Helper()
	ws, err := k.Waiting(ctx, kind, eng)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, w := range ws {
		out = append(out, w.ID)
	}
	return out
}

// A board member whose PIN is reset held the board key sealed to her old key: she must wait to
// be let in again (not be shown the board as hers to open, then a file error), the others must
// see her waiting, and one of them lets her in again.
func TestNewPINLeavesBoardMemberWaiting(t *testing.T) {
	r := twoRooms(t)
	told := resetPIN(t, r.one.Kiosk, r.one.Admin, r.alice)
	if len(told.Groups) != 1 || told.Groups[0].Kind != kiosk.GroupBoard || told.Groups[0].Orphaned {
		t.Errorf("PINResetEffects(alice).Groups = %+v, want the board, Bob still holding its key", told.Groups)
	}

	alice := r.one.SignIn(t, r.alice, newPIN)
	list, err := boards.Boards(ctx, alice)
	if err != nil || len(list) != 1 || !list[0].Waiting {
		t.Fatalf("alice's Boards after a new PIN = %+v, %v; want her board, waiting", list, err)
	}
	if _, err := boards.Open(ctx, alice, r.engOne); !errors.Is(err, boards.ErrWaitingToBeLetIn) {
		t.Fatalf("alice's OpenBoard after a new PIN = %v, want %v", err, boards.ErrWaitingToBeLetIn)
	}
	alice.SignOut()
	team, err := boards.Team(ctx, r.one.Kiosk, r.engOne)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range team {
		if want := m.ID == r.alice; m.Waiting != want {
			t.Errorf("Team: %s waiting = %v, want %v", m.Name, m.Waiting, want)
		}
	}

	bob := r.one.SignIn(t, r.bob, pin)
	b, err := boards.Open(ctx, bob, r.engOne)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.LetIn(ctx, r.alice); err != nil {
		t.Fatalf("LetIn(alice) = %v", err)
	}
	b.Close()
	alice = r.one.SignIn(t, r.alice, newPIN)
	b, err = boards.Open(ctx, alice, r.engOne)
	if err != nil {
		t.Fatalf("alice's OpenBoard after Bob let her in = %v", err)
	}
	b.Close()
}

// demoGroups is the demo kiosk with its panel and surveys: the demo interviewer chairs the
// panel and every interviewer is on the surveys' review team.
func demoGroups(t *testing.T) (*kiosktest.Env, demo.Demo, demo.DemoPanel, *kiosk.Admin) {
	t.Helper()
	e, d := kiosktest.Seeded(t)
	dp, err := demo.SeedPanel(ctx, e.Kiosk, d)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.SeedSurvey(ctx, e.Kiosk, d.AdminCredential); err != nil {
		t.Fatal(err)
	}
	return e, d, dp, admin(t, e, d)
}

func engagementID(t *testing.T, e *kiosktest.Env, a *kiosk.Admin, title string) string {
	t.Helper()
	all, err := e.Kiosk.AllEngagements(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range all {
		if x.Title == title {
			return x.ID
		}
	}
	t.Fatalf("no engagement %q", title)
	return ""
}

func TestNewPINLeavesPanelMemberWaiting(t *testing.T) {
	e, d, dp, a := demoGroups(t)
	eng := engagementID(t, e, a, demo.DemoPanelTitle)
	staff := idOf(t, e.Kiosk, dp.StaffName)
	resetPIN(t, e.Kiosk, a, staff)

	s, err := e.Kiosk.SignIn(ctx, staff, []byte(newPIN))
	if err != nil {
		t.Fatal(err)
	}
	if w, err := s.WaitingIn(ctx, kiosk.GroupPanel, eng); err != nil || !w {
		t.Errorf("WaitingIn(panel) after a new PIN = %v, %v; want true", w, err)
	}
	if _, err := panels.Open(ctx, s, eng); !errors.Is(err, kiosk.ErrWaitingToBeLetInAgain) {
		t.Fatalf("OpenPanel after a new PIN = %v, want %v", err, kiosk.ErrWaitingToBeLetInAgain)
	}
	s.SignOut()
	if got := waitingIDs(t, e.Kiosk, kiosk.GroupPanel, eng); !slices.Equal(got, []string{staff}) {
		t.Errorf("Waiting(panel) = %v, want the staff member", got)
	}

	chair, err := e.Kiosk.SignIn(ctx, idOf(t, e.Kiosk, d.InterviewerName), []byte(d.InterviewerPIN))
	if err != nil {
		t.Fatal(err)
	}
	pm, err := panels.Open(ctx, chair, eng)
	if err != nil {
		t.Fatal(err)
	}
	if err := pm.LetIn(ctx, staff); err != nil {
		t.Fatalf("LetIn(staff) = %v", err)
	}
	if err := pm.LetIn(ctx, staff); !errors.Is(err, kiosk.ErrNotWaiting) {
		t.Errorf("LetIn twice = %v, want %v", err, kiosk.ErrNotWaiting)
	}
	pm.Close()
	if got := waitingIDs(t, e.Kiosk, kiosk.GroupPanel, eng); len(got) != 0 {
		t.Errorf("Waiting(panel) after Let in = %v, want none", got)
	}
	s, err = e.Kiosk.SignIn(ctx, staff, []byte(newPIN))
	if err != nil {
		t.Fatal(err)
	}
	pm, err = panels.Open(ctx, s, eng)
	if err != nil {
		t.Fatalf("OpenPanel after being let in = %v", err)
	}
	if own, err := pm.Sheet(staff, "1041"); err != nil || own.Notes == "" {
		t.Errorf("the staff member's notes of 1041 are not there after being let in: %+v, %v", own, err)
	}
	pm.Close()
}

func TestNewPINLeavesSurveyMemberWaiting(t *testing.T) {
	e, d, dp, a := demoGroups(t)
	eng := engagementID(t, e, a, demo.DemoClosedSurveyTitle)
	me := idOf(t, e.Kiosk, d.InterviewerName)
	resetPIN(t, e.Kiosk, a, me)

	s, err := e.Kiosk.SignIn(ctx, me, []byte(newPIN))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := surveys.Results(ctx, s, eng); !errors.Is(err, kiosk.ErrWaitingToBeLetInAgain) {
		t.Fatalf("SurveyResults after a new PIN = %v, want %v", err, kiosk.ErrWaitingToBeLetInAgain)
	}
	if err := s.LetInSurvey(ctx, eng, idOf(t, e.Kiosk, dp.StaffName)); !errors.Is(err, kiosk.ErrWaitingToBeLetInAgain) {
		t.Errorf("LetInSurvey by a waiting member = %v, want %v", err, kiosk.ErrWaitingToBeLetInAgain)
	}
	s.SignOut()
	if got := waitingIDs(t, e.Kiosk, kiosk.GroupSurvey, eng); !slices.Equal(got, []string{me}) {
		t.Errorf("Waiting(survey) = %v, want the demo interviewer", got)
	}

	other, err := e.Kiosk.SignIn(ctx, idOf(t, e.Kiosk, dp.StaffName), []byte(dp.StaffPIN))
	if err != nil {
		t.Fatal(err)
	}
	if err := other.LetInSurvey(ctx, eng, me); err != nil {
		t.Fatalf("LetInSurvey = %v", err)
	}
	other.SignOut()
	s, err = e.Kiosk.SignIn(ctx, me, []byte(newPIN))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := surveys.Results(ctx, s, eng); err != nil {
		t.Fatalf("SurveyResults after being let in = %v", err)
	}
}

// Where nobody else holds a group's key, a reset loses it for good: the admin is told before
// confirming, and a reset confirmed on an older warning that did not say so is refused.
func TestOnlyMemberResetIsToldBeforeConfirming(t *testing.T) {
	e, d := kiosktest.Seeded(t)
	a := admin(t, e, d)
	me := idOf(t, e.Kiosk, d.InterviewerName)
	before, err := e.Kiosk.PINResetEffects(ctx, a, me)
	if err != nil {
		t.Fatal(err)
	}
	now := e.Clock.Now()
	r, err := surveys.CreateSurvey(ctx, e.Kiosk, a, surveys.NewSurvey{Title: "Only one reader", Teams: []string{"A", "B"},
		Opens: now, Closes: now.AddDate(0, 0, 14), DeletionDate: now.AddDate(0, 2, 0), Members: []string{me}})
	if err != nil {
		t.Fatal(err)
	}
	told, err := e.Kiosk.PINResetEffects(ctx, a, me)
	if err != nil {
		t.Fatal(err)
	}
	want := []kiosk.Group{{Kind: kiosk.GroupSurvey, EngagementID: r.EngagementID, Title: "Only one reader", Orphaned: true}}
	if !slices.Equal(told.Orphaned(), want) {
		t.Fatalf("PINResetEffects().Orphaned() = %+v, want %+v", told.Orphaned(), want)
	}
	if err := e.Kiosk.ResetPIN(ctx, a, before, []byte(newPIN)); !errors.Is(err, kiosk.ErrPINResetChanged) {
		t.Fatalf("ResetPIN on a warning that did not name the survey = %v, want %v", err, kiosk.ErrPINResetChanged)
	}
	if _, err := e.Kiosk.SignIn(ctx, me, []byte(d.InterviewerPIN)); err != nil {
		t.Fatalf("SignIn with the old PIN after a refused reset = %v", err)
	}
	if err := e.Kiosk.ResetPIN(ctx, a, told, []byte(newPIN)); err != nil {
		t.Fatal(err)
	}
}
