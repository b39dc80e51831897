package sessiontest

import (
	"context"
	"fmt"
	"slices"
	"sync"
)

// Eraser is a fake session.Eraser that deletes sessions from a fake Store and records them.
type Eraser struct {
	store     *Store
	mu        sync.Mutex
	destroyed []string
	fail      error
}

// NewEraser returns an eraser working on s.
func NewEraser(s *Store) *Eraser { return &Eraser{store: s} }

// DestroySession deletes the session and everything of it. Destroying a session that is not
// there is not an error (it may have been purged already).
func (e *Eraser) DestroySession(ctx context.Context, sessionID string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.fail; err != nil {
		e.fail = nil
		return fmt.Errorf("sessiontest: destroy session %s: %w", sessionID, err)
	}
	e.store.DeleteSession(sessionID)
	e.destroyed = append(e.destroyed, sessionID)
	return nil
}

// Destroyed returns the ids of the sessions destroyed, in order.
func (e *Eraser) Destroyed() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.destroyed)
}

// FailNext makes the next DestroySession fail with err, destroying nothing.
func (e *Eraser) FailNext(err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.fail = err
}
