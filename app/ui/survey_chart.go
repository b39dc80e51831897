package ui

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/survey"
)

// chartRowLayout puts the left statement, the bar and the right statement side by side: the
// statements share what the bar leaves, the bar is a third of the width (at least 160).
type chartRowLayout struct{}

func (l *chartRowLayout) widths(w float32) (side, bar float32) {
	bar = max(160, w/3)
	side = max(0, (w-bar-2*theme.Padding())/2)
	return side, bar
}

func (l *chartRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	side, bar := l.widths(size.Width)
	h := size.Height
	objs[0].Resize(fyne.NewSize(side, h))
	objs[0].Move(fyne.NewPos(0, 0))
	bh := objs[1].MinSize().Height
	objs[1].Resize(fyne.NewSize(bar, bh))
	objs[1].Move(fyne.NewPos(side+theme.Padding(), (h-bh)/2))
	objs[2].Resize(fyne.NewSize(side, h))
	objs[2].Move(fyne.NewPos(side+bar+2*theme.Padding(), 0))
}

func (l *chartRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := objs[1].MinSize().Height
	for _, o := range []fyne.CanvasObject{objs[0], objs[2]} {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(160+2*theme.Padding()+2*60, h)
}

// tappableRow makes a row of a chart tappable as a whole.
type tappableRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	tapped  func()
}

func newTappableRow(content fyne.CanvasObject, tapped func()) *tappableRow {
	r := &tappableRow{content: content, tapped: tapped}
	r.ExtendBaseWidget(r)
	return r
}

// Tapped implements fyne.Tappable.
func (r *tappableRow) Tapped(*fyne.PointEvent) { r.tapped() }

// CreateRenderer implements fyne.Widget.
func (r *tappableRow) CreateRenderer() fyne.WidgetRenderer {
	sep := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	sep.SetMinSize(fyne.NewSize(1, 1))
	return widget.NewSimpleRenderer(container.NewBorder(nil, sep, nil, nil, r.content))
}

// divergingBar draws one item's answers as a diverging stacked bar (survey.Segments): the
// left-hand points to the left of the middle line, the right-hand ones to its right, the
// middle point across it, and the mean position as a black mark. A withheld item says so.
type divergingBar struct {
	widget.BaseWidget
	ir survey.ItemResult
}

func newDivergingBar(ir survey.ItemResult) *divergingBar {
	b := &divergingBar{ir: ir}
	b.ExtendBaseWidget(b)
	return b
}

// MinSize implements fyne.Widget.
func (b *divergingBar) MinSize() fyne.Size { return fyne.NewSize(160, 30) }

// CreateRenderer implements fyne.Widget.
func (b *divergingBar) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{b: b, segs: survey.Segments(b.ir)}
	points := len(b.ir.Counts)
	for _, s := range r.segs {
		cr, cg, cb := survey.PointColour(points, s.Point)
		r.rects = append(r.rects, canvas.NewRectangle(color.NRGBA{R: cr, G: cg, B: cb, A: 0xff}))
	}
	r.frame = canvas.NewRectangle(color.Transparent)
	r.frame.StrokeColor = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
	r.frame.StrokeWidth = 1
	r.middle = canvas.NewRectangle(color.NRGBA{R: 0x44, G: 0x44, B: 0x44, A: 0xff})
	r.mean = canvas.NewRectangle(color.Black)
	// Each segment carries its share of the answers, in black or white, whichever is the
	// clearer on its colour; a share too narrow for its words leaves them out (Layout).
	for _, sg := range r.segs {
		cr, cg, cb := survey.PointColour(points, sg.Point)
		fill := color.NRGBA{R: cr, G: cg, B: cb, A: 0xff}
		ink := color.Color(color.Black)
		if contrastRatio(color.White, fill) > contrastRatio(color.Black, fill) {
			ink = color.White
		}
		pct := canvas.NewText(fmt.Sprintf("%d%%", int(math.Round(100*float64(b.ir.Counts[sg.Point-1])/float64(b.ir.Answered)))), ink)
		pct.TextSize = theme.CaptionTextSize()
		pct.TextStyle.Bold = true
		pct.Alignment = fyne.TextAlignCenter
		r.pcts = append(r.pcts, pct)
	}
	r.text = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	r.text.TextSize = theme.CaptionTextSize()
	r.text.Alignment = fyne.TextAlignCenter
	if len(r.segs) == 0 {
		r.text.Text = lang.L("not shown")
		r.mean.Hide()
		r.middle.Hide()
	}
	return r
}

