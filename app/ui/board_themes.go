package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/board"
	"quietroom/app/kiosk/boards"
)

// aimText says how the insights stand against the handbook's 4-6.
func aimText(w board.Work) (string, widget.Importance) {
	d := map[string]any{"Count": countInsights(len(w.Insights()))}
	switch w.InsightAim() {
	case board.AimFewer:
		return lang.L("{{.Count}}: aim for 4 to 6 (fewer so far).", d), widget.WarningImportance
	case board.AimMore:
		return lang.L("{{.Count}}: aim for 4 to 6 (more than that: can some be merged?).", d), widget.WarningImportance
	}
	return lang.L("{{.Count}}: within the aim of 4 to 6.", d), widget.SuccessImportance
}

// showThemes is the sorting table: the post-its in no theme on the left, each whole, and the
// themes on the right. Drag a post-it onto a theme (mouse or finger), or tap it and then the
// theme, to move it in.
func (bs *boardScreens) showThemes() {
	ob := bs.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	items, w, err := bs.boardData()
	msg.set(err)
	move := func(itemID, themeID string) {
		if err := ob.b.MoveItem(bs.u.ctx, itemID, themeID); err != nil {
			msg.set(err)
			return
		}
		ob.selected = ""
		bs.showThemes()
	}
	var themes []fyne.CanvasObject // the drop targets, in the order of w.Themes
	mark := func(target int) {
		for i, t := range themes {
			t.(*postIt).setSelected(i == target)
		}
	}
	var left []fyne.CanvasObject
	for _, it := range w.Unsorted(items) {
		p := newPostIt(tagOne(it.Tag)+" · "+it.Text, nil)
		p.OnTapped = func() {
			bs.u.touch()
			if ob.selected == it.ID {
				ob.selected = ""
			} else {
				ob.selected = it.ID
			}
			bs.showThemes()
		}
		p.OnDragged = func(at fyne.Position) {
			bs.u.touch()
			mark(under(themes, at))
		}
		p.OnDropped = func(at fyne.Position) {
			bs.u.touch()
			if i := under(themes, at); i >= 0 {
				move(it.ID, w.Themes[i].ID)
				return
			}
			mark(-1)
			p.setSelected(ob.selected == it.ID)
		}
		p.setSelected(ob.selected == it.ID)
		left = append(left, p)
	}
	if len(left) == 0 {
		left = append(left, para(lang.L("Every item is in a theme.")))
	}
	for _, t := range w.Themes {
		label := t.Name + " · " + countItems(len(t.Items)) + " · " + countInsights(len(t.Insights))
		themes = append(themes, newPostIt(label, func() {
			bs.u.touch()
			if ob.selected != "" {
				move(ob.selected, t.ID)
				return
			}
			bs.showTheme(t.ID)
		}))
	}
	aim, imp := aimText(w)
	aimLabel := widget.NewLabel(aim)
	aimLabel.Importance = imp
	hint := lang.L("Drag a post-it onto a theme, or tap it, then the theme.")
	if ob.selected != "" {
		hint = lang.L("Now tap the theme to move the chosen item into.")
	}
	name := newKBEntry(bs.u.kb, false)
	name.SetPlaceHolder(lang.L("New theme's name"))
	add := bs.u.button(lang.L("New theme"), func() {
		if _, err := ob.b.AddTheme(bs.u.ctx, name.Text); err != nil {
			msg.set(err)
			return
		}
		bs.showThemes()
	})
	kb := bs.u.newKeyboardPanel(name)
	leftCol := container.NewBorder(subheading(lang.L("Not in a theme")), nil, nil, nil, bs.fitPaged(left, true))
	nameRow := container.NewBorder(nil, nil, nil, add, name)
	rightCol := container.NewBorder(nil, nameRow, nil, nil, bs.fitPaged(themes, true))
	cols := container.New(&ratioLayout{left: 1.0 / 2}, leftCol, rightCol)
	// While the keyboard is open only the new theme's name stays, above it.
	typing := container.NewBorder(nil, nil, nil, nil)
	hintLabel := widget.NewLabel(hint)
	hintLabel.TextStyle.Italic = true
	hintLabel.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(container.NewVBox(msg.Label, hintLabel, typing), kb.box, nil, nil, cols)
	kb.onSet = func(open bool) {
		if open {
			rightCol.Remove(nameRow)
			typing.Objects = []fyne.CanvasObject{nameRow}
		} else {
			typing.Objects = nil
			rightCol.Add(nameRow)
		}
		typing.Refresh()
		rightCol.Refresh()
	}
	tabs := bs.boardScreen("board-themes", body, aimLabel, kb.toggle)
	kb.aside = []fyne.CanvasObject{cols, hintLabel, aimLabel, tabs}
	kb.arm()
}

