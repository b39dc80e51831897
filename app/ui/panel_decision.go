package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/report/fynefont"
)

// showPanelGrid is the consolidated grid, a candidate a page: each member's score per
// question, the spread (big ones flagged for discussion) and totals.
func (s *panelScreens) showPanelGrid(page int) {
	if s.panel == nil { // signed out since the button that asks for it was shown
		s.u.showHome()
		return
	}
	msg := newErrorLabel()
	g, err := s.panel.Grid()
	msg.set(err)
	names := s.names()
	if len(g.Candidates) == 0 {
		s.u.show("panel-grid", screenIdle, container.NewBorder(subheading(lang.L("Scores of the panel")),
			container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome)), nil, nil,
			container.NewVBox(msg.Label, para(lang.L("No candidate has been scored by every member yet. The scores show once everyone has given theirs.")))))
		return
	}
	page = min(max(page, 0), len(g.Candidates)-1)
	c := g.Candidates[page]
	cols := len(g.Members) + 2
	grid := container.NewGridWithColumns(cols)
	cell := func(s string, bold bool, imp widget.Importance) {
		l := widget.NewLabel(s)
		l.TextStyle.Bold = bold
		l.Importance = imp
		l.Truncation = fyne.TextTruncateEllipsis
		grid.Add(l)
	}
	// The members' names head their columns in full, on two lines where they need them.
	head := func(s string) {
		l := widget.NewLabel(s)
		l.TextStyle.Bold = true
		l.Wrapping = fyne.TextWrapWord
		grid.Add(l)
	}
	head(lang.L("Question"))
	for _, id := range g.Members {
		head(names[id])
	}
	head(lang.L("Spread"))
	for i, row := range c.Rows {
		imp := widget.MediumImportance
		if row.Disagree {
			imp = widget.WarningImportance
		}
		cell(fmt.Sprintf("Q%d", i+1), false, imp)
		for j, v := range row.Scores {
			t := strconv.Itoa(v)
			if row.NoAnswer[j] {
				t += " " + lang.L("(no answer)")
			}
			cell(t, false, imp)
		}
		sp := strconv.Itoa(row.Spread)
		if row.Disagree {
			sp = lang.L("{{.S}}: discuss", map[string]any{"S": row.Spread})
		}
		cell(sp, row.Disagree, imp)
	}
	cell(lang.L("Total"), true, widget.MediumImportance)
	for _, t := range c.Totals {
		cell(strconv.Itoa(t), true, widget.MediumImportance)
	}
	cell("", false, widget.MediumImportance) // a spread is per question: the totals have none
	nav := container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome), layout.NewSpacer())
	prev := s.u.button(lang.L("Previous candidate"), func() { s.showPanelGrid(page - 1) })
	next := s.u.button(lang.L("Next candidate"), func() { s.showPanelGrid(page + 1) })
	if page == 0 {
		prev.Disable()
	}
	if page == len(g.Candidates)-1 {
		next.Disable()
	}
	nav.Add(prev)
	nav.Add(widget.NewLabel(lang.L("{{.I}} of {{.N}}", map[string]any{"I": page + 1, "N": len(g.Candidates)})))
	nav.Add(next)
	flag := lang.L("No big disagreement.")
	if c.Flagged > 0 {
		flag = lang.L("{{.N}} question(s) with scores {{.Spread}} or more apart: discuss them.", map[string]any{"N": c.Flagged, "Spread": g.DisagreeAt})
	}
	// The sum of every member's scores heads the page: under the members' totals it would
	// read as a spread.
	status := lang.L("Candidate {{.N}} · all members' scores together: {{.Total}}", map[string]any{"N": c.Number, "Total": c.Total})
	if !g.Complete {
		flag += " " + lang.L("Not every candidate is scored yet.")
	}
	title := subheading(status)
	title.TextStyle.Bold = true
	// The questions in full under the grid (it scrolls), so Q1, Q2 … are not a code to learn.
	legend := container.NewVBox()
	for i, q := range g.Questions {
		l := widget.NewLabel(fmt.Sprintf("Q%d: %s", i+1, q.QuestionText()))
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = theme.SizeNameCaptionText
		legend.Add(l)
	}
	s.u.show("panel-grid", screenIdle, container.NewBorder(
		container.NewVBox(title, para(flag), msg.Label), nav, nil, nil, newTouchScroll(container.NewVBox(grid, legend))))
}

