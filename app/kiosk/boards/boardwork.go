package boards

import (
	"context"
	"errors"
	"slices"
	"sync"

	"quietroom/app/board"
	"quietroom/app/kiosk/internal/access"
)

// The team's day-2 work on a board (the aim, the themes, the insights and the quotes pinned to
// them) changes only through the intents below. Each one reads the stored work, makes its one
// change by the board package's own rules (board.Work: a refusal such as a note pinned as a
// quote comes from there), seals the result and stores it, all under the board's lock, so that
// two members working at once never lose each other's change. A refused change stores nothing.
// The screens read the work (Work) and ask for changes; they never hand work back to be sealed.

// Errors of the work's intents.
var (
	// ErrNoSuchTheme: the theme is not on the board (another member removed it meanwhile).
	ErrNoSuchTheme = errors.New("this theme is no longer on the board: another team member removed it. Look at the themes again")
	// ErrNoSuchInsight: the insight is not on the board (another member removed it meanwhile).
	ErrNoSuchInsight = errors.New("this insight is no longer on the board: another team member removed it. Look at the theme again")
)

// workLock is the lock of the board's work on this kiosk, shared by every member's Board.
func (b *Board) workLock() *sync.Mutex {
	mu, _ := b.k.BoardLocks(access.Pass).LoadOrStore(b.engagementID, new(sync.Mutex))
	return mu.(*sync.Mutex)
}

// changeWork reads the stored work, applies change to it and, if change returns no error,
// seals and stores the result; all under the board's lock. On an error nothing is stored.
func (b *Board) changeWork(ctx context.Context, change func(w *board.Work) error) error {
	mu := b.workLock()
	mu.Lock()
	defer mu.Unlock()
	w, err := b.Work(ctx)
	if err != nil {
		return err
	}
	if err := change(&w); err != nil {
		return err
	}
	return b.saveWork(ctx, w)
}

// saveWork seals and stores the work. The board's lock is held.
func (b *Board) saveWork(ctx context.Context, w board.Work) error {
	sealed, err := b.key.SealWork(w)
	if err != nil {
		return err
	}
	return b.bs.SaveBoardWork(ctx, b.engagementID, sealed)
}

func hasTheme(w *board.Work, themeID string) bool {
	return slices.ContainsFunc(w.Themes, func(t board.Theme) bool { return t.ID == themeID })
}

func hasInsight(w *board.Work, insightID string) bool {
	return slices.ContainsFunc(w.Insights(), func(in board.Insight) bool { return in.ID == insightID })
}

// SetAim sets the key aim of the review (board.Work.SetAim).
func (b *Board) SetAim(ctx context.Context, aim string) error {
	return b.changeWork(ctx, func(w *board.Work) error { return w.SetAim(aim) })
}

// AddTheme adds an empty theme and returns its id (board.Work.AddTheme: a name of 1 to 200
// characters, board.ErrInvalid otherwise).
func (b *Board) AddTheme(ctx context.Context, name string) (string, error) {
	var id string
	err := b.changeWork(ctx, func(w *board.Work) error {
		var err error
		id, err = w.AddTheme(name)
		return err
	})
	if err != nil {
		return "", err
	}
	return id, nil
}

// RenameTheme renames a theme; one no longer on the board is ErrNoSuchTheme.
func (b *Board) RenameTheme(ctx context.Context, themeID, name string) error {
	return b.changeWork(ctx, func(w *board.Work) error {
		if !hasTheme(w, themeID) {
			return ErrNoSuchTheme
		}
		return w.RenameTheme(themeID, name)
	})
}

// RemoveTheme removes a theme with its insights; its items go back among those in no theme.
// A theme no longer on the board is ErrNoSuchTheme.
func (b *Board) RemoveTheme(ctx context.Context, themeID string) error {
	return b.changeWork(ctx, func(w *board.Work) error {
		if !hasTheme(w, themeID) {
			return ErrNoSuchTheme
		}
		return w.RemoveTheme(themeID)
	})
}

// InsightEdit is an insight as a member saves it at once: its statement and short
// description, and the quotes (item ids) to pin to it and to take off it. Quotes pinned by
// another member meanwhile and in neither list stay.
type InsightEdit struct {
	Statement   string
	Description string
	Pin         []string
	Unpin       []string
}

