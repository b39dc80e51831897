package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/board"
)

// aimText says how the insights stand against the handbook's 4-6.
func aimText(w board.Work) (string, widget.Importance) {
	n := len(w.Insights())
	switch w.InsightAim() {
	case board.AimFewer:
		return lang.L("{{.N}} insights: aim for 4 to 6 (fewer so far).", map[string]any{"N": n}), widget.WarningImportance
	case board.AimMore:
		return lang.L("{{.N}} insights: aim for 4 to 6 (more than that: can some be merged?).", map[string]any{"N": n}), widget.WarningImportance
	}
	return lang.L("{{.N}} insights: within the aim of 4 to 6.", map[string]any{"N": n}), widget.SuccessImportance
}

// showThemes is the sorting table: items in no theme on the left, the themes on the right.
// Tap an item, then a theme, to move it in (by touch or with the mouse).
func (u *UI) showThemes() {
	ob := u.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	items, w, err := u.boardData()
	msg.set(err)
	save := func() {
		if err := ob.b.SaveWork(u.ctx, w); err != nil {
			msg.set(err)
			return
		}
		u.showThemes()
	}
	colW := u.columnWidth(3)
	var left []fyne.CanvasObject
	for _, it := range w.Unsorted(items) {
		b := u.itemButton(u.cutB(tagOne(it.Tag)+" · "+it.Text, colW-40), func() {
			if ob.selected == it.ID {
				ob.selected = ""
			} else {
				ob.selected = it.ID
			}
			u.showThemes()
		})
		if ob.selected == it.ID {
			b.Importance = widget.HighImportance
		}
		left = append(left, b)
	}
	if len(left) == 0 {
		left = append(left, para(lang.L("Every item is in a theme.")))
	}
	var right []fyne.CanvasObject
	for _, t := range w.Themes {
		label := lang.L("{{.Name}} · {{.Items}} items · {{.Insights}} insights", map[string]any{"Name": t.Name, "Items": len(t.Items), "Insights": len(t.Insights)})
		right = append(right, u.itemButton(u.cutB(label, 2*colW-40), func() {
			if ob.selected != "" {
				if err := w.Move(ob.selected, t.ID); err != nil {
					msg.set(err)
					return
				}
				ob.selected = ""
				save()
				return
			}
			u.showTheme(t.ID)
		}))
	}
	aim, imp := aimText(w)
	aimLabel := widget.NewLabel(aim)
	aimLabel.Importance = imp
	hint := lang.L("Tap a theme to open it.")
	if ob.selected != "" {
		hint = lang.L("Now tap the theme to move the chosen item into.")
	}
	name := newKBEntry(u.kb, false)
	name.SetPlaceHolder(lang.L("New theme's name"))
	add := u.button(lang.L("New theme"), func() {
		if _, err := w.AddTheme(name.Text); err != nil {
			msg.set(err)
			return
		}
		save()
	})
	kb := u.newKeyboardPanel(name)
	leftCol := container.NewBorder(subheading(lang.L("Not in a theme")), nil, nil, nil, newCompactPager(u.boardRows(4)-1, left).view)
	nameRow := container.NewBorder(nil, nil, nil, add, name)
	rightCol := container.NewBorder(nil, nameRow, nil, nil, newCompactPager(u.boardRows(4)-1, right).view)
	cols := container.New(&ratioLayout{left: 1.0 / 3}, leftCol, rightCol)
	// While the keyboard is open only the new theme's name stays, above it.
	typing := container.NewBorder(nil, nil, nil, nil)
	hintLabel := widget.NewLabel(hint)
	hintLabel.TextStyle.Italic = true
	aimRow := container.NewHBox(aimLabel, layout.NewSpacer(), hintLabel)
	body := container.NewBorder(container.NewVBox(msg.Label, aimRow, typing), kb.box, nil, nil, cols)
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
	tabs := u.boardScreen("board-themes", body, kb.toggle)
	kb.aside = []fyne.CanvasObject{cols, aimRow, tabs}
	kb.arm()
}

