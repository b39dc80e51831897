package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/board"
	"quietroom/app/report"
	"quietroom/app/session"
)

// slidesIdle is how long the slide show waits without a touch or a key before it closes the
// board: a presenter talks over one slide for minutes, and the questions after the
// presentation take 20 to 30 (the handbook's 13.45), so the board screens' two minutes would
// close it mid-talk. It is never shorter than the kiosk's own idle time-out.
const slidesIdle = 30 * time.Minute

// showSlides shows the presentation as slides from slide at (from 0), the whole window black
// around a 16:9 slide, for the projector: Next and Previous by touch (the slide's right two
// thirds and left third, and the buttons), by the arrow keys, Space, and a presenter remote's
// Page Down and Page Up; Home and End go to the first and last slide, Escape back to the
// board. The slides are the deck's (board.Deck): the words and their places are the PDF's.
func (bs *boardScreens) showSlides(at int) {
	ob := bs.boardOpen()
	if ob == nil {
		return
	}
	p, err := ob.b.Presentation(bs.u.ctx)
	if err != nil {
		bs.showPresentation() // which says what went wrong
		return
	}
	deck := p.Deck(ob.title)
	view := newSlideView(deck, min(max(at, 0), len(deck.Slides)-1))
	// The counter on the black bar, white, at the bar's text size.
	counter := canvas.NewText("", color.White)
	counter.TextStyle.Bold = true
	counter.TextSize = theme.TextSize() * bs.boardScale()
	prev := bs.u.button(lang.L("Previous"), nil)
	next := bs.u.button(lang.L("Next"), nil)
	// The slides hold only what the team chose to show, so they may stay up through a long
	// talk; the board behind them does not. Back to the board after a pause longer than the
	// kiosk's idle time-out closes the board instead, so a projector left showing a slide
	// does not lead a passer-by into the items: the member signs in again.
	turned := bs.u.kiosk.Now()
	leave := func() {
		if bs.u.kiosk.Now().Sub(turned) > bs.u.opts.IdleTimeout {
			bs.u.log.Info("slide show left after a pause: the board is closed", "screen", bs.u.screen)
			bs.closeBoard()
			bs.u.showHome()
			return
		}
		bs.showPresentation()
	}
	back := bs.u.button(lang.L("Back to the board"), func() { leave() })
	for _, b := range []*Button{prev, next, back} {
		b.typesInto = view // a button tapped, then a key: the key still turns the slide
	}
	view.onChange = func() {
		bs.u.touch()
		turned = bs.u.kiosk.Now()
		counter.Text = deck.Counter(view.at)
		counter.Refresh()
		prev.Enable()
		next.Enable()
		if view.at == 0 {
			prev.Disable()
		}
		if view.at == len(deck.Slides)-1 {
			next.Disable()
		}
		bs.u.win.Canvas().Focus(view)
	}
	view.onBack = leave
	prev.OnTapped = func() { view.goTo(view.at - 1) }
	next.OnTapped = func() { view.goTo(view.at + 1) }
	bar := container.NewHBox(back, layout.NewSpacer(), prev, container.NewPadded(container.NewCenter(counter)), next)
	var barBox fyne.CanvasObject = bar
	if sc := bs.boardScale(); sc > 1 {
		barBox = container.NewThemeOverride(bar, &kioskTheme{large: bs.u.theme.large, contrast: bs.u.theme.contrast, scale: sc})
	}
	black := canvas.NewRectangle(color.Black)
	content := container.NewStack(black, container.NewBorder(nil, barBox, nil, nil, view))
	bs.u.show("board-slides", screenLive, content)
	// The whole window: no margin of the kiosk's background around the letterbox.
	bs.u.body.Objects = []fyne.CanvasObject{content}
	bs.u.body.Refresh()
	// A tap on the black margin or the bar's gap takes the focus from the slide: a key (a
	// presenter's remote) still turns it while this slide show is shown. The canvas's handler
	// counts every key as a touch, as the shell's own does.
	shown := bs.u.shown
	bs.u.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		bs.u.touch()
		if bs.u.shown == shown {
			view.TypedKey(k)
		}
	})
	idle := max(slidesIdle, bs.u.opts.IdleTimeout)
	bs.u.onTick = func(session.Status) {
		left := bs.u.lastTouch.Add(idle).Sub(bs.u.kiosk.Now())
		if left > 0 {
			bs.u.wakeWithin(left)
			return
		}
		bs.u.log.Info("idle time-out", "screen", bs.u.screen)
		bs.closeBoard()
		bs.u.showHome()
	}
	view.onChange()
}

// slideView draws one slide of a deck as large as a 16:9 box fits in its size, centred on
// black, and turns the slides by tap and key.
type slideView struct {
	widget.BaseWidget
	deck     board.Deck
	at       int
	onChange func()
	onBack   func()
}

func newSlideView(d board.Deck, at int) *slideView {
	v := &slideView{deck: d, at: at}
	v.ExtendBaseWidget(v)
	return v
}

