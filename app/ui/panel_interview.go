package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
	"quietroom/app/protocol"
	"quietroom/app/session"
)

// showPanelInterviewPick chooses the candidate the chair interviews next.
func (s *panelScreens) showPanelInterviewPick() {
	v, ok := s.state()
	if !ok {
		return
	}
	cs, ready := v.Active(), v.NotReady
	msg := newErrorLabel()
	msg.set(ready)
	var rows []fyne.CanvasObject
	for _, c := range cs {
		text := lang.L("Candidate {{.N}}", map[string]any{"N": c.Number})
		if !c.InterviewedAt.IsZero() {
			text = lang.L("Candidate {{.N}} (interviewed: show the questions again)", map[string]any{"N": c.Number})
		}
		b := s.u.button(text, func() {
			if !c.InterviewedAt.IsZero() {
				s.showPanelPrompts(c.Number, 0, c.InterviewedAt)
				return
			}
			s.showPanelPreamble(c.Number, 0)
		})
		if ready != nil {
			b.Disable()
		}
		rows = append(rows, b)
	}
	if len(cs) == 0 {
		rows = append(rows, para(lang.L("No candidates yet. Add them by number first.")))
	}
	s.u.show("panel-interview-pick", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Which candidate is here?")), msg.Label),
		container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome)), nil, nil,
		s.u.newFitPages(rows)))
}

// showPanelPreamble is the candidate's information, in large text: the candidate holds the
// screen, with no way to the panel's screens.
func (s *panelScreens) showPanelPreamble(number string, page int) {
	p := s.panelPack()
	var deletion time.Time
	if engs, err := s.u.kiosk.Engagements(s.u.ctx); err == nil {
		v, _ := s.state()
		for _, e := range engs {
			if e.ID == v.EngagementID {
				deletion = e.DeletionDate
			}
		}
	}
	pages, err := p.PreamblePages(p.DurationMinutes, deletion)
	msg := newErrorLabel()
	msg.set(err)
	if len(pages) == 0 {
		pages = []protocol.Page{{}}
	}
	page = min(max(page, 0), len(pages)-1)
	text := widget.NewLabel(pages[page].Text)
	text.Wrapping = fyne.TextWrapWord
	text.SizeName = theme.SizeNameSubHeadingText
	nav := container.NewHBox()
	if page > 0 {
		nav.Add(s.u.button(lang.L("Back"), func() { s.showPanelPreamble(number, page-1) }))
	}
	nav.Add(layout.NewSpacer())
	nav.Add(widget.NewLabel(lang.L("Page {{.Page}} of {{.Pages}}", map[string]any{"Page": page + 1, "Pages": len(pages)})))
	nav.Add(layout.NewSpacer())
	if page < len(pages)-1 {
		nav.Add(s.u.primary(lang.L("Next"), func() { s.showPanelPreamble(number, page+1) }))
	} else {
		nav.Add(s.u.primary(lang.L("Continue to consent"), func() { s.showPanelConsent(number) }))
	}
	s.u.show("panel-preamble", screenInterviewee, container.NewBorder(
		container.NewBorder(nil, nil, nil, s.u.button(lang.L("I do not want to take part"), func() { s.showPanelDecline(number, func() { s.showPanelPreamble(number, page) }) }), heading(pages[page].Title)),
		container.NewVBox(msg.Label, nav), nil, nil, newTouchScroll(text)))
}

