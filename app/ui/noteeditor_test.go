package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestSplitNoteJoinsBack: the blocks of a note, joined again, are the note, and none is longer
// than the most a block holds.
func TestSplitNoteJoinsBack(t *testing.T) {
	long := strings.Repeat("word ", 300)
	for _, tc := range []struct{ name, text string }{
		{"empty", ""},
		{"one line", "clear direction"},
		{"line breaks only", "\n\n\n"},
		{"trailing line break", "first\nsecond\n"},
		{"leading line break", "\nfirst"},
		{"paragraphs", prose(5000)},
		{"2,000 words in one paragraph", longNote},
		{"a long paragraph between short ones", "short\n" + long + "\nshort again\n\n" + long},
		{"no spaces", strings.Repeat("x", 2000)},
		{"letters beyond ASCII", strings.Repeat("Zoë said “déjà vu” — 日本語 ", 80) + "\n" + strings.Repeat("ü", 700)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blocks := splitNote(tc.text, blockMax)
			var b strings.Builder
			for _, bl := range blocks {
				b.WriteString(bl.joined())
				if n := utf8.RuneCountInString(bl.text); n > blockMax {
					t.Errorf("a block holds %d runes, more than %d", n, blockMax)
				}
			}
			if b.String() != tc.text {
				t.Errorf("the blocks joined are %q, want %q", short(b.String(), 80), short(tc.text, 80))
			}
			if blocks[len(blocks)-1].brk {
				t.Error("the last block ends with a line break of its own")
			}
		})
	}
}

// notesEditor reaches the questions screen and returns its notes, with the focus in them and a
// physical keyboard in use (its first key closes the on-screen keyboard).
func notesEditor(t *testing.T) (*harness, *noteEditor) {
	t.Helper()
	h := newHarness(t)
	h.toQuestions()
	ed := h.note()
	h.w.Canvas().Focus(ed.Field())
	return h, ed
}

// savedNote is the note the engine holds for the topic on the screen.
func (h *harness) savedNote() string {
	h.t.Helper()
	tp, _, err := h.u.engine.CurrentTopic()
	if err != nil {
		h.t.Fatal(err)
	}
	return h.u.engine.Note(tp.ID)
}