// showTheme is one theme: its items (tap one to take it out), its insights, and adding one.
func (u *UI) showTheme(themeID string) {
	ob := u.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	items, w, err := u.boardData()
	msg.set(err)
	var th *board.Theme
	for i := range w.Themes {
		if w.Themes[i].ID == themeID {
			th = &w.Themes[i]
		}
	}
	if th == nil {
		u.showThemes()
		return
	}
	byID := map[string]board.Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	save := func(then func()) {
		if err := ob.b.SaveWork(u.ctx, w); err != nil {
			msg.set(err)
			return
		}
		then()
	}
	colW := u.columnWidth(2)
	var itemRows []fyne.CanvasObject
	for _, id := range th.Items {
		it := byID[id]
		itemRows = append(itemRows, container.NewBorder(nil, nil, nil,
			u.button(lang.L("Take out"), func() {
				w.Move(id, "")
				save(func() { u.showTheme(themeID) })
			}),
			widget.NewLabel(u.cutB(tagOne(it.Tag)+" · "+it.Text, colW-140))))
	}
	var insightRows []fyne.CanvasObject
	for _, in := range th.Insights {
		insightRows = append(insightRows, u.itemButton(u.cutB(in.Statement, colW-60), func() { u.showInsight(themeID, in.ID) }))
	}
	insightRows = append(insightRows, u.primary(lang.L("Add an insight"), func() { u.showInsight(themeID, "") }))
	name := newKBEntry(u.kb, false)
	name.SetText(th.Name)
	rename := u.button(lang.L("Rename"), func() {
		if err := w.RenameTheme(themeID, name.Text); err != nil {
			msg.set(err)
			return
		}
		save(func() { u.showTheme(themeID) })
	})
	remove := u.button(lang.L("Remove the theme"), func() {
		w.RemoveTheme(themeID)
		save(u.showThemes)
	})
	kb := u.newKeyboardPanel(name)
	cols := container.NewGridWithColumns(2,
		container.NewBorder(subheading(lang.L("Items ({{.N}})", map[string]any{"N": len(th.Items)})), nil, nil, nil, newCompactPager(u.boardRows(4)-2, itemRows).view),
		container.NewBorder(subheading(lang.L("Insights")), nil, nil, nil, newCompactPager(u.boardRows(4)-2, insightRows).view))
	kb.aside = []fyne.CanvasObject{cols}
	kb.aside = append(kb.aside, u.boardScreen("board-theme", container.NewBorder(
		container.NewVBox(msg.Label, container.NewBorder(nil, nil, nil, container.NewHBox(rename, remove), name)), kb.box, nil, nil, cols),
		u.button(lang.L("Back to the themes"), u.showThemes), kb.toggle))
	kb.arm()
}

// showInsight writes or edits an insight statement above a theme, with the five "So what?"
// questions as prompts, a short description and one or two quotes pinned from the theme.
func (u *UI) showInsight(themeID, insightID string) {
	ob := u.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	items, w, err := u.boardData()
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
		u.showThemes()
		return
	}
	statement := newKBEntry(u.kb, false)
	statement.SetPlaceHolder(lang.L("The insight, in one sentence"))
	statement.SetText(in.Statement)
	desc := newKBEntry(u.kb, true)
	desc.SetPlaceHolder(lang.L("A short description"))
	desc.SetMinRowsVisible(2)
	desc.SetText(in.Description)
	pinned := slices.Clone(in.Quotes)
	byID := map[string]board.Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	pinLabel := widget.NewLabel("")
	quotePager := newCompactPager(u.boardRows(4)-2, nil)
	var drawQuotes func()
	drawQuotes = func() {
		pinLabel.SetText(lang.L("Pin one or two quotes ({{.N}} pinned):", map[string]any{"N": len(pinned)}))
		var rows []fyne.CanvasObject
		for _, id := range th.Items {
			it := byID[id]
			b := u.itemButton(u.cutB(it.Text, u.columnWidth(2)-60), func() {
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
	prompts := newCompactPager(1, questions).view
	saveIt := u.primary(lang.L("Save"), func() {
		id := insightID
		if id == "" {
			var err error
			if id, err = w.AddInsight(themeID, statement.Text); err != nil {
				msg.set(err)
				return
			}
		}
		if err := w.EditInsight(id, statement.Text, desc.Text); err != nil {
			msg.set(err)
			return
		}
		for _, q := range slices.Clone(w.Insights()[slices.IndexFunc(w.Insights(), func(x board.Insight) bool { return x.ID == id })].Quotes) {
			w.UnpinQuote(id, q)
		}
		for _, q := range pinned {
			if err := w.PinQuote(id, q); err != nil {
				msg.set(err)
				return
			}
		}
		if err := ob.b.SaveWork(u.ctx, w); err != nil {
			msg.set(err)
			return
		}
		u.showTheme(themeID)
	})
	extra := []fyne.CanvasObject{u.button(lang.L("Back"), func() { u.showTheme(themeID) })}
	if insightID != "" {
		extra = append(extra, u.button(lang.L("Remove"), func() {
			w.RemoveInsight(insightID)
			if err := ob.b.SaveWork(u.ctx, w); err != nil {
				msg.set(err)
				return
			}
			u.showTheme(themeID)
		}))
	}
	title := widget.NewLabelWithStyle(lang.L("Insight above “{{.Theme}}”", map[string]any{"Theme": th.Name}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	kb := u.newKeyboardPanel(statement, prompts, quotes, title)
	desc.OnFocus = func() {
		if !u.kb.Physical() {
			kb.set(true)
			u.kb.SetTarget(desc)
		}
	}
	extra = append(extra, kb.toggle, saveIt)
	kb.aside = append(kb.aside, u.boardScreen("board-insight", container.NewBorder(
		container.NewVBox(title, msg.Label),
		kb.box, nil, nil, container.NewGridWithColumns(2, container.NewVBox(prompts, statement, desc), quotes)), extra...))
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
