package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
)

// The panel's order (the guide's by default: every candidate seen, the discussion, then the
// scores), who leads the interview, each member's own notes while the candidates are seen,
// the discussion, and what follows the decision. The rules are app/panel's order.go; the use
// cases app/kiosk/panels/panelorder.go.

// progress is the signed-in member's PanelProgress; false when the panel is closed (Home
// shown).
func (s *panelScreens) progress() (panels.PanelProgress, bool) {
	if s.panel == nil {
		s.u.showHome()
		return panels.PanelProgress{}, false
	}
	p, err := s.panel.Progress()
	if err != nil {
		s.u.showHome()
		return panels.PanelProgress{}, false
	}
	return p, true
}

// orderActions are the overview's buttons of this file, as they apply now: in the guide's
// order before the discussion, each member's own notes on the candidates seen (scoring waits
// for the discussion); the order and the lead (the chair or the appointing officer, until the
// decision); the discussion; the feedback and the outcome.
func (s *panelScreens) orderActions(v panels.PanelView, add func(text string, enabled bool, tapped func(), reason string)) {
	p, err := s.panel.Progress()
	if err != nil {
		return
	}
	chairs := v.Can.Order.Offered // the chair or the appointing officer: the kiosk's view says
	if p.Order == panel.OrderGuide && p.Discussion == nil && v.Frozen {
		add(lang.L("My notes on a candidate"), len(v.Interviewed()) > 0, s.showPanelNotesPick, lang.L("no candidate has been seen yet."))
	}
	// One button, for the step the panel is at: the overview keeps its room at 800x480 with
	// the larger text. The discussion's screen leads on to the order and the feedback.
	switch {
	case v.Decision != nil:
		add(lang.L("Feedback and outcome"), true, s.showPanelAfter, "")
	case v.Frozen:
		add(lang.L("The discussion"), true, s.showPanelDiscussion, "")
	case chairs:
		add(lang.L("Order and lead"), true, s.showPanelOrder, "")
	}
}

// scoreAction is the overview's Score a candidate, offered once a candidate has been
// interviewed; in the guide's order not before the discussion (My notes on a candidate is,
// and The discussion says when the scores come).
func (s *panelScreens) scoreAction(a panels.PanelAction, add func(text string, enabled bool, tapped func(), reason string)) {
	p, err := s.panel.Progress()
	if err != nil || p.Phase == panel.PhaseSetUp || (p.Order == panel.OrderGuide && p.Discussion == nil) || errors.Is(a.Why, panel.ErrNotYetScoring) {
		return
	}
	add(lang.L("Score a candidate"), a.Open(), s.showPanelScorePick, lang.L("no candidate has been interviewed yet."))
}

// afterInterview is the candidate the lobby asks members to score once the interview ends:
// "" in the guide's order (nobody scores before the discussion; each member may add their
// own notes from the overview).
func (s *panelScreens) afterInterview(number string) string {
	p, err := s.panel.Progress()
	if err != nil || p.Order == panel.OrderGuide {
		return ""
	}
	return number
}

// scoreOrNotes opens the member's sheet of the candidate: to score it, or in the guide's order
// before the discussion, to write their own notes.
func (s *panelScreens) scoreOrNotes(number string) {
	p, ok := s.progress()
	if !ok {
		return
	}
	if p.Order == panel.OrderGuide && p.Discussion == nil {
		s.showPanelOwnNotes(number)
		return
	}
	s.showPanelScore(number, 0)
}

