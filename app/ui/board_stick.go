package ui

import (
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/boards"
	"quietroom/app/session"
)

// showBoardStick exchanges with the other rooms (the board's file out, their bundles in) and
// lets waiting team members in. done is a confirmation to show ("" for none). The screen
// scrolls (drag or scroll bar), so that no message makes it taller than the window.
func (bs *boardScreens) showBoardStick() { bs.showBoardStickSaying("") }

func (bs *boardScreens) showBoardStickSaying(done string) {
	ob := bs.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	if done != "" {
		msg.done(done)
	}
	export := bs.u.button(lang.L("Save the board's file for the other rooms"), func() {
		dirs := bs.u.kiosk.Sticks()
		if len(dirs) == 0 {
			msg.set(kiosk.ErrNoStick)
			return
		}
		path, err := ob.b.ExportPublic(bs.u.ctx, dirs[0])
		if err != nil {
			msg.set(err)
			return
		}
		msg.done(lang.L("Saved as {{.File}}: it holds no content, only what lets the other rooms write to this board.", map[string]any{"File": fileName(path)}))
	})
	imp := bs.u.button(lang.L("Import the other rooms' contributions"), func() {
		res, err := ob.b.ImportBundles(bs.u.ctx)
		if err != nil {
			msg.Importance = widget.DangerImportance
			msg.set(err)
			return
		}
		bs.showBoardImports(res)
	})
	if ps, err := ob.b.PendingImports(bs.u.ctx); err == nil && len(ps) > 0 {
		imp = bs.u.primary(lang.L("Contributions waiting for acceptance: {{.N}}", map[string]any{"N": len(ps)}), func() { bs.showBoardImports(nil) })
	}
	exchange := container.NewVBox(msg.Label, export, imp)
	if c, err := ob.b.Code(); err == nil {
		exchange.Add(para(lang.L("Board's code, for the other rooms to compare when they link its file:")))
		exchange.Add(codeLabel(c))
	}
	team, err := boards.Team(bs.u.ctx, bs.u.kiosk, ob.b.EngagementID())
	if err != nil {
		msg.set(err)
	}
	var rows []fyne.CanvasObject
	for _, m := range team {
		if !m.Waiting {
			rows = append(rows, widget.NewLabel(m.Name))
			continue
		}
		l := widget.NewLabel(lang.L("{{.Name}}: waiting to be let in", map[string]any{"Name": m.Name}))
		l.Wrapping = fyne.TextWrapWord
		rows = append(rows, container.NewBorder(nil, nil, nil, bs.u.button(lang.L("Let in"), func() {
			if err := ob.b.LetIn(bs.u.ctx, m.ID); err != nil {
				msg.Importance = widget.DangerImportance
				msg.set(err)
				return
			}
			bs.showBoardStickSaying(lang.L("{{.Name}} is let in: they open the board with their own PIN.", map[string]any{"Name": m.Name}))
		}), l))
	}
	exchange.Add(subheading(lang.L("Team")))
	for _, r := range rows {
		exchange.Add(r)
	}
	bs.boardScreen("board-stick", newTouchScroll(exchange))
}

