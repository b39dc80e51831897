package ui

import (
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

// showPanels lists the recruitments the signed-in interviewer is on, and those without a panel
// yet.
func (s *panelScreens) showPanels() {
	in := s.u.signedIn
	if in == nil {
		s.u.showHome()
		return
	}
	msg := newErrorLabel()
	mine, open, err := panels.Panels(s.u.ctx, in)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, p := range mine {
		title := p.Title
		if w, _ := in.WaitingIn(s.u.ctx, kiosk.GroupPanel, p.EngagementID); w {
			title = lang.L("{{.Title}} · waiting to be let in again by another member", map[string]any{"Title": p.Title})
		}
		rows = append(rows, s.u.button(title, func() {
			pm, err := panels.Open(s.u.ctx, in, p.EngagementID)
			if err != nil {
				msg.set(err)
				return
			}
			s.u.signedIn = nil
			s.panel = pm
			s.showPanelHome()
		}))
	}
	for _, e := range open {
		rows = append(rows, s.u.button(lang.L("Set up the panel: {{.Title}}", map[string]any{"Title": e.Title}), func() {
			s.showPanelNew(&panelForm{eng: e})
		}))
	}
	if len(rows) == 0 && err == nil {
		rows = append(rows, para(lang.L("You are on no panel. An admin adds a recruitment; its appointing officer or chair sets up the panel.")))
	}
	s.u.show("panels", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Recruitment panels")), msg.Label),
		container.NewHBox(s.u.button(lang.L("Back"), s.u.showInterviewerMenu), s.u.button(lang.L("Sign out"), s.u.showHome)), nil, nil,
		s.u.newFitPages(rows)))
}

// panelForm is a new panel's set-up in progress.
type panelForm struct {
	eng         session.Engagement
	title, band string
	roles       map[string][]panel.Role
}

// showPanelNew is step 1 of a new panel: the post, a job and never a person.
func (s *panelScreens) showPanelNew(f *panelForm) {
	head := widget.NewLabel(lang.L("{{.Title}}: the post (a job, never a person's name)", map[string]any{"Title": f.eng.Title}))
	head.TextStyle.Bold = true
	head.Truncation = fyne.TextTruncateEllipsis
	s.u.typedStep("panel-new", head, true, s.showPanels, func() { s.showPanelMembers(f) },
		typedField{lang.L("Job title, e.g. Community mental health nurse"), &f.title},
		typedField{lang.L("Band, e.g. Band 6"), &f.band})
}

// showPanelMembers is step 2: who is on the panel, in which roles.
func (s *panelScreens) showPanelMembers(f *panelForm) {
	if f.roles == nil {
		f.roles = map[string][]panel.Role{}
	}
	msg := newErrorLabel()
	ivs, err := s.u.kiosk.Interviewers(s.u.ctx)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, iv := range ivs {
		if iv.Disabled {
			continue
		}
		checks := container.NewGridWithColumns(2)
		for _, r := range panel.Roles() {
			c := widget.NewCheck(roleName(r), func(on bool) {
				s.u.touch()
				f.roles[iv.ID] = slices.DeleteFunc(f.roles[iv.ID], func(x panel.Role) bool { return x == r })
				if on {
					f.roles[iv.ID] = append(f.roles[iv.ID], r)
				}
			})
			c.Checked = slices.Contains(f.roles[iv.ID], r)
			checks.Add(c)
		}
		name := widget.NewLabel(iv.DisplayName)
		name.TextStyle.Bold = true
		name.Truncation = fyne.TextTruncateEllipsis
		rows = append(rows, container.NewVBox(name, checks))
	}
	create := s.u.primary(lang.L("Set up the panel"), func() {
		var ms []panel.Member
		for _, iv := range ivs {
			if rs := f.roles[iv.ID]; len(rs) > 0 {
				ms = append(ms, panel.Member{ID: iv.ID, Roles: slices.Clone(rs)})
			}
		}
		pm, err := panels.Create(s.u.ctx, s.u.signedIn, f.eng.ID, panel.Post{Title: f.title, Band: f.band}, ms)
		if err != nil {
			msg.set(err)
			return
		}
		s.u.signedIn = nil
		s.panel = pm
		s.showPanelHome()
	})
	if s.u.signedIn == nil {
		create.Disable()
	}
	s.u.show("panel-members", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Who is on the panel? At least three people.")), msg.Label),
		container.NewHBox(s.u.button(lang.L("Back"), func() { s.showPanelNew(f) }), layout.NewSpacer(), create),
		nil, nil, s.u.newFitPages(rows)))
}

