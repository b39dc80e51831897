package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/driver/mobile"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// MinTarget is the smallest touch target, in Fyne units (pixels at scale 1).
const MinTarget = 52

// Button is a widget.Button at least MinTarget square, as a finger needs.
type Button struct {
	widget.Button
	// typesInto, when set, receives what is typed while the button has keyboard focus (after
	// Tab), except Space, which presses the button: a PIN pad's keys pass digits, Delete and
	// Return on to the pad rather than swallow them.
	typesInto fyne.Focusable
}

// TypedRune implements fyne.Focusable.
func (b *Button) TypedRune(r rune) {
	if b.typesInto != nil && r != ' ' {
		b.typesInto.TypedRune(r)
		return
	}
	b.Button.TypedRune(r)
}

// TypedKey implements fyne.Focusable.
func (b *Button) TypedKey(k *fyne.KeyEvent) {
	if b.typesInto != nil && k.Name != fyne.KeySpace {
		b.typesInto.TypedKey(k)
		return
	}
	b.Button.TypedKey(k)
}

// NewButton returns a touch-sized button.
func NewButton(text string, tapped func()) *Button {
	b := &Button{}
	b.Text = text
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// MinSize implements fyne.Widget.
func (b *Button) MinSize() fyne.Size {
	s := b.Button.MinSize()
	return fyne.NewSize(max(s.Width, MinTarget), max(s.Height, MinTarget))
}

// PinPad is a large numeric keypad: digits, delete and OK. It shows dots for a PIN, or the
// digits for a number (Reveal). A USB keyboard types into it when it has focus.
type PinPad struct {
	widget.BaseWidget
	// OnSubmit is called with what was entered when OK is pressed.
	OnSubmit func(string)
	// OnKey is called on every key (the UI resets its idle timer).
	OnKey  func()
	Reveal bool
	Max    int
	// Settle runs a submitted PIN's check once the pad's "Checking…" has been drawn: the check
	// (Argon2id, and an export behind it) holds the UI's thread for up to seconds, and a person
	// must see at once that the kiosk is working. Nil runs it at once, before anything is drawn.
	Settle func(func())

	busy    bool // a submitted PIN is being checked: keys wait
	value   []rune
	display *widget.Label
	content fyne.CanvasObject
}

// NewPinPad returns a PIN pad whose OK calls submit.
func NewPinPad(submit func(string)) *PinPad {
	p := &PinPad{OnSubmit: submit, Max: 32}
	p.display = widget.NewLabel(" ")
	p.display.Alignment = fyne.TextAlignCenter
	p.display.SizeName = theme.SizeNameHeadingText
	p.display.TextStyle.Bold = true // the dots of a hidden PIN, large enough to count
	keys := container.NewGridWithColumns(3)
	key := func(label string, tapped func()) *Button {
		b := NewButton(label, tapped)
		b.typesInto = p // a key that Tab focused still types into the pad
		keys.Add(b)
		return b
	}
	for _, d := range "123456789" {
		key(string(d), func() { p.TypedRune(d) })
	}
	key(lang.L("Delete"), func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) })
	key("0", func() { p.TypedRune('0') })
	ok := key(lang.L("OK"), func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	ok.Importance = widget.HighImportance
	p.content = container.NewBorder(p.display, nil, nil, nil, keys)
	p.ExtendBaseWidget(p)
	return p
}

// Value is what was typed so far.
func (p *PinPad) Value() string { return string(p.value) }

// Clear empties the pad (the typed digits are overwritten in memory).
func (p *PinPad) Clear() {
	for i := range p.value {
		p.value[i] = 0
	}
	p.value = p.value[:0]
	p.show()
}

func (p *PinPad) show() {
	switch {
	case len(p.value) == 0:
		p.display.SetText(" ")
	case p.Reveal:
		p.display.SetText(string(p.value))
	default:
		p.display.SetText(strings.Repeat("• ", len(p.value)))
	}
}

// TypedRune implements fyne.Focusable.
func (p *PinPad) TypedRune(r rune) {
	if p.OnKey != nil {
		p.OnKey()
	}
	if p.busy || r < '0' || r > '9' || len(p.value) >= p.Max {
		return
	}
	p.value = append(p.value, r)
	p.show()
}

