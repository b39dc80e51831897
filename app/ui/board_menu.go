package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/boards"
	"quietroom/app/session"
)

// ---- Finding a board ----

// showBoards lists the team boards the signed-in interviewer can work on.
func (bs *boardScreens) showBoards() { bs.showBoardsSaying("") }

// showBoardsSaying is showBoards with a confirmation of what was just done ("" for none).
func (bs *boardScreens) showBoardsSaying(done string) {
	s := bs.u.signedIn
	if s == nil {
		bs.u.showHome()
		return
	}
	msg := newErrorLabel()
	list, err := boards.Boards(bs.u.ctx, s)
	msg.set(err)
	if err == nil && done != "" {
		msg.done(done)
	}
	var rows []fyne.CanvasObject
	for _, b := range list {
		var where string
		switch {
		case b.Waiting:
			where = lang.L("waiting to be let in by another member")
		case b.Here:
			where = lang.L("board kept here")
		default:
			where = lang.L("board kept in another room")
		}
		rows = append(rows, bs.u.button(b.Title+" · "+where, func() { bs.showBoardMenu(b) }))
	}
	if len(rows) == 0 && err == nil {
		rows = append(rows, para(lang.L("You are on no team board here. The admin sets a peer challenge's team; in another room, link the board from the USB stick.")))
	}
	bottom := container.NewHBox(bs.u.button(lang.L("Back"), bs.u.showInterviewerMenu), layout.NewSpacer())
	if len(boards.BoardFiles(bs.u.kiosk)) > 0 {
		bottom.Add(bs.u.button(lang.L("Link a board from the USB stick"), bs.showLinkBoard))
	}
	bs.u.show("boards", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Team boards")), msg.Label), bottom, nil, nil, newPager(bs.u.rowsPerPage(4), rows).view))
}

// showBoardMenu is what the interviewer can do with one board.
func (bs *boardScreens) showBoardMenu(b boards.BoardSummary) {
	s := bs.u.signedIn
	if s == nil {
		bs.u.showHome()
		return
	}
	msg := newErrorLabel()
	var actions []fyne.CanvasObject
	info := para(lang.L("Board {{.ID}}. Everything on it is deleted on {{.Date}}.", map[string]any{"ID": b.BoardID, "Date": b.DeletionDate.Local().Format(dayLayout)}))
	if b.Linked && !b.Relink {
		code := lang.L("Board's code {{.Code}}.", map[string]any{"Code": b.Code})
		if rc, err := boards.RoomCode(bs.u.kiosk); err == nil {
			code += " " + lang.L("This room's code {{.Code}}: the board's kiosk shows it when it imports this room's first bundle.", map[string]any{"Code": rc})
		}
		info = para(info.Text + " " + code)
	}
	contribute := bs.u.primary(lang.L("Contribute from your sessions"), func() {
		c, err := boards.Contribute(bs.u.ctx, s, b.EngagementID)
		if err != nil {
			msg.set(err)
			return
		}
		bs.u.signedIn = nil
		bs.contributing = &contribution{c: c, title: b.Title, read: map[string]bool{}}
		bs.showContribute()
	})
	switch {
	case b.Waiting:
		actions = append(actions, para(lang.L("You are waiting to be let in by another member (again, if your PIN was reset: the key you held no longer opens). One opens the board on its kiosk and taps Let in beside your name (USB stick and team). You can contribute meanwhile.")), contribute)
	case b.Relink:
		actions = append(actions, para(lang.L("This link was made before board files were signed. On the board's kiosk, save the board's file again, then link it here again, comparing the code.")))
	case b.Here:
		actions = append(actions, contribute, bs.u.button(lang.L("Open the board"), func() {
			bd, err := boards.Open(bs.u.ctx, s, b.EngagementID)
			if err != nil {
				msg.set(err)
				return
			}
			bs.u.signedIn = nil
			bs.openBoard = &openBoard{b: bd, title: b.Title, member: s}
			bs.showSheets()
		}), bs.u.button(lang.L("The workshop and the follow-up visit"), func() { openWorkshop(bs.u, s, b, msg) }))
	default:
		actions = append(actions, contribute, bs.u.button(lang.L("Export this room's contributions to the USB stick"), func() {
			dirs := bs.u.kiosk.Sticks()
			if len(dirs) == 0 {
				msg.set(kiosk.ErrNoStick)
				return
			}
			_, n, err := boards.ExportBundle(bs.u.ctx, s, b.EngagementID, dirs[0])
			if err != nil {
				msg.set(err)
				return
			}
			msg.done(lang.L("{{.N}} contributions are on the USB stick, readable only by the board's kiosk.", map[string]any{"N": n}))
		}))
	}
	bs.u.show("board-menu", screenIdle, container.NewBorder(
		container.NewVBox(heading(b.Title), info, msg.Label),
		container.NewHBox(bs.u.button(lang.L("Back"), bs.showBoards)), nil, nil, container.NewVBox(actions...)))
}

// showLinkBoard links a board file from the stick to one of this kiosk's peer challenges. What
// each file shows comes from inside it (checked and signed), never from its name.
func (bs *boardScreens) showLinkBoard() {
	s := bs.u.signedIn
	if s == nil {
		bs.u.showHome()
		return
	}
	msg := newErrorLabel()
	files := boards.BoardFiles(bs.u.kiosk)
	engs, err := bs.u.kiosk.Engagements(bs.u.ctx)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, f := range files {
		for _, e := range engs {
			if e.Kind != session.KindPeerChallenge {
				continue
			}
			pv, err := boards.PreviewLink(bs.u.ctx, s, e.ID, f)
			if err != nil {
				l := para(lang.L("{{.File}}: {{.Problem}}", map[string]any{"File": fileName(f), "Problem": message(err)}))
				l.Importance = widget.WarningImportance
				rows = append(rows, l)
				break
			}
			label := lang.L("Board {{.ID}}: link to {{.Title}}", map[string]any{"ID": pv.BoardID, "Title": e.Title})
			rows = append(rows, bs.u.button(label, func() { bs.showLinkCompare(e, pv) }))
		}
	}
	bs.u.show("board-link", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Link a board from the USB stick")),
			para(lang.L("The board's kiosk saved its file on the stick. Choose this room's engagement for it: what you contribute here is sealed so that only the board can read it.")), msg.Label),
		container.NewHBox(bs.u.button(lang.L("Back"), bs.showBoards)), nil, nil, newPager(bs.u.rowsPerPage(3), rows).view))
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
func (bs *boardScreens) showLinkCompare(e session.Engagement, pv boards.LinkPreview) {
	s := bs.u.signedIn
	if s == nil {
		bs.u.showHome()
		return
	}
	msg := newErrorLabel()
	body := container.NewVBox(codeLabel(pv.Code),
		para(lang.L("Does the board's kiosk show the same code? On the board's kiosk a team member opens the board, then Stick and team.")))
	confirm := boards.LinkConfirm{Code: pv.Code}
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
	no := bs.u.button(lang.L("No, not the same: don't link"), bs.showLinkBoard)
	yes := bs.u.primary(lang.L("Yes, the same: link"), func() {
		if _, err := boards.LinkBoard(bs.u.ctx, s, e.ID, pv.File, confirm); err != nil {
			msg.set(err)
			return
		}
		bs.showBoardsSaying(lang.L("Board {{.ID}} is linked to {{.Title}}: contribute here, then export this room's contributions to the USB stick for the board's kiosk.", map[string]any{"ID": pv.BoardID, "Title": e.Title}))
	})
	bs.u.show("board-link-code", screenIdle, container.NewBorder(
		heading(lang.L("Board {{.ID}} for {{.Title}}: compare the code", map[string]any{"ID": pv.BoardID, "Title": e.Title})),
		container.NewHBox(no, layout.NewSpacer(), yes), nil, nil, body))
}
