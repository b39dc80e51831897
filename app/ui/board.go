package ui

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/board"
	"quietroom/app/kiosk"
	"quietroom/app/report/fynefont"
	"quietroom/app/session"
)

// The peer challenge team's board (app/board): contributing from one's own sessions on the
// evening of day 1 (with the name check), the three sheets and the read-out mode, the themes and
// insights of day 2, the presentation, and the exchange with the other rooms over the USB stick.
// The screens hold plaintext only in memory while the board is open; an idle time-out closes
// it. Nothing here shows who contributed an item, from which session or when: the board does
// not know.

// boardMessage words the errors of a board file brought on a stick; "" for others.
func boardMessage(err error) string {
	switch {
	case errors.Is(err, board.ErrOldFormat):
		return lang.L("This file was made by an older Quiet Room, before board files were signed: nothing of it was used. On the board's kiosk, save the board's file again; in each room, link it again (comparing the code) and export the contributions again.")
	case errors.Is(err, board.ErrContent):
		var ce *board.ContentError
		errors.As(err, &ce)
		return lang.L("This bundle holds something Quiet Room refuses ({{.Where}}: {{.Problem}}): nothing of it was imported. Ask the room that made it.", map[string]any{"Where": ce.Where, "Problem": ce.Problem})
	case errors.Is(err, board.ErrRoomKeyChanged):
		return lang.L("This bundle names a room whose bundles came from another kiosk before: it was not made by that room's kiosk, and nothing of it was imported. Ask that room's team.")
	case errors.Is(err, board.ErrRefusedBundle):
		return lang.L("A team member refused this bundle before: nothing of it was imported.")
	case errors.Is(err, board.ErrTampered):
		return lang.L("This file was changed on the way, or was not made with this board's file: nothing of it was imported.")
	case errors.Is(err, board.ErrOtherBoard):
		return lang.L("This file is for another engagement's board: nothing of it was imported.")
	case errors.Is(err, board.ErrDuplicateBundle):
		return lang.L("Already imported: nothing new in it.")
	case errors.Is(err, board.ErrMalformed), errors.Is(err, board.ErrCannotOpen):
		return lang.L("This is not a board file Quiet Room can read: nothing of it was imported.")
	}
	return ""
}

func tagTitle(t board.Tag) string {
	switch t {
	case board.Rose:
		return lang.L("Roses")
	case board.Thorn:
		return lang.L("Thorns")
	}
	return lang.L("Buds")
}

func tagOne(t board.Tag) string {
	switch t {
	case board.Rose:
		return lang.L("Rose")
	case board.Thorn:
		return lang.L("Thorn")
	}
	return lang.L("Bud")
}

// ---- Finding a board ----

