package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/protocol"
	"quietroom/app/session"
)

// timerBar shows elapsed and remaining time, warnings, overtime and the priority hint.
type timerBar struct {
	label *widget.Label
	hint  *widget.Label
	pause *Button
}

func (u *UI) newTimerBar() *timerBar {
	t := &timerBar{label: widget.NewLabel(""), hint: widget.NewLabel("")}
	t.label.TextStyle.Bold = true
	t.hint.Truncation = fyne.TextTruncateEllipsis // one line: the topic column below must keep its room
	t.hint.Importance = widget.WarningImportance
	t.hint.Hide()
	t.pause = u.button(lang.L("Pause"), func() {
		st := u.engine.Tick()
		var err error
		if st.Timer.Paused {
			err = u.engine.Resume(u.ctx)
		} else {
			err = u.engine.Pause(u.ctx)
		}
		t.update(u, u.engine.Tick())
		if err != nil {
			u.fail("timer", err)
			t.hint.SetText(message(err))
			t.hint.Show()
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
	wasShown := t.hint.Visible()
	hint := ""
	switch {
	case tm.Over:
		hint = lang.L("The planned time is over. Move to the closing when you can.")
	case tm.Warning != 0:
		hint = keepHint(u, tm)
	}
	if hint != t.hint.Text {
		t.hint.SetText(hint)
	}
	switch {
	case hint != "" && !wasShown:
		t.hint.Show()
	case hint == "" && wasShown:
		t.hint.Hide()
	}
	if t.hint.Visible() != wasShown {
		// The header grows or shrinks: lay the screen out again so nothing overlaps.
		u.win.Content().Refresh()
	}
}

func keepHint(u *UI, tm session.TimerStatus) string {
	h := lang.L("Less than {{.Minutes}} minutes left.", map[string]any{"Minutes": tm.Warning})
	if len(tm.Keep) == 0 {
		return h
	}
	var names []string
	for _, t := range u.engine.Topics() {
		for _, id := range tm.Keep {
			if t.ID == id {
				names = append(names, short(t.Question, 26))
			}
		}
	}
	return h + " " + lang.L("Prioritise: {{.Topics}}", map[string]any{"Topics": strings.Join(names, "; ")})
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// showQuestions is the interviewer's screen during the interview.
func (u *UI) showQuestions() {
	if u.engine.State() != session.StateQuestions {
		u.resumeLive()
		return
	}
	topic, idx, err := u.engine.CurrentTopic()
	if err != nil {
		u.fail("questions", err)
		return
	}
	topics := u.engine.Topics()
	// One line beside Key quote says "Saved" or what went wrong: a message never pushes the
	// controls below it off the screen.
	msg := newStatusLine()
	tb := u.newTimerBar()
	tb.update(u, u.engine.Tick())

	notes := newKBEntry(u.kb, true)
	notes.SetPlaceHolder(lang.L("Notes"))
	notes.SetText(u.engine.Note(topic.ID))
	notes.SetMinRowsVisible(4)
	notes.OnChanged = func(text string) {
		u.touch()
		if err := u.engine.SetNote(u.ctx, topic.ID, text); err != nil {
			msg.set(err)
			return
		}
		msg.done(lang.L("Saved"))
	}

	question := subheading(topic.Question)
	question.TextStyle.Bold = true
	probes := para(probeText(topic))
	probes.TextStyle.Italic = true

	var scale fyne.CanvasObject = layout.NewSpacer()
	if topic.Scale != nil {
		scale = u.scaleRow(topic, msg)
	}

	nav := func(f func() error) func() {
		return func() {
			if err := f(); err != nil {
				msg.set(err)
				return
			}
			u.showQuestions()
		}
	}
	last := idx == len(topics)-1
	next := u.primary(lang.L("Next topic"), nav(func() error { return u.engine.Next(u.ctx) }))
	if last {
		next = u.primary(lang.L("Closing"), func() {
			if err := u.engine.ShowClosing(u.ctx); err != nil {
				msg.set(err)
				return
			}
			u.showClosing()
		})
	}
	prev := u.button(lang.L("Previous"), nav(func() error { return u.engine.Previous(u.ctx) }))
	if idx == 0 {
		prev.Disable()
	}
	skip := u.button(lang.L("Skip (prefers not to discuss)"), nav(func() error { return u.engine.Skip(u.ctx) }))
	if topics[idx].State == session.TopicSkipped {
		skip = u.button(lang.L("Undo skip"), nav(func() error { return u.engine.Unskip(u.ctx) }))
	}

	var list []fyne.CanvasObject
	// The topic column is about a quarter of the screen: 210 px at 800x480, wider on larger
	// screens, with the topic names cut to fit.
	sideW := max(210, u.win.Canvas().Size().Width*0.26)
	sideChars := int(sideW * 18 / 210)
	for i, t := range topics {
		mark := "·"
		switch t.State {
		case session.TopicDone:
			mark = "✓"
		case session.TopicSkipped:
			mark = "–"
		}
		b := u.button(fmt.Sprintf("%s %d. %s", mark, i+1, short(t.Question, sideChars)), nav(func() error { return u.engine.GoToTopic(u.ctx, t.ID) }))
		b.Alignment = widget.ButtonAlignLeading
		if t.Current {
			b.Importance = widget.HighImportance
		}
		list = append(list, b)
	}
	// Five topics a page at 480 px high, more on taller screens.
	topicPager := newCompactPager(max(5, int((u.win.Canvas().Size().Height-200)/56)), list)
	for topicPager.page*topicPager.perPage+topicPager.perPage <= idx {
		topicPager.turn(1)
	}

	upper := container.NewVBox(question, probes, scale)
	navRow := container.NewHBox(prev, skip, layout.NewSpacer(), next)
	// The topic column takes the height left under the header, which grows when a timer warning
	// shows.
	sideWidth := canvas.NewRectangle(color.Transparent)
	sideWidth.SetMinSize(fyne.NewSize(sideW, 0))
	side := container.NewStack(sideWidth, topicPager.view)
	// The keyboard takes the lower half: the question, the topic list and the navigation step
	// aside while it is open, so the notes stay in view at 800x480.
	kb := u.newKeyboardPanel(notes, upper, navRow, side)
	top := u.liveHeader(tb, lang.L("Topic {{.N}} of {{.Total}}", map[string]any{"N": idx + 1, "Total": len(topics)}))
	tags := container.NewBorder(nil, nil,
		container.NewHBox(u.button(lang.L("Key quote"), func() { u.showQuote(topic.ID, notes.SelectedText()) }), u.quotesButton()),
		kb.toggle, msg.Label)
	main := container.NewBorder(upper, container.NewVBox(tags, navRow, kb.box), nil, nil, notes)
	u.show("questions", screenLive, container.NewBorder(top, nil, side, nil, main))
	kb.arm()
	u.onTick = func(st session.Status) { tb.update(u, st) }
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
func (u *UI) scaleRow(t protocol.Topic, msg reporter) fyne.CanvasObject {
	values := t.Scale.Values()
	if values == nil {
		// The pack check refuses such a range; say so rather than draw it, and let the notes
		// carry the answer.
		return para(lang.L("This question's scale cannot be shown: its range in the question pack is not valid. Write the answer in the notes, and ask an admin to check the pack."))
	}
	row := container.NewGridWithColumns(len(values))
	cur, has := u.engine.Answer(t.ID)
	var buttons []*Button
	for _, v := range values {
		b := u.button(fmt.Sprint(v), nil)
		b.OnTapped = func() {
			u.touch()
			if err := u.engine.SetAnswer(u.ctx, t.ID, v); err != nil {
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
	ends := container.NewHBox(widget.NewLabel(t.Scale.MinLabel), layout.NewSpacer(), widget.NewLabel(t.Scale.MaxLabel))
	return container.NewVBox(row, ends)
}

// showQuote captures a key quote (stored without attribution) with an optional tag.
func (u *UI) showQuote(topicID, selected string) {
	back := u.resumeLive
	msg := newErrorLabel()
	entry := newKBEntry(u.kb, true)
	entry.SetText(selected)
	entry.SetMinRowsVisible(3)
	u.kb.SetTarget(entry)
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
		u.button(lang.L("Rose"), pick(session.TagRose, 0)),
		u.button(lang.L("Thorn"), pick(session.TagThorn, 1)),
		u.button(lang.L("Bud"), pick(session.TagBud, 2)),
	}
	save := u.primary(lang.L("Save quote"), func() {
		if _, err := u.engine.AddQuote(u.ctx, topicID, entry.Text, tag); err != nil {
			msg.set(err)
			return
		}
		back()
	})
	u.show("quote", screenLive, container.NewBorder(
		container.NewVBox(heading(lang.L("Key quote")), para(lang.L("Quotes are kept without a name."))),
		container.NewVBox(msg.Label,
			container.NewHBox(tagButtons[0], tagButtons[1], tagButtons[2], layout.NewSpacer(), u.button(lang.L("Cancel"), func() { back() }), save),
			u.kb),
		nil, nil, entry))
	u.kb.SetTarget(entry)
}

// showSessionMenu holds the less frequent session actions: withdraw consent.
func (u *UI) showSessionMenu() {
	back := u.resumeLive
	u.show("session-menu", screenLive, container.NewVBox(
		heading(lang.L("Session")),
		u.button(lang.L("Back to the session"), func() { back() }),
		u.guidanceButton(u.showSessionMenu),
		u.button(lang.L("The interviewee withdraws consent"), u.confirmWithdraw),
	))
}

// confirmWithdraw asks before destroying the session.
func (u *UI) confirmWithdraw() {
	u.confirm(confirmation{
		name: "withdraw", done: "withdrawn", kind: screenLive,
		title: lang.L("Withdraw consent?"),
		text:  lang.L("Everything recorded in this session is destroyed now: notes, quotes, answers and the consent. This cannot be undone."),
		no:    lang.L("No, go back"), onNo: func() { u.resumeLive() },
		yes: lang.L("Yes, withdraw and destroy"), act: func() error { return u.engine.Withdraw(u.ctx) },
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
func (u *UI) confirm(c confirmation) {
	msg := newErrorLabel()
	u.show(c.name+"-confirm", c.kind, container.NewVBox(layout.NewSpacer(),
		heading(c.title), para(c.text), msg.Label,
		container.NewHBox(layout.NewSpacer(),
			u.button(c.no, c.onNo),
			u.primary(c.yes, func() {
				if err := c.act(); err != nil {
					msg.set(err)
					return
				}
				u.show(c.done, screenIdle, container.NewVBox(layout.NewSpacer(),
					heading(c.doneTitle), para(c.doneText),
					container.NewCenter(u.button(lang.L("Done"), u.showHome)), layout.NewSpacer()))
			}), layout.NewSpacer()),
		layout.NewSpacer()))
}

// liveHeader is the top of the live screens: where the session is, the timer with its warning
// hint, and Pause, Hide screen and More.
func (u *UI) liveHeader(tb *timerBar, where string) fyne.CanvasObject {
	return container.NewBorder(nil, tb.hint, nil,
		container.NewHBox(tb.pause, u.button(lang.L("Hide screen"), func() { u.Privacy(true) }),
			u.button(lang.L("More"), u.showSessionMenu)),
		container.NewHBox(widget.NewLabel(where), tb.label))
}

// keyboardPanel is the on-screen keyboard of one text field on a live screen. The Keyboard
// button toggles it; tapping into the field opens it until a physical keyboard has been used,
// whose first key closes it; while it is open the aside objects step out of the way so the
// field stays in view at 800x480.
type keyboardPanel struct {
	u      *UI
	field  *kbEntry
	aside  []fyne.CanvasObject
	box    *fyne.Container // where the panel goes in the screen's layout
	toggle *Button
}

func (u *UI) newKeyboardPanel(field *kbEntry, aside ...fyne.CanvasObject) *keyboardPanel {
	p := &keyboardPanel{u: u, field: field, aside: aside, box: container.NewVBox()}
	p.toggle = u.button(lang.L("Keyboard"), func() { p.set(!p.open()) })
	field.OnFocus = func() {
		if !u.kb.Physical() {
			p.set(true)
		}
	}
	return p
}

func (p *keyboardPanel) open() bool { return len(p.box.Objects) > 0 }

func (p *keyboardPanel) set(open bool) {
	if open == p.open() {
		return
	}
	if open {
		p.box.Add(p.u.kb)
		p.u.kb.SetTarget(p.field)
	} else {
		p.box.RemoveAll()
	}
	for _, o := range p.aside {
		if open {
			o.Hide()
		} else {
			o.Show()
		}
	}
	p.box.Refresh()
	p.u.win.Content().Refresh()
}

// arm lets the first physical key close the panel. Call it after u.show, which clears the
// keyboard's hooks.
func (p *keyboardPanel) arm() { p.u.kb.OnPhysical = func() { p.set(false) } }
