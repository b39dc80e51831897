package ui

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/driver/mobile"
	"fyne.io/fyne/v2/widget"
)

// kbEntry is an Entry that hands itself to the on-screen keyboard when it gets focus, and that
// keeps its cursor as a place in the text.
//
// The Entry keeps its cursor as a row and a column of the wrapped text, and word wrapping
// leaves out the space where a row breaks. The place just after such a space at the end of
// the text, or of a paragraph, has no row and column: the Entry puts its cursor before the
// space (at the end of the text) or on the next line (before a line break). Row and column
// also mean another place once the text wraps anew (the larger text). What was typed next
// then went in before the space ("said in" became "saidin", the space last) or elsewhere.
// So the field keeps the cursor itself, as a rune offset (the caret): every rune and key acts
// there, and the Entry's row and column only show it, and say where a pointer put it.
type kbEntry struct {
	widget.Entry
	kb *Keyboard
	// OnFocus runs when the field is tapped into (a screen opens its keyboard panel).
	OnFocus func()
	// onKey, when set, takes the keys the field gets instead of the field's own handling (a
	// note editor moves between its blocks with them); onEdited hears every rune, key and
	// shortcut once it has been handled.
	onKey    func(*fyne.KeyEvent)
	onEdited func()
	// onRune and onShortcut, when set, see a rune or a shortcut first and report whether they
	// took it (a note editor's whole-note selection); onPointer hears a press, drag or tap.
	onRune     func(rune) bool
	onShortcut func(fyne.Shortcut) bool
	onPointer  func()
	// caret is the cursor, in runes into caretText. Once the text is not caretText (changed
	// other than by this field: an Entry's menu) the Entry's own cursor counts.
	caret     int
	caretText string
}

