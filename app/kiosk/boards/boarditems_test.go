package boards_test

import (
	"errors"
	"slices"
	"testing"

	"quietroom/app/board"
	"quietroom/app/kiosk/boards"
)

// TestBoardMoveAndEditItem: an item moves into a theme and out again; a corrected item keeps its
// place in its theme, and an item no longer on the board is refused.
func TestBoardMoveAndEditItem(t *testing.T) {
	r := twoRooms(t)
	b, err := boards.Open(ctx, r.one.SignIn(t, r.alice, pin), r.engOne)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	it, _ := board.NewItem(board.Thorn, "Nobody calls back after four")
	if _, err := b.Contribute(ctx, []board.Item{it}); err != nil {
		t.Fatal(err)
	}
	th, err := b.AddTheme(ctx, "Getting hold of people")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.MoveItem(ctx, it.ID, th); err != nil {
		t.Fatalf("MoveItem = %v", err)
	}
	w, _ := b.Work(ctx)
	if got := w.Themes[0].Items; !slices.Equal(got, []string{it.ID}) {
		t.Fatalf("theme's items after MoveItem = %v, want [%s]", got, it.ID)
	}

	if err := b.EditItem(ctx, it.ID, board.Bud, "Nobody calls back after four o'clock"); err != nil {
		t.Fatalf("EditItem = %v", err)
	}
	items, _ := b.Items(ctx)
	if len(items) != 1 || items[0].Text != "Nobody calls back after four o'clock" || items[0].Tag != board.Bud {
		t.Fatalf("items after EditItem = %+v", items)
	}
	w, _ = b.Work(ctx)
	if got := w.Themes[0].Items; !slices.Equal(got, []string{items[0].ID}) {
		t.Errorf("theme's items after EditItem = %v, want the corrected item %s", got, items[0].ID)
	}
	if err := b.EditItem(ctx, it.ID, board.Bud, "again"); !errors.Is(err, boards.ErrNoSuchItem) {
		t.Errorf("EditItem(an item gone) = %v, want ErrNoSuchItem", err)
	}
	if err := b.EditItem(ctx, items[0].ID, board.Bud, "   "); !errors.Is(err, board.ErrInvalid) {
		t.Errorf("EditItem(blank) = %v, want board.ErrInvalid", err)
	}
	if err := b.MoveItem(ctx, it.ID, th); !errors.Is(err, boards.ErrNoSuchItem) {
		t.Errorf("MoveItem(an item gone) = %v, want ErrNoSuchItem", err)
	}
	if err := b.MoveItem(ctx, items[0].ID, ""); err != nil {
		t.Fatal(err)
	}
	if w, _ = b.Work(ctx); len(w.Themes[0].Items) != 0 {
		t.Errorf("theme's items after MoveItem out = %v", w.Themes[0].Items)
	}
}

// TestContributorList: the same quote is not kept twice, nor a post-it of the same words; Send
// sends the list and empties it; the member stays signed in while the board is open.
func TestContributorList(t *testing.T) {
	r := twoRooms(t)
	s := r.one.SignIn(t, r.alice, pin)
	c, err := boards.Contribute(ctx, s, r.engOne)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := board.NewItem(board.Rose, "The team really listens")
	if err := c.Keep(a, boards.PickFrom("s1", "q1")); err != nil {
		t.Fatal(err)
	}
	again, _ := board.NewItem(board.Rose, "The team listens")
	if err := c.Keep(again, boards.PickFrom("s1", "q1")); !errors.Is(err, boards.ErrAlreadyPicked) {
		t.Errorf("Keep(the same quote again) = %v, want ErrAlreadyPicked", err)
	}
	same, _ := board.NewItem(board.Bud, "the team really listens")
	if err := c.Keep(same, ""); !errors.Is(err, boards.ErrAlreadyPicked) {
		t.Errorf("Keep(the same words) = %v, want ErrAlreadyPicked", err)
	}
	if !c.Picked(boards.PickFrom("s1", "q1")) || c.Picked(boards.PickFrom("s1", "q2")) {
		t.Error("Picked does not say which quote is on the list")
	}
	own, _ := board.NewItem(board.Bud, "A duty rota shared with the carers")
	if err := c.Keep(own, ""); err != nil {
		t.Fatal(err)
	}
	c.Drop(a.ID)
	if got := c.Ready(); len(got) != 1 || got[0].Item.ID != own.ID {
		t.Fatalf("Ready after Drop = %+v", got)
	}
	if n, err := c.Send(ctx, nil); err != nil || n != 1 {
		t.Fatalf("Send = %d, %v, want 1", n, err)
	}
	if len(c.Ready()) != 0 {
		t.Error("the list is not empty after Send")
	}

	s = r.one.SignIn(t, r.alice, pin)
	b, err := boards.Open(ctx, s, r.engOne)
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	if _, err := boards.Boards(ctx, s); err != nil {
		t.Errorf("Boards after closing the board = %v", err)
	}
	if _, err := boards.Open(ctx, s, r.engOne); err != nil {
		t.Errorf("OpenBoard again after closing it = %v, want the member still signed in", err)
	}
	s.SignOut()
	if _, err := boards.Open(ctx, s, r.engOne); err == nil {
		t.Error("OpenBoard after SignOut opened the board")
	}
}