// showTheme is one theme: its post-its, each whole (Take out puts one back among those in no
// theme), its insights, and adding one.
func (bs *boardScreens) showTheme(themeID string) {
	ob := bs.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	items, w, err := bs.boardData()
	msg.set(err)
	var th *board.Theme
	for i := range w.Themes {
		if w.Themes[i].ID == themeID {
			th = &w.Themes[i]
		}
	}
	if th == nil {
		bs.showThemes()
		return
	}
	byID := map[string]board.Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	var itemRows []fyne.CanvasObject
	for _, id := range th.Items {
		it := byID[id]
		itemRows = append(itemRows, container.NewBorder(nil, nil, nil,
			bs.u.button(lang.L("Take out"), func() {
				if err := ob.b.MoveItem(bs.u.ctx, id, ""); err != nil {
					msg.set(err)
					return
				}
				bs.showTheme(themeID)
			}),
			newPostIt(tagOne(it.Tag)+" · "+it.Text, nil)))
	}
	var insightRows []fyne.CanvasObject
	for _, in := range th.Insights {
		insightRows = append(insightRows, newPostIt(in.Statement, func() { bs.u.touch(); bs.showInsight(themeID, in.ID) }))
	}
	name := newKBEntry(bs.u.kb, false)
	name.SetText(th.Name)
	rename := bs.u.button(lang.L("Rename"), func() {
		if err := ob.b.RenameTheme(bs.u.ctx, themeID, name.Text); err != nil {
			msg.set(err)
			return
		}
		bs.showTheme(themeID)
	})
	remove := bs.u.button(lang.L("Remove the theme"), func() {
		if err := ob.b.RemoveTheme(bs.u.ctx, themeID); err != nil {
			msg.set(err)
			return
		}
		bs.showThemes()
	})
	kb := bs.u.newKeyboardPanel(name)
	cols := container.NewGridWithColumns(2,
		container.NewBorder(subheading(lang.L("Items ({{.N}})", map[string]any{"N": len(th.Items)})), nil, nil, nil, bs.fitPaged(itemRows, true)),
		container.NewBorder(subheading(lang.L("Insights")), nil, nil, nil, bs.fitPaged(insightRows, true)))
	kb.aside = []fyne.CanvasObject{cols}
	kb.aside = append(kb.aside, bs.boardScreen("board-theme", container.NewBorder(
		container.NewVBox(msg.Label, container.NewBorder(nil, nil, nil, container.NewHBox(rename, remove), name)), kb.box, nil, nil, cols),
		bs.u.button(lang.L("Back to the themes"), bs.showThemes), kb.toggle, bs.u.primary(lang.L("Add an insight"), func() { bs.showInsight(themeID, "") })))
	kb.arm()
}