// TypedKey implements fyne.Focusable.
func (p *PinPad) TypedKey(k *fyne.KeyEvent) {
	if p.OnKey != nil {
		p.OnKey()
	}
	switch k.Name {
	case fyne.KeyBackspace:
		if n := len(p.value); n > 0 && !p.busy {
			p.value[n-1] = 0
			p.value = p.value[:n-1]
			p.show()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if p.busy {
			return
		}
		v := string(p.value)
		p.Clear()
		if p.OnSubmit == nil {
			return
		}
		if p.Settle == nil || p.Reveal {
			p.OnSubmit(v) // a number, not a PIN: nothing slow to wait for
			return
		}
		p.busy = true
		p.display.SetText(lang.L("Checking…"))
		p.Settle(func() {
			defer func() { p.busy = false; p.show() }()
			p.OnSubmit(v)
		})
	}
}

// FocusGained implements fyne.Focusable.
func (p *PinPad) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (p *PinPad) FocusLost() {}

// CreateRenderer implements fyne.Widget.
func (p *PinPad) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.content) }

// Keyboard is the on-screen keyboard panel: it types into the field that last had focus
// (a USB keyboard works too, Fyne's own way).
type Keyboard struct {
	widget.BaseWidget
	OnKey func()

	target  fyne.Focusable
	shift   bool
	numbers bool
	rows    *fyne.Container

	// sending is set while the panel itself types into the target, so an entry can tell its
	// keys from a physical keyboard's.
	sending bool
	// physical records that a physical keyboard has been used: text fields then stop opening
	// the panel. OnPhysical hears the first such key (a screen closes its open panel).
	physical   bool
	OnPhysical func()
}

// Physical reports whether a physical keyboard has been used since the kiosk started.
func (k *Keyboard) Physical() bool { return k.physical }

// physicalKey notes a key that did not come from the panel.
func (k *Keyboard) physicalKey() {
	if k.sending || k.physical {
		return
	}
	k.physical = true
	if k.OnPhysical != nil {
		k.OnPhysical()
	}
}

// NewKeyboard returns a keyboard panel with no target.
func NewKeyboard() *Keyboard {
	k := &Keyboard{rows: container.NewVBox()}
	k.build()
	k.ExtendBaseWidget(k)
	return k
}

// SetTarget makes keys type into f.
func (k *Keyboard) SetTarget(f fyne.Focusable) { k.target = f }

func (k *Keyboard) build() {
	letters := []string{"qwertyuiop", "asdfghjkl'", "zxcvbnm,.?"}
	if k.numbers {
		letters = []string{"1234567890", "-/:;()&@\"!", "#%*+=_<>[]"}
	}
	k.rows.RemoveAll()
	for _, row := range letters {
		r := container.NewGridWithColumns(len([]rune(row)))
		for _, c := range row {
			c := c
			label := string(c)
			if k.shift {
				label = strings.ToUpper(label)
			}
			r.Add(NewButton(label, func() {
				if k.shift {
					c = []rune(strings.ToUpper(string(c)))[0]
				}
				k.rune(c)
			}))
		}
		k.rows.Add(r)
	}
	shift := NewButton(lang.L("Shift"), func() { k.shift = !k.shift; k.build() })
	if k.shift {
		shift.Importance = widget.HighImportance
	}
	mode := NewButton("123", func() { k.numbers = !k.numbers; k.build() })
	if k.numbers {
		mode.SetText("abc")
	}
	k.rows.Add(container.NewBorder(nil, nil,
		container.NewHBox(shift, mode),
		container.NewHBox(
			NewButton(lang.L("Delete"), func() { k.key(fyne.KeyBackspace) }),
			NewButton(lang.L("New line"), func() { k.key(fyne.KeyReturn) }),
		),
		NewButton(lang.L("Space"), func() { k.rune(' ') }),
	))
	k.rows.Refresh()
}

func (k *Keyboard) rune(r rune) {
	if k.OnKey != nil {
		k.OnKey()
	}
	if k.target != nil {
		k.sending = true
		k.target.TypedRune(r)
		k.sending = false
	}
	if k.shift {
		k.shift = false
		k.build()
	}
}

func (k *Keyboard) key(n fyne.KeyName) {
	if k.OnKey != nil {
		k.OnKey()
	}
	if k.target != nil {
		k.sending = true
		k.target.TypedKey(&fyne.KeyEvent{Name: n})
		k.sending = false
	}
}

// CreateRenderer implements fyne.Widget.
func (k *Keyboard) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(k.rows) }

// SignaturePad takes a finger-drawn signature or initials.
type SignaturePad struct {
	widget.BaseWidget
	strokes [][]fyne.Position
	drawing bool
	box     *fyne.Container
	bg      *canvas.Rectangle
}

// NewSignaturePad returns an empty pad.
func NewSignaturePad() *SignaturePad {
	s := &SignaturePad{bg: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))}
	s.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	s.bg.StrokeWidth = 2
	s.box = container.NewWithoutLayout()
	s.ExtendBaseWidget(s)
	return s
}

