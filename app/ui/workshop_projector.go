package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// The projector's views: the central list of goals as it builds up, and each table's three
// best ideas in turn. White on black in large type, sized by the window's height: at 1080 px the
// title is 56 px and the body 36 px (the back of a room reads a slide's 40 and 28 px at least);
// on the 7" screen they are as large as its 480 px allow, and never smaller than its own text.

// Sizes at a window 1080 px high.
const (
	projectorTitle = 56
	projectorBody  = 36
)

var (
	projectorInk    = color.White
	projectorAccent = color.NRGBA{R: 0xff, G: 0xd8, B: 0x60, A: 0xff}
)

// projectorSizes are the title's and the body's text sizes for the window.
func (s *workshopScreens) projectorSizes() (title, body float32) {
	h := s.u.win.Canvas().Size().Height
	return max(projectorTitle*h/1080, 22), max(projectorBody*h/1080, theme.TextSize())
}

// projectorMargin is the space left and right of a projector view's text.
func (s *workshopScreens) projectorMargin() float32 {
	return s.u.win.Canvas().Size().Width * 0.03
}

// projectorBlock is one entry of a projector view: its lines, drawn at a size in a colour.
type projectorBlock struct {
	text string
	bold bool
	ink  color.Color
}

// projectorPages breaks blocks into the pages the window holds below a title, each block whole
// on one page unless it alone is longer than a page.
func (s *workshopScreens) projectorPages(blocks []projectorBlock) [][]fyne.CanvasObject {
	title, body := s.projectorSizes()
	size := s.u.win.Canvas().Size()
	width := size.Width - 2*s.projectorMargin() - 4*theme.Padding()
	lineH := fyne.MeasureText("Mg", body, fyne.TextStyle{}).Height + theme.Padding()
	avail := size.Height - fyne.MeasureText("Mg", title, fyne.TextStyle{Bold: true}).Height - 2*MinTarget*s.u.boards.boardScale() - 8*theme.Padding()
	perPage := max(int(avail/(lineH*1.15)), 3)
	var pages [][]fyne.CanvasObject
	var page []fyne.CanvasObject
	for _, b := range blocks {
		var lines []fyne.CanvasObject
		for _, l := range wrapStyled(b.text, width, body, fyne.TextStyle{Bold: b.bold}) {
			t := canvas.NewText(l, b.ink)
			t.TextSize, t.TextStyle.Bold = body, b.bold
			lines = append(lines, t)
		}
		if len(page)+len(lines) > perPage && len(page) > 0 {
			pages = append(pages, page)
			page = nil
		}
		if len(page) > 0 {
			// A gap between entries: each goal or idea reads as one.
			gap := canvas.NewRectangle(color.Transparent)
			gap.SetMinSize(fyne.NewSize(1, body/3))
			page = append(page, gap)
		}
		page = append(page, lines...)
	}
	if len(page) > 0 || len(pages) == 0 {
		pages = append(pages, page)
	}
	return pages
}

// showProjector shows a projector view: its title and one page of its body, with Back,
// Previous and Next (which turn pages, or what prev and next say).
func (s *workshopScreens) showProjector(name, heading string, body []fyne.CanvasObject, counter string, prev, next func()) {
	u := s.u
	title, _ := s.projectorSizes()
	h := canvas.NewText(heading, projectorInk)
	h.TextSize, h.TextStyle.Bold = title, true
	prevB := u.button(lang.L("Previous"), prev)
	nextB := u.button(lang.L("Next"), next)
	if prev == nil {
		prevB.Disable()
	}
	if next == nil {
		nextB.Disable()
	}
	_, bodySize := s.projectorSizes()
	count := canvas.NewText(counter, projectorInk)
	count.TextSize, count.TextStyle.Bold = max(bodySize*0.8, theme.TextSize()), true
	bar := container.NewHBox(u.button(lang.L("Back"), func() { s.showHome("") }), layout.NewSpacer(), prevB, count, nextB)
	var barBox fyne.CanvasObject = bar
	if sc := u.boards.boardScale(); sc > 1 {
		barBox = container.NewThemeOverride(bar, &kioskTheme{large: u.theme.large, contrast: u.theme.contrast, scale: sc})
	}
	black := canvas.NewRectangle(color.Black)
	m := s.projectorMargin()
	inset := func(o fyne.CanvasObject) fyne.CanvasObject {
		l, r := canvas.NewRectangle(color.Transparent), canvas.NewRectangle(color.Transparent)
		l.SetMinSize(fyne.NewSize(m, 1))
		r.SetMinSize(fyne.NewSize(m, 1))
		return container.NewBorder(nil, nil, l, r, o)
	}
	content := container.NewStack(black, container.NewBorder(inset(container.NewPadded(h)), barBox, nil, nil,
		inset(container.NewVBox(body...))))
	s.show(name, content)
	u.body.Objects = []fyne.CanvasObject{content} // the whole window, as the slides
	u.body.Refresh()
}