// showPanelHome is a signed-in member's overview of the recruitment and what they can do.
func (s *panelScreens) showPanelHome() {
	pm := s.panel
	v, ok := s.state()
	if !ok {
		return
	}
	var status []string
	if !v.ScaleSet {
		status = append(status, lang.L("Scoring scale: not set yet (the 1-5 labels are a placeholder)"))
	} else {
		status = append(status, lang.L("Scoring scale: {{.Min}} to {{.Max}}", map[string]any{"Min": v.Scale.Min, "Max": v.Scale.Max}))
	}
	qs := lang.L("Questions: {{.N}}", map[string]any{"N": len(v.Questions)})
	if v.Frozen {
		qs = lang.L("Questions: {{.N}}, fixed for every candidate", map[string]any{"N": len(v.Questions)})
	}
	status = append(status, qs)
	for range v.Unconfirmed {
		status = append(status, lang.L("Confirmation of understanding: not signed yet"))
	}
	status = append(status, candidatesStatus(v, pm))
	switch {
	case v.Decision != nil && v.Decision.Selected == "":
		status = append(status, lang.L("The decision has been recorded: no appointment."))
	case v.Decision != nil:
		status = append(status, lang.L("The decision has been recorded: candidate {{.N}} is selected.", map[string]any{"N": v.Decision.Selected}))
	}
	msg := newErrorLabel()
	names := s.names()
	var actions []fyne.CanvasObject
	// Every button that is grey says why, in the lines above the buttons.
	var why []string
	add := func(text string, enabled bool, tapped func(), reason string) {
		b := s.u.button(text, tapped)
		if !enabled {
			b.Disable()
			why = append(why, lang.L("{{.Action}}: {{.Reason}}", map[string]any{"Action": text, "Reason": reason}))
		}
		actions = append(actions, b)
	}
	// What this member may do, and why not, is the kiosk's (v.Can); the screen words it.
	decidedWhy := lang.L("the decision has been recorded.")
	can := v.Can
	if can.EditSetup.Offered {
		add(lang.L("Scoring scale"), can.EditSetup.Open(), s.showPanelScale, lang.L("fixed since the first candidate's interview."))
	}
	add(lang.L("Questions"), true, s.showPanelQuestions, "")
	if can.Candidates.Offered {
		add(lang.L("Candidates"), can.Candidates.Open(), s.showPanelCandidates, decidedWhy)
	}
	if can.Interview.Offered {
		add(lang.L("Interview a candidate"), can.Interview.Open(), s.showPanelInterviewPick, decidedWhy)
	} else if line := s.notLeadText(v); line != "" {
		why = append(why, line)
	}
	if can.ContributeQuestion.Open() {
		add(lang.L("Add my own question"), true, s.showPanelOwnQuestion, "")
	}
	add(lang.L("Confirmation sheet"), true, s.showConfirmPoints, "")
	s.scoreAction(can.Score, add) // panel_order.go
	add(lang.L("Scores of the panel"), true, func() { s.showPanelGrid(0) }, "")
	if can.Decide.Offered {
		decisionWhy := decidedWhy
		if v.Decision == nil {
			decisionWhy = blockersText(v.Blockers, names)
		}
		add(lang.L("Record the decision"), can.Decide.Open(), s.showPanelDecision, decisionWhy)
	}
	if can.Export.Offered {
		add(lang.L("Export the record"), can.Export.Open(), s.showPanelExport, lang.L("first record the decision."))
	}
	s.orderActions(v, add) // panel_order.go
	// A member whose PIN was reset waits for one who holds the key to let them in again.
	engID := v.EngagementID
	if waiting, err := s.u.kiosk.Waiting(s.u.ctx, kiosk.GroupPanel, engID); err == nil {
		for _, m := range waiting {
			add(lang.L("Let in {{.Name}}", map[string]any{"Name": m.Name}), true, func() {
				if err := pm.LetIn(s.u.ctx, m.ID); err != nil {
					msg.set(err)
					return
				}
				s.showPanelHome()
			}, "")
		}
	}
	cols := 3
	if s.u.theme.large && s.u.win.Canvas().Size().Width < 1000 {
		cols = 2
	}
	// The status is one paragraph: the actions below keep their room at 800x480.
	lines := container.NewVBox(para(strings.Join(status, " · ")))
	head := heading(lang.L("{{.Title}}, {{.Band}}", map[string]any{"Title": v.Post.Title, "Band": v.Post.Band}))
	// Who is signed in heads the status lines, which scroll: the actions keep their room.
	lines.Objects = append([]fyne.CanvasObject{para(lang.L("{{.Name}}: {{.Roles}}", map[string]any{"Name": pm.Name(), "Roles": rolesText(v.Me)}))}, lines.Objects...)
	// Why a button is grey comes first, where the room is smallest (the larger text).
	if len(why) > 0 {
		w := para(strings.Join(why, " "))
		w.Importance = widget.WarningImportance
		lines.Objects = append([]fyne.CanvasObject{w}, lines.Objects...)
	}
	s.u.show("panel-home", screenIdle, container.NewBorder(
		container.NewVBox(head, msg.Label),
		container.NewHBox(s.u.button(lang.L("Sign out"), func() { s.close(); s.showPanelLobby(engID, "") })),
		nil, nil,
		// The actions keep their room; the status lines scroll in what is left.
		container.NewBorder(nil, container.NewGridWithColumns(cols, actions...), nil, nil, newTouchScroll(lines))))
}