// showPanelConsent asks the candidate's consent, each point an explicit choice.
func (s *panelScreens) showPanelConsent(number string) {
	p := s.panelPack()
	choices := map[string]bool{}
	msg := newErrorLabel()
	rows := s.u.consentRows(p.Consent, choices)
	// A message about the choices goes once every point has one: it no longer applies.
	for _, b := range buttonsIn(rows) {
		tapped := b.OnTapped
		b.OnTapped = func() {
			tapped()
			if len(choices) >= len(p.Consent) {
				msg.SetText("")
			}
		}
	}
	give := s.u.primary(lang.L("Confirm my choices"), func() {
		// The kiosk keeps the consent rule; the screen words its answer for the candidate.
		err := s.panel.RecordConsent(s.u.ctx, number, panels.CandidateConsent{Choices: choices, TextHash: p.Hash})
		switch {
		case errors.Is(err, protocol.ErrInvalidConsent):
			msg.SetText(lang.L("Please choose Yes or No for every point."))
		case errors.Is(err, panel.ErrConsentRefused):
			msg.SetText(lang.L("The interview needs your agreement to the points that are not optional. If you do not agree, please tell the panel."))
		case err != nil:
			msg.set(err)
		default:
			s.showPanelHandBack(number)
		}
	})
	s.u.show("panel-consent", screenInterviewee, container.NewBorder(
		container.NewBorder(nil, nil, nil, s.u.button(lang.L("I do not want to take part"), func() { s.showPanelDecline(number, func() { s.showPanelConsent(number) }) }), heading(lang.L("Your consent"))),
		container.NewVBox(msg.Label, container.NewHBox(s.u.button(lang.L("Read the information again"), func() { s.showPanelPreamble(number, 0) }), layout.NewSpacer(), give)),
		nil, nil, newTouchScroll(container.NewVBox(rows...))))
}

// buttonsIn lists the buttons in objs and the containers in them.
func buttonsIn(objs []fyne.CanvasObject) []*Button {
	var out []*Button
	for _, o := range objs {
		switch x := o.(type) {
		case *Button:
			out = append(out, x)
		case *fyne.Container:
			out = append(out, buttonsIn(x.Objects)...)
		}
	}
	return out
}

// showPanelDecline asks the candidate who does not want to take part to say so once more (a
// tap by mistake goes back): the kiosk then records that they declined to consent
// (DeclineConsent), and the screen goes back to the panel.
func (s *panelScreens) showPanelDecline(number string, back func()) {
	msg := newErrorLabel()
	decline := s.u.primary(lang.L("I do not want to take part"), func() {
		if err := s.panel.DeclineConsent(s.u.ctx, number); err != nil {
			msg.set(err)
			return
		}
		s.showPanelDeclined()
	})
	s.u.show("panel-decline", screenInterviewee, container.NewBorder(
		heading(lang.L("You do not want to take part?")),
		container.NewVBox(msg.Label, container.NewHBox(s.u.button(lang.L("Back"), back), layout.NewSpacer(), decline)), nil, nil,
		newTouchScroll(para(lang.L("That is your choice. The panel's record will say only that you declined to consent to the interview, and you will not be interviewed. This cannot be undone.")))))
}

// showPanelDeclined ends a candidate's interview before it starts: only that they declined is
// recorded, and the chair's PIN takes the screen back to the panel.
func (s *panelScreens) showPanelDeclined() {
	msg := newErrorLabel()
	pad := s.u.pinPad(func(pin string) {
		if err := s.panel.ConfirmPIN(s.u.ctx, []byte(pin)); err != nil {
			msg.set(err)
			return
		}
		s.showPanelHome()
	})
	pad.OnKey = s.u.touch
	s.u.show("panel-declined", screenInterviewee, pinLayout(container.NewVBox(
		heading(lang.L("Thank you")),
		para(lang.L("That is fine. Nothing about an interview has been recorded, only that you declined.")),
		para(lang.L("Please hand the screen back to {{.Name}}.", map[string]any{"Name": s.panel.Name()})),
		para(lang.L("{{.Name}}: your PIN takes the screen back.", map[string]any{"Name": s.panel.Name()})), msg.Label), pad))
	s.u.win.Canvas().Focus(pad)
}

