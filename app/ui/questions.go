package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/protocol"
	"quietroom/app/session"
)

// timerBar shows elapsed and remaining time, warnings, overtime and the priority hint.
type timerBar struct {
	label *widget.Label
	hint  *widget.Label
	pause *Button
	// keep lists the topics to keep in full; row holds the hint and keep, shown with the hint
	// unless muted (while the on-screen keyboard is open).
	keep  *Button
	row   *fyne.Container
	muted bool
}

// mute hides the hint row (or lets it show again) whatever the timer says.
func (t *timerBar) mute(u *UI, on bool) {
	t.muted = on
	t.showRow(u, t.hint.Text != "")
}

func (t *timerBar) showRow(u *UI, hint bool) {
	show := hint && !t.muted
	if show == t.row.Visible() {
		return
	}
	if show {
		t.row.Show()
	} else {
		t.row.Hide()
	}
	// The header grows or shrinks: lay the screen out again so nothing overlaps.
	u.win.Content().Refresh()
}

func (s *sessionScreens) newTimerBar() *timerBar {
	t := &timerBar{label: widget.NewLabel(""), hint: widget.NewLabel("")}
	t.label.TextStyle.Bold = true
	// The hint names the topics to keep by their numbers in the topic column, which fits a
	// line; Show them lists their questions in full.
	t.hint.Wrapping = fyne.TextWrapWord
	t.hint.Importance = widget.WarningImportance
	t.keep = s.u.button(lang.L("Show them"), s.showPriorities)
	t.keep.Hide()
	t.row = container.NewBorder(nil, nil, nil, t.keep, t.hint)
	t.row.Hide()
	t.pause = s.u.button(lang.L("Pause"), func() {
		st := s.u.engine.Tick()
		var err error
		if st.Timer.Paused {
			err = s.u.engine.Resume(s.u.ctx)
		} else {
			err = s.u.engine.Pause(s.u.ctx)
		}
		t.update(s.u, s.u.engine.Tick())
		if err != nil {
			s.u.fail("timer", err)
			t.hint.SetText(message(err))
			t.showRow(s.u, true)
		}
	})
	return t
}

// update shows the timer in whole minutes, seconds only in the last minute, and touches a
// widget only when what it shows changes: a repaint a second would cost more than the rest of
// the live screen (and a ticking counter distracts in a conversation).
func (t *timerBar) update(u *UI, st session.Status) {
	tm := st.Timer
	var text string
	importance := widget.MediumImportance
	switch {
	case tm.Over:
		text = lang.L("{{.Elapsed}} elapsed · {{.Over}} over time", map[string]any{"Elapsed": minutesText(tm.Elapsed, false), "Over": minutesText(tm.Overtime, false)})
		importance = widget.DangerImportance
	default:
		text = lang.L("{{.Elapsed}} elapsed · {{.Left}} left", map[string]any{"Elapsed": minutesText(tm.Elapsed, false), "Left": minutesText(tm.Remaining, true)})
		if tm.Warning != 0 {
			importance = widget.WarningImportance
		}
	}
	pause := lang.L("Pause")
	if tm.Paused {
		text = lang.L("Paused · {{.Text}}", map[string]any{"Text": text})
		pause = lang.L("Resume")
	}
	if t.pause.Text != pause {
		t.pause.SetText(pause)
	}
	if t.label.Text != text || t.label.Importance != importance {
		t.label.Importance = importance
		t.label.SetText(text)
	}
	hint := ""
	keep := false
	switch {
	case tm.Over:
		hint = lang.L("The planned time is over. Move to the closing when you can.")
	case tm.Warning != 0:
		hint = keepHint(u, tm)
		keep = len(tm.Keep) > 0
	}
	if hint != t.hint.Text {
		t.hint.SetText(hint)
	}
	if keep != t.keep.Visible() {
		if keep {
			t.keep.Show()
		} else {
			t.keep.Hide()
		}
	}
	t.showRow(u, hint != "")
}