// showBoardImports shows what came of the bundles just read from the stick (res), and each
// bundle waiting for acceptance with what it brings: nothing of it counts until a team member
// accepts it here, having compared a new room's code with that room's kiosk.
func (bs *boardScreens) showBoardImports(res []boards.ImportResult) {
	ob := bs.boardOpen()
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
	pending, err := ob.b.PendingImports(bs.u.ctx)
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
		text := lang.L("From {{.Room}}: {{.Items}}, {{.Interviews}} ({{.Groups}}), question sets: {{.Sets}}; {{.Dup}} already here.", map[string]any{
			"Room": p.Room, "Items": countNewItems(p.Items), "Interviews": countInterviews(p.Interviews), "Groups": strings.Join(groups, ", "),
			"Sets": strings.Join(p.QuestionSets, ", "), "Dup": p.Duplicates})
		accept := lang.L("Accept")
		if p.NewRoom {
			text += " " + lang.L("First bundle from this room: does its kiosk show the code {{.Code}}? (There: Team boards, then the board.)", map[string]any{"Code": p.RoomCode})
			accept = lang.L("Same code: accept")
		}
		refuse := bs.u.button(lang.L("Refuse"), func() {
			if err := ob.b.RefuseImport(bs.u.ctx, p.BundleID); err != nil {
				msg.set(err)
				return
			}
			bs.showBoardImports(nil)
		})
		ok := bs.u.primary(accept, func() {
			if _, err := ob.b.AcceptImport(bs.u.ctx, p.BundleID, p.RoomCode); err != nil {
				msg.set(err)
				return
			}
			bs.showBoardImports(nil)
		})
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(refuse, ok), para(text)))
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("Nothing waits for acceptance.")))
	}
	body := container.NewBorder(container.NewVBox(
		para(lang.L("What each room's bundle brings. It counts on the board and in the presentation only once a team member accepts it.")), msg.Label),
		nil, nil, nil, bs.fitPaged(rows, false))
	bs.boardScreen("board-imports", body, bs.u.button(lang.L("Back"), bs.showBoardStick))
}

// ---- Admin: the team ----

// showTeam sets a peer challenge's team: the interviewers enrolled here who are on it. The
// first time makes the board; members added later wait for a member to let them in.
func (bs *boardScreens) showTeam(e session.Engagement) { bs.showTeamSaying(e, "") }

func (bs *boardScreens) showTeamSaying(e session.Engagement, done string) {
	msg := newErrorLabel()
	if done != "" {
		msg.done(done)
	}
	ivs, err := bs.u.kiosk.Interviewers(bs.u.ctx)
	if err != nil {
		msg.set(err)
	}
	team, _ := boards.Team(bs.u.ctx, bs.u.kiosk, e.ID)
	chosen := map[string]bool{}
	for _, m := range team {
		chosen[m.ID] = true
	}
	fixed := maps.Clone(chosen)
	var rows []fyne.CanvasObject
	for _, iv := range ivs {
		b := bs.u.button(iv.DisplayName, nil)
		mark := func() {
			if chosen[iv.ID] {
				b.Importance = widget.HighImportance
			} else {
				b.Importance = widget.MediumImportance
			}
			b.Refresh()
		}
		b.OnTapped = func() {
			bs.u.touch()
			if fixed[iv.ID] {
				msg.Importance = widget.WarningImportance
				msg.SetText(lang.L("{{.Name}} stays on the team: once on a board, a member holds its key, and nobody can take it back from them.", map[string]any{"Name": iv.DisplayName}))
				return
			}
			chosen[iv.ID] = !chosen[iv.ID]
			mark()
		}
		mark()
		rows = append(rows, b)
	}
	save := bs.u.primary(lang.L("Save the team"), func() {
		var ids []string
		for id, on := range chosen {
			if on {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		if err := boards.SetTeam(bs.u.ctx, bs.u.kiosk, bs.u.admin, e.ID, ids); err != nil {
			msg.Importance = widget.DangerImportance
			msg.set(err)
			return
		}
		bs.showTeamSaying(e, lang.L("The team is saved: {{.N}} on it. A member added now waits until a team member lets them in, on the board's kiosk (Stick and team).", map[string]any{"N": len(ids)}))
	})
	bs.u.show("team", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Team: {{.Title}}", map[string]any{"Title": e.Title})),
			para(lang.L("Tap the interviewers on the team. Only they can read the board, each with their own PIN; the admin never can. Someone added later waits until a team member lets them in.")), msg.Label),
		container.NewHBox(bs.u.button(lang.L("Back"), func() { bs.u.console.showEngagement(e) }), layout.NewSpacer(), save), nil, nil,
		newPager(bs.u.rowsPerPage(3), rows).view))
}
