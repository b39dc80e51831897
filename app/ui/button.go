package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// MinTarget is the smallest touch target, in Fyne units (pixels at scale 1).
const MinTarget = 52

// Button is a widget.Button at least MinTarget square, as a finger needs.
type Button struct {
	widget.Button
	// typesInto, when set, receives what is typed while the button has keyboard focus (after
	// Tab), except Space, which presses the button: a PIN pad's keys pass digits, Delete and
	// Return on to the pad rather than swallow them.
	typesInto fyne.Focusable
}

// TypedRune implements fyne.Focusable.
func (b *Button) TypedRune(r rune) {
	if b.typesInto != nil && r != ' ' {
		b.typesInto.TypedRune(r)
		return
	}
	b.Button.TypedRune(r)
}

// TypedKey implements fyne.Focusable.
func (b *Button) TypedKey(k *fyne.KeyEvent) {
	if b.typesInto != nil && k.Name != fyne.KeySpace {
		b.typesInto.TypedKey(k)
		return
	}
	b.Button.TypedKey(k)
}

// NewButton returns a touch-sized button.
func NewButton(text string, tapped func()) *Button {
	b := &Button{}
	b.Text = text
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// MinSize implements fyne.Widget.
func (b *Button) MinSize() fyne.Size {
	s := b.Button.MinSize()
	return fyne.NewSize(max(s.Width, MinTarget), max(s.Height, MinTarget))
}

// cutToWidth shortens s with an ellipsis until it fits width at the theme's text size, in
// bold as buttons draw it: for buttons, which cannot cut their own text.
func cutToWidth(s string, width float32) string {
	size, bold := theme.TextSize(), fyne.TextStyle{Bold: true}
	if fyne.MeasureText(s, size, bold).Width <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, bold).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(r[:lo]), " ") + "…"
}

// rowsPerPage is how many touch-sized rows a list shows per page: n at 480 px high (one fewer
// with the larger text, whose headings are taller), one more for each further row's height on
// taller screens.
func (u *UI) rowsPerPage(n int) int {
	if u.theme.large {
		n = max(n-1, 1)
	}
	return n + int(max(0, u.win.Canvas().Size().Height-480)/(MinTarget+theme.Padding()))
}

// linesPerPage is how many rows of one line of text an admin page's list shows: as many as
// the window's height holds under the page's heading and above its pager and bottom row,
// measured in the text size shown (a fixed number made for the test driver's text outgrew the
// real window).
func (u *UI) linesPerPage() int {
	line := widget.NewLabel("0").MinSize().Height + theme.Padding()
	chrome := heading("0").MinSize().Height + 2*(MinTarget+theme.Padding()) + 6*theme.Padding()
	return max(1, int((u.win.Canvas().Size().Height-chrome)/line))
}

// rowText cuts a button's text to the width of the window's content: buttons do not cut their
// own text, and a long one would widen the window. u.button applies it to every button.
func (u *UI) rowText(s string) string {
	return cutToWidth(s, u.win.Canvas().Size().Width-100)
}