// keepHint says how many minutes are left and which topics to keep, by their numbers in the
// topic column: a line even with many topics, where their questions would be cut.
func keepHint(u *UI, tm session.TimerStatus) string {
	h := lang.L("Less than {{.Minutes}} minutes left.", map[string]any{"Minutes": tm.Warning})
	if len(tm.Keep) == 0 {
		return h
	}
	var numbers []string
	for i, t := range u.engine.Topics() {
		if slices.Contains(tm.Keep, t.ID) {
			numbers = append(numbers, fmt.Sprint(i+1))
		}
	}
	return h + " " + lang.L("Prioritise topics {{.Numbers}}.", map[string]any{"Numbers": strings.Join(numbers, ", ")})
}

// showPriorities lists in full the topics the timer says to keep, each with a way to it.
func (s *sessionScreens) showPriorities() {
	st := s.u.engine.Tick()
	var rows []fyne.CanvasObject
	for i, t := range s.u.engine.Topics() {
		if !slices.Contains(st.Timer.Keep, t.ID) {
			continue
		}
		q := para(lang.L("{{.N}}. {{.Question}}", map[string]any{"N": i + 1, "Question": t.Question}))
		rows = append(rows, container.NewBorder(nil, nil, nil,
			s.u.button(lang.L("Go to it"), func() {
				if err := s.u.engine.GoToTopic(s.u.ctx, t.ID); err != nil {
					s.u.fail("priorities", err)
				}
				s.u.resumeLive()
			}), q))
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("No topics to prioritise now.")))
	}
	s.u.show("priorities", screenLive, container.NewBorder(
		subheading(lang.L("Topics to keep in the time left")),
		container.NewHBox(s.u.button(lang.L("Back to the session"), func() { s.u.resumeLive() })), nil, nil,
		newTouchScroll(container.NewVBox(rows...))))
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// showQuestions is the interviewer's screen during the interview.
func (s *sessionScreens) showQuestions() {
	if s.u.engine.State() != session.StateQuestions {
		s.u.resumeLive()
		return
	}
	topic, idx, err := s.u.engine.CurrentTopic()
	if err != nil {
		s.u.fail("questions", err)
		return
	}
	topics := s.u.engine.Topics()
	// One line beside Key quote says "Saved" or what went wrong: a message never pushes the
	// controls below it off the screen.
	msg := newStatusLine()
	tb := s.newTimerBar()
	tb.update(s.u, s.u.engine.Tick())

	notes := newNoteEditor(s.u.kb, s.u.engine.Note(topic.ID))
	notes.SetPlaceHolder(lang.L("Notes"))
	notes.SetMinRowsVisible(3)
	notes.OnChanged = func(text string) {
		s.u.touch()
		if err := s.u.engine.SetNote(s.u.ctx, topic.ID, text); err != nil {
			msg.set(err)
			return
		}
		msg.done(lang.L("Saved"))
	}

	question := subheading(topic.Question)
	question.TextStyle.Bold = true
	probes := para(probeText(topic))
	probes.TextStyle.Italic = true

	var scale fyne.CanvasObject
	if topic.Scale != nil {
		scale = s.scaleRow(topic, msg)
	}

	nav := func(f func() error) func() {
		return func() {
			if err := f(); err != nil {
				msg.set(err)
				return
			}
			s.showQuestions()
		}
	}
	last := idx == len(topics)-1
	next := s.u.primary(lang.L("Next topic"), nav(func() error { return s.u.engine.Next(s.u.ctx) }))
	if last {
		next = s.u.primary(lang.L("Closing"), func() {
			if err := s.u.engine.ShowClosing(s.u.ctx); err != nil {
				msg.set(err)
				return
			}
			s.showClosing()
		})
	}
	prev := s.u.button(lang.L("Previous"), nav(func() error { return s.u.engine.Previous(s.u.ctx) }))
	if idx == 0 {
		prev.Disable()
	}
	skip := s.u.button(lang.L("Skip (prefers not to discuss)"), nav(func() error { return s.u.engine.Skip(s.u.ctx) }))
	if topics[idx].State == session.TopicSkipped {
		skip = s.u.button(lang.L("Undo skip"), nav(func() error { return s.u.engine.Unskip(s.u.ctx) }))
	}
	if s.u.engine.Panel() {
		// A panel asks every candidate every question: nothing to skip.
		skip.Hide()
	}

	var list []fyne.CanvasObject
	// The topic column is about a quarter of the screen: 210 px at 800x480, wider on larger
	// screens, with the topic names cut to fit.
	sideW := max(210, s.u.win.Canvas().Size().Width*0.26)
	for i, t := range topics {
		// A done topic is ticked with an icon (the kiosk's fonts have no tick), which takes
		// the mark's place and an icon's width of the name.
		mark, room := "· ", sideW-2*theme.InnerPadding()-2
		switch t.State {
		case session.TopicDone:
			mark, room = "", room-theme.IconInlineSize()-theme.InnerPadding()/2
		case session.TopicSkipped:
			mark = "– "
		}
		b := s.u.button(cutToWidth(fmt.Sprintf("%s%d. %s", mark, i+1, t.Question), room),
			nav(func() error { return s.u.engine.GoToTopic(s.u.ctx, t.ID) }))
		b.Alignment = widget.ButtonAlignLeading
		if t.State == session.TopicDone {
			b.Icon = theme.ConfirmIcon()
		}
		if t.Current {
			b.Importance = widget.HighImportance
		}
		list = append(list, b)
	}
	// Four topics a page at 480 px high, more on taller screens: the column shares the height
	// with the header, the time hint (up to two lines) and the navigation row.
	topicPager := newCompactPager(max(3, int((s.u.win.Canvas().Size().Height-260)/(MinTarget+theme.Padding()))), list)
	for topicPager.page*topicPager.perPage+topicPager.perPage <= idx {
		topicPager.turn(1)
	}

	// The question, its scale and its probes take the room the notes leave, and scroll when
	// they need more: a long question never pushes the controls off the screen.
	promptParts := container.NewVBox(question)
	if scale != nil {
		promptParts.Add(scale)
		notes.SetMinRowsVisible(2) // the scale holds the answer
	}
	promptParts.Add(probes)
	area := newPromptArea(promptParts, nil, notes)
	prompt, fixed := area.Objects[0], area.Objects[1]
	navRow := container.NewHBox(prev, skip, layout.NewSpacer(), next)
	// The topic column takes the height left under the header, which grows when a timer warning
	// shows.
	sideWidth := canvas.NewRectangle(color.Transparent)
	sideWidth.SetMinSize(fyne.NewSize(sideW, 0))
	side := container.NewStack(sideWidth, topicPager.view)
	// The keyboard takes the lower half: the question, the topic list, the time hint and the
	// navigation step aside while it is open, so the notes stay in view at 800x480; the
	// question stays in view as one line in the header, above the notes.
	kb := s.u.newKeyboardPanel(notes.Field(), prompt, fixed, navRow, side)
	top, at := s.liveHeaderAt(tb, lang.L("Topic {{.N}} of {{.Total}}", map[string]any{"N": idx + 1, "Total": len(topics)}))
	kb.onSet = func(open bool) {
		tb.mute(s.u, open)
		at.summarise(open, lang.L("{{.N}}. {{.Question}}", map[string]any{"N": idx + 1, "Question": topic.Question}))
	}
	tags := container.NewBorder(nil, nil,
		container.NewHBox(s.u.button(lang.L("Key quote"), func() { s.showQuote(topic.ID, notes.SelectedText()) }), s.quotesButton()),
		kb.toggle, msg.Label)
	main := container.NewBorder(nil, container.NewVBox(tags, kb.box), nil, nil, area)
	// Previous, Skip and Next span the window under the topic column: beside it they would not
	// fit 800 px with the larger text.
	s.u.show("questions", screenLive, container.NewBorder(top, navRow, side, nil, main))
	kb.arm()
	s.u.onTick = func(st session.Status) { tb.update(s.u, st) }
}

