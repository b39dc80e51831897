package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

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
