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
	"quietroom/app/kiosk/boards"
	"quietroom/app/session"
)

// ---- Contributing (day 1 evening) ----

// contribution is a member's contribution being put together: the list to send is the
// Contributor's (Keep), in memory only; here, the sessions read.
type contribution struct {
	c     *boards.Contributor
	title string
	read  map[string]bool
}

func (bs *boardScreens) endContribution() {
	if bs.contributing != nil {
		bs.contributing.c.Close()
		bs.contributing = nil
	}
}

// showContribute lists the member's sessions to pick from, and what is ready to send, each
// whole, with Remove.
func (bs *boardScreens) showContribute() {
	cn := bs.contributing
	if cn == nil {
		bs.u.showHome()
		return
	}
	msg := newErrorLabel()
	list, err := cn.c.Sessions(bs.u.ctx)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, ss := range list {
		label := lang.L("Your session of {{.Date}}", map[string]any{"Date": ss.CreatedAt.Local().Format("Mon 2 Jan 15:04")})
		b := bs.u.button(label, func() { bs.showContributeSession(ss.ID) })
		if cn.read[ss.ID] { // ticked with an icon: the kiosk's fonts have no tick
			b.Icon, b.IconPlacement = theme.ConfirmIcon(), widget.ButtonIconTrailingText
		}
		rows = append(rows, b)
	}
	if len(rows) == 0 && err == nil {
		rows = append(rows, para(lang.L("You have no sealed sessions in this engagement.")))
	}
	ready := cn.c.Ready()
	var readyRows []fyne.CanvasObject
	for _, p := range ready {
		readyRows = append(readyRows, container.NewBorder(nil, nil, nil,
			bs.u.button(lang.L("Remove"), func() { cn.c.Drop(p.Item.ID); bs.showContribute() }),
			newPostIt(tagOne(p.Item.Tag)+" · "+p.Item.Text, nil)))
	}
	if len(readyRows) == 0 {
		readyRows = append(readyRows, para(lang.L("Nothing yet: pick from a session, or write a post-it.")))
	}
	send := bs.u.primary(lang.L("Send {{.N}} to the board", map[string]any{"N": len(ready)}), func() {
		var ids []string
		for id := range cn.read {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		n, err := cn.c.Send(bs.u.ctx, ids)
		if err != nil {
			msg.set(err)
			return
		}
		bs.endContribution()
		bs.showBoardDone(lang.L("Sealed to the board: {{.N}} new records (post-its and interviews counted). Only a team member's PIN opens them, on the board's kiosk.", map[string]any{"N": n}))
	})
	if len(ready) == 0 && len(cn.read) == 0 {
		send.Disable()
	}
	cols := container.NewGridWithColumns(2,
		container.NewBorder(subheading(lang.L("Your sessions")), nil, nil, nil, bs.fitPaged(rows, false)),
		container.NewBorder(subheading(lang.L("Ready to send: {{.N}}", map[string]any{"N": len(ready)})), nil, nil, nil, bs.fitPaged(readyRows, false)))
	bs.u.show("contribute", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Contribute: {{.Title}}", map[string]any{"Title": cn.title})), msg.Label),
		container.NewHBox(bs.u.button(lang.L("Cancel"), func() { bs.endContribution(); bs.u.showHome() }), layout.NewSpacer(),
			bs.u.button(lang.L("Write a new post-it"), func() { bs.showItemEditor(nil, board.Rose, bs.showContribute) }), send),
		nil, nil, cols))
	bs.u.onIdle = func() error { bs.endContribution(); return nil }
}

// pick is a quote or note of a session, as the member picks from it.
type pick struct {
	from  string
	text  string
	tag   board.Tag // the tag it was given in the interview; "" for none
	quote bool      // a key quote (someone's words), else a note
}

// newItem is the item the member confirms from a pick (or their own post-it: nil).
func (p *pick) newItem(tag board.Tag, text string) (board.Item, error) {
	switch {
	case p == nil:
		return board.NewItem(tag, text)
	case p.quote:
		return board.NewQuote(tag, text)
	}
	return board.NewNote(tag, text)
}

