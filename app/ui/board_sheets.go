package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/board"
)

// showSheets is the three sheets: roses, thorns and buds as columns with their counts, each
// post-it whole; tapping one reads it out.
func (bs *boardScreens) showSheets() {
	msg := newErrorLabel()
	items, _, err := bs.boardData()
	msg.set(err)
	sheets := board.Sheets(items)
	cols := container.NewGridWithColumns(3)
	for _, tag := range board.Tags() {
		var rows []fyne.CanvasObject
		for i, it := range sheets[tag] {
			rows = append(rows, newPostIt(it.Text, func() { bs.u.touch(); bs.showReadOut(tag, i) }))
		}
		head := subheading(lang.L("{{.Sheet}} ({{.N}})", map[string]any{"Sheet": tagTitle(tag), "N": len(sheets[tag])}))
		cols.Add(container.NewBorder(head, nil, nil, nil, bs.fitPaged(rows, true)))
	}
	bs.boardScreen("board-sheets", container.NewBorder(msg.Label, nil, nil, nil, cols))
}

// showReadOut shows one item large for the person reading the sheets out, with previous and
// next across the three sheets in order.
func (bs *boardScreens) showReadOut(tag board.Tag, at int) {
	msg := newErrorLabel()
	items, _, err := bs.boardData()
	msg.set(err)
	var order []board.Item
	sheets := board.Sheets(items)
	start := 0
	for _, t := range board.Tags() {
		if t == tag {
			start = len(order) + at
		}
		order = append(order, sheets[t]...)
	}
	body := container.NewVBox()
	where := widget.NewLabel("")
	var show func(i int)
	prev := bs.u.button(lang.L("Previous"), nil)
	next := bs.u.button(lang.L("Next"), nil)
	pos := start
	show = func(i int) {
		body.RemoveAll()
		if len(order) == 0 {
			body.Add(para(lang.L("The board has no items yet.")))
			prev.Disable()
			next.Disable()
			return
		}
		pos = min(max(i, 0), len(order)-1)
		it := order[pos]
		n, of := 0, 0
		for _, x := range sheets[it.Tag] {
			of++
			if x.ID == it.ID {
				n = of
			}
		}
		where.SetText(lang.L("{{.Tag}} {{.N}} of {{.Of}}", map[string]any{"Tag": tagOne(it.Tag), "N": n, "Of": of}))
		size := max(28, bs.u.win.Canvas().Size().Height/13)
		for _, line := range wrapLines(it.Text, bs.u.win.Canvas().Size().Width-16*theme.Padding(), size) {
			t := canvas.NewText(line, theme.Color(theme.ColorNameForeground))
			t.TextSize = size
			body.Add(t)
		}
		body.Refresh()
		prev.Enable()
		next.Enable()
		if pos == 0 {
			prev.Disable()
		}
		if pos == len(order)-1 {
			next.Disable()
		}
	}
	prev.OnTapped = func() { bs.u.touch(); show(pos - 1) }
	next.OnTapped = func() { bs.u.touch(); show(pos + 1) }
	show(start)
	bs.boardScreen("board-read", container.NewBorder(container.NewVBox(msg.Label, where), nil, nil, nil, container.NewCenter(body)), prev, next)
}

// showAllItems is the list of every item, the record of the three sheets, each whole; an item
// can be corrected (Edit) or taken off the board (Remove) here.
func (bs *boardScreens) showAllItems() {
	ob := bs.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	items, _, err := bs.boardData()
	msg.set(err)
	var rows []fyne.CanvasObject
	sheets := board.Sheets(items)
	for _, tag := range board.Tags() {
		for _, it := range sheets[tag] {
			rows = append(rows, container.NewBorder(nil, nil, nil,
				container.NewHBox(
					bs.u.button(lang.L("Edit"), func() { bs.showEditItem(it) }),
					bs.u.button(lang.L("Remove"), func() {
						if err := ob.b.Remove(bs.u.ctx, it.ID); err != nil {
							msg.set(err)
							return
						}
						bs.showAllItems()
					})),
				newPostIt(tagOne(it.Tag)+" · "+it.Text, nil)))
		}
	}
	counts := lang.L("{{.All}}: {{.Roses}}, {{.Thorns}}, {{.Buds}}.", map[string]any{
		"All": countItems(len(items)), "Roses": countTag(board.Rose, len(sheets[board.Rose])),
		"Thorns": countTag(board.Thorn, len(sheets[board.Thorn])), "Buds": countTag(board.Bud, len(sheets[board.Bud]))})
	bs.boardScreen("board-items", container.NewBorder(container.NewVBox(msg.Label, widget.NewLabel(counts)),
		nil, nil, nil, bs.fitPaged(rows, false)))
}

// showEditItem corrects a post-it on the board, its words and its tag, with the name check; it
// keeps its place in its theme.
func (bs *boardScreens) showEditItem(it board.Item) {
	ob := bs.boardOpen()
	if ob == nil {
		return
	}
	check, err := ob.b.NameCheck(bs.u.ctx)
	if err != nil {
		check = board.NewNameCheck(nil)
	}
	bs.itemEditor("board-item-edit", lang.L("Correct the post-it"), it.Text, it.Tag, check, lang.L("Save the post-it"),
		func(tag board.Tag, text string) error { return ob.b.EditItem(bs.u.ctx, it.ID, tag, text) }, bs.showAllItems)
	bs.u.onIdle = func() error { bs.closeBoard(); return nil }
}
