package kiosktest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"quietroom/app/session"
)

// boardSet stands for the board storage beside Workshops: which engagements have a board, under
// which public key.
type boardSet struct {
	mu sync.Mutex
	n  int
	m  map[string]string
}

func (b *boardSet) Board(ctx context.Context, id string) (string, []byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, ok := b.m[id]
	if !ok {
		return "", nil, fmt.Errorf("board of %s: %w", id, session.ErrNotFound)
	}
	return r, nil, nil
}

func TestWorkshopsContract(t *testing.T) {
	WorkshopsContract(t, func(t *testing.T) WorkshopPorts {
		bs := &boardSet{m: map[string]string{}}
		return WorkshopPorts{
			Workshops: NewWorkshops(bs),
			MakeBoard: func(t *testing.T, id string) {
				bs.mu.Lock()
				defer bs.mu.Unlock()
				bs.n++
				bs.m[id] = fmt.Sprintf("age1board%d", bs.n)
			},
			DestroyBoard: func(t *testing.T, id string) {
				bs.mu.Lock()
				defer bs.mu.Unlock()
				delete(bs.m, id)
			},
		}
	})
}
