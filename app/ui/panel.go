package ui

import (
	"errors"
	"fmt"
	"image/color"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/panel"
	"quietroom/app/protocol"
	"quietroom/app/report/fynefont"
	"quietroom/app/session"
)

// The recruitment panel's screens. One kiosk sits on the panel's table; members take turns
// with their own PINs. Between them the lobby shows who has scored, never a score. A signed-in
// member's panel (u.panel) holds the recruitment's key until they sign out.

// panelPackID is the pack whose candidate preamble and consent the panel shows.
const panelPackID = kiosk.PanelPackID

func (u *UI) closePanel() {
	if u.panel != nil {
		u.panel.Close()
		u.panel = nil
	}
}

// names maps interviewer ids to display names.
func (u *UI) names() map[string]string {
	out := map[string]string{}
	if ivs, err := u.kiosk.Interviewers(u.ctx); err == nil {
		for _, iv := range ivs {
			out[iv.ID] = iv.DisplayName
		}
	}
	return out
}

func roleName(r panel.Role) string {
	switch r {
	case panel.RoleAppointingOfficer:
		return lang.L("Appointing officer")
	case panel.RoleChair:
		return lang.L("Chair")
	case panel.RoleStaff:
		return lang.L("Member of staff")
	case panel.RolePartner:
		return lang.L("Service user or carer")
	}
	return string(r)
}

func rolesText(m panel.Member) string {
	var s []string
	for _, r := range m.Roles {
		s = append(s, roleName(r))
	}
	return strings.Join(s, lang.L(" and "))
}

// showPanels lists the recruitments the signed-in interviewer is on, and those without a panel
// yet.
func (u *UI) showPanels() {
	s := u.signedIn
	if s == nil {
		u.showHome()
		return
	}
	msg := newErrorLabel()
	mine, open, err := s.Panels(u.ctx)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, p := range mine {
		title := p.Title
		if w, _ := s.WaitingIn(u.ctx, kiosk.GroupPanel, p.EngagementID); w {
			title = lang.L("{{.Title}} · waiting to be let in again by another member", map[string]any{"Title": p.Title})
		}
		rows = append(rows, u.button(title, func() {
			pm, err := s.OpenPanel(u.ctx, p.EngagementID)
			if err != nil {
				msg.set(err)
				return
			}
			u.signedIn = nil
			u.panel = pm
			u.showPanelHome()
		}))
	}
	for _, e := range open {
		rows = append(rows, u.button(lang.L("Set up the panel: {{.Title}}", map[string]any{"Title": e.Title}), func() {
			u.showPanelNew(&panelForm{eng: e})
		}))
	}
	if len(rows) == 0 && err == nil {
		rows = append(rows, para(lang.L("You are on no panel. An admin adds a recruitment; its appointing officer or chair sets up the panel.")))
	}
	u.show("panels", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Recruitment panels")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), u.showInterviewerMenu), u.button(lang.L("Sign out"), u.showHome)), nil, nil,
		u.newFitPages(rows)))
}

// panelForm is a new panel's set-up in progress.
type panelForm struct {
	eng         session.Engagement
	title, band string
	roles       map[string][]panel.Role
}

// showPanelNew is step 1 of a new panel: the post, a job and never a person.
func (u *UI) showPanelNew(f *panelForm) {
	head := widget.NewLabel(lang.L("{{.Title}}: the post (a job, never a person's name)", map[string]any{"Title": f.eng.Title}))
	head.TextStyle.Bold = true
	head.Truncation = fyne.TextTruncateEllipsis
	u.typedStep("panel-new", head, true, u.showPanels, func() { u.showPanelMembers(f) },
		typedField{lang.L("Job title, e.g. Community mental health nurse"), &f.title},
		typedField{lang.L("Band, e.g. Band 6"), &f.band})
}