// showGoalsProjector is the central list of goals, table by table as they were added, each
// with its table and, once ticked, the table that chose it.
func (s *workshopScreens) showGoalsProjector(page int) {
	msg := newWSLabel()
	ws, _, ok := s.view(msg)
	if !ok {
		return
	}
	var blocks []projectorBlock
	for i, g := range ws.Goals() {
		who := lang.L("table {{.N}}", map[string]any{"N": g.Table})
		if g.ChosenBy != 0 {
			who = lang.L("table {{.N}}; chosen by table {{.C}}", map[string]any{"N": g.Table, "C": g.ChosenBy})
		}
		ink := color.Color(projectorInk)
		if g.ChosenBy != 0 {
			ink = projectorAccent
		}
		blocks = append(blocks, projectorBlock{text: lang.L("{{.I}}. {{.Goal}} ({{.Who}})", map[string]any{"I": i + 1, "Goal": g.Text, "Who": who}), ink: ink})
	}
	if len(blocks) == 0 {
		blocks = append(blocks, projectorBlock{text: lang.L("The tables' goals appear here as they are entered."), ink: projectorInk})
	}
	if msg.Visible() {
		blocks = append(blocks, projectorBlock{text: msg.Text, ink: projectorAccent})
	}
	pages := s.projectorPages(blocks)
	page = min(max(page, 0), len(pages)-1)
	var prev, next func()
	if page > 0 {
		prev = func() { s.showGoalsProjector(page - 1) }
	}
	if page < len(pages)-1 {
		next = func() { s.showGoalsProjector(page + 1) }
	}
	counter := ""
	if len(pages) > 1 {
		counter = lang.L("{{.Page}} / {{.Pages}}", map[string]any{"Page": page + 1, "Pages": len(pages)})
	}
	s.showProjector("workshop-goals-projector", lang.L("Our goals"), pages[page], counter, prev, next)
}

// showBestProjector shows one table's three best ideas for change, with the goal it chose;
// Next goes on to the next table.
func (s *workshopScreens) showBestProjector(at int) {
	msg := newWSLabel()
	ws, _, ok := s.view(msg)
	if !ok {
		return
	}
	best := ws.BestIdeas()
	if len(best) == 0 {
		blocks := []projectorBlock{{text: lang.L("Each table's three best ideas appear here once it has chosen them."), ink: projectorInk}}
		s.showProjector("workshop-best-projector", lang.L("Three best ideas for change"), s.projectorPages(blocks)[0], "", nil, nil)
		return
	}
	// One view a page of a table's ideas: a table whose ideas are long runs on to another.
	type view struct {
		table, page, pages int
		body               []fyne.CanvasObject
	}
	var views []view
	for ti, b := range best {
		blocks := []projectorBlock{{text: lang.L("Goal: {{.Goal}}", map[string]any{"Goal": b.Goal}), ink: projectorAccent}}
		for i, idea := range b.Ideas {
			blocks = append(blocks, projectorBlock{text: lang.L("{{.I}}. {{.Idea}}", map[string]any{"I": i + 1, "Idea": idea}), bold: true, ink: projectorInk})
		}
		pages := s.projectorPages(blocks)
		for pi, p := range pages {
			views = append(views, view{table: ti, page: pi, pages: len(pages), body: p})
		}
	}
	at = min(max(at, 0), len(views)-1)
	v := views[at]
	var prev, next func()
	if at > 0 {
		prev = func() { s.showBestProjector(at - 1) }
	}
	if at < len(views)-1 {
		next = func() { s.showBestProjector(at + 1) }
	}
	heading := lang.L("Table {{.N}}: three best ideas for change", map[string]any{"N": best[v.table].Table})
	if v.page > 0 {
		heading += " " + lang.L("(continued)")
	}
	s.showProjector("workshop-best-projector", heading, v.body,
		lang.L("{{.I}} of {{.N}} tables", map[string]any{"I": v.table + 1, "N": len(best)}), prev, next)
}

// wrapStyled breaks text into lines no wider than width at size in style; a word wider than
// the line is broken by characters.
func wrapStyled(text string, width, size float32, style fyne.TextStyle) []string {
	fits := func(s string) bool { return fyne.MeasureText(s, size, style).Width <= width }
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			for !fits(w) && len([]rune(w)) > 1 {
				r := []rune(w)
				n := len(r) - 1
				for n > 1 && !fits(string(r[:n])) {
					n--
				}
				if line != "" {
					lines = append(lines, line)
					line = ""
				}
				lines = append(lines, string(r[:n]))
				w = string(r[n:])
			}
			try := strings.TrimSpace(line + " " + w)
			if line != "" && !fits(try) {
				lines = append(lines, line)
				line = w
				continue
			}
			line = try
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}
