package board

import (
	"errors"
	"slices"
	"testing"

	"quietroom/app/seal"
)

// TestPinOnlyQuotes: the handbook's insights are "illustrated with key quotes that they have
// recorded": a note or the team's own post-it is never pinned as one.
func TestPinOnlyQuotes(t *testing.T) {
	q, n, p := quote(t, Rose, "They listen"), note(t, Rose, "Staff seemed tired"), item(t, Thorn, "Rota late")
	tests := []struct {
		name string
		it   Item
		want error
	}{
		{"quote", q, nil},
		{"note", n, ErrNotAQuote},
		{"post-it", p, ErrNotAQuote},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w Work
			th, _ := w.AddTheme("Listening")
			in, _ := w.AddInsight(th, "People feel heard")
			err := w.PinQuote(in, tt.it)
			if !errors.Is(err, tt.want) && !(tt.want == nil && err == nil) {
				t.Fatalf("PinQuote(%s) = %v, want %v", tt.it.Kind, err, tt.want)
			}
			if pinned := len(w.Themes[0].Insights[0].Quotes); (tt.want == nil) != (pinned == 1) {
				t.Errorf("after PinQuote(%s): %d pinned", tt.it.Kind, pinned)
			}
		})
	}
}

// TestPresentKinds: a theme shows its key quotes as quotes and its notes and post-its as the
// team's points; an insight shows only key quotes, even a note pinned before items had a kind.
func TestPresentKinds(t *testing.T) {
	q := quote(t, Rose, "QUOTE my manager listens")
	n := note(t, Thorn, "NOTE staff seemed tired")
	p := item(t, Rose, "POSTIT supervision monthly")
	b := item(t, Bud, "BUD a duty rota")
	w := Work{Themes: []Theme{{ID: NewID(), Name: "Listening", Items: []string{n.ID, p.ID, q.ID, b.ID},
		Insights: []Insight{{ID: NewID(), Statement: "Staff feel heard", Quotes: []string{n.ID, q.ID}}}}}}
	pr := Present(w, []Item{q, n, p, b}, nil)
	th := pr.Themes[0]
	if !slices.Equal(th.Quotes, []string{q.Text}) || !slices.Equal(th.Points, []string{n.Text, p.Text}) {
		t.Errorf("theme = quotes %q, points %q; want quotes [%q], points [%q %q]", th.Quotes, th.Points, q.Text, n.Text, p.Text)
	}
	if got := pr.Insights[0].Quotes; !slices.Equal(got, []string{q.Text}) {
		t.Errorf("insight quotes = %q, want only the key quote", got)
	}
}

// TestPresentCountsPeople: a small-group interview counts its people, the floor works on
// people, and the interviews are told apart one-to-one and small-group.
func TestPresentCountsPeople(t *testing.T) {
	ivs := []Interview{
		{ID: NewID(), Group: "foster carers", People: 3},
		{ID: NewID(), Group: "social workers"},
		{ID: NewID(), Group: "social workers", People: 1},
		{ID: NewID(), Group: "elected members", People: 2},
		{ID: NewID(), Group: "partners", People: 1},
	}
	p := Present(Work{}, nil, ivs)
	iv := p.Interviewed
	if !slices.Equal(iv.Groups, []GroupCount{{"foster carers", 3}}) || iv.SmallGroups != 3 || iv.SmallPeople != 5 ||
		iv.Total != 8 || iv.Interviews != 5 {
		t.Errorf("Interviewed = %+v, want foster carers 3 shown, 5 people in 3 small groups, 8 people in 5 interviews", iv)
	}
	if m := p.Methodology; m.Interviews != 5 || m.OneToOne != 3 || m.SmallGroup != 2 {
		t.Errorf("Methodology = %+v, want 5 interviews: 3 one-to-one, 2 small-group", m)
	}
	for _, tt := range []struct {
		m    Methodology
		want string
	}{
		{Methodology{OneToOne: 3, SmallGroup: 2}, "3 confidential one-to-one and 2 small-group interviews"},
		{Methodology{OneToOne: 1}, "1 confidential one-to-one interview"},
		{Methodology{SmallGroup: 1}, "1 confidential small-group interview"},
		{Methodology{SmallGroup: 2}, "2 confidential small-group interviews"},
	} {
		if got := InterviewsPhrase(tt.m); got != tt.want {
			t.Errorf("InterviewsPhrase(%+v) = %q, want %q", tt.m, got, tt.want)
		}
	}
}

// TestKindsSealed: an item keeps its kind sealed, every kind seals to one size, and an item
// sealed before items had a kind opens as a note, never a quote. An interview record keeps its
// people; one sealed before counts one; a count out of bounds is refused in a bundle.
func TestKindsSealed(t *testing.T) {
	k := newBoard(t, "eng-kinds")
	w, err := k.Writer()
	if err != nil {
		t.Fatal(err)
	}
	sizes := map[int]bool{}
	for _, it := range []Item{quote(t, Rose, "same length text"), note(t, Rose, "same length text"), item(t, Rose, "same length text")} {
		s, err := w.SealItem(it)
		if err != nil {
			t.Fatal(err)
		}
		sizes[len(s)] = true
		got, err := k.OpenItem(it.ID, s)
		if err != nil || got != it {
			t.Errorf("OpenItem(SealItem(%+v)) = %+v, %v", it, got, err)
		}
	}
	if len(sizes) != 1 {
		t.Errorf("sealed sizes by kind = %v, want one size", sizes)
	}
	id := NewID()
	old, err := w.seal(seal.PurposeBoardItem, id, []byte(`{"t":"rose","x":"from an older kiosk"}`))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := k.OpenItem(id, old); err != nil || got.Kind != KindNote {
		t.Errorf("OpenItem(an item without a kind) = %+v, %v; want a note", got, err)
	}

	iv := Interview{ID: NewID(), Group: "foster carers", QuestionSet: "Peer challenge", People: 5}
	s, err := w.SealInterview(iv)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := k.OpenInterview(iv.ID, s); err != nil || got != iv {
		t.Errorf("OpenInterview = %+v, %v; want %+v", got, err, iv)
	}
	one := Interview{ID: NewID(), Group: "foster carers", QuestionSet: "Peer challenge"}
	s1, _ := w.SealInterview(one)
	if len(s1) != len(s) {
		t.Errorf("a one-to-one seals to %d bytes, a group to %d: want one size", len(s1), len(s))
	}
	oldIV, _ := w.seal(seal.PurposeBoardInterview, one.ID, []byte(`{"g":"foster carers","s":""}`))
	if got, err := k.OpenInterview(one.ID, oldIV); err != nil || got.People != 1 {
		t.Errorf("OpenInterview(a record without people) = %+v, %v; want 1 person", got, err)
	}
	if _, err := w.SealInterview(Interview{ID: NewID(), Group: "foster carers", People: MaxInterviewPeople + 1}); err == nil {
		t.Errorf("SealInterview(%d people) = nil error, want one", MaxInterviewPeople+1)
	}
	big, _ := w.seal(seal.PurposeBoardInterview, one.ID, []byte(`{"g":"foster carers","s":"","p":90}`))
	got, _ := k.OpenInterview(one.ID, big)
	if err := checkInterview(got, "interview 1 of 1"); !errors.Is(err, ErrContent) {
		t.Errorf("checkInterview(90 people) = %v, want ErrContent", err)
	}
}