// probeText is the topic's guidance for the interviewer and its probes, each on its own line.
func probeText(t protocol.Topic) string {
	if len(t.Probes) == 0 {
		return t.Guidance
	}
	probes := lang.L("Probes: {{.Probes}}", map[string]any{"Probes": strings.Join(t.Probes, " · ")})
	if t.Guidance == "" {
		return probes
	}
	return t.Guidance + "\n" + probes
}

// scaleRow is one button per value of the topic's scale; the chosen one is highlighted.
func (s *sessionScreens) scaleRow(t protocol.Topic, msg reporter) fyne.CanvasObject {
	values := t.Scale.Values()
	if values == nil {
		// The pack check refuses such a range; say so rather than draw it, and let the notes
		// carry the answer.
		return para(lang.L("This question's scale cannot be shown: its range in the question pack is not valid. Write the answer in the notes, and ask an admin to check the pack."))
	}
	// One row of touch-sized buttons where the column is wide enough, two where it is not
	// (0 to 10 beside the topic column at 800 px).
	cols := len(values)
	if width := s.u.win.Canvas().Size().Width - max(210, s.u.win.Canvas().Size().Width*0.26) - 4*theme.Padding(); float32(cols)*(MinTarget+theme.Padding()) > width {
		cols = (cols + 1) / 2
	}
	row := container.NewGridWithColumns(cols)
	cur, has := s.u.engine.Answer(t.ID)
	var buttons []*Button
	for _, v := range values {
		b := s.u.button(fmt.Sprint(v), nil)
		b.OnTapped = func() {
			s.u.touch()
			if err := s.u.engine.SetAnswer(s.u.ctx, t.ID, v); err != nil {
				msg.set(err)
				return
			}
			for i, o := range buttons {
				o.Importance = widget.MediumImportance
				if values[i] == v {
					o.Importance = widget.HighImportance
				}
				o.Refresh()
			}
		}
		if has && cur == v {
			b.Importance = widget.HighImportance
		}
		buttons = append(buttons, b)
		row.Add(b)
	}
	// The ends' labels wrap: a pack's long label must not widen the screen.
	lo, hi := para(t.Scale.MinLabel), para(t.Scale.MaxLabel)
	hi.Alignment = fyne.TextAlignTrailing
	ends := container.NewGridWithColumns(2, lo, hi)
	return container.NewVBox(row, ends)
}

