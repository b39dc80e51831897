package ui

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/protocol"
	"quietroom/app/session"
)

// setupForm is the session set-up in progress.
type setupForm struct {
	eng      session.Engagement
	pack     *protocol.Pack
	topics   []string // chosen, in asking order
	duration time.Duration
	label    string
	// people is how many take part: 1 for a one-to-one, more for a small-group interview.
	people int
}

// showSetup is step 1: engagement and pack.
func (s *sessionScreens) showSetup() {
	if s.u.signedIn == nil {
		s.u.showHome()
		return
	}
	f := &setupForm{}
	engs, err := s.u.kiosk.Engagements(s.u.ctx)
	msg := newErrorLabel()
	msg.set(err)
	if len(engs) == 0 && err == nil {
		msg.SetText(lang.L("There is no open engagement. Ask an admin to create one."))
	}
	var engRows []fyne.CanvasObject
	for _, e := range engs {
		engRows = append(engRows, s.u.button(e.Title, func() { f.eng = e; s.showSetupPack(f) }))
	}
	s.u.show("setup-engagement", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("New session: which engagement?")), msg.Label),
		container.NewHBox(s.u.button(lang.L("Cancel"), s.u.showHome)), nil, nil, newPager(s.u.rowsPerPage(4), engRows).view))
}

func (s *sessionScreens) showSetupPack(f *setupForm) {
	msg := newErrorLabel()
	var rows []fyne.CanvasObject
	var pg *pager
	for i, p := range s.u.kiosk.Packs() {
		rows = append(rows, s.u.button(lang.L("{{.Title}} ({{.Minutes}} min)", map[string]any{"Title": p.Title, "Minutes": p.DurationMinutes}), func() {
			// Said here, across the screen, rather than after the interviewee is chosen; the
			// page gives up a row to the refusal, keeping the pack tapped on it.
			if err := session.PackFits(p, f.eng); err != nil {
				if msg.Hidden {
					pg.perPage = max(pg.perPage-1, 1)
				}
				pg.page = i / pg.perPage
				pg.render()
				msg.set(err)
				return
			}
			f.pack = p
			f.topics = nil
			for _, t := range p.Topics {
				f.topics = append(f.topics, t.ID)
			}
			f.duration = time.Duration(p.DurationMinutes) * time.Minute
			if f.duration == 0 {
				f.duration = session.DefaultDuration
			}
			s.showSetupTopics(f)
		}))
	}
	pg = newPager(s.u.rowsPerPage(4), rows)
	s.u.show("setup-pack", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Which question pack?")), para(f.eng.Title), msg.Label),
		container.NewHBox(s.u.button(lang.L("Back"), s.showSetup), s.u.button(lang.L("Cancel"), s.u.showHome)), nil, nil,
		pg.view))
}

// showSetupTopics is step 2: which topics, in which order.
func (s *sessionScreens) showSetupTopics(f *setupForm) {
	var refresh func()
	rows := func() []fyne.CanvasObject {
		var out []fyne.CanvasObject
		// Chosen topics first, in order, then the others.
		order := slices.Clone(f.topics)
		for _, t := range f.pack.Topics {
			if !slices.Contains(order, t.ID) {
				order = append(order, t.ID)
			}
		}
		for _, id := range order {
			t, _ := f.pack.Topic(id)
			i := slices.Index(f.topics, id)
			check := widget.NewCheck("", nil)
			check.SetChecked(i >= 0)
			check.OnChanged = func(on bool) {
				s.u.touch()
				if on && !slices.Contains(f.topics, id) {
					f.topics = append(f.topics, id)
				} else if !on {
					f.topics = slices.DeleteFunc(f.topics, func(x string) bool { return x == id })
				}
				refresh()
			}
			up := s.u.iconButton(theme.MoveUpIcon(), func() { move(f.topics, id, -1); refresh() })
			down := s.u.iconButton(theme.MoveDownIcon(), func() { move(f.topics, id, 1); refresh() })
			if i <= 0 {
				up.Disable()
			}
			if i < 0 || i == len(f.topics)-1 {
				down.Disable()
			}
			q := widget.NewLabel(t.Question)
			q.Truncation = fyne.TextTruncateEllipsis
			out = append(out, container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(MinTarget, MinTarget), check),
				container.NewHBox(up, down), q))
		}
		return out
	}
	p := newPager(4, rows())
	refresh = func() { p.set(rows()) }
	msg := newErrorLabel()
	next := s.u.primary(lang.L("Next"), func() {
		if len(f.topics) == 0 {
			msg.SetText(lang.L("Choose at least one topic."))
			return
		}
		s.showSetupLabel(f)
	})
	s.u.show("setup-topics", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Which topics, in which order?")), msg.Label),
		container.NewHBox(s.u.button(lang.L("Back"), func() { s.showSetupPack(f) }), s.u.button(lang.L("Cancel"), s.u.showHome), layout.NewSpacer(), next),
		nil, nil, p.view))
}