// showPanelMembers is step 2: who is on the panel, in which roles.
func (u *UI) showPanelMembers(f *panelForm) {
	if f.roles == nil {
		f.roles = map[string][]panel.Role{}
	}
	msg := newErrorLabel()
	ivs, err := u.kiosk.Interviewers(u.ctx)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, iv := range ivs {
		if iv.Disabled {
			continue
		}
		checks := container.NewGridWithColumns(2)
		for _, r := range panel.Roles() {
			c := widget.NewCheck(roleName(r), func(on bool) {
				u.touch()
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
	create := u.primary(lang.L("Set up the panel"), func() {
		var ms []panel.Member
		for _, iv := range ivs {
			if rs := f.roles[iv.ID]; len(rs) > 0 {
				ms = append(ms, panel.Member{ID: iv.ID, Roles: slices.Clone(rs)})
			}
		}
		pm, err := u.signedIn.CreatePanel(u.ctx, f.eng.ID, panel.Post{Title: f.title, Band: f.band}, ms)
		if err != nil {
			msg.set(err)
			return
		}
		u.signedIn = nil
		u.panel = pm
		u.showPanelHome()
	})
	if u.signedIn == nil {
		create.Disable()
	}
	u.show("panel-members", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Who is on the panel? At least three people.")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), func() { u.showPanelNew(f) }), layout.NewSpacer(), create),
		nil, nil, u.newFitPages(rows)))
}

// view runs fn on the signed-in member's recruitment; false when there is none (Home shown).
func (u *UI) view(fn func(r *panel.Recruitment)) bool {
	if u.panel == nil || u.panel.View(fn) != nil {
		u.showHome()
		return false
	}
	return true
}

// showPanelHome is a signed-in member's overview of the recruitment and what they can do.
func (u *UI) showPanelHome() {
	pm := u.panel
	var (
		me        panel.Member
		status    []string
		r         *panel.Recruitment
		chairs    bool
		partner   bool
		decided   bool
		allScored bool
		engID     string
		blockers  []panel.Blocker
		scored    int
	)
	if !u.view(func(x *panel.Recruitment) {
		r = x
		me, _ = x.Member(pm.ID())
		chairs = me.Has(panel.RoleChair) || me.Has(panel.RoleAppointingOfficer)
		partner = me.Has(panel.RolePartner)
		decided = x.Decision != nil
		allScored = x.AllCandidatesScored()
		blockers = x.DecisionBlockers()
		scored = len(x.Interviewed())
		engID = x.EngagementID
		if err := x.Scale.Ready(); err != nil {
			status = append(status, lang.L("Scoring scale: not set yet (the 1-5 labels are a placeholder)"))
		} else {
			status = append(status, lang.L("Scoring scale: {{.Min}} to {{.Max}}", map[string]any{"Min": x.Scale.Min, "Max": x.Scale.Max}))
		}
		qs := lang.L("Questions: {{.N}}", map[string]any{"N": len(x.Questions)})
		if x.Frozen() {
			qs = lang.L("Questions: {{.N}}, fixed for every candidate", map[string]any{"N": len(x.Questions)})
		}
		status = append(status, qs)
		for _, p := range x.WithRole(panel.RolePartner) {
			if !x.Confirmed(p.ID) {
				status = append(status, lang.L("Confirmation of understanding: not signed yet"))
			}
		}
		done, withdrawn := 0, 0
		for _, c := range x.Candidates {
			if c.Withdrawn() {
				withdrawn++
			} else if x.AllScored(c.Number) {
				done++
			}
		}
		cands := lang.L("Candidates: {{.N}}, {{.Done}} scored by everyone", map[string]any{"N": len(x.Candidates) - withdrawn, "Done": done})
		if withdrawn > 0 {
			cands = lang.L("Candidates: {{.N}}, {{.Done}} scored by everyone, {{.W}} withdrawn", map[string]any{"N": len(x.Candidates) - withdrawn, "Done": done, "W": withdrawn})
		}
		status = append(status, cands)
		switch {
		case x.Decision != nil && x.Decision.Selected == "":
			status = append(status, lang.L("The decision has been recorded: no appointment."))
		case x.Decision != nil:
			status = append(status, lang.L("The decision has been recorded: candidate {{.N}} is selected.", map[string]any{"N": x.Decision.Selected}))
		}
	}) {
		return
	}
	msg := newErrorLabel()
	frozen := r.Frozen()
	names := u.names()
	var actions []fyne.CanvasObject
	// Every button that is grey says why, in the lines above the buttons.
	var why []string
	add := func(text string, enabled bool, tapped func(), reason string) {
		b := u.button(text, tapped)
		if !enabled {
			b.Disable()
			why = append(why, lang.L("{{.Action}}: {{.Reason}}", map[string]any{"Action": text, "Reason": reason}))
		}
		actions = append(actions, b)
	}
	decidedWhy := lang.L("the decision has been recorded.")
	if chairs {
		add(lang.L("Scoring scale"), !frozen, u.showPanelScale, lang.L("fixed since the first candidate's interview."))
		add(lang.L("Questions"), true, u.showPanelQuestions, "")
		add(lang.L("Candidates"), !decided, u.showPanelCandidates, decidedWhy)
		add(lang.L("Interview a candidate"), !decided, u.showPanelInterviewPick, decidedWhy)
	}
	if !chairs {
		add(lang.L("Questions"), true, u.showPanelQuestions, "")
	}
	if !frozen {
		add(lang.L("Add my own question"), true, u.showPanelOwnQuestion, "")
	}
	add(lang.L("Confirmation sheet"), true, u.showConfirmPoints, "")
	add(lang.L("Score a candidate"), scored > 0, u.showPanelScorePick, lang.L("no candidate has been interviewed yet."))
	add(lang.L("Scores of the panel"), true, func() { u.showPanelGrid(0) }, "")
	if me.Has(panel.RoleAppointingOfficer) {
		decisionWhy := decidedWhy
		if !decided {
			decisionWhy = blockersText(blockers, names)
		}
		add(lang.L("Record the decision"), allScored && !decided, u.showPanelDecision, decisionWhy)
		add(lang.L("Export the record"), decided, u.showPanelExport, lang.L("first record the decision."))
	}
	// A member whose PIN was reset waits for one who holds the key to let them in again.
	if waiting, err := u.kiosk.Waiting(u.ctx, kiosk.GroupPanel, engID); err == nil {
		for _, m := range waiting {
			add(lang.L("Let in {{.Name}}", map[string]any{"Name": m.Name}), true, func() {
				if err := pm.LetIn(u.ctx, m.ID); err != nil {
					msg.set(err)
					return
				}
				u.showPanelHome()
			}, "")
		}
	}
	_ = partner
	cols := 3
	if u.theme.large && u.win.Canvas().Size().Width < 1000 {
		cols = 2
	}
	// The status is one paragraph: the actions below keep their room at 800x480.
	lines := container.NewVBox(para(strings.Join(status, " · ")))
	head := heading(lang.L("{{.Title}}, {{.Band}}", map[string]any{"Title": r.Post.Title, "Band": r.Post.Band}))
	// Who is signed in heads the status lines, which scroll: the actions keep their room.
	lines.Objects = append([]fyne.CanvasObject{para(lang.L("{{.Name}}: {{.Roles}}", map[string]any{"Name": pm.Name(), "Roles": rolesText(me)}))}, lines.Objects...)
	// Why a button is grey comes first, where the room is smallest (the larger text).
	if len(why) > 0 {
		w := para(strings.Join(why, " "))
		w.Importance = widget.WarningImportance
		lines.Objects = append([]fyne.CanvasObject{w}, lines.Objects...)
	}
	u.show("panel-home", screenIdle, container.NewBorder(
		container.NewVBox(head, msg.Label),
		container.NewHBox(u.button(lang.L("Sign out"), func() { u.closePanel(); u.showPanelLobby(engID, "") })),
		nil, nil,
		// The actions keep their room; the status lines scroll in what is left.
		container.NewBorder(nil, container.NewGridWithColumns(cols, actions...), nil, nil, newTouchScroll(lines))))
}

// showPanelScale sets the organisation's scoring scale: its range and a label per score.
func (u *UI) showPanelScale() {
	var s panel.Scale
	if !u.view(func(r *panel.Recruitment) { s = r.Scale; s.Labels = slices.Clone(r.Scale.Labels) }) {
		return
	}
	msg := newErrorLabel()
	if s.Placeholder {
		msg.SetText(lang.L("These labels are a placeholder: give each score your organisation's label before the first candidate."))
	}
	resize := func(min, max int) {
		if min < 0 || max <= min || max-min > 10 {
			return
		}
		old := s
		s.Min, s.Max, s.Placeholder = min, max, false
		s.Labels = make([]string, max-min+1)
		if !old.Placeholder {
			for v := min; v <= max; v++ {
				s.Labels[v-min] = old.Label(v)
			}
		}
		if err := u.panel.SetScale(u.ctx, s); err != nil {
			msg.set(err)
			return
		}
		u.showPanelScale()
	}
	rangeText := widget.NewLabel(lang.L("Scores {{.Min}} to {{.Max}}", map[string]any{"Min": s.Min, "Max": s.Max}))
	rangeText.TextStyle.Bold = true
	controls := container.NewHBox(
		widget.NewLabel(lang.L("Lowest")), u.iconButton(theme.ContentRemoveIcon(), func() { resize(s.Min-1, s.Max) }), u.iconButton(theme.ContentAddIcon(), func() { resize(s.Min+1, s.Max) }),
		rangeText,
		widget.NewLabel(lang.L("Highest")), u.iconButton(theme.ContentRemoveIcon(), func() { resize(s.Min, s.Max-1) }), u.iconButton(theme.ContentAddIcon(), func() { resize(s.Min, s.Max+1) }))
	var rows []fyne.CanvasObject
	for _, v := range s.Levels() {
		label := s.Label(v)
		if label == "" || s.Placeholder {
			label = lang.L("(no label yet)") + " " + label
		}
		b := u.button(fmt.Sprintf("%d: %s", v, label), func() {
			u.showPanelText(lang.L("Label of score {{.V}}", map[string]any{"V": v}), labelOf(s, v), panel.MaxLabelLen, func(text string) error {
				n := s
				n.Labels = slices.Clone(s.Labels)
				if n.Placeholder {
					n.Labels = make([]string, len(s.Labels))
					n.Placeholder = false
				}
				n.Labels[v-n.Min] = text
				return u.panel.SetScale(u.ctx, n)
			}, u.showPanelScale)
		})
		b.Alignment = widget.ButtonAlignLeading
		rows = append(rows, b)
	}
	u.show("panel-scale", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Scoring scale: tap a score to label it")), controls, msg.Label),
		container.NewHBox(u.button(lang.L("Back"), u.showPanelHome)), nil, nil,
		u.newFitPages(rows)))
}

func labelOf(s panel.Scale, v int) string {
	if s.Placeholder {
		return ""
	}
	return s.Label(v)
}

// showPanelText is a one-field screen with the keyboard: save runs on Save; back after it.
func (u *UI) showPanelText(title, text string, max int, save func(string) error, back func()) {
	e := newKBEntry(u.kb, max > 200)
	e.SetText(text)
	if max > 200 {
		e.SetMinRowsVisible(3)
	}
	u.kb.SetTarget(e)
	msg := newErrorLabel()
	ok := u.primary(lang.L("Save"), func() {
		if err := save(e.Text); err != nil {
			msg.set(err)
			return
		}
		back()
	})
	t := subheading(title)
	t.TextStyle.Bold = true
	u.show("panel-text", screenIdle, container.NewBorder(
		container.NewVBox(t, msg.Label),
		container.NewVBox(container.NewHBox(u.button(lang.L("Back"), back), layout.NewSpacer(), ok), u.kb),
		nil, nil, e))
	u.win.Canvas().Focus(e)
}

// showPanelQuestions is the question set: chosen and ordered before the first candidate, with
// who asks each; fixed after.
func (u *UI) showPanelQuestions() {
	var (
		qs     []panel.Question
		frozen bool
		chairs bool
		ms     []panel.Member
	)
	if !u.view(func(r *panel.Recruitment) {
		qs, frozen, ms = slices.Clone(r.Questions), r.Frozen(), r.Members
		me, _ := r.Member(u.panel.ID())
		chairs = me.Has(panel.RoleChair) || me.Has(panel.RoleAppointingOfficer)
	}) {
		return
	}
	names := u.names()
	msg := newErrorLabel()
	editable := chairs && !frozen
	save := func(n []panel.Question) {
		if err := u.panel.SetQuestions(u.ctx, n); err != nil {
			msg.set(err)
			return
		}
		u.showPanelQuestions()
	}
	var rows []fyne.CanvasObject
	for i, q := range qs {
		text := widget.NewLabel(fmt.Sprintf("%d. %s", i+1, q.QuestionText()))
		text.Truncation = fyne.TextTruncateEllipsis
		asker := names[q.AskedBy]
		if asker == "" {
			asker = lang.L("nobody yet")
		}
		askedBy := u.button(lang.L("Asked by: {{.Name}}", map[string]any{"Name": asker}), func() {
			// Each tap gives the question to the next member.
			j := slices.IndexFunc(ms, func(m panel.Member) bool { return m.ID == q.AskedBy })
			n := slices.Clone(qs)
			n[i].AskedBy = ms[(j+1)%len(ms)].ID
			save(n)
		})
		anchors := u.button(lang.L("Anchors"), func() { u.showPanelAnchors(i) })
		up := u.iconButton(theme.MoveUpIcon(), func() {
			n := slices.Clone(qs)
			if i > 0 {
				n[i-1], n[i] = n[i], n[i-1]
			}
			save(n)
		})
		down := u.iconButton(theme.MoveDownIcon(), func() {
			n := slices.Clone(qs)
			if i < len(n)-1 {
				n[i+1], n[i] = n[i], n[i+1]
			}
			save(n)
		})
		remove := u.button(lang.L("Remove"), func() { save(slices.Delete(slices.Clone(qs), i, i+1)) })
		if i == 0 {
			up.Disable()
		}
		if i == len(qs)-1 {
			down.Disable()
		}
		for _, b := range []*Button{askedBy, anchors, up, down, remove} {
			if !editable {
				b.Disable()
			}
		}
		if !editable {
			// Anchors are read as well as set.
			anchors.Enable()
		}
		rows = append(rows, container.NewVBox(text, container.NewHBox(askedBy, anchors, layout.NewSpacer(), up, down, remove)))
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("No questions yet. Add them from the pack, or add the panel's own.")))
	}
	note := lang.L("Every candidate is asked these questions, in this order, worded the same.")
	if frozen {
		note = lang.L("Fixed: the first candidate has been interviewed, so the questions cannot change.")
	}
	bottom := container.NewHBox(u.button(lang.L("Back"), u.showPanelHome), layout.NewSpacer())
	if editable {
		bottom.Add(u.button(lang.L("Add from the pack"), u.showPanelPackQuestions))
		bottom.Add(u.button(lang.L("Add the panel's own"), u.showPanelOwnQuestion))
	}
	n := widget.NewLabel(note)
	n.Wrapping = fyne.TextWrapWord
	u.show("panel-questions", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Questions")), n, msg.Label), bottom, nil, nil,
		u.newFitPages(rows)))
}