// showPanelOrder sets the panel's order (before the first candidate) and who leads the
// interview (until the decision): the chair or the appointing officer.
func (s *panelScreens) showPanelOrder() {
	var (
		order  panel.Order
		frozen bool
		lead   string
		leads  []panel.Member
	)
	v, ok := s.state()
	if !ok {
		return
	}
	p, ok := s.progress()
	if !ok {
		return
	}
	order, frozen, lead = p.Order, v.Frozen, p.LeadID
	for _, m := range v.Members {
		if m.Has(panel.RoleAppointingOfficer) || m.Has(panel.RoleChair) {
			leads = append(leads, m)
		}
	}
	msg := newErrorLabel()
	names := s.names()
	choose := func(text string, chosen bool, tapped func()) *Button {
		b := s.u.button(text, tapped)
		b.Alignment = widget.ButtonAlignLeading
		if chosen {
			b.Importance = widget.HighImportance
		}
		return b
	}
	setOrder := func(o panel.Order) func() {
		return func() {
			if err := s.panel.SetOrder(s.u.ctx, o); err != nil {
				msg.set(err)
				return
			}
			s.showPanelOrder()
		}
	}
	guideWords := lang.L("The guide's order: see every candidate, meet to discuss each person, then each member scores on their own.")
	eachWords := lang.L("Our organisation's process: each member scores each candidate straight after their interview.")
	rows := []fyne.CanvasObject{subheading(lang.L("When the panel scores"))}
	var note string
	if frozen {
		chosen := guideWords
		if order == panel.OrderEachCandidate {
			chosen = eachWords
		}
		rows = append(rows, para(chosen))
		note = lang.L("The order is fixed since the first candidate's interview.")
	} else {
		rows = append(rows,
			container.NewGridWithColumns(2, choose(lang.L("The guide's order"), order == panel.OrderGuide, setOrder(panel.OrderGuide)),
				choose(lang.L("Our organisation's process"), order == panel.OrderEachCandidate, setOrder(panel.OrderEachCandidate))),
			para(guideWords), para(eachWords))
		note = lang.L("The guide's order is the default. Choose the other only if your organisation's scoring process says so: that process \"does need to be followed precisely\". Either way nobody sees another's scores before every member has given theirs.")
	}
	rows = append(rows, para(note), subheading(lang.L("Who leads the interview")))
	for _, m := range leads {
		text := lang.L("{{.Name}} ({{.Roles}})", map[string]any{"Name": names[m.ID], "Roles": rolesText(m)})
		rows = append(rows, choose(text, m.ID == lead, func() {
			if err := s.panel.SetLead(s.u.ctx, m.ID); err != nil {
				msg.set(err)
				return
			}
			s.showPanelOrder()
		}))
	}
	rows = append(rows, para(lang.L("The guide: the appointing officer is \"the person who is leading the interview\". The lead starts each candidate's interview and records the discussion.")))
	s.u.show("panel-order", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Order and lead")), msg.Label),
		container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome)), nil, nil,
		newTouchScroll(container.NewVBox(rows...))))
}

// showPanelNotesPick chooses a candidate seen to write one's own notes on (the guide's order,
// before the discussion).
func (s *panelScreens) showPanelNotesPick() {
	v, ok := s.state()
	if !ok {
		return
	}
	var rows []fyne.CanvasObject
	for _, c := range v.Interviewed() {
		text := lang.L("Candidate {{.N}}", map[string]any{"N": c.Number})
		if sh, err := s.panel.Sheet(s.panel.ID(), c.Number); err == nil && sh.Notes != "" {
			text = lang.L("Candidate {{.N}}: notes written", map[string]any{"N": c.Number})
		}
		rows = append(rows, s.u.button(text, func() { s.showPanelOwnNotes(c.Number) }))
	}
	s.u.show("panel-notes-pick", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Your own notes: which candidate?")),
			para(lang.L("Your notes are yours: nobody else reads them before every member has submitted their scores of the candidate."))),
		container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome)), nil, nil, s.u.newFitPages(rows)))
}

// showPanelOwnNotes is the member's own notes on a candidate while the candidates are seen;
// they are saved with Save, on Back and when the kiosk goes idle.
func (s *panelScreens) showPanelOwnNotes(number string) {
	notes := ""
	if sh, err := s.panel.Sheet(s.panel.ID(), number); err == nil {
		notes = sh.Notes
	}
	e := newKBEntry(s.u.kb, true)
	e.SetText(notes)
	e.SetPlaceHolder(lang.L("Bullet points of what you feel is most important, and any concerns"))
	status := newStatusLine()
	title := subheading(lang.L("Candidate {{.N}}: your own notes", map[string]any{"N": number}))
	info := para(lang.L("The panel scores after it has seen every candidate and met to discuss them."))
	// While the keyboard is open the title and the sentence step aside: the notes keep their
	// room.
	kb := s.u.newKeyboardPanel(e, title, info)
	// One line keeps the candidate in mind while the keyboard is open.
	reminder := widget.NewLabel(lang.L("Candidate {{.N}}: your own notes", map[string]any{"N": number}))
	reminder.Truncation = fyne.TextTruncateEllipsis
	reminder.Hide()
	kb.whileOpen = []fyne.CanvasObject{reminder}
	save := func() bool {
		if err := s.panel.SetNotes(s.u.ctx, number, e.Text); err != nil {
			status.set(err)
			return false
		}
		return true
	}
	back := s.u.button(lang.L("Back"), func() {
		if save() {
			s.showPanelHome()
		}
	})
	saveB := s.u.primary(lang.L("Save"), func() {
		if save() {
			status.done(lang.L("Saved"))
		}
	})
	s.u.show("panel-own-notes", screenIdle, container.NewBorder(
		container.NewVBox(title, reminder, info),
		container.NewVBox(container.NewBorder(nil, nil, back, container.NewHBox(kb.toggle, saveB), status.Label), kb.box), nil, nil, e))
	s.u.onIdle = func() error {
		if err := s.panel.SetNotes(s.u.ctx, number, e.Text); err != nil {
			s.u.fail("panel notes", err)
		}
		return nil
	}
	kb.arm()
}