// showBoards lists the team boards the signed-in interviewer can work on.
func (u *UI) showBoards() {
	s := u.signedIn
	if s == nil {
		u.showHome()
		return
	}
	msg := newErrorLabel()
	list, err := s.Boards(u.ctx)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, b := range list {
		var where string
		switch {
		case b.Waiting:
			where = lang.L("waiting to be let in")
		case b.Here:
			where = lang.L("board kept here")
		default:
			where = lang.L("board kept in another room")
		}
		rows = append(rows, u.button(b.Title+" · "+where, func() { u.showBoardMenu(b) }))
	}
	if len(rows) == 0 && err == nil {
		rows = append(rows, para(lang.L("You are on no team board here. The admin sets a peer challenge's team; in another room, link the board from the USB stick.")))
	}
	bottom := container.NewHBox(u.button(lang.L("Back"), u.showInterviewerMenu), layout.NewSpacer())
	if len(u.kiosk.BoardFiles()) > 0 {
		bottom.Add(u.button(lang.L("Link a board from the USB stick"), u.showLinkBoard))
	}
	u.show("boards", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Team boards")), msg.Label), bottom, nil, nil, newPager(u.rowsPerPage(4), rows).view))
}

// showBoardMenu is what the interviewer can do with one board.
func (u *UI) showBoardMenu(b kiosk.BoardSummary) {
	s := u.signedIn
	if s == nil {
		u.showHome()
		return
	}
	msg := newErrorLabel()
	var actions []fyne.CanvasObject
	info := para(lang.L("Board {{.ID}}. Everything on it is deleted on {{.Date}}.", map[string]any{"ID": b.BoardID, "Date": b.DeletionDate.Local().Format(dayLayout)}))
	if b.Linked && !b.Relink {
		code := lang.L("Board's code {{.Code}}.", map[string]any{"Code": b.Code})
		if rc, err := u.kiosk.RoomCode(); err == nil {
			code += " " + lang.L("This room's code {{.Code}}: the board's kiosk shows it when it imports this room's first bundle.", map[string]any{"Code": rc})
		}
		info = para(info.Text + " " + code)
	}
	contribute := u.primary(lang.L("Contribute from your sessions"), func() {
		c, err := s.Contribute(u.ctx, b.EngagementID)
		if err != nil {
			msg.set(err)
			return
		}
		u.signedIn = nil
		u.contributing = &contribution{c: c, title: b.Title, read: map[string]bool{}}
		u.showContribute()
	})
	switch {
	case b.Waiting:
		actions = append(actions, para(lang.L("A team member lets you in to read the board (on its kiosk: USB stick and team). You can contribute meanwhile.")), contribute)
	case b.Relink:
		actions = append(actions, para(lang.L("This link was made before board files were signed. On the board's kiosk, save the board's file again, then link it here again, comparing the code.")))
	case b.Here:
		actions = append(actions, contribute, u.button(lang.L("Open the board"), func() {
			bd, err := s.OpenBoard(u.ctx, b.EngagementID)
			if err != nil {
				msg.set(err)
				return
			}
			u.signedIn = nil
			u.openBoard = &openBoard{b: bd, title: b.Title}
			u.showSheets()
		}))
	default:
		actions = append(actions, contribute, u.button(lang.L("Export this room's contributions to the USB stick"), func() {
			dirs := u.kiosk.Sticks()
			if len(dirs) == 0 {
				msg.set(kiosk.ErrNoStick)
				return
			}
			_, n, err := s.ExportBundle(u.ctx, b.EngagementID, dirs[0])
			if err != nil {
				msg.set(err)
				return
			}
			msg.Importance = widget.SuccessImportance
			msg.SetText(lang.L("{{.N}} contributions are on the USB stick, readable only by the board's kiosk.", map[string]any{"N": n}))
		}))
	}
	u.show("board-menu", screenIdle, container.NewBorder(
		container.NewVBox(heading(b.Title), info, msg.Label),
		container.NewHBox(u.button(lang.L("Back"), u.showBoards)), nil, nil, container.NewVBox(actions...)))
}

// showLinkBoard links a board file from the stick to one of this kiosk's peer challenges. What
// each file shows comes from inside it (checked and signed), never from its name.
func (u *UI) showLinkBoard() {
	s := u.signedIn
	if s == nil {
		u.showHome()
		return
	}
	msg := newErrorLabel()
	files := u.kiosk.BoardFiles()
	engs, err := u.kiosk.Engagements(u.ctx)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, f := range files {
		for _, e := range engs {
			if e.Kind != session.KindPeerChallenge {
				continue
			}
			pv, err := s.PreviewLink(u.ctx, e.ID, f)
			if err != nil {
				l := para(lang.L("{{.File}}: {{.Problem}}", map[string]any{"File": fileName(f), "Problem": message(err)}))
				l.Importance = widget.WarningImportance
				rows = append(rows, l)
				break
			}
			label := lang.L("Board {{.ID}}: link to {{.Title}}", map[string]any{"ID": pv.BoardID, "Title": e.Title})
			rows = append(rows, u.button(label, func() { u.showLinkCompare(e, pv) }))
		}
	}
	u.show("board-link", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Link a board from the USB stick")),
			para(lang.L("The board's kiosk saved its file on the stick. Choose this room's engagement for it: what you contribute here is sealed so that only the board can read it.")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), u.showBoards)), nil, nil, newPager(u.rowsPerPage(3), rows).view))
}

// codeLabel shows a short code large and bold, for comparing with another kiosk's.
func codeLabel(code string) *widget.Label {
	l := widget.NewLabel(code)
	l.TextStyle = fyne.TextStyle{Bold: true, Monospace: true}
	l.SizeName = theme.SizeNameHeadingText
	l.Alignment = fyne.TextAlignCenter
	return l
}