type barRenderer struct {
	b                   *divergingBar
	segs                []survey.Segment
	rects               []*canvas.Rectangle
	pcts                []*canvas.Text
	frame, middle, mean *canvas.Rectangle
	text                *canvas.Text
}

func (r *barRenderer) Layout(size fyne.Size) {
	half := size.Width / 2
	x := func(v float64) float32 { return half + float32(v)*half }
	r.frame.Resize(size)
	for i, s := range r.segs {
		r.rects[i].Move(fyne.NewPos(x(s.From), 4))
		r.rects[i].Resize(fyne.NewSize(x(s.To)-x(s.From), size.Height-8))
		t := r.pcts[i]
		w := x(s.To) - x(s.From)
		t.Move(fyne.NewPos(x(s.From), (size.Height-t.MinSize().Height)/2))
		t.Resize(fyne.NewSize(w, t.MinSize().Height))
		// Words that do not fit their share, or that the middle line or the mean's mark would
		// cross, are left out: the item's figures screen has every count.
		tw := t.MinSize().Width
		from, to := x(s.From)+(w-tw)/2-2, x(s.From)+(w+tw)/2+2
		crossed := func(at float32) bool { return at >= from-2 && at <= to+2 }
		t.Hidden = tw+4 > w || crossed(half) || (!math.IsNaN(r.b.ir.Position) && crossed(x(r.b.ir.Position)))
	}
	r.middle.Move(fyne.NewPos(half-1, 0))
	r.middle.Resize(fyne.NewSize(2, size.Height))
	if p := r.b.ir.Position; !math.IsNaN(p) {
		r.mean.Move(fyne.NewPos(x(p)-2, 0))
		r.mean.Resize(fyne.NewSize(4, size.Height))
	}
	r.text.Move(fyne.NewPos(0, (size.Height-r.text.MinSize().Height)/2))
	r.text.Resize(fyne.NewSize(size.Width, r.text.MinSize().Height))
}

func (r *barRenderer) MinSize() fyne.Size { return r.b.MinSize() }
func (r *barRenderer) Refresh()           { canvas.Refresh(r.b) }
func (r *barRenderer) Destroy()           {}
func (r *barRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.frame}
	for _, rc := range r.rects {
		objs = append(objs, rc)
	}
	objs = append(objs, r.middle, r.mean)
	for _, t := range r.pcts {
		objs = append(objs, t)
	}
	return append(objs, r.text)
}

// newLegend shows the colours of the points and the mean's mark, in one line.
func newLegend(points int) fyne.CanvasObject {
	box := container.NewHBox()
	for p := 1; p <= points; p++ {
		cr, cg, cb := survey.PointColour(points, p)
		sw := canvas.NewRectangle(color.NRGBA{R: cr, G: cg, B: cb, A: 0xff})
		sw.SetMinSize(fyne.NewSize(14, 14))
		box.Add(container.NewCenter(sw))
	}
	words := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.SizeName = theme.SizeNameCaptionText
		return l
	}
	mean := canvas.NewRectangle(color.Black) // the chart's mark, drawn: the fonts have no bar
	mean.SetMinSize(fyne.NewSize(4, 14))
	box.Add(words(lang.L("left … right;")))
	box.Add(container.NewCenter(mean))
	box.Add(words(lang.L("mean")))
	return box
}