// AddInsight adds an insight above a theme, with its description and quotes, and returns its
// id. Nothing is stored unless all of it stands: a theme no longer on the board is
// ErrNoSuchTheme, an item not on the board ErrNoSuchItem, one that is not a key quote
// board.ErrNotAQuote, more than board.MaxQuotes or an empty statement board.ErrInvalid.
func (b *Board) AddInsight(ctx context.Context, themeID string, e InsightEdit) (string, error) {
	items, err := b.pinnable(ctx, e.Pin)
	if err != nil {
		return "", err
	}
	var id string
	err = b.changeWork(ctx, func(w *board.Work) error {
		if !hasTheme(w, themeID) {
			return ErrNoSuchTheme
		}
		var err error
		if id, err = w.AddInsight(themeID, e.Statement); err != nil {
			return err
		}
		return editInsight(w, id, e, items)
	})
	if err != nil {
		return "", err
	}
	return id, nil
}

// EditInsight sets an insight's statement and description and pins and unpins its quotes, as
// AddInsight; an insight no longer on the board is ErrNoSuchInsight.
func (b *Board) EditInsight(ctx context.Context, insightID string, e InsightEdit) error {
	items, err := b.pinnable(ctx, e.Pin)
	if err != nil {
		return err
	}
	return b.changeWork(ctx, func(w *board.Work) error {
		if !hasInsight(w, insightID) {
			return ErrNoSuchInsight
		}
		return editInsight(w, insightID, e, items)
	})
}

// editInsight applies e to the insight id of w: the text, then the quotes taken off, then
// those pinned (so that one quote may take another's place at the limit).
func editInsight(w *board.Work, id string, e InsightEdit, items map[string]board.Item) error {
	if err := w.EditInsight(id, e.Statement, e.Description); err != nil {
		return err
	}
	for _, q := range e.Unpin {
		if err := w.UnpinQuote(id, q); err != nil {
			return err
		}
	}
	for _, q := range e.Pin {
		if err := w.PinQuote(id, items[q]); err != nil {
			return err
		}
	}
	return nil
}

// pinnable returns the board's items of the ids given, by id; an id not on the board is
// ErrNoSuchItem. Whether each may be pinned is the board's rule (board.Work.PinQuote), asked of
// the item as it is sealed on the board, never as a screen describes it.
func (b *Board) pinnable(ctx context.Context, ids []string) (map[string]board.Item, error) {
	out := map[string]board.Item{}
	for _, id := range ids {
		it, err := b.item(ctx, id)
		if err != nil {
			return nil, err
		}
		out[id] = it
	}
	return out, nil
}

// RemoveInsight removes an insight; one no longer on the board is ErrNoSuchInsight.
func (b *Board) RemoveInsight(ctx context.Context, insightID string) error {
	return b.changeWork(ctx, func(w *board.Work) error {
		if !hasInsight(w, insightID) {
			return ErrNoSuchInsight
		}
		return w.RemoveInsight(insightID)
	})
}

// PinQuote pins a key quote to an insight as its evidence (board.Work.PinQuote: a note or a
// post-it is board.ErrNotAQuote, a third quote board.ErrInvalid). An item not on the board is
// ErrNoSuchItem, an insight no longer there ErrNoSuchInsight.
func (b *Board) PinQuote(ctx context.Context, insightID, itemID string) error {
	return b.editQuotes(ctx, insightID, []string{itemID}, nil)
}

// UnpinQuote takes a quote off an insight; an insight no longer on the board is
// ErrNoSuchInsight.
func (b *Board) UnpinQuote(ctx context.Context, insightID, itemID string) error {
	return b.editQuotes(ctx, insightID, nil, []string{itemID})
}

// editQuotes takes the quotes unpin off an insight and pins the quotes pin to it, its words
// unchanged, whole or not at all (as EditInsight).
func (b *Board) editQuotes(ctx context.Context, insightID string, pin, unpin []string) error {
	items, err := b.pinnable(ctx, pin)
	if err != nil {
		return err
	}
	return b.changeWork(ctx, func(w *board.Work) error {
		i := slices.IndexFunc(w.Insights(), func(in board.Insight) bool { return in.ID == insightID })
		if i < 0 {
			return ErrNoSuchInsight
		}
		in := w.Insights()[i]
		return editInsight(w, insightID, InsightEdit{Statement: in.Statement, Description: in.Description, Pin: pin, Unpin: unpin}, items)
	})
}
