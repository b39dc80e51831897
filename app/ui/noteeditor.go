package ui

import (
	"math"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// blockMax is the most runes a block of a note holds when the note is split; a block being
// typed into is split again once it passes blockSplit. Fyne's Entry re-wraps and re-measures
// its whole text on every key, at a cost that grows faster than the text: a block this size
// keeps a key as cheap in a long note as in a short one.
const (
	blockMax   = 600
	blockSplit = blockMax + blockMax/2
)

// noteEditor is a multi-line text field for long notes. The note is split into blocks of at
// most blockMax runes, at paragraph breaks where it can: the block being edited is a live
// Entry, the others are plain text that a tap makes live. The arrow keys, Backspace and
// Delete carry on across blocks as in one field; the physical keyboard and the on-screen
// keyboard type into the live block, at its entry's caret; select all (Ctrl+A) takes the whole
// note, which copy, cut, a key or a paste then act on; OnChanged hears the whole note after
// every change, as an Entry's OnChanged does.
type noteEditor struct {
	widget.BaseWidget
	// OnChanged is called with the whole note after every change.
	OnChanged func(string)

	entry   *kbEntry
	blocks  []noteBlock
	views   []*blockView // views[live] is hidden while the entry stands in its place
	live    int
	content *fyne.Container
	scroll  *container.Scroll
	// before and after are the note around the live block (after starts with the live block's
	// line break, if it has one).
	before, after string
	// loading is set while the editor puts a block into the entry, which is no edit.
	loading bool
	size    fyne.Size
	// rows is how many wrapped rows the live block has. The entry is as tall as its rows, up
	// to the editor's height, so the blocks around it show.
	rows int
	// all is set while the whole note is selected (select all): the live block's entry has
	// its text selected and the other blocks show as selected.
	all bool
}

// noteBlock is one block of a note: its text and whether a line break follows it (a paragraph
// too long for one block is cut between words, with no break between its blocks).
type noteBlock struct {
	text string
	brk  bool
}

func (b noteBlock) joined() string {
	if b.brk {
		return b.text + "\n"
	}
	return b.text
}

func newNoteEditor(kb *Keyboard, text string) *noteEditor {
	ed := &noteEditor{entry: newKBEntry(kb, true)}
	ed.entry.OnChanged = func(string) {
		if !ed.loading && ed.OnChanged != nil {
			ed.OnChanged(ed.Text())
		}
	}
	ed.entry.onKey = ed.typedKey
	ed.entry.onEdited = ed.edited
	ed.entry.onRune = ed.typedRune
	ed.entry.onShortcut = ed.typedShortcut
	ed.entry.onPointer = ed.unselectAll
	ed.content = container.New(&noteLayout{ed: ed}, ed.entry)
	drag := &dragToScroll{content: ed.content}
	drag.ExtendBaseWidget(drag)
	ed.scroll = container.NewVScroll(drag)
	drag.scroll = ed.scroll
	ed.ExtendBaseWidget(ed)
	ed.setBlocks(text)
	return ed
}

// Text is the whole note.
func (ed *noteEditor) Text() string { return ed.before + ed.entry.Text + ed.after }

// cursor is the cursor's place in the whole note, in runes.
func (ed *noteEditor) cursor() int {
	return utf8.RuneCountInString(ed.before) + ed.entry.Caret()
}

// SetText replaces the note, with the cursor at its end, and calls OnChanged when it changed.
func (ed *noteEditor) SetText(text string) {
	old := ed.Text()
	ed.setBlocks(text)
	if text != old && ed.OnChanged != nil {
		ed.OnChanged(text)
	}
}

// SetPlaceHolder sets the text shown while the note is empty.
func (ed *noteEditor) SetPlaceHolder(text string) { ed.entry.SetPlaceHolder(text) }

// SetMinRowsVisible sets the editor's least height, in rows of text.
func (ed *noteEditor) SetMinRowsVisible(n int) { ed.entry.SetMinRowsVisible(n) }

// SelectedText is the text selected: the whole note after select all, else what is selected in
// the live block.
func (ed *noteEditor) SelectedText() string {
	if ed.allSelected() {
		return ed.Text()
	}
	return ed.entry.SelectedText()
}

// Field is the live block's entry: the one the keyboards type into and that takes the focus.
func (ed *noteEditor) Field() *kbEntry { return ed.entry }

// MinSize implements fyne.Widget: the entry's rows, whatever the length of the note.
func (ed *noteEditor) MinSize() fyne.Size { return ed.entry.MinSize() }

// CreateRenderer implements fyne.Widget.
func (ed *noteEditor) CreateRenderer() fyne.WidgetRenderer {
	return &noteEditorRenderer{ed: ed}
}

// setBlocks splits text into blocks and makes the last one live, with the cursor at its end,
// where a person writing adds words.
func (ed *noteEditor) setBlocks(text string) {
	ed.unselectAll()
	ed.blocks = splitNote(text, blockMax)
	ed.live = len(ed.blocks) - 1
	for len(ed.views) < len(ed.blocks) {
		ed.views = append(ed.views, ed.newView())
	}
	ed.views = ed.views[:len(ed.blocks)]
	for i, b := range ed.blocks {
		ed.views[i].set(b.text, i != ed.live)
	}
	ed.syncObjects()
	ed.loadEnd(ed.blocks[ed.live].text)
	ed.relayout(true)
}

func (ed *noteEditor) newView() *blockView {
	v := &blockView{label: widget.NewLabel(""), selection: canvas.NewRectangle(nil)}
	v.selection.Hide()
	v.label.Wrapping = fyne.TextWrapWord
	v.onTap = func(pos fyne.Position) { ed.tapped(v, pos) }
	v.ExtendBaseWidget(v)
	return v
}

// syncObjects puts the views and the entry in the container (the layout orders them).
func (ed *noteEditor) syncObjects() {
	objects := make([]fyne.CanvasObject, 0, len(ed.views)+1)
	for _, v := range ed.views {
		objects = append(objects, v)
	}
	ed.content.Objects = append(objects, ed.entry)
}

// around recomputes the note before and after the live block.
func (ed *noteEditor) around() {
	var b, a strings.Builder
	for _, bl := range ed.blocks[:ed.live] {
		b.WriteString(bl.joined())
	}
	if ed.blocks[ed.live].brk {
		a.WriteString("\n")
	}
	for _, bl := range ed.blocks[ed.live+1:] {
		a.WriteString(bl.joined())
	}
	ed.before, ed.after = b.String(), a.String()
}

// loadAt puts text in the entry with the cursor at row and col of its wrapped rows (the Entry
// cuts the column to the row).
func (ed *noteEditor) loadAt(text string, row, col int) {
	e := ed.load(text)
	e.CursorRow, e.CursorColumn = min(row, ed.rows-1), col
	e.Refresh() // the Entry cuts the column to the row
	e.setCaret(e.CursorTextOffset())
}

// loadEnd puts text in the entry with the cursor at its end.
func (ed *noteEditor) loadEnd(text string) {
	ed.loadOffset(text, utf8.RuneCountInString(text))
}

// loadOffset puts text in the entry with the cursor offset runes in.
func (ed *noteEditor) loadOffset(text string, offset int) {
	ed.load(text).setCaret(offset)
}

// load puts text in the entry, which is no edit, and counts its rows.
func (ed *noteEditor) load(text string) *kbEntry {
	e := ed.entry
	ed.loading = true
	e.SetText(text)
	ed.loading = false
	ed.rows = e.rows()
	ed.around()
	return e
}

// recount counts the live block's rows again.
func (ed *noteEditor) recount() { ed.rows = ed.entry.rows() }

// settle puts the live block's text back among the blocks, split again if it has grown, and
// returns where block i now is.
func (ed *noteEditor) settle(i int) int {
	old := ed.live
	pieces := splitNote(ed.entry.Text, blockMax)
	pieces[len(pieces)-1].brk = ed.blocks[old].brk
	ed.replace(old, pieces)
	if i > old {
		i += len(pieces) - 1
	}
	return i
}

// replace puts pieces in the place of block i, each with a view showing it.
func (ed *noteEditor) replace(i int, pieces []noteBlock) {
	views := make([]*blockView, len(pieces))
	views[0] = ed.views[i]
	for j := 1; j < len(pieces); j++ {
		views[j] = ed.newView()
	}
	for j, p := range pieces {
		views[j].set(p.text, true)
	}
	ed.blocks = append(ed.blocks[:i], append(pieces, ed.blocks[i+1:]...)...)
	ed.views = append(ed.views[:i], append(views, ed.views[i+1:]...)...)
	ed.syncObjects()
}

// remove drops block i and its view.
func (ed *noteEditor) remove(i int) {
	ed.blocks = append(ed.blocks[:i], ed.blocks[i+1:]...)
	ed.views = append(ed.views[:i], ed.views[i+1:]...)
	if ed.live > i {
		ed.live--
	}
	ed.syncObjects()
}

// goLive makes block i the live one (its view steps aside for the entry).
func (ed *noteEditor) goLive(i int) {
	ed.live = i
	for j, v := range ed.views {
		if j == i {
			v.Hide()
		} else if !v.Visible() {
			v.Show()
		}
	}
}

// typedKey handles a key in the live block: at the block's edges the arrows move to the next
// block and Backspace and Delete join the blocks, as in one field; anything else is the
// entry's.
func (ed *noteEditor) typedKey(k *fyne.KeyEvent) {
	e := ed.entry
	if ed.allSelected() {
		ed.keyOnAll(k)
		return
	}
	if e.SelectedText() != "" || shiftHeld() {
		e.key(k) // a selection stays within its block
		return
	}
	offset := e.Caret()
	row, col := e.rowCol(offset)
	first, last := ed.live == 0, ed.live == len(ed.blocks)-1
	switch k.Name {
	case fyne.KeyUp:
		if row == 0 && !first {
			ed.move(ed.live-1, func() { ed.loadAt(ed.blocks[ed.live].text, math.MaxInt, col) })
			return
		}
	case fyne.KeyDown:
		if row >= e.rows()-1 && !last {
			ed.move(ed.live+1, func() { ed.loadAt(ed.blocks[ed.live].text, 0, col) })
			return
		}
	case fyne.KeyLeft:
		// Over the line break to the end of the block before; where a paragraph was cut, its
		// end is this block's start, so one letter further.
		if offset == 0 && !first {
			ed.move(ed.live-1, func() {
				b := ed.blocks[ed.live]
				if b.brk {
					ed.loadEnd(b.text)
				} else {
					ed.loadOffset(b.text, utf8.RuneCountInString(b.text)-1)
				}
			})
			return
		}
	case fyne.KeyRight:
		if offset == utf8.RuneCountInString(e.Text) && !last {
			brk := ed.blocks[ed.live].brk
			ed.move(ed.live+1, func() {
				if brk {
					ed.loadOffset(ed.blocks[ed.live].text, 0)
				} else {
					ed.loadOffset(ed.blocks[ed.live].text, 1)
				}
			})
			return
		}
	case fyne.KeyBackspace:
		if offset == 0 && !first {
			// Join the block to the one before without what stands between them: the line
			// break, or the last letter of a paragraph's earlier block.
			prev := []rune(ed.blocks[ed.live-1].joined())
			ed.blocks[ed.live].text = string(prev[:len(prev)-1]) + e.Text
			ed.remove(ed.live - 1)
			ed.joined(len(prev) - 1)
			return
		}
	case fyne.KeyDelete:
		if offset == utf8.RuneCountInString(e.Text) && !last {
			// Join the next block, without the line break or the first letter after the
			// cursor.
			cur, next := ed.blocks[ed.live], ed.blocks[ed.live+1]
			rest := next.text
			if !cur.brk {
				_, n := utf8.DecodeRuneInString(rest)
				rest = rest[n:]
			}
			ed.blocks[ed.live] = noteBlock{text: e.Text + rest, brk: next.brk}
			ed.remove(ed.live + 1)
			ed.joined(offset)
			return
		}
	}
	e.key(k)
}

// selectAll selects the whole note: the live block's text in the entry, the other blocks
// shown as selected.
func (ed *noteEditor) selectAll() {
	ed.entry.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	ed.all = true
	for i, v := range ed.views {
		v.setSelected(i != ed.live)
	}
}

// allSelected reports whether the whole note is selected: select all has been used and the
// entry still has all its text selected.
func (ed *noteEditor) allSelected() bool {
	if ed.all && ed.entry.SelectedText() != ed.entry.Text {
		ed.unselectAll() // the entry's selection went another way
	}
	return ed.all
}

// unselectAll ends the whole-note selection, if there is one (the entry's own selection is
// the entry's to end).
func (ed *noteEditor) unselectAll() {
	if !ed.all {
		return
	}
	ed.all = false
	for _, v := range ed.views {
		v.setSelected(false)
	}
}

// typedRune replaces a whole-note selection with r; it reports whether there was one.
func (ed *noteEditor) typedRune(r rune) bool {
	if !ed.allSelected() {
		return false
	}
	ed.SetText(string(r))
	return true
}

// typedShortcut selects the whole note, and copies, cuts or pastes over it while it is
// selected; it reports whether it took the shortcut.
func (ed *noteEditor) typedShortcut(s fyne.Shortcut) bool {
	if _, ok := s.(*fyne.ShortcutSelectAll); ok {
		ed.selectAll()
		return true
	}
	if !ed.allSelected() {
		return false
	}
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		if s.Clipboard != nil {
			s.Clipboard.SetContent(ed.Text())
		}
	case *fyne.ShortcutCut:
		if s.Clipboard != nil {
			s.Clipboard.SetContent(ed.Text())
			ed.SetText("")
		}
	case *fyne.ShortcutPaste:
		if s.Clipboard != nil {
			ed.SetText(s.Clipboard.Content())
		}
	default:
		return false
	}
	return true
}