// Dragged implements fyne.Draggable: a finger moving on the pad draws.
func (s *SignaturePad) Dragged(e *fyne.DragEvent) {
	if !s.drawing {
		s.strokes = append(s.strokes, []fyne.Position{e.Position.Subtract(e.Dragged)})
		s.drawing = true
	}
	last := &s.strokes[len(s.strokes)-1]
	*last = append(*last, e.Position)
	n := len(*last)
	l := canvas.NewLine(theme.Color(theme.ColorNameForeground))
	l.StrokeWidth = 3
	l.Position1, l.Position2 = (*last)[n-2], (*last)[n-1]
	s.box.Add(l)
	// Adding to a container draws nothing by itself on the desktop driver, and refreshing the
	// new segment does nothing either (the window does not know it yet): refresh the container
	// the window knows, which repaints it with the segment.
	canvas.Refresh(s.box)
}

// DragEnd implements fyne.Draggable.
func (s *SignaturePad) DragEnd() { s.drawing = false }

// Empty reports whether nothing was drawn.
func (s *SignaturePad) Empty() bool { return len(s.strokes) == 0 }

// Clear wipes the pad.
func (s *SignaturePad) Clear() {
	s.strokes = nil
	s.box.RemoveAll()
	s.box.Refresh()
}

// Bytes encodes the strokes as text, "x,y x,y;x,y ...", for sealing with the consent.
func (s *SignaturePad) Bytes() []byte {
	var b strings.Builder
	for i, st := range s.strokes {
		if i > 0 {
			b.WriteByte(';')
		}
		for j, p := range st {
			if j > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%.0f,%.0f", p.X, p.Y)
		}
	}
	return []byte(b.String())
}

// MinSize implements fyne.Widget.
func (s *SignaturePad) MinSize() fyne.Size { return fyne.NewSize(300, 110) }

// CreateRenderer implements fyne.Widget.
func (s *SignaturePad) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(layout.NewStackLayout(), s.bg, s.box))
}

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

// pager shows rows a page at a time with large previous/next buttons: touch screens here have
// no drag-to-scroll.
type pager struct {
	rows    []fyne.CanvasObject
	perPage int
	page    int
	box     *fyne.Container
	info    *widget.Label
	prev    *Button
	next    *Button
	view    *fyne.Container
	compact bool
}

func newPager(perPage int, rows []fyne.CanvasObject) *pager {
	p := &pager{perPage: max(perPage, 1), box: container.NewVBox(), info: widget.NewLabel("")}
	p.prev = NewButton(lang.L("Previous page"), func() { p.turn(-1) })
	p.next = NewButton(lang.L("Next page"), func() { p.turn(1) })
	p.view = container.NewBorder(nil, container.NewHBox(p.prev, layout.NewSpacer(), p.info, layout.NewSpacer(), p.next), nil, nil, p.box)
	p.set(rows)
	return p
}

// newCompactPager is a pager for a narrow column: arrows instead of words, no page count.
func newCompactPager(perPage int, rows []fyne.CanvasObject) *pager {
	p := newPager(perPage, rows)
	p.compact = true
	p.prev.SetText("")
	p.prev.SetIcon(theme.MoveUpIcon())
	p.next.SetText("")
	p.next.SetIcon(theme.MoveDownIcon())
	p.view = container.NewBorder(nil, container.NewGridWithColumns(2, p.prev, p.next), nil, nil, p.box)
	p.render()
	return p
}

func (p *pager) pages() int { return max(1, (len(p.rows)+p.perPage-1)/p.perPage) }

func (p *pager) set(rows []fyne.CanvasObject) {
	p.rows = rows
	p.page = min(p.page, p.pages()-1)
	p.render()
}

func (p *pager) turn(d int) {
	p.page = min(max(p.page+d, 0), p.pages()-1)
	p.render()
}

func (p *pager) render() {
	p.box.RemoveAll()
	for i := p.page * p.perPage; i < len(p.rows) && i < (p.page+1)*p.perPage; i++ {
		p.box.Add(p.rows[i])
	}
	if p.pages() > 1 {
		if !p.compact {
			p.info.SetText(lang.L("Page {{.Page}} of {{.Pages}}", map[string]any{"Page": p.page + 1, "Pages": p.pages()}))
		}
		p.prev.Show()
		p.next.Show()
		if p.page == 0 {
			p.prev.Disable()
		} else {
			p.prev.Enable()
		}
		if p.page == p.pages()-1 {
			p.next.Disable()
		} else {
			p.next.Enable()
		}
	} else {
		p.info.SetText("")
		p.prev.Hide()
		p.next.Hide()
	}
	p.box.Refresh()
}

