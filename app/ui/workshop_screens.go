package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/boards"
	"quietroom/app/session"
	"quietroom/app/workshop"
)

// The afternoon of day 2 and what follows it (app/workshop): the facilitator's screens of the
// workshop's four parts, which fit the 7" screen, and two views for the projector (the central
// list of goals, each table's three best ideas in turn) in large type. Tables are numbered,
// never named. Every change is one of the kiosk's intents (kiosk.Workshop): the screens read
// what it returns and never write the workshop themselves. The board stays open (its key held)
// while they are shown; the idle time-out closes it.

// workshopScreens are the workshop's screens, with the open board's workshop; the shell (u)
// shows them and lends its helpers.
type workshopScreens struct {
	u     *UI
	w     *boards.Workshop
	title string
	// table is the table whose sheet is being entered; goal and ideas pages remember it.
	table int
	// picked are the ideas tapped, in order, as the table's actions before they are saved.
	picked []string
}

// openWorkshop opens the board of b as member s and shows its workshop. It is the board menu's
// door to the workshop; what goes wrong is said on msg.
func openWorkshop(u *UI, s *kiosk.SignedIn, b boards.BoardSummary, msg reporter) {
	bd, err := boards.Open(u.ctx, s, b.EngagementID)
	if err != nil {
		msg.set(err)
		return
	}
	w, err := bd.Workshop()
	if err != nil {
		bd.Close()
		msg.set(err)
		return
	}
	u.signedIn = nil
	u.boards.openBoard = &openBoard{b: bd, title: b.Title, member: s}
	ws := &workshopScreens{u: u, w: w, title: b.Title}
	ws.showHome("")
}

// wsMessage words the workshop's errors: app/workshop's say which field and what to do.
func wsMessage(err error) string {
	switch {
	case errors.Is(err, workshop.ErrTaken):
		return sentence(workshop.ErrTaken.Error())
	case errors.Is(err, workshop.ErrInvalid):
		text := err.Error()
		if i := strings.LastIndex(text, workshop.ErrInvalid.Error()+": "); i >= 0 {
			return sentence(text[i+len(workshop.ErrInvalid.Error())+2:])
		}
	case errors.Is(err, boards.ErrNoWorkshop), errors.Is(err, boards.ErrWorkshopStarted), errors.Is(err, boards.ErrNoWorkshops):
		return sentence(err.Error())
	}
	return message(err)
}

// wsLabel is a message line for the workshop's screens.
type wsLabel struct{ errorLabel }

func newWSLabel() wsLabel { return wsLabel{newErrorLabel()} }

func (l wsLabel) set(err error) {
	if err == nil {
		l.SetText("")
		return
	}
	l.Importance = widget.DangerImportance
	l.SetText(wsMessage(err))
}

// view reads the workshop; false when the board was closed (Home shown) or it cannot be read
// (said on msg).
func (s *workshopScreens) view(msg wsLabel) (workshop.Workshop, bool, bool) {
	if s.u.boards.openBoard == nil {
		s.u.showHome()
		return workshop.Workshop{}, false, false
	}
	ws, started, err := s.w.View(s.u.ctx)
	if err != nil {
		msg.set(err)
		return ws, false, true
	}
	return ws, started, true
}

// tableView reads the workshop and the table whose sheet is being entered; false when the
// board was closed or the workshop cannot be read (said on msg), or the table is gone (the
// workshop's home shown).
func (s *workshopScreens) tableView(msg wsLabel) (workshop.Workshop, *workshop.Table, bool) {
	ws, _, ok := s.view(msg)
	if !ok {
		return ws, nil, false
	}
	t, err := ws.Table(s.table)
	if err != nil {
		s.showHome("")
		return ws, nil, false
	}
	return ws, t, true
}

// workshopIdle is how long the workshop's screens wait without a touch before they close the
// board: the facilitator leaves the kiosk for a step of up to 30 minutes (the handbook's idea
// generation), and the projector shows the goals or a table's ideas meanwhile, as the slide
// show does.
const workshopIdle = 30 * time.Minute