// keyOnAll handles a key while the whole note is selected: Backspace and Delete erase it, a
// line break replaces it, the arrows and pages end the selection at the note's start or end;
// other keys (a letter's key, before its rune) leave it.
func (ed *noteEditor) keyOnAll(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyBackspace, fyne.KeyDelete:
		ed.SetText("")
	case fyne.KeyReturn, fyne.KeyEnter:
		ed.SetText("\n")
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyHome, fyne.KeyPageUp:
		ed.unselectAll()
		ed.entry.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) // ends the entry's selection
		ed.move(0, func() { ed.loadOffset(ed.blocks[0].text, 0) })
	case fyne.KeyRight, fyne.KeyDown, fyne.KeyEnd, fyne.KeyPageDown:
		ed.unselectAll()
		ed.entry.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		ed.move(len(ed.blocks)-1, func() { ed.loadEnd(ed.blocks[ed.live].text) })
	}
}

// joined shows the live block after joining another to it, with the cursor offset runes in,
// and reports the change.
func (ed *noteEditor) joined(offset int) {
	ed.goLive(ed.live)
	ed.loadOffset(ed.blocks[ed.live].text, offset)
	ed.relayout(true)
	if ed.OnChanged != nil {
		ed.OnChanged(ed.Text())
	}
}

