package boards_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"quietroom/app/board"
	"quietroom/app/kiosk/boards"
)

// sealedWork is the board's work as the store keeps it.
func sealedWork(t *testing.T, r *rooms) []byte {
	t.Helper()
	_, sealed, err := r.one.DB.Board(ctx, r.engOne)
	if err != nil {
		t.Fatal(err)
	}
	return sealed
}

// reopened reads the work as a member who opens the board afresh does.
func reopened(t *testing.T, r *rooms, who string) board.Work {
	t.Helper()
	b := open(t, r.one, who, r.engOne)
	defer b.Close()
	w, err := b.Work(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestBoardWorkIntents: each of the board's intents stores its change sealed (none of the
// words in the store), and the change is there when the board is opened again, by the member
// who made it and by another.
func TestBoardWorkIntents(t *testing.T) {
	r := twoRooms(t)
	b := open(t, r.one, r.alice, r.engOne)
	defer b.Close()
	q1, _ := board.NewQuote(board.Rose, "QUOTE-1 my manager really listens")
	q2, _ := board.NewQuote(board.Rose, "QUOTE-2 supervision every month")
	q3, _ := board.NewQuote(board.Thorn, "QUOTE-3 nobody calls back")
	if _, err := b.Contribute(ctx, []board.Item{q1, q2, q3}); err != nil {
		t.Fatal(err)
	}
	var words []string
	step := func(what string, err error, check func(w board.Work) error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s = %v", what, err)
		}
		sealed := sealedWork(t, r)
		for _, s := range words {
			if bytes.Contains(sealed, []byte(s)) {
				t.Errorf("after %s the stored work holds %q in the clear", what, s)
			}
		}
		for _, who := range []string{r.alice, r.bob} {
			if err := check(reopened(t, r, who)); err != nil {
				t.Errorf("after %s, the board opened again: %v", what, err)
			}
		}
	}

	words = append(words, "AIM-to-see-support")
	step("SetAim", b.SetAim(ctx, "  AIM-to-see-support "), func(w board.Work) error {
		if w.Aim != "AIM-to-see-support" {
			return fmt.Errorf("aim %q", w.Aim)
		}
		return nil
	})
	words = append(words, "THEME-listened", "THEME-access")
	th, err := b.AddTheme(ctx, "THEME-listened")
	step("AddTheme", err, func(w board.Work) error {
		if len(w.Themes) != 1 || w.Themes[0].ID != th || w.Themes[0].Name != "THEME-listened" {
			return fmt.Errorf("themes %+v", w.Themes)
		}
		return nil
	})
	other, err := b.AddTheme(ctx, "THEME-access")
	step("AddTheme (a second)", err, func(w board.Work) error {
		if len(w.Themes) != 2 || w.Themes[1].ID != other {
			return fmt.Errorf("themes %+v", w.Themes)
		}
		return nil
	})
	words = append(words, "THEME-being-heard")
	step("RenameTheme", b.RenameTheme(ctx, th, "THEME-being-heard"), func(w board.Work) error {
		if w.Themes[0].Name != "THEME-being-heard" {
			return fmt.Errorf("name %q", w.Themes[0].Name)
		}
		return nil
	})
	for _, q := range []board.Item{q1, q2, q3} {
		step("MoveItem", b.MoveItem(ctx, q.ID, th), func(w board.Work) error {
			if w.ThemeOf(q.ID) != th {
				return fmt.Errorf("item in theme %q", w.ThemeOf(q.ID))
			}
			return nil
		})
	}
	words = append(words, "INSIGHT-staff-heard", "DESC-managers-make-time")
	in, err := b.AddInsight(ctx, th, boards.InsightEdit{Statement: "INSIGHT-staff-heard", Description: "DESC-managers-make-time", Pin: []string{q1.ID}})
	step("AddInsight", err, func(w board.Work) error {
		ins := w.Themes[0].Insights
		if len(ins) != 1 || ins[0].ID != in || ins[0].Statement != "INSIGHT-staff-heard" || ins[0].Description != "DESC-managers-make-time" ||
			!slices.Equal(ins[0].Quotes, []string{q1.ID}) {
			return fmt.Errorf("insights %+v", ins)
		}
		return nil
	})
	words = append(words, "INSIGHT-staff-feel-heard", "DESC-and-act")
	step("EditInsight", b.EditInsight(ctx, in, boards.InsightEdit{Statement: "INSIGHT-staff-feel-heard", Description: "DESC-and-act",
		Pin: []string{q2.ID}, Unpin: []string{q1.ID}}), func(w board.Work) error {
		i := w.Insights()[0]
		if i.Statement != "INSIGHT-staff-feel-heard" || i.Description != "DESC-and-act" || !slices.Equal(i.Quotes, []string{q2.ID}) {
			return fmt.Errorf("insight %+v", i)
		}
		return nil
	})
	step("PinQuote", b.PinQuote(ctx, in, q3.ID), func(w board.Work) error {
		if got := w.Insights()[0].Quotes; !slices.Equal(got, []string{q2.ID, q3.ID}) {
			return fmt.Errorf("quotes %v", got)
		}
		return nil
	})
	step("UnpinQuote", b.UnpinQuote(ctx, in, q2.ID), func(w board.Work) error {
		if got := w.Insights()[0].Quotes; !slices.Equal(got, []string{q3.ID}) {
			return fmt.Errorf("quotes %v", got)
		}
		return nil
	})
	step("RemoveInsight", b.RemoveInsight(ctx, in), func(w board.Work) error {
		if len(w.Insights()) != 0 {
			return fmt.Errorf("insights %+v", w.Insights())
		}
		return nil
	})
	step("RemoveTheme", b.RemoveTheme(ctx, th), func(w board.Work) error {
		if len(w.Themes) != 1 || w.Themes[0].ID != other || w.ThemeOf(q1.ID) != "" {
			return fmt.Errorf("themes %+v", w.Themes)
		}
		return nil
	})
}

// TestBoardWorkRefusals: a change the board's rules refuse, or one about a theme, an insight or
// an item no longer on the board, stores nothing: the sealed work is the same bytes after it.
func TestBoardWorkRefusals(t *testing.T) {
	r := twoRooms(t)
	b := open(t, r.one, r.alice, r.engOne)
	defer b.Close()
	var items []board.Item
	for i := range 3 {
		q, _ := board.NewQuote(board.Rose, fmt.Sprintf("QUOTE-%d the team listens", i))
		items = append(items, q)
	}
	note, _ := board.NewNote(board.Rose, "NOTE the team seemed tired")
	postIt, _ := board.NewItem(board.Bud, "POSTIT a duty rota")
	if _, err := b.Contribute(ctx, append(slices.Clone(items), note, postIt)); err != nil {
		t.Fatal(err)
	}
	th, err := b.AddTheme(ctx, "Being listened to")
	if err != nil {
		t.Fatal(err)
	}
	in, err := b.AddInsight(ctx, th, boards.InsightEdit{Statement: "Staff feel heard", Pin: []string{items[0].ID, items[1].ID}})
	if err != nil {
		t.Fatal(err)
	}
	gone, _ := b.AddTheme(ctx, "Gone")
	goneIn, _ := b.AddInsight(ctx, gone, boards.InsightEdit{Statement: "Gone too"})
	if err := open(t, r.one, r.bob, r.engOne).RemoveTheme(ctx, gone); err != nil {
		t.Fatal(err)
	}
	before := sealedWork(t, r)
	for _, c := range []struct {
		what string
		err  error
		want error
	}{
		{"AddTheme(blank)", second(b.AddTheme(ctx, "   ")), board.ErrInvalid},
		{"AddTheme(too long)", second(b.AddTheme(ctx, strings.Repeat("x", 201))), board.ErrInvalid},
		{"RenameTheme(blank)", b.RenameTheme(ctx, th, ""), board.ErrInvalid},
		{"RenameTheme(a theme removed)", b.RenameTheme(ctx, gone, "Back"), boards.ErrNoSuchTheme},
		{"RemoveTheme(a theme removed)", b.RemoveTheme(ctx, gone), boards.ErrNoSuchTheme},
		{"MoveItem(into a theme removed)", b.MoveItem(ctx, items[2].ID, gone), boards.ErrNoSuchTheme},
		{"SetAim(too long)", b.SetAim(ctx, strings.Repeat("x", 2001)), board.ErrInvalid},
		{"AddInsight(blank)", second(b.AddInsight(ctx, th, boards.InsightEdit{Statement: " "})), board.ErrInvalid},
		{"AddInsight(a theme removed)", second(b.AddInsight(ctx, gone, boards.InsightEdit{Statement: "New"})), boards.ErrNoSuchTheme},
		{"AddInsight(three quotes)", second(b.AddInsight(ctx, th, boards.InsightEdit{Statement: "New",
			Pin: []string{items[0].ID, items[1].ID, items[2].ID}})), board.ErrInvalid},
		{"AddInsight(a note)", second(b.AddInsight(ctx, th, boards.InsightEdit{Statement: "New", Pin: []string{note.ID}})), board.ErrNotAQuote},
		{"AddInsight(an item not on the board)", second(b.AddInsight(ctx, th, boards.InsightEdit{Statement: "New", Pin: []string{board.NewID()}})), boards.ErrNoSuchItem},
		{"EditInsight(blank)", b.EditInsight(ctx, in, boards.InsightEdit{Statement: ""}), board.ErrInvalid},
		{"EditInsight(a third quote)", b.EditInsight(ctx, in, boards.InsightEdit{Statement: "Changed", Pin: []string{items[2].ID}}), board.ErrInvalid},
		{"EditInsight(a post-it, another unpinned)", b.EditInsight(ctx, in, boards.InsightEdit{Statement: "Changed",
			Unpin: []string{items[0].ID}, Pin: []string{postIt.ID}}), board.ErrNotAQuote},
		{"EditInsight(an insight removed)", b.EditInsight(ctx, goneIn, boards.InsightEdit{Statement: "Back"}), boards.ErrNoSuchInsight},
		{"PinQuote(a note)", b.PinQuote(ctx, in, note.ID), board.ErrNotAQuote},
		{"PinQuote(a post-it)", b.PinQuote(ctx, in, postIt.ID), board.ErrNotAQuote},
		{"PinQuote(a third)", b.PinQuote(ctx, in, items[2].ID), board.ErrInvalid},
		{"PinQuote(an insight removed)", b.PinQuote(ctx, goneIn, items[2].ID), boards.ErrNoSuchInsight},
		{"UnpinQuote(an insight removed)", b.UnpinQuote(ctx, goneIn, items[0].ID), boards.ErrNoSuchInsight},
		{"RemoveInsight(an insight removed)", b.RemoveInsight(ctx, goneIn), boards.ErrNoSuchInsight},
	} {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s = %v, want %v", c.what, c.err, c.want)
		}
		if after := sealedWork(t, r); !bytes.Equal(after, before) {
			t.Errorf("%s refused, but the stored work changed", c.what)
			before = after
		}
	}
	w := reopened(t, r, r.bob)
	if got := w.Insights(); len(got) != 1 || got[0].Statement != "Staff feel heard" || !slices.Equal(got[0].Quotes, []string{items[0].ID, items[1].ID}) {
		t.Errorf("insights after the refusals = %+v", got)
	}
}

