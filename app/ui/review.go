package ui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/session"
)

// The interviewer reads a session again here: the whole of it after the interview (the review,
// reached from "Your sessions" after the PIN, or from the write-up), the notes beside the
// write-up while writing it, and the key quotes during the interview. Everything comes from
// the engine's Review and Quotes, which read what the open session holds in memory; these
// screens write nothing but the corrections the interviewer makes to quotes, and log only
// screen names.

// readBlock is a piece of a session to read: a bold title over its text; either may be empty.
type readBlock struct {
	title, text string
	quiet       bool // the text says that something is missing ("Not written.")
}

// reviewBlocks is the whole session in reading order: the topics with their state, answer,
// notes and quotes; the other quotes; the closing; the write-up; the consent; the deletion date.
func reviewBlocks(r session.Review) []readBlock {
	blocks := interviewBlocks(r)
	blocks = append(blocks, readBlock{title: lang.L("Write-up")})
	for _, w := range r.WriteUp {
		b := readBlock{title: writeUpTitle(w.Prompt), text: w.Text}
		if strings.TrimSpace(w.Text) == "" {
			b.text, b.quiet = lang.L("Not written."), true
		}
		blocks = append(blocks, b)
	}
	for i, it := range r.Reflections {
		b := readBlock{text: it.Text + tagSuffix(it.Tag)}
		if i == 0 {
			b.title = lang.L("Other reflections")
		}
		blocks = append(blocks, b)
	}
	var consent []string
	for _, c := range r.Consent {
		var line string
		switch {
		case !c.Chosen:
			line = lang.L("No choice recorded: {{.Point}}", map[string]any{"Point": c.Point.Text})
		case c.Agreed:
			line = lang.L("Agreed: {{.Point}}", map[string]any{"Point": c.Point.Text})
		default:
			line = lang.L("Not agreed: {{.Point}}", map[string]any{"Point": c.Point.Text})
		}
		consent = append(consent, line)
	}
	if r.Signed {
		consent = append(consent, lang.L("Signed or initialled on the screen (the signature is not shown)."))
	} else {
		consent = append(consent, lang.L("Not signed."))
	}
	blocks = append(blocks, readBlock{title: lang.L("Consent"), text: strings.Join(consent, "\n")})
	blocks = append(blocks, readBlock{title: lang.L("Deletion"), text: lang.L("Every record of this session is deleted on {{.Date}}.", map[string]any{"Date": r.DeletionDate.Local().Format(dayLayout)})})
	return blocks
}

// interviewBlocks is what was said in the interview: the topics in order, the quotes not about
// one topic, and the closing.
func interviewBlocks(r session.Review) []readBlock {
	var blocks []readBlock
	for i, t := range r.Topics {
		// The state (and answer) and the notes under one title: a page holds more.
		text := topicStateText(t) + "\n" + t.Note
		if strings.TrimSpace(t.Note) == "" {
			text = topicStateText(t) + " " + lang.L("No notes.")
		}
		blocks = append(blocks, readBlock{
			title: lang.L("{{.N}}. {{.Question}}", map[string]any{"N": i + 1, "Question": t.Topic.Question}),
			text:  text,
		})
		for _, q := range t.Quotes {
			blocks = append(blocks, readBlock{text: quoteText(q)})
		}
	}
	for i, q := range r.Quotes {
		b := readBlock{text: quoteText(q)}
		if i == 0 {
			b.title = lang.L("Other key quotes")
		}
		blocks = append(blocks, b)
	}
	closing := readBlock{title: lang.L("Closing: {{.Question}}", map[string]any{"Question": r.ClosingQuestion}), text: r.ClosingAnswer}
	if strings.TrimSpace(r.ClosingAnswer) == "" {
		closing.text, closing.quiet = lang.L("No answer written."), true
	}
	return append(blocks, closing)
}

// topicStateText is a topic's state, and its answer where it has a scale.
func topicStateText(t session.ReviewTopic) string {
	var s string
	switch t.State {
	case session.TopicDone:
		s = lang.L("Done.")
	case session.TopicSkipped:
		s = lang.L("Skipped: prefers not to discuss.")
	default:
		s = lang.L("Not marked done.")
	}
	sc := t.Topic.Scale
	switch {
	case sc == nil:
	case !t.Answered:
		s += " " + lang.L("No answer on the scale.")
	case sc.MinLabel != "" || sc.MaxLabel != "":
		s += " " + lang.L("Answer: {{.Value}} on the scale from {{.Min}} ({{.MinLabel}}) to {{.Max}} ({{.MaxLabel}}).", map[string]any{
			"Value": t.Answer, "Min": sc.Min, "MinLabel": sc.MinLabel, "Max": sc.Max, "MaxLabel": sc.MaxLabel})
	default:
		s += " " + lang.L("Answer: {{.Value}} on the scale from {{.Min}} to {{.Max}}.", map[string]any{"Value": t.Answer, "Min": sc.Min, "Max": sc.Max})
	}
	return s
}