// discussionDraft is the discussion being written by the lead: what the panel agrees to note
// per candidate, until it is recorded.
type discussionDraft struct {
	engagementID string
	notes        map[string]string
}

// showPanelDiscussion is the panel's discussion: once recorded, what was noted; before, the
// lead records it (with what the panel agrees to note per candidate) once every candidate has
// been seen.
func (s *panelScreens) showPanelDiscussion() {
	s.showPanelDiscussionDraft(nil)
}

func (s *panelScreens) showPanelDiscussionDraft(d *discussionDraft) {
	p, ok := s.progress()
	if !ok {
		return
	}
	v, ok := s.state()
	if !ok {
		return
	}
	cs, engID := v.Active(), v.EngagementID
	msg := newErrorLabel()
	if d == nil || d.engagementID != engID {
		// What the lead typed before and did not record (the kiosk keeps it sealed, their own),
		// as typed.
		d = &discussionDraft{engagementID: engID, notes: map[string]string{}}
		if p.Discussion == nil && v.Can.Discuss.Offered {
			if kept, err := s.panel.DiscussionDraft(); err != nil {
				msg.set(err)
			} else if kept != nil {
				d.notes = kept
			}
		}
	}
	names := s.names()
	var rows []fyne.CanvasObject
	bottom := container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome))
	head := []fyne.CanvasObject{heading(lang.L("The discussion"))}
	switch {
	case p.Discussion != nil:
		head = append(head, para(lang.L("The panel met to discuss each candidate. Recorded by {{.Name}} on {{.Date}}.", map[string]any{
			"Name": names[p.Discussion.By], "Date": p.Discussion.At.Local().Format("2 January 2006, 15:04")})))
		for _, c := range cs {
			if n := p.Discussion.Notes[c.Number]; n != "" {
				l := para(lang.L("Candidate {{.N}}: {{.Note}}", map[string]any{"N": c.Number, "Note": n}))
				rows = append(rows, l)
			}
		}
		if len(rows) == 0 {
			rows = append(rows, para(lang.L("The panel agreed to note nothing about any candidate.")))
		}
	case !p.AllSeen:
		head = append(head, para(lang.L("Once every candidate has been seen, the panel meets to discuss its thoughts on each person; then each member scores on their own. Interview the candidates still to be seen, or withdraw those who will not come (Candidates).")))
	case !v.Can.Discuss.Offered:
		head = append(head, para(lang.L("Every candidate has been seen: the panel meets to discuss each person. {{.Name}}, who leads the interview, records the discussion here; then each member scores on their own.", map[string]any{"Name": names[p.LeadID]})))
	default:
		head = append(head, para(lang.L("Meet to discuss your thoughts on each person. Tap a candidate to note what the panel agrees (optional), then record that the discussion took place. It cannot change after; then each member scores on their own.")))
		for _, c := range cs {
			text := lang.L("Candidate {{.N}}: add what the panel agrees to note", map[string]any{"N": c.Number})
			if n := d.notes[c.Number]; n != "" {
				text = lang.L("Candidate {{.N}}: {{.Note}}", map[string]any{"N": c.Number, "Note": n})
			}
			b := s.u.button(text, func() { s.showPanelDiscussionNote(d, c.Number) })
			b.Alignment = widget.ButtonAlignLeading
			rows = append(rows, b)
		}
		bottom.Add(layout.NewSpacer())
		bottom.Add(s.u.primary(lang.L("Record the discussion"), func() { s.showPanelDiscussionConfirm(d) }))
	}
	if v.Can.Lead.Offered {
		rows = append(rows, s.u.button(lang.L("Order and lead"), s.showPanelOrder),
			s.u.button(lang.L("Candidates who asked for feedback"), s.showPanelAfter))
	}
	head = append(head, msg.Label)
	s.u.show("panel-discussion", screenIdle, container.NewBorder(container.NewVBox(head...), bottom, nil, nil, s.u.newFitPages(rows)))
}