// show shows a workshop screen; tick, when given, runs at least every second while it is shown
// (a clock). The idle time-out (workshopIdle) closes the board.
func (s *workshopScreens) show(name string, content fyne.CanvasObject, tick ...func()) {
	u := s.u
	u.show(name, screenLive, content)
	idle := max(workshopIdle, u.opts.IdleTimeout)
	u.onTick = func(session.Status) {
		for _, f := range tick {
			f()
			u.wakeWithin(time.Second)
		}
		left := u.lastTouch.Add(idle).Sub(u.kiosk.Now())
		if left > 0 {
			u.wakeWithin(left)
			return
		}
		u.log.Info("idle time-out", "screen", u.screen)
		u.boards.closeBoard()
		u.showHome()
	}
}

// timing is the line that says which step runs and the time it has left.
func (s *workshopScreens) timing(ws workshop.Workshop) string {
	i, left, ok := ws.Timetable.Left(s.w.Now())
	if !ok {
		return lang.L("The clock is stopped: start a step under Timings.")
	}
	step := ws.Timetable.Steps[i]
	if left < 0 {
		return lang.L("{{.Step}}: {{.Min}} min over", map[string]any{"Step": cutToWidth(step.Title, 420), "Min": int(-left.Minutes()) + 1})
	}
	return lang.L("{{.Step}}: {{.Time}} left", map[string]any{"Step": cutToWidth(step.Title, 420), "Time": fmt.Sprintf("%d:%02d", int(left.Minutes()), int(left.Seconds())%60)})
}

// showHome is the workshop's start: how many tables before it starts; then the four parts,
// the projector's views, the export and the follow-up agenda.
func (s *workshopScreens) showHome(done string) {
	u := s.u
	msg := newWSLabel()
	if done != "" {
		msg.done(done)
	}
	ws, started, ok := s.view(msg)
	if !ok {
		return
	}
	back := u.button(lang.L("Back to the team boards"), func() {
		// The workshop's screens stay up through a step of half an hour; the board's items
		// behind them do not: after such a pause the member signs in again.
		if u.afterPause() {
			u.log.Info("workshop left after a pause: the board is closed", "screen", u.screen)
			u.boards.closeBoard()
			u.showHome()
			return
		}
		u.boards.leaveBoard()
	})
	if !started {
		n := workshop.MinTables
		count := widget.NewLabel("")
		count.TextStyle.Bold = true
		set := func(d int) {
			n = min(max(n+d, 1), workshop.MaxTables)
			count.SetText(lang.L("{{.N}} tables", map[string]any{"N": n}))
		}
		set(0)
		start := u.primary(lang.L("Start the workshop"), func() {
			if err := s.w.Start(u.ctx, n); err != nil {
				msg.set(err)
				return
			}
			s.showHome(lang.L("The workshop has started with the team's insights and the handbook's timetable."))
		})
		stepper := container.NewHBox(u.iconButton(theme.ContentRemoveIcon(), func() { set(-1) }), count, u.iconButton(theme.ContentAddIcon(), func() { set(1) }))
		s.show("workshop-start", container.NewBorder(
			container.NewVBox(heading(lang.L("Workshop: {{.Title}}", map[string]any{"Title": s.title})), msg.Label),
			container.NewHBox(back, layout.NewSpacer(), start), nil, nil,
			container.NewVBox(para(lang.L("The handbook asks for at least 4 tables of the 16-24 people. Tables are numbered, never named. The team's insights are taken from the board as they are now.")),
				subheading(lang.L("How many tables?")), stepper)))
		return
	}
	clock := para(s.timing(ws))
	grid := container.NewGridWithColumns(3,
		u.button(lang.L("1. Reflecting"), func() { s.showTables(partReflect) }),
		u.button(lang.L("2. Idea generation"), func() { s.showTables(partIdeas) }),
		u.button(lang.L("3. Feedback"), s.showFeedback),
		u.button(lang.L("4. Timings"), s.showTimings),
		u.button(lang.L("Projector: goals"), func() { s.showGoalsProjector(0) }),
		u.button(lang.L("Projector: best ideas"), func() { s.showBestProjector(0) }),
		u.button(lang.L("Follow-up visit"), s.showFollowUp),
		u.primary(lang.L("Export"), func() { s.showExportWho() }),
	)
	s.show("workshop-home", container.NewBorder(
		container.NewVBox(heading(lang.L("Workshop: {{.Title}}", map[string]any{"Title": s.title})), clock, msg.Label),
		container.NewHBox(back), nil, nil, grid), func() { clock.SetText(s.timing(ws)) })
}

