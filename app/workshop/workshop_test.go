package workshop_test

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"quietroom/app/workshop"
)

var insights = []workshop.Insight{
	{ID: "a1", Statement: "Staff feel unheard by senior leaders"},
	{ID: "b2", Statement: "Carers want one point of contact"},
}

func newWorkshop(t *testing.T) workshop.Workshop {
	t.Helper()
	w, err := workshop.New(4, insights)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func must[T any](t *testing.T, v T, err error) T {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// idOf fails the test on an error and returns the id made.
func idOf(t *testing.T) func(string, error) string {
	return func(id string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
}

func TestTablesAreNumberedNeverNamed(t *testing.T) {
	w := newWorkshop(t)
	for i, tb := range w.Tables {
		if tb.Number != i+1 {
			t.Errorf("table %d numbered %d", i+1, tb.Number)
		}
	}
	b, _ := json.Marshal(w.Tables[0])
	if strings.Contains(strings.ToLower(string(b)), "name") {
		t.Errorf("a table has a field for a name: %s", b)
	}
	if _, err := w.Table(5); !errors.Is(err, workshop.ErrInvalid) || !strings.Contains(err.Error(), "table 5") {
		t.Errorf("Table(5) = %v, want an error naming table 5", err)
	}
	if _, err := workshop.New(0, nil); err == nil || !strings.Contains(err.Error(), "number of tables") {
		t.Errorf("New(0) = %v", err)
	}
}

func TestMarksAndAmendments(t *testing.T) {
	w := newWorkshop(t)
	if err := w.MarkInsight(1, "a1", workshop.Agree, ""); err != nil {
		t.Fatal(err)
	}
	if err := w.MarkInsight(1, "a1", workshop.Amend, "  "); err == nil || !strings.Contains(err.Error(), "table 1's amendment") {
		t.Errorf("an empty amendment = %v, want refused naming the field", err)
	}
	if m, _ := w.Tables[0].MarkOf("a1"); m.Mark != workshop.Agree {
		t.Errorf("a refused change changed the mark to %v", m)
	}
	typed := "  Unheard by *some* leaders,\nnot all  "
	if err := w.MarkInsight(1, "a1", workshop.Amend, typed); err != nil {
		t.Fatal(err)
	}
	if m, _ := w.Tables[0].MarkOf("a1"); m.Amendment != typed || len(w.Tables[0].Marks) != 1 {
		t.Errorf("marks = %+v, want one amendment kept exactly as typed", w.Tables[0].Marks)
	}
	if err := w.MarkInsight(2, "a1", workshop.Disagree, "why"); err == nil {
		t.Error("a disagree with an amendment was taken")
	}
	if err := w.MarkInsight(2, "zz", workshop.Agree, ""); err == nil {
		t.Error("a mark on no insight was taken")
	}
	if err := w.MarkInsight(2, "a1", workshop.Mark("maybe"), ""); err == nil {
		t.Error("an unknown mark was taken")
	}
	long := strings.Repeat("x", workshop.MaxLong+1)
	if err := w.MarkInsight(2, "a1", workshop.Amend, long); err == nil || !strings.Contains(err.Error(), "shorten it") {
		t.Errorf("a long amendment = %v", err)
	}
}

func TestGoalsChoiceAndActions(t *testing.T) {
	w := newWorkshop(t)
	own := idOf(t)(w.AddInsight(2, "Nobody owns the transitions"))
	g1 := idOf(t)(w.AddGoal(1, "a1", "Leaders visit teams monthly"))
	g2 := idOf(t)(w.AddGoal(2, own, "A named lead for each transition"))
	if _, err := w.AddGoal(1, own, "Not table 1's insight"); err == nil {
		t.Error("table 1 set a goal for table 2's own insight")
	}
	goals := w.Goals()
	if len(goals) != 2 || goals[0].ID != g1 || goals[1].Table != 2 {
		t.Fatalf("central list = %+v", goals)
	}
	if err := w.Choose(3, g1); err != nil {
		t.Fatal(err)
	}
	if err := w.Choose(4, g1); !errors.Is(err, workshop.ErrTaken) {
		t.Errorf("a goal taken twice = %v, want ErrTaken", err)
	}
	if err := w.RemoveGoal(1, g1); err == nil {
		t.Error("a chosen goal was removed")
	}
	if w.Goals()[0].ChosenBy != 3 {
		t.Errorf("the central list does not tick table 3's goal: %+v", w.Goals())
	}
	if _, err := w.AddIdea(4, "an idea"); err == nil {
		t.Error("an idea was added before the table chose its goal")
	}
	var ids []string
	for _, s := range []string{"Monthly visits", "A leaders' blog", "Open door hour", "Skip-level 1:1s"} {
		ids = append(ids, idOf(t)(w.AddIdea(3, s)))
	}
	if err := w.ChooseActions(3, ids[:2]); err == nil || !strings.Contains(err.Error(), "exactly 3") {
		t.Errorf("two actions = %v", err)
	}
	if err := w.ChooseActions(3, []string{ids[0], ids[0], ids[1]}); err == nil {
		t.Error("one idea twice was taken")
	}
	if err := w.ChooseActions(3, []string{ids[0], ids[1], "i999"}); err == nil {
		t.Error("an action that is no idea of the table was taken")
	}
	if err := w.ChooseActions(3, []string{ids[3], ids[0], ids[2]}); err != nil {
		t.Fatal(err)
	}
	if err := w.Choose(3, g2); err == nil {
		t.Error("the goal changed under chosen actions")
	}
	if err := w.RemoveIdea(3, ids[0]); err == nil {
		t.Error("a chosen action was removed")
	}
	best := w.BestIdeas()
	if len(best) != 1 || best[0].Table != 3 || best[0].Goal != "Leaders visit teams monthly" ||
		strings.Join(best[0].Ideas, "|") != "Skip-level 1:1s|Monthly visits|Open door hour" {
		t.Errorf("best ideas = %+v", best)
	}
	if err := w.Check(); err != nil {
		t.Errorf("Check of a sound workshop = %v", err)
	}
	b, _ := json.Marshal(w)
	var back workshop.Workshop
	if err := json.Unmarshal(b, &back); err != nil || back.Check() != nil {
		t.Fatalf("round trip: %v %v", err, back.Check())
	}
	back.Tables[3].Chosen = g1 // two tables on one goal
	if err := back.Check(); err == nil {
		t.Error("Check passed a goal chosen by two tables")
	}
}

func TestSetTablesKeepsWhatIsWritten(t *testing.T) {
	w := newWorkshop(t)
	own := idOf(t)(w.AddInsight(4, "x"))
	g := idOf(t)(w.AddGoal(4, own, "a goal"))
	if err := w.RemoveInsight(4, own); err == nil || !strings.Contains(err.Error(), "remove the goal first") {
		t.Errorf("removing an insight with a goal = %v", err)
	}
	if err := w.RemoveInsight(3, own); err == nil {
		t.Error("table 3 removed table 4's insight")
	}
	if err := w.RemoveGoal(4, g); err != nil {
		t.Fatal(err)
	}
	if err := w.RemoveInsight(4, own); err != nil || len(w.Tables[3].NewInsights) != 0 {
		t.Fatalf("RemoveInsight = %v, %d left", err, len(w.Tables[3].NewInsights))
	}
	idOf(t)(w.AddInsight(4, "x"))
	if err := w.SetTables(3); err == nil || !strings.Contains(err.Error(), "table 4") {
		t.Errorf("taking away a written table = %v", err)
	}
	if err := w.SetTables(6); err != nil || len(w.Tables) != 6 || w.Tables[5].Number != 6 {
		t.Errorf("SetTables(6) = %v, %d tables", err, len(w.Tables))
	}
}

func TestTimetable(t *testing.T) {
	tt := workshop.Handbook()
	if tt.At(0) != "14.15" || tt.At(1) != "14.20" || tt.At(2) != "14.40" || tt.At(3) != "15.00" || tt.At(4) != "15.15" ||
		tt.At(5) != "15.45" || tt.At(6) != "15.55" || tt.At(7) != "16.15" || tt.At(8) != "16.30" {
		t.Errorf("the handbook's times do not come out: %v", []string{tt.At(0), tt.At(4), tt.At(8)})
	}
	if err := tt.SetMinutes(1, 25); err != nil || tt.At(2) != "14.45" {
		t.Errorf("SetMinutes: %v, next step at %s", err, tt.At(2))
	}
	if err := tt.SetMinutes(1, 0); err == nil || !strings.Contains(err.Error(), "Reflecting on the key insights") {
		t.Errorf("zero minutes = %v", err)
	}
	now := time.Date(2026, 3, 3, 14, 20, 0, 0, time.UTC)
	if _, _, ok := tt.Left(now); ok {
		t.Error("a clock runs before any step started")
	}
	if err := tt.StartStep(1, now); err != nil {
		t.Fatal(err)
	}
	if i, left, ok := tt.Left(now.Add(7 * time.Minute)); !ok || i != 1 || left != 18*time.Minute {
		t.Errorf("Left = %d %v %v, want step 1 with 18m left", i, left, ok)
	}
	if _, left, _ := tt.Left(now.Add(30 * time.Minute)); left != -5*time.Minute {
		t.Errorf("overrun = %v, want -5m", left)
	}
}

func TestRemarksAndCSV(t *testing.T) {
	w := newWorkshop(t)
	if err := w.AddWentWell(""); err == nil || !strings.Contains(err.Error(), "What went well?") {
		t.Errorf("an empty remark = %v", err)
	}
	must(t, 0, w.AddWentWell("=HYPERLINK(\"x\")"))
	must(t, 0, w.AddEvenBetter("More time for tea"))
	must(t, 0, w.SetNextSteps("Set up a working group by May"))
	raw, err := w.CSV()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for _, r := range rows[1:] {
		seen = append(seen, r[2]+"="+r[4])
	}
	all := strings.Join(seen, "\n")
	for _, want := range []string{"what went well='=HYPERLINK(\"x\")", "even better if=More time for tea", "host director's next steps=Set up a working group by May"} {
		if !strings.Contains(all, want) {
			t.Errorf("CSV lacks %q:\n%s", want, all)
		}
	}
}
