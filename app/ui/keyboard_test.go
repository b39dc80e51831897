package ui

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestKeyboardPanelTypesSpacesWhereTheCursorIs types words on the on-screen keyboard's keys
// with the larger text on, over many wrapped rows: each key lands at the cursor. A
// space that ended the text and wrapped its row used to leave the Entry's cursor before it,
// so the next letter went in before the space ("team l" became "teaml "), and Delete erased
// the letter before the space rather than the space.
func TestKeyboardPanelTypesSpacesWhereTheCursorIs(t *testing.T) {
	words := strings.Fields("Hello there I am the one who said we need more of them but they said no and then the team left the room after the review was over and nobody asked why")
	h := newHarness(t)
	h.tap("Larger text")
	h.u.showHome()
	h.toQuestions()
	notes := h.entry()
	h.w.Canvas().Focus(notes) // opens the panel
	want := ""
	check := func(after string) {
		t.Helper()
		if notes.Text != want {
			t.Fatalf("after %s the note is %q, want %q", after, notes.Text, want)
		}
	}
	wrapped := 0
	for i := range 4 * len(words) {
		w := words[i%len(words)]
		for _, r := range w {
			label := string(r)
			if r >= 'A' && r <= 'Z' {
				h.tap("Shift")
				label = string(r)
			}
			h.tap(label)
			want += string(r)
			check("the key " + label)
		}
		h.tap("Space")
		want += " "
		check("Space")
		if notes.CursorTextOffset() != utf8.RuneCountInString(want) {
			// The space wrapped the row: the Entry shows the cursor before it.
			wrapped++
			if wrapped%2 == 1 {
				h.tap("Delete")
				want = want[:len(want)-1]
				check("Delete after a wrapping space")
				h.tap("Space")
				want += " "
				check("Space")
			}
		}
	}
	if wrapped == 0 {
		t.Fatal("no space wrapped a row; the test needs one")
	}
	tp, _, _ := h.u.engine.CurrentTopic()
	if got := h.u.engine.Note(tp.ID); got != want {
		t.Errorf("saved note %q, want %q", got, want)
	}
}