// quoteText is a key quote in full, with its tag.
func quoteText(q session.Item) string { return "“" + q.Text + "”" + tagSuffix(q.Tag) }

func tagSuffix(t session.Tag) string {
	if t == session.TagNone {
		return ""
	}
	return " · " + tagName(t)
}

func tagName(t session.Tag) string {
	switch t {
	case session.TagRose:
		return lang.L("Rose")
	case session.TagThorn:
		return lang.L("Thorn")
	case session.TagBud:
		return lang.L("Bud")
	}
	return ""
}

// readPages lays blocks out in pages of size: as many blocks as fit on a page, a title kept
// with the start of its text, a text longer than the room left split between words. Heights
// are measured on the labels at the page's width in the theme in use, so a page never needs
// more room than it has, with the larger text too (the screen has no scrolling).
func readPages(blocks []readBlock, size fyne.Size) [][]fyne.CanvasObject {
	gap := theme.Padding() // a VBox's spacing
	var pages [][]fyne.CanvasObject
	var page []fyne.CanvasObject
	used := float32(0)
	room := func() float32 {
		if len(page) == 0 {
			return size.Height
		}
		return size.Height - used - gap
	}
	add := func(l *widget.Label, h float32) {
		if len(page) > 0 {
			used += gap
		}
		page, used = append(page, l), used+h
	}
	flush := func() {
		if len(page) > 0 {
			pages = append(pages, page)
		}
		page, used = nil, 0
	}
	for _, b := range blocks {
		if b.title != "" {
			t := readLabel(b.title, false)
			t.TextStyle.Bold = true
			h := heightAt(t, size.Width)
			// The title and the first line of its text go on the same page.
			need := h
			if b.text != "" {
				need += gap + heightAt(readLabel("M", false), size.Width)
			}
			if need > room() {
				flush()
			}
			add(t, h)
		}
		text := strings.TrimSpace(b.text)
		for text != "" {
			piece, rest, h := fitText(text, size.Width, room(), b.quiet)
			if piece == "" {
				if len(page) == 0 {
					// Not even a word fits an empty page: show it anyway rather than loop.
					piece, rest = text, ""
					h = heightAt(readLabel(text, b.quiet), size.Width)
				} else {
					flush()
					continue
				}
			}
			add(readLabel(piece, b.quiet), h)
			text = rest
		}
	}
	flush()
	return pages
}

// fitText returns the longest start of text, cut after a word, whose label fits in height at
// width, the rest, and the label's height; "" when not even one word fits.
//
// It wraps the words itself, each measured once, rather than lay out a label for every try:
// a label lays its whole text out each time, and a 2,000-word note would take seconds on the
// device. It wraps a little narrower than the label does, so the label never needs more lines
// than counted here.
func fitText(text string, width, height float32, quiet bool) (piece, rest string, h float32) {
	one := heightAt(readLabel("M", quiet), width)
	line := max(heightAt(readLabel("M\nM", quiet), width)-one, 1)
	if height < one {
		return "", text, 0
	}
	most := int((height-one)/line) + 1 // lines that fit
	style := fyne.TextStyle{Italic: quiet}
	size := theme.TextSize()
	wrap := width - 2*theme.InnerPadding() - 4
	space := fyne.MeasureText(" ", size, style).Width
	lines, used := 1, float32(0) // lines begun; width used on the last one
	end, endLines := 0, 0        // the last cut that fits, and the lines up to it
	for i := 0; i < len(text); {
		// The next word: up to a space or a line break.
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\n' {
			j++
		}
		if j > i {
			w := fyne.MeasureText(text[i:j], size, style).Width
			switch {
			case used == 0:
				used = w
			case used+space+w <= wrap:
				used += space + w
			default:
				lines++
				used = w
			}
			for used > wrap { // a word longer than a line is broken between letters
				lines++
				used -= wrap
			}
			if lines > most {
				break
			}
			end, endLines = j, lines
		}
		if j < len(text) && text[j] == '\n' {
			lines++
			used = 0
		}
		i = j + 1
	}
	if end == 0 {
		return "", text, 0
	}
	h = one + float32(endLines-1)*line
	if end >= len(strings.TrimRight(text, " \n")) {
		return text, "", h
	}
	return text[:end], strings.TrimSpace(text[end:]), h
}

