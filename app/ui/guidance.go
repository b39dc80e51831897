package ui

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/protocol"
)

// guidanceButton opens the pack's guidance for the interviewer (protocol.Pack.InterviewerGuidance)
// and comes back with back. It is hidden when the session's pack has no guidance. Only the
// interviewer's screens carry it: the guidance is how to run the interview, not something the
// interviewee reads.
func (s *sessionScreens) guidanceButton(back func()) *Button {
	b := s.u.button(lang.L("Guidance for the interviewer"), func() { s.showGuidance(back) })
	if info, ok := s.u.engine.Info(); !ok || info.Pack == nil || len(info.Pack.InterviewerGuidance) == 0 {
		b.Hide()
	}
	return b
}

// showGuidance is the source's advice on running the interview, a page at a time.
func (s *sessionScreens) showGuidance(back func()) {
	info, ok := s.u.engine.Info()
	if !ok || info.Pack == nil {
		back()
		return
	}
	s.u.show("guidance", screenLive, s.guidanceContent(info.Pack, back))
}

func (s *sessionScreens) guidanceContent(p *protocol.Pack, back func()) fyne.CanvasObject {
	blocks := make([]textBlock, len(p.InterviewerGuidance))
	for i, g := range p.InterviewerGuidance {
		blocks[i] = textBlock{text: "• " + g}
	}
	title := lowLabel(p.Title)
	title.Wrapping, title.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
	return container.NewBorder(
		heading(lang.L("Guidance for the interviewer")),
		container.NewBorder(nil, nil, s.u.button(lang.L("Back"), back), nil, title),
		nil, nil, pagedText(blocks).view)
}

// textBlock is a piece of text for pagedText, with an optional title above it.
type textBlock struct {
	title, text string
}

// How much text a page of pagedText holds: what fits between a one-line heading and two rows
// of buttons at 800x480 with the larger text on, measured on the screens: pageHeight points
// for the labels, each taking labelPadding points and lineHeight a line of about lineChars
// characters. The normal text fits the same pages with room to spare.
const (
	pageHeight   = 250
	labelPadding = 24
	lineHeight   = 29
	lineChars    = 52
)

// pagedText shows blocks of text a page at a time, as many whole blocks on a page as fit, in
// the pager the other lists use (the screen has no scrolling). A block too long for one page
// is split between its sentences.
func pagedText(blocks []textBlock) *pager {
	var rows []fyne.CanvasObject
	page := container.NewVBox()
	used := 0
	flush := func() {
		if len(page.Objects) > 0 {
			rows = append(rows, page)
		}
		page, used = container.NewVBox(), 0
	}
	for _, b := range blocks {
		// A page holds the block's title and as many lines of its text as fit below it.
		room := pageHeight - labelPadding
		if b.title != "" {
			room -= labelPadding + lineHeight*textLines(b.title)
		}
		for i, text := range splitText(b.text, max(room/lineHeight, 1)*lineChars) {
			title := ""
			if i == 0 {
				title = b.title
			}
			need := labelPadding + lineHeight*textLines(text)
			if title != "" {
				need += labelPadding + lineHeight*textLines(title)
			}
			if used > 0 && used+need > pageHeight {
				flush()
			}
			if title != "" {
				t := para(title)
				t.TextStyle.Bold = true
				page.Add(t)
			}
			page.Add(para(text))
			used += need
		}
	}
	flush()
	return newPager(1, rows)
}

// textLines is about how many lines text takes on the screen.
func textLines(text string) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		n += max(1, (utf8.RuneCountInString(line)+lineChars-1)/lineChars)
	}
	return n
}

// splitText cuts text into pieces of at most most characters, between sentences where it
// can and between words where a sentence is longer.
func splitText(text string, most int) []string {
	if utf8.RuneCountInString(text) <= most {
		return []string{text}
	}
	var pieces []string
	var cur strings.Builder
	for _, word := range strings.SplitAfter(text, " ") {
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String()+word) > most {
			s := cur.String()
			// Prefer to end the piece after its last full sentence.
			if i := strings.LastIndex(s, ". "); i > len(s)/2 {
				pieces = append(pieces, strings.TrimSpace(s[:i+1]))
				cur.Reset()
				cur.WriteString(s[i+2:])
			} else {
				pieces = append(pieces, strings.TrimSpace(s))
				cur.Reset()
			}
		}
		cur.WriteString(word)
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		pieces = append(pieces, s)
	}
	return pieces
}

// lowLabel is a label in the quieter text of secondary information.
func lowLabel(text string) *widget.Label {
	l := para(text)
	l.Importance = widget.LowImportance
	return l
}
