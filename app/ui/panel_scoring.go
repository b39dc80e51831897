package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
	"quietroom/app/session"
)

// showPanelLobby is the panel's table between members: who has scored the candidate (never a
// score); each member signs in with their own PIN.
func (s *panelScreens) showPanelLobby(engagementID, candidate string) {
	s.close()
	s.u.signOut()
	msg := newErrorLabel()
	l, err := panels.Lobby(s.u.ctx, s.u.kiosk, engagementID)
	if err != nil {
		msg.set(err)
	}
	waiting, _ := s.u.kiosk.Waiting(s.u.ctx, kiosk.GroupPanel, engagementID)
	var rows []fyne.CanvasObject
	for _, m := range l.Members {
		text := m.DisplayName
		switch {
		case slices.ContainsFunc(waiting, func(w kiosk.TeamMember) bool { return w.ID == m.ID }):
			text = lang.L("{{.Name}}: waiting to be let in again", map[string]any{"Name": m.DisplayName})
		case candidate != "" && !l.Known:
			// Who has scored is sealed; since a restart the kiosk has not seen it. Saying "to
			// score" would be a guess.
		case candidate != "":
			if slices.Contains(l.Submitted[candidate], m.ID) {
				text = lang.L("{{.Name}}: scored", map[string]any{"Name": m.DisplayName})
			} else {
				text = lang.L("{{.Name}}: to score", map[string]any{"Name": m.DisplayName})
			}
		}
		rows = append(rows, s.u.button(text, func() { s.showPanelPIN(m, engagementID, candidate) }))
	}
	title := lang.L("Panel: {{.Title}}", map[string]any{"Title": l.Title})
	sub := lang.L("Each member signs in with their own PIN.")
	if candidate != "" {
		title = lang.L("Candidate {{.N}}: each member scores on their own", map[string]any{"N": candidate})
		sub = lang.L("Nobody sees the others' scores before every member has given theirs.")
		if !l.Known {
			sub += " " + lang.L("Since the kiosk restarted it knows who has scored only once a member signs in.")
		}
	}
	s.u.show("panel-lobby", screenIdle, container.NewBorder(
		container.NewVBox(heading(title), para(sub), msg.Label),
		container.NewHBox(s.u.button(lang.L("Done"), s.u.showHome)), nil, nil,
		s.u.newFitPages(rows)))
}

// showPanelPIN signs a member in from the lobby and opens the panel for them: to score the
// candidate when they have not yet, otherwise to the panel's overview.
func (s *panelScreens) showPanelPIN(m session.Interviewer, engagementID, candidate string) {
	msg := newErrorLabel()
	if w, err := s.u.kiosk.PINDelay(s.u.ctx, m.ID); err != nil {
		msg.set(err)
	} else if w > 0 {
		msg.SetText(lang.L("Too many wrong PINs. Try again in {{.Seconds}} seconds.", map[string]any{"Seconds": int(w.Seconds())}))
	}
	pad := s.u.pinPad(func(pin string) {
		in, err := s.u.kiosk.SignIn(s.u.ctx, m.ID, []byte(pin))
		if err != nil {
			msg.set(err)
			return
		}
		pm, err := panels.Open(s.u.ctx, in, engagementID)
		if err != nil {
			in.SignOut()
			msg.set(err)
			return
		}
		s.panel = pm
		if candidate != "" && !pm.Submitted(candidate) {
			s.scoreOrNotes(candidate)
			return
		}
		s.showPanelHome()
	})
	pad.OnKey = s.u.touch
	s.u.show("panel-pin", screenIdle, pinLayout(container.NewVBox(heading(m.DisplayName), para(lang.L("Enter your PIN.")), msg.Label, layout.NewSpacer(),
		s.u.button(lang.L("Cancel"), func() { s.showPanelLobby(engagementID, candidate) })), pad))
	s.u.win.Canvas().Focus(pad)
}

// showPanelScorePick chooses a candidate to score.
func (s *panelScreens) showPanelScorePick() {
	v, ok := s.state()
	if !ok {
		return
	}
	cs := v.Interviewed()
	done := map[string]bool{}
	for _, c := range cs {
		done[c.Number] = c.Submitted
	}
	var rows []fyne.CanvasObject
	for _, c := range cs {
		text := lang.L("Candidate {{.N}}: to score", map[string]any{"N": c.Number})
		if done[c.Number] {
			text = lang.L("Candidate {{.N}}: scored (see the panel's scores)", map[string]any{"N": c.Number})
		}
		rows = append(rows, s.u.button(text, func() {
			if done[c.Number] {
				s.showPanelSheets(c.Number)
				return
			}
			s.showPanelScore(c.Number, 0)
		}))
	}
	s.u.show("panel-score-pick", screenIdle, container.NewBorder(subheading(lang.L("Which candidate?")),
		container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome)), nil, nil, s.u.newFitPages(rows)))
}

