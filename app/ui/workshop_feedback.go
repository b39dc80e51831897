package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/boards"
	"quietroom/app/report/fynefont"
	"quietroom/app/workshop"
)

// ---- Part 3: the host director's next steps; What went well? Even better if ----

func (s *workshopScreens) showFeedback() {
	u := s.u
	msg := newWSLabel()
	ws, _, ok := s.view(msg)
	if !ok {
		return
	}
	var rows []fyne.CanvasObject
	steps := lang.L("Not written yet.")
	if ws.NextSteps != "" {
		steps = ws.NextSteps
	}
	rows = append(rows, container.NewBorder(nil, nil, nil, u.button(lang.L("Write"), func() {
		s.askText("workshop-next-steps", lang.L("The host director's next steps"), lang.L("The next steps the authority will take to respond to the ideas"),
			ws.NextSteps, true, func(text string) error { return s.w.SetNextSteps(u.ctx, text) }, s.showFeedback)
	}), para(lang.L("The host director's next steps: {{.Text}}", map[string]any{"Text": steps}))))
	remarks := func(evenBetter bool, title string, list []string) {
		for i, r := range list {
			rows = append(rows, container.NewBorder(nil, nil, nil, u.button(lang.L("Remove"), func() {
				if err := s.w.RemoveRemark(u.ctx, evenBetter, i); err != nil {
					msg.set(err)
					return
				}
				s.showFeedback()
			}), para(title+" "+r)))
		}
	}
	remarks(false, lang.L("What went well?"), ws.WentWell)
	remarks(true, lang.L("Even better if"), ws.EvenBetter)
	add := func(evenBetter bool, title string) *Button {
		return u.button(title, func() {
			s.askText("workshop-remark", title, lang.L("The whole group's answer"), "", true,
				func(text string) error { return s.w.AddRemark(u.ctx, evenBetter, text) }, s.showFeedback)
		})
	}
	s.show("workshop-feedback", container.NewBorder(
		container.NewVBox(heading(lang.L("3. Feedback")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), func() { s.showHome("") }), layout.NewSpacer(),
			add(false, lang.L("What went well?")), add(true, lang.L("Even better if"))), nil, nil,
		newPager(u.rowsPerPage(3), rows).view))
}

// ---- Part 4: the timetable ----

// showTimings is the handbook's timetable from 14.15: each step's time and minutes (changeable)
// and Start, with the time left for the step running.
func (s *workshopScreens) showTimings() {
	u := s.u
	msg := newWSLabel()
	ws, _, ok := s.view(msg)
	if !ok {
		return
	}
	tt := ws.Timetable
	var rows []fyne.CanvasObject
	for i, st := range tt.Steps {
		minutes := widget.NewLabel(lang.L("{{.N}} min", map[string]any{"N": st.Minutes}))
		change := func(d int) func() {
			return func() {
				if err := s.w.SetMinutes(u.ctx, i, min(max(st.Minutes+d, 1), workshop.MaxMinutes)); err != nil {
					msg.set(err)
					return
				}
				s.showTimings()
			}
		}
		start := u.button(lang.L("Start"), func() {
			if err := s.w.StartStep(u.ctx, i); err != nil {
				msg.set(err)
				return
			}
			s.showTimings()
		})
		if tt.Running == i {
			start.Importance = widget.HighImportance
		}
		title := widget.NewLabel(tt.At(i) + "  " + cutToWidth(st.Title, u.win.Canvas().Size().Width-420))
		rows = append(rows, container.NewBorder(nil, nil, nil,
			container.NewHBox(u.iconButton(theme.ContentRemoveIcon(), change(-5)), minutes, u.iconButton(theme.ContentAddIcon(), change(5)), start), title))
	}
	rows = append(rows, widget.NewLabel(tt.At(len(tt.Steps))+"  "+lang.L("Finish")))
	stop := u.button(lang.L("Stop the clock"), func() {
		if err := s.w.StartStep(u.ctx, -1); err != nil {
			msg.set(err)
			return
		}
		s.showTimings()
	})
	clock := para(s.timing(ws))
	s.show("workshop-timings", container.NewBorder(
		container.NewVBox(heading(lang.L("4. Timings")), clock, msg.Label),
		container.NewHBox(u.button(lang.L("Back"), func() { s.showHome("") }), layout.NewSpacer(), stop), nil, nil,
		newPager(u.rowsPerPage(4), rows).view), func() { clock.SetText(s.timing(ws)) })
}

// ---- The follow-up visit ----

