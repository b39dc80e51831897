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
	"quietroom/app/kiosk/boards"
	"quietroom/app/report/fynefont"
)

// slideRows are the deck's slides as the presentation screen lists them: each slide's counter,
// title and words on one row (cut to the window; the slide show shows it whole), which opens
// the slide show at that slide. The words are the deck's, as the slide show and the PDF say
// them.
func (bs *boardScreens) slideRows(d board.Deck, width float32) []fyne.CanvasObject {
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
		rows = append(rows, bs.itemButton(bs.cutB(text, width), func() { bs.showSlides(i) }))
	}
	return rows
}

// showPresentation previews the presentation, edits the aim of the review and exports the PDF
// (with a team member's PIN).
func (bs *boardScreens) showPresentation() { bs.showPresentationSaying("") }

// showPresentationSaying is showPresentation with a confirmation of what was just done ("" for
// none): the PIN pad of an export goes once the file is written.
func (bs *boardScreens) showPresentationSaying(done string) {
	ob := bs.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	if done != "" {
		msg.done(done)
	}
	_, w, err := bs.boardData()
	if err != nil {
		msg.set(err)
	}
	p, perr := ob.b.Presentation(bs.u.ctx)
	if perr != nil {
		msg.set(perr)
	}
	aim := newKBEntry(bs.u.kb, false)
	aim.SetPlaceHolder(lang.L("The key aim of the review"))
	aim.SetText(w.Aim)
	saveAim := bs.u.button(lang.L("Save the aim"), func() {
		if err := ob.b.SetAim(bs.u.ctx, aim.Text); err != nil {
			msg.set(err)
			return
		}
		bs.showPresentation()
	})
	rows := bs.slideRows(p.Deck(ob.title), bs.u.win.Canvas().Size().Width-60)
	aimText, imp := aimText(w)
	aimLabel := widget.NewLabel(aimText)
	aimLabel.Importance = imp
	kb := bs.u.newKeyboardPanel(aim)
	list := newPager(bs.boardRows(5)-3, rows).view
	kb.aside = []fyne.CanvasObject{list, aimLabel}
	kb.aside = append(kb.aside, bs.boardScreen("board-presentation", container.NewBorder(
		container.NewVBox(msg.Label, container.NewBorder(nil, nil, nil, saveAim, aim), aimLabel), kb.box, nil, nil, list),
		kb.toggle, bs.u.primary(lang.L("Slide show"), func() { bs.showSlides(0) }),
		bs.u.button(lang.L("Export to the USB stick"), bs.showExportWho)))
	kb.arm()
}

// showExportWho asks which team member exports the presentation: their PIN next.
func (bs *boardScreens) showExportWho() {
	ob := bs.boardOpen()
	if ob == nil {
		return
	}
	team, err := boards.Team(bs.u.ctx, bs.u.kiosk, ob.b.EngagementID())
	msg := newErrorLabel()
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, m := range team {
		if m.Waiting {
			continue
		}
		rows = append(rows, bs.u.button(m.Name, func() { bs.showExportPIN(m) }))
	}
	bs.boardScreen("board-export-who", container.NewBorder(
		container.NewVBox(para(lang.L("Two PDFs: the slides (16:9, as shown) and the outline (the text, for your own template).")),
			subheading(lang.L("Exporting needs a team member's PIN. Who is exporting?")), msg.Label), nil, nil, nil,
		newPager(bs.boardRows(3), rows).view))
}

func (bs *boardScreens) showExportPIN(m kiosk.TeamMember) {
	ob := bs.boardOpen()
	if ob == nil {
		return
	}
	msg := newErrorLabel()
	pad := bs.u.pinPad(func(pin string) {
		dirs := bs.u.kiosk.Sticks()
		if len(dirs) == 0 {
			msg.set(kiosk.ErrNoStick)
			return
		}
		s, err := bs.u.kiosk.SignIn(bs.u.ctx, m.ID, []byte(pin))
		if err != nil {
			msg.set(err)
			return
		}
		paths, err := boards.ExportSlides(bs.u.ctx, s, ob.b.EngagementID(), dirs[0], fynefont.Fonts())
		s.SignOut()
		if err != nil {
			msg.set(err)
			return
		}
		bs.showPresentationSaying(lang.L("The presentation is on the USB stick: the slides as {{.Slides}}, the outline as {{.Outline}}.",
			map[string]any{"Slides": fileName(paths[0]), "Outline": fileName(paths[1])}))
	})
	pad.OnKey = bs.u.touch
	bs.u.show("board-export-pin", screenIdle, pinLayout(container.NewVBox(heading(m.Name), para(lang.L("Enter your PIN to export the presentation.")), msg.Label,
		layout.NewSpacer(), bs.u.button(lang.L("Back"), bs.showPresentation)), pad))
	bs.u.onIdle = func() error { bs.closeBoard(); return nil }
	bs.u.win.Canvas().Focus(pad)
}

func fileName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}