// showPanelPackQuestions adds questions from the built-in recruitment pack.
func (u *UI) showPanelPackQuestions() {
	var qs []panel.Question
	if !u.view(func(r *panel.Recruitment) { qs = slices.Clone(r.Questions) }) {
		return
	}
	msg := newErrorLabel()
	var rows []fyne.CanvasObject
	for _, p := range u.kiosk.Packs() {
		if p.Kind != protocol.KindPanel {
			continue
		}
		for _, t := range p.Topics {
			q, err := panel.FromPack(p, t.ID)
			if err != nil || slices.ContainsFunc(qs, func(x panel.Question) bool { return x.ID == q.ID }) {
				continue
			}
			b := u.button(cutToWidth(t.Question, u.win.Canvas().Size().Width-200), func() {
				q.AskedBy = u.panel.ID()
				if err := u.panel.SetQuestions(u.ctx, append(slices.Clone(qs), q)); err != nil {
					msg.set(err)
					return
				}
				u.showPanelPackQuestions()
			})
			b.Alignment = widget.ButtonAlignLeading
			rows = append(rows, b)
		}
	}
	u.show("panel-pack-questions", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Tap a question to add it to the end")), msg.Label),
		container.NewHBox(u.button(lang.L("Done"), u.showPanelQuestions)), nil, nil,
		u.newFitPages(rows)))
}

// showPanelOwnQuestion lets a member (the service user or carer first of all) contribute a
// question, which they ask.
func (u *UI) showPanelOwnQuestion() {
	u.showPanelText(lang.L("Your question, as you will ask it of every candidate"), "", panel.MaxQuestionLen,
		func(text string) error { return u.panel.ContributeQuestion(u.ctx, text) }, u.showPanelQuestions)
}

// showPanelAnchors shows and (before the first candidate) sets what an answer at each score
// looks like for question i.
func (u *UI) showPanelAnchors(i int) {
	var (
		q      panel.Question
		s      panel.Scale
		qs     []panel.Question
		frozen bool
	)
	if !u.view(func(r *panel.Recruitment) {
		qs, s, frozen = slices.Clone(r.Questions), r.Scale, r.Frozen()
		if i < len(qs) {
			q = qs[i]
		}
	}) {
		return
	}
	var rows []fyne.CanvasObject
	for _, v := range s.Levels() {
		text := q.Anchor(s, v)
		if text == "" {
			text = lang.L("(no anchor)")
		}
		b := u.button(fmt.Sprintf("%d: %s", v, text), func() {
			u.showPanelText(lang.L("What an answer scoring {{.V}} looks like", map[string]any{"V": v}), q.Anchor(s, v), panel.MaxAnchorLen, func(t string) error {
				n := slices.Clone(qs)
				a := make([]string, len(s.Levels()))
				copy(a, n[i].Anchors)
				a[v-s.Min] = t
				n[i].Anchors = a
				return u.panel.SetQuestions(u.ctx, n)
			}, func() { u.showPanelAnchors(i) })
		})
		b.Alignment = widget.ButtonAlignLeading
		if frozen {
			b.Disable()
		}
		rows = append(rows, b)
	}
	t := widget.NewLabel(q.QuestionText())
	t.Truncation = fyne.TextTruncateEllipsis
	u.show("panel-anchors", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Anchors: what an answer at each score looks like")), t),
		container.NewHBox(u.button(lang.L("Back"), u.showPanelQuestions)), nil, nil,
		u.newFitPages(rows)))
}

// blockersText words what keeps the decision from being recorded, with what to do.
func blockersText(bs []panel.Blocker, names map[string]string) string {
	var parts []string
	for _, b := range bs {
		switch {
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

// withdrawalText is why a candidate was withdrawn, as the screens say it.
func withdrawalText(w panel.Withdrawal) string {
	switch w {
	case panel.WithdrawDeclined:
		return lang.L("withdrew")
	case panel.WithdrawNoShow:
		return lang.L("did not attend")
	case panel.WithdrawError:
		return lang.L("entered in error")
	}
	return string(w)
}

// candidateText is a candidate's number and, once withdrawn, why.
func candidateText(c panel.Candidate) string {
	if c.Withdrawn() {
		return lang.L("{{.N}} (withdrawn: {{.Why}})", map[string]any{"N": c.Number, "Why": withdrawalText(c.Withdrawal)})
	}
	return c.Number
}

// showPanelCandidates adds candidates by number.
func (u *UI) showPanelCandidates() {
	var cs []panel.Candidate
	if !u.view(func(r *panel.Recruitment) { cs = slices.Clone(r.Candidates) }) {
		return
	}
	msg := newErrorLabel()
	number := newKBEntry(u.kb, false)
	number.SetPlaceHolder(lang.L("Candidate number (never a name)"))
	u.kb.SetTarget(number)
	addIt := func() {
		if err := u.panel.AddCandidate(u.ctx, number.Text); err != nil {
			msg.set(err)
			return
		}
		u.showPanelCandidates()
	}
	number.OnSubmitted = func(string) { addIt() }
	var list []string
	for _, c := range cs {
		list = append(list, candidateText(c))
	}
	have := widget.NewLabel(lang.L("Candidates: {{.List}}", map[string]any{"List": strings.Join(list, ", ")}))
	have.Wrapping = fyne.TextWrapWord
	if len(cs) == 0 {
		have.SetText(lang.L("No candidates yet."))
	}
	withdraw := u.button(lang.L("Withdraw a candidate"), u.showPanelWithdrawPick)
	if !slices.ContainsFunc(cs, func(c panel.Candidate) bool { return !c.Withdrawn() }) {
		withdraw.Disable()
	}
	// The list and the refusal scroll in the room the keyboard leaves: a long list or a
	// refusal of two lines never pushes the keyboard off the screen.
	u.show("panel-candidates", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Candidates, by their number")), number),
		container.NewVBox(container.NewHBox(u.button(lang.L("Back"), u.showPanelHome), withdraw, layout.NewSpacer(), u.primary(lang.L("Add"), addIt)), u.kb),
		nil, nil, newTouchScroll(container.NewVBox(msg.Label, have))))
	u.win.Canvas().Focus(number)
}

// showPanelWithdrawPick chooses the candidate to withdraw.
func (u *UI) showPanelWithdrawPick() {
	var cs []panel.Candidate
	if !u.view(func(r *panel.Recruitment) { cs = r.Active() }) {
		return
	}
	var rows []fyne.CanvasObject
	for _, c := range cs {
		text := lang.L("Candidate {{.N}}", map[string]any{"N": c.Number})
		if !c.InterviewedAt.IsZero() {
			text = lang.L("Candidate {{.N}} (interviewed)", map[string]any{"N": c.Number})
		}
		rows = append(rows, u.button(text, func() { u.showPanelWithdraw(c.Number, "") }))
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("No candidate to withdraw.")))
	}
	u.show("panel-withdraw-pick", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Which candidate is withdrawn?")),
			para(lang.L("A withdrawn candidate stays on the record with the reason; the panel goes on without them."))),
		container.NewHBox(u.button(lang.L("Back"), u.showPanelCandidates)), nil, nil,
		u.newFitPages(rows)))
}

// showPanelWithdraw asks why the candidate is withdrawn, then withdraws them.
func (u *UI) showPanelWithdraw(number string, chosen panel.Withdrawal) {
	var c panel.Candidate
	if !u.view(func(r *panel.Recruitment) { c, _ = r.Candidate(number) }) {
		return
	}
	msg := newErrorLabel()
	var rows []fyne.CanvasObject
	interviewed := !c.InterviewedAt.IsZero()
	for _, w := range panel.Withdrawals() {
		text := map[panel.Withdrawal]string{
			panel.WithdrawDeclined: lang.L("They withdrew"),
			panel.WithdrawNoShow:   lang.L("They did not attend"),
			panel.WithdrawError:    lang.L("The number was entered in error"),
		}[w]
		b := u.button(text, func() { u.showPanelWithdraw(number, w) })
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
	ok := u.primary(lang.L("Withdraw candidate {{.N}}", map[string]any{"N": number}), func() {
		if err := u.panel.WithdrawCandidate(u.ctx, number, chosen); err != nil {
			msg.set(err)
			return
		}
		u.showPanelCandidates()
	})
	if chosen == "" {
		ok.Disable()
		note = lang.L("Choose the reason.") + " " + note
	}
	u.show("panel-withdraw", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Why is candidate {{.N}} withdrawn?", map[string]any{"N": number})), para(note), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), u.showPanelWithdrawPick), layout.NewSpacer(), ok), nil, nil,
		newTouchScroll(container.NewVBox(rows...))))
}

