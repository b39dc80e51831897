package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/protocol"
	"quietroom/app/session"
)

// showHandOver is the interviewer's last screen before the interviewee reads: the session is
// started (the light says occupied), nothing is stored yet.
func (s *sessionScreens) showHandOver() {
	info, _ := s.u.engine.Info()
	msg := newErrorLabel()
	text := lang.L("Interviewee: {{.Label}}. Hand the screen to the interviewee to read the information and give consent.", map[string]any{"Label": info.Label})
	if info.Participants > 1 {
		text = lang.L("Small-group interview: {{.Label}}, {{.N}} participants. Hand the screen to each participant in turn to read the information and give consent.",
			map[string]any{"Label": info.Label, "N": info.Participants})
	}
	s.u.show("hand-over", screenLive, container.NewBorder(nil,
		container.NewHBox(s.u.button(lang.L("Cancel this session"), func() {
			if err := s.u.engine.Withdraw(s.u.ctx); err != nil {
				msg.set(err)
				return
			}
			s.u.showHome()
		})), nil, nil,
		container.NewVBox(layout.NewSpacer(),
			heading(lang.L("Ready")),
			para(text),
			msg.Label,
			container.NewCenter(s.guidanceButton(s.showHandOver)),
			container.NewCenter(s.u.primary(lang.L("Hand the screen to the interviewee"), func() {
				if err := s.u.engine.ShowPreamble(s.u.ctx); err != nil {
					msg.set(err)
					return
				}
				s.showPreamble(0)
			})),
			layout.NewSpacer())))
}

// showPreamble is the interviewee's information, one page at a time, in large text.
func (s *sessionScreens) showPreamble(page int) {
	info, ok := s.u.engine.Info()
	if !ok || info.Pack == nil {
		s.u.showHome()
		return
	}
	msg := newErrorLabel()
	pages, err := info.Pack.FillPreamble(protocol.PreambleValues{Minutes: int(info.Duration.Minutes()),
		DeletionDate: info.DeletionDate, FollowUpDate: info.FollowUpDate})
	if err != nil || len(pages) == 0 {
		msg.set(err)
		pages = nil
	}
	page = min(max(page, 0), max(len(pages)-1, 0))
	title, text := heading(""), widget.NewLabel("")
	// The page's text scrolls (a finger drags it) where the larger text makes it longer than
	// the screen.
	text.Wrapping = fyne.TextWrapWord
	text.SizeName = theme.SizeNameSubHeadingText
	if len(pages) > 0 {
		title.SetText(pages[page].Title)
		text.SetText(pages[page].Text)
	}
	nav := container.NewHBox()
	if page > 0 {
		nav.Add(s.u.button(lang.L("Back"), func() { s.showPreamble(page - 1) }))
	}
	nav.Add(layout.NewSpacer())
	nav.Add(widget.NewLabel(lang.L("Page {{.Page}} of {{.Pages}}", map[string]any{"Page": page + 1, "Pages": max(len(pages), 1)})))
	if info.Participants > 1 {
		nav.Add(widget.NewLabel(participantOf(info)))
	}
	nav.Add(layout.NewSpacer())
	if page < len(pages)-1 {
		nav.Add(s.u.primary(lang.L("Next"), func() { s.showPreamble(page + 1) }))
	} else {
		nav.Add(s.u.primary(lang.L("Continue to consent"), func() {
			if err := s.u.engine.ShowConsent(s.u.ctx); err != nil {
				msg.set(err)
				return
			}
			s.showConsent()
		}))
	}
	s.u.show("preamble", screenInterviewee, container.NewBorder(
		container.NewBorder(nil, nil, nil, container.NewVBox(s.u.button(lang.L("I do not want to take part"), s.confirmDecline)), title),
		container.NewVBox(msg.Label, nav), nil, nil, newTouchScroll(text)))
}

// participantOf says whose turn it is in a small-group interview: "Participant 2 of 5".
func participantOf(info session.Info) string {
	return lang.L("Participant {{.N}} of {{.Of}}", map[string]any{"N": info.Turn, "Of": info.Participants})
}

// afterParticipant goes on from one participant's consent or decline as the engine says: the
// next participant's preamble, the questions (hand the screen back), or the end of a session
// nobody took part in.
func (s *sessionScreens) afterParticipant(declined bool) {
	switch s.u.engine.State() {
	case session.StatePreamble:
		s.showNextParticipant(declined)
	case session.StateDeclined:
		s.showDeclined()
	default:
		s.showHandBack()
	}
}

// showNextParticipant thanks a participant of a small group and asks for the screen to go to
// the next one, who reads the information from its first page.
func (s *sessionScreens) showNextParticipant(declined bool) {
	info, _ := s.u.engine.Info()
	said := lang.L("Your choices are recorded.")
	if declined {
		said = lang.L("You chose not to take part. Nothing about you is kept.")
	}
	s.u.show("next-participant", screenInterviewee, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Thank you")),
		para(said),
		subheading(lang.L("Please hand the screen to the next participant.")),
		container.NewCenter(s.u.primary(lang.L("I am participant {{.N}} of {{.Of}}: start reading", map[string]any{"N": info.Turn, "Of": info.Participants}),
			func() { s.showPreamble(0) })),
		layout.NewSpacer()))
}