// pinLayout puts a PIN pad on the right at a fixed, finger-friendly size and the text beside it.
func pinLayout(text fyne.CanvasObject, pad *PinPad) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(390, 450), pad), text)
}

// newTouchScroll is a vertical scroll area that a finger can drag, as well as its scroll bar and
// a mouse wheel: the desktop driver does not scroll on drag by itself. Its minimum height is
// small, so long text inside it never makes the window grow.
func newTouchScroll(content fyne.CanvasObject) *container.Scroll {
	d := &dragToScroll{content: content}
	d.ExtendBaseWidget(d)
	d.scroll = container.NewVScroll(d)
	return d.scroll
}

// dragToScroll is a scroll area's content that turns drags into scrolling.
type dragToScroll struct {
	widget.BaseWidget
	content fyne.CanvasObject
	scroll  *container.Scroll
}

// Dragged implements fyne.Draggable.
func (d *dragToScroll) Dragged(e *fyne.DragEvent) {
	d.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: e.Dragged.DY}})
}

// DragEnd implements fyne.Draggable.
func (d *dragToScroll) DragEnd() {}

// CreateRenderer implements fyne.Widget.
func (d *dragToScroll) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(d.content)
}

// promptLayout stacks a prompt (a question with its probes, in a touch scroll), an optional
// fixed part (a scale) and a text field. The prompt gets the height its text needs, up to what
// the field's own minimum leaves, and scrolls beyond that; the field gets the rest. Its
// minimum height counts one line of the prompt, so a long question never grows the window.
type promptLayout struct {
	prompt *container.Scroll
}

func newPromptArea(prompt, fixed, field fyne.CanvasObject) *fyne.Container {
	s := newTouchScroll(prompt)
	if fixed == nil {
		fixed = layout.NewSpacer()
	}
	return container.New(&promptLayout{prompt: s}, s, fixed, field)
}

func (l *promptLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	line := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding()
	w := float32(0)
	h := float32(0)
	if objects[0].Visible() {
		h = line + pad
	}
	for _, o := range objects[1:] {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height + pad
	}
	return fyne.NewSize(w, h-pad)
}

func (l *promptLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed, field := objects[1], objects[2]
	fixedH := float32(0)
	if fixed.Visible() {
		fixedH = fixed.MinSize().Height + pad
	}
	room := size.Height - fixedH - field.MinSize().Height - pad
	// The prompt's text wraps to the width it is given: lay it out at that width to learn
	// its height.
	content := l.prompt.Content
	content.Resize(fyne.NewSize(size.Width, content.MinSize().Height))
	want := content.MinSize().Height
	ph := max(min(want, room), 0)
	if !objects[0].Visible() {
		ph = 0
	}
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(size.Width, ph))
	y := ph
	if ph > 0 {
		y += pad
	}
	if fixed.Visible() {
		fixed.Move(fyne.NewPos(0, y))
		fixed.Resize(fyne.NewSize(size.Width, fixedH-pad))
		y += fixedH
	}
	field.Move(fyne.NewPos(0, y))
	field.Resize(fyne.NewSize(size.Width, size.Height-y))
}

// cutToWidth shortens s with an ellipsis until it fits width at the theme's text size, in
// bold as buttons draw it: for buttons, which cannot cut their own text.
func cutToWidth(s string, width float32) string {
	size, bold := theme.TextSize(), fyne.TextStyle{Bold: true}
	if fyne.MeasureText(s, size, bold).Width <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, bold).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(r[:lo]), " ") + "…"
}

// rowsPerPage is how many touch-sized rows a list shows per page: n at 480 px high (one fewer
// with the larger text, whose headings are taller), one more for each further row's height on
// taller screens.
func (u *UI) rowsPerPage(n int) int {
	if u.theme.large {
		n = max(n-1, 1)
	}
	return n + int(max(0, u.win.Canvas().Size().Height-480)/(MinTarget+theme.Padding()))
}

// linesPerPage is how many rows of one line of text an admin page's list shows: as many as
// the window's height holds under the page's heading and above its pager and bottom row,
// measured in the text size shown (a fixed number made for the test driver's text outgrew the
// real window).
func (u *UI) linesPerPage() int {
	line := widget.NewLabel("0").MinSize().Height + theme.Padding()
	chrome := heading("0").MinSize().Height + 2*(MinTarget+theme.Padding()) + 6*theme.Padding()
	return max(1, int((u.win.Canvas().Size().Height-chrome)/line))
}

// rowText cuts a button's text to the width of the window's content: buttons do not cut their
// own text, and a long one would widen the window. u.button applies it to every button.
func (u *UI) rowText(s string) string {
	return cutToWidth(s, u.win.Canvas().Size().Width-100)
}