// showPanelHandBack asks the candidate to return the screen; the chair's PIN starts the
// questions (and, for the first candidate, fixes the question set).
func (s *panelScreens) showPanelHandBack(number string) {
	msg := newErrorLabel()
	pad := s.u.pinPad(func(pin string) {
		if err := s.panel.ConfirmPIN(s.u.ctx, []byte(pin)); err != nil {
			msg.set(err)
			return
		}
		if err := s.panel.StartInterview(s.u.ctx, number); err != nil {
			msg.set(err)
			return
		}
		v, _ := s.state()
		c, _ := v.Candidate(number)
		s.showPanelPrompts(number, 0, c.InterviewedAt)
	})
	pad.OnKey = s.u.touch
	s.u.show("panel-hand-back", screenInterviewee, pinLayout(container.NewVBox(
		heading(lang.L("Thank you")),
		para(lang.L("Please hand the screen back to {{.Name}}.", map[string]any{"Name": s.panel.Name()})),
		para(lang.L("{{.Name}}: your PIN shows the questions.", map[string]any{"Name": s.panel.Name()})), msg.Label), pad))
	s.u.win.Canvas().Focus(pad)
}

// showPanelPrompts shows the chair the questions one at a time, in the fixed order, with who
// asks each and the time; there is no skip: a question not answered is scored "no answer".
func (s *panelScreens) showPanelPrompts(number string, i int, started time.Time) {
	v, ok := s.state()
	if !ok {
		return
	}
	qs := v.Questions
	if len(qs) == 0 {
		s.showPanelHome()
		return
	}
	i = min(max(i, 0), len(qs)-1)
	names := s.names()
	p := s.panelPack()
	planned := time.Duration(p.DurationMinutes) * time.Minute
	timer := widget.NewLabel("")
	tick := func() {
		now := s.u.kiosk.Now()
		el := max(now.Sub(started), 0)
		s.u.wakeWithin(untilMinute(now, started))
		if left := planned - el; left > 0 && left <= time.Minute {
			s.u.wakeWithin(time.Second) // the last minute counts seconds
		}
		text := lang.L("{{.Elapsed}} elapsed · {{.Left}} left", map[string]any{"Elapsed": minutesText(el, false), "Left": minutesText(max(planned-el, 0), true)})
		if el > planned {
			text = lang.L("{{.Elapsed}} elapsed · {{.Over}} over time", map[string]any{"Elapsed": minutesText(el, false), "Over": minutesText(el-planned, false)})
			timer.Importance = widget.DangerImportance
		}
		if timer.Text != text {
			timer.SetText(text)
		}
	}
	tick()
	q := qs[i]
	question := widget.NewLabel(q.QuestionText())
	question.Wrapping = fyne.TextWrapWord
	question.SizeName = theme.SizeNameSubHeadingText
	asker := widget.NewLabel(lang.L("Asked by {{.Name}}", map[string]any{"Name": names[q.AskedBy]}))
	asker.TextStyle.Italic = true
	prev := s.u.button(lang.L("Previous"), func() { s.showPanelPrompts(number, i-1, started) })
	if i == 0 {
		prev.Disable()
	}
	var next *Button
	if i < len(qs)-1 {
		next = s.u.primary(lang.L("Next question"), func() { s.showPanelPrompts(number, i+1, started) })
	} else {
		next = s.u.primary(lang.L("End the interview"), func() {
			engID, next := v.EngagementID, s.afterInterview(number)
			s.panel.EndInterview() // the room light shows the room free again
			s.close()
			s.showPanelLobby(engID, next)
		})
	}
	top := container.NewBorder(nil, nil, nil, timer, widget.NewLabel(lang.L("Candidate {{.N}} · question {{.I}} of {{.Total}}", map[string]any{"N": number, "I": i + 1, "Total": len(qs)})))
	s.u.show("panel-prompts", screenLive, container.NewBorder(top,
		container.NewVBox(para(lang.L("Ask every question the same way, as written. If the candidate does not answer, move on: the panel records \"no answer\" when scoring.")),
			container.NewHBox(prev, layout.NewSpacer(), next)),
		nil, nil, newTouchScroll(container.NewVBox(question, asker))))
	s.u.onTick = func(session.Status) { tick() }
}