// showInsight writes or edits an insight statement above a theme, with the five "So what?"
// questions as prompts, a short description and one or two quotes pinned from the theme.
func (bs *boardScreens) showInsight(themeID, insightID string) {
	ob := bs.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	items, w, err := bs.boardData()
	msg.set(err)
	var (
		th *board.Theme
		in board.Insight
	)
	for i := range w.Themes {
		if w.Themes[i].ID == themeID {
			th = &w.Themes[i]
			for _, x := range th.Insights {
				if x.ID == insightID {
					in = x
				}
			}
		}
	}
	if th == nil {
		bs.showThemes()
		return
	}
	statement := newKBEntry(bs.u.kb, true)
	statement.Wrapping = fyne.TextWrapWord
	statement.SetMinRowsVisible(2)
	statement.SetPlaceHolder(lang.L("The insight, in one sentence"))
	statement.SetText(in.Statement)
	desc := newKBEntry(bs.u.kb, true)
	desc.SetPlaceHolder(lang.L("A short description"))
	desc.SetMinRowsVisible(2)
	desc.SetText(in.Description)
	byID := map[string]board.Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	// Only key quotes are offered and kept: a note or a post-it is never someone's words.
	pinned := slices.DeleteFunc(slices.Clone(in.Quotes), func(id string) bool { return !byID[id].IsQuote() })
	pinLabel := widget.NewLabel("")
	quotePager := newCompactPager(bs.boardRows(4)-2, nil)
	var drawQuotes func()
	drawQuotes = func() {
		pinLabel.SetText(lang.L("Pin one or two quotes ({{.N}} pinned):", map[string]any{"N": len(pinned)}))
		var rows []fyne.CanvasObject
		for _, id := range th.Items {
			it := byID[id]
			if !it.IsQuote() {
				continue
			}
			b := bs.itemButton(bs.cutB(it.Text, bs.columnWidth(2)-60), func() {
				if j := slices.Index(pinned, id); j >= 0 {
					pinned = slices.Delete(pinned, j, j+1)
				} else if len(pinned) < board.MaxQuotes {
					pinned = append(pinned, id)
				}
				drawQuotes()
			})
			if slices.Contains(pinned, id) {
				b.Importance = widget.HighImportance
			}
			rows = append(rows, b)
		}
		if len(rows) == 0 {
			rows = append(rows, para(lang.L("No key quotes in this theme: notes and post-its inform a theme but are never shown as someone's words.")))
		}
		quotePager.set(rows)
	}
	quotes := container.NewBorder(pinLabel, nil, nil, nil, quotePager.view)
	drawQuotes()
	// The five "So what?" questions, one at a time: all five at once leave no room to write.
	var questions []fyne.CanvasObject
	for _, q := range board.SoWhat {
		l := widget.NewLabel(lang.L("So what?") + " " + q)
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle.Italic = true
		questions = append(questions, l)
	}
	// In a scroll of their own: the statement and description keep the room they need.
	prompts := newTouchScroll(container.NewVBox(questions...))
	saveIt := bs.u.primary(lang.L("Save"), func() {
		// The quotes chosen here are pinned, and those the insight had that are not chosen any
		// more (a note pinned before items had a kind among them) taken off; a quote another
		// member pinned meanwhile stays.
		e := boards.InsightEdit{Statement: statement.Text, Description: desc.Text}
		for _, q := range pinned {
			if !slices.Contains(in.Quotes, q) {
				e.Pin = append(e.Pin, q)
			}
		}
		for _, q := range in.Quotes {
			if !slices.Contains(pinned, q) {
				e.Unpin = append(e.Unpin, q)
			}
		}
		var err error
		if insightID == "" {
			_, err = ob.b.AddInsight(bs.u.ctx, themeID, e)
		} else {
			err = ob.b.EditInsight(bs.u.ctx, insightID, e)
		}
		if err != nil {
			msg.set(err)
			return
		}
		bs.showTheme(themeID)
	})
	extra := []fyne.CanvasObject{bs.u.button(lang.L("Back"), func() { bs.showTheme(themeID) })}
	if insightID != "" {
		extra = append(extra, bs.u.button(lang.L("Remove"), func() {
			if err := ob.b.RemoveInsight(bs.u.ctx, insightID); err != nil {
				msg.set(err)
				return
			}
			bs.showTheme(themeID)
		}))
	}
	title := widget.NewLabelWithStyle(lang.L("Insight above “{{.Theme}}”", map[string]any{"Theme": th.Name}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	kb := bs.u.newKeyboardPanel(statement, prompts, quotes, title)
	desc.OnFocus = func() {
		if !bs.u.kb.Physical() {
			kb.set(true)
			bs.u.kb.SetTarget(desc)
		}
	}
	extra = append(extra, kb.toggle, saveIt)
	kb.aside = append(kb.aside, bs.boardScreen("board-insight", container.NewBorder(
		container.NewVBox(title, msg.Label),
		kb.box, nil, nil, container.NewGridWithColumns(2, container.NewBorder(nil, container.NewVBox(statement, desc), nil, nil, prompts), quotes)), extra...))
	kb.arm()
}

// ratioLayout gives its first object a share of the width and the second the rest.
type ratioLayout struct{ left float32 }

func (l *ratioLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objects {
		s := o.MinSize()
		w += s.Width
		h = max(h, s.Height)
	}
	return fyne.NewSize(w+theme.Padding(), h)
}

func (l *ratioLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) < 2 {
		return
	}
	lw := (size.Width - theme.Padding()) * l.left
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(lw, size.Height))
	objects[1].Move(fyne.NewPos(lw+theme.Padding(), 0))
	objects[1].Resize(fyne.NewSize(size.Width-lw-theme.Padding(), size.Height))
}