// sessionPicks are a session's key quotes and notes in the order of the interview.
func sessionPicks(sessionID string, r session.Review) []pick {
	var out []pick
	quote := func(q session.Item) {
		p := pick{from: boards.PickFrom(sessionID, q.ID), text: q.Text, quote: true}
		if t := board.Tag(q.Tag); t.Valid() {
			p.tag = t
		}
		out = append(out, p)
	}
	for _, t := range r.Topics {
		for _, q := range t.Quotes {
			quote(q)
		}
		if strings.TrimSpace(t.Note) != "" {
			out = append(out, pick{from: boards.PickFrom(sessionID, "note:"+t.Topic.ID), text: t.Note})
		}
	}
	for _, q := range r.Quotes {
		quote(q)
	}
	return out
}

// showContributeSession lists one session's key quotes and notes, each whole with its tag
// buttons (the tag it was given in the interview chosen already); one on the list to send says
// so instead.
func (bs *boardScreens) showContributeSession(sessionID string) {
	cn := bs.contributing
	if cn == nil {
		bs.u.showHome()
		return
	}
	msg := newErrorLabel()
	r, err := cn.c.Read(bs.u.ctx, sessionID)
	msg.set(err)
	if err == nil {
		cn.read[sessionID] = true
	}
	var rows []fyne.CanvasObject
	for _, p := range sessionPicks(sessionID, r) {
		text := para(p.text)
		if cn.c.Picked(p.from) {
			on := widget.NewLabel(lang.L("On your list"))
			on.Importance = widget.SuccessImportance
			rows = append(rows, container.NewBorder(nil, nil, nil, on, text))
			continue
		}
		tags := container.NewHBox()
		for _, tag := range board.Tags() {
			b := bs.u.button(tagOne(tag), func() { bs.showItemEditor(&p, tag, func() { bs.showContributeSession(sessionID) }) })
			if tag == p.tag {
				b.Importance = widget.HighImportance
			}
			tags.Add(b)
		}
		rows = append(rows, container.NewBorder(nil, nil, nil, tags, text))
	}
	if len(rows) == 0 && err == nil {
		rows = append(rows, para(lang.L("No key quotes or notes in this session.")))
	}
	bs.u.show("contribute-session", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Pick from this session")), para(lang.L("Tap rose, thorn or bud (the one given in the interview is marked) to put it on your list; you can shorten or correct it next.")), msg.Label),
		container.NewHBox(bs.u.button(lang.L("Back"), bs.showContribute)), nil, nil, bs.fitPaged(rows, false)))
	bs.u.onIdle = func() error { bs.endContribution(); return nil }
}

// showItemEditor lets the member correct a quote or note picked from a session (p) or their
// own post-it (p nil), choose its tag and deal with every word that looks like a name or a
// place, then put it on their list.
func (bs *boardScreens) showItemEditor(p *pick, tag board.Tag, back func()) {
	cn := bs.contributing
	if cn == nil {
		bs.u.showHome()
		return
	}
	text, from := "", ""
	if p != nil {
		text, from = p.text, p.from
	}
	bs.itemEditor("contribute-item", lang.L("Check the wording"), text, tag, cn.c.NameCheck(), lang.L("Confirm: add to the list"),
		func(tag board.Tag, text string) error {
			it, err := p.newItem(tag, text)
			if err != nil {
				return err
			}
			return cn.c.Keep(it, from)
		}, back)
	bs.u.onIdle = func() error { bs.endContribution(); return nil }
}