func second[T any](_ T, err error) error { return err }

// TestBoardWorkInterleaved: two members working on the board at once lose neither's change.
// Alice's screen read the work before Bob added a theme; her own change, asked for after, keeps
// his. And many changes from both at the same moment are all kept, which a screen reading the
// work, changing it and handing it back to be sealed would not do.
func TestBoardWorkInterleaved(t *testing.T) {
	r := twoRooms(t)
	alice := open(t, r.one, r.alice, r.engOne)
	defer alice.Close()
	bob := open(t, r.one, r.bob, r.engOne)
	defer bob.Close()
	q, _ := board.NewQuote(board.Rose, "QUOTE the team listens")
	if _, err := alice.Contribute(ctx, []board.Item{q}); err != nil {
		t.Fatal(err)
	}
	th, err := alice.AddTheme(ctx, "Being listened to")
	if err != nil {
		t.Fatal(err)
	}
	shown, _ := alice.Work(ctx) // Alice's screen
	in, err := bob.AddInsight(ctx, th, boards.InsightEdit{Statement: "Staff feel heard"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bob.AddTheme(ctx, "Workload"); err != nil {
		t.Fatal(err)
	}
	if err := alice.MoveItem(ctx, q.ID, shown.Themes[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := alice.RenameTheme(ctx, th, "Being heard"); err != nil {
		t.Fatal(err)
	}
	if err := alice.PinQuote(ctx, in, q.ID); err != nil {
		t.Fatal(err)
	}
	w := reopened(t, r, r.bob)
	if len(w.Themes) != 2 || w.Themes[0].Name != "Being heard" || w.Themes[1].Name != "Workload" || w.ThemeOf(q.ID) != th ||
		len(w.Insights()) != 1 || !slices.Equal(w.Insights()[0].Quotes, []string{q.ID}) {
		t.Fatalf("work after both members' changes = %+v", w)
	}

	const each = 12
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for who, b := range map[string]*boards.Board{"A": alice, "B": bob} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				if _, err := b.AddTheme(ctx, fmt.Sprintf("%s-%d", who, i)); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	w = reopened(t, r, r.alice)
	if len(w.Themes) != 2+2*each {
		t.Errorf("%d themes after %d added at once by two members, want %d", len(w.Themes), 2*each, 2+2*each)
	}
	if w.ThemeOf(q.ID) != th || len(w.Insights()) != 1 {
		t.Errorf("the earlier changes were lost: %+v", w)
	}
}