// showQuote captures a key quote (stored without attribution) with an optional tag.
func (s *sessionScreens) showQuote(topicID, selected string) {
	back := s.u.resumeLive
	msg := newErrorLabel()
	entry := newKBEntry(s.u.kb, true)
	entry.SetText(selected)
	s.u.kb.SetTarget(entry)
	tag := session.TagNone
	var tagButtons []*Button
	pick := func(t session.Tag, i int) func() {
		return func() {
			if tag == t {
				tag = session.TagNone
			} else {
				tag = t
			}
			for j, b := range tagButtons {
				b.Importance = widget.MediumImportance
				if j == i && tag != session.TagNone {
					b.Importance = widget.HighImportance
				}
				b.Refresh()
			}
		}
	}
	tagButtons = []*Button{
		s.u.button(lang.L("Rose"), pick(session.TagRose, 0)),
		s.u.button(lang.L("Thorn"), pick(session.TagThorn, 1)),
		s.u.button(lang.L("Bud"), pick(session.TagBud, 2)),
	}
	save := s.u.primary(lang.L("Save quote"), func() {
		if _, err := s.u.engine.AddQuote(s.u.ctx, topicID, entry.Text, tag); err != nil {
			msg.set(err)
			return
		}
		back()
	})
	entry.SetMinRowsVisible(2)
	title := subheading(lang.L("Key quote (kept without a name)"))
	title.TextStyle.Bold = true
	s.u.show("quote", screenLive, container.NewBorder(
		title,
		container.NewVBox(msg.Label,
			container.NewHBox(tagButtons[0], tagButtons[1], tagButtons[2], layout.NewSpacer(), s.u.button(lang.L("Cancel"), func() { back() }), save),
			s.u.kb),
		nil, nil, entry))
	s.u.kb.SetTarget(entry)
}

