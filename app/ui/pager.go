package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

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
