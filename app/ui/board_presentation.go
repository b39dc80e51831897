package ui

import (
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

// slideRows are the deck's slides as the presentation screen lists them: each slide's counter,
// title and words on one row (cut to the window; the slide show shows it whole), which opens
// the slide show at that slide. The words are the deck's, as the slide show and the PDF say
// them.
func (u *UI) slideRows(d board.Deck, width float32) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for i, s := range d.Slides {
		text := d.Counter(i) + " · " + strings.Join(s.Title, " ")
		var body []string
		for _, l := range s.Lines {
			body = append(body, l.Text)
		}
		if len(body) > 0 {
			text += ": " + strings.Join(body, " ")
		}
		rows = append(rows, u.itemButton(u.cutB(text, width), func() { u.showSlides(i) }))
	}
	return rows
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
	rows := u.slideRows(p.Deck(ob.title), u.win.Canvas().Size().Width-60)
	aimText, imp := aimText(w)
	aimLabel := widget.NewLabel(aimText)
	aimLabel.Importance = imp
	kb := u.newKeyboardPanel(aim)
	list := newPager(u.boardRows(5)-3, rows).view
	kb.aside = []fyne.CanvasObject{list, aimLabel}
	kb.aside = append(kb.aside, u.boardScreen("board-presentation", container.NewBorder(
		container.NewVBox(msg.Label, container.NewBorder(nil, nil, nil, saveAim, aim), aimLabel), kb.box, nil, nil, list),
		kb.toggle, u.primary(lang.L("Slide show"), func() { u.showSlides(0) }),
		u.button(lang.L("Export to the USB stick"), u.showExportWho)))
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
		container.NewVBox(para(lang.L("Two PDFs: the slides (16:9, as shown) and the outline (the text, for your own template).")),
			subheading(lang.L("Exporting needs a team member's PIN. Who is exporting?")), msg.Label), nil, nil, nil,
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
		paths, err := s.ExportSlides(u.ctx, ob.b.EngagementID(), dirs[0], fynefont.Fonts())
		s.SignOut()
		if err != nil {
			msg.set(err)
			return
		}
		u.showPresentationSaying(lang.L("The presentation is on the USB stick: the slides as {{.Slides}}, the outline as {{.Outline}}.",
			map[string]any{"Slides": fileName(paths[0]), "Outline": fileName(paths[1])}))
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