// showFollowUp is the follow-up visit's agenda in the handbook's words, with the workshop's
// goals and chosen actions beside it, and its export.
func (s *workshopScreens) showFollowUp() {
	u := s.u
	msg := newWSLabel()
	ws, _, ok := s.view(msg)
	if !ok {
		return
	}
	agenda := container.NewVBox(subheading(lang.L("Agenda")))
	for i, a := range workshop.Agenda {
		agenda.Add(para(strconv.Itoa(i+1) + ". " + a))
	}
	actions := container.NewVBox(subheading(lang.L("The chosen actions")))
	for _, b := range ws.BestIdeas() {
		l := para(tableTitle(b.Table) + ": " + b.Goal)
		l.TextStyle.Bold = true
		actions.Add(l)
		for i, idea := range b.Ideas {
			actions.Add(para(strconv.Itoa(i+1) + ". " + idea))
		}
	}
	if len(ws.BestIdeas()) == 0 {
		actions.Add(para(lang.L("No table has chosen its three actions yet.")))
	}
	s.show("workshop-follow-up", container.NewBorder(
		container.NewVBox(heading(lang.L("The follow-up visit")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), func() { s.showHome("") }), layout.NewSpacer(),
			u.primary(lang.L("Export the agenda"), func() { s.showExportWho(exportFollowUp) })), nil, nil,
		container.NewGridWithColumns(2, newTouchScroll(agenda), newTouchScroll(actions))))
}

// ---- Export, with a team member's PIN ----

// What an export writes.
type exportKind int

const (
	exportWorkshop exportKind = iota // the workshop's PDF and CSV
	exportWithPresentation
	exportFollowUp
)

// showExportWho asks which team member exports: their PIN next.
func (s *workshopScreens) showExportWho(kind ...exportKind) {
	u := s.u
	ob := u.boards.boardOpen()
	if ob == nil {
		return
	}
	k := exportWorkshop
	if len(kind) > 0 {
		k = kind[0]
	}
	team, err := boards.Team(u.ctx, u.kiosk, ob.b.EngagementID())
	msg := newWSLabel()
	msg.set(err)
	var what []fyne.CanvasObject
	for i, label := range []string{lang.L("Workshop"), lang.L("Workshop and slides"), lang.L("Follow-up agenda")} {
		b := u.button(label, func() { s.showExportWho(exportKind(i)) })
		if exportKind(i) == k {
			b.Importance = widget.HighImportance
		}
		what = append(what, b)
	}
	var rows []fyne.CanvasObject
	for _, m := range team {
		if m.Waiting {
			continue
		}
		rows = append(rows, u.button(m.Name, func() { s.showExportPIN(m, k) }))
	}
	s.show("workshop-export-who", container.NewBorder(
		container.NewVBox(subheading(lang.L("Export the workshop (PDF and CSV), with the presentation's slides and outline or without, or the follow-up visit's agenda (PDF). It needs a team member's PIN: who is exporting?")), container.NewGridWithColumns(3, what...), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), func() { s.showHome("") })), nil, nil,
		newPager(u.rowsPerPage(2), rows).view))
}

func (s *workshopScreens) showExportPIN(m kiosk.TeamMember, k exportKind) {
	u := s.u
	ob := u.boards.boardOpen()
	if ob == nil {
		return
	}
	msg := newWSLabel()
	pad := u.pinPad(func(pin string) {
		dirs := u.kiosk.Sticks()
		if len(dirs) == 0 {
			msg.set(kiosk.ErrNoStick)
			return
		}
		signed, err := u.kiosk.SignIn(u.ctx, m.ID, []byte(pin))
		if err != nil {
			msg.set(err)
			return
		}
		defer signed.SignOut()
		var paths []string
		switch k {
		case exportFollowUp:
			var p string
			p, err = boards.ExportFollowUp(u.ctx, signed, ob.b.EngagementID(), dirs[0], fynefont.Fonts())
			paths = []string{p}
		default:
			paths, err = boards.ExportWorkshop(u.ctx, signed, ob.b.EngagementID(), dirs[0], fynefont.Fonts(), k == exportWithPresentation)
		}
		if err != nil {
			msg.set(err)
			return
		}
		var names []string
		for _, p := range paths {
			names = append(names, fileName(p))
		}
		s.showHome(lang.L("On the USB stick: {{.Files}}.", map[string]any{"Files": joinNames(names)}))
	})
	pad.OnKey = u.touch
	s.show("workshop-export-pin", pinLayout(container.NewVBox(heading(m.Name), para(lang.L("Enter your PIN to export.")), msg.Label,
		layout.NewSpacer(), u.button(lang.L("Back"), func() { s.showExportWho(k) })), pad))
	u.win.Canvas().Focus(pad)
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}