// TestNoteEditorTypesAcrossBlocks types into a note of many blocks after moving the cursor
// with the arrow keys over the blocks' edges, joins blocks with Backspace and Delete, and
// checks after every step that a letter goes in where the cursor is and that the engine saved
// exactly the note as typed.
func TestNoteEditorTypesAcrossBlocks(t *testing.T) {
	h, ed := notesEditor(t)
	note := prose(3000) + "\n" + longNote[:1500] // paragraphs, then one cut between blocks
	ed.SetText(note)
	if n := len(ed.blocks); n < 5 {
		t.Fatalf("a note of %d characters is %d blocks, want at least 5", len(note), n)
	}
	field := ed.Field()
	want := note
	key := func(name fyne.KeyName) { field.TypedKey(&fyne.KeyEvent{Name: name}) }
	// typeHere types a letter and checks it went in at the cursor, and that the note is saved.
	typeHere := func(r rune, after string) {
		t.Helper()
		at := ed.cursor()
		field.TypedRune(r)
		w := []rune(want)
		want = string(w[:at]) + string(r) + string(w[at:])
		if got := ed.Text(); got != want {
			t.Fatalf("after %s a typed %q did not go in at the cursor (%d)", after, r, at)
		}
		if got := h.savedNote(); got != want {
			t.Fatalf("after %s the saved note differs from the note typed", after)
		}
	}
	typeHere('a', "the start")

	// Up to the first block, a row at a time, typing on the way.
	blocks := len(ed.blocks)
	visited := map[int]bool{}
	for i := 0; ed.live > 0 || ed.entry.CursorRow > 0; i++ {
		if i > 500 {
			t.Fatal("Up never reaches the note's first row")
		}
		key(fyne.KeyUp)
		visited[ed.live] = true
		if i%7 == 0 {
			typeHere('u', "Up")
		}
	}
	if len(visited) < blocks-1 {
		t.Errorf("Up went through %d of the %d blocks", len(visited), blocks)
	}
	// Down to the last.
	for i := 0; ed.live < len(ed.blocks)-1; i++ {
		if i > 500 {
			t.Fatal("Down never reaches the last block")
		}
		key(fyne.KeyDown)
		if i%5 == 0 {
			typeHere('d', "Down")
		}
	}

	// Left and Right move one letter over every edge, line break or cut paragraph.
	for range 3 {
		live := ed.live
		for ed.live == live {
			at := ed.cursor()
			key(fyne.KeyLeft)
			if got := ed.cursor(); got != at-1 {
				t.Fatalf("Left from %d (block %d) moved to %d", at, live, got)
			}
		}
		typeHere('l', "Left over an edge")
		key(fyne.KeyLeft)
		live = ed.live
		for ed.live == live {
			at := ed.cursor()
			key(fyne.KeyRight)
			if got := ed.cursor(); got != at+1 {
				t.Fatalf("Right from %d (block %d) moved to %d", at, live, got)
			}
		}
		typeHere('r', "Right over an edge")
		key(fyne.KeyUp)
		key(fyne.KeyUp)
	}

	// Backspace at a block's start joins it to the block before; Delete at a block's end
	// joins the next one.
	for key(fyne.KeyHome); ed.entry.CursorTextOffset() > 0; key(fyne.KeyUp) {
		key(fyne.KeyHome)
	}
	if ed.live == 0 {
		t.Fatal("the cursor reached the first block, want a later one for Backspace")
	}
	live, at := ed.live, ed.cursor()
	key(fyne.KeyBackspace)
	w := []rune(want)
	want = string(w[:at-1]) + string(w[at:])
	if ed.Text() != want || h.savedNote() != want || ed.cursor() != at-1 {
		t.Fatalf("Backspace at the start of block %d: note as wanted %v, saved %v, cursor at %d from %d",
			live, ed.Text() == want, h.savedNote() == want, ed.cursor(), at)
	}
	typeHere('b', "Backspace")
	key(fyne.KeyPageDown)
	key(fyne.KeyEnd)
	if ed.live == len(ed.blocks)-1 {
		t.Fatal("the cursor is in the last block, want an earlier one for Delete")
	}
	live, at = ed.live, ed.cursor()
	key(fyne.KeyDelete)
	w = []rune(want)
	want = string(w[:at]) + string(w[at+1:])
	if ed.Text() != want || h.savedNote() != want || ed.cursor() != at {
		t.Fatalf("Delete at the end of block %d: note as wanted %v, saved %v, cursor at %d from %d",
			live, ed.Text() == want, h.savedNote() == want, ed.cursor(), at)
	}
	typeHere('x', "Delete")
}