// showLinkCompare asks the member to compare the board's code with the one its kiosk shows,
// and says what the link replaces, before linking.
func (u *UI) showLinkCompare(e session.Engagement, pv kiosk.LinkPreview) {
	s := u.signedIn
	if s == nil {
		u.showHome()
		return
	}
	msg := newErrorLabel()
	body := container.NewVBox(codeLabel(pv.Code),
		para(lang.L("Does the board's kiosk show the same code? On the board's kiosk a team member opens the board, then Stick and team.")))
	confirm := kiosk.LinkConfirm{Code: pv.Code}
	if r := pv.Replaces; r != nil {
		confirm.Replaces = r.BoardID
		var text string
		switch {
		case r.Same:
			text = lang.L("This links board {{.ID}} again, in place of its earlier link; the {{.N}} contributions waiting for it stay.", map[string]any{"ID": r.BoardID, "N": r.Waiting})
		case r.Waiting > 0:
			text = lang.L("This replaces the link to board {{.Old}}: the {{.N}} contributions waiting for it are deleted (they are sealed to that board).", map[string]any{"Old": r.BoardID, "N": r.Waiting})
		default:
			text = lang.L("This replaces the link to board {{.Old}}.", map[string]any{"Old": r.BoardID})
		}
		l := para(text)
		l.Importance = widget.WarningImportance
		body.Add(l)
	}
	body.Add(msg.Label)
	no := u.button(lang.L("No, not the same: don't link"), u.showLinkBoard)
	yes := u.primary(lang.L("Yes, the same: link"), func() {
		if _, err := s.LinkBoard(u.ctx, e.ID, pv.File, confirm); err != nil {
			msg.set(err)
			return
		}
		u.showBoards()
	})
	u.show("board-link-code", screenIdle, container.NewBorder(
		heading(lang.L("Board {{.ID}} for {{.Title}}: compare the code", map[string]any{"ID": pv.BoardID, "Title": e.Title})),
		container.NewHBox(no, layout.NewSpacer(), yes), nil, nil, body))
}

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

// ---- The open board ----

// openBoard is a board opened by a member, with what the screens are doing with it.
type openBoard struct {
	b        *kiosk.Board
	title    string
	selected string // the item chosen to move into a theme
}

// boardOpen is the open board, for a board screen about to be built; when the board has been
// closed since the button that asks for the screen was shown, it shows Home and returns nil.
func (u *UI) boardOpen() *openBoard {
	if u.openBoard == nil {
		u.showHome()
	}
	return u.openBoard
}

func (u *UI) closeBoard() {
	if u.openBoard != nil {
		u.openBoard.b.Close()
		u.openBoard = nil
	}
}

// boardScreen shows a screen of the open board with its tabs along the top.
// It returns the tabs, for a keyboard panel to put aside while it is open.
func (u *UI) boardScreen(name string, body fyne.CanvasObject, bottom ...fyne.CanvasObject) fyne.CanvasObject {
	ob := u.openBoard
	if ob == nil {
		u.showHome()
		return nil
	}
	tab := func(label, screen string, show func()) fyne.CanvasObject {
		b := u.button(label, show)
		if screen == name {
			b.Importance = widget.HighImportance
		}
		return b
	}
	tabs := container.NewHBox(
		tab(lang.L("Sheets"), "board-sheets", u.showSheets),
		tab(lang.L("Read out"), "board-read", func() { u.showReadOut(board.Rose, 0) }),
		tab(lang.L("Themes"), "board-themes", u.showThemes),
		tab(lang.L("Presentation"), "board-presentation", u.showPresentation),
		tab(lang.L("All items"), "board-items", u.showAllItems),
		tab(lang.L("Stick and team"), "board-stick", u.showBoardStick),
	)
	bar := container.NewHBox(u.button(lang.L("Close the board"), func() { u.closeBoard(); u.showHome() }), layout.NewSpacer())
	for _, b := range bottom {
		bar.Add(b)
	}
	top := container.NewHScroll(tabs)
	var content fyne.CanvasObject = container.NewBorder(top, bar, nil, nil, body)
	if sc := u.boardScale(); sc > 1 {
		content = container.NewThemeOverride(content, &kioskTheme{large: u.theme.large, contrast: u.theme.contrast, scale: sc})
	}
	u.show(name, screenIdle, content)
	u.onIdle = func() error { u.closeBoard(); return nil }
	return top
}

// errBoardClosed is what a board screen's action finds when the board it was built for has
// been closed (signed out, timed out): the screen it would show goes Home instead.
var errBoardClosed = errors.New("the board is closed")