// confirmPoints are the guide's key points the involvement partner reads before their panel.
func confirmPoints() []protocol.Page {
	return []protocol.Page{
		{Title: lang.L("What you should expect"), Text: lang.L("We keep in touch with you before the panel, and help you understand the job description and person specification of the role. We support you to write questions about values. You get clear instructions for the day: where, when, the breaks and who is on the panel with you.")},
		{Title: lang.L("What is expected of you"), Text: lang.L("Check two days before that you have everything you need, and ask if not. Arrive on time, ready to interview. Follow the host's instructions and be courteous. Wear comfortable clothes.")},
		{Title: lang.L("How the panel works"), Text: lang.L("The panel has at least three people: the appointing officer, who leads and makes the final decision; the chair, who welcomes the candidate and keeps the panel running smoothly (often the appointing officer too); a member of staff; and you, with your experience as a service user or carer. You can contribute questions and ask them. Every candidate is asked the same questions in the same way.")},
		{Title: lang.L("Scoring"), Text: lang.L("After each candidate, each of you scores every answer on your own, with a short reason, before anyone sees the others' scores. Scoring is a formal process and is followed precisely; the staff explain the scale. If a candidate does not answer, you record \"no answer\" and still score it. Your scores and notes are a legal document and could be looked at if a candidate disputes the decision.")},
		{Title: lang.L("Data security and confidentiality"), Text: lang.L("Candidates are known by a number, never by name. Do not share anything about the candidates with anyone, during or after the recruitment. On this kiosk your scores are locked with your own PIN, and the record is deleted on the organisation's date.")},
		{Title: lang.L("Keeping the outcome to yourself"), Text: lang.L("You may hear who was successful before the candidates do. Keep it to yourself until it is announced. The appointing officer tells each candidate the decision.")},
	}
}

// showConfirmPoints shows the key points in large, plain text, then the signed sheet (or the
// signed record when it is there).
func (u *UI) showConfirmPoints() { u.showConfirmPage(0) }

func (u *UI) showConfirmPage(page int) {
	pages := confirmPoints()
	var confirmed bool
	if !u.view(func(r *panel.Recruitment) {
		confirmed = len(r.Confirmations) > 0 && len(r.Confirmations) >= len(r.WithRole(panel.RolePartner))
	}) {
		return
	}
	page = min(max(page, 0), len(pages)-1)
	title := heading(pages[page].Title)
	text := widget.NewLabel(pages[page].Text)
	text.Wrapping = fyne.TextWrapWord
	text.SizeName = theme.SizeNameSubHeadingText
	nav := container.NewHBox(u.button(lang.L("Back"), func() {
		if page == 0 {
			u.showPanelHome()
		} else {
			u.showConfirmPage(page - 1)
		}
	}), layout.NewSpacer(), widget.NewLabel(lang.L("Page {{.Page}} of {{.Pages}}", map[string]any{"Page": page + 1, "Pages": len(pages)})), layout.NewSpacer())
	if page < len(pages)-1 {
		nav.Add(u.primary(lang.L("Next"), func() { u.showConfirmPage(page + 1) }))
	} else if confirmed {
		nav.Add(u.primary(lang.L("Show the signed sheet"), u.showConfirmSheet))
	} else {
		nav.Add(u.primary(lang.L("Sign"), func() { u.showConfirmSign(&confirmForm{}) }))
	}
	u.show("panel-confirm-points", screenIdle, container.NewBorder(title, nav, nil, nil, newTouchScroll(text)))
}

// confirmForm is the confirmation sheet being signed.
type confirmForm struct {
	partnerName, staffName string
	partnerSig, staffSig   []byte
	staffID                string
}

// showConfirmSign takes the involvement partner's printed name and signature, then the member
// of staff's.
func (u *UI) showConfirmSign(f *confirmForm) {
	var (
		partners, staff []panel.Member
	)
	if !u.view(func(r *panel.Recruitment) {
		for _, m := range r.Members {
			if m.Has(panel.RolePartner) {
				if !r.Confirmed(m.ID) {
					partners = append(partners, m)
				}
			} else {
				staff = append(staff, m)
			}
		}
	}) {
		return
	}
	if len(partners) == 0 {
		u.showConfirmSheet()
		return
	}
	names := u.names()
	partnerStep := f.partnerSig == nil
	msg := newErrorLabel()
	name := newKBEntry(u.kb, false)
	name.SetPlaceHolder(lang.L("Print your name"))
	pad := NewSignaturePad()
	var who fyne.CanvasObject
	var title string
	date := u.kiosk.Now().Local().Format("2 January 2006")
	// Each signs their own statement: the guide's sheet has the member of staff confirm that
	// the service user or carer completed the guide, and the service user or carer that they
	// understood it.
	statement := lang.L("I confirm that the guide to interviews has been gone through with me and I have understood it.")
	if partnerStep {
		title = lang.L("Service user or carer: {{.Name}}", map[string]any{"Name": names[partners[0].ID]})
		name.SetText(f.partnerName)
		who = widget.NewLabel("")
	} else {
		title = lang.L("Member of staff who went through the guide: tap your name")
		statement = lang.L("I can confirm that {{.Name}} has completed this guide to interviews on {{.Date}}.", map[string]any{"Name": f.partnerName, "Date": date})
		name.SetText(f.staffName)
		row := container.NewHBox()
		for _, m := range staff {
			b := u.button(names[m.ID], nil)
			b.OnTapped = func() {
				u.touch()
				f.staffID = m.ID
				for _, o := range row.Objects {
					o.(*Button).Importance = widget.MediumImportance
					o.Refresh()
				}
				b.Importance = widget.HighImportance
				b.Refresh()
			}
			if m.ID == f.staffID {
				b.Importance = widget.HighImportance
			}
			row.Add(b)
		}
		who = row
	}
	kb := u.newKeyboardPanel(name, pad)
	dateLabel := widget.NewLabel(lang.L("Date: {{.Date}}", map[string]any{"Date": date}))
	next := u.primary(lang.L("Confirm"), func() {
		switch {
		case strings.TrimSpace(name.Text) == "":
			msg.SetText(lang.L("Print your name in the box."))
			return
		case pad.Empty():
			msg.SetText(lang.L("Sign in the box with your finger."))
			return
		}
		if partnerStep {
			f.partnerName, f.partnerSig = name.Text, pad.Bytes()
			u.showConfirmSign(f)
			return
		}
		if f.staffID == "" {
			msg.SetText(lang.L("Tap the name of the member of staff who signs."))
			return
		}
		f.staffName, f.staffSig = name.Text, pad.Bytes()
		u.showConfirmStaffPIN(f, partners[0].ID)
	})
	t := subheading(title)
	t.TextStyle.Bold = true
	u.show("panel-confirm-sign", screenIdle, container.NewBorder(
		container.NewVBox(t, para(statement), msg.Label),
		container.NewVBox(container.NewHBox(u.button(lang.L("Back"), u.showConfirmPoints), u.button(lang.L("Clear signature"), pad.Clear), layout.NewSpacer(), kb.toggle, next), kb.box),
		nil, nil,
		container.NewVBox(who, container.NewBorder(nil, nil, nil, dateLabel, name), pad)))
	kb.arm()
}

// showConfirmStaffPIN has the member of staff confirm their signature with their own PIN:
// the kiosk keeps no staff signature without it.
func (u *UI) showConfirmStaffPIN(f *confirmForm, partnerID string) {
	name := u.names()[f.staffID]
	msg := newErrorLabel()
	if w, err := u.kiosk.PINDelay(u.ctx, f.staffID); err != nil {
		msg.set(err)
	} else if w > 0 {
		msg.SetText(lang.L("Too many wrong PINs. Try again in {{.Seconds}} seconds.", map[string]any{"Seconds": int(w.Seconds())}))
	}
	pad := u.pinPad(func(pin string) {
		err := u.panel.Confirm(u.ctx, panel.Confirmation{PartnerID: partnerID, StaffID: f.staffID,
			PartnerName: f.partnerName, StaffName: f.staffName, PartnerSignature: f.partnerSig, StaffSignature: f.staffSig}, []byte(pin))
		if err != nil {
			msg.set(err)
			return
		}
		u.showConfirmSheet()
	})
	pad.OnKey = u.touch
	u.show("panel-confirm-staff-pin", screenIdle, pinLayout(container.NewVBox(heading(name),
		para(lang.L("Member of staff: your PIN signs the confirmation of understanding. Nobody else can sign for you.")),
		msg.Label, layout.NewSpacer(),
		u.button(lang.L("Back"), func() { f.staffSig = nil; u.showConfirmSign(f) })), pad))
	u.win.Canvas().Focus(pad)
}

