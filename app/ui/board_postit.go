package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// postIt is an item of the board, or a theme, as a card that shows its whole text, wrapped to
// the width it is given: a tap chooses it, and a post-it can be dragged by mouse or finger onto
// a theme. Lists of them are fitLists, which page by the height the text takes.
type postIt struct {
	widget.BaseWidget
	label    *widget.Label
	bg       *canvas.Rectangle
	selected bool
	// OnTapped is called on a tap (a press and release without a drag).
	OnTapped func()
	// OnDragged is called as a drag moves, with the pointer's position on the canvas;
	// OnDropped when it ends, with where it was last.
	OnDragged func(at fyne.Position)
	OnDropped func(at fyne.Position)
	dragging  bool
	at        fyne.Position
}

func newPostIt(text string, tapped func()) *postIt {
	p := &postIt{label: widget.NewLabel(text), OnTapped: tapped}
	p.label.Wrapping = fyne.TextWrapWord
	p.bg = canvas.NewRectangle(color.Transparent)
	p.bg.CornerRadius = theme.InputRadiusSize()
	p.bg.StrokeWidth = 2
	p.ExtendBaseWidget(p)
	return p
}

// setSelected marks the post-it as chosen (to move, or dragged) or not.
func (p *postIt) setSelected(on bool) {
	if p.selected == on {
		return
	}
	p.selected = on
	p.Refresh()
}

// Tapped implements fyne.Tappable.
func (p *postIt) Tapped(*fyne.PointEvent) {
	if p.OnTapped != nil {
		p.OnTapped()
	}
}

// Dragged implements fyne.Draggable.
func (p *postIt) Dragged(e *fyne.DragEvent) {
	if p.OnDropped == nil {
		return
	}
	p.dragging = true
	p.at = e.AbsolutePosition
	p.setSelected(true)
	if p.OnDragged != nil {
		p.OnDragged(p.at)
	}
}

// DragEnd implements fyne.Draggable.
func (p *postIt) DragEnd() {
	if !p.dragging {
		return
	}
	p.dragging = false
	p.OnDropped(p.at)
}

// MinSize implements fyne.Widget: at least a finger's height.
func (p *postIt) MinSize() fyne.Size {
	s := p.BaseWidget.MinSize()
	return fyne.NewSize(s.Width, max(s.Height, MinTarget))
}

// CreateRenderer implements fyne.Widget.
func (p *postIt) CreateRenderer() fyne.WidgetRenderer {
	r := &postItRenderer{p: p, stack: container.NewStack(p.bg, p.label)}
	r.Refresh()
	return r
}

type postItRenderer struct {
	p     *postIt
	stack *fyne.Container
}

func (r *postItRenderer) Layout(s fyne.Size)           { r.stack.Resize(s) }
func (r *postItRenderer) MinSize() fyne.Size           { return r.stack.MinSize() }
func (r *postItRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.stack} }
func (r *postItRenderer) Destroy()                     {}

func (r *postItRenderer) Refresh() {
	th := r.p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.p.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.p.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.p.bg.StrokeWidth = 2
	r.p.label.TextStyle.Bold = r.p.selected
	if r.p.selected {
		r.p.bg.FillColor = th.Color(theme.ColorNameSelection, v)
		r.p.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		r.p.bg.StrokeWidth = 4
	}
	r.p.bg.Refresh()
	r.p.label.Refresh()
}

// under returns the index of the object of objs whose area on the canvas holds at, or -1.
func under(objs []fyne.CanvasObject, at fyne.Position) int {
	d := fyne.CurrentApp().Driver()
	for i, o := range objs {
		if o == nil || !o.Visible() {
			continue
		}
		p, s := d.AbsolutePositionForObject(o), o.Size()
		if at.X >= p.X && at.X < p.X+s.Width && at.Y >= p.Y && at.Y < p.Y+s.Height {
			return i
		}
	}
	return -1
}

// fitPaged is a fitList with its page buttons below it: arrows for a narrow column.
func (bs *boardScreens) fitPaged(rows []fyne.CanvasObject, narrow bool) fyne.CanvasObject {
	if len(rows) == 0 {
		return layout.NewSpacer()
	}
	l := newFitList(rows, bs.u.touch)
	var bar fyne.CanvasObject
	if narrow {
		l.prev.SetText("")
		l.prev.SetIcon(theme.MoveUpIcon())
		l.next.SetText("")
		l.next.SetIcon(theme.MoveDownIcon())
		bar = container.NewGridWithColumns(2, l.prev, l.next)
	} else {
		bar = container.NewHBox(l.prev, layout.NewSpacer(), l.info, layout.NewSpacer(), l.next)
	}
	return container.NewBorder(nil, bar, nil, nil, l.box)
}