// showPanelDiscussionConfirm asks once more before the discussion is recorded for good.
func (s *panelScreens) showPanelDiscussionConfirm(d *discussionDraft) {
	msg := newErrorLabel()
	noted := 0
	for _, n := range d.notes {
		if n != "" {
			noted++
		}
	}
	said := lang.L("This records that the panel met to discuss each candidate, with what it agreed to note about {{.N}} of them. It cannot change after; then each member scores on their own.", map[string]any{"N": noted})
	if noted == 0 {
		said = lang.L("This records that the panel met to discuss each candidate, with nothing noted about any of them. It cannot change after; then each member scores on their own.")
	}
	s.u.show("panel-discussion-confirm", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Record the discussion?")),
			para(said),
			msg.Label),
		container.NewHBox(s.u.button(lang.L("Back"), func() { s.showPanelDiscussionDraft(d) }), layout.NewSpacer(),
			s.u.primary(lang.L("Yes, record it"), func() {
				if err := s.panel.RecordDiscussion(s.u.ctx, d.notes); err != nil {
					msg.set(err)
					return
				}
				s.showPanelDiscussion()
			})),
		nil, nil, layout.NewSpacer()))
}

// showPanelDiscussionNote takes what the panel agrees to note about one candidate.
func (s *panelScreens) showPanelDiscussionNote(d *discussionDraft, number string) {
	e := newKBEntry(s.u.kb, true)
	e.SetText(d.notes[number])
	e.SetPlaceHolder(lang.L("What the panel agrees to note (optional)"))
	kb := s.u.newKeyboardPanel(e)
	msg := newErrorLabel()
	// The draft is kept by the kiosk, sealed, whenever a note is done and before an idle
	// time-out goes Home: the lead finds it as typed when they open The discussion again.
	keep := func() error {
		d.notes[number] = e.Text
		return s.panel.SaveDiscussionDraft(s.u.ctx, d.notes)
	}
	done := s.u.primary(lang.L("Done"), func() {
		if err := keep(); err != nil {
			msg.set(err)
			return
		}
		s.showPanelDiscussionDraft(d)
	})
	s.u.show("panel-discussion-note", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("The discussion: candidate {{.N}}", map[string]any{"N": number})), msg.Label),
		container.NewVBox(container.NewHBox(s.u.button(lang.L("Back"), func() { s.showPanelDiscussionDraft(d) }), layout.NewSpacer(), kb.toggle, done), kb.box),
		nil, nil, e))
	s.u.onIdle = func() error {
		if err := keep(); err != nil {
			s.u.fail("panel discussion draft", err)
		}
		return nil
	}
	kb.arm()
}