// itemEditor is the screen that corrects a post-it's words and tag with the name check:
// every word that may name someone or somewhere is listed, each offered as [name] or [place]
// (the likelier one first), and all can be replaced at once. With the on-screen keyboard open,
// the tags stay beside the text and the words found stay listed above the keyboard.
func (bs *boardScreens) itemEditor(name, title, text string, tag board.Tag, check board.NameCheck, confirmText string, confirm func(board.Tag, string) error, back func()) {
	msg := newErrorLabel()
	entry := newKBEntry(bs.u.kb, true)
	entry.Wrapping = fyne.TextWrapWord
	entry.SetText(text)
	entry.SetMinRowsVisible(2)
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
		tagButtons = append(tagButtons, bs.u.button(tagOne(t), func() { setTag(t) }))
	}
	found := widget.NewLabel("")
	found.Wrapping = fyne.TextWrapWord
	words := container.NewStack()
	replaceAll := bs.u.button("", nil)
	var refresh func()
	replace := func(s board.Suspect, placeholder string) {
		s.Placeholder = placeholder
		entry.SetText(board.Replace(entry.Text, []board.Suspect{s}))
		refresh()
	}
	refresh = func() {
		sus := check.Check(entry.Text)
		var rows []fyne.CanvasObject
		var listed []string
		for _, s := range sus {
			what := lang.L("“{{.Word}}” may be a name", map[string]any{"Word": s.Word})
			if s.Place() {
				what = lang.L("“{{.Word}}” may be a place", map[string]any{"Word": s.Word})
			}
			listed = append(listed, "“"+s.Word+"”")
			asName := bs.u.button(board.NamePlaceholder, func() { bs.u.touch(); replace(s, board.NamePlaceholder) })
			asPlace := bs.u.button(board.PlacePlaceholder, func() { bs.u.touch(); replace(s, board.PlacePlaceholder) })
			if s.Place() {
				asPlace.Importance = widget.HighImportance
			} else {
				asName.Importance = widget.HighImportance
			}
			l := widget.NewLabel(what)
			l.Wrapping = fyne.TextWrapWord
			rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(asName, asPlace), l))
		}
		switch len(sus) {
		case 0:
			found.SetText(lang.L("No word looks like a name or a place."))
			replaceAll.Hide()
		case 1:
			found.SetText(lang.L("May name someone or somewhere: {{.Words}}.", map[string]any{"Words": strings.Join(listed, ", ")}))
			replaceAll.SetText(lang.L("Replace it"))
			replaceAll.Show()
		default:
			found.SetText(lang.L("May name someone or somewhere: {{.Words}}.", map[string]any{"Words": strings.Join(listed, ", ")}))
			replaceAll.SetText(lang.L("Replace all {{.N}}", map[string]any{"N": len(sus)}))
			replaceAll.Show()
		}
		replaceAll.OnTapped = func() {
			bs.u.touch()
			entry.SetText(board.Replace(entry.Text, sus))
			refresh()
		}
		words.Objects = []fyne.CanvasObject{bs.fitPaged(rows, false)}
		words.Refresh()
	}
	entry.OnChanged = func(string) { refresh() }
	refresh()
	setTag(tag)
	ok := bs.u.primary(confirmText, func() {
		if err := confirm(tag, entry.Text); err != nil {
			msg.set(err)
			return
		}
		back()
	})
	tagRow := container.NewHBox(tagButtons[0], tagButtons[1], tagButtons[2])
	head := heading(title)
	kb := bs.u.newKeyboardPanel(entry, head, words)
	bs.u.show(name, screenIdle, container.NewBorder(
		container.NewVBox(head, msg.Label),
		container.NewVBox(container.NewHBox(bs.u.button(lang.L("Back"), back), layout.NewSpacer(), replaceAll, kb.toggle, ok), kb.box),
		nil, nil,
		container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, container.NewVBox(tagRow), entry), found), nil, nil, nil, words)))
	kb.arm()
}

func (bs *boardScreens) showBoardDone(text string) {
	bs.u.show("board-done", screenIdle, container.NewBorder(heading(lang.L("Done")),
		container.NewHBox(layout.NewSpacer(), bs.u.primary(lang.L("Finish"), bs.u.showHome)), nil, nil, para(text)))
}
