package boards

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"quietroom/app/board"
	"quietroom/app/retention"
)

// The board's items as the screens change them: a post-it moved into a theme, corrected, and
// the list a member puts together before sending it to the board.

// Errors of the item use cases.
var (
	// ErrNoSuchItem: the item is not on the board (another screen removed it meanwhile).
	ErrNoSuchItem = errors.New("this post-it is no longer on the board: look at the board again")
	// ErrAlreadyPicked: the quote or note, or a post-it of the same words, is on the list to
	// send already.
	ErrAlreadyPicked = errors.New("this is on your list to send already")
)

// NameCheck is the check for names of people and places on this board, with the engagement's
// own terms, for correcting a post-it.
func (b *Board) NameCheck(ctx context.Context) (board.NameCheck, error) {
	e, err := engagement(ctx, b.k, b.engagementID)
	if err != nil {
		return board.NameCheck{}, err
	}
	return board.NewNameCheck([]string{e.Title}), nil
}

// item returns the board's item of that id, or ErrNoSuchItem. Only its own record is opened:
// each is sealed on its own, and opening every one of a board of hundreds is what a person
// would wait for at each tap.
func (b *Board) item(ctx context.Context, itemID string) (board.Item, error) {
	recs, err := b.bs.BoardRecords(ctx, b.engagementID)
	if err != nil {
		return board.Item{}, err
	}
	i := slices.IndexFunc(recs, func(r board.Record) bool { return !r.Interview && r.ID == itemID })
	if i < 0 {
		return board.Item{}, ErrNoSuchItem
	}
	return b.key.OpenItem(recs[i].ID, recs[i].Sealed)
}

// MoveItem puts an item into a theme, or takes it out of every theme (themeID ""), and saves
// the work. An item that is not on the board is ErrNoSuchItem, a theme ErrNoSuchTheme.
func (b *Board) MoveItem(ctx context.Context, itemID, themeID string) error {
	if _, err := b.item(ctx, itemID); err != nil {
		return err
	}
	return b.changeWork(ctx, func(w *board.Work) error {
		if themeID != "" && !hasTheme(w, themeID) {
			return ErrNoSuchTheme
		}
		return w.Move(itemID, themeID)
	})
}

// EditItem corrects an item's text and tag. The corrected item takes the old one's place in
// its theme and on its insights under a new random id (a sealed record is never rewritten in
// place), and keeps its kind. It is added before the old one goes, so that a failure between
// the two leaves both on the board rather than neither. The text is held to the item's rules
// (board.ErrInvalid).
func (b *Board) EditItem(ctx context.Context, itemID string, tag board.Tag, text string) error {
	old, err := b.item(ctx, itemID)
	if err != nil {
		return err
	}
	it := old
	it.ID, it.Tag, it.Text = board.NewID(), tag, strings.TrimSpace(text)
	if err := it.Check(); err != nil {
		return err
	}
	if it.Tag == old.Tag && it.Text == old.Text {
		return nil
	}
	mu := b.workLock()
	mu.Lock()
	defer mu.Unlock()
	w, err := b.Work(ctx)
	if err != nil {
		return err
	}
	for i := range w.Themes {
		th := &w.Themes[i]
		th.Items = replaceID(th.Items, old.ID, it.ID)
		for j := range th.Insights {
			th.Insights[j].Quotes = replaceID(th.Insights[j].Quotes, old.ID, it.ID)
		}
	}
	wr, err := b.key.Writer()
	if err != nil {
		return err
	}
	recs, err := sealItems(wr, []board.Item{it})
	if err != nil {
		return err
	}
	if _, err := b.bs.AddBoardRecords(ctx, b.engagementID, recs, BoardEvent(b.k, retention.RoleInterviewer, "board.item.edit", b.engagementID, 0)); err != nil {
		return fmt.Errorf("edit item: %w", err)
	}
	sealed, err := b.key.SealWork(w)
	if err != nil {
		return err
	}
	return b.bs.RemoveBoardRecord(ctx, b.engagementID, old.ID, sealed,
		BoardEvent(b.k, retention.RoleInterviewer, "board.item.replace", b.engagementID, 1))
}

func replaceID(ids []string, old, new string) []string {
	out := slices.Clone(ids)
	for i, id := range out {
		if id == old {
			out[i] = new
		}
	}
	return out
}

// Picked is an item a member has confirmed for the board, waiting on their list to be sent:
// taken from one of their sessions (From names the quote or note, PickFrom) or their own
// post-it (From ""). The list is in memory only, until Send or Close.
type Picked struct {
	Item board.Item
	From string
}

// PickFrom names a session's quote or note on a member's list, so that the same one is not
// picked twice.
func PickFrom(sessionID, entryID string) string { return sessionID + "/" + entryID }

// Keep puts an item on the list to send. The same quote or note (from), or an item of the
// same words, already on the list is ErrAlreadyPicked; the item is checked against the item
// rules (board.ErrInvalid).
func (c *Contributor) Keep(it board.Item, from string) error {
	if err := it.Check(); err != nil {
		return err
	}
	for _, p := range c.ready {
		if (from != "" && p.From == from) || strings.EqualFold(p.Item.Text, it.Text) {
			return ErrAlreadyPicked
		}
	}
	c.ready = append(c.ready, Picked{Item: it, From: from})
	return nil
}

// Drop takes an item off the list to send.
func (c *Contributor) Drop(itemID string) {
	c.ready = slices.DeleteFunc(c.ready, func(p Picked) bool { return p.Item.ID == itemID })
}

// Ready is the list to send, in the order it was put together.
func (c *Contributor) Ready() []Picked { return slices.Clone(c.ready) }

// Picked reports whether the quote or note named from (PickFrom) is on the list to send.
func (c *Contributor) Picked(from string) bool {
	return slices.ContainsFunc(c.ready, func(p Picked) bool { return p.From == from })
}

// Send seals the list, and one interview record per session read, to the board (Add), and
// empties the list. It returns how many records were new.
func (c *Contributor) Send(ctx context.Context, sessionIDs []string) (int, error) {
	items := make([]board.Item, 0, len(c.ready))
	for _, p := range c.ready {
		items = append(items, p.Item)
	}
	n, err := c.Add(ctx, items, sessionIDs)
	if err != nil {
		return 0, err
	}
	c.ready = nil
	return n, nil
}