// showPanelAfter is what follows the decision, and the candidates' requests for feedback:
// the appointing officer or the chair records who asked for feedback (at any time); after the
// decision the appointing officer records that they told the service user or carer the
// outcome, and the service user or carer gives their own feedback.
func (s *panelScreens) showPanelAfter() {
	p, ok := s.progress()
	if !ok {
		return
	}
	v, ok := s.state()
	if !ok {
		return
	}
	cs, decided := v.Candidates, v.Decision != nil
	chairs := v.Can.FeedbackRequests.Offered
	var partners []panel.Member
	for _, m := range v.Members {
		if m.Has(panel.RolePartner) {
			partners = append(partners, m)
		}
	}
	names := s.names()
	msg := newErrorLabel()
	var rows []fyne.CanvasObject
	if decided {
		rows = append(rows, para(panel.ChecksAndReferences))
	}
	if chairs {
		rows = append(rows, subheading(lang.L("Candidates who asked for feedback")))
		asked := map[string]bool{}
		for _, n := range p.FeedbackRequested {
			asked[n] = true
		}
		grid := container.NewGridWithColumns(3)
		for _, c := range cs {
			ch := widget.NewCheck(lang.L("Candidate {{.N}}", map[string]any{"N": c.Number}), nil)
			ch.Checked = asked[c.Number]
			ch.OnChanged = func(on bool) {
				s.u.touch()
				if err := s.panel.SetFeedbackRequested(s.u.ctx, c.Number, on); err != nil {
					msg.set(err)
					return
				}
			}
			grid.Add(ch)
		}
		rows = append(rows, grid)
	}
	if v.Can.TellOutcome.Open() {
		for _, m := range partners {
			if told := containsString(p.Told, m.ID); told {
				rows = append(rows, para(lang.L("You have told {{.Name}} the outcome.", map[string]any{"Name": names[m.ID]})))
				continue
			}
			rows = append(rows, s.u.button(lang.L("I have told {{.Name}} who was selected", map[string]any{"Name": names[m.ID]}), func() {
				if err := s.panel.RecordOutcomeTold(s.u.ctx, m.ID); err != nil {
					msg.set(err)
					return
				}
				s.showPanelAfter()
			}))
		}
	}
	for _, f := range p.Feedback {
		rows = append(rows, subheading(lang.L("Feedback of {{.Name}}", map[string]any{"Name": names[f.PartnerID]})),
			para(lang.L("What went well: {{.Text}}", map[string]any{"Text": f.WentWell})),
			para(lang.L("What could be improved: {{.Text}}", map[string]any{"Text": f.CouldImprove})))
	}
	if v.Can.GiveFeedback.Open() {
		text := lang.L("Give my feedback")
		if len(p.Feedback) > 0 {
			text = lang.L("Change my feedback")
		}
		rows = append(rows, s.u.button(text, s.showPanelFeedback))
	}
	if !decided && !chairs {
		rows = append(rows, para(lang.L("After the decision the appointing officer tells you who was selected, and you can give your feedback here.")))
	}
	s.u.show("panel-after", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Feedback and outcome")), msg.Label),
		container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome)), nil, nil,
		newTouchScroll(container.NewVBox(rows...))))
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// showPanelFeedback is the service user or carer's own feedback to the appointing officer:
// what went well, what could be improved.
func (s *panelScreens) showPanelFeedback() {
	p, ok := s.progress()
	if !ok {
		return
	}
	var well, improve string
	for _, f := range p.Feedback {
		if f.PartnerID == s.panel.ID() {
			well, improve = f.WentWell, f.CouldImprove
		}
	}
	s.showPanelFeedbackStep(&well, &improve, 0)
}

// showPanelFeedbackStep asks one of the two questions at a time (the field keeps its room
// with the keyboard open at 800x480), then saves both.
func (s *panelScreens) showPanelFeedbackStep(well, improve *string, step int) {
	field, question := well, lang.L("What went well?")
	if step == 1 {
		field, question = improve, lang.L("What could be improved?")
	}
	e := newKBEntry(s.u.kb, true)
	e.SetText(*field)
	e.SetPlaceHolder(lang.L("In your own words (optional)"))
	msg := newErrorLabel()
	info := para(lang.L("Your feedback to the appointing officer about the panel. It is kept with the recruitment and in its record."))
	kb := s.u.newKeyboardPanel(e, info)
	back := s.u.button(lang.L("Back"), func() {
		*field = e.Text
		if step == 0 {
			s.showPanelAfter()
			return
		}
		s.showPanelFeedbackStep(well, improve, 0)
	})
	var next *Button
	if step == 0 {
		next = s.u.primary(lang.L("Next"), func() {
			*field = e.Text
			s.showPanelFeedbackStep(well, improve, 1)
		})
	} else {
		next = s.u.primary(lang.L("Save my feedback"), func() {
			*field = e.Text
			if err := s.panel.GiveFeedback(s.u.ctx, *well, *improve); err != nil {
				msg.set(err)
				return
			}
			s.showPanelAfter()
		})
	}
	s.u.show("panel-feedback", screenIdle, container.NewBorder(
		container.NewVBox(subheading(question), info, msg.Label),
		container.NewVBox(container.NewHBox(back, layout.NewSpacer(), kb.toggle, next), kb.box), nil, nil, e))
	kb.arm()
}
