package board

import (
	"errors"
	"slices"
	"testing"
)

func TestWorkThemesAndInsights(t *testing.T) {
	a, b, c := quote(t, Rose, "They listen"), quote(t, Thorn, "Phones ring out"), quote(t, Bud, "A duty rota")
	var w Work
	t1, _ := w.AddTheme("Listening")
	t2, _ := w.AddTheme("Access")
	if _, err := w.AddTheme("  "); !errors.Is(err, ErrInvalid) {
		t.Fatalf("AddTheme(blank) = %v", err)
	}
	w.Move(a.ID, t1)
	w.Move(b.ID, t1)
	w.Move(b.ID, t2) // moved, not copied
	if w.ThemeOf(b.ID) != t2 || len(w.Themes[0].Items) != 1 {
		t.Fatalf("after moves: %+v", w.Themes)
	}
	if u := w.Unsorted([]Item{a, b, c}); len(u) != 1 || u[0].ID != c.ID {
		t.Fatalf("Unsorted = %+v", u)
	}
	w.Move(b.ID, "")
	if w.ThemeOf(b.ID) != "" {
		t.Fatal("Move to no theme kept the item in one")
	}
	in, _ := w.AddInsight(t1, "People feel heard")
	if err := w.PinQuote(in, a); err != nil {
		t.Fatal(err)
	}
	w.PinQuote(in, b)
	if err := w.PinQuote(in, c); !errors.Is(err, ErrInvalid) {
		t.Fatalf("third quote = %v, want ErrInvalid", err)
	}
	if w.InsightAim() != AimFewer {
		t.Fatal("one insight meets the 4-6 aim")
	}
	for i := 0; i < 3; i++ {
		w.AddInsight(t2, "more")
	}
	if w.InsightAim() != AimMet {
		t.Fatal("four insights miss the aim")
	}
	for i := 0; i < 3; i++ {
		w.AddInsight(t2, "more")
	}
	if w.InsightAim() != AimMore {
		t.Fatal("seven insights meet the aim")
	}
	w.Forget(a.ID)
	if q := w.Themes[0].Insights[0].Quotes; len(q) != 1 || q[0] != b.ID {
		t.Fatalf("after Forget quotes = %v", q)
	}
	if err := w.RemoveTheme(t1); err != nil || len(w.Themes) != 1 {
		t.Fatalf("RemoveTheme = %v, %+v", err, w.Themes)
	}
}

func TestPresentSmallGroups(t *testing.T) {
	var ivs []Interview
	add := func(g string, n int) {
		for i := 0; i < n; i++ {
			ivs = append(ivs, Interview{ID: NewID(), Group: g, QuestionSet: "Peer challenge: staff"})
		}
	}
	add("social workers", 5)
	add("foster carers", 3)
	add("elected members", 2)
	add("partners", 1)
	a, b := quote(t, Rose, "They listen"), item(t, Bud, "A duty rota")
	var w Work
	th, _ := w.AddTheme("Listening")
	w.Move(a.ID, th)
	in, _ := w.AddInsight(th, "People feel heard")
	w.EditInsight(in, "People feel heard", "Across groups")
	w.PinQuote(in, a)
	p := Present(w, []Item{a, b}, ivs)
	if len(p.Interviewed.Groups) != 2 || p.Interviewed.Groups[0].Group != "social workers" ||
		p.Interviewed.SmallGroups != 2 || p.Interviewed.SmallPeople != 3 || p.Interviewed.Total != 11 {
		t.Fatalf("Interviewed = %+v", p.Interviewed)
	}
	if p.Methodology.Interviews != 11 || len(p.Methodology.QuestionSets) != 1 {
		t.Fatalf("Methodology = %+v", p.Methodology)
	}
	if len(p.Insights) != 1 || p.Insights[0].Quotes[0] != "They listen" || p.Insights[0].Description != "Across groups" {
		t.Fatalf("Insights = %+v", p.Insights)
	}
	if len(p.Ideas) != 1 || p.Ideas[0] != "A duty rota" || p.InsightAim != AimFewer {
		t.Fatalf("Ideas = %v, aim %v", p.Ideas, p.InsightAim)
	}
}

// TestPresentFloor checks that groups of one and two people are never shown on their own,
// and that the floor said in the presentation is the board's.
func TestPresentFloor(t *testing.T) {
	for _, tc := range []struct {
		name   string
		groups map[string]int
		shown  []string
		small  int
	}{
		{"one person", map[string]int{"partners": 1}, nil, 1},
		{"two people", map[string]int{"elected members": 2}, nil, 2},
		{"three people", map[string]int{"foster carers": 3}, []string{"foster carers"}, 0},
		{"mixed", map[string]int{"partners": 1, "elected members": 2, "foster carers": 3}, []string{"foster carers"}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ivs []Interview
			for g, n := range tc.groups {
				for range n {
					ivs = append(ivs, Interview{ID: NewID(), Group: g})
				}
			}
			iv := Present(Work{}, nil, ivs).Interviewed
			var shown []string
			for _, g := range iv.Groups {
				shown = append(shown, g.Group)
			}
			if !slices.Equal(shown, tc.shown) || iv.SmallPeople != tc.small || iv.Threshold != SmallGroup {
				t.Errorf("Present(%v).Interviewed = %+v, want shown %v, %d people merged, threshold %d", tc.groups, iv, tc.shown, tc.small, SmallGroup)
			}
		})
	}
	if SmallGroup < 3 {
		t.Errorf("SmallGroup = %d, want at least 3", SmallGroup)
	}
}
