package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/board"
	"quietroom/app/kiosk"
	"quietroom/app/report/fynefont"
)

// presentationBlocks is the presentation as the screen previews it, in the PDF's order.
func presentationBlocks(p board.Presentation) []string {
	var out []string
	out = append(out, lang.L("Key aim of the review: {{.Aim}}", map[string]any{"Aim": p.Aim}))
	var groups []string
	for _, g := range p.Interviewed.Groups {
		groups = append(groups, fmt.Sprintf("%s (%d)", g.Group, g.Count))
	}
	m := p.Methodology
	who := lang.L("Who was interviewed: {{.Groups}}; {{.Total}} people in {{.N}} interviews.",
		map[string]any{"Groups": strings.Join(groups, ", "), "Total": p.Interviewed.Total, "N": m.Interviews})
	if p.Interviewed.SmallPeople > 0 {
		who += " " + lang.L("{{.N}} more in groups of fewer than {{.T}}, not shown on their own.", map[string]any{"N": p.Interviewed.SmallPeople, "T": p.Interviewed.Threshold})
	}
	out = append(out, who)
	out = append(out, lang.L("Methodology: {{.OneToOne}} one-to-one and {{.Group}} small-group interviews; question sets: {{.Sets}}.",
		map[string]any{"OneToOne": m.OneToOne, "Group": m.SmallGroup, "Sets": strings.Join(m.QuestionSets, "; ")}))
	for _, t := range p.Themes {
		// Key quotes in quotation marks; the theme's notes and post-its as the team's words.
		out = append(out, lang.L("Theme: {{.Name}}", map[string]any{"Name": t.Name})+quoted(t.Quotes)+points(t.Points))
	}
	for i, in := range p.Insights {
		out = append(out, fmt.Sprintf("%d. %s %s", i+1, in.Statement, in.Description)+quoted(in.Quotes))
	}
	if len(p.Ideas) > 0 {
		out = append(out, lang.L("Solution ideas for the workshop: {{.Ideas}}", map[string]any{"Ideas": strings.Join(p.Ideas, "; ")}))
	}
	return out
}

func points(ps []string) string {
	s := ""
	for _, p := range ps {
		s += " · " + p
	}
	return s
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
func (u *UI) showPresentation() { u.showPresentationSaying("") }

// showPresentationSaying is showPresentation with a confirmation of what was just done ("" for
// none): the PIN pad of an export goes once the file is written.
func (u *UI) showPresentationSaying(done string) {
	ob := u.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	if done != "" {
		msg.done(done)
	}
	_, w, err := u.boardData()
	if err != nil {
		msg.set(err)
	}
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
		u.showPresentationSaying(lang.L("The presentation is on the USB stick as {{.File}}.", map[string]any{"File": fileName(path)}))
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
