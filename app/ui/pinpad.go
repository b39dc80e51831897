package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PinPad is a large numeric keypad: digits, delete and OK. It shows dots for a PIN, or the
// digits for a number (Reveal). A USB keyboard types into it when it has focus.
type PinPad struct {
	widget.BaseWidget
	// OnSubmit is called with what was entered when OK is pressed.
	OnSubmit func(string)
	// OnKey is called on every key (the UI resets its idle timer).
	OnKey  func()
	Reveal bool
	Max    int
	// Settle runs a submitted PIN's check once the pad's "Checking…" has been drawn: the check
	// (Argon2id, and an export behind it) holds the UI's thread for up to seconds, and a person
	// must see at once that the kiosk is working. Nil runs it at once, before anything is drawn.
	Settle func(func())

	busy    bool // a submitted PIN is being checked: keys wait
	value   []rune
	display *widget.Label
	content fyne.CanvasObject
}

// NewPinPad returns a PIN pad whose OK calls submit.
func NewPinPad(submit func(string)) *PinPad {
	p := &PinPad{OnSubmit: submit, Max: 32}
	p.display = widget.NewLabel(" ")
	p.display.Alignment = fyne.TextAlignCenter
	p.display.SizeName = theme.SizeNameHeadingText
	p.display.TextStyle.Bold = true // the dots of a hidden PIN, large enough to count
	keys := container.NewGridWithColumns(3)
	key := func(label string, tapped func()) *Button {
		b := NewButton(label, tapped)
		b.typesInto = p // a key that Tab focused still types into the pad
		keys.Add(b)
		return b
	}
	for _, d := range "123456789" {
		key(string(d), func() { p.TypedRune(d) })
	}
	key(lang.L("Delete"), func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) })
	key("0", func() { p.TypedRune('0') })
	ok := key(lang.L("OK"), func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	ok.Importance = widget.HighImportance
	p.content = container.NewBorder(p.display, nil, nil, nil, keys)
	p.ExtendBaseWidget(p)
	return p
}

// Value is what was typed so far.
func (p *PinPad) Value() string { return string(p.value) }

// Clear empties the pad (the typed digits are overwritten in memory).
func (p *PinPad) Clear() {
	for i := range p.value {
		p.value[i] = 0
	}
	p.value = p.value[:0]
	p.show()
}

func (p *PinPad) show() {
	switch {
	case len(p.value) == 0:
		p.display.SetText(" ")
	case p.Reveal:
		p.display.SetText(string(p.value))
	default:
		p.display.SetText(strings.Repeat("• ", len(p.value)))
	}
}

// TypedRune implements fyne.Focusable.
func (p *PinPad) TypedRune(r rune) {
	if p.OnKey != nil {
		p.OnKey()
	}
	if p.busy || r < '0' || r > '9' || len(p.value) >= p.Max {
		return
	}
	p.value = append(p.value, r)
	p.show()
}

// TypedKey implements fyne.Focusable.
func (p *PinPad) TypedKey(k *fyne.KeyEvent) {
	if p.OnKey != nil {
		p.OnKey()
	}
	switch k.Name {
	case fyne.KeyBackspace:
		if n := len(p.value); n > 0 && !p.busy {
			p.value[n-1] = 0
			p.value = p.value[:n-1]
			p.show()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if p.busy {
			return
		}
		v := string(p.value)
		p.Clear()
		if p.OnSubmit == nil {
			return
		}
		if p.Settle == nil || p.Reveal {
			p.OnSubmit(v) // a number, not a PIN: nothing slow to wait for
			return
		}
		p.busy = true
		p.display.SetText(lang.L("Checking…"))
		p.Settle(func() {
			defer func() { p.busy = false; p.show() }()
			p.OnSubmit(v)
		})
	}
}

// FocusGained implements fyne.Focusable.
func (p *PinPad) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (p *PinPad) FocusLost() {}

// CreateRenderer implements fyne.Widget.
func (p *PinPad) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.content) }

// pinLayout puts a PIN pad on the right at a fixed, finger-friendly size and the text beside it.
func pinLayout(text fyne.CanvasObject, pad *PinPad) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(390, 450), pad), text)
}