// candidatesStatus is the overview's line on the candidates, for the step the panel is at: in
// the guide's order, before the discussion, how many have been seen (nobody scores yet);
// otherwise how many every member has scored. Withdrawn candidates are counted apart.
func candidatesStatus(v panels.PanelView, pm *panels.PanelMember) string {
	active, withdrawn, seen, done := 0, 0, 0, 0
	for _, c := range v.Candidates {
		switch {
		case c.Withdrawn():
			withdrawn++
			continue
		case c.ScoredByAll:
			done++
		}
		active++
		if c.Interviewed {
			seen++
		}
	}
	args := map[string]any{"N": active, "Seen": seen, "Done": done, "W": withdrawn}
	if p, err := pm.Progress(); err == nil && p.Order == panel.OrderGuide && p.Discussion == nil {
		if withdrawn > 0 {
			return lang.L("Candidates: {{.N}}, {{.Seen}} seen, {{.W}} withdrawn", args)
		}
		return lang.L("Candidates: {{.N}}, {{.Seen}} seen", args)
	}
	if withdrawn > 0 {
		return lang.L("Candidates: {{.N}}, {{.Done}} scored by everyone, {{.W}} withdrawn", args)
	}
	return lang.L("Candidates: {{.N}}, {{.Done}} scored by everyone", args)
}

// notLeadText tells a chair or appointing officer who is not leading the interviews why
// Interview a candidate is not theirs: who leads, and where that is changed. "" for a member
// who cannot change the lead, or once the decision is recorded.
func (s *panelScreens) notLeadText(v panels.PanelView) string {
	if !v.Can.Lead.Offered || v.Decision != nil {
		return ""
	}
	p, err := s.panel.Progress()
	if err != nil || p.LeadID == "" {
		return ""
	}
	role := lang.L("the chair")
	for _, m := range v.Members {
		if m.ID == p.LeadID && m.Has(panel.RoleAppointingOfficer) {
			role = lang.L("the appointing officer")
		}
	}
	// Before the first interview Order and lead is on the overview; after it, on The
	// discussion's screen.
	where := lang.L("Order and lead")
	if v.Frozen {
		where = lang.L("The discussion, then Order and lead")
	}
	return lang.L("Interview a candidate: {{.Name}}, {{.Role}}, leads the interviews ({{.Where}}).",
		map[string]any{"Name": s.names()[p.LeadID], "Role": role, "Where": where})
}

// blockersText words what keeps the decision from being recorded, with what to do.
func blockersText(bs []panel.Blocker, names map[string]string) string {
	var parts []string
	for _, b := range bs {
		switch {
		case b.Discussion:
			parts = append(parts, lang.L("the panel's discussion is not recorded yet (The discussion)"))
		case b.Candidate == "":
			return lang.L("add the candidates first (Candidates).")
		case b.NotInterviewed:
			parts = append(parts, lang.L("candidate {{.N}} has not been interviewed: interview them, or withdraw them with the reason (Candidates)", map[string]any{"N": b.Candidate}))
		default:
			var w []string
			for _, id := range b.Waiting {
				w = append(w, names[id])
			}
			parts = append(parts, lang.L("candidate {{.N}} still needs the scores of {{.Names}}", map[string]any{"N": b.Candidate, "Names": strings.Join(w, ", ")}))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + "."
}