func move(list []string, id string, d int) {
	i := slices.Index(list, id)
	j := i + d
	if i < 0 || j < 0 || j >= len(list) {
		return
	}
	list[i], list[j] = list[j], list[i]
}

// showSetupLabel is step 3: duration and the interviewee label.
func (s *sessionScreens) showSetupLabel(f *setupForm) {
	msg := newErrorLabel()
	dur := widget.NewLabel("")
	dur.TextStyle.Bold = true
	showDur := func() {
		dur.SetText(lang.L("{{.Minutes}} minutes", map[string]any{"Minutes": int(f.duration.Minutes())}))
	}
	showDur()
	step := int(session.DurationStep.Minutes())
	less := s.u.button(fmt.Sprintf("–%d", step), func() {
		if f.duration-session.DurationStep >= session.MinDuration {
			f.duration -= session.DurationStep
		}
		showDur()
	})
	more := s.u.button(fmt.Sprintf("+%d", step), func() {
		if f.duration+session.DurationStep <= session.MaxDuration {
			f.duration += session.DurationStep
		}
		showDur()
	})
	if f.people == 0 {
		f.people = 1
	}
	people := widget.NewLabel("")
	people.TextStyle.Bold = true
	showPeople := func() { people.SetText(strconv.Itoa(f.people)) }
	showPeople()
	fewer := s.u.button("–", func() { f.people = max(f.people-1, 1); showPeople() })
	moreP := s.u.button("+", func() { f.people = min(f.people+1, session.MaxParticipants); showPeople() })
	chosen := widget.NewLabel(lang.L("Interviewee: not chosen yet (never a name)"))
	chosen.Wrapping = fyne.TextWrapWord
	setLabel := func(l string) {
		msg.set(nil)
		f.label = l
		chosen.SetText(lang.L("Interviewee: {{.Label}}", map[string]any{"Label": l}))
	}
	var groups []fyne.CanvasObject
	if f.pack.Kind != protocol.KindPanel {
		gs := f.eng.StakeholderGroups
		for i := 0; i < len(gs); i += 2 {
			row := container.NewGridWithColumns(2)
			for _, g := range gs[i:min(i+2, len(gs))] {
				row.Add(s.u.button(g, func() { setLabel(g) }))
			}
			groups = append(groups, row)
		}
	}
	number := NewPinPad(func(n string) {
		if n != "" {
			setLabel("C" + n)
		}
	})
	number.Reveal = true
	number.Max = 4
	number.OnKey = s.u.touch
	start := s.u.primary(lang.L("Start session"), func() {
		if f.label == "" {
			// The engine refuses it too, in a sentence too long for the column beside the pad.
			msg.SetText(lang.L("Choose a group or a number first."))
			return
		}
		err := s.u.signedIn.StartSession(s.u.ctx, kiosk.SessionSetup{
			EngagementID: f.eng.ID, Pack: f.pack, TopicIDs: f.topics, Duration: f.duration, Label: f.label,
			Participants: f.people,
		})
		if err != nil {
			msg.set(err)
			return
		}
		s.u.signedIn = nil
		s.showHandOver()
	})
	// How many take part, beside the group they are from: a small-group interview's
	// participants consent in turn (a panel's candidate is alone).
	groupRow := container.NewHBox(widget.NewLabel(lang.L("Stakeholder group")))
	if f.pack.Kind != protocol.KindPanel {
		groupRow.Add(layout.NewSpacer())
		groupRow.Add(widget.NewLabel(lang.L("People")))
		groupRow.Add(fewer)
		groupRow.Add(people)
		groupRow.Add(moreP)
	} else {
		f.people = 1
	}
	left := container.NewVBox(
		container.NewHBox(widget.NewLabel(lang.L("Duration")), less, dur, more),
		groupRow,
	)
	switch {
	case len(groups) > 2:
		left.Add(newPager(2, groups).view)
	case len(groups) > 0:
		// Two rows hold them all: no pager's buttons below them.
		left.Add(container.NewVBox(groups...))
	}
	left.Add(chosen)
	left.Add(msg.Label)
	right := container.NewBorder(widget.NewLabel(lang.L("or candidate number")), nil, nil, nil,
		container.NewGridWrap(fyne.NewSize(270, 280), number))
	title := subheading(lang.L("Duration and interviewee"))
	title.TextStyle.Bold = true
	s.u.show("setup-label", screenIdle, container.NewBorder(
		title,
		container.NewHBox(s.u.button(lang.L("Back"), func() { s.showSetupTopics(f) }), s.u.button(lang.L("Cancel"), s.u.showHome), layout.NewSpacer(), start),
		nil, right, left))
}
