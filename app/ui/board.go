package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/board"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/boards"
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
	// Written for people already: another member changed the board meanwhile.
	for _, s := range []error{boards.ErrNoSuchTheme, boards.ErrNoSuchInsight} {
		if errors.Is(err, s) {
			return sentence(s.Error())
		}
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

// boardScreens are the team board's screens: the member's boards and a board's menu
// (board_menu.go), a contribution being put together (board_contribute.go), the day-2 sheets,
// themes and presentation with its slide show, and the stick's files and the team
// (board_stick.go). The workshop's screens (workshop_*.go) open their board here too.
type boardScreens struct {
	u *UI
	// openBoard and contributing are a team board opened by a member and a contribution being
	// put together; both are closed with the sign-out, and their plaintext is held only in
	// memory meanwhile.
	openBoard    *openBoard
	contributing *contribution
}

// ---- The open board ----

// openBoard is a board opened by a member, with what the screens are doing with it.
type openBoard struct {
	b        *boards.Board
	title    string
	selected string // the item chosen to move into a theme
	// member is who opened the board: still signed in, so that closing the board returns to
	// them; the idle time-out signs them out with the board.
	member *kiosk.SignedIn
}

// boardOpen is the open board, for a board screen about to be built; when the board has been
// closed since the button that asks for the screen was shown, it shows Home and returns nil.
func (bs *boardScreens) boardOpen() *openBoard {
	if bs.openBoard == nil {
		bs.u.showHome()
	}
	return bs.openBoard
}

func (bs *boardScreens) closeBoard() {
	if bs.openBoard != nil {
		bs.openBoard.b.Close()
		if m := bs.openBoard.member; m != nil {
			m.SignOut()
		}
		bs.openBoard = nil
	}
}

// boardScreen shows a screen of the open board with its tabs along the top.
// It returns the tabs, for a keyboard panel to put aside while it is open.
func (bs *boardScreens) boardScreen(name string, body fyne.CanvasObject, bottom ...fyne.CanvasObject) fyne.CanvasObject {
	ob := bs.openBoard
	if ob == nil {
		bs.u.showHome()
		return nil
	}
	tab := func(label, screen string, show func()) fyne.CanvasObject {
		b := bs.u.button(label, show)
		if screen == name {
			b.Importance = widget.HighImportance
		}
		return b
	}
	tabs := []fyne.CanvasObject{
		tab(lang.L("Sheets"), "board-sheets", bs.showSheets),
		tab(lang.L("Read out"), "board-read", func() { bs.showReadOut(board.Rose, 0) }),
		tab(lang.L("Themes"), "board-themes", bs.showThemes),
		tab(lang.L("Presentation"), "board-presentation", bs.showPresentation),
		tab(lang.L("All items"), "board-items", bs.showAllItems),
		tab(lang.L("Stick and team"), "board-stick", bs.showBoardStick),
	}
	bar := container.NewHBox(bs.u.button(lang.L("Close the board"), bs.leaveBoard), layout.NewSpacer())
	for _, b := range bottom {
		bar.Add(b)
	}
	top := bs.tabRows(tabs)
	var content fyne.CanvasObject = container.NewBorder(top, bar, nil, nil, body)
	if sc := bs.boardScale(); sc > 1 {
		content = container.NewThemeOverride(content, &kioskTheme{large: bs.u.theme.large, contrast: bs.u.theme.contrast, scale: sc})
	}
	bs.u.show(name, screenIdle, content)
	bs.u.onIdle = func() error { bs.closeBoard(); return nil }
	return top
}

// tabRows puts the board's tabs in one row where their whole words fit the window, in two
// rows of three where they do not (the larger text on the 7" display): a tab cut short, or
// scrolled off the edge, is one nobody finds.
func (bs *boardScreens) tabRows(tabs []fyne.CanvasObject) fyne.CanvasObject {
	need := float32(0)
	for _, t := range tabs {
		need += t.MinSize().Width + theme.Padding()
	}
	if need*bs.boardScale() <= bs.u.win.Canvas().Size().Width-4*theme.Padding() {
		return container.NewHBox(tabs...)
	}
	return container.NewGridWithColumns(3, tabs...)
}

// leaveBoard closes the board and returns to the member who opened it, still signed in, at
// their team boards: a team opens and closes the board many times a day.
func (bs *boardScreens) leaveBoard() {
	member := bs.boardMember()
	if member != nil {
		bs.openBoard.member = nil // not signed out: closing returns to them
	}
	bs.closeBoard()
	if member == nil {
		bs.u.showHome()
		return
	}
	bs.u.signedIn = member
	bs.showBoards()
}

// boardMember is the member who opened the board, or nil.
func (bs *boardScreens) boardMember() *kiosk.SignedIn {
	if bs.openBoard == nil {
		return nil
	}
	return bs.openBoard.member
}

// countItems and the like say a number of things, in the singular for one.
func countItems(n int) string {
	if n == 1 {
		return lang.L("1 item")
	}
	return lang.L("{{.N}} items", map[string]any{"N": n})
}

func countNewItems(n int) string {
	if n == 1 {
		return lang.L("1 new item")
	}
	return lang.L("{{.N}} new items", map[string]any{"N": n})
}

func countInsights(n int) string {
	if n == 1 {
		return lang.L("1 insight")
	}
	return lang.L("{{.N}} insights", map[string]any{"N": n})
}

func countInterviews(n int) string {
	if n == 1 {
		return lang.L("1 interview")
	}
	return lang.L("{{.N}} interviews", map[string]any{"N": n})
}

func countTag(t board.Tag, n int) string {
	d := map[string]any{"N": n}
	switch {
	case t == board.Rose && n == 1:
		return lang.L("1 rose")
	case t == board.Rose:
		return lang.L("{{.N}} roses", d)
	case t == board.Thorn && n == 1:
		return lang.L("1 thorn")
	case t == board.Thorn:
		return lang.L("{{.N}} thorns", d)
	case n == 1:
		return lang.L("1 bud")
	}
	return lang.L("{{.N}} buds", d)
}

// errBoardClosed is what a board screen's action finds when the board it was built for has
// been closed (signed out, timed out): the screen it would show goes Home instead.
var errBoardClosed = errors.New("the board is closed")

func (bs *boardScreens) boardData() ([]board.Item, board.Work, error) {
	ob := bs.openBoard
	if ob == nil {
		return nil, board.Work{}, errBoardClosed
	}
	items, err := ob.b.Items(bs.u.ctx)
	if err != nil {
		return nil, board.Work{}, err
	}
	w, err := ob.b.Work(bs.u.ctx)
	return items, w, err
}

// columnWidth is the width of one of n columns of the window's content.
func (bs *boardScreens) columnWidth(n int) float32 {
	return (bs.u.win.Canvas().Size().Width-2*theme.Padding())/float32(n) - 2*theme.Padding()
}

// projectorScale is how much larger the board's text is on a projector (a window 900 px high
// or more), so that the team reads it across the room.
const projectorScale = 1.5

// boardScale is the open board's text scale for the window's size.
func (bs *boardScreens) boardScale() float32 {
	if bs.u.win.Canvas().Size().Height >= 900 {
		return projectorScale
	}
	return 1
}

// cutB cuts s with an ellipsis to width as the open board's buttons draw it: bold, at the
// board's text scale.
func (bs *boardScreens) cutB(s string, width float32) string {
	size := theme.TextSize() * bs.boardScale()
	if bs.u.theme.large {
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
func (bs *boardScreens) boardRows(n int) int {
	if bs.u.theme.large {
		n = max(n-1, 1)
	}
	extra := max(0, bs.u.win.Canvas().Size().Height-480) / ((MinTarget + theme.Padding()) * bs.boardScale() * 1.1)
	return n + int(extra)
}

// itemButton is a post-it on a sheet or a list: its text from the left, as it is read.
func (bs *boardScreens) itemButton(text string, tapped func()) *Button {
	b := bs.u.button(text, tapped)
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