// move leaves the live block for block i, which load puts in the entry.
func (ed *noteEditor) move(i int, load func()) {
	ed.goLive(ed.settle(i))
	load()
	ed.relayout(true)
}

// edited splits the live block once typing or a paste has made it long, keeping the cursor
// where it is.
func (ed *noteEditor) edited() {
	text := ed.entry.Text
	if len(text) <= blockSplit || utf8.RuneCountInString(text) <= blockSplit {
		ed.countRows()
		return
	}
	offset := ed.entry.Caret()
	pieces := splitNote(text, blockMax)
	pieces[len(pieces)-1].brk = ed.blocks[ed.live].brk
	at, start := len(pieces)-1, 0
	for j, p := range pieces {
		n := utf8.RuneCountInString(p.text)
		if offset <= start+n || j == len(pieces)-1 {
			at = j
			break
		}
		start += utf8.RuneCountInString(p.joined())
	}
	i := ed.live
	ed.replace(i, pieces)
	ed.goLive(i + at)
	ed.loadOffset(pieces[at].text, offset-start)
	ed.relayout(true)
}

// countRows updates the live block's rows after an edit, and its height with them.
func (ed *noteEditor) countRows() {
	if rows := ed.entry.rows(); rows != ed.rows {
		ed.rows = rows
		ed.relayout(true)
	}
}