func (u *UI) boardData() ([]board.Item, board.Work, error) {
	ob := u.openBoard
	if ob == nil {
		return nil, board.Work{}, errBoardClosed
	}
	items, err := ob.b.Items(u.ctx)
	if err != nil {
		return nil, board.Work{}, err
	}
	w, err := ob.b.Work(u.ctx)
	return items, w, err
}

// columnWidth is the width of one of n columns of the window's content.
func (u *UI) columnWidth(n int) float32 {
	return (u.win.Canvas().Size().Width-2*theme.Padding())/float32(n) - 2*theme.Padding()
}

// showSheets is the three sheets: roses, thorns and buds as columns with their counts; tapping
// an item reads it out.
func (u *UI) showSheets() {
	msg := newErrorLabel()
	items, _, err := u.boardData()
	msg.set(err)
	sheets := board.Sheets(items)
	cols := container.NewGridWithColumns(3)
	w := u.columnWidth(3)
	for _, tag := range board.Tags() {
		var rows []fyne.CanvasObject
		for i, it := range sheets[tag] {
			rows = append(rows, u.itemButton(u.cutB(it.Text, w-40), func() { u.showReadOut(tag, i) }))
		}
		head := subheading(lang.L("{{.Sheet}} ({{.N}})", map[string]any{"Sheet": tagTitle(tag), "N": len(sheets[tag])}))
		cols.Add(container.NewBorder(head, nil, nil, nil, newCompactPager(u.boardRows(4), rows).view))
	}
	u.boardScreen("board-sheets", container.NewBorder(msg.Label, nil, nil, nil, cols))
}

