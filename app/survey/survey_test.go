package survey

import (
	"errors"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestBuiltinIsAppendix2(t *testing.T) {
	s := Builtin()
	if len(s.Items) != 31 {
		t.Fatalf("Builtin() has %d items, want 31 (32 rows, row 29 repeating row 3)", len(s.Items))
	}
	if s.Points != 5 || s.ID != BuiltinID || s.Hash == "" {
		t.Errorf("Builtin() = points %d id %q hash %q", s.Points, s.ID, s.Hash)
	}
	if !strings.Contains(s.Source, "row 29 repeats row 3") {
		t.Errorf("the source note does not say how row 29 is treated: %q", s.Source)
	}
	// Every statement is in the handbook, word for word (the source's spacing aside).
	// testdata/handbook.txt is the source document (seed 001, the peer challenge handbook) as
	// it was given, kept in the module so that the comparison always runs.
	seed, err := os.ReadFile("testdata/handbook.txt")
	if err != nil {
		t.Fatal(err)
	}
	ws := regexp.MustCompile(`[\s\x{00a0}]+`)
	text := ws.ReplaceAllString(string(seed), " ")
	for _, it := range s.Items {
		for _, st := range []string{it.Left, it.Right} {
			if !strings.Contains(text, st) {
				t.Errorf("item %s: %q is not in Appendix 2", it.ID, st)
			}
		}
	}
	first, last := s.Items[0], s.Items[30]
	if !strings.HasPrefix(first.Left, "Leaders and managers link change") || !strings.HasPrefix(last.Right, "Partners and other teams are taken by surprise") {
		t.Errorf("first %q, last %q: not the appendix's order", first.Left, last.Right)
	}
}

func TestLoadProblemsNameLineAndField(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"empty", "", "s.yaml:1: the file is empty"},
		{"points", "id: a\nversion: 1\ntitle: T\nlanguage: en\npurpose: P\npoints: 12\nitems:\n  - id: x\n    left: L\n    right: R\n", "s.yaml:6: points: is 12"},
		{"missing right", "id: a\nversion: 1\ntitle: T\nlanguage: en\npurpose: P\npoints: 5\nitems:\n  - id: x\n    left: L\n", "s.yaml:8: items[0].right: is missing"},
		{"same statements", "id: a\nversion: 1\ntitle: T\nlanguage: en\npurpose: P\npoints: 5\nitems:\n  - id: x\n    left: L\n    right: L\n", "s.yaml:10: items[0].right: is the same as left"},
		{"repeated item", "id: a\nversion: 1\ntitle: T\nlanguage: en\npurpose: P\npoints: 5\nitems:\n  - id: x\n    left: L\n    right: R\n  - id: y\n    left: L\n    right: R\n", "s.yaml:11: items[1]: repeats the item on line 8"},
		{"duplicate id", "id: a\nversion: 1\ntitle: T\nlanguage: en\npurpose: P\npoints: 5\nitems:\n  - id: x\n    left: L\n    right: R\n  - id: x\n    left: L2\n    right: R2\n", "s.yaml:11: items[1].id: \"x\" is used twice"},
		{"unknown field", "id: a\nversion: 1\ntitle: T\nlanguage: en\npurpose: P\npoints: 5\ncolour: red\nitems:\n  - id: x\n    left: L\n    right: R\n", "s.yaml:7: colour: unknown field"},
		{"syntax", "id: a\n  version: [\n", "s.yaml:2: YAML syntax error"},
		{"control character", "id: a\nversion: 1\ntitle: \"T\\e\"\nlanguage: en\npurpose: P\npoints: 5\nitems:\n  - id: x\n    left: L\n    right: R\n", "s.yaml:3: title: holds the invisible control character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Load("s.yaml", []byte(tt.file))
			if s != nil || !errors.Is(err, ErrInvalid) {
				t.Fatalf("Load = %v, %v; want nil and ErrInvalid", s, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load error = %q, want it to hold %q", err, tt.want)
			}
		})
	}
}