// entryHeight is the live block's height: its rows, between the entry's least height and the
// editor's.
func (ed *noteEditor) entryHeight() float32 {
	th := ed.entry.Theme()
	line := fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height
	h := line*float32(ed.rows) + 2*th.Size(theme.SizeNameInnerPadding) + 2*th.Size(theme.SizeNameInputBorder)
	return max(min(h, ed.size.Height), ed.entry.MinSize().Height)
}

// tapped makes the tapped block live, with the cursor where the finger was.
func (ed *noteEditor) tapped(v *blockView, pos fyne.Position) {
	i := -1
	for j, o := range ed.views {
		if o == v {
			i = j
		}
	}
	if i < 0 || i == ed.live {
		return
	}
	ed.unselectAll()
	ed.move(i, func() { ed.loadAt(ed.blocks[ed.live].text, 0, 0) })
	// The entry now stands where the block stood: a press at the same place puts the cursor
	// there and gives the entry the focus.
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary}
	ed.entry.MouseDown(ev)
	ed.entry.MouseUp(ev)
	if c := fyne.CurrentApp().Driver().CanvasForObject(ed.entry); c != nil && c.Focused() != ed.entry {
		c.Focus(ed.entry)
	}
}

func shiftHeld() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}

// relayout lays the blocks out again at the editor's size; with show, it scrolls the live
// block into view.
func (ed *noteEditor) relayout(show bool) {
	if ed.size.IsZero() {
		return
	}
	l := ed.content.Layout.(*noteLayout)
	h := l.MinSize(ed.content.Objects).Height
	ed.content.Resize(fyne.NewSize(ed.size.Width, max(h, ed.size.Height)))
	l.Layout(ed.content.Objects, ed.content.Size())
	if d, ok := ed.scroll.Content.(*dragToScroll); ok {
		d.Resize(ed.content.Size())
	}
	if show {
		// The whole live block in view, moving as little as can be.
		y := ed.scroll.Offset.Y
		if bottom := l.entryY + ed.entryHeight(); bottom > y+ed.size.Height {
			y = bottom - ed.size.Height
		}
		y = max(0, min(y, l.entryY, h-ed.size.Height))
		ed.scroll.Offset = fyne.NewPos(0, -1) // refresh the bars even when the offset stays
		ed.scroll.ScrollToOffset(fyne.NewPos(0, y))
	}
}
