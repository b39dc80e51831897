package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fitList shows as many rows of differing heights as fit its area, from a first row on, and
// pages by what was shown: a chart row's height depends on how its statements wrap, which is
// known only at the width the window gives. Its minimum height is one row's, so it never makes
// the window grow.
type fitList struct {
	rows   []fyne.CanvasObject
	start  int
	shown  int
	starts []int // where the earlier pages began, for Previous page
	box    *fyne.Container
	info   *widget.Label
	prev   *Button
	next   *Button
}

func newFitList(rows []fyne.CanvasObject, touch func()) *fitList {
	l := &fitList{rows: rows, info: widget.NewLabel("")}
	l.box = container.New(l, rows...)
	l.prev = NewButton(lang.L("Previous page"), func() {
		touch()
		if n := len(l.starts); n > 0 {
			l.start, l.starts = l.starts[n-1], l.starts[:n-1]
			l.box.Refresh()
		}
	})
	l.next = NewButton(lang.L("Next page"), func() {
		touch()
		if l.start+l.shown < len(l.rows) {
			l.starts = append(l.starts, l.start)
			l.start += l.shown
			l.box.Refresh()
		}
	})
	return l
}

// Layout implements fyne.Layout.
func (l *fitList) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	l.shown = 0
	full := false
	for i, o := range objs {
		if i < l.start || full {
			o.Hide()
			continue
		}
		// A wrapped row knows its height once it has its width.
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		h := o.MinSize().Height
		if l.shown > 0 && y+h > size.Height {
			full = true
			o.Hide()
			continue
		}
		o.Show()
		o.Resize(fyne.NewSize(size.Width, h))
		o.Move(fyne.NewPos(0, y))
		y += h + theme.Padding()
		l.shown++
	}
	l.update()
}

// MinSize implements fyne.Layout: the first row's height, at most.
func (l *fitList) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if l.start < len(objs) {
		return fyne.NewSize(0, min(objs[l.start].MinSize().Height, 60))
	}
	return fyne.NewSize(0, 0)
}

func (l *fitList) update() {
	text := ""
	if len(l.rows) > 0 && (l.start > 0 || l.start+l.shown < len(l.rows)) {
		text = lang.L("{{.From}}–{{.To}} of {{.N}}", map[string]any{"From": l.start + 1, "To": l.start + l.shown, "N": len(l.rows)})
	}
	if l.info.Text != text {
		l.info.SetText(text)
	}
	setEnabled(l.prev, l.start > 0)
	setEnabled(l.next, l.start+l.shown < len(l.rows))
}

func setEnabled(b *Button, on bool) {
	if on && b.Disabled() {
		b.Enable()
	} else if !on && !b.Disabled() {
		b.Disable()
	}
}
