package protocol

import (
	"slices"
	"testing"
)

func TestWriteUpPrompts(t *testing.T) {
	own := &Pack{Closing: Closing{WriteUpPrompts: []string{"What stood out", "What to ask next time"}}}
	want := []WriteUpPrompt{{"prompt-1", "What stood out"}, {"prompt-2", "What to ask next time"}}
	if got := own.WriteUp(); !slices.Equal(got, want) {
		t.Errorf("WriteUp() of a pack with prompts = %v, want %v", got, want)
	}
	none := &Pack{}
	got := none.WriteUp()
	ids := []string{}
	for _, p := range got {
		ids = append(ids, p.ID)
		if p.Text == "" {
			t.Errorf("default prompt %s has no text", p.ID)
		}
	}
	if !slices.Equal(ids, []string{WriteUpSaid, WriteUpFelt, WriteUpReflections}) {
		t.Errorf("WriteUp() of a pack without prompts has ids %v, want the three defaults", ids)
	}
	got[0].Text = "changed"
	if none.WriteUp()[0].Text == "changed" {
		t.Error("WriteUp returns the defaults themselves; a caller's change leaks into the next session")
	}
}