func readLabel(text string, quiet bool) *widget.Label {
	l := para(text)
	if quiet {
		l.TextStyle.Italic = true
	}
	return l
}

// heightAt is the label's height when it is laid out at width, as a VBox of that width lays
// it out.
func heightAt(l *widget.Label, width float32) float32 {
	l.Resize(fyne.NewSize(width, l.MinSize().Height))
	return l.MinSize().Height
}

// pageRows makes each page of readPages one row of a pager showing a row a page.
func pageRows(pages [][]fyne.CanvasObject) []fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, len(pages))
	for i, p := range pages {
		rows[i] = container.NewVBox(p...)
	}
	return rows
}

// openReopened shows a session its interviewer has just reopened from "Your sessions": the
// review for a sealed or written-up one, the live screen where an interrupted one was.
func (s *sessionScreens) openReopened() {
	if s.u.engine.State() == session.StateWriteUp {
		s.showReview(0, nil)
		return
	}
	s.u.resumeLive()
}

// showReview is the whole session for its interviewer to read, a page at a time, from page.
// back, when set, returns to the write-up page it came from; otherwise "Write-up" opens the
// write-up. "Lock and close" seals the session (its key leaves memory); so does the idle
// time-out, as on the write-up.
func (s *sessionScreens) showReview(page int, back func()) {
	r, err := s.u.engine.Review()
	if err != nil || r.State != session.StateWriteUp {
		// Only a session in its write-up is read here: never during the interview, where the
		// interviewee may still be in the room.
		if err != nil {
			s.u.fail("review", err)
		}
		s.u.showHome()
		return
	}
	if back == nil {
		back = s.showWriteUp
	}
	msg := newErrorLabel()
	title := heading(lang.L("{{.Label}}, {{.Date}}", map[string]any{"Label": r.Label, "Date": r.CreatedAt.Local().Format("2 Jan 2006 15:04")}))
	title.Wrapping, title.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
	// The deletion date first: a long pack title is what gets cut.
	sub := oneLineLabel(lang.L("Deleted on {{.Date}} · {{.Pack}}", map[string]any{"Pack": r.PackTitle, "Date": r.DeletionDate.Local().Format(dayLayout)}))
	p := newPager(1, nil)
	// The page count sits beside the pack's name: the row of buttons needs the width with the
	// larger text.
	top := container.NewVBox(title, container.NewBorder(nil, nil, nil, p.info, sub), msg.Label)
	lock := s.u.button(lang.L("Lock and close"), func() { s.sealAndSay(msg) })
	writeUp := s.u.primary(lang.L("Write-up"), func() { back() })
	bottom := container.NewHBox(lock, writeUp, layout.NewSpacer(), p.prev, p.next)

	size := s.u.win.Canvas().Size()
	pad := theme.Padding()
	room := fyne.NewSize(size.Width-2*pad, size.Height-2*pad-top.MinSize().Height-bottom.MinSize().Height-2*pad)
	p.set(pageRows(readPages(reviewBlocks(r), room)))
	p.page = min(max(page, 0), p.pages()-1)
	p.render()
	s.u.show("review", screenIdle, container.NewBorder(top, bottom, nil, nil, p.box))
	s.u.onIdle = func() error { return s.u.engine.Seal(s.u.ctx) }
}

// sealAndSay seals the open session and says so; a failure stays on the screen in msg.
func (s *sessionScreens) sealAndSay(msg errorLabel) {
	if err := s.u.engine.Seal(s.u.ctx); err != nil {
		msg.set(err)
		return
	}
	s.u.show("sealed", screenIdle, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Sealed")), para(lang.L("The notes are locked. Only your PIN opens them again.")),
		container.NewCenter(s.u.button(lang.L("Done"), s.u.showHome)), layout.NewSpacer()))
}

