package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/protocol"
	"quietroom/app/session"
)

// showClosing is the catch-all question, thanks, follow-up willingness and withdrawal.
func (s *sessionScreens) showClosing() {
	info, ok := s.u.engine.Info()
	if !ok || info.Pack == nil {
		s.u.showHome()
		return
	}
	c := info.Pack.Closing
	msg := newErrorLabel()
	saved := widget.NewLabel("")
	saved.Importance = widget.LowImportance
	saved.Truncation = fyne.TextTruncateEllipsis
	tb := s.newTimerBar()
	tb.update(s.u, s.u.engine.Tick())
	answer := newNoteEditor(s.u.kb, s.u.engine.ClosingAnswer())
	answer.SetMinRowsVisible(2)
	answer.OnChanged = func(text string) {
		s.u.touch()
		if err := s.u.engine.SetClosingAnswer(s.u.ctx, text); err != nil {
			msg.set(err)
			return
		}
		saved.SetText(lang.L("Saved"))
	}
	s.u.kb.SetTarget(answer.Field())

	var follow fyne.CanvasObject = layout.NewSpacer()
	for _, p := range info.Pack.Consent {
		if p.Required {
			continue
		}
		given, _ := s.u.engine.ConsentGiven()
		var yes, no *Button
		mark := func(v bool) {
			yes.Importance, no.Importance = widget.MediumImportance, widget.MediumImportance
			if v {
				yes.Importance = widget.HighImportance
			} else {
				no.Importance = widget.HighImportance
			}
			yes.Refresh()
			no.Refresh()
		}
		set := func(v bool) {
			if err := s.u.engine.UpdateConsent(s.u.ctx, p.ID, v); err != nil {
				msg.set(err)
				return
			}
			mark(v)
		}
		yes = s.u.button(lang.L("Yes"), func() { set(true) })
		no = s.u.button(lang.L("No"), func() { set(false) })
		if v, ok := given.Choices[p.ID]; ok {
			mark(v)
		}
		text := c.FollowUp
		if text == "" {
			text = p.Text
		}
		follow = container.NewBorder(nil, nil, nil, container.NewHBox(yes, no), para(text))
		break
	}
	thanks := para(c.Thanks)
	// The question and the thanks take the room the answer leaves, and scroll when they need
	// more.
	question := subheading(c.Question)
	area := newPromptArea(container.NewVBox(question, thanks), nil, answer)
	// The panel takes the place of the question, the thanks and the follow-up question while
	// it is open; the question stays in view as one line in the header.
	kb := s.u.newKeyboardPanel(answer.Field(), area.Objects[0], follow)
	top, at := s.liveHeaderAt(tb, lang.L("Closing"))
	kb.onSet = func(open bool) {
		tb.mute(s.u, open)
		at.summarise(open, c.Question)
	}
	back := s.u.button(lang.L("Back to the questions"), func() {
		if err := s.u.engine.ShowQuestions(s.u.ctx); err != nil {
			msg.set(err)
			return
		}
		s.showQuestions()
	})
	writeUp := s.u.primary(lang.L("Interviewee has left: write-up"), func() {
		if err := s.u.engine.StartWriteUp(s.u.ctx); err != nil {
			msg.set(err)
			return
		}
		s.showWriteUp()
	})
	buttons := container.NewVBox(container.NewBorder(nil, nil, back, container.NewHBox(kb.toggle, writeUp), saved))
	if s.u.theme.large {
		// The larger buttons are wider than 800 px in one row: the write-up gets a row of its
		// own, which steps aside with the rest while the keyboard is open.
		last := container.NewHBox(layout.NewSpacer(), writeUp)
		buttons = container.NewVBox(container.NewBorder(nil, nil, back, kb.toggle, saved), last)
		kb.aside = append(kb.aside, last)
	}
	s.u.show("closing", screenLive, container.NewBorder(
		top,
		container.NewVBox(follow, msg.Label, buttons, kb.box),
		nil, nil, area))
	s.u.onTick = func(st session.Status) { tb.update(s.u, st) }
	kb.arm()
}

// writeUpTitle is a write-up prompt as the screen shows it: the defaults in the person's
// language, a pack's own prompts as the pack words them.
func writeUpTitle(p protocol.WriteUpPrompt) string {
	switch p.ID {
	case protocol.WriteUpSaid:
		return lang.L("What the person said")
	case protocol.WriteUpFelt:
		return lang.L("What you felt")
	case protocol.WriteUpReflections:
		return lang.L("Initial reflections")
	}
	return p.Text
}

// showWriteUp is the interviewer's write-up after the interviewee left, one prompt at a time;
// the engine keeps each answer by its prompt's id.
func (s *sessionScreens) showWriteUp() { s.showWriteUpPage(0) }