func TestLoadValid(t *testing.T) {
	s, err := Load("s.yaml", []byte("id: a\nversion: 2\ntitle: T\nlanguage: en-GB\npurpose: P\npoints: 3\nitems:\n  - id: x\n    left: L\n    right: R\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Version != 2 || s.Points != 3 || len(s.Items) != 1 || s.Items[0].Right != "R" || s.Hash != ContentHash(s) {
		t.Errorf("Load = %+v", s)
	}
}

func engagement() *Engagement {
	s := Builtin()
	return &Engagement{EngagementID: "e", Title: "Survey", SurveyID: s.ID, SurveyVersion: s.Version, SurveyHash: s.Hash,
		Teams: []string{"Front door", "Children in care", "Fostering"},
		Opens: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Closes: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC),
		DeletionDate: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)}
}

func TestEngagementRules(t *testing.T) {
	e := engagement()
	e.Normalise()
	if e.MinGroup != DefaultMinGroup {
		t.Errorf("default MinGroup = %d, want %d", e.MinGroup, DefaultMinGroup)
	}
	if err := e.Check(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		edit func(*Engagement)
		want string
	}{
		{"min group 2", func(e *Engagement) { e.MinGroup = 2 }, "at least 3"},
		{"no teams", func(e *Engagement) { e.Teams = nil }, "teams: name at least one team"},
		{"twice", func(e *Engagement) { e.Teams = []string{"A", "a"} }, "named twice"},
		{"other teams", func(e *Engagement) { e.Teams = []string{"Other teams"} }, "merged small teams"},
		{"closes before", func(e *Engagement) { e.Closes = e.Opens.AddDate(0, 0, -1) }, "before it opens"},
		{"deletion", func(e *Engagement) { e.DeletionDate = e.Closes }, "not after the closing day"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := engagement()
			e.Normalise()
			tt.edit(e)
			err := e.Check()
			if !errors.Is(err, ErrEngagement) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check() = %v, want ErrEngagement holding %q", err, tt.want)
			}
		})
	}
	e.Normalise()
	for _, tt := range []struct {
		at   time.Time
		open bool
	}{
		{time.Date(2026, 2, 28, 23, 59, 0, 0, time.UTC), false},
		{time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2026, 3, 14, 23, 59, 0, 0, time.UTC), true},
		{time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), false},
	} {
		if got := e.IsOpen(tt.at); got != tt.open {
			t.Errorf("IsOpen(%v) = %v, want %v", tt.at, got, tt.open)
		}
	}
}

func TestResponseRoundTripAndChecks(t *testing.T) {
	s, e := Builtin(), engagement()
	r := Response{Team: "Fostering", Answers: map[string]int{"r32-partners": 5, "r01-worthwhile": 1}}
	if err := CheckResponse(s, e, r); err != nil {
		t.Fatal(err)
	}
	b, err := Encode(s, r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(s, b)
	if err != nil || got.Team != r.Team || got.Answers["r32-partners"] != 5 || len(got.Answers) != 2 {
		t.Errorf("Decode(Encode(r)) = %+v, %v", got, err)
	}
	// Another wording of the survey does not read it.
	other := s.Clone()
	other.Hash = strings.Repeat("0", len(s.Hash))
	if _, err := Decode(other, b); !errors.Is(err, ErrResponse) {
		t.Errorf("Decode(another survey) = %v, want ErrResponse", err)
	}
	// A response stored by the first version is still read.
	legacy := []byte(`{"v":1,"survey":"` + s.Hash + `","team":"Fostering","answers":{"r01-worthwhile":1}}`)
	if got, err := Decode(s, legacy); err != nil || got.Team != "Fostering" || got.Answers["r01-worthwhile"] != 1 {
		t.Errorf("Decode(first version) = %+v, %v", got, err)
	}
	for _, bad := range []Response{
		{Team: "Nobody", Answers: nil},
		{Team: "Fostering", Answers: map[string]int{"r01-worthwhile": 6}},
		{Team: "Fostering", Answers: map[string]int{"r29": 3}},
	} {
		if err := CheckResponse(s, e, bad); !errors.Is(err, ErrResponse) {
			t.Errorf("CheckResponse(%+v) = %v, want ErrResponse", bad, err)
		}
	}
}

// answers makes n responses of team, each choosing point p for every item.
func answers(s *Survey, team string, n, p int) []Response {
	var out []Response
	for range n {
		a := map[string]int{}
		for _, it := range s.Items {
			a[it.ID] = p
		}
		out = append(out, Response{Team: team, Answers: a})
	}
	return out
}

// spread makes n responses of team around point p: n-2 choosing p for every item, two the
// point below it (above, at the first point), so that no item's answers are all, or all but
// one, on one point (Disclosive).
func spread(s *Survey, team string, n, p int) []Response {
	q := p - 1
	if q < 1 {
		q = p + 1
	}
	out := answers(s, team, n-2, p)
	return append(out, answers(s, team, 2, q)...)
}

func names(gs []Group) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.Name)
	}
	return out
}