// goTo shows slide i, if there is one.
func (v *slideView) goTo(i int) {
	if i < 0 || i >= len(v.deck.Slides) {
		if v.onChange != nil {
			v.onChange() // still a touch, and the focus back on the slide
		}
		return
	}
	v.at = i
	v.Refresh()
	if v.onChange != nil {
		v.onChange()
	}
}

// Tapped implements fyne.Tappable: the left third goes back a slide, the rest on.
func (v *slideView) Tapped(e *fyne.PointEvent) {
	if e.Position.X < v.Size().Width/3 {
		v.goTo(v.at - 1)
		return
	}
	v.goTo(v.at + 1)
}

// FocusGained implements fyne.Focusable.
func (v *slideView) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (v *slideView) FocusLost() {}

// TypedRune implements fyne.Focusable: Space comes as a key.
func (v *slideView) TypedRune(rune) {}

// TypedKey implements fyne.Focusable: a keyboard's arrows and Space, a presenter remote's page
// keys.
func (v *slideView) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyRight, fyne.KeyDown, fyne.KeySpace, fyne.KeyPageDown, fyne.KeyReturn, fyne.KeyEnter:
		v.goTo(v.at + 1)
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp, fyne.KeyBackspace:
		v.goTo(v.at - 1)
	case fyne.KeyHome:
		v.goTo(0)
	case fyne.KeyEnd:
		v.goTo(len(v.deck.Slides) - 1)
	case fyne.KeyEscape:
		if v.onBack != nil {
			v.onBack()
		}
	default:
		v.goTo(v.at) // any other key still counts as someone there
	}
}

// CreateRenderer implements fyne.Widget.
func (v *slideView) CreateRenderer() fyne.WidgetRenderer {
	r := &slideRenderer{v: v, paper: canvas.NewRectangle(rgb(board.SlidePalette[board.SlidePaper]))}
	r.build()
	return r
}

func rgb(c report.RGB) color.Color { return color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0xff} }

type slideRenderer struct {
	v     *slideView
	paper *canvas.Rectangle
	shown int // the slide the objects are for
	runs  []board.SlideRun
	bars  []board.SlideBar
	texts []*canvas.Text
	rects []*canvas.Rectangle
	objs  []fyne.CanvasObject
}

func (r *slideRenderer) build() {
	r.shown = r.v.at
	r.runs, r.bars = r.v.deck.Runs(r.v.at)
	r.texts, r.rects = nil, nil
	r.objs = []fyne.CanvasObject{r.paper}
	for _, b := range r.bars {
		rc := canvas.NewRectangle(rgb(board.SlidePalette[b.Colour]))
		r.rects = append(r.rects, rc)
		r.objs = append(r.objs, rc)
	}
	for _, run := range r.runs {
		t := canvas.NewText(run.Text, rgb(board.SlidePalette[run.Colour]))
		t.TextStyle.Bold = run.Bold
		r.texts = append(r.texts, t)
		r.objs = append(r.objs, t)
	}
}

// slideBox is the largest 16:9 box in size, centred: where the slide is drawn.
func slideBox(size fyne.Size) (fyne.Position, float32) {
	h := min(size.Height, size.Width/float32(board.SlideAspect))
	w := h * float32(board.SlideAspect)
	return fyne.NewPos((size.Width-w)/2, (size.Height-h)/2), h
}

func (r *slideRenderer) Layout(size fyne.Size) {
	at, h := slideBox(size)
	r.paper.Move(at)
	r.paper.Resize(fyne.NewSize(h*float32(board.SlideAspect), h))
	for i, b := range r.bars {
		r.rects[i].Move(at.Add(fyne.NewPos(float32(b.X)*h, float32(b.Y)*h)))
		r.rects[i].Resize(fyne.NewSize(float32(b.W)*h, float32(b.H)*h))
	}
	for i, run := range r.runs {
		t := r.texts[i]
		t.TextSize = slideTextSize(run, h)
		wide := float32(run.Wide) * h
		tw := fyne.MeasureText(run.Text, t.TextSize, t.TextStyle).Width
		x := float32(run.X) * h
		if run.Right {
			x += wide - tw
		}
		t.Move(at.Add(fyne.NewPos(x, float32(run.Y)*h)))
		t.Resize(fyne.NewSize(tw, t.MinSize().Height))
		t.Refresh()
	}
}

// slideTextSize is a run's text size on a slide h high: its own, or smaller where the line
// would be wider than its box (as the PDF sets it), never cut.
func slideTextSize(run board.SlideRun, h float32) float32 {
	size := float32(run.Size) * h
	style := fyne.TextStyle{Bold: run.Bold}
	if w := fyne.MeasureText(run.Text, size, style).Width; w > float32(run.Wide)*h && w > 0 {
		size *= float32(run.Wide) * h / w * 0.999
	}
	return size
}

func (r *slideRenderer) MinSize() fyne.Size { return fyne.NewSize(160, 90) }

func (r *slideRenderer) Refresh() {
	if r.shown != r.v.at {
		r.build()
	}
	r.Layout(r.v.Size())
	canvas.Refresh(r.v)
}

func (r *slideRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *slideRenderer) Destroy() {}