// TestNoteEditorKeepsALongNote: a note of 20,000 characters (paragraphs, a paragraph of 2,000
// words, blank lines, letters beyond ASCII) shows and saves unchanged, after the cursor has
// been through every block and back and after leaving the topic and coming back to it.
func TestNoteEditorKeepsALongNote(t *testing.T) {
	h, ed := notesEditor(t)
	note := prose(7000) + "\n\n" + longNote + "\nZoë: “déjà vu” — 日本語\n"
	note += prose(20000 - utf8.RuneCountInString(note))
	if n := utf8.RuneCountInString(note); n != 20000 {
		t.Fatalf("the note holds %d characters, want 20,000", n)
	}
	ed.SetText(note)
	if ed.Text() != note || h.savedNote() != note {
		t.Fatal("the note set is not the note shown or saved")
	}
	field := ed.Field()
	for i := 0; ed.live > 0 || field.CursorRow > 0; i++ {
		if i > 2000 {
			t.Fatal("Up never reaches the note's first row")
		}
		field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	}
	for i := 0; ed.live < len(ed.blocks)-1; i++ {
		if i > 2000 {
			t.Fatal("Right never reaches the last block")
		}
		field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
		field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if ed.Text() != note || h.savedNote() != note {
		t.Error("moving through the note changed it")
	}
	h.tap("Next topic")
	h.tap("Previous")
	if got := h.note().Text(); got != note {
		t.Errorf("back on the topic the note holds %d characters, not the 20,000 saved", utf8.RuneCountInString(got))
	}
}

// TestNoteEditorSplitsWhatIsTyped: typing on and on, and pasting a long text, keeps the live
// block short (a key costs what it costs in a short note) and the whole note saved.
func TestNoteEditorSplitsWhatIsTyped(t *testing.T) {
	h, ed := notesEditor(t)
	want := ""
	sentence := "We spoke about trust and how the team handles a missed deadline. "
	for range 40 {
		test.Type(ed.Field(), sentence)
		want += sentence
		if n := utf8.RuneCountInString(ed.entry.Text); n > blockSplit+1 {
			t.Fatalf("the live block holds %d runes after typing, want at most %d", n, blockSplit+1)
		}
	}
	if ed.Text() != want || h.savedNote() != want {
		t.Fatal("what was typed is not the note shown and saved")
	}
	if len(ed.blocks) < 3 {
		t.Errorf("%d characters typed are %d blocks, want at least 3", len(want), len(ed.blocks))
	}

	pasted := strings.Repeat("Pasted from the interview guide. ", 200)
	clipboard := test.NewClipboard()
	clipboard.SetContent(pasted)
	ed.Field().TypedShortcut(&fyne.ShortcutPaste{Clipboard: clipboard})
	want += pasted
	if ed.Text() != want || h.savedNote() != want {
		t.Fatalf("the pasted text is not in the note shown and saved: %d characters shown, %d saved, want %d",
			len(ed.Text()), len(h.savedNote()), len(want))
	}
	if n := utf8.RuneCountInString(ed.entry.Text); n > blockMax {
		t.Errorf("the live block holds %d runes after a long paste, want at most %d", n, blockMax)
	}
	test.Type(ed.Field(), "end")
	if want += "end"; ed.Text() != want || h.savedNote() != want {
		t.Error("typing after the paste did not go at the end")
	}
}

// TestNoteEditorTapEditsABlock: tapping a block that is not being edited makes it the one
// typed into, with the focus, and what is typed goes into that block.
func TestNoteEditorTapEditsABlock(t *testing.T) {
	h, ed := notesEditor(t)
	note := prose(3000)
	ed.SetText(note)
	first := ed.views[0]
	if !first.Visible() || ed.live == 0 {
		t.Fatal("the first block is not shown as text")
	}
	test.Tap(first)
	if ed.live != 0 {
		t.Fatalf("after tapping the first block, block %d is edited", ed.live)
	}
	if h.w.Canvas().Focused() != ed.Field() {
		t.Error("after a tap on a block the field does not have the focus")
	}
	at := ed.cursor()
	test.Type(ed.Field(), "Z")
	r := []rune(note)
	want := string(r[:at]) + "Z" + string(r[at:])
	if ed.Text() != want || h.savedNote() != want {
		t.Errorf("the letter typed after the tap is not where the cursor was (%d)", at)
	}
	if at > utf8.RuneCountInString(ed.blocks[0].text) {
		t.Errorf("the cursor is at %d, outside the tapped block", at)
	}
}

// TestWriteUpAnswerIsANoteEditor: the write-up's answers are typed in the same editor, and a
// long answer typed there is saved whole.
func TestWriteUpAnswerIsANoteEditor(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	for h.u.Screen() == "questions" {
		if contains(h.buttonTexts(), "Closing") {
			h.tap("Closing")
		} else {
			h.tap("Next topic")
		}
	}
	h.note().SetText(prose(2500))
	if got := h.u.engine.ClosingAnswer(); got != prose(2500) {
		t.Errorf("the closing answer saved holds %d characters, want 2,500", len(got))
	}
	h.tap("Interviewee has left: write-up")
	h.wantScreen("write-up")
	ed := h.note()
	ed.SetText(prose(4000))
	test.Type(ed.Field(), " Calm and clear.")
	want := prose(4000) + " Calm and clear."
	prompt := h.u.engine.WriteUpPrompts()[0]
	if got := h.u.engine.WriteUp(prompt.ID); got != want {
		t.Errorf("the write-up answer saved holds %d characters, want %d", len(got), len(want))
	}
}

// TestNoteEditorShortBlocks: in a note of one-line paragraphs, each its own block once the
// note is long, the arrows keep the column and Right and Left step one letter.
func TestNoteEditorShortBlocks(t *testing.T) {
	_, ed := notesEditor(t)
	note := strings.Repeat("A short line of notes.\n"+strings.Repeat("word ", 118)+"\n", 6) + "last"
	ed.SetText(note)
	field := ed.Field()
	key := func(name fyne.KeyName) { field.TypedKey(&fyne.KeyEvent{Name: name}) }
	for ed.live > 0 {
		at := ed.cursor()
		key(fyne.KeyLeft)
		if got := ed.cursor(); got != at-1 {
			t.Fatalf("Left from %d moved to %d", at, got)
		}
	}
	for ed.live < len(ed.blocks)-1 {
		at := ed.cursor()
		key(fyne.KeyRight)
		if got := ed.cursor(); got != at+1 {
			t.Fatalf("Right from %d moved to %d", at, got)
		}
	}
	if ed.Text() != note {
		t.Error("moving through the note changed it")
	}
}