func newKBEntry(kb *Keyboard, multi bool) *kbEntry {
	e := &kbEntry{kb: kb}
	e.MultiLine = multi
	if multi {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained implements fyne.Focusable.
func (e *kbEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.kb != nil {
		e.kb.SetTarget(e)
	}
	if e.OnFocus != nil {
		e.OnFocus()
	}
}

// Caret is the cursor's place in the text, in runes; with a selection, the selection's moving
// end.
func (e *kbEntry) Caret() int {
	if e.Text != e.caretText || e.SelectedText() != "" {
		return e.CursorTextOffset()
	}
	return e.caret
}

// TypedRune implements fyne.Focusable, noting a physical keyboard: r goes in at the caret.
func (e *kbEntry) TypedRune(r rune) {
	if e.kb != nil {
		e.kb.physicalKey()
	}
	switch {
	case e.onRune != nil && e.onRune(r):
	case e.SelectedText() != "":
		e.entryDid(func() { e.Entry.TypedRune(r) }) // in the selection's place
	default:
		at := e.Caret()
		e.edit(at, at, func() { e.Entry.TypedRune(r) }, string(r), at+1)
	}
	e.edited()
}

// TypedKey implements fyne.Focusable, noting a physical keyboard. The desktop driver sends
// every key here, letters too, just before their rune; those change nothing.
func (e *kbEntry) TypedKey(k *fyne.KeyEvent) {
	if e.kb != nil {
		e.kb.physicalKey()
	}
	if e.onKey != nil {
		e.onKey(k)
	} else {
		e.key(k)
	}
	e.edited()
}

// key moves or edits at the caret. Left and Right step one rune; the rows (Up, Down, Home,
// End, pages) are the Entry's, from where the caret is.
func (e *kbEntry) key(k *fyne.KeyEvent) {
	if e.SelectedText() != "" || shiftHeld() {
		e.entryDid(func() { e.Entry.TypedKey(k) }) // a selection is the Entry's
		return
	}
	at, n := e.Caret(), utf8.RuneCountInString(e.Text)
	switch k.Name {
	case fyne.KeyLeft:
		e.setCaret(max(at-1, 0))
	case fyne.KeyRight:
		e.setCaret(min(at+1, n))
	case fyne.KeyBackspace:
		if at > 0 {
			e.edit(at-1, at, func() { e.Entry.TypedKey(k) }, "", at-1)
		}
	case fyne.KeyDelete:
		if at < n {
			e.edit(at, at+1, func() { e.Entry.TypedKey(k) }, "", at)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.MultiLine {
			e.Entry.TypedKey(k) // submits
			return
		}
		e.edit(at, at, func() { e.Entry.TypedKey(k) }, "\n", at+1)
	case fyne.KeyTab:
		e.edit(at, at, func() { e.Entry.TypedKey(k) }, "\t", at+1)
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown:
		e.CursorRow, e.CursorColumn = e.rowCol(at)
		e.Entry.TypedKey(k)
		to := e.CursorTextOffset()
		if (k.Name == fyne.KeyEnd || k.Name == fyne.KeyPageDown) && e.beforeHiddenSpace(to) {
			to++ // the end of the paragraph, after its last space
		}
		e.setCaret(to)
	}
}

// TypedShortcut implements fyne.Shortcutable (paste, cut, copy, select all, undo).
func (e *kbEntry) TypedShortcut(s fyne.Shortcut) {
	if e.onShortcut != nil && e.onShortcut(s) {
		e.edited()
		return
	}
	if p, ok := s.(*fyne.ShortcutPaste); ok && e.SelectedText() == "" && p.Clipboard != nil {
		text := p.Clipboard.Content()
		if !e.MultiLine {
			text = strings.ReplaceAll(text, "\n", " ")
		}
		at := e.Caret()
		e.edit(at, at, func() { e.Entry.TypedShortcut(s) }, text, at+utf8.RuneCountInString(text))
	} else {
		e.entryDid(func() { e.Entry.TypedShortcut(s) })
	}
	e.edited()
}

// MouseDown implements desktop.Mouseable: the cursor goes where the pointer pressed.
func (e *kbEntry) MouseDown(m *desktop.MouseEvent) { e.Entry.MouseDown(m); e.pointed() }

// MouseUp implements desktop.Mouseable.
func (e *kbEntry) MouseUp(m *desktop.MouseEvent) { e.Entry.MouseUp(m); e.pointed() }

// Dragged implements fyne.Draggable: a drag selects.
func (e *kbEntry) Dragged(d *fyne.DragEvent) { e.Entry.Dragged(d); e.pointed() }

// DoubleTapped implements fyne.DoubleTappable: a double tap selects a word.
func (e *kbEntry) DoubleTapped(p *fyne.PointEvent) { e.Entry.DoubleTapped(p); e.pointed() }

// TouchDown implements mobile.Touchable.
func (e *kbEntry) TouchDown(t *mobile.TouchEvent) { e.Entry.TouchDown(t); e.pointed() }

// TouchUp implements mobile.Touchable.
func (e *kbEntry) TouchUp(t *mobile.TouchEvent) { e.Entry.TouchUp(t); e.pointed() }

// pointed takes the cursor where a pointer put it. The end of a row that a left-out space
// ends is also the place after that space, where a person pointing there means to write on.
func (e *kbEntry) pointed() {
	at := e.CursorTextOffset()
	if e.SelectedText() == "" && e.beforeHiddenSpace(at) {
		at++
	}
	e.caret, e.caretText = at, e.Text
	if e.onPointer != nil {
		e.onPointer()
	}
}

func (e *kbEntry) edited() {
	if e.onEdited != nil {
		e.onEdited()
	}
}

// edit replaces the runes from..to with ins by the Entry's action act, from the caret at, and
// puts the caret at after. The Entry acts at its row and column, which are set from the caret
// first; if the text still comes out other than intended, the intended text is set.
func (e *kbEntry) edit(from, to int, act func(), ins string, after int) {
	text := e.Text
	want := text[:runeIndex(text, from)] + ins + text[runeIndex(text, to):]
	e.CursorRow, e.CursorColumn = e.rowCol(e.Caret())
	act()
	if e.Text != want {
		e.Entry.SetText(want)
	}
	e.setCaret(after)
}

// entryDid runs an action of the Entry's own (a selection's) and takes the cursor from where
// it left it, unless it left text and cursor as they were.
func (e *kbEntry) entryDid(act func()) {
	text, row, col := e.Text, e.CursorRow, e.CursorColumn
	act()
	if e.Text != text || e.CursorRow != row || e.CursorColumn != col {
		e.caret, e.caretText = e.CursorTextOffset(), e.Text
	}
}

// setCaret puts the caret offset runes into the text and shows it there.
func (e *kbEntry) setCaret(offset int) {
	e.caret, e.caretText = max(0, min(offset, utf8.RuneCountInString(e.Text))), e.Text
	if e.SelectedText() != "" {
		return
	}
	row, col := e.rowCol(e.caret)
	shown := e.CursorTextOffset()
	if shown == e.caret || shown == e.caret-1 && e.CursorRow == row && e.CursorColumn == col-1 {
		return // there, or at the end of the row whose left-out space the caret is after
	}
	e.CursorRow, e.CursorColumn = row, col
	e.Refresh() // the Entry cuts the column to its row, and draws the cursor
}

// rowStart is where the Entry's wrapped row begins, in runes; 0 past the last row.
func (e *kbEntry) rowStart(row int) int {
	r, c := e.CursorRow, e.CursorColumn
	e.CursorRow, e.CursorColumn = row, 0
	start := e.CursorTextOffset()
	e.CursorRow, e.CursorColumn = r, c
	return start
}

// rows is how many wrapped rows the Entry shows.
func (e *kbEntry) rows() int {
	n := utf8.RuneCountInString(e.Text)
	return sort.Search(n+2, func(r int) bool { return r > 0 && e.rowStart(r) == 0 })
}

// rowCol is the Entry's row and column for a rune offset: the last row that starts at or
// before it. After a space the wrapping left out at the end of a paragraph, the column is one
// past the row's end, a place the Entry acts at but does not keep.
func (e *kbEntry) rowCol(offset int) (row, col int) {
	n := utf8.RuneCountInString(e.Text)
	row = sort.Search(n+2, func(r int) bool {
		if r == 0 {
			return false
		}
		s := e.rowStart(r)
		return s == 0 || s > offset
	}) - 1
	return row, offset - e.rowStart(row)
}

// beforeHiddenSpace reports whether offset is before a space that ends a paragraph (or the
// text), the place where the Entry puts its cursor when the wrapping left that space out and
// the place after it has no row and column. A key or a pointer that puts the Entry's cursor
// there at the end of a row means the end of the paragraph: were the space shown, the row's
// end would be after it.
func (e *kbEntry) beforeHiddenSpace(offset int) bool {
	text := e.Text
	i := runeIndex(text, offset)
	r, size := utf8.DecodeRuneInString(text[i:])
	if size == 0 || r == '\n' || !unicode.IsSpace(r) {
		return false
	}
	return i+size == len(text) || text[i+size] == '\n'
}

// runeIndex is the byte index of the rune offset runes into s (len(s) past its end).
func runeIndex(s string, offset int) int {
	for i := range s {
		if offset == 0 {
			return i
		}
		offset--
	}
	return len(s)
}
