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

func (u *UI) newTimerBar() *timerBar {
	t := &timerBar{label: widget.NewLabel(""), hint: widget.NewLabel("")}
	t.label.TextStyle.Bold = true
	// The hint names the topics to keep by their numbers in the topic column, which fits a
	// line; Show them lists their questions in full.
	t.hint.Wrapping = fyne.TextWrapWord
	t.hint.Importance = widget.WarningImportance
	t.keep = u.button(lang.L("Show them"), u.showPriorities)
	t.keep.Hide()
	t.row = container.NewBorder(nil, nil, nil, t.keep, t.hint)
	t.row.Hide()
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
			t.showRow(u, true)
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
func (u *UI) showPriorities() {
	st := u.engine.Tick()
	var rows []fyne.CanvasObject
	for i, t := range u.engine.Topics() {
		if !slices.Contains(st.Timer.Keep, t.ID) {
			continue
		}
		q := para(lang.L("{{.N}}. {{.Question}}", map[string]any{"N": i + 1, "Question": t.Question}))
		rows = append(rows, container.NewBorder(nil, nil, nil,
			u.button(lang.L("Go to it"), func() {
				if err := u.engine.GoToTopic(u.ctx, t.ID); err != nil {
					u.fail("priorities", err)
				}
				u.resumeLive()
			}), q))
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("No topics to prioritise now.")))
	}
	u.show("priorities", screenLive, container.NewBorder(
		subheading(lang.L("Topics to keep in the time left")),
		container.NewHBox(u.button(lang.L("Back to the session"), func() { u.resumeLive() })), nil, nil,
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

	notes := newNoteEditor(u.kb, u.engine.Note(topic.ID))
	notes.SetPlaceHolder(lang.L("Notes"))
	notes.SetMinRowsVisible(3)
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

	var scale fyne.CanvasObject
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
	if u.engine.Panel() {
		// A panel asks every candidate every question: nothing to skip.
		skip.Hide()
	}

	var list []fyne.CanvasObject
	// The topic column is about a quarter of the screen: 210 px at 800x480, wider on larger
	// screens, with the topic names cut to fit.
	sideW := max(210, u.win.Canvas().Size().Width*0.26)
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
		b := u.button(cutToWidth(fmt.Sprintf("%s%d. %s", mark, i+1, t.Question), room),
			nav(func() error { return u.engine.GoToTopic(u.ctx, t.ID) }))
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
	topicPager := newCompactPager(max(3, int((u.win.Canvas().Size().Height-260)/(MinTarget+theme.Padding()))), list)
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
	kb := u.newKeyboardPanel(notes.Field(), prompt, fixed, navRow, side)
	top, at := u.liveHeaderAt(tb, lang.L("Topic {{.N}} of {{.Total}}", map[string]any{"N": idx + 1, "Total": len(topics)}))
	kb.onSet = func(open bool) {
		tb.mute(u, open)
		at.summarise(open, lang.L("{{.N}}. {{.Question}}", map[string]any{"N": idx + 1, "Question": topic.Question}))
	}
	tags := container.NewBorder(nil, nil,
		container.NewHBox(u.button(lang.L("Key quote"), func() { u.showQuote(topic.ID, notes.SelectedText()) }), u.quotesButton()),
		kb.toggle, msg.Label)
	main := container.NewBorder(nil, container.NewVBox(tags, kb.box), nil, nil, area)
	// Previous, Skip and Next span the window under the topic column: beside it they would not
	// fit 800 px with the larger text.
	u.show("questions", screenLive, container.NewBorder(top, navRow, side, nil, main))
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
	// One row of touch-sized buttons where the column is wide enough, two where it is not
	// (0 to 10 beside the topic column at 800 px).
	cols := len(values)
	if width := u.win.Canvas().Size().Width - max(210, u.win.Canvas().Size().Width*0.26) - 4*theme.Padding(); float32(cols)*(MinTarget+theme.Padding()) > width {
		cols = (cols + 1) / 2
	}
	row := container.NewGridWithColumns(cols)
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
	// The ends' labels wrap: a pack's long label must not widen the screen.
	lo, hi := para(t.Scale.MinLabel), para(t.Scale.MaxLabel)
	hi.Alignment = fyne.TextAlignTrailing
	ends := container.NewGridWithColumns(2, lo, hi)
	return container.NewVBox(row, ends)
}

// showQuote captures a key quote (stored without attribution) with an optional tag.
func (u *UI) showQuote(topicID, selected string) {
	back := u.resumeLive
	msg := newErrorLabel()
	entry := newKBEntry(u.kb, true)
	entry.SetText(selected)
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
	entry.SetMinRowsVisible(2)
	title := subheading(lang.L("Key quote (kept without a name)"))
	title.TextStyle.Bold = true
	u.show("quote", screenLive, container.NewBorder(
		title,
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
	top, _ := u.liveHeaderAt(tb, where)
	return top
}

// liveHeaderAt is liveHeader with the label that says where the session is, which shows the
// question instead while the on-screen keyboard hides it.
func (u *UI) liveHeaderAt(tb *timerBar, where string) (fyne.CanvasObject, whereLabel) {
	// Where the session is gives way (cut to its width) before the timer and the buttons.
	at := widget.NewLabel(where)
	at.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, tb.row, nil,
		container.NewHBox(tb.label, tb.pause, u.button(lang.L("Hide screen"), func() { u.Privacy(true) }),
			u.button(lang.L("More"), u.showSessionMenu)),
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

// keyboardPanel is the on-screen keyboard of one text field on a live screen. The Keyboard
// button toggles it; tapping into the field opens it until a physical keyboard has been used,
// whose first key closes it; while it is open the aside objects step out of the way so the
// field stays in view at 800x480.
type keyboardPanel struct {
	u     *UI
	field *kbEntry
	aside []fyne.CanvasObject
	// whileOpen shows only while the panel is open (a one-line reminder of the question).
	whileOpen []fyne.CanvasObject
	// onSet hears the panel open or close.
	onSet  func(open bool)
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
		if o == nil {
			continue
		}
		if open {
			o.Hide()
		} else {
			o.Show()
		}
	}
	for _, o := range p.whileOpen {
		if open {
			o.Show()
		} else {
			o.Hide()
		}
	}
	if p.onSet != nil {
		p.onSet(open)
	}
	p.box.Refresh()
	p.u.win.Content().Refresh()
}

// arm lets the first physical key close the panel. Call it after u.show, which clears the
// keyboard's hooks.
func (p *keyboardPanel) arm() { p.u.kb.OnPhysical = func() { p.set(false) } }