func (s *sessionScreens) showWriteUpPage(page int) {
	prompts := s.u.engine.WriteUpPrompts()
	if prompts == nil {
		s.u.showHome()
		return
	}
	page = min(max(page, 0), len(prompts)) // the last page lists the quotes
	msg := newErrorLabel()
	saved := widget.NewLabel("")
	saved.Importance = widget.LowImportance
	seal := s.u.primary(lang.L("Seal the notes"), s.confirmSeal)
	nav := container.NewHBox()
	if page > 0 {
		nav.Add(s.u.button(lang.L("Previous"), func() { s.showWriteUpPage(page - 1) }))
	}
	nav.Add(layout.NewSpacer())
	nav.Add(saved)
	if page < len(prompts) {
		nav.Add(s.u.button(lang.L("Next"), func() { s.showWriteUpPage(page + 1) }))
	}
	nav.Add(s.writeUpNotesToggle(page))
	nav.Add(seal)

	var body fyne.CanvasObject
	var title string
	var field *kbEntry
	if page < len(prompts) {
		prompt := prompts[page]
		title = writeUpTitle(prompt)
		entry := newNoteEditor(s.u.kb, s.u.engine.WriteUp(prompt.ID))
		entry.SetMinRowsVisible(2)
		field = entry.Field()
		entry.OnChanged = func(text string) {
			s.u.touch()
			if err := s.u.engine.SetWriteUp(s.u.ctx, prompt.ID, text); err != nil {
				msg.set(err)
				return
			}
			msg.set(nil)
			saved.SetText(lang.L("Saved"))
		}
		s.u.kb.SetTarget(field)
		body = container.NewBorder(nil, s.u.kb, nil, nil, entry)
		if s.notesBeside {
			body = s.notesBesideWriteUp(entry, title, func() { s.showWriteUpPage(page) })
		}
	} else {
		title = lang.L("Quotes and tags")
		var rows []fyne.CanvasObject
		for _, it := range s.u.engine.Items() {
			if it.Kind != session.EntryQuote {
				continue
			}
			tagBtn := func(label string, t session.Tag) *Button {
				b := s.u.button(label, func() {
					next := t
					if it.Tag == t {
						next = session.TagNone
					}
					if err := s.u.engine.TagItem(s.u.ctx, it.ID, next); err != nil {
						msg.set(err)
						return
					}
					s.showWriteUpPage(page)
				})
				if it.Tag == t {
					b.Importance = widget.HighImportance
				}
				return b
			}
			q := widget.NewLabel("“" + short(it.Text, 60) + "”")
			q.Truncation = fyne.TextTruncateEllipsis
			rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(
				tagBtn(lang.L("Rose"), session.TagRose), tagBtn(lang.L("Thorn"), session.TagThorn), tagBtn(lang.L("Bud"), session.TagBud),
				s.u.button(lang.L("Delete"), func() {
					if err := s.u.engine.DeleteItem(s.u.ctx, it.ID); err != nil {
						msg.set(err)
						return
					}
					s.showWriteUpPage(page)
				})), q))
		}
		if len(rows) == 0 {
			rows = append(rows, para(lang.L("No key quotes were captured.")))
		}
		body = newPager(4, rows).view
	}
	s.u.show("write-up", screenIdle, container.NewBorder(
		container.NewVBox(subheading(lang.L("Write-up: {{.Title}}", map[string]any{"Title": title})), msg.Label),
		nav, nil, nil, body))
	if field != nil {
		// The field has the focus: a physical keyboard types into it at once, as the panel does.
		s.u.win.Canvas().Focus(field)
	}
	s.u.onIdle = func() error { return s.u.engine.Seal(s.u.ctx) }
}

// confirmSeal seals the session: the key leaves memory; only the interviewer's PIN reopens it.
func (s *sessionScreens) confirmSeal() {
	s.confirm(confirmation{
		name: "seal", done: "sealed", kind: screenIdle,
		title: lang.L("Seal the notes?"),
		text:  lang.L("The session closes and only your PIN opens it again, until its deletion date."),
		no:    lang.L("Not yet"), onNo: s.showWriteUp,
		yes: lang.L("Seal"), act: func() error { return s.u.engine.Seal(s.u.ctx) },
		doneTitle: lang.L("Sealed"),
		doneText:  lang.L("The notes are locked. Only your PIN opens them again."),
	})
	s.u.onIdle = func() error { return s.u.engine.Seal(s.u.ctx) }
}

// showSealFailed is what an idle time-out leaves when the write-up could not be sealed: no
// content (the interviewer has walked away), what went wrong in plain words, and Try again. It
// never times out to Home, which would hide that the notes are still open.
func (s *sessionScreens) showSealFailed(err error) {
	msg := newErrorLabel()
	msg.set(err)
	retry := s.u.primary(lang.L("Try again"), func() {
		if err := s.u.engine.Seal(s.u.ctx); err != nil {
			msg.set(err)
			return
		}
		s.u.show("sealed", screenIdle, container.NewVBox(layout.NewSpacer(),
			heading(lang.L("Sealed")), para(lang.L("The notes are locked. Only your PIN opens them again.")),
			container.NewCenter(s.u.button(lang.L("Done"), s.u.showHome)), layout.NewSpacer()))
	})
	s.u.show("seal-failed", screenLive, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("The notes are not sealed yet")),
		para(lang.L("The write-up was left open and the kiosk could not seal it. Nothing is shown here; the notes stay as they were saved.")),
		msg.Label,
		container.NewCenter(retry), layout.NewSpacer()))
}