// showReadOut shows one item large for the person reading the sheets out, with previous and
// next across the three sheets in order.
func (u *UI) showReadOut(tag board.Tag, at int) {
	msg := newErrorLabel()
	items, _, err := u.boardData()
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
	prev := u.button(lang.L("Previous"), nil)
	next := u.button(lang.L("Next"), nil)
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
		size := max(28, u.win.Canvas().Size().Height/13)
		for _, line := range wrapLines(it.Text, u.win.Canvas().Size().Width-16*theme.Padding(), size) {
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
	prev.OnTapped = func() { u.touch(); show(pos - 1) }
	next.OnTapped = func() { u.touch(); show(pos + 1) }
	show(start)
	u.boardScreen("board-read", container.NewBorder(container.NewVBox(msg.Label, where), nil, nil, nil, container.NewCenter(body)), prev, next)
}

// projectorScale is how much larger the board's text is on a projector (a window 900 px high
// or more), so that the team reads it across the room.
const projectorScale = 1.5

// boardScale is the open board's text scale for the window's size.
func (u *UI) boardScale() float32 {
	if u.win.Canvas().Size().Height >= 900 {
		return projectorScale
	}
	return 1
}

// cutB cuts s with an ellipsis to width as the open board's buttons draw it: bold, at the
// board's text scale.
func (u *UI) cutB(s string, width float32) string {
	size := theme.TextSize() * u.boardScale()
	if u.theme.large {
		size *= 1.25
	}
	style := fyne.TextStyle{Bold: true}
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

// boardRows is rowsPerPage for the open board's screens, whose rows are taller on a projector.
func (u *UI) boardRows(n int) int {
	if u.theme.large {
		n = max(n-1, 1)
	}
	extra := max(0, u.win.Canvas().Size().Height-480) / ((MinTarget + theme.Padding()) * u.boardScale() * 1.1)
	return n + int(extra)
}

// itemButton is a post-it on a sheet or a list: its text from the left, as it is read.
func (u *UI) itemButton(text string, tapped func()) *Button {
	b := u.button(text, tapped)
	b.Alignment = widget.ButtonAlignLeading
	return b
}

// wrapLines breaks text into lines no wider than width at size.
func wrapLines(text string, width, size float32) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			try := strings.TrimSpace(line + " " + w)
			if line != "" && fyne.MeasureText(try, size, fyne.TextStyle{}).Width > width {
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

// presentationBlocks is the presentation as the screen previews it, in the PDF's order.
func presentationBlocks(p board.Presentation) []string {
	var out []string
	out = append(out, lang.L("Key aim of the review: {{.Aim}}", map[string]any{"Aim": p.Aim}))
	var groups []string
	for _, g := range p.Interviewed.Groups {
		groups = append(groups, fmt.Sprintf("%s (%d)", g.Group, g.Count))
	}
	who := lang.L("Who was interviewed: {{.Groups}}; {{.Total}} people in all.", map[string]any{"Groups": strings.Join(groups, ", "), "Total": p.Interviewed.Total})
	if p.Interviewed.SmallPeople > 0 {
		who += " " + lang.L("{{.N}} more in groups of fewer than {{.T}}, not shown on their own.", map[string]any{"N": p.Interviewed.SmallPeople, "T": p.Interviewed.Threshold})
	}
	out = append(out, who)
	out = append(out, lang.L("Methodology: {{.N}} interviews; question sets: {{.Sets}}.", map[string]any{"N": p.Methodology.Interviews, "Sets": strings.Join(p.Methodology.QuestionSets, "; ")}))
	for _, t := range p.Themes {
		out = append(out, lang.L("Theme: {{.Name}}", map[string]any{"Name": t.Name})+quoted(t.Quotes))
	}
	for i, in := range p.Insights {
		out = append(out, fmt.Sprintf("%d. %s %s", i+1, in.Statement, in.Description)+quoted(in.Quotes))
	}
	if len(p.Ideas) > 0 {
		out = append(out, lang.L("Solution ideas for the workshop: {{.Ideas}}", map[string]any{"Ideas": strings.Join(p.Ideas, "; ")}))
	}
	return out
}

func quoted(qs []string) string {
	s := ""
	for _, q := range qs {
		s += " “" + q + "”"
	}
	return s
}

// showPresentation previews the presentation, edits the aim of the review and exports the PDF
// (with a team member's PIN).
func (u *UI) showPresentation() {
	ob := u.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	_, w, err := u.boardData()
	msg.set(err)
	p, perr := ob.b.Presentation(u.ctx)
	if perr != nil {
		msg.set(perr)
	}
	aim := newKBEntry(u.kb, false)
	aim.SetPlaceHolder(lang.L("The key aim of the review"))
	aim.SetText(w.Aim)
	saveAim := u.button(lang.L("Save the aim"), func() {
		if err := w.SetAim(aim.Text); err != nil {
			msg.set(err)
			return
		}
		if err := ob.b.SaveWork(u.ctx, w); err != nil {
			msg.set(err)
			return
		}
		u.showPresentation()
	})
	var rows []fyne.CanvasObject
	width := u.win.Canvas().Size().Width - 60
	for _, b := range presentationBlocks(p) {
		rows = append(rows, widget.NewLabel(u.cutB(b, width)))
	}
	aimText, imp := aimText(w)
	aimLabel := widget.NewLabel(aimText)
	aimLabel.Importance = imp
	kb := u.newKeyboardPanel(aim)
	list := newPager(u.boardRows(5)-2, rows).view
	kb.aside = []fyne.CanvasObject{list, aimLabel}
	kb.aside = append(kb.aside, u.boardScreen("board-presentation", container.NewBorder(
		container.NewVBox(msg.Label, container.NewBorder(nil, nil, nil, saveAim, aim), aimLabel), kb.box, nil, nil, list),
		kb.toggle, u.primary(lang.L("Export the PDF to the USB stick"), u.showExportWho)))
	kb.arm()
}

// showExportWho asks which team member exports the presentation: their PIN next.
func (u *UI) showExportWho() {
	ob := u.boardOpen()
	if ob == nil {
		return
	}
	team, err := u.kiosk.Team(u.ctx, ob.b.EngagementID())
	msg := newErrorLabel()
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, m := range team {
		if m.Waiting {
			continue
		}
		rows = append(rows, u.button(m.Name, func() { u.showExportPIN(m) }))
	}
	u.boardScreen("board-export-who", container.NewBorder(
		container.NewVBox(subheading(lang.L("Exporting needs a team member's PIN. Who is exporting?")), msg.Label), nil, nil, nil,
		newPager(u.boardRows(3), rows).view))
}

func (u *UI) showExportPIN(m kiosk.TeamMember) {
	ob := u.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	pad := u.pinPad(func(pin string) {
		dirs := u.kiosk.Sticks()
		if len(dirs) == 0 {
			msg.set(kiosk.ErrNoStick)
			return
		}
		s, err := u.kiosk.SignIn(u.ctx, m.ID, []byte(pin))
		if err != nil {
			msg.set(err)
			return
		}
		path, err := s.ExportPresentation(u.ctx, ob.b.EngagementID(), dirs[0], fynefont.Fonts())
		s.SignOut()
		if err != nil {
			msg.set(err)
			return
		}
		msg.Importance = widget.SuccessImportance
		msg.SetText(lang.L("The presentation is on the USB stick as {{.File}}.", map[string]any{"File": fileName(path)}))
	})
	pad.OnKey = u.touch
	u.show("board-export-pin", screenIdle, pinLayout(container.NewVBox(heading(m.Name), para(lang.L("Enter your PIN to export the presentation.")), msg.Label,
		layout.NewSpacer(), u.button(lang.L("Back"), u.showPresentation)), pad))
	u.onIdle = func() error { u.closeBoard(); return nil }
	u.win.Canvas().Focus(pad)
}

func fileName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

// showAllItems is the list of every item, the record of the three sheets; an item can be
// taken off the board here.
func (u *UI) showAllItems() {
	ob := u.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	items, _, err := u.boardData()
	msg.set(err)
	var rows []fyne.CanvasObject
	w := u.win.Canvas().Size().Width - 200
	for _, tag := range board.Tags() {
		for _, it := range board.Sheets(items)[tag] {
			rows = append(rows, container.NewBorder(nil, nil, nil,
				u.button(lang.L("Remove"), func() {
					if err := ob.b.Remove(u.ctx, it.ID); err != nil {
						msg.set(err)
						return
					}
					u.showAllItems()
				}),
				widget.NewLabel(u.cutB(tagOne(it.Tag)+" · "+it.Text, w))))
		}
	}
	counts := board.Sheets(items)
	u.boardScreen("board-items", container.NewBorder(container.NewVBox(msg.Label,
		widget.NewLabel(lang.L("{{.All}} items: {{.Roses}} roses, {{.Thorns}} thorns, {{.Buds}} buds.", map[string]any{
			"All": len(items), "Roses": len(counts[board.Rose]), "Thorns": len(counts[board.Thorn]), "Buds": len(counts[board.Bud])}))),
		nil, nil, nil, newPager(u.boardRows(4), rows).view))
}

// showBoardStick exchanges with the other rooms (the board's file out, their bundles in) and
// lets waiting team members in.
func (u *UI) showBoardStick() {
	ob := u.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	export := u.button(lang.L("Save the board's file for the other rooms"), func() {
		dirs := u.kiosk.Sticks()
		if len(dirs) == 0 {
			msg.set(kiosk.ErrNoStick)
			return
		}
		path, err := ob.b.ExportPublic(u.ctx, dirs[0])
		if err != nil {
			msg.set(err)
			return
		}
		msg.Importance = widget.SuccessImportance
		msg.SetText(lang.L("Saved as {{.File}}: it holds no content, only what lets the other rooms write to this board.", map[string]any{"File": fileName(path)}))
	})
	imp := u.button(lang.L("Import the other rooms' contributions"), func() {
		res, err := ob.b.ImportBundles(u.ctx)
		if err != nil {
			msg.set(err)
			return
		}
		u.showBoardImports(res)
	})
	if ps, err := ob.b.PendingImports(u.ctx); err == nil && len(ps) > 0 {
		imp = u.primary(lang.L("Contributions waiting for acceptance: {{.N}}", map[string]any{"N": len(ps)}), func() { u.showBoardImports(nil) })
	}
	code := container.NewVBox()
	if c, err := ob.b.Code(); err == nil {
		code.Add(para(lang.L("Board's code, for the other rooms to compare when they link its file:")))
		code.Add(codeLabel(c))
	}
	team, err := u.kiosk.Team(u.ctx, ob.b.EngagementID())
	if err != nil {
		msg.set(err)
	}
	teamBox := container.NewVBox(subheading(lang.L("Team")))
	for _, m := range team {
		if m.Waiting {
			teamBox.Add(container.NewBorder(nil, nil, nil, u.button(lang.L("Let in"), func() {
				if err := ob.b.LetIn(u.ctx, m.ID); err != nil {
					msg.set(err)
					return
				}
				u.showBoardStick()
			}), widget.NewLabel(lang.L("{{.Name}}: waiting to be let in", map[string]any{"Name": m.Name}))))
		} else {
			teamBox.Add(widget.NewLabel(m.Name))
		}
	}
	u.boardScreen("board-stick", container.NewVBox(msg.Label, code, export, imp, teamBox))
}

// showBoardImports shows what came of the bundles just read from the stick (res), and each
// bundle waiting for acceptance with what it brings: nothing of it counts until a team member
// accepts it here, having compared a new room's code with that room's kiosk.
func (u *UI) showBoardImports(res []kiosk.ImportResult) {
	ob := u.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	var rows []fyne.CanvasObject
	for _, r := range res {
		if r.Err == nil {
			continue
		}
		l := para(lang.L("{{.File}}: {{.Problem}}", map[string]any{"File": r.File, "Problem": message(r.Err)}))
		l.Importance = widget.WarningImportance
		rows = append(rows, l)
	}
	pending, err := ob.b.PendingImports(u.ctx)
	msg.set(err)
	for _, p := range pending {
		var groups []string
		for _, g := range p.Groups {
			name := g.Group
			if name == "" {
				name = lang.L("no group")
			}
			groups = append(groups, lang.L("{{.Group}}: {{.N}}", map[string]any{"Group": name, "N": g.Count}))
		}
		text := lang.L("From {{.Room}}: {{.Items}} new items, {{.Interviews}} interviews ({{.Groups}}), question sets: {{.Sets}}; {{.Dup}} already here.", map[string]any{
			"Room": p.Room, "Items": p.Items, "Interviews": p.Interviews, "Groups": strings.Join(groups, ", "),
			"Sets": strings.Join(p.QuestionSets, ", "), "Dup": p.Duplicates})
		accept := lang.L("Accept")
		if p.NewRoom {
			text += " " + lang.L("First bundle from this room: does its kiosk show the code {{.Code}}? (There: Team boards, then the board.)", map[string]any{"Code": p.RoomCode})
			accept = lang.L("Same code: accept")
		}
		refuse := u.button(lang.L("Refuse"), func() {
			if err := ob.b.RefuseImport(u.ctx, p.BundleID); err != nil {
				msg.set(err)
				return
			}
			u.showBoardImports(nil)
		})
		ok := u.primary(accept, func() {
			if _, err := ob.b.AcceptImport(u.ctx, p.BundleID, p.RoomCode); err != nil {
				msg.set(err)
				return
			}
			u.showBoardImports(nil)
		})
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(refuse, ok), para(text)))
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("Nothing waits for acceptance.")))
	}
	body := container.NewBorder(container.NewVBox(
		para(lang.L("What each room's bundle brings. It counts on the board and in the presentation only once a team member accepts it.")), msg.Label),
		nil, nil, nil, newPager(u.boardRows(2), rows).view)
	u.boardScreen("board-imports", body, u.button(lang.L("Back"), u.showBoardStick))
}

