package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/protocol"
)

// The shell's form helpers, shared by the features' screens: a step of typed fields, the
// on-screen keyboard of a live screen's field, and a pack's consent points.

// typedField is one field of a typedStep: its placeholder, and where its text is kept.
type typedField struct {
	placeholder string
	text        *string
}

// typedStep shows one step of a form made of typed fields, with the on-screen keyboard (on the
// first field) and Back and Next; Next keeps what was typed in each field's text, then goes
// on. side puts the fields side by side instead of one under the other.
func (u *UI) typedStep(screen string, head fyne.CanvasObject, side bool, back, next func(), fields ...typedField) {
	entries := make([]fyne.CanvasObject, len(fields))
	typed := make([]*kbEntry, len(fields))
	for i, f := range fields {
		typed[i] = newKBEntry(u.kb, false)
		typed[i].SetPlaceHolder(f.placeholder)
		typed[i].SetText(*f.text)
		entries[i] = typed[i]
	}
	if len(typed) > 0 {
		u.kb.SetTarget(typed[0])
	}
	forward := u.primary(lang.L("Next"), func() {
		for i, f := range fields {
			*f.text = typed[i].Text
		}
		next()
	})
	body := container.NewVBox(entries...)
	if side {
		body = container.NewGridWithColumns(len(entries), entries...)
	}
	u.show(screen, screenIdle, container.NewBorder(head,
		container.NewVBox(container.NewHBox(u.button(lang.L("Back"), back), layout.NewSpacer(), forward), u.kb),
		nil, nil, body))
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

// consentRows are a pack's consent points, each with Yes and No; a tap records the choice in
// choices and shows it on its button.
func (u *UI) consentRows(points []protocol.ConsentPoint, choices map[string]bool) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, c := range points {
		text := c.Text
		if !c.Required {
			text = lang.L("{{.Text}} (optional)", map[string]any{"Text": c.Text})
		}
		var yes, no *Button
		pick := func(v bool) {
			choices[c.ID] = v
			yes.Importance, no.Importance = widget.MediumImportance, widget.MediumImportance
			if v {
				yes.Importance = widget.HighImportance
			} else {
				no.Importance = widget.HighImportance
			}
			yes.Refresh()
			no.Refresh()
		}
		yes = u.button(lang.L("Yes"), func() { pick(true) })
		no = u.button(lang.L("No"), func() { pick(false) })
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(yes, no), para(text)))
	}
	return rows
}
