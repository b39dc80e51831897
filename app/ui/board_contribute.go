package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/board"
	"quietroom/app/kiosk"
)

// ---- Contributing (day 1 evening) ----

// contribution is a member's contribution being put together: items confirmed so far (in
// memory only) and the sessions read.
type contribution struct {
	c     *kiosk.Contributor
	title string
	items []board.Item
	read  map[string]bool
}

func (u *UI) endContribution() {
	if u.contributing != nil {
		u.contributing.c.Close()
		u.contributing = nil
	}
}

// showContribute lists the member's sessions to pick from, and what is ready to send.
func (u *UI) showContribute() {
	cn := u.contributing
	if cn == nil {
		u.showHome()
		return
	}
	msg := newErrorLabel()
	list, err := cn.c.Sessions(u.ctx)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, ss := range list {
		label := lang.L("Your session of {{.Date}}", map[string]any{"Date": ss.CreatedAt.Local().Format("Mon 2 Jan 15:04")})
		b := u.button(label, func() { u.showContributeSession(ss.ID) })
		if cn.read[ss.ID] { // ticked with an icon: the kiosk's fonts have no tick
			b.Icon, b.IconPlacement = theme.ConfirmIcon(), widget.ButtonIconTrailingText
		}
		rows = append(rows, b)
	}
	if len(rows) == 0 && err == nil {
		rows = append(rows, para(lang.L("You have no sealed sessions in this engagement.")))
	}
	send := u.primary(lang.L("Send {{.N}} to the board", map[string]any{"N": len(cn.items)}), func() {
		var ids []string
		for id := range cn.read {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		n, err := cn.c.Add(u.ctx, cn.items, ids)
		if err != nil {
			msg.set(err)
			return
		}
		u.endContribution()
		u.showBoardDone(lang.L("Sealed to the board: {{.N}} new records (post-its and interviews counted). Only a team member's PIN opens them, on the board's kiosk.", map[string]any{"N": n}))
	})
	if len(cn.items) == 0 && len(cn.read) == 0 {
		send.Disable()
	}
	u.show("contribute", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Contribute: {{.Title}}", map[string]any{"Title": cn.title})),
			para(lang.L("Pick key quotes and notes from your sessions, or write post-its of your own. Ready to send: {{.N}}.", map[string]any{"N": len(cn.items)})), msg.Label),
		container.NewHBox(u.button(lang.L("Cancel"), func() { u.endContribution(); u.showHome() }), layout.NewSpacer(),
			u.button(lang.L("Write a new post-it"), func() { u.showItemEditor("", board.Rose, u.showContribute) }), send),
		nil, nil, newPager(u.rowsPerPage(3), rows).view))
	u.onIdle = func() error { u.endContribution(); return nil }
}

// showContributeSession lists one session's key quotes and notes, each with its tag buttons.
func (u *UI) showContributeSession(sessionID string) {
	cn := u.contributing
	msg := newErrorLabel()
	r, err := cn.c.Read(u.ctx, sessionID)
	msg.set(err)
	if err == nil {
		cn.read[sessionID] = true
	}
	var texts []string
	for _, t := range r.Topics {
		for _, q := range t.Quotes {
			texts = append(texts, q.Text)
		}
		if strings.TrimSpace(t.Note) != "" {
			texts = append(texts, t.Note)
		}
	}
	for _, q := range r.Quotes {
		texts = append(texts, q.Text)
	}
	var rows []fyne.CanvasObject
	width := u.win.Canvas().Size().Width
	for _, text := range texts {
		tags := container.NewHBox()
		for _, tag := range board.Tags() {
			tags.Add(u.button(tagOne(tag), func() { u.showItemEditor(text, tag, func() { u.showContributeSession(sessionID) }) }))
		}
		rows = append(rows, container.NewBorder(nil, nil, nil, tags, widget.NewLabel(cutToWidth(text, width-420))))
	}
	if len(rows) == 0 && err == nil {
		rows = append(rows, para(lang.L("No key quotes or notes in this session.")))
	}
	u.show("contribute-session", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Pick from this session")), para(lang.L("Tap rose, thorn or bud to put it on the board's list; you can shorten or correct it next.")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), u.showContribute)), nil, nil, newPager(u.rowsPerPage(4), rows).view))
	u.onIdle = func() error { u.endContribution(); return nil }
}

// showItemEditor lets the member correct an item, choose its tag and deal with every word that
// looks like a name, then confirm it.
func (u *UI) showItemEditor(text string, tag board.Tag, back func()) {
	cn := u.contributing
	msg := newErrorLabel()
	entry := newKBEntry(u.kb, true)
	entry.SetText(text)
	entry.SetMinRowsVisible(2)
	check := cn.c.NameCheck()
	names := container.NewVBox()
	var tagButtons []*Button
	setTag := func(t board.Tag) {
		tag = t
		for i, b := range tagButtons {
			if board.Tags()[i] == t {
				b.Importance = widget.HighImportance
			} else {
				b.Importance = widget.MediumImportance
			}
			b.Refresh()
		}
	}
	for _, t := range board.Tags() {
		tagButtons = append(tagButtons, u.button(tagOne(t), func() { setTag(t) }))
	}
	var refresh func()
	refresh = func() {
		names.RemoveAll()
		sus := check.Check(entry.Text)
		if len(sus) == 0 {
			names.Add(widget.NewLabel(lang.L("No word looks like a name.")))
		}
		for i, s := range sus {
			if i == 2 {
				names.Add(u.button(lang.L("Replace all {{.N}} with [name]", map[string]any{"N": len(sus)}), func() {
					entry.SetText(board.Replace(entry.Text, sus))
					refresh()
				}))
				break
			}
			names.Add(container.NewBorder(nil, nil, nil,
				u.button(lang.L("Replace with [name]"), func() { entry.SetText(board.Replace(entry.Text, []board.Suspect{s})); refresh() }),
				widget.NewLabel(lang.L("“{{.Word}}” may be a name", map[string]any{"Word": s.Word}))))
		}
		names.Refresh()
	}
	entry.OnChanged = func(string) { refresh() }
	refresh()
	setTag(tag)
	confirm := u.primary(lang.L("Confirm: add to the list"), func() {
		it, err := board.NewItem(tag, entry.Text)
		if err != nil {
			msg.set(err)
			return
		}
		cn.items = append(cn.items, it)
		back()
	})
	tagRow := container.NewHBox(tagButtons[0], tagButtons[1], tagButtons[2])
	kb := u.newKeyboardPanel(entry, names, tagRow)
	u.show("contribute-item", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Check the wording")), msg.Label),
		container.NewVBox(container.NewHBox(u.button(lang.L("Back"), back), layout.NewSpacer(), kb.toggle, confirm), kb.box),
		nil, nil,
		container.NewVBox(entry, tagRow, names)))
	kb.arm()
	u.onIdle = func() error { u.endContribution(); return nil }
}

func (u *UI) showBoardDone(text string) {
	u.show("board-done", screenIdle, container.NewBorder(heading(lang.L("Done")),
		container.NewHBox(layout.NewSpacer(), u.primary(lang.L("Finish"), u.showHome)), nil, nil, para(text)))
}
