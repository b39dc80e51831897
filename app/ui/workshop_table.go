package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/workshop"
)

// ---- Part 1: a table's sheet of the key insights ----

func tableTitle(n int) string { return lang.L("Table {{.N}}", map[string]any{"N": n}) }

// showInsights is a table's sheet: each of the team's insights with agree, disagree and amend,
// one insight a page, then its new insights and its goals.
func (s *workshopScreens) showInsights(at int) {
	u := s.u
	msg := newWSLabel()
	ws, t, ok := s.tableView(msg)
	if !ok {
		return
	}
	n := len(ws.Insights)
	if at >= n {
		s.showGoals()
		return
	}
	in := ws.Insights[at]
	mk, marked := t.MarkOf(in.ID)
	mark := func(m workshop.Mark, label string) *Button {
		b := u.button(label, func() {
			if err := s.w.MarkInsight(u.ctx, s.table, in.ID, m, ""); err != nil {
				msg.set(err)
				return
			}
			s.showInsights(at + 1)
		})
		if marked && mk.Mark == m {
			b.Importance = widget.HighImportance
		}
		return b
	}
	amend := u.button(lang.L("Amend…"), func() {
		s.askText("workshop-amend", lang.L("Table {{.N}}'s amendment to: {{.Insight}}", map[string]any{"N": s.table, "Insight": cutToWidth(in.Statement, 600)}),
			lang.L("The amendment or clarification"), mk.Amendment, true,
			func(text string) error { return s.w.MarkInsight(u.ctx, s.table, in.ID, workshop.Amend, text) },
			func() { s.showInsights(at) })
	})
	if marked && mk.Mark == workshop.Amend {
		amend.Importance = widget.HighImportance
	}
	statement := para(in.Statement)
	statement.TextStyle.Bold = true
	body := container.NewVBox(statement)
	if marked && mk.Mark == workshop.Amend {
		body.Add(para(lang.L("Amended: {{.Text}}", map[string]any{"Text": mk.Amendment})))
	}
	body.Add(container.NewGridWithColumns(3, mark(workshop.Agree, lang.L("Agree (tick)")), mark(workshop.Disagree, lang.L("Disagree (cross)")), amend))
	prev := u.button(lang.L("Previous insight"), func() { s.showInsights(at - 1) })
	if at == 0 {
		prev.Disable()
	}
	next := u.button(lang.L("Next"), func() { s.showInsights(at + 1) })
	s.show("workshop-insights", container.NewBorder(
		container.NewVBox(heading(tableTitle(s.table)+" · "+lang.L("Insight {{.I}} of {{.N}}", map[string]any{"I": at + 1, "N": n})), msg.Label),
		container.NewHBox(u.button(lang.L("Tables"), func() { s.showTables(partReflect) }), layout.NewSpacer(), prev, next), nil, nil,
		newTouchScroll(body)))
}

// showGoals is a table's new insights and goals, and the doors to add them.
func (s *workshopScreens) showGoals() {
	u := s.u
	msg := newWSLabel()
	ws, t, ok := s.tableView(msg)
	if !ok {
		return
	}
	var rows []fyne.CanvasObject
	for _, in := range t.NewInsights {
		rows = append(rows, container.NewBorder(nil, nil, nil, u.button(lang.L("Remove"), func() {
			msg.set(s.w.RemoveInsight(u.ctx, s.table, in.ID))
			if !msg.Visible() {
				s.showGoals()
			}
		}), para(lang.L("New insight: {{.Text}}", map[string]any{"Text": in.Statement}))))
	}
	for _, g := range t.Goals {
		about, _ := ws.InsightText(g.Insight)
		row := para(lang.L("Goal: {{.Text}} (for: {{.Insight}})", map[string]any{"Text": g.Text, "Insight": cutToWidth(about, 300)}))
		if ws.ChosenBy(g.ID) != 0 {
			rows = append(rows, row)
			continue
		}
		rows = append(rows, container.NewBorder(nil, nil, nil, u.button(lang.L("Remove"), func() {
			msg.set(s.w.RemoveGoal(u.ctx, s.table, g.ID))
			if !msg.Visible() {
				s.showGoals()
			}
		}), row))
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("No new insights or goals yet. What goals would the table most like to achieve in response to each insight?")))
	}
	addInsight := u.button(lang.L("Add a new insight"), func() {
		s.askText("workshop-new-insight", lang.L("Table {{.N}}'s new insight", map[string]any{"N": s.table}), lang.L("The new insight"), "", true,
			func(text string) error { return s.w.AddInsight(u.ctx, s.table, text) }, s.showGoals)
	})
	addGoal := u.primary(lang.L("Add a goal"), s.showGoalInsight)
	s.show("workshop-goals", container.NewBorder(
		container.NewVBox(heading(tableTitle(s.table)+" · "+lang.L("New insights and goals")), msg.Label),
		container.NewHBox(u.button(lang.L("Back to the insights"), func() { s.showInsights(0) }), layout.NewSpacer(), addInsight, addGoal), nil, nil,
		newPager(u.rowsPerPage(3), rows).view))
}