// showPanelScore is one question of the member's own sheet: a score button per level with its
// label and the question's anchor, "no answer", and a short reason. Each is saved as it is
// given. After the last question, the notes, then Submit.
func (s *panelScreens) showPanelScore(number string, i int) {
	v, ok := s.state()
	if !ok {
		return
	}
	qs, scale := v.Questions, v.Scale
	var (
		mark  panel.Mark
		notes string
	)
	if sh, err := s.panel.Sheet(s.panel.ID(), number); err == nil {
		if i < len(qs) {
			mark = sh.Mark(qs[i].ID)
		}
		notes = sh.Notes
	}
	if i >= len(qs) {
		s.showPanelNotes(number, notes)
		return
	}
	q := qs[i]
	mark.QuestionID = q.ID
	status := newStatusLine()
	save := func(m panel.Mark) bool {
		if err := s.panel.SetMark(s.u.ctx, number, m); err != nil {
			status.set(err)
			return false
		}
		status.done(lang.L("Saved"))
		return true
	}
	reason := newKBEntry(s.u.kb, false)
	reason.SetPlaceHolder(lang.L("A short reason for your score"))
	reason.SetText(mark.Reason)
	var scoreRows []fyne.CanvasObject
	for _, v := range scale.Levels() {
		text := fmt.Sprintf("%d · %s", v, scale.Label(v))
		if a := q.Anchor(scale, v); a != "" {
			text += " — " + a
		}
		b := s.u.button(text, nil)
		b.Alignment = widget.ButtonAlignLeading
		if mark.Scored && mark.Score == v {
			b.Importance = widget.HighImportance
		}
		b.OnTapped = func() {
			s.u.touch()
			m := mark
			m.Score, m.Scored = v, true
			m.Reason = reason.Text // typed and not yet saved: kept with the score
			if save(m) {
				s.showPanelScore(number, i)
			}
		}
		scoreRows = append(scoreRows, b)
	}
	noAnswer := widget.NewCheck(lang.L("No answer (still give a score)"), nil)
	noAnswer.Checked = mark.NoAnswer
	noAnswer.OnChanged = func(on bool) {
		s.u.touch()
		m := mark
		m.NoAnswer = on
		m.Reason = reason.Text
		if save(m) {
			mark = m
		}
	}
	saveReason := func() bool {
		if reason.Text == mark.Reason {
			return true
		}
		m := mark
		m.Reason = reason.Text
		if !save(m) {
			return false
		}
		mark = m
		return true
	}
	reason.OnSubmitted = func(string) { saveReason() }
	// The candidate and the question share one label: the score buttons keep the height.
	question := widget.NewLabel(lang.L("Candidate {{.N}}, question {{.I}} of {{.Total}}: {{.Question}}", map[string]any{
		"N": number, "I": i + 1, "Total": len(qs), "Question": q.QuestionText()}))
	question.Wrapping = fyne.TextWrapWord
	scores := container.NewVBox(scoreRows...)
	// While the keyboard is open the question and the scores step aside: one line keeps them
	// in mind.
	chosenText := lang.L("Question {{.I}}: no score yet", map[string]any{"I": i + 1})
	if mark.Scored {
		chosenText = lang.L("Question {{.I}}: your score {{.V}} ({{.Label}})", map[string]any{"I": i + 1, "V": mark.Score, "Label": scale.Label(mark.Score)})
	}
	reminder := widget.NewLabel(chosenText)
	reminder.Truncation = fyne.TextTruncateEllipsis
	reminder.Hide()
	kb := s.u.newKeyboardPanel(reason, scores, question)
	kb.whileOpen = []fyne.CanvasObject{reminder}
	prev := s.u.button(lang.L("Previous"), func() {
		if saveReason() {
			s.showPanelScore(number, i-1)
		}
	})
	if i == 0 {
		prev.Disable()
	}
	next := s.u.primary(lang.L("Next"), func() {
		if saveReason() {
			s.showPanelScore(number, i+1)
		}
	})
	s.u.show("panel-score", screenIdle, container.NewBorder(
		container.NewVBox(question, reminder),
		container.NewVBox(container.NewBorder(nil, nil, nil, noAnswer, reason), container.NewBorder(nil, nil, prev, container.NewHBox(kb.toggle, next), status.Label), kb.box),
		nil, nil, newTouchScroll(scores)))
	// Going Home when idle keeps a reason typed and not yet saved.
	s.u.onIdle = func() error { saveReason(); return nil }
	kb.arm()
}

