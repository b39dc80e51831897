package protocol

import "fmt"

// WriteUpPrompt is one question of the interviewer's own write-up after the interviewee has
// left. Its ID keys the answer in a session's notes, so the answer stays with its prompt
// whatever language the screen shows the prompt in.
type WriteUpPrompt struct {
	ID   string
	Text string
}

// Default write-up prompt ids, for a pack that names no prompts of its own: the three of the
// design (what the person said, what you felt, initial reflections). Screens may show them in
// the person's language by id.
const (
	WriteUpSaid        = "said"
	WriteUpFelt        = "felt"
	WriteUpReflections = "reflections"
)

var defaultWriteUp = []WriteUpPrompt{
	{WriteUpSaid, "What the person said"},
	{WriteUpFelt, "What you felt"},
	{WriteUpReflections, "Initial reflections"},
}

// WriteUp returns the write-up's prompts in order: the pack's own (ids "prompt-1", "prompt-2",
// ... by position, which a pack version never changes), or the three defaults when the pack
// names none.
func (p *Pack) WriteUp() []WriteUpPrompt {
	if len(p.Closing.WriteUpPrompts) == 0 {
		return append([]WriteUpPrompt(nil), defaultWriteUp...)
	}
	out := make([]WriteUpPrompt, len(p.Closing.WriteUpPrompts))
	for i, t := range p.Closing.WriteUpPrompts {
		out[i] = WriteUpPrompt{ID: fmt.Sprintf("prompt-%d", i+1), Text: t}
	}
	return out
}
