package session_test

import (
	"errors"
	"testing"

	"quietroom/app/session"
)

// TestWriteUpKeyedByPromptID: the write-up's answers are kept by the prompt's id, never found
// again by its words, and come back after the session is sealed and reopened.
func TestWriteUpKeyedByPromptID(t *testing.T) {
	h := newHarness(t)
	h.driveTo(session.StateWriteUp)
	prompts := h.eng.WriteUpPrompts()
	if len(prompts) == 0 {
		t.Fatal("WriteUpPrompts() = none, want the pack's or the defaults")
	}
	answers := map[string]string{}
	for i, p := range prompts {
		answers[p.ID] = "answer " + string(rune('A'+i)) + "\nsecond line"
		h.must("SetWriteUp", h.eng.SetWriteUp(h.ctx, p.ID, answers[p.ID]))
	}
	h.must("SetWriteUp again", h.eng.SetWriteUp(h.ctx, prompts[0].ID, "changed"))
	answers[prompts[0].ID] = "changed"
	if err := h.eng.SetWriteUp(h.ctx, "no-such-prompt", "x"); !errors.Is(err, session.ErrUnknownPrompt) {
		t.Errorf("SetWriteUp(unknown prompt) = %v, want ErrUnknownPrompt", err)
	}
	for _, it := range h.eng.Items() {
		if it.Kind == session.EntryReflection && it.Text != answers[it.TopicID] {
			t.Errorf("reflection %s holds %q, want only the answer %q (no prompt words)", it.TopicID, it.Text, answers[it.TopicID])
		}
	}

	h.must("Seal", h.eng.Seal(h.ctx))
	h.eng = h.newEngine()
	key, err := h.keys.Open(h.id)
	h.must("Keys.Open", err)
	h.must("Reopen", h.eng.Reopen(h.ctx, h.id, key))
	for _, p := range prompts {
		if got := h.eng.WriteUp(p.ID); got != answers[p.ID] {
			t.Errorf("WriteUp(%s) after Reopen = %q, want %q", p.ID, got, answers[p.ID])
		}
	}
}

// TestWriteUpBlankWritesNothing: tapping into an empty prompt and out again stores no entry.
func TestWriteUpBlankWritesNothing(t *testing.T) {
	h := newHarness(t)
	h.driveTo(session.StateWriteUp)
	before := len(h.eng.Items())
	h.must("SetWriteUp blank", h.eng.SetWriteUp(h.ctx, h.eng.WriteUpPrompts()[0].ID, "  "))
	if got := len(h.eng.Items()); got != before {
		t.Errorf("items after a blank write-up = %d, want %d", got, before)
	}
}