// showPanelNotes takes the member's notes (optional), then Submit.
func (s *panelScreens) showPanelNotes(number, notes string) {
	e := newKBEntry(s.u.kb, true)
	e.SetText(notes)
	e.SetPlaceHolder(lang.L("Your notes on this candidate (optional)"))
	msg := newErrorLabel()
	kb := s.u.newKeyboardPanel(e)
	back := s.u.button(lang.L("Previous"), func() {
		if err := s.panel.SetNotes(s.u.ctx, number, e.Text); err != nil {
			msg.set(err)
			return
		}
		v, _ := s.state()
		s.showPanelScore(number, len(v.Questions)-1)
	})
	submit := s.u.primary(lang.L("Submit my scores"), func() {
		if err := s.panel.SetNotes(s.u.ctx, number, e.Text); err != nil {
			msg.set(err)
			return
		}
		if err := s.panel.Submit(s.u.ctx, number); err != nil {
			msg.set(err)
			return
		}
		s.showPanelSubmitted(number)
	})
	s.u.show("panel-notes", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Candidate {{.N}}: your notes", map[string]any{"N": number})),
			para(lang.L("Once submitted, your scores cannot change. You see the others' scores for this candidate once every member has submitted theirs.")), msg.Label),
		container.NewVBox(container.NewHBox(back, layout.NewSpacer(), kb.toggle, submit), kb.box), nil, nil, e))
	s.u.onIdle = func() error {
		if err := s.panel.SetNotes(s.u.ctx, number, e.Text); err != nil {
			s.u.fail("panel notes", err)
		}
		return nil
	}
	kb.arm()
}

// showPanelSubmitted is the screen after a member submits: it shows nobody's scores, since
// the next member may already be taking the kiosk. The member sees the others' scores only
// by asking for them.
func (s *panelScreens) showPanelSubmitted(number string) {
	v, ok := s.state()
	if !ok {
		return
	}
	engID := v.EngagementID
	s.u.show("panel-submitted", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Your scores for candidate {{.N}} are submitted", map[string]any{"N": number})),
			para(lang.L("Sign out before you hand the kiosk on: the next member signs in with their own PIN.")),
			para(lang.L("You see the others' scores for this candidate once every member has submitted theirs, on your own, from See the scores or the overview."))),
		container.NewHBox(s.u.button(lang.L("See the scores"), func() { s.showPanelSheets(number) }), s.u.button(lang.L("Overview"), s.showPanelHome),
			layout.NewSpacer(), s.u.primary(lang.L("Sign out, next member"), func() { s.showPanelLobby(engID, number) })),
		nil, nil, layout.NewSpacer()))
}

// showPanelSheets shows the candidate's submitted sheets, once this member has submitted.
func (s *panelScreens) showPanelSheets(number string) {
	if s.panel == nil { // signed out since the button that asks for it was shown
		s.u.showHome()
		return
	}
	msg := newErrorLabel()
	sheets, err := s.panel.Sheets(number)
	msg.set(err)
	v, _ := s.state()
	c, _ := v.Candidate(number)
	qs, waiting, engID := v.Questions, c.Waiting, v.EngagementID
	names := s.names()
	var rows []fyne.CanvasObject
	for _, sh := range sheets {
		var parts []string
		for i, q := range qs {
			m := sh.Mark(q.ID)
			p := fmt.Sprintf("Q%d %d", i+1, m.Score)
			if m.NoAnswer {
				p += lang.L(" (no answer)")
			}
			parts = append(parts, p)
		}
		l := widget.NewLabel(lang.L("{{.Name}}: {{.Scores}} · total {{.Total}}", map[string]any{"Name": names[sh.MemberID], "Scores": strings.Join(parts, ", "), "Total": sh.Total()}))
		l.Truncation = fyne.TextTruncateEllipsis
		rows = append(rows, l)
	}
	var w []string
	for _, id := range waiting {
		w = append(w, names[id])
	}
	info := lang.L("Everyone has scored candidate {{.N}}: the panel can discuss the scores.", map[string]any{"N": number})
	if len(w) > 0 {
		info = lang.L("Still to score: {{.Names}}.", map[string]any{"Names": strings.Join(w, ", ")})
	}
	s.u.show("panel-sheets", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Candidate {{.N}}: the panel's scores so far", map[string]any{"N": number})), para(info), msg.Label),
		container.NewHBox(s.u.button(lang.L("Overview"), s.showPanelHome), s.u.button(lang.L("Scores of the panel"), func() { s.showPanelGrid(0) }), layout.NewSpacer(),
			s.u.button(lang.L("Sign out"), func() { s.showPanelLobby(engID, number) })),
		nil, nil, s.u.newFitPages(rows)))
}
