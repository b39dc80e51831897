package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/panel"
	"quietroom/app/protocol"
)

// showPanelScale sets the organisation's scoring scale: its range and a label per score.
func (s *panelScreens) showPanelScale() {
	v, ok := s.state()
	if !ok {
		return
	}
	sc := v.Scale
	msg := newErrorLabel()
	if sc.Placeholder {
		msg.SetText(lang.L("These labels are a placeholder: give each score your organisation's label before the first candidate."))
	}
	resize := func(min, max int) {
		if min < 0 || max <= min || max-min > 10 {
			return
		}
		old := sc
		sc.Min, sc.Max, sc.Placeholder = min, max, false
		sc.Labels = make([]string, max-min+1)
		if !old.Placeholder {
			for v := min; v <= max; v++ {
				sc.Labels[v-min] = old.Label(v)
			}
		}
		if err := s.panel.SetScale(s.u.ctx, sc); err != nil {
			msg.set(err)
			return
		}
		s.showPanelScale()
	}
	rangeText := widget.NewLabel(lang.L("Scores {{.Min}} to {{.Max}}", map[string]any{"Min": sc.Min, "Max": sc.Max}))
	rangeText.TextStyle.Bold = true
	controls := container.NewHBox(
		widget.NewLabel(lang.L("Lowest")), s.u.iconButton(theme.ContentRemoveIcon(), func() { resize(sc.Min-1, sc.Max) }), s.u.iconButton(theme.ContentAddIcon(), func() { resize(sc.Min+1, sc.Max) }),
		rangeText,
		widget.NewLabel(lang.L("Highest")), s.u.iconButton(theme.ContentRemoveIcon(), func() { resize(sc.Min, sc.Max-1) }), s.u.iconButton(theme.ContentAddIcon(), func() { resize(sc.Min, sc.Max+1) }))
	var rows []fyne.CanvasObject
	for _, v := range sc.Levels() {
		label := sc.Label(v)
		if label == "" || sc.Placeholder {
			label = lang.L("(no label yet)") + " " + label
		}
		b := s.u.button(fmt.Sprintf("%d: %s", v, label), func() {
			s.showPanelText(lang.L("Label of score {{.V}}", map[string]any{"V": v}), labelOf(sc, v), panel.MaxLabelLen, func(text string) error {
				n := sc
				n.Labels = slices.Clone(sc.Labels)
				if n.Placeholder {
					n.Labels = make([]string, len(sc.Labels))
					n.Placeholder = false
				}
				n.Labels[v-n.Min] = text
				return s.panel.SetScale(s.u.ctx, n)
			}, s.showPanelScale)
		})
		b.Alignment = widget.ButtonAlignLeading
		rows = append(rows, b)
	}
	s.u.show("panel-scale", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Scoring scale: tap a score to label it")), controls, msg.Label),
		container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome)), nil, nil,
		s.u.newFitPages(rows)))
}

func labelOf(s panel.Scale, v int) string {
	if s.Placeholder {
		return ""
	}
	return s.Label(v)
}

// showPanelText is a one-field screen with the keyboard: save runs on Save; back after it.
func (s *panelScreens) showPanelText(title, text string, max int, save func(string) error, back func()) {
	e := newKBEntry(s.u.kb, max > 200)
	e.SetText(text)
	if max > 200 {
		e.SetMinRowsVisible(3)
	}
	s.u.kb.SetTarget(e)
	msg := newErrorLabel()
	ok := s.u.primary(lang.L("Save"), func() {
		if err := save(e.Text); err != nil {
			msg.set(err)
			return
		}
		back()
	})
	t := subheading(title)
	t.TextStyle.Bold = true
	s.u.show("panel-text", screenIdle, container.NewBorder(
		container.NewVBox(t, msg.Label),
		container.NewVBox(container.NewHBox(s.u.button(lang.L("Back"), back), layout.NewSpacer(), ok), s.u.kb),
		nil, nil, e))
	s.u.win.Canvas().Focus(e)
}

