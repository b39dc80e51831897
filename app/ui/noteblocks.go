package ui

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The note editor's drawing: its renderer and layout, a block that is not being edited, and
// how a note is cut into blocks.

type noteEditorRenderer struct{ ed *noteEditor }

func (r *noteEditorRenderer) Layout(size fyne.Size) {
	ed := r.ed
	old := ed.size
	ed.size = size
	ed.scroll.Resize(size)
	if size == old {
		return
	}
	ed.relayout(true)
	if size.Width != old.Width {
		// The live block wraps anew at this width.
		ed.recount()
		ed.relayout(true)
	}
}

func (r *noteEditorRenderer) MinSize() fyne.Size { return r.ed.entry.MinSize() }

// Refresh lays the blocks out again: a new theme changes their heights, and the live block's
// rows.
func (r *noteEditorRenderer) Refresh() {
	r.ed.scroll.Refresh()
	r.ed.recount()
	r.ed.relayout(false)
}

func (r *noteEditorRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.ed.scroll} }
func (r *noteEditorRenderer) Destroy()                     {}

// noteLayout stacks the blocks in order, each at the height its text needs, the entry in the
// live block's place (up to the editor's height; beyond, it scrolls within itself).
type noteLayout struct {
	ed     *noteEditor
	entryY float32
}

func (l *noteLayout) each(width float32, place func(o fyne.CanvasObject, y, h float32)) float32 {
	ed := l.ed
	heights := make([]float32, len(ed.views))
	total := float32(0)
	for i, v := range ed.views {
		if i == ed.live {
			heights[i] = ed.entryHeight()
		} else {
			if v.Size().Width != width {
				v.Resize(fyne.NewSize(width, v.Size().Height))
			}
			heights[i] = v.MinSize().Height
		}
		total += heights[i]
	}
	// A short note leaves room below: the live block takes it, as one field would.
	heights[ed.live] += max(0, ed.size.Height-total)
	y := float32(0)
	for i, v := range ed.views {
		var o fyne.CanvasObject = v
		if i == ed.live {
			o, l.entryY = ed.entry, y
		}
		place(o, y, heights[i])
		y += heights[i]
	}
	return y
}

func (l *noteLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	if l.ed.size.Width <= 0 {
		return fyne.Size{} // not laid out yet: wrapping the blocks at no width is work thrown away
	}
	return fyne.NewSize(0, l.each(l.ed.size.Width, func(fyne.CanvasObject, float32, float32) {}))
}

func (l *noteLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.each(size.Width, func(o fyne.CanvasObject, y, h float32) {
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
	})
}

// blockView is a block of a note that is not being edited: plain text, which a tap edits.
type blockView struct {
	widget.BaseWidget
	label *widget.Label
	// selection is shown behind the text while the whole note is selected.
	selection *canvas.Rectangle
	onTap     func(fyne.Position)
}

func (v *blockView) set(text string, visible bool) {
	if v.label.Text != text {
		v.label.SetText(text)
	}
	if visible {
		v.Show()
	} else {
		v.Hide()
	}
}

// setSelected shows the block as selected, or not.
func (v *blockView) setSelected(selected bool) {
	if selected == v.selection.Visible() {
		return
	}
	if selected {
		v.selection.FillColor = v.Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())
		v.selection.Show()
	} else {
		v.selection.Hide()
	}
	v.selection.Refresh()
}

// Tapped implements fyne.Tappable.
func (v *blockView) Tapped(e *fyne.PointEvent) { v.onTap(e.Position) }

// CreateRenderer implements fyne.Widget.
func (v *blockView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(v.selection, v.label))
}

// splitNote cuts text into blocks of at most max runes: whole paragraphs together where they
// fit, a longer paragraph cut after a sentence (or a word) into blocks of its own. Joined again
// (each block's text, then a line break where it has one) they are text.
func splitNote(text string, max int) []noteBlock {
	var out []noteBlock
	var group []string
	size := 0
	flush := func(brk bool) {
		if group != nil {
			out = append(out, noteBlock{text: strings.Join(group, "\n"), brk: brk})
			group, size = nil, 0
		}
	}
	paragraphs := strings.Split(text, "\n")
	for i, p := range paragraphs {
		n := utf8.RuneCountInString(p)
		if n > max {
			flush(true)
			pieces := cutParagraph(p, max)
			for j, piece := range pieces {
				out = append(out, noteBlock{text: piece, brk: j == len(pieces)-1 && i < len(paragraphs)-1})
			}
			continue
		}
		if group != nil && size+1+n > max {
			flush(true)
		}
		if group != nil {
			size++
		}
		group = append(group, p)
		size += n
	}
	flush(false)
	return out
}

// cutParagraph cuts p into pieces of at most max runes, after the last sentence end in the
// second half of a piece, else after its last space, else at max.
func cutParagraph(p string, max int) []string {
	r := []rune(p)
	var out []string
	for len(r) > max {
		cut := 0
		for i := max; i > max/2 && cut == 0; i-- {
			if r[i-1] == ' ' && strings.ContainsRune(".?!", r[i-2]) {
				cut = i
			}
		}
		for i := max; i > 0 && cut == 0; i-- {
			if r[i-1] == ' ' {
				cut = i
			}
		}
		if cut == 0 {
			cut = max
		}
		out = append(out, string(r[:cut]))
		r = r[cut:]
	}
	return append(out, string(r))
}
