package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Keyboard is the on-screen keyboard panel: it types into the field that last had focus
// (a USB keyboard works too, Fyne's own way).
type Keyboard struct {
	widget.BaseWidget
	OnKey func()

	target  fyne.Focusable
	shift   bool
	numbers bool
	rows    *fyne.Container

	// sending is set while the panel itself types into the target, so an entry can tell its
	// keys from a physical keyboard's.
	sending bool
	// physical records that a physical keyboard has been used: text fields then stop opening
	// the panel. OnPhysical hears the first such key (a screen closes its open panel).
	physical   bool
	OnPhysical func()
}

// Physical reports whether a physical keyboard has been used since the kiosk started.
func (k *Keyboard) Physical() bool { return k.physical }

// physicalKey notes a key that did not come from the panel.
func (k *Keyboard) physicalKey() {
	if k.sending || k.physical {
		return
	}
	k.physical = true
	if k.OnPhysical != nil {
		k.OnPhysical()
	}
}

// NewKeyboard returns a keyboard panel with no target.
func NewKeyboard() *Keyboard {
	k := &Keyboard{rows: container.NewVBox()}
	k.build()
	k.ExtendBaseWidget(k)
	return k
}

// SetTarget makes keys type into f.
func (k *Keyboard) SetTarget(f fyne.Focusable) { k.target = f }

func (k *Keyboard) build() {
	letters := []string{"qwertyuiop", "asdfghjkl'", "zxcvbnm,.?"}
	if k.numbers {
		letters = []string{"1234567890", "-/:;()&@\"!", "#%*+=_<>[]"}
	}
	k.rows.RemoveAll()
	for _, row := range letters {
		r := container.NewGridWithColumns(len([]rune(row)))
		for _, c := range row {
			c := c
			label := string(c)
			if k.shift {
				label = strings.ToUpper(label)
			}
			r.Add(NewButton(label, func() {
				if k.shift {
					c = []rune(strings.ToUpper(string(c)))[0]
				}
				k.rune(c)
			}))
		}
		k.rows.Add(r)
	}
	shift := NewButton(lang.L("Shift"), func() { k.shift = !k.shift; k.build() })
	if k.shift {
		shift.Importance = widget.HighImportance
	}
	mode := NewButton("123", func() { k.numbers = !k.numbers; k.build() })
	if k.numbers {
		mode.SetText("abc")
	}
	k.rows.Add(container.NewBorder(nil, nil,
		container.NewHBox(shift, mode),
		container.NewHBox(
			NewButton(lang.L("Delete"), func() { k.key(fyne.KeyBackspace) }),
			NewButton(lang.L("New line"), func() { k.key(fyne.KeyReturn) }),
		),
		NewButton(lang.L("Space"), func() { k.rune(' ') }),
	))
	k.rows.Refresh()
}

func (k *Keyboard) rune(r rune) {
	if k.OnKey != nil {
		k.OnKey()
	}
	if k.target != nil {
		k.sending = true
		k.target.TypedRune(r)
		k.sending = false
	}
	if k.shift {
		k.shift = false
		k.build()
	}
}

func (k *Keyboard) key(n fyne.KeyName) {
	if k.OnKey != nil {
		k.OnKey()
	}
	if k.target != nil {
		k.sending = true
		k.target.TypedKey(&fyne.KeyEvent{Name: n})
		k.sending = false
	}
}

// CreateRenderer implements fyne.Widget.
func (k *Keyboard) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(k.rows) }