// oneLineLabel is one line of text, cut to its width.
func oneLineLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// notesBesideWriteUp is the write-up's field with the interview's notes in a paged column
// beside it. On a small screen the on-screen keyboard steps aside while the notes show: a page
// of notes needs the height it would take ("Hide my notes" brings it back); a tall screen keeps
// it below both. title is the prompt's title in the
// write-up's heading. "Whole session" opens the review, whose Write-up button calls back.
func (s *sessionScreens) notesBesideWriteUp(field fyne.CanvasObject, title string, back func()) fyne.CanvasObject {
	r, err := s.u.engine.Review()
	if err != nil {
		s.u.fail("write-up notes", err)
		return field
	}
	size := s.u.win.Canvas().Size()
	pad := theme.Padding()
	p := newCompactPager(1, nil)
	whole := s.u.button(lang.L("Whole session"), func() { s.showReview(0, back) })
	foot := container.NewHBox(p.prev, p.next, layout.NewSpacer(), whole)
	// The write-up's heading (as showWriteUpPage words it) and its row of buttons take this
	// much above and below the column.
	above := heightAt(heading(lang.L("Write-up: {{.Title}}", map[string]any{"Title": title})), size.Width-2*pad)
	below := NewButton("M", nil).MinSize().Height
	colW := (size.Width - 3*pad) / 2
	colH := size.Height - 2*pad - above - below - 2*pad - foot.MinSize().Height - pad
	// A tall screen keeps the keyboard under both columns when a page of notes still has a
	// useful height above it.
	kb := s.u.kb.MinSize().Height + pad
	withKeyboard := colH-kb >= minNotesHeight
	if withKeyboard {
		colH -= kb
	}
	p.set(pageRows(readPages(interviewBlocks(r), fyne.NewSize(colW, colH))))
	cols := container.NewGridWithColumns(2, field, container.NewBorder(nil, foot, nil, nil, p.box))
	if withKeyboard {
		return container.NewBorder(nil, s.u.kb, nil, nil, cols)
	}
	return cols
}

// minNotesHeight is the least height of a page of notes beside the write-up worth keeping the
// keyboard for: about eight lines.
const minNotesHeight = 220

// writeUpNotesToggle shows or hides the interview's notes beside the write-up.
func (s *sessionScreens) writeUpNotesToggle(page int) *Button {
	text := lang.L("Show my notes")
	if s.notesBeside {
		text = lang.L("Hide my notes")
	}
	return s.u.button(text, func() {
		s.notesBeside = !s.notesBeside
		s.showWriteUpPage(page)
	})
}

// quotesButton opens the session's key quotes to correct them during the interview; it says
// how many there are, and is hidden while there are none.
func (s *sessionScreens) quotesButton() *Button {
	n := len(s.u.engine.Quotes())
	b := s.u.button(lang.L("Quotes ({{.N}})", map[string]any{"N": n}), func() { s.showQuotes(0) })
	if n == 0 {
		b.Hide()
	}
	return b
}

// showQuotes lists the session's key quotes during the interview, a page at a time: tapping one
// corrects it. "Back to the questions" returns to the topic being asked.
func (s *sessionScreens) showQuotes(page int) {
	if !duringInterview(s.u.engine.State()) {
		s.u.resumeLive()
		return
	}
	quotes := s.u.engine.Quotes()
	topics := map[string]int{}
	for i, t := range s.u.engine.Topics() {
		topics[t.ID] = i + 1
	}
	tb := s.newTimerBar()
	tb.update(s.u, s.u.engine.Tick())
	width := s.u.win.Canvas().Size().Width - 2*theme.Padding()
	var rows []fyne.CanvasObject
	for _, q := range quotes {
		// Where and the tag come first: a long quote is cut at the end.
		var where []string
		if n, ok := topics[q.TopicID]; ok {
			where = append(where, lang.L("Topic {{.N}}", map[string]any{"N": n}))
		}
		if q.Tag != session.TagNone {
			where = append(where, tagName(q.Tag))
		}
		text := "“" + oneLine(q.Text) + "”"
		if len(where) > 0 {
			text = strings.Join(where, " · ") + ": " + text
		}
		b := s.u.button(fitButtonText(text, width), func() { s.showQuoteEdit(q.ID, page) })
		b.Alignment = widget.ButtonAlignLeading
		rows = append(rows, b)
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("No key quotes yet.")))
	}
	p := newPager(1, nil)
	back := s.u.primary(lang.L("Back to the questions"), func() { s.u.resumeLive() })
	hint := widget.NewLabel(lang.L("Tap a quote to correct its words or its tag, or to delete it."))
	hint.Truncation = fyne.TextTruncateEllipsis
	top := container.NewVBox(s.liveHeader(tb, lang.L("Key quotes")), hint)
	bottom := container.NewHBox(back, layout.NewSpacer(), p.prev, p.info, p.next)
	// Rows of one line each: as many as fit between the header and the buttons.
	pad := theme.Padding()
	room := s.u.win.Canvas().Size().Height - 4*pad - top.MinSize().Height - bottom.MinSize().Height
	p.perPage = max(1, int((room+pad)/(NewButton("M", nil).MinSize().Height+pad)))
	p.set(rows)
	p.page = min(max(page, 0), p.pages()-1)
	p.render()
	s.u.show("quotes", screenLive, container.NewBorder(top, bottom, nil, nil, p.box))
	s.u.onTick = func(st session.Status) { tb.update(s.u, st) }
}

