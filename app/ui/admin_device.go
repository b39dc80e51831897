package ui

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"

	"quietroom/app/kiosk"
)

// showSecretChoice is the first step on a new Raspberry Pi whose OTP key is not programmed:
// where the key that locks every note is kept. Programming the OTP is permanent, so it takes an
// explicit second confirmation.
func (a *adminScreens) showSecretChoice() {
	msg := newErrorLabel()
	a.u.show("secret-choice", screenHome, container.NewBorder(heading(lang.L("Where should this device keep its key?")),
		container.NewVBox(msg.Label, container.NewHBox(
			a.u.button(lang.L("Use a key file"), func() {
				if err := a.u.kiosk.ChooseSecret(a.u.ctx, false); err != nil {
					msg.set(err)
					return
				}
				a.showSetupWizard()
			}),
			layout.NewSpacer(),
			a.u.primary(lang.L("Keep it in the OTP memory"), a.confirmOTP))),
		nil, nil,
		container.NewVBox(
			para(lang.L("Every note is locked with a key that belongs to this device. This Raspberry Pi can keep that key in its one-time-programmable (OTP) memory: the safest place, because it never leaves the board and a copied or stolen SD card opens nothing.")),
			para(lang.L("Or the key can be kept in a file on the SD card. That is weaker: whoever takes the card takes the key file too, and then only the interviewers' PINs protect the notes.")))))
}

// confirmOTP asks once more before the permanent write.
func (a *adminScreens) confirmOTP() {
	msg := newErrorLabel()
	a.u.show("secret-confirm", screenHome, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Program the OTP key now?")),
		para(lang.L("This is permanent. The key can never be changed or removed, and the notes stored on this device can only ever be opened on this board.")),
		msg.Label,
		container.NewHBox(layout.NewSpacer(),
			a.u.button(lang.L("No, go back"), a.showSecretChoice),
			a.u.primary(lang.L("Yes, program it"), func() {
				if err := a.u.kiosk.ChooseSecret(a.u.ctx, true); err != nil {
					msg.set(err)
					return
				}
				a.showSetupWizard()
			}), layout.NewSpacer()),
		layout.NewSpacer()))
}

// showSetupWizard is the first boot: admin credential, room name, date and time, light test.
func (a *adminScreens) showSetupWizard() {
	msg := newErrorLabel()
	var first string
	pad := NewPinPad(nil)
	prompt := para(lang.L("Choose the admin PIN (at least {{.N}} digits), then OK.", map[string]any{"N": kiosk.MinPINLength}))
	pad.OnSubmit = func(pin string) {
		if first == "" {
			if err := kiosk.CheckPIN([]byte(pin)); err != nil {
				msg.set(err)
				return
			}
			first = pin
			prompt.SetText(lang.L("Type the admin PIN again to confirm it."))
			msg.SetText("")
			return
		}
		if pin != first {
			first = ""
			prompt.SetText(lang.L("Choose the admin PIN (at least {{.N}} digits), then OK.", map[string]any{"N": kiosk.MinPINLength}))
			msg.SetText(lang.L("The two PINs differ. Start again."))
			return
		}
		a.showSetupRoom(first)
	}
	pad.OnKey = a.u.touch
	a.u.show("setup-wizard", screenHome, pinLayout(container.NewVBox(heading(lang.L("Set up this device")), prompt, msg.Label), pad))
}

func (a *adminScreens) showSetupRoom(cred string) {
	msg := newErrorLabel()
	name := newKBEntry(a.u.kb, false)
	name.SetPlaceHolder(lang.L("Room name, e.g. Room 2"))
	name.SetText(a.u.opts.RoomName)
	a.u.kb.SetTarget(name)
	next := a.u.primary(lang.L("Next"), func() {
		signedIn, err := a.u.kiosk.Setup(a.u.ctx, []byte(cred), name.Text)
		if err != nil {
			msg.set(err)
			return
		}
		a.u.admin = signedIn
		a.showSetupClock()
	})
	a.u.show("setup-room", screenHome, container.NewBorder(
		container.NewVBox(heading(lang.L("Room name")), name, msg.Label),
		container.NewVBox(container.NewHBox(layout.NewSpacer(), next), a.u.kb), nil, nil, layout.NewSpacer()))
}

func (a *adminScreens) showSetupClock() {
	now := a.u.kiosk.Now()
	a.u.show("setup-clock", screenHome, container.NewVBox(
		heading(lang.L("Date and time")),
		subheading(now.Local().Format(dateTimeLayout)),
		para(lang.L("Is this right? Deletion dates are measured against it. If it is wrong, set the device's date and time before going on (ask IT).")),
		container.NewHBox(layout.NewSpacer(), a.u.primary(lang.L("It is right"), func() { a.showLightTest(a.u.showHome) })),
	))
}