// showConfirmSheet shows the signed confirmation of understanding to panel members.
func (u *UI) showConfirmSheet() {
	var cs []panel.Confirmation
	if !u.view(func(r *panel.Recruitment) { cs = slices.Clone(r.Confirmations) }) {
		return
	}
	body := container.NewVBox()
	for _, c := range cs {
		body.Add(para(lang.L("I can confirm that {{.Name}} has completed this guide to interviews on {{.Date}}.", map[string]any{
			"Name": c.PartnerName, "Date": c.At.Local().Format("2 January 2006")})))
		sign := func(role, name string, sig []byte) fyne.CanvasObject {
			r := widget.NewLabel(role)
			r.TextStyle.Bold = true
			r.Truncation = fyne.TextTruncateEllipsis
			n := widget.NewLabel(lang.L("Print name: {{.Name}}", map[string]any{"Name": name}))
			n.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(r, container.NewHBox(signatureView(sig)), n,
				widget.NewLabel(lang.L("Date: {{.Date}}", map[string]any{"Date": c.At.Local().Format("2 January 2006")})))
		}
		body.Add(container.NewGridWithColumns(2,
			sign(lang.L("Staff member signature"), c.StaffName, c.StaffSignature),
			sign(lang.L("Signature of the service user or carer"), c.PartnerName, c.PartnerSignature)))
	}
	if len(cs) == 0 {
		body.Add(para(lang.L("Not signed yet.")))
	}
	u.show("panel-confirm-sheet", screenIdle, container.NewBorder(
		subheading(lang.L("Confirmation of understanding")),
		container.NewHBox(u.button(lang.L("Back"), u.showPanelHome)), nil, nil, newTouchScroll(body)))
}

// signatureView draws a signature pad's strokes ("x,y x,y;x,y ...") scaled into a box.
func signatureView(b []byte) fyne.CanvasObject {
	const w, h = 220, 80
	bg := canvas.NewRectangle(color.Transparent)
	bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	bg.StrokeWidth = 1
	bg.SetMinSize(fyne.NewSize(w, h))
	var strokes [][]fyne.Position
	maxX, maxY := float32(1), float32(1)
	for _, s := range strings.Split(string(b), ";") {
		var st []fyne.Position
		for _, p := range strings.Fields(s) {
			xs, ys, ok := strings.Cut(p, ",")
			x, err1 := strconv.ParseFloat(xs, 32)
			y, err2 := strconv.ParseFloat(ys, 32)
			if !ok || err1 != nil || err2 != nil {
				continue
			}
			st = append(st, fyne.NewPos(float32(x), float32(y)))
			maxX, maxY = max(maxX, float32(x)), max(maxY, float32(y))
		}
		strokes = append(strokes, st)
	}
	scale := min((w-8)/maxX, (h-8)/maxY, 1)
	lines := container.NewWithoutLayout()
	for _, st := range strokes {
		for i := 1; i < len(st); i++ {
			l := canvas.NewLine(theme.Color(theme.ColorNameForeground))
			l.StrokeWidth = 2
			l.Position1 = fyne.NewPos(4+st[i-1].X*scale, 4+st[i-1].Y*scale)
			l.Position2 = fyne.NewPos(4+st[i].X*scale, 4+st[i].Y*scale)
			lines.Add(l)
		}
	}
	return container.NewStack(bg, lines)
}

// showPanelInterviewPick chooses the candidate the chair interviews next.
func (u *UI) showPanelInterviewPick() {
	var (
		cs    []panel.Candidate
		ready error
	)
	if !u.view(func(r *panel.Recruitment) { cs, ready = r.Active(), r.ReadyToInterview() }) {
		return
	}
	msg := newErrorLabel()
	msg.set(ready)
	var rows []fyne.CanvasObject
	for _, c := range cs {
		text := lang.L("Candidate {{.N}}", map[string]any{"N": c.Number})
		if !c.InterviewedAt.IsZero() {
			text = lang.L("Candidate {{.N}} (interviewed: show the questions again)", map[string]any{"N": c.Number})
		}
		b := u.button(text, func() {
			if !c.InterviewedAt.IsZero() {
				u.showPanelPrompts(c.Number, 0, c.InterviewedAt)
				return
			}
			u.showPanelPreamble(c.Number, 0)
		})
		if ready != nil {
			b.Disable()
		}
		rows = append(rows, b)
	}
	if len(cs) == 0 {
		rows = append(rows, para(lang.L("No candidates yet. Add them by number first.")))
	}
	u.show("panel-interview-pick", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Which candidate is here?")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), u.showPanelHome)), nil, nil,
		u.newFitPages(rows)))
}

func (u *UI) panelPack() *protocol.Pack { return u.kiosk.PanelPack() }

// showPanelPreamble is the candidate's information, in large text: the candidate holds the
// screen, with no way to the panel's screens.
func (u *UI) showPanelPreamble(number string, page int) {
	u.kiosk.PanelInterview(true) // the candidate is in the room
	p := u.panelPack()
	var deletion time.Time
	if engs, err := u.kiosk.Engagements(u.ctx); err == nil {
		u.view(func(r *panel.Recruitment) {
			for _, e := range engs {
				if e.ID == r.EngagementID {
					deletion = e.DeletionDate
				}
			}
		})
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
		nav.Add(u.button(lang.L("Back"), func() { u.showPanelPreamble(number, page-1) }))
	}
	nav.Add(layout.NewSpacer())
	nav.Add(widget.NewLabel(lang.L("Page {{.Page}} of {{.Pages}}", map[string]any{"Page": page + 1, "Pages": len(pages)})))
	nav.Add(layout.NewSpacer())
	if page < len(pages)-1 {
		nav.Add(u.primary(lang.L("Next"), func() { u.showPanelPreamble(number, page+1) }))
	} else {
		nav.Add(u.primary(lang.L("Continue to consent"), func() { u.showPanelConsent(number) }))
	}
	u.show("panel-preamble", screenInterviewee, container.NewBorder(
		container.NewBorder(nil, nil, nil, u.button(lang.L("I do not want to take part"), u.showPanelDeclined), heading(pages[page].Title)),
		container.NewVBox(msg.Label, nav), nil, nil, newTouchScroll(text)))
}