// showPanelQuestions is the question set: chosen and ordered before the first candidate, with
// who asks each; fixed after.
func (s *panelScreens) showPanelQuestions() {
	v, ok := s.state()
	if !ok {
		return
	}
	qs, frozen, ms := v.Questions, v.Frozen, v.Members
	names := s.names()
	msg := newErrorLabel()
	editable := v.Can.EditSetup.Open()
	save := func(n []panel.Question) {
		if err := s.panel.SetQuestions(s.u.ctx, n); err != nil {
			msg.set(err)
			return
		}
		s.showPanelQuestions()
	}
	var rows []fyne.CanvasObject
	for i, q := range qs {
		text := widget.NewLabel(fmt.Sprintf("%d. %s", i+1, q.QuestionText()))
		text.Truncation = fyne.TextTruncateEllipsis
		asker := names[q.AskedBy]
		if asker == "" {
			asker = lang.L("nobody yet")
		}
		askedBy := s.u.button(lang.L("Asked by: {{.Name}}", map[string]any{"Name": asker}), func() {
			// Each tap gives the question to the next member.
			j := slices.IndexFunc(ms, func(m panel.Member) bool { return m.ID == q.AskedBy })
			n := slices.Clone(qs)
			n[i].AskedBy = ms[(j+1)%len(ms)].ID
			save(n)
		})
		anchors := s.u.button(lang.L("Anchors"), func() { s.showPanelAnchors(i) })
		up := s.u.iconButton(theme.MoveUpIcon(), func() {
			n := slices.Clone(qs)
			if i > 0 {
				n[i-1], n[i] = n[i], n[i-1]
			}
			save(n)
		})
		down := s.u.iconButton(theme.MoveDownIcon(), func() {
			n := slices.Clone(qs)
			if i < len(n)-1 {
				n[i+1], n[i] = n[i], n[i+1]
			}
			save(n)
		})
		remove := s.u.button(lang.L("Remove"), func() { save(slices.Delete(slices.Clone(qs), i, i+1)) })
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
	bottom := container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome), layout.NewSpacer())
	if editable {
		bottom.Add(s.u.button(lang.L("Add from the pack"), s.showPanelPackQuestions))
		bottom.Add(s.u.button(lang.L("Add the panel's own"), s.showPanelOwnQuestion))
	}
	n := widget.NewLabel(note)
	n.Wrapping = fyne.TextWrapWord
	s.u.show("panel-questions", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Questions")), n, msg.Label), bottom, nil, nil,
		s.u.newFitPages(rows)))
}

// showPanelPackQuestions adds questions from the built-in recruitment pack.
func (s *panelScreens) showPanelPackQuestions() {
	v, ok := s.state()
	if !ok {
		return
	}
	qs := v.Questions
	msg := newErrorLabel()
	var rows []fyne.CanvasObject
	for _, p := range s.u.kiosk.Packs() {
		if p.Kind != protocol.KindPanel {
			continue
		}
		for _, t := range p.Topics {
			q, err := panel.FromPack(p, t.ID)
			if err != nil || slices.ContainsFunc(qs, func(x panel.Question) bool { return x.ID == q.ID }) {
				continue
			}
			b := s.u.button(cutToWidth(t.Question, s.u.win.Canvas().Size().Width-200), func() {
				q.AskedBy = s.panel.ID()
				if err := s.panel.SetQuestions(s.u.ctx, append(slices.Clone(qs), q)); err != nil {
					msg.set(err)
					return
				}
				s.showPanelPackQuestions()
			})
			b.Alignment = widget.ButtonAlignLeading
			rows = append(rows, b)
		}
	}
	s.u.show("panel-pack-questions", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Tap a question to add it to the end")), msg.Label),
		container.NewHBox(s.u.button(lang.L("Done"), s.showPanelQuestions)), nil, nil,
		s.u.newFitPages(rows)))
}

// showPanelOwnQuestion lets a member (the service user or carer first of all) contribute a
// question, which they ask.
func (s *panelScreens) showPanelOwnQuestion() {
	s.showPanelText(lang.L("Your question, as you will ask it of every candidate"), "", panel.MaxQuestionLen,
		func(text string) error { return s.panel.ContributeQuestion(s.u.ctx, text) }, s.showPanelQuestions)
}

// showPanelAnchors shows and (before the first candidate) sets what an answer at each score
// looks like for question i.
func (s *panelScreens) showPanelAnchors(i int) {
	v, ok := s.state()
	if !ok {
		return
	}
	qs, sc, frozen := v.Questions, v.Scale, v.Frozen
	var q panel.Question
	if i < len(qs) {
		q = qs[i]
	}
	var rows []fyne.CanvasObject
	for _, v := range sc.Levels() {
		text := q.Anchor(sc, v)
		if text == "" {
			text = lang.L("(no anchor)")
		}
		b := s.u.button(fmt.Sprintf("%d: %s", v, text), func() {
			s.showPanelText(lang.L("What an answer scoring {{.V}} looks like", map[string]any{"V": v}), q.Anchor(sc, v), panel.MaxAnchorLen, func(t string) error {
				n := slices.Clone(qs)
				a := make([]string, len(sc.Levels()))
				copy(a, n[i].Anchors)
				a[v-sc.Min] = t
				n[i].Anchors = a
				return s.panel.SetQuestions(s.u.ctx, n)
			}, func() { s.showPanelAnchors(i) })
		})
		b.Alignment = widget.ButtonAlignLeading
		if frozen {
			b.Disable()
		}
		rows = append(rows, b)
	}
	t := widget.NewLabel(q.QuestionText())
	t.Truncation = fyne.TextTruncateEllipsis
	s.u.show("panel-anchors", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Anchors: what an answer at each score looks like")), t),
		container.NewHBox(s.u.button(lang.L("Back"), s.showPanelQuestions)), nil, nil,
		s.u.newFitPages(rows)))
}