// duringInterview reports whether the quotes may be corrected from the live screens: during
// the questions and the closing.
func duringInterview(s session.State) bool {
	return s == session.StateQuestions || s == session.StateClosing
}

// fitButtonText is text cut with an ellipsis so that a button showing it is at most width wide.
func fitButtonText(text string, width float32) string {
	if NewButton(text, nil).MinSize().Width <= width {
		return text
	}
	n := sort.Search(len([]rune(text)), func(n int) bool {
		return NewButton(short(text, n+1), nil).MinSize().Width > width
	})
	return short(text, max(n, 1))
}

// oneLine is text on one line, for a button.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// showQuoteEdit corrects one key quote: its words, its tag, or deleting it.
func (s *sessionScreens) showQuoteEdit(id string, page int) {
	var q session.Item
	found := false
	for _, it := range s.u.engine.Quotes() {
		if it.ID == id {
			q, found = it, true
		}
	}
	if !found || !duringInterview(s.u.engine.State()) {
		s.showQuotes(page)
		return
	}
	back := func() { s.showQuotes(page) }
	msg := newErrorLabel()
	entry := newKBEntry(s.u.kb, true)
	entry.SetText(q.Text)
	entry.SetMinRowsVisible(2)
	// A correction is mostly at the end: the cursor waits there, and keys go to the field.
	lines := strings.Split(q.Text, "\n")
	entry.CursorRow, entry.CursorColumn = len(lines)-1, utf8.RuneCountInString(lines[len(lines)-1])
	tag := q.Tag
	var tagButtons []*Button
	tags := []session.Tag{session.TagRose, session.TagThorn, session.TagBud}
	mark := func() {
		for i, b := range tagButtons {
			b.Importance = widget.MediumImportance
			if tags[i] == tag {
				b.Importance = widget.HighImportance
			}
			b.Refresh()
		}
	}
	for _, t := range tags {
		tagButtons = append(tagButtons, s.u.button(tagName(t), func() {
			if tag == t {
				tag = session.TagNone
			} else {
				tag = t
			}
			mark()
		}))
	}
	mark()
	save := s.u.primary(lang.L("Save"), func() {
		if entry.Text != q.Text {
			if err := s.u.engine.EditItem(s.u.ctx, id, entry.Text); err != nil {
				msg.set(err)
				return
			}
		}
		if tag != q.Tag {
			if err := s.u.engine.TagItem(s.u.ctx, id, tag); err != nil {
				msg.set(err)
				return
			}
		}
		back()
	})
	// Not just "Delete": the keyboard below has a Delete key.
	del := s.u.button(lang.L("Delete the quote"), func() { s.confirmQuoteDelete(id, page) })
	s.u.show("quote-edit", screenLive, container.NewBorder(
		heading(lang.L("Correct the quote")),
		container.NewVBox(msg.Label,
			container.NewHBox(tagButtons[0], tagButtons[1], tagButtons[2], layout.NewSpacer(), del, s.u.button(lang.L("Cancel"), back), save),
			s.u.kb),
		nil, nil, entry))
	s.u.kb.SetTarget(entry)
	s.u.win.Canvas().Focus(entry)
}

// confirmQuoteDelete asks before deleting a key quote.
func (s *sessionScreens) confirmQuoteDelete(id string, page int) {
	msg := newErrorLabel()
	s.u.show("quote-delete", screenLive, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Delete this quote?")), para(lang.L("It is removed from the session's notes.")), msg.Label,
		container.NewHBox(layout.NewSpacer(),
			s.u.button(lang.L("No, keep it"), func() { s.showQuoteEdit(id, page) }),
			s.u.primary(lang.L("Yes, delete it"), func() {
				if err := s.u.engine.DeleteItem(s.u.ctx, id); err != nil {
					msg.set(err)
					return
				}
				s.showQuotes(page)
			}), layout.NewSpacer()),
		layout.NewSpacer()))
}