// showPanelConsent asks the candidate's consent, each point an explicit choice.
func (u *UI) showPanelConsent(number string) {
	p := u.panelPack()
	choices := map[string]bool{}
	msg := newErrorLabel()
	rows := u.consentRows(p.Consent, choices)
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
	give := u.primary(lang.L("Confirm my choices"), func() {
		// The kiosk keeps the consent rule; the screen words its answer for the candidate.
		err := u.panel.RecordConsent(u.ctx, number, kiosk.CandidateConsent{Choices: choices, TextHash: p.Hash})
		switch {
		case errors.Is(err, protocol.ErrInvalidConsent):
			msg.SetText(lang.L("Please choose Yes or No for every point."))
		case errors.Is(err, panel.ErrConsentRefused):
			msg.SetText(lang.L("The interview needs your agreement to the points that are not optional. If you do not agree, please tell the panel."))
		case err != nil:
			msg.set(err)
		default:
			u.showPanelHandBack(number)
		}
	})
	u.show("panel-consent", screenInterviewee, container.NewBorder(
		container.NewBorder(nil, nil, nil, u.button(lang.L("I do not want to take part"), u.showPanelDeclined), heading(lang.L("Your consent"))),
		container.NewVBox(msg.Label, container.NewHBox(u.button(lang.L("Read the information again"), func() { u.showPanelPreamble(number, 0) }), layout.NewSpacer(), give)),
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

// showPanelDeclined ends a candidate's interview before it starts: nothing is recorded, and
// the chair's PIN takes the screen back to the panel.
func (u *UI) showPanelDeclined() {
	u.kiosk.PanelInterview(false)
	msg := newErrorLabel()
	pad := u.pinPad(func(pin string) {
		if err := u.panel.ConfirmPIN(u.ctx, []byte(pin)); err != nil {
			msg.set(err)
			return
		}
		u.showPanelHome()
	})
	pad.OnKey = u.touch
	u.show("panel-declined", screenInterviewee, pinLayout(container.NewVBox(
		heading(lang.L("Thank you")),
		para(lang.L("That is fine. Nothing about this interview has been recorded.")),
		para(lang.L("Please hand the screen back to {{.Name}}.", map[string]any{"Name": u.panel.Name()})),
		para(lang.L("{{.Name}}: your PIN takes the screen back.", map[string]any{"Name": u.panel.Name()})), msg.Label), pad))
	u.win.Canvas().Focus(pad)
}

// showPanelHandBack asks the candidate to return the screen; the chair's PIN starts the
// questions (and, for the first candidate, fixes the question set).
func (u *UI) showPanelHandBack(number string) {
	msg := newErrorLabel()
	pad := u.pinPad(func(pin string) {
		if err := u.panel.ConfirmPIN(u.ctx, []byte(pin)); err != nil {
			msg.set(err)
			return
		}
		if err := u.panel.StartInterview(u.ctx, number); err != nil {
			msg.set(err)
			return
		}
		var at time.Time
		u.view(func(r *panel.Recruitment) { c, _ := r.Candidate(number); at = c.InterviewedAt })
		u.showPanelPrompts(number, 0, at)
	})
	pad.OnKey = u.touch
	u.show("panel-hand-back", screenInterviewee, pinLayout(container.NewVBox(
		heading(lang.L("Thank you")),
		para(lang.L("Please hand the screen back to {{.Name}}.", map[string]any{"Name": u.panel.Name()})),
		para(lang.L("{{.Name}}: your PIN shows the questions.", map[string]any{"Name": u.panel.Name()})), msg.Label), pad))
	u.win.Canvas().Focus(pad)
}

// showPanelPrompts shows the chair the questions one at a time, in the fixed order, with who
// asks each and the time; there is no skip: a question not answered is scored "no answer".
func (u *UI) showPanelPrompts(number string, i int, started time.Time) {
	var (
		qs []panel.Question
	)
	if !u.view(func(r *panel.Recruitment) { qs = r.Questions }) {
		return
	}
	if len(qs) == 0 {
		u.showPanelHome()
		return
	}
	i = min(max(i, 0), len(qs)-1)
	names := u.names()
	p := u.panelPack()
	planned := time.Duration(p.DurationMinutes) * time.Minute
	timer := widget.NewLabel("")
	tick := func() {
		now := u.kiosk.Now()
		el := max(now.Sub(started), 0)
		u.wakeWithin(untilMinute(now, started))
		if left := planned - el; left > 0 && left <= time.Minute {
			u.wakeWithin(time.Second) // the last minute counts seconds
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
	prev := u.button(lang.L("Previous"), func() { u.showPanelPrompts(number, i-1, started) })
	if i == 0 {
		prev.Disable()
	}
	var next *Button
	if i < len(qs)-1 {
		next = u.primary(lang.L("Next question"), func() { u.showPanelPrompts(number, i+1, started) })
	} else {
		next = u.primary(lang.L("End the interview"), func() {
			engID := ""
			u.view(func(r *panel.Recruitment) { engID = r.EngagementID })
			u.closePanel()
			u.showPanelLobby(engID, number)
		})
	}
	top := container.NewBorder(nil, nil, nil, timer, widget.NewLabel(lang.L("Candidate {{.N}} · question {{.I}} of {{.Total}}", map[string]any{"N": number, "I": i + 1, "Total": len(qs)})))
	u.show("panel-prompts", screenLive, container.NewBorder(top,
		container.NewVBox(para(lang.L("Ask every question the same way, as written. If the candidate does not answer, move on: the panel records \"no answer\" when scoring.")),
			container.NewHBox(prev, layout.NewSpacer(), next)),
		nil, nil, newTouchScroll(container.NewVBox(question, asker))))
	u.onTick = func(session.Status) { tick() }
}

// showPanelLobby is the panel's table between members: who has scored the candidate (never a
// score); each member signs in with their own PIN.
func (u *UI) showPanelLobby(engagementID, candidate string) {
	u.kiosk.PanelInterview(false) // the interview is over; the panel scores
	u.closePanel()
	u.signOut()
	msg := newErrorLabel()
	l, err := u.kiosk.PanelLobby(u.ctx, engagementID)
	if err != nil {
		msg.set(err)
	}
	waiting, _ := u.kiosk.Waiting(u.ctx, kiosk.GroupPanel, engagementID)
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
		rows = append(rows, u.button(text, func() { u.showPanelPIN(m, engagementID, candidate) }))
	}
	title := lang.L("Panel: {{.Title}}", map[string]any{"Title": l.Title})
	sub := lang.L("Each member signs in with their own PIN.")
	if candidate != "" {
		title = lang.L("Candidate {{.N}}: each member scores on their own", map[string]any{"N": candidate})
		sub = lang.L("Nobody sees the others' scores before they have given their own.")
		if !l.Known {
			sub += " " + lang.L("Since the kiosk restarted it knows who has scored only once a member signs in.")
		}
	}
	u.show("panel-lobby", screenIdle, container.NewBorder(
		container.NewVBox(heading(title), para(sub), msg.Label),
		container.NewHBox(u.button(lang.L("Done"), u.showHome)), nil, nil,
		u.newFitPages(rows)))
}

// showPanelPIN signs a member in from the lobby and opens the panel for them: to score the
// candidate when they have not yet, otherwise to the panel's overview.
func (u *UI) showPanelPIN(m session.Interviewer, engagementID, candidate string) {
	msg := newErrorLabel()
	if w, err := u.kiosk.PINDelay(u.ctx, m.ID); err != nil {
		msg.set(err)
	} else if w > 0 {
		msg.SetText(lang.L("Too many wrong PINs. Try again in {{.Seconds}} seconds.", map[string]any{"Seconds": int(w.Seconds())}))
	}
	pad := u.pinPad(func(pin string) {
		s, err := u.kiosk.SignIn(u.ctx, m.ID, []byte(pin))
		if err != nil {
			msg.set(err)
			return
		}
		pm, err := s.OpenPanel(u.ctx, engagementID)
		if err != nil {
			s.SignOut()
			msg.set(err)
			return
		}
		u.panel = pm
		if candidate != "" && !pm.Submitted(candidate) {
			u.showPanelScore(candidate, 0)
			return
		}
		u.showPanelHome()
	})
	pad.OnKey = u.touch
	u.show("panel-pin", screenIdle, pinLayout(container.NewVBox(heading(m.DisplayName), para(lang.L("Enter your PIN.")), msg.Label, layout.NewSpacer(),
		u.button(lang.L("Cancel"), func() { u.showPanelLobby(engagementID, candidate) })), pad))
	u.win.Canvas().Focus(pad)
}

// showPanelScorePick chooses a candidate to score.
func (u *UI) showPanelScorePick() {
	var (
		cs   []panel.Candidate
		done map[string]bool
	)
	if !u.view(func(r *panel.Recruitment) {
		cs = r.Interviewed()
		done = map[string]bool{}
		for _, c := range cs {
			if r.Submitted(u.panel.ID(), c.Number) {
				done[c.Number] = true
			}
		}
	}) {
		return
	}
	var rows []fyne.CanvasObject
	for _, c := range cs {
		text := lang.L("Candidate {{.N}}: to score", map[string]any{"N": c.Number})
		if done[c.Number] {
			text = lang.L("Candidate {{.N}}: scored (see the panel's scores)", map[string]any{"N": c.Number})
		}
		rows = append(rows, u.button(text, func() {
			if done[c.Number] {
				u.showPanelSheets(c.Number)
				return
			}
			u.showPanelScore(c.Number, 0)
		}))
	}
	u.show("panel-score-pick", screenIdle, container.NewBorder(subheading(lang.L("Which candidate?")),
		container.NewHBox(u.button(lang.L("Back"), u.showPanelHome)), nil, nil, u.newFitPages(rows)))
}

// showPanelScore is one question of the member's own sheet: a score button per level with its
// label and the question's anchor, "no answer", and a short reason. Each is saved as it is
// given. After the last question, the notes, then Submit.
func (u *UI) showPanelScore(number string, i int) {
	var (
		qs    []panel.Question
		scale panel.Scale
		mark  panel.Mark
		notes string
	)
	if !u.view(func(r *panel.Recruitment) { qs, scale = r.Questions, r.Scale }) {
		return
	}
	if sh, err := u.panel.Sheet(u.panel.ID(), number); err == nil {
		if i < len(qs) {
			mark = sh.Mark(qs[i].ID)
		}
		notes = sh.Notes
	}
	if i >= len(qs) {
		u.showPanelNotes(number, notes)
		return
	}
	q := qs[i]
	mark.QuestionID = q.ID
	status := newStatusLine()
	save := func(m panel.Mark) bool {
		if err := u.panel.SetMark(u.ctx, number, m); err != nil {
			status.set(err)
			return false
		}
		status.done(lang.L("Saved"))
		return true
	}
	reason := newKBEntry(u.kb, false)
	reason.SetPlaceHolder(lang.L("A short reason for your score"))
	reason.SetText(mark.Reason)
	var scoreRows []fyne.CanvasObject
	for _, v := range scale.Levels() {
		text := fmt.Sprintf("%d · %s", v, scale.Label(v))
		if a := q.Anchor(scale, v); a != "" {
			text += " — " + a
		}
		b := u.button(text, nil)
		b.Alignment = widget.ButtonAlignLeading
		if mark.Scored && mark.Score == v {
			b.Importance = widget.HighImportance
		}
		b.OnTapped = func() {
			u.touch()
			m := mark
			m.Score, m.Scored = v, true
			m.Reason = reason.Text // typed and not yet saved: kept with the score
			if save(m) {
				u.showPanelScore(number, i)
			}
		}
		scoreRows = append(scoreRows, b)
	}
	noAnswer := widget.NewCheck(lang.L("No answer (still give a score)"), nil)
	noAnswer.Checked = mark.NoAnswer
	noAnswer.OnChanged = func(on bool) {
		u.touch()
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
	kb := u.newKeyboardPanel(reason, scores, question)
	kb.whileOpen = []fyne.CanvasObject{reminder}
	prev := u.button(lang.L("Previous"), func() {
		if saveReason() {
			u.showPanelScore(number, i-1)
		}
	})
	if i == 0 {
		prev.Disable()
	}
	next := u.primary(lang.L("Next"), func() {
		if saveReason() {
			u.showPanelScore(number, i+1)
		}
	})
	u.show("panel-score", screenIdle, container.NewBorder(
		container.NewVBox(question, reminder),
		container.NewVBox(container.NewBorder(nil, nil, nil, noAnswer, reason), container.NewBorder(nil, nil, prev, container.NewHBox(kb.toggle, next), status.Label), kb.box),
		nil, nil, newTouchScroll(scores)))
	// Going Home when idle keeps a reason typed and not yet saved.
	u.onIdle = func() error { saveReason(); return nil }
	kb.arm()
}

// showPanelNotes takes the member's notes (optional), then Submit.
func (u *UI) showPanelNotes(number, notes string) {
	e := newKBEntry(u.kb, true)
	e.SetText(notes)
	e.SetPlaceHolder(lang.L("Your notes on this candidate (optional)"))
	msg := newErrorLabel()
	kb := u.newKeyboardPanel(e)
	back := u.button(lang.L("Previous"), func() {
		if err := u.panel.SetNotes(u.ctx, number, e.Text); err != nil {
			msg.set(err)
			return
		}
		n := 0
		u.view(func(r *panel.Recruitment) { n = len(r.Questions) })
		u.showPanelScore(number, n-1)
	})
	submit := u.primary(lang.L("Submit my scores"), func() {
		if err := u.panel.SetNotes(u.ctx, number, e.Text); err != nil {
			msg.set(err)
			return
		}
		if err := u.panel.Submit(u.ctx, number); err != nil {
			msg.set(err)
			return
		}
		u.showPanelSubmitted(number)
	})
	u.show("panel-notes", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Candidate {{.N}}: your notes", map[string]any{"N": number})),
			para(lang.L("Once submitted, your scores cannot change. After that you can see the others' scores for this candidate.")), msg.Label),
		container.NewVBox(container.NewHBox(back, layout.NewSpacer(), kb.toggle, submit), kb.box), nil, nil, e))
	u.onIdle = func() error {
		if err := u.panel.SetNotes(u.ctx, number, e.Text); err != nil {
			u.fail("panel notes", err)
		}
		return nil
	}
	kb.arm()
}

// showPanelSubmitted is the screen after a member submits: it shows nobody's scores, since
// the next member may already be taking the kiosk. The member sees the others' scores only
// by asking for them.
func (u *UI) showPanelSubmitted(number string) {
	var engID string
	if !u.view(func(r *panel.Recruitment) { engID = r.EngagementID }) {
		return
	}
	u.show("panel-submitted", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Your scores for candidate {{.N}} are submitted", map[string]any{"N": number})),
			para(lang.L("Sign out before you hand the kiosk on: the next member signs in with their own PIN.")),
			para(lang.L("You can see the others' scores for this candidate now, on your own, or later from the overview."))),
		container.NewHBox(u.button(lang.L("See the scores"), func() { u.showPanelSheets(number) }), u.button(lang.L("Overview"), u.showPanelHome),
			layout.NewSpacer(), u.primary(lang.L("Sign out, next member"), func() { u.showPanelLobby(engID, number) })),
		nil, nil, layout.NewSpacer()))
}

// showPanelSheets shows the candidate's submitted sheets, once this member has submitted.
func (u *UI) showPanelSheets(number string) {
	if u.panel == nil { // signed out since the button that asks for it was shown
		u.showHome()
		return
	}
	msg := newErrorLabel()
	sheets, err := u.panel.Sheets(number)
	msg.set(err)
	var (
		qs      []panel.Question
		waiting []string
		engID   string
	)
	u.view(func(r *panel.Recruitment) { qs, waiting, engID = r.Questions, r.Waiting(number), r.EngagementID })
	names := u.names()
	var rows []fyne.CanvasObject
	for _, s := range sheets {
		var parts []string
		for i, q := range qs {
			m := s.Mark(q.ID)
			p := fmt.Sprintf("Q%d %d", i+1, m.Score)
			if m.NoAnswer {
				p += lang.L(" (no answer)")
			}
			parts = append(parts, p)
		}
		l := widget.NewLabel(lang.L("{{.Name}}: {{.Scores}} · total {{.Total}}", map[string]any{"Name": names[s.MemberID], "Scores": strings.Join(parts, ", "), "Total": s.Total()}))
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
	u.show("panel-sheets", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Candidate {{.N}}: the panel's scores so far", map[string]any{"N": number})), para(info), msg.Label),
		container.NewHBox(u.button(lang.L("Overview"), u.showPanelHome), u.button(lang.L("Scores of the panel"), func() { u.showPanelGrid(0) }), layout.NewSpacer(),
			u.button(lang.L("Sign out"), func() { u.showPanelLobby(engID, number) })),
		nil, nil, u.newFitPages(rows)))
}

// showPanelGrid is the consolidated grid, a candidate a page: each member's score per
// question, the spread (big ones flagged for discussion) and totals.
func (u *UI) showPanelGrid(page int) {
	if u.panel == nil { // signed out since the button that asks for it was shown
		u.showHome()
		return
	}
	msg := newErrorLabel()
	g, err := u.panel.Grid()
	msg.set(err)
	names := u.names()
	if len(g.Candidates) == 0 {
		u.show("panel-grid", screenIdle, container.NewBorder(subheading(lang.L("Scores of the panel")),
			container.NewHBox(u.button(lang.L("Back"), u.showPanelHome)), nil, nil,
			container.NewVBox(msg.Label, para(lang.L("No candidate has been scored by every member yet. The scores show once everyone has given theirs.")))))
		return
	}
	page = min(max(page, 0), len(g.Candidates)-1)
	c := g.Candidates[page]
	cols := len(g.Members) + 2
	grid := container.NewGridWithColumns(cols)
	cell := func(s string, bold bool, imp widget.Importance) {
		l := widget.NewLabel(s)
		l.TextStyle.Bold = bold
		l.Importance = imp
		l.Truncation = fyne.TextTruncateEllipsis
		grid.Add(l)
	}
	// The members' names head their columns in full, on two lines where they need them.
	head := func(s string) {
		l := widget.NewLabel(s)
		l.TextStyle.Bold = true
		l.Wrapping = fyne.TextWrapWord
		grid.Add(l)
	}
	head(lang.L("Question"))
	for _, id := range g.Members {
		head(names[id])
	}
	head(lang.L("Spread"))
	for i, row := range c.Rows {
		imp := widget.MediumImportance
		if row.Disagree {
			imp = widget.WarningImportance
		}
		cell(fmt.Sprintf("Q%d", i+1), false, imp)
		for j, s := range row.Scores {
			t := strconv.Itoa(s)
			if row.NoAnswer[j] {
				t += " " + lang.L("(no answer)")
			}
			cell(t, false, imp)
		}
		sp := strconv.Itoa(row.Spread)
		if row.Disagree {
			sp = lang.L("{{.S}}: discuss", map[string]any{"S": row.Spread})
		}
		cell(sp, row.Disagree, imp)
	}
	cell(lang.L("Total"), true, widget.MediumImportance)
	for _, t := range c.Totals {
		cell(strconv.Itoa(t), true, widget.MediumImportance)
	}
	cell("", false, widget.MediumImportance) // a spread is per question: the totals have none
	nav := container.NewHBox(u.button(lang.L("Back"), u.showPanelHome), layout.NewSpacer())
	prev := u.button(lang.L("Previous candidate"), func() { u.showPanelGrid(page - 1) })
	next := u.button(lang.L("Next candidate"), func() { u.showPanelGrid(page + 1) })
	if page == 0 {
		prev.Disable()
	}
	if page == len(g.Candidates)-1 {
		next.Disable()
	}
	nav.Add(prev)
	nav.Add(widget.NewLabel(lang.L("{{.I}} of {{.N}}", map[string]any{"I": page + 1, "N": len(g.Candidates)})))
	nav.Add(next)
	flag := lang.L("No big disagreement.")
	if c.Flagged > 0 {
		flag = lang.L("{{.N}} question(s) with scores {{.Spread}} or more apart: discuss them.", map[string]any{"N": c.Flagged, "Spread": g.DisagreeAt})
	}
	// The sum of every member's scores heads the page: under the members' totals it would
	// read as a spread.
	status := lang.L("Candidate {{.N}} · all members' scores together: {{.Total}}", map[string]any{"N": c.Number, "Total": c.Total})
	if !g.Complete {
		flag += " " + lang.L("Not every candidate is scored yet.")
	}
	title := subheading(status)
	title.TextStyle.Bold = true
	// The questions in full under the grid (it scrolls), so Q1, Q2 … are not a code to learn.
	legend := container.NewVBox()
	for i, q := range g.Questions {
		l := widget.NewLabel(fmt.Sprintf("Q%d: %s", i+1, q.QuestionText()))
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = theme.SizeNameCaptionText
		legend.Add(l)
	}
	u.show("panel-grid", screenIdle, container.NewBorder(
		container.NewVBox(title, para(flag), msg.Label), nav, nil, nil, newTouchScroll(container.NewVBox(grid, legend))))
}

// showPanelDecision is the appointing officer's decision: the selected candidate or none, the
// reasons, confirmed by their PIN.
func (u *UI) showPanelDecision() {
	var cs []panel.Candidate
	if !u.view(func(r *panel.Recruitment) { cs = r.Interviewed() }) {
		return
	}
	selected := "?"
	msg := newErrorLabel()
	chosen := widget.NewLabel(lang.L("Outcome: not chosen yet"))
	row := container.NewHBox()
	var buttons []*Button
	pick := func(n string, b *Button) {
		selected = n
		for _, x := range buttons {
			x.Importance = widget.MediumImportance
			x.Refresh()
		}
		b.Importance = widget.HighImportance
		b.Refresh()
		if n == "" {
			chosen.SetText(lang.L("Outcome: no appointment"))
		} else {
			chosen.SetText(lang.L("Outcome: candidate {{.N}} is selected", map[string]any{"N": n}))
		}
	}
	for _, c := range cs {
		b := u.button(c.Number, nil)
		b.OnTapped = func() { u.touch(); pick(c.Number, b) }
		buttons = append(buttons, b)
		row.Add(b)
	}
	none := u.button(lang.L("No appointment"), nil)
	none.OnTapped = func() { u.touch(); pick("", none) }
	buttons = append(buttons, none)
	row.Add(none)
	reasons := newKBEntry(u.kb, true)
	reasons.SetPlaceHolder(lang.L("The reasons for the decision"))
	reasons.SetMinRowsVisible(2)
	title := subheading(lang.L("The decision"))
	kb := u.newKeyboardPanel(reasons, row, title)
	next := u.primary(lang.L("Confirm with my PIN"), func() {
		if selected == "?" {
			msg.SetText(lang.L("Choose the selected candidate, or no appointment."))
			return
		}
		if strings.TrimSpace(reasons.Text) == "" {
			msg.SetText(lang.L("Write the reasons for the decision."))
			return
		}
		u.showPanelDecisionPIN(selected, reasons.Text)
	})
	u.show("panel-decision", screenIdle, container.NewBorder(
		container.NewVBox(title, chosen, msg.Label),
		container.NewVBox(container.NewHBox(u.button(lang.L("Back"), u.showPanelHome), layout.NewSpacer(), kb.toggle, next), kb.box),
		nil, nil, container.NewVBox(newTouchScroll(row), reasons)))
	kb.arm()
}

func (u *UI) showPanelDecisionPIN(selected, reasons string) {
	msg := newErrorLabel()
	pad := u.pinPad(func(pin string) {
		if err := u.panel.Decide(u.ctx, []byte(pin), selected, reasons); err != nil {
			msg.set(err)
			return
		}
		u.showPanelHome()
	})
	pad.OnKey = u.touch
	text := lang.L("No appointment.")
	if selected != "" {
		text = lang.L("Candidate {{.N}} is selected.", map[string]any{"N": selected})
	}
	u.show("panel-decision-pin", screenIdle, pinLayout(container.NewVBox(heading(lang.L("Confirm the decision")), para(text),
		para(lang.L("Your PIN records it. It cannot be changed after.")), msg.Label, layout.NewSpacer(),
		u.button(lang.L("Back"), u.showPanelDecision)), pad))
	u.win.Canvas().Focus(pad)
}

// showPanelExport writes the panel's record to a USB stick as a PDF locked with a password
// typed here (AES-256; any PDF reader opens it with the password). Only the appointing
// officer, after the decision.
func (u *UI) showPanelExport() {
	msg := newErrorLabel()
	sticks := u.kiosk.Sticks()
	chosen := ""
	if len(sticks) > 0 {
		chosen = sticks[0]
	}
	where := widget.NewLabel("")
	where.Truncation = fyne.TextTruncateEllipsis
	showWhere := func() {
		if chosen == "" {
			where.SetText(lang.L("No USB stick found: plug one in, then tap Look again."))
		} else {
			where.SetText(lang.L("Stick: {{.Path}}", map[string]any{"Path": chosen}))
		}
	}
	showWhere()
	pw := newKBEntry(u.kb, false)
	pw.Password = true
	pw.SetPlaceHolder(lang.L("Password (at least 8 characters)"))
	again := newKBEntry(u.kb, false)
	again.Password = true
	again.SetPlaceHolder(lang.L("The password again"))
	u.kb.SetTarget(pw)
	next := u.button(lang.L("Next stick"), func() {
		sticks = u.kiosk.Sticks()
		if len(sticks) == 0 {
			chosen = ""
		} else {
			i := slices.Index(sticks, chosen)
			chosen = sticks[(i+1)%len(sticks)]
		}
		showWhere()
	})
	look := u.button(lang.L("Look again"), func() {
		sticks = u.kiosk.Sticks()
		chosen = ""
		if len(sticks) > 0 {
			chosen = sticks[0]
		}
		showWhere()
	})
	title := subheading(lang.L("Export the record for the appointing officer"))
	export := u.primary(lang.L("Export"), func() {
		path, err := u.panel.Export(u.ctx, chosen, pw.Text, again.Text, fynefont.Fonts())
		pw.SetText("")
		again.SetText("")
		if err != nil {
			title.Hide()
			msg.set(err)
			return
		}
		msg.SetText("")
		u.showPanelExported(filepath.Base(path))
	})
	u.show("panel-export", screenIdle, container.NewBorder(
		// A refusal takes the title's place: with the keyboard open the screen has no room
		// for both, and the refusal is what the person needs to read then.
		container.NewVBox(title, msg.Label, container.NewBorder(nil, nil, nil, container.NewHBox(look, next), where)),
		container.NewVBox(container.NewHBox(u.button(lang.L("Back"), u.showPanelHome), layout.NewSpacer(), export), u.kb),
		nil, nil, container.NewGridWithColumns(2, pw, again)))
}

func (u *UI) showPanelExported(name string) {
	u.show("panel-exported", screenIdle, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Exported")),
		para(lang.L("The record is on the stick as {{.Name}}, locked with the password. Keep the password apart from the stick. Nothing else of the panel leaves the kiosk.", map[string]any{"Name": name})),
		container.NewCenter(u.button(lang.L("Back"), u.showPanelHome)), layout.NewSpacer()))
}

