package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

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