func TestAggregateShowsTeamsAtTheMinimum(t *testing.T) {
	s := Builtin()
	var rs []Response
	rs = append(rs, spread(s, "A", 5, 1)...)
	rs = append(rs, spread(s, "B", 6, 5)...)
	r := Aggregate(s, []string{"A", "B"}, 5, rs)
	if got := names(r.Groups); strings.Join(got, ",") != "A,B" || len(r.Withheld)+len(r.Merged) != 0 {
		t.Fatalf("groups %v merged %v withheld %v", got, r.Merged, r.Withheld)
	}
	a, b, all := r.Groups[0].Items[0], r.Groups[1].Items[0], r.Overall.Items[0]
	if math.Abs(a.Position+0.8) > 1e-9 || math.Abs(b.Position-5.0/6) > 1e-9 || a.Counts[0] != 3 || a.Counts[1] != 2 || b.Counts[4] != 4 || b.Counts[3] != 2 {
		t.Errorf("A %+v, B %+v", a, b)
	}
	if all.Answered != 11 || math.Abs(all.Mean-(3*1+2*2+4*5+2*4)/11.0) > 1e-9 || r.Overall.Responses != 11 {
		t.Errorf("overall %+v, %d responses", all, r.Overall.Responses)
	}
	if len(r.Differences) != MaxDifferences || math.Abs(r.Differences[0].Spread-(0.8+5.0/6)) > 1e-9 || r.Differences[0].Lowest != "A" || r.Differences[0].Highest != "B" {
		t.Errorf("differences %+v", r.Differences)
	}
}

// With exactly one team below the minimum, the overall figures must not hold it: the overall
// less the shown teams would be that team's answers.
func TestAggregateOneSmallTeamCannotBeFoundBySubtraction(t *testing.T) {
	s := Builtin()
	var rs []Response
	rs = append(rs, spread(s, "A", 5, 2)...)
	rs = append(rs, spread(s, "B", 5, 4)...)
	rs = append(rs, spread(s, "Small", 2, 5)...)
	r := Aggregate(s, []string{"A", "B", "Small"}, 5, rs)
	if strings.Join(r.Withheld, ",") != "Small" || len(r.Merged) != 0 {
		t.Fatalf("withheld %v merged %v, want Small withheld", r.Withheld, r.Merged)
	}
	for _, g := range r.Groups {
		if g.Name == "Small" || g.Other {
			t.Errorf("group %q shown", g.Name)
		}
	}
	// Subtract the shown teams from the overall figures: nothing may be left.
	if left := r.Overall.Responses - r.Groups[0].Responses - r.Groups[1].Responses; left != 0 {
		t.Errorf("overall responses less shown teams = %d, want 0", left)
	}
	for i := range s.Items {
		for p := range s.Points {
			left := r.Overall.Items[i].Counts[p] - r.Groups[0].Items[i].Counts[p] - r.Groups[1].Items[i].Counts[p]
			if left != 0 {
				t.Fatalf("item %d point %d: overall less shown teams = %d, want 0", i, p+1, left)
			}
		}
	}
	if r.Overall.Items[0].Counts[4] != 0 {
		t.Errorf("the small team's answers (all 5s) are in the overall: %v", r.Overall.Items[0].Counts)
	}
}