// fitPages is a list of rows that shows as many as the room holds (fitList), with Previous
// page and Next page under it only when the rows need more than one page: a page holds what
// fits at the window's size and text size, not a fixed count.
type fitPages struct {
	list *fitList
	nav  *fyne.Container
}

func (u *UI) newFitPages(rows []fyne.CanvasObject) *fyne.Container {
	l := newFitList(rows, u.touch)
	p := &fitPages{list: l, nav: container.NewHBox(l.prev, layout.NewSpacer(), l.info, layout.NewSpacer(), l.next)}
	return container.New(p, l.box, p.nav)
}

// Layout implements fyne.Layout: the rows take the whole height when they all fit in it,
// otherwise the page buttons take the bottom.
func (p *fitPages) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	if p.list.start == 0 && p.fitsAll(size) {
		p.nav.Hide()
		p.list.box.Move(fyne.NewPos(0, 0))
		p.list.box.Resize(size)
		return
	}
	p.nav.Show()
	navH := p.nav.MinSize().Height
	boxH := max(size.Height-navH-theme.Padding(), 0)
	p.list.box.Move(fyne.NewPos(0, 0))
	p.list.box.Resize(fyne.NewSize(size.Width, boxH))
	p.nav.Move(fyne.NewPos(0, size.Height-navH))
	p.nav.Resize(fyne.NewSize(size.Width, navH))
}

func (p *fitPages) fitsAll(size fyne.Size) bool {
	y := float32(0)
	for i, o := range p.list.rows {
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		if i > 0 {
			y += theme.Padding()
		}
		y += o.MinSize().Height
		if y > size.Height {
			return false
		}
	}
	return true
}

// MinSize implements fyne.Layout: one row's height at most (fitList) and the page buttons, so
// a long list never makes the window grow.
func (p *fitPages) MinSize(_ []fyne.CanvasObject) fyne.Size {
	b, n := p.list.box.MinSize(), p.nav.MinSize()
	return fyne.NewSize(max(b.Width, n.Width), b.Height+n.Height+theme.Padding())
}