// confirmDecline asks the interviewee to confirm that they decline.
func (s *sessionScreens) confirmDecline() {
	back := s.u.resumeLive
	msg := newErrorLabel()
	info, _ := s.u.engine.Info()
	fine := lang.L("That is fine. Nothing from this session will be kept.")
	if info.Participants > 1 {
		fine = lang.L("That is fine. You will not be part of this interview, and nothing about you will be kept; the others can go on.")
	}
	s.u.show("decline-confirm", screenInterviewee, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Do not take part?")),
		para(fine),
		msg.Label,
		container.NewHBox(layout.NewSpacer(),
			s.u.button(lang.L("Go back"), func() { back() }),
			s.u.primary(lang.L("Yes, I do not want to take part"), func() {
				// "Thank you" only once the session is really gone; otherwise say so here,
				// where the interviewee can try again or hand the screen back.
				if err := s.u.engine.Decline(s.u.ctx); err != nil {
					s.u.fail("decline", err)
					msg.SetText(lang.L("This did not work: {{.Reason}} Please try again, or hand the screen to the interviewer.", map[string]any{"Reason": message(err)}))
					return
				}
				s.afterParticipant(true)
			}), layout.NewSpacer()),
		layout.NewSpacer()))
}

// showDeclined ends a declined session: nothing is kept but a count.
func (s *sessionScreens) showDeclined() {
	s.u.show("declined", screenInterviewee, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Thank you")),
		para(lang.L("You chose not to take part. Nothing from this session has been kept.")),
		para(lang.L("Please hand the screen back to the interviewer.")),
		container.NewCenter(s.u.button(lang.L("Done"), s.u.showHome)), layout.NewSpacer()))
}

// showConsent asks for each consent point as an explicit choice; none is pre-selected.
func (s *sessionScreens) showConsent() {
	info, ok := s.u.engine.Info()
	if !ok || info.Pack == nil {
		s.u.showHome()
		return
	}
	choices := map[string]bool{}
	msg := newErrorLabel()
	sig := NewSignaturePad()
	rows := s.u.consentRows(info.Pack.Consent, choices)
	give := s.u.primary(lang.L("Confirm my choices"), func() {
		for _, p := range info.Pack.Consent {
			if _, ok := choices[p.ID]; !ok {
				msg.SetText(lang.L("Please choose Yes or No for every point."))
				return
			}
		}
		var signature []byte
		if !sig.Empty() {
			signature = sig.Bytes()
		}
		st, err := s.u.engine.GiveConsent(s.u.ctx, session.Consent{Choices: choices, Signature: signature})
		if err != nil {
			msg.set(err)
			return
		}
		refused := false
		for _, p := range info.Pack.Consent {
			refused = refused || p.Required && !choices[p.ID]
		}
		if st == session.StateDeclined {
			s.showDeclined()
			return
		}
		s.afterParticipant(refused)
	})
	title := lang.L("Your consent")
	if info.Participants > 1 {
		title = lang.L("Your consent ({{.Who}})", map[string]any{"Who": participantOf(info)})
	}
	s.u.show("consent", screenInterviewee, container.NewBorder(
		container.NewBorder(nil, nil, nil, s.u.button(lang.L("I do not want to take part"), s.confirmDecline), heading(title)),
		container.NewVBox(msg.Label, container.NewHBox(
			s.u.button(lang.L("Read the information again"), func() {
				if err := s.u.engine.ShowPreamble(s.u.ctx); err != nil {
					msg.set(err)
					return
				}
				s.showPreamble(0)
			}),
			layout.NewSpacer(), give)),
		nil,
		container.NewVBox(widget.NewLabel(lang.L("Signature or initials (optional)")), sig,
			s.u.button(lang.L("Clear signature"), sig.Clear)),
		// The points scroll (a finger drags them) where the larger text makes them longer than
		// the screen: every choice stays on one screen with the button that confirms them.
		newTouchScroll(container.NewVBox(rows...))))
}

// showHandBack asks the interviewee to return the screen; the interviewer's PIN continues.
func (s *sessionScreens) showHandBack() {
	info, _ := s.u.engine.Info()
	name := ""
	if ivs, err := s.u.kiosk.Interviewers(s.u.ctx); err == nil {
		for _, iv := range ivs {
			if iv.ID == info.InterviewerID {
				name = iv.DisplayName
			}
		}
	}
	msg := newErrorLabel()
	pad := s.u.pinPad(func(pin string) {
		si, err := s.u.kiosk.SignIn(s.u.ctx, info.InterviewerID, []byte(pin))
		if err != nil {
			msg.set(err)
			return
		}
		si.SignOut()
		s.showQuestions()
	})
	pad.OnKey = s.u.touch
	s.u.show("hand-back", screenInterviewee, pinLayout(container.NewVBox(layout.NewSpacer(), heading(lang.L("Thank you")),
		subheading(lang.L("Please hand the screen back to the interviewer.")),
		para(lang.L("{{.Name}}: enter your PIN to continue.", map[string]any{"Name": name})), msg.Label, layout.NewSpacer()), pad))
	s.u.win.Canvas().Focus(pad) // a USB keyboard types into the pad too
}