func TestAggregateMergesSmallTeamsThatReachTheMinimum(t *testing.T) {
	s := Builtin()
	var rs []Response
	rs = append(rs, spread(s, "A", 7, 2)...)
	rs = append(rs, spread(s, "B", 3, 4)...)
	rs = append(rs, spread(s, "C", 2, 5)...)
	r := Aggregate(s, []string{"A", "B", "C", "D"}, 5, rs)
	if got := strings.Join(names(r.Groups), ","); got != "A,"+OtherTeams {
		t.Fatalf("groups = %s", got)
	}
	other := r.Groups[1]
	if !other.Other || other.Responses != 5 || strings.Join(r.Merged, ",") != "B,C,D" || len(r.Withheld) != 0 {
		t.Errorf("other %+v merged %v withheld %v", other, r.Merged, r.Withheld)
	}
	if r.Overall.Responses != 12 {
		t.Errorf("overall responses = %d, want 12", r.Overall.Responses)
	}
}

func TestAggregateWithholdsThinItems(t *testing.T) {
	s := Builtin()
	rs := spread(s, "A", 6, 3)
	rs = append(rs, spread(s, "B", 5, 5)...)
	for i := range 2 { // only 3 in B answered the first item
		delete(rs[6+i].Answers, s.Items[0].ID)
	}
	r := Aggregate(s, []string{"A", "B"}, 5, rs)
	b := r.Groups[1].Items[0]
	if !b.Withheld || b.Answered != 0 || !math.IsNaN(b.Position) {
		t.Errorf("B's thin item = %+v, want withheld", b)
	}
	all := r.Overall.Items[0]
	if all.Answered != 6 || all.Excluded != 1 || all.Counts[4] != 0 {
		t.Errorf("overall thin item = %+v, want only A's 6 answers", all)
	}
	if r.Groups[1].Items[1].Withheld {
		t.Error("B's second item withheld")
	}
}

func TestAggregateNothingToShow(t *testing.T) {
	s := Builtin()
	r := Aggregate(s, []string{"A", "B"}, 5, answers(s, "A", 4, 3))
	if r.Shown() || r.Overall.Responses != 0 || strings.Join(r.Withheld, ",") != "A,B" {
		t.Errorf("results = %+v", r)
	}
	if !r.Overall.Items[0].Withheld {
		t.Error("overall item shown with nothing to show")
	}
}

func TestChartWordsAndSegments(t *testing.T) {
	var got []string
	for p := 1; p <= 5; p++ {
		got = append(got, PointLabel(5, p))
	}
	if strings.Join(got, ",") != "Left,Slightly left,Between,Slightly right,Right" {
		t.Errorf("PointLabel(5) = %v", got)
	}
	got = nil
	for p := 1; p <= 7; p++ {
		got = append(got, PointLabel(7, p))
	}
	if strings.Join(got, ",") != "Left,Mostly left,Slightly left,Between,Slightly right,Mostly right,Right" {
		t.Errorf("PointLabel(7) = %v", got)
	}
	ir := ItemResult{Counts: []int{2, 0, 4, 2, 0}, Answered: 8}
	segs := Segments(ir)
	want := map[int][2]float64{3: {-0.25, 0.25}, 2: {-0.25, -0.25}, 1: {-0.5, -0.25}, 4: {0.25, 0.5}, 5: {0.5, 0.5}}
	if len(segs) != 5 {
		t.Fatalf("Segments = %v", segs)
	}
	for _, s := range segs {
		if w := want[s.Point]; math.Abs(s.From-w[0]) > 1e-9 || math.Abs(s.To-w[1]) > 1e-9 {
			t.Errorf("segment of point %d = %v..%v, want %v", s.Point, s.From, s.To, w)
		}
	}
	if Segments(ItemResult{Counts: make([]int, 5), Withheld: true}) != nil {
		t.Error("a withheld item has segments")
	}
}

// TestEncodedResponsesAreOneSize: the sealed length is a constant plus this, so it must not
// vary with the team's name or the items answered.
func TestEncodedResponsesAreOneSize(t *testing.T) {
	s := Builtin()
	longest := strings.Repeat("é", MaxTeamName)
	all := map[string]int{}
	for _, it := range s.Items {
		all[it.ID] = s.Points
	}
	for _, r := range []Response{
		{Team: "A"},
		{Team: longest, Answers: all},
		{Team: "Children in care", Answers: map[string]int{"r01-worthwhile": 3}},
	} {
		b, err := Encode(s, r)
		if err != nil || len(b) != EncodedSize {
			t.Errorf("len(Encode(%q, %d answers)) = %d, %v; want %d", r.Team, len(r.Answers), len(b), err, EncodedSize)
		}
	}
	if _, err := Encode(s, Response{Team: longest + "x"}); !errors.Is(err, ErrResponse) {
		t.Errorf("Encode(a team name too long) = %v, want ErrResponse", err)
	}
}

