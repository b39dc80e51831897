package workshop

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrInvalid means a change breaks a rule of the workshop (an empty or too long text, an
// unknown table, insight, goal or idea, a goal taken by another table, not three actions);
// the error says which field and what to do. Nothing was changed.
var ErrInvalid = errors.New("workshop")

// ErrTaken means a goal was chosen that another table chose already.
var ErrTaken = errors.New("another table has chosen this goal already: choose another")

// Limits of the workshop's texts and counts.
const (
	// MinTables is the handbook's "at least 4 groups"; fewer are allowed (a small group), up
	// to MaxTables.
	MinTables = 4
	MaxTables = 12
	// Actions is how many actions each table chooses: "the three actions /solutions that they
	// think will have the highest impact and are possible to implement".
	Actions = 3

	MaxText      = 500  // an insight, a goal, an idea, a remark
	MaxLong      = 2000 // an amendment, the host director's next steps
	MaxPerTable  = 30   // new insights, goals or ideas of one table
	MaxInsights  = 30   // the team's insights taken into the workshop
	MaxRemarks   = 40   // "What went well?" or "Even better if" remarks
	MaxMinutes   = 180
	insightLimit = MaxText * 4 // the team's insight statements are the board's (up to 2000)
)

// Mark is a table's response to one of the team's insights: agree (tick), disagree (cross),
// or amend (with its amendment).
type Mark string

const (
	Agree    Mark = "agree"
	Disagree Mark = "disagree"
	Amend    Mark = "amend"
)

// Insight is one of the team's key insights as the workshop took it from the board: its id
// there and its statement.
type Insight struct {
	ID        string `json:"id"`
	Statement string `json:"statement"`
}

// Workshop is one workshop: the team's insights it reflects on, its tables, the host
// director's next steps, the whole group's remarks and the timetable.
type Workshop struct {
	Insights []Insight `json:"insights,omitempty"`
	Tables   []Table   `json:"tables,omitempty"`
	// NextSteps are the host director's next steps, as typed.
	NextSteps string `json:"next_steps,omitempty"`
	// WentWell and EvenBetter are the whole group's answers to "What went well?" and "Even
	// better if".
	WentWell   []string  `json:"went_well,omitempty"`
	EvenBetter []string  `json:"even_better,omitempty"`
	Timetable  Timetable `json:"timetable"`
	// Seq numbers the goals, ideas and new insights, so that ids are never reused.
	Seq int `json:"seq,omitempty"`
}

// Table is one table of the workshop, known by its number only.
type Table struct {
	Number      int           `json:"number"`
	Marks       []InsightMark `json:"marks,omitempty"`
	NewInsights []Insight     `json:"new_insights,omitempty"`
	Goals       []Goal        `json:"goals,omitempty"`
	// Chosen is the id of the goal the table works on in idea generation ("" before).
	Chosen  string   `json:"chosen,omitempty"`
	Ideas   []Idea   `json:"ideas,omitempty"`
	Actions []string `json:"actions,omitempty"` // Actions ideas' ids, once chosen
}

// InsightMark is a table's mark on one of the team's insights.
type InsightMark struct {
	Insight   string `json:"insight"`
	Mark      Mark   `json:"mark"`
	Amendment string `json:"amendment,omitempty"`
}

// Goal is a goal a table would like to achieve in response to an insight (the team's or one
// the table added).
type Goal struct {
	ID      string `json:"id"`
	Insight string `json:"insight"`
	Text    string `json:"text"`
}

// Idea is an idea a table puts forward for its chosen goal (its own, or one of the team's
// solution ideas it takes up).
type Idea struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// New starts a workshop of n tables reflecting on the team's insights, with the handbook's
// timetable.
func New(tables int, insights []Insight) (Workshop, error) {
	if tables < 1 || tables > MaxTables {
		return Workshop{}, fmt.Errorf("%w: number of tables: choose between 1 and %d (the handbook asks for at least %d)", ErrInvalid, MaxTables, MinTables)
	}
	if len(insights) > MaxInsights {
		return Workshop{}, fmt.Errorf("%w: the team's insights: at most %d can be taken into the workshop", ErrInvalid, MaxInsights)
	}
	w := Workshop{Timetable: Handbook()}
	for i, in := range insights {
		if in.ID == "" || slices.ContainsFunc(insights[:i], func(o Insight) bool { return o.ID == in.ID }) {
			return Workshop{}, fmt.Errorf("%w: the team's insight %d has no id of its own", ErrInvalid, i+1)
		}
		if err := checkText(fmt.Sprintf("the team's insight %d", i+1), in.Statement, insightLimit); err != nil {
			return Workshop{}, err
		}
		w.Insights = append(w.Insights, in)
	}
	for n := 1; n <= tables; n++ {
		w.Tables = append(w.Tables, Table{Number: n})
	}
	return w, nil
}

// checkText refuses a text of spaces only, one longer than max characters, or one that is not
// valid UTF-8, naming the field. It never changes the text.
func checkText(field, s string, max int) error {
	switch {
	case !utf8.ValidString(s):
		return fmt.Errorf("%w: %s holds characters that cannot be read: type it again", ErrInvalid, field)
	case strings.TrimSpace(s) == "":
		return fmt.Errorf("%w: %s is empty: write something first", ErrInvalid, field)
	case utf8.RuneCountInString(s) > max:
		return fmt.Errorf("%w: %s is %d characters long: shorten it to %d", ErrInvalid, field, utf8.RuneCountInString(s), max)
	}
	return nil
}

func (w *Workshop) nextID(prefix string) string {
	w.Seq++
	return prefix + strconv.Itoa(w.Seq)
}

// Table returns table n (numbered from 1).
func (w *Workshop) Table(n int) (*Table, error) {
	if n < 1 || n > len(w.Tables) {
		return nil, fmt.Errorf("%w: table %d: there are tables 1 to %d", ErrInvalid, n, len(w.Tables))
	}
	return &w.Tables[n-1], nil
}

// SetTables changes the number of tables. A table is only taken away while it holds nothing.
func (w *Workshop) SetTables(n int) error {
	if n < 1 || n > MaxTables {
		return fmt.Errorf("%w: number of tables: choose between 1 and %d", ErrInvalid, MaxTables)
	}
	for len(w.Tables) > n {
		t := w.Tables[len(w.Tables)-1]
		if !t.empty() {
			return fmt.Errorf("%w: table %d has written on its sheet: it cannot be taken away", ErrInvalid, t.Number)
		}
		w.Tables = w.Tables[:len(w.Tables)-1]
	}
	for len(w.Tables) < n {
		w.Tables = append(w.Tables, Table{Number: len(w.Tables) + 1})
	}
	return nil
}

func (t Table) empty() bool {
	return len(t.Marks) == 0 && len(t.NewInsights) == 0 && len(t.Goals) == 0 && t.Chosen == "" && len(t.Ideas) == 0
}

// InsightText returns the statement of an insight by id: the team's, or one a table added.
func (w Workshop) InsightText(id string) (string, bool) {
	for _, in := range w.Insights {
		if in.ID == id {
			return in.Statement, true
		}
	}
	for _, t := range w.Tables {
		for _, in := range t.NewInsights {
			if in.ID == id {
				return in.Statement, true
			}
		}
	}
	return "", false
}

func (w Workshop) teamInsight(id string) bool {
	return slices.ContainsFunc(w.Insights, func(in Insight) bool { return in.ID == id })
}

// MarkInsight records table n's mark on one of the team's insights, replacing an earlier one;
// an amendment is needed with Amend, and only with it.
func (w *Workshop) MarkInsight(n int, insightID string, m Mark, amendment string) error {
	t, err := w.Table(n)
	if err != nil {
		return err
	}
	if !w.teamInsight(insightID) {
		return fmt.Errorf("%w: table %d's mark: no such insight of the team's", ErrInvalid, n)
	}
	switch m {
	case Agree, Disagree:
		if amendment != "" {
			return fmt.Errorf("%w: table %d's amendment: choose Amend to write one", ErrInvalid, n)
		}
	case Amend:
		if err := checkText(fmt.Sprintf("table %d's amendment", n), amendment, MaxLong); err != nil {
			return err
		}
	default:
		return fmt.Errorf("%w: table %d's mark: choose agree, disagree or amend", ErrInvalid, n)
	}
	mk := InsightMark{Insight: insightID, Mark: m, Amendment: amendment}
	if i := slices.IndexFunc(t.Marks, func(x InsightMark) bool { return x.Insight == insightID }); i >= 0 {
		t.Marks[i] = mk
		return nil
	}
	t.Marks = append(t.Marks, mk)
	return nil
}

// MarkOf returns table n's mark on an insight, if it made one.
func (t Table) MarkOf(insightID string) (InsightMark, bool) {
	i := slices.IndexFunc(t.Marks, func(x InsightMark) bool { return x.Insight == insightID })
	if i < 0 {
		return InsightMark{}, false
	}
	return t.Marks[i], true
}

// AddInsight adds a new insight of table n and returns its id.
func (w *Workshop) AddInsight(n int, statement string) (string, error) {
	t, err := w.Table(n)
	if err != nil {
		return "", err
	}
	if err := checkText(fmt.Sprintf("table %d's new insight", n), statement, MaxText); err != nil {
		return "", err
	}
	if len(t.NewInsights) >= MaxPerTable {
		return "", fmt.Errorf("%w: table %d's new insights: at most %d", ErrInvalid, n, MaxPerTable)
	}
	id := w.nextID("n")
	t.NewInsights = append(t.NewInsights, Insight{ID: id, Statement: statement})
	return id, nil
}

// RemoveInsight takes away one of table n's own new insights, unless a goal answers it.
func (w *Workshop) RemoveInsight(n int, insightID string) error {
	t, err := w.Table(n)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(t.NewInsights, func(in Insight) bool { return in.ID == insightID }) {
		return fmt.Errorf("%w: table %d's new insight: no such insight of this table", ErrInvalid, n)
	}
	if slices.ContainsFunc(t.Goals, func(g Goal) bool { return g.Insight == insightID }) {
		return fmt.Errorf("%w: table %d's new insight has a goal: remove the goal first", ErrInvalid, n)
	}
	t.NewInsights = slices.DeleteFunc(t.NewInsights, func(in Insight) bool { return in.ID == insightID })
	return nil
}

// AddGoal adds a goal of table n for an insight (the team's, or one of the table's own new
// insights) and returns its id. The goal joins the central list.
func (w *Workshop) AddGoal(n int, insightID, text string) (string, error) {
	t, err := w.Table(n)
	if err != nil {
		return "", err
	}
	own := slices.ContainsFunc(t.NewInsights, func(in Insight) bool { return in.ID == insightID })
	if !own && !w.teamInsight(insightID) {
		return "", fmt.Errorf("%w: table %d's goal: choose one of the team's insights or one of the table's own", ErrInvalid, n)
	}
	if err := checkText(fmt.Sprintf("table %d's goal", n), text, MaxText); err != nil {
		return "", err
	}
	if len(t.Goals) >= MaxPerTable {
		return "", fmt.Errorf("%w: table %d's goals: at most %d", ErrInvalid, n, MaxPerTable)
	}
	id := w.nextID("g")
	t.Goals = append(t.Goals, Goal{ID: id, Insight: insightID, Text: text})
	return id, nil
}

// RemoveGoal takes a goal of table n off the central list, unless a table has chosen it.
func (w *Workshop) RemoveGoal(n int, goalID string) error {
	t, err := w.Table(n)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(t.Goals, func(g Goal) bool { return g.ID == goalID }) {
		return fmt.Errorf("%w: table %d's goal: no such goal of this table", ErrInvalid, n)
	}
	if by := w.ChosenBy(goalID); by != 0 {
		return fmt.Errorf("%w: table %d's goal: table %d has chosen it: it stays", ErrInvalid, n, by)
	}
	t.Goals = slices.DeleteFunc(t.Goals, func(g Goal) bool { return g.ID == goalID })
	return nil
}

// CentralGoal is a goal on the central list: the table that set it, the insight it answers,
// and the table that chose it (0 for none).
type CentralGoal struct {
	Goal
	Table    int
	ChosenBy int
}

// Goals is the central list of goals, table by table in the order they were added.
func (w Workshop) Goals() []CentralGoal {
	var out []CentralGoal
	for _, t := range w.Tables {
		for _, g := range t.Goals {
			out = append(out, CentralGoal{Goal: g, Table: t.Number, ChosenBy: w.ChosenBy(g.ID)})
		}
	}
	return out
}

// Goal finds a goal on the central list.
func (w Workshop) Goal(id string) (CentralGoal, bool) {
	for _, g := range w.Goals() {
		if g.ID == id {
			return g, true
		}
	}
	return CentralGoal{}, false
}

// ChosenBy is the number of the table that chose the goal, or 0.
func (w Workshop) ChosenBy(goalID string) int {
	for _, t := range w.Tables {
		if t.Chosen == goalID && goalID != "" {
			return t.Number
		}
	}
	return 0
}

// Choose ticks the goal table n works on in idea generation (any table's goal on the central
// list): one another table has chosen is ErrTaken. A table may change its choice before it has
// chosen its actions.
func (w *Workshop) Choose(n int, goalID string) error {
	t, err := w.Table(n)
	if err != nil {
		return err
	}
	if _, ok := w.Goal(goalID); !ok {
		return fmt.Errorf("%w: table %d's chosen goal: no such goal on the central list", ErrInvalid, n)
	}
	if by := w.ChosenBy(goalID); by != 0 && by != n {
		return fmt.Errorf("table %d's chosen goal: table %d has it: %w", n, by, ErrTaken)
	}
	if len(t.Actions) > 0 && t.Chosen != goalID {
		return fmt.Errorf("%w: table %d has chosen its actions for its goal: clear them first to change the goal", ErrInvalid, n)
	}
	t.Chosen = goalID
	return nil
}

// AddIdea adds an idea of table n for its chosen goal and returns its id.
func (w *Workshop) AddIdea(n int, text string) (string, error) {
	t, err := w.Table(n)
	if err != nil {
		return "", err
	}
	if t.Chosen == "" {
		return "", fmt.Errorf("%w: table %d's idea: choose the table's goal first", ErrInvalid, n)
	}
	if err := checkText(fmt.Sprintf("table %d's idea", n), text, MaxText); err != nil {
		return "", err
	}
	if len(t.Ideas) >= MaxPerTable {
		return "", fmt.Errorf("%w: table %d's ideas: at most %d", ErrInvalid, n, MaxPerTable)
	}
	id := w.nextID("i")
	t.Ideas = append(t.Ideas, Idea{ID: id, Text: text})
	return id, nil
}

// RemoveIdea takes an idea of table n away, unless it is one of its chosen actions.
func (w *Workshop) RemoveIdea(n int, ideaID string) error {
	t, err := w.Table(n)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(t.Ideas, func(i Idea) bool { return i.ID == ideaID }) {
		return fmt.Errorf("%w: table %d's idea: no such idea of this table", ErrInvalid, n)
	}
	if slices.Contains(t.Actions, ideaID) {
		return fmt.Errorf("%w: table %d's idea is one of its three actions: clear the actions first", ErrInvalid, n)
	}
	t.Ideas = slices.DeleteFunc(t.Ideas, func(i Idea) bool { return i.ID == ideaID })
	return nil
}

// ChooseActions sets table n's three actions with the highest impact that can be implemented:
// exactly Actions different ideas of its own, in the order given. Nil clears them.
func (w *Workshop) ChooseActions(n int, ideaIDs []string) error {
	t, err := w.Table(n)
	if err != nil {
		return err
	}
	if ideaIDs == nil {
		t.Actions = nil
		return nil
	}
	if len(ideaIDs) != Actions {
		return fmt.Errorf("%w: table %d's actions: choose exactly %d of its ideas (%d chosen)", ErrInvalid, n, Actions, len(ideaIDs))
	}
	for i, id := range ideaIDs {
		if !slices.ContainsFunc(t.Ideas, func(x Idea) bool { return x.ID == id }) {
			return fmt.Errorf("%w: table %d's actions: action %d is not one of the table's ideas", ErrInvalid, n, i+1)
		}
		if slices.Contains(ideaIDs[:i], id) {
			return fmt.Errorf("%w: table %d's actions: the same idea is chosen twice", ErrInvalid, n)
		}
	}
	t.Actions = slices.Clone(ideaIDs)
	return nil
}

// Idea returns the text of one of the table's ideas.
func (t Table) Idea(id string) (string, bool) {
	for _, i := range t.Ideas {
		if i.ID == id {
			return i.Text, true
		}
	}
	return "", false
}

// BestIdeas is one table's feedback: its chosen goal and its three best ideas for change.
type BestIdeas struct {
	Table int
	Goal  string
	Ideas []string
}

// BestIdeas returns each table's three best ideas in turn, table by table, for the tables that
// have chosen their actions.
func (w Workshop) BestIdeas() []BestIdeas {
	var out []BestIdeas
	for _, t := range w.Tables {
		if len(t.Actions) == 0 {
			continue
		}
		b := BestIdeas{Table: t.Number}
		if g, ok := w.Goal(t.Chosen); ok {
			b.Goal = g.Text
		}
		for _, id := range t.Actions {
			if s, ok := t.Idea(id); ok {
				b.Ideas = append(b.Ideas, s)
			}
		}
		out = append(out, b)
	}
	return out
}

// SetNextSteps sets the host director's next steps ("" clears them).
func (w *Workshop) SetNextSteps(s string) error {
	if s != "" {
		if err := checkText("the host director's next steps", s, MaxLong); err != nil {
			return err
		}
	}
	w.NextSteps = s
	return nil
}

// AddWentWell adds an answer of the whole group to "What went well?".
func (w *Workshop) AddWentWell(s string) error {
	return addRemark(&w.WentWell, "the answer to \"What went well?\"", s)
}

// AddEvenBetter adds an answer of the whole group to "Even better if".
func (w *Workshop) AddEvenBetter(s string) error {
	return addRemark(&w.EvenBetter, "the answer to \"Even better if\"", s)
}

func addRemark(list *[]string, field, s string) error {
	if err := checkText(field, s, MaxText); err != nil {
		return err
	}
	if len(*list) >= MaxRemarks {
		return fmt.Errorf("%w: %s: at most %d answers", ErrInvalid, field, MaxRemarks)
	}
	*list = append(*list, s)
	return nil
}

// RemoveRemark removes answer i (from 0) of "What went well?" (evenBetter false) or "Even
// better if" (true).
func (w *Workshop) RemoveRemark(evenBetter bool, i int) error {
	list := &w.WentWell
	if evenBetter {
		list = &w.EvenBetter
	}
	if i < 0 || i >= len(*list) {
		return fmt.Errorf("%w: answer %d: no such answer", ErrInvalid, i+1)
	}
	*list = slices.Delete(*list, i, i+1)
	return nil
}

// Check says whether a workshop read back (from storage) keeps every rule: every text within
// its limits, tables numbered 1 to n, marks, goals, choices and actions pointing at what there
// is, no goal chosen twice.
func (w Workshop) Check() error {
	if len(w.Tables) < 1 || len(w.Tables) > MaxTables || len(w.Insights) > MaxInsights {
		return fmt.Errorf("%w: the workshop's tables or insights are out of bounds", ErrInvalid)
	}
	r, err := New(len(w.Tables), w.Insights)
	if err != nil {
		return err
	}
	for i, t := range w.Tables {
		if t.Number != i+1 {
			return fmt.Errorf("%w: table %d is numbered %d", ErrInvalid, i+1, t.Number)
		}
		for _, m := range t.Marks {
			if err := r.MarkInsight(t.Number, m.Insight, m.Mark, m.Amendment); err != nil {
				return err
			}
		}
		for _, in := range t.NewInsights {
			if err := checkText(fmt.Sprintf("table %d's new insight", t.Number), in.Statement, MaxText); err != nil {
				return err
			}
			if _, dup := r.InsightText(in.ID); dup || in.ID == "" {
				return fmt.Errorf("%w: table %d's new insight has no id of its own", ErrInvalid, t.Number)
			}
			r.Tables[i].NewInsights = append(r.Tables[i].NewInsights, in)
		}
		for _, g := range t.Goals {
			if _, dup := r.Goal(g.ID); dup || g.ID == "" {
				return fmt.Errorf("%w: table %d's goal has no id of its own", ErrInvalid, t.Number)
			}
			if _, err := r.AddGoal(t.Number, g.Insight, g.Text); err != nil {
				return err
			}
			gs := r.Tables[i].Goals
			gs[len(gs)-1].ID = g.ID
		}
	}
	for i, t := range w.Tables {
		if t.Chosen != "" {
			if err := r.Choose(t.Number, t.Chosen); err != nil {
				return err
			}
		}
		for _, id := range t.Ideas {
			if slices.ContainsFunc(r.Tables[i].Ideas, func(x Idea) bool { return x.ID == id.ID }) || id.ID == "" {
				return fmt.Errorf("%w: table %d's idea has no id of its own", ErrInvalid, t.Number)
			}
			if _, err := r.AddIdea(t.Number, id.Text); err != nil {
				return err
			}
			is := r.Tables[i].Ideas
			is[len(is)-1].ID = id.ID
		}
		if t.Actions != nil {
			if err := r.ChooseActions(t.Number, t.Actions); err != nil {
				return err
			}
		}
	}
	if err := r.SetNextSteps(w.NextSteps); err != nil {
		return err
	}
	for _, s := range w.WentWell {
		if err := r.AddWentWell(s); err != nil {
			return err
		}
	}
	for _, s := range w.EvenBetter {
		if err := r.AddEvenBetter(s); err != nil {
			return err
		}
	}
	return w.Timetable.check()
}