// showPanelDecision is the appointing officer's decision: the selected candidate or none, the
// reasons, confirmed by their PIN.
func (s *panelScreens) showPanelDecision() {
	v, ok := s.state()
	if !ok {
		return
	}
	cs := v.Interviewed()
	selected := "?"
	msg := newErrorLabel()
	chosen := widget.NewLabel(lang.L("Outcome: not chosen yet"))
	row := container.NewHBox()
	var buttons []*Button
	pick := func(n string, b *Button) {
		selected = n
		for _, x := range buttons {
			x.Importance = widget.MediumImportance
			x.Refresh()
		}
		b.Importance = widget.HighImportance
		b.Refresh()
		if n == "" {
			chosen.SetText(lang.L("Outcome: no appointment"))
		} else {
			chosen.SetText(lang.L("Outcome: candidate {{.N}} is selected", map[string]any{"N": n}))
		}
	}
	for _, c := range cs {
		b := s.u.button(c.Number, nil)
		b.OnTapped = func() { s.u.touch(); pick(c.Number, b) }
		buttons = append(buttons, b)
		row.Add(b)
	}
	none := s.u.button(lang.L("No appointment"), nil)
	none.OnTapped = func() { s.u.touch(); pick("", none) }
	buttons = append(buttons, none)
	row.Add(none)
	reasons := newKBEntry(s.u.kb, true)
	reasons.SetPlaceHolder(lang.L("The reasons for the decision"))
	reasons.SetMinRowsVisible(2)
	title := subheading(lang.L("The decision"))
	kb := s.u.newKeyboardPanel(reasons, row, title)
	next := s.u.primary(lang.L("Confirm with my PIN"), func() {
		if selected == "?" {
			msg.SetText(lang.L("Choose the selected candidate, or no appointment."))
			return
		}
		if strings.TrimSpace(reasons.Text) == "" {
			msg.SetText(lang.L("Write the reasons for the decision."))
			return
		}
		s.showPanelDecisionPIN(selected, reasons.Text)
	})
	s.u.show("panel-decision", screenIdle, container.NewBorder(
		container.NewVBox(title, chosen, msg.Label),
		container.NewVBox(container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome), layout.NewSpacer(), kb.toggle, next), kb.box),
		nil, nil, container.NewVBox(newTouchScroll(row), reasons)))
	kb.arm()
}

func (s *panelScreens) showPanelDecisionPIN(selected, reasons string) {
	msg := newErrorLabel()
	pad := s.u.pinPad(func(pin string) {
		if err := s.panel.Decide(s.u.ctx, []byte(pin), selected, reasons); err != nil {
			msg.set(err)
			return
		}
		s.showPanelHome()
	})
	pad.OnKey = s.u.touch
	text := lang.L("No appointment.")
	if selected != "" {
		text = lang.L("Candidate {{.N}} is selected.", map[string]any{"N": selected})
	}
	s.u.show("panel-decision-pin", screenIdle, pinLayout(container.NewVBox(heading(lang.L("Confirm the decision")), para(text),
		para(lang.L("Your PIN records it. It cannot be changed after.")), msg.Label, layout.NewSpacer(),
		s.u.button(lang.L("Back"), s.showPanelDecision)), pad))
	s.u.win.Canvas().Focus(pad)
}

// showPanelExport writes the panel's record to a USB stick as a PDF locked with a password
// typed here (AES-256; any PDF reader opens it with the password). Only the appointing
// officer, after the decision.
func (s *panelScreens) showPanelExport() {
	msg := newErrorLabel()
	sticks := s.u.kiosk.Sticks()
	chosen := ""
	if len(sticks) > 0 {
		chosen = sticks[0]
	}
	where := widget.NewLabel("")
	where.Truncation = fyne.TextTruncateEllipsis
	showWhere := func() {
		if chosen == "" {
			where.SetText(lang.L("No USB stick found: plug one in, then tap Look again."))
		} else {
			where.SetText(lang.L("Stick: {{.Path}}", map[string]any{"Path": chosen}))
		}
	}
	showWhere()
	pw := newKBEntry(s.u.kb, false)
	pw.Password = true
	pw.SetPlaceHolder(lang.L("Password (at least 8 characters)"))
	again := newKBEntry(s.u.kb, false)
	again.Password = true
	again.SetPlaceHolder(lang.L("The password again"))
	s.u.kb.SetTarget(pw)
	next := s.u.button(lang.L("Next stick"), func() {
		sticks = s.u.kiosk.Sticks()
		if len(sticks) == 0 {
			chosen = ""
		} else {
			i := slices.Index(sticks, chosen)
			chosen = sticks[(i+1)%len(sticks)]
		}
		showWhere()
	})
	look := s.u.button(lang.L("Look again"), func() {
		sticks = s.u.kiosk.Sticks()
		chosen = ""
		if len(sticks) > 0 {
			chosen = sticks[0]
		}
		showWhere()
	})
	title := subheading(lang.L("Export the record for the appointing officer"))
	export := s.u.primary(lang.L("Export"), func() {
		path, err := s.panel.Export(s.u.ctx, chosen, pw.Text, again.Text, fynefont.Fonts())
		pw.SetText("")
		again.SetText("")
		if err != nil {
			title.Hide()
			msg.set(err)
			return
		}
		msg.SetText("")
		s.showPanelExported(filepath.Base(path))
	})
	s.u.show("panel-export", screenIdle, container.NewBorder(
		// A refusal takes the title's place: with the keyboard open the screen has no room
		// for both, and the refusal is what the person needs to read then.
		container.NewVBox(title, msg.Label, container.NewBorder(nil, nil, nil, container.NewHBox(look, next), where)),
		container.NewVBox(container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome), layout.NewSpacer(), export), s.u.kb),
		nil, nil, container.NewGridWithColumns(2, pw, again)))
}

func (s *panelScreens) showPanelExported(name string) {
	s.u.show("panel-exported", screenIdle, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Exported")),
		para(lang.L("The record is on the stick as {{.Name}}, locked with the password; its last page is the signed confirmation of understanding. Keep the password apart from the stick. Nothing else of the panel leaves the kiosk.", map[string]any{"Name": name})),
		container.NewCenter(s.u.button(lang.L("Back"), s.showPanelHome)), layout.NewSpacer()))
}