// showSessionMenu holds the less frequent session actions: withdraw consent.
func (s *sessionScreens) showSessionMenu() {
	back := s.u.resumeLive
	s.u.show("session-menu", screenLive, container.NewVBox(
		heading(lang.L("Session")),
		s.u.button(lang.L("Back to the session"), func() { back() }),
		s.guidanceButton(s.showSessionMenu),
		s.u.button(lang.L("The interviewee withdraws consent"), s.confirmWithdraw),
	))
}

// confirmWithdraw asks before destroying the session.
func (s *sessionScreens) confirmWithdraw() {
	s.confirm(confirmation{
		name: "withdraw", done: "withdrawn", kind: screenLive,
		title: lang.L("Withdraw consent?"),
		text:  lang.L("Everything recorded in this session is destroyed now: notes, quotes, answers and the consent. This cannot be undone."),
		no:    lang.L("No, go back"), onNo: func() { s.u.resumeLive() },
		yes: lang.L("Yes, withdraw and destroy"), act: func() error { return s.u.engine.Withdraw(s.u.ctx) },
		doneTitle: lang.L("Consent withdrawn"),
		doneText:  lang.L("Everything from this session has been destroyed."),
	})
}

// confirmation is a screen that asks before an action that cannot be undone, then says what
// happened.
type confirmation struct {
	name        string // the question's screen is name+"-confirm"
	done        string // the screen that says it is done
	kind        kind
	title, text string
	no          string
	onNo        func()
	yes         string
	act         func() error
	doneTitle   string
	doneText    string
}

// confirm shows c; a failed action stays on the screen with its message.
func (s *sessionScreens) confirm(c confirmation) {
	msg := newErrorLabel()
	s.u.show(c.name+"-confirm", c.kind, container.NewVBox(layout.NewSpacer(),
		heading(c.title), para(c.text), msg.Label,
		container.NewHBox(layout.NewSpacer(),
			s.u.button(c.no, c.onNo),
			s.u.primary(c.yes, func() {
				if err := c.act(); err != nil {
					msg.set(err)
					return
				}
				s.u.show(c.done, screenIdle, container.NewVBox(layout.NewSpacer(),
					heading(c.doneTitle), para(c.doneText),
					container.NewCenter(s.u.button(lang.L("Done"), s.u.showHome)), layout.NewSpacer()))
			}), layout.NewSpacer()),
		layout.NewSpacer()))
}

// liveHeader is the top of the live screens: where the session is, the timer with its warning
// hint, and Pause, Hide screen and More.
func (s *sessionScreens) liveHeader(tb *timerBar, where string) fyne.CanvasObject {
	top, _ := s.liveHeaderAt(tb, where)
	return top
}

// liveHeaderAt is liveHeader with the label that says where the session is, which shows the
// question instead while the on-screen keyboard hides it.
func (s *sessionScreens) liveHeaderAt(tb *timerBar, where string) (fyne.CanvasObject, whereLabel) {
	// Where the session is gives way (cut to its width) before the timer and the buttons.
	at := widget.NewLabel(where)
	at.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, tb.row, nil,
		container.NewHBox(tb.label, tb.pause, s.u.button(lang.L("Hide screen"), func() { s.u.Privacy(true) }),
			s.u.button(lang.L("More"), s.showSessionMenu)),
		at), whereLabel{at, where}
}

// whereLabel is the live header's "where" label.
type whereLabel struct {
	*widget.Label
	where string
}

// summarise shows the question, in bold and cut to a line (on), or where the session is.
func (w whereLabel) summarise(on bool, question string) {
	w.TextStyle.Bold = on
	if on {
		w.SetText(question)
	} else {
		w.SetText(w.where)
	}
}