func TestDisclosiveCellsAreWithheld(t *testing.T) {
	for _, tt := range []struct {
		counts []int
		want   bool
	}{
		{[]int{0, 0, 0, 0, 5}, true},  // every answer the same
		{[]int{1, 0, 0, 0, 4}, true},  // all but one: the one knows the others'
		{[]int{0, 0, 0, 4, 0}, true},  // all the same, anywhere
		{[]int{2, 0, 0, 0, 4}, false}, // two apart
		{[]int{1, 1, 1, 1, 1}, false},
		{[]int{0, 0, 0, 0, 0}, false},
	} {
		if got := Disclosive(tt.counts); got != tt.want {
			t.Errorf("Disclosive(%v) = %v, want %v", tt.counts, got, tt.want)
		}
	}
	// A team of five all answering the first item "Right" (the attack on the demo's item 14),
	// another of six split on it: the five's item is withheld, the overall holds the six only.
	s := Builtin()
	var rs []Response
	for i := range 5 {
		rs = append(rs, Response{Team: "A", Answers: map[string]int{"r01-worthwhile": 5, "r02-vision": 1 + i%3}})
	}
	for i := range 6 {
		rs = append(rs, Response{Team: "B", Answers: map[string]int{"r01-worthwhile": 1 + i%2, "r02-vision": 1 + i%3}})
	}
	r := Aggregate(s, []string{"A", "B"}, 5, rs)
	if len(r.Groups) != 2 {
		t.Fatalf("groups = %+v", r.Groups)
	}
	a, b, all := r.Groups[0].Items[0], r.Groups[1].Items[0], r.Overall.Items[0]
	if !a.Withheld || a.Answered != 0 || slices.Max(a.Counts) != 0 || !math.IsNaN(a.Mean) {
		t.Errorf("A's unanimous item = %+v, want withheld with no figure", a)
	}
	if b.Withheld || all.Withheld || all.Answered != 6 || all.Excluded != 1 {
		t.Errorf("B's item = %+v, overall = %+v; want B shown, the overall B's six with A left out", b, all)
	}
	if r.Groups[0].Items[1].Withheld {
		t.Errorf("A's split item withheld: %+v", r.Groups[0].Items[1])
	}
}

// TestBuiltinMarksItsAdditions: what the survey and its results' rules add to the handbook is
// marked in its file: the respondent's words, the five points and the smallest group shown.
func TestBuiltinMarksItsAdditions(t *testing.T) {
	s := Builtin()
	for _, part := range []string{"purpose", "points", PartMinGroup} {
		if !slices.ContainsFunc(s.Additions, func(a Addition) bool { return a.Part == part && a.Why != "" }) {
			t.Errorf("%s is not marked as an addition", part)
		}
	}
}

func TestLoadAdditions(t *testing.T) {
	head := "id: a\nversion: 1\ntitle: T\nlanguage: en\npurpose: P\npoints: 5\nitems:\n  - id: x\n    left: L\n    right: R\n"
	for _, tc := range []struct{ name, additions, want string }{
		{"unknown part", "additions:\n  - part: colour\n    why: W\n", `s.yaml:12: additions[0].part: "colour" names no part`},
		{"unknown item", "additions:\n  - part: items.y\n    why: W\n", `s.yaml:12: additions[0].part: "items.y" names no part`},
		{"twice", "additions:\n  - part: points\n    why: W\n  - part: points\n    why: V\n", `s.yaml:14: additions[1].part: "points" is already marked on line 12`},
		{"no why", "additions:\n  - part: points\n", `s.yaml:12: additions[0].why: is missing`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Load("s.yaml", []byte(head+tc.additions)); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load = %v, want %q", err, tc.want)
			}
		})
	}
	s, err := Load("s.yaml", []byte(head+"additions:\n  - part: items.x\n    why: W\n  - part: min_group\n    why: V\n"))
	if err != nil || len(s.Additions) != 2 || s.Additions[0] != (Addition{"items.x", "W"}) {
		t.Errorf("Load = %+v, %v", s, err)
	}
}