// showGoalInsight asks which insight a new goal answers: the team's or the table's own.
func (s *workshopScreens) showGoalInsight() {
	u := s.u
	msg := newWSLabel()
	ws, t, ok := s.tableView(msg)
	if !ok {
		return
	}
	all := slices.Concat(ws.Insights, t.NewInsights)
	var rows []fyne.CanvasObject
	for i, in := range all {
		rows = append(rows, u.boards.itemButton(lang.L("{{.I}}. {{.Text}}", map[string]any{"I": i + 1, "Text": in.Statement}), func() {
			s.askText("workshop-goal", lang.L("Table {{.N}}'s goal for: {{.Insight}}", map[string]any{"N": s.table, "Insight": cutToWidth(in.Statement, 600)}),
				lang.L("The goal, as an outcome"), "", true,
				func(text string) error { return s.w.AddGoal(u.ctx, s.table, in.ID, text) }, s.showGoals)
		}))
	}
	s.show("workshop-goal-insight", container.NewBorder(
		container.NewVBox(heading(lang.L("Which insight is the goal for?")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), s.showGoals)), nil, nil,
		newPager(u.rowsPerPage(4), rows).view))
}

// ---- Part 2: a table's goal, ideas and three actions ----

// showIdeas is a table's idea generation: its goal (chosen from the central list first), its
// ideas, and its three actions, tapped in order.
func (s *workshopScreens) showIdeas() {
	u := s.u
	msg := newWSLabel()
	ws, t, ok := s.tableView(msg)
	if !ok {
		return
	}
	if t.Chosen == "" {
		s.showChoose()
		return
	}
	g, _ := ws.Goal(t.Chosen)
	if len(t.Actions) > 0 && s.picked == nil {
		s.picked = slices.Clone(t.Actions)
	}
	var rows []fyne.CanvasObject
	for _, idea := range t.Ideas {
		label := idea.Text
		if i := slices.Index(s.picked, idea.ID); i >= 0 {
			label = lang.L("Action {{.N}}: {{.Text}}", map[string]any{"N": i + 1, "Text": idea.Text})
		}
		b := u.boards.itemButton(label, func() {
			if i := slices.Index(s.picked, idea.ID); i >= 0 {
				s.picked = slices.Delete(s.picked, i, i+1)
			} else if len(s.picked) < workshop.Actions {
				s.picked = append(s.picked, idea.ID)
			}
			s.showIdeas()
		})
		if slices.Contains(s.picked, idea.ID) {
			b.Importance = widget.HighImportance
		}
		rows = append(rows, b)
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("No ideas yet. Add the table's ideas, or take up the team's solution ideas.")))
	}
	save := u.primary(lang.L("Save the three actions"), func() {
		if err := s.w.ChooseActions(u.ctx, s.table, s.picked); err != nil {
			msg.set(err)
			return
		}
		s.picked = nil
		s.showTables(partIdeas)
	})
	if len(s.picked) != workshop.Actions {
		save.Disable()
	}
	hint := lang.L("Tap the three actions with the highest impact that can be implemented, in order ({{.N}} of 3).", map[string]any{"N": len(s.picked)})
	add := u.button(lang.L("Add an idea"), func() {
		s.askText("workshop-idea", lang.L("Table {{.N}}'s idea for: {{.Goal}}", map[string]any{"N": s.table, "Goal": cutToWidth(g.Text, 600)}),
			lang.L("The idea"), "", true, func(text string) error { return s.w.AddIdea(u.ctx, s.table, text) }, s.showIdeas)
	})
	team := u.button(lang.L("Team's ideas"), s.showTeamIdeas)
	remove := u.button(lang.L("Remove…"), s.showRemoveIdeas)
	change := u.button(lang.L("Goal"), s.showChoose)
	title := subheading(tableTitle(s.table) + ": " + cutToWidth(g.Text, u.win.Canvas().Size().Width-140))
	title.TextStyle.Bold = true
	s.show("workshop-ideas", container.NewBorder(
		container.NewVBox(title, para(hint), msg.Label),
		container.NewVBox(container.NewGridWithColumns(4, change, team, add, remove),
			container.NewHBox(u.button(lang.L("Tables"), func() { s.showTables(partIdeas) }), layout.NewSpacer(), save)), nil, nil,
		newPager(u.rowsPerPage(3), rows).view))
}