// ---- Admin: the team ----

// showTeam sets a peer challenge's team: the interviewers enrolled here who are on it. The
// first time makes the board; members added later wait for a member to let them in.
func (u *UI) showTeam(e session.Engagement) {
	msg := newErrorLabel()
	ivs, err := u.kiosk.Interviewers(u.ctx)
	msg.set(err)
	team, _ := u.kiosk.Team(u.ctx, e.ID)
	chosen := map[string]bool{}
	for _, m := range team {
		chosen[m.ID] = true
	}
	fixed := maps.Clone(chosen)
	var rows []fyne.CanvasObject
	for _, iv := range ivs {
		b := u.button(iv.DisplayName, nil)
		mark := func() {
			if chosen[iv.ID] {
				b.Importance = widget.HighImportance
			} else {
				b.Importance = widget.MediumImportance
			}
			b.Refresh()
		}
		b.OnTapped = func() {
			u.touch()
			if fixed[iv.ID] {
				return // on the team already: nobody is removed from a board
			}
			chosen[iv.ID] = !chosen[iv.ID]
			mark()
		}
		mark()
		rows = append(rows, b)
	}
	save := u.primary(lang.L("Save the team"), func() {
		var ids []string
		for id, on := range chosen {
			if on {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		if err := u.kiosk.SetTeam(u.ctx, u.admin, e.ID, ids); err != nil {
			msg.set(err)
			return
		}
		u.showEngagements()
	})
	u.show("team", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Team: {{.Title}}", map[string]any{"Title": e.Title})),
			para(lang.L("Tap the interviewers on the team. Only they can read the board, each with their own PIN; the admin never can. Someone added later waits until a team member lets them in.")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), func() { u.showEngagement(e) }), layout.NewSpacer(), save), nil, nil,
		newPager(u.rowsPerPage(3), rows).view))
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
