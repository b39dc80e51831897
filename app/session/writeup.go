package session

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"quietroom/app/protocol"
)

// The write-up is the interviewer's own account after the interviewee has left: one answer per
// prompt of the session's pack (protocol.Pack.WriteUp), each kept as a reflection keyed by the
// prompt's id. The key is the id, never the prompt's words, so a screen in another language or
// a reworded prompt finds the same answer.

// WriteUpPrompts returns the write-up's prompts for the open session; nil without one.
func (e *Engine) WriteUpPrompts() []protocol.WriteUpPrompt {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.s == nil || e.s.pack == nil {
		return nil
	}
	return e.s.pack.WriteUp()
}

// WriteUp returns the answer to one write-up prompt ("" when none yet).
func (e *Engine) WriteUp(promptID string) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if i := e.find(EntryReflection, promptID); i >= 0 && promptID != "" {
		return e.s.items[i].Text
	}
	return ""
}

// SetWriteUp replaces the answer to one write-up prompt; like SetNote, the UI calls it on every
// edit. A prompt that is not the session's is ErrUnknownPrompt. Blank text for a prompt not yet
// answered writes nothing.
func (e *Engine) SetWriteUp(ctx context.Context, promptID, text string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.contentAllowed("save write-up"); err != nil {
		return err
	}
	if e.s.pack == nil || !slices.ContainsFunc(e.s.pack.WriteUp(), func(p protocol.WriteUpPrompt) bool { return p.ID == promptID }) {
		return fmt.Errorf("save write-up: %q: %w", promptID, ErrUnknownPrompt)
	}
	if e.find(EntryReflection, promptID) < 0 && strings.TrimSpace(text) == "" {
		return nil
	}
	return e.putSingle(ctx, "save write-up", EntryReflection, promptID, text)
}
