package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/panel"
)

// withdrawalText is why a candidate was withdrawn, as the screens say it.
func withdrawalText(w panel.Withdrawal) string {
	switch w {
	case panel.WithdrawDeclined:
		return lang.L("withdrew")
	case panel.WithdrawNoShow:
		return lang.L("did not attend")
	case panel.WithdrawError:
		return lang.L("entered in error")
	case panel.WithdrawNoConsent:
		return lang.L("declined to consent")
	}
	return string(w)
}

// candidateText is a candidate's number and, once withdrawn, why.
func candidateText(c panel.Candidate) string {
	if c.Withdrawal == panel.WithdrawNoConsent {
		// Their own choice before the interview, not a withdrawal from the recruitment.
		return lang.L("{{.N}} (declined to consent)", map[string]any{"N": c.Number})
	}
	if c.Withdrawn() {
		return lang.L("{{.N}} (withdrawn: {{.Why}})", map[string]any{"N": c.Number, "Why": withdrawalText(c.Withdrawal)})
	}
	return c.Number
}

// showPanelCandidates adds candidates by number.
func (s *panelScreens) showPanelCandidates() {
	v, ok := s.state()
	if !ok {
		return
	}
	cs := v.Candidates
	msg := newErrorLabel()
	number := newKBEntry(s.u.kb, false)
	number.SetPlaceHolder(lang.L("Candidate number (never a name)"))
	s.u.kb.SetTarget(number)
	addIt := func() {
		if err := s.panel.AddCandidate(s.u.ctx, number.Text); err != nil {
			msg.set(err)
			return
		}
		s.showPanelCandidates()
	}
	number.OnSubmitted = func(string) { addIt() }
	var list []string
	for _, c := range cs {
		list = append(list, candidateText(c.Candidate))
	}
	have := widget.NewLabel(lang.L("Candidates: {{.List}}", map[string]any{"List": strings.Join(list, ", ")}))
	have.Wrapping = fyne.TextWrapWord
	if len(cs) == 0 {
		have.SetText(lang.L("No candidates yet."))
	}
	withdraw := s.u.button(lang.L("Withdraw a candidate"), s.showPanelWithdrawPick)
	if len(v.Active()) == 0 {
		withdraw.Disable()
	}
	// The list and the refusal scroll in the room the keyboard leaves: a long list or a
	// refusal of two lines never pushes the keyboard off the screen.
	s.u.show("panel-candidates", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Candidates, by their number")), number),
		container.NewVBox(container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome), withdraw, layout.NewSpacer(), s.u.primary(lang.L("Add"), addIt)), s.u.kb),
		nil, nil, newTouchScroll(container.NewVBox(msg.Label, have))))
	s.u.win.Canvas().Focus(number)
}

// showPanelWithdrawPick chooses the candidate to withdraw.
func (s *panelScreens) showPanelWithdrawPick() {
	v, ok := s.state()
	if !ok {
		return
	}
	cs := v.Active()
	var rows []fyne.CanvasObject
	for _, c := range cs {
		text := lang.L("Candidate {{.N}}", map[string]any{"N": c.Number})
		if !c.InterviewedAt.IsZero() {
			text = lang.L("Candidate {{.N}} (interviewed)", map[string]any{"N": c.Number})
		}
		rows = append(rows, s.u.button(text, func() { s.showPanelWithdraw(c.Number, "") }))
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("No candidate to withdraw.")))
	}
	s.u.show("panel-withdraw-pick", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Which candidate is withdrawn?")),
			para(lang.L("A withdrawn candidate stays on the record with the reason; the panel goes on without them."))),
		container.NewHBox(s.u.button(lang.L("Back"), s.showPanelCandidates)), nil, nil,
		s.u.newFitPages(rows)))
}

// showPanelWithdraw asks why the candidate is withdrawn, then withdraws them.
func (s *panelScreens) showPanelWithdraw(number string, chosen panel.Withdrawal) {
	v, found := s.state()
	if !found {
		return
	}
	c, _ := v.Candidate(number)
	msg := newErrorLabel()
	var rows []fyne.CanvasObject
	interviewed := !c.InterviewedAt.IsZero()
	for _, w := range panel.Withdrawals() {
		text := map[panel.Withdrawal]string{
			panel.WithdrawDeclined: lang.L("They withdrew"),
			panel.WithdrawNoShow:   lang.L("They did not attend"),
			panel.WithdrawError:    lang.L("The number was entered in error"),
		}[w]
		b := s.u.button(text, func() { s.showPanelWithdraw(number, w) })
		b.Alignment = widget.ButtonAlignLeading
		if w == chosen {
			b.Importance = widget.HighImportance
		}
		if interviewed && w != panel.WithdrawDeclined {
			b.Disable()
		}
		rows = append(rows, b)
	}
	note := lang.L("This is kept on the record and cannot be undone.")
	if interviewed {
		note = lang.L("Candidate {{.N}} has been interviewed, so only their own withdrawal takes them off. This is kept on the record and cannot be undone.", map[string]any{"N": number})
	}
	ok := s.u.primary(lang.L("Withdraw candidate {{.N}}", map[string]any{"N": number}), func() {
		if err := s.panel.WithdrawCandidate(s.u.ctx, number, chosen); err != nil {
			msg.set(err)
			return
		}
		s.showPanelCandidates()
	})
	if chosen == "" {
		ok.Disable()
		note = lang.L("Choose the reason.") + " " + note
	}
	s.u.show("panel-withdraw", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Why is candidate {{.N}} withdrawn?", map[string]any{"N": number})), para(note), msg.Label),
		container.NewHBox(s.u.button(lang.L("Back"), s.showPanelWithdrawPick), layout.NewSpacer(), ok), nil, nil,
		newTouchScroll(container.NewVBox(rows...))))
}