// showChoose is the central list of goals for a table to tick one: a goal another table has
// is shown taken and cannot be chosen.
func (s *workshopScreens) showChoose() {
	u := s.u
	msg := newWSLabel()
	ws, _, ok := s.view(msg)
	if !ok {
		return
	}
	var rows []fyne.CanvasObject
	for i, g := range ws.Goals() {
		label := lang.L("{{.I}}. {{.Text}}", map[string]any{"I": i + 1, "Text": g.Text})
		if g.ChosenBy != 0 {
			label = lang.L("{{.I}}. Taken by table {{.T}}: {{.Text}}", map[string]any{"I": i + 1, "T": g.ChosenBy, "Text": g.Text})
		}
		b := u.boards.itemButton(label, func() {
			if err := s.w.Choose(u.ctx, s.table, g.ID); err != nil {
				msg.set(err)
				return
			}
			s.showIdeas()
		})
		if g.ChosenBy != 0 && g.ChosenBy != s.table {
			b.Disable()
		}
		if g.ChosenBy == s.table {
			b.Importance = widget.HighImportance
		}
		rows = append(rows, b)
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("The central list of goals is empty: the tables add their goals in part 1.")))
	}
	s.show("workshop-choose", container.NewBorder(
		container.NewVBox(heading(lang.L("Table {{.N}}: which goal will the table work on?", map[string]any{"N": s.table})), msg.Label),
		container.NewHBox(u.button(lang.L("Tables"), func() { s.showTables(partIdeas) })), nil, nil,
		newPager(u.rowsPerPage(4), rows).view))
}

// showTeamIdeas lists the team's solution ideas (the board's buds); one tapped becomes one of
// the table's ideas.
func (s *workshopScreens) showTeamIdeas() {
	u := s.u
	msg := newWSLabel()
	ideas, err := s.w.SolutionIdeas(u.ctx)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, idea := range ideas {
		rows = append(rows, u.boards.itemButton(idea, func() {
			if err := s.w.AddIdea(u.ctx, s.table, idea); err != nil {
				msg.set(err)
				return
			}
			s.showIdeas()
		}))
	}
	if len(rows) == 0 && err == nil {
		rows = append(rows, para(lang.L("The board holds no buds: the team's solution ideas come from them.")))
	}
	s.show("workshop-team-ideas", container.NewBorder(
		container.NewVBox(heading(lang.L("The team's solution ideas")), para(lang.L("Tap one to take it up as one of the table's ideas.")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), s.showIdeas)), nil, nil,
		newPager(u.rowsPerPage(3), rows).view))
}

// showRemoveIdeas lists a table's ideas to take one away (not one of its saved actions).
func (s *workshopScreens) showRemoveIdeas() {
	u := s.u
	msg := newWSLabel()
	_, t, ok := s.tableView(msg)
	if !ok {
		return
	}
	var rows []fyne.CanvasObject
	for _, idea := range t.Ideas {
		rows = append(rows, container.NewBorder(nil, nil, nil, u.button(lang.L("Remove"), func() {
			if err := s.w.RemoveIdea(u.ctx, s.table, idea.ID); err != nil {
				msg.set(err)
				return
			}
			s.picked = slices.DeleteFunc(s.picked, func(id string) bool { return id == idea.ID })
			s.showRemoveIdeas()
		}), para(idea.Text)))
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("No ideas yet.")))
	}
	s.show("workshop-remove-ideas", container.NewBorder(
		container.NewVBox(heading(lang.L("Table {{.N}}: remove an idea", map[string]any{"N": s.table})), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), s.showIdeas)), nil, nil,
		newPager(u.rowsPerPage(3), rows).view))
}
