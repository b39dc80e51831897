package kiosktest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"quietroom/app/kiosk"
	"quietroom/app/session"
)

// BoardHolder is what Workshops needs of the board storage beside it: whether an engagement
// has a board (kiosk.Boards' Board).
type BoardHolder interface {
	Board(ctx context.Context, engagementID string) (recipient string, sealedWork []byte, err error)
}

// Workshops is kiosk.Workshops in memory, kept to the SQLite store's rules and proven by
// WorkshopsContract as the store is: a workshop belongs to a board (session.ErrNotFound
// without one), is replaced whole, is a copy, and goes with its board: once the board is gone
// (wiped or purged), so is the workshop, and a board made again under the same engagement has
// none.
type Workshops struct {
	mu     sync.Mutex
	boards BoardHolder
	sealed map[string][]byte
	// of is the board (its public key) each workshop was stored for.
	of map[string]string
}

var _ kiosk.Workshops = (*Workshops)(nil)

// NewWorkshops returns empty workshop storage beside boards.
func NewWorkshops(boards BoardHolder) *Workshops {
	return &Workshops{boards: boards, sealed: map[string][]byte{}, of: map[string]string{}}
}

// board returns the engagement's board's public key, forgetting a workshop whose board is gone.
func (w *Workshops) board(ctx context.Context, engagementID string) (string, error) {
	rcpt, _, err := w.boards.Board(ctx, engagementID)
	if errors.Is(err, session.ErrNotFound) || (err == nil && w.of[engagementID] != "" && w.of[engagementID] != rcpt) {
		delete(w.sealed, engagementID)
		delete(w.of, engagementID)
	}
	if err != nil {
		return "", err
	}
	return rcpt, nil
}

// Workshop implements kiosk.Workshops.
func (w *Workshops) Workshop(ctx context.Context, engagementID string) ([]byte, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, err := w.board(ctx, engagementID); err != nil {
		return nil, err
	}
	return bytes.Clone(w.sealed[engagementID]), nil
}

// SaveWorkshop implements kiosk.Workshops.
func (w *Workshops) SaveWorkshop(ctx context.Context, engagementID string, sealed []byte) error {
	if len(sealed) == 0 {
		return errors.New("save workshop: nothing sealed to store")
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	rcpt, err := w.board(ctx, engagementID)
	if err != nil {
		return fmt.Errorf("save workshop: %w", err)
	}
	w.sealed[engagementID], w.of[engagementID] = bytes.Clone(sealed), rcpt
	return nil
}

// WorkshopPorts is a storage as WorkshopsContract sees it: the workshops, and the doors to
// make an engagement's board and to destroy it (as retention's wipe does).
type WorkshopPorts struct {
	Workshops kiosk.Workshops
	// MakeBoard makes a board for a new engagement of that id.
	MakeBoard func(t *testing.T, engagementID string)
	// DestroyBoard destroys the engagement's board, as a wipe or a purge does.
	DestroyBoard func(t *testing.T, engagementID string)
}

// WorkshopsContract is what every kiosk.Workshops must do: the SQLite store passes it, and so
// does Workshops.
func WorkshopsContract(t *testing.T, open func(t *testing.T) WorkshopPorts) {
	ctx := context.Background()
	t.Run("needs a board", func(t *testing.T) {
		p := open(t)
		if _, err := p.Workshops.Workshop(ctx, "no-board"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Workshop without a board = %v, want session.ErrNotFound", err)
		}
		if err := p.Workshops.SaveWorkshop(ctx, "no-board", []byte("sealed")); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("SaveWorkshop without a board = %v, want session.ErrNotFound", err)
		}
	})
	t.Run("none before the first save, then the last saved, a copy", func(t *testing.T) {
		p := open(t)
		p.MakeBoard(t, "e1")
		p.MakeBoard(t, "e2")
		if got, err := p.Workshops.Workshop(ctx, "e1"); err != nil || got != nil {
			t.Fatalf("Workshop before a save = %q, %v; want nil, nil", got, err)
		}
		in := []byte("first")
		if err := p.Workshops.SaveWorkshop(ctx, "e1", in); err != nil {
			t.Fatal(err)
		}
		in[0] = 'X'
		if err := p.Workshops.SaveWorkshop(ctx, "e2", []byte("other")); err != nil {
			t.Fatal(err)
		}
		got, err := p.Workshops.Workshop(ctx, "e1")
		if err != nil || string(got) != "first" {
			t.Fatalf("Workshop = %q, %v; want what was saved, not the caller's changed copy", got, err)
		}
		got[0] = 'Y'
		if err := p.Workshops.SaveWorkshop(ctx, "e1", []byte("second")); err != nil {
			t.Fatal(err)
		}
		if got, _ := p.Workshops.Workshop(ctx, "e1"); string(got) != "second" {
			t.Errorf("Workshop after a second save = %q", got)
		}
		if got, _ := p.Workshops.Workshop(ctx, "e2"); string(got) != "other" {
			t.Errorf("another board's workshop = %q", got)
		}
		if err := p.Workshops.SaveWorkshop(ctx, "e1", nil); err == nil {
			t.Error("an empty workshop was stored")
		}
		if got, _ := p.Workshops.Workshop(ctx, "e1"); string(got) != "second" {
			t.Errorf("a refused save changed the workshop: %q", got)
		}
	})
	t.Run("goes with its board", func(t *testing.T) {
		p := open(t)
		p.MakeBoard(t, "e1")
		p.MakeBoard(t, "e2")
		for _, e := range []string{"e1", "e2"} {
			if err := p.Workshops.SaveWorkshop(ctx, e, []byte("workshop of "+e)); err != nil {
				t.Fatal(err)
			}
		}
		p.DestroyBoard(t, "e1")
		if got, err := p.Workshops.Workshop(ctx, "e1"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Workshop after its board was destroyed = %q, %v; want session.ErrNotFound", got, err)
		}
		if got, _ := p.Workshops.Workshop(ctx, "e2"); string(got) != "workshop of e2" {
			t.Errorf("the other board's workshop = %q", got)
		}
		p.MakeBoard(t, "e1")
		if got, err := p.Workshops.Workshop(ctx, "e1"); err != nil || got != nil {
			t.Errorf("a new board under the same engagement has a workshop: %q, %v", got, err)
		}
	})
}