// The parts a table's sheet is entered for.
const (
	partReflect = 1
	partIdeas   = 2
)

// showTables asks which table's sheet to enter for a part.
func (s *workshopScreens) showTables(part int) {
	u := s.u
	msg := newWSLabel()
	ws, _, ok := s.view(msg)
	if !ok {
		return
	}
	var rows []fyne.CanvasObject
	for _, t := range ws.Tables {
		var state string
		if part == partReflect {
			state = lang.L("{{.M}} of {{.N}} marked", map[string]any{"M": len(t.Marks), "N": len(ws.Insights)}) + ", " + countGoals(len(t.Goals))
		} else {
			switch {
			case len(t.Actions) > 0:
				state = lang.L("three actions chosen")
			case t.Chosen != "":
				state = countIdeas(len(t.Ideas))
			default:
				state = lang.L("no goal chosen")
			}
		}
		rows = append(rows, u.button(lang.L("Table {{.N}}", map[string]any{"N": t.Number})+" · "+state, func() {
			s.table, s.picked = t.Number, nil
			if part == partReflect {
				s.showInsights(0)
			} else {
				s.showIdeas()
			}
		}))
	}
	title := lang.L("1. Reflecting on the key insights")
	if part == partIdeas {
		title = lang.L("2. Idea generation")
	}
	// Two tables a row, three rows a page (the handbook's four tables on one page).
	var pairs []fyne.CanvasObject
	for i := 0; i < len(rows); i += 2 {
		pairs = append(pairs, container.NewGridWithColumns(2, rows[i:min(i+2, len(rows))]...))
	}
	s.show("workshop-tables", container.NewBorder(
		container.NewVBox(heading(title), para(lang.L("Whose sheet? The facilitator enters each table's, or the table does, passing the kiosk round.")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), func() { s.showHome("") })), nil, nil,
		newPager(u.rowsPerPage(3), pairs).view))
}

// askText is one text to write (a new insight, a goal, an idea, an amendment, a remark, the
// next steps) with the on-screen keyboard; save says what is wrong, or nil to go back.
func (s *workshopScreens) askText(name, title, hint, text string, multi bool, save func(string) error, back func()) {
	u := s.u
	msg := newWSLabel()
	entry := newKBEntry(u.kb, multi)
	entry.SetPlaceHolder(hint)
	entry.SetText(text)
	ok := u.primary(lang.L("Save"), func() {
		if err := save(entry.Text); err != nil {
			msg.set(err)
			return
		}
		back()
	})
	kb := s.u.newKeyboardPanel(entry)
	top := container.NewVBox(subheading(title), msg.Label)
	kb.aside = []fyne.CanvasObject{top}
	s.show(name, container.NewBorder(container.NewVBox(top, entry), kb.box, nil, nil,
		container.NewVBox(container.NewHBox(u.button(lang.L("Back"), back), kb.toggle, layout.NewSpacer(), ok))))
	kb.arm()
	kb.set(!u.kb.Physical())
	u.win.Canvas().Focus(entry)
}

func countGoals(n int) string {
	if n == 1 {
		return lang.L("1 goal")
	}
	return lang.L("{{.N}} goals", map[string]any{"N": n})
}

func countIdeas(n int) string {
	if n == 1 {
		return lang.L("1 idea")
	}
	return lang.L("{{.N}} ideas", map[string]any{"N": n})
}
