package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/hw"
)

const dayLayout = "Mon 2 Jan 2006"

// showAdminSignIn is the admin credential's PIN pad.
func (u *UI) showAdminSignIn() {
	msg := newErrorLabel()
	pad := u.pinPad(func(cred string) {
		a, err := u.kiosk.SignInAdmin(u.ctx, []byte(cred))
		if err != nil {
			msg.set(err)
			return
		}
		u.admin = a
		u.showAdmin()
	})
	pad.OnKey = u.touch
	u.show("admin-sign-in", screenIdle, pinLayout(container.NewVBox(heading(lang.L("Admin")), para(lang.L("Enter the admin PIN.")), msg.Label, layout.NewSpacer(),
		u.button(lang.L("Cancel"), u.showHome)), pad))
	u.win.Canvas().Focus(pad)
}

// showAdmin is the admin's menu.
func (u *UI) showAdmin() {
	if u.admin == nil {
		u.showHome()
		return
	}
	columns := 3
	if u.theme.large {
		columns = 2 // three larger buttons are wider than 800 px
	}
	grid := container.NewGridWithColumns(columns,
		u.button(lang.L("Engagements"), u.showEngagements),
		u.button(lang.L("Interviewers"), u.showInterviewers),
		u.button(lang.L("Question packs"), u.showPacks),
		u.button(lang.L("Wipe an engagement"), u.showWipe),
		u.button(lang.L("Audit log"), u.showAudit),
		u.button(lang.L("Deletion receipts"), u.showReceipts),
		u.button(lang.L("Clock check"), u.showClock),
		u.button(lang.L("Storage health"), u.showHealth),
		u.button(lang.L("Light test"), func() { u.showLightTest(u.showAdmin) }),
		u.button(lang.L("Surveys"), u.showAdminSurveys),
	)
	u.show("admin", screenIdle, container.NewBorder(heading(lang.L("Admin")),
		container.NewHBox(u.button(lang.L("Sign out"), u.showHome)), nil, nil, grid))
}

func (u *UI) adminPage(name, title string, body fyne.CanvasObject, extra ...fyne.CanvasObject) {
	bottom := container.NewHBox(u.button(lang.L("Back"), u.showAdmin), layout.NewSpacer())
	for _, e := range extra {
		bottom.Add(e)
	}
	u.show(name, screenIdle, container.NewBorder(heading(title), bottom, nil, nil, body))
}

func (u *UI) showEngagements() {
	msg := newErrorLabel()
	engs, err := u.kiosk.AllEngagements(u.ctx, u.admin)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, e := range engs {
		status := lang.L("open")
		switch {
		case e.LegalHold:
			status = lang.L("legal hold")
		case e.Closed:
			status = lang.L("closed")
		}
		text := lang.L("{{.Title}}: deleted on {{.Date}} ({{.Status}})", map[string]any{"Title": e.Title, "Date": e.DeletionDate.Local().Format(dayLayout), "Status": status})
		rows = append(rows, u.button(text, func() { u.showEngagement(e) }))
	}
	u.adminPage("engagements", lang.L("Engagements"), container.NewBorder(msg.Label, nil, nil, nil, newPager(u.rowsPerPage(4), rows).view),
		u.primary(lang.L("New engagement"), u.showNewEngagement))
}

func (u *UI) showEngagement(e session.Engagement) {
	msg := newErrorLabel()
	reason := newKBEntry(u.kb, false)
	reason.SetPlaceHolder(lang.L("Reason for the legal hold"))
	act := func(f func() error) func() {
		return func() {
			if err := f(); err != nil {
				msg.set(err)
				return
			}
			u.showEngagements()
		}
	}
	var actions []fyne.CanvasObject
	var closeIt *Button
	if e.LegalHold {
		actions = append(actions, u.button(lang.L("Release the legal hold"), act(func() error { return u.kiosk.ReleaseHold(u.ctx, u.admin, e.ID) })))
	} else {
		actions = append(actions, reason, u.button(lang.L("Place a legal hold"), act(func() error { return u.kiosk.PlaceHold(u.ctx, u.admin, e.ID, reason.Text) })))
	}
	if !e.Closed {
		closeIt = u.button(lang.L("Close to new sessions"), act(func() error { return u.kiosk.CloseEngagement(u.ctx, u.admin, e.ID) }))
		actions = append(actions, closeIt)
	}
	var team *Button
	if e.Kind == session.KindPeerChallenge {
		team = u.button(lang.L("Team and board"), func() { u.showTeam(e) })
		actions = append(actions, team)
	}
	info := para(lang.L("Deletion date: {{.Date}}. Stakeholder groups: {{.Groups}}.", map[string]any{
		"Date": e.DeletionDate.Local().Format(dayLayout), "Groups": strings.Join(e.StakeholderGroups, ", ")}))
	// The keyboard opens when the reason is tapped (or with its button); the details and the
	// other action step aside meanwhile, so the screen keeps to its size.
	kb := u.newKeyboardPanel(reason, info)
	if closeIt != nil {
		kb.aside = append(kb.aside, closeIt)
	}
	if team != nil {
		kb.aside = append(kb.aside, team)
	}
	bottom := container.NewHBox(u.button(lang.L("Back"), u.showEngagements))
	if !e.LegalHold {
		bottom.Add(layout.NewSpacer())
		bottom.Add(kb.toggle)
	}
	u.show("engagement", screenIdle, container.NewBorder(
		container.NewVBox(heading(e.Title), info, msg.Label),
		container.NewVBox(bottom, kb.box), nil, nil,
		container.NewVBox(actions...)))
	kb.arm()
}

func (u *UI) showInterviewers() {
	msg := newErrorLabel()
	all, err := u.kiosk.AllInterviewers(u.ctx, u.admin)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, iv := range all {
		state := ""
		switch {
		case iv.LockedOut:
			state = lang.L(" (locked out)")
		case iv.Wait > 0:
			state = lang.L(" (waiting after wrong PINs)")
		}
		unlock := u.button(lang.L("Unlock"), func() {
			if err := u.kiosk.ClearLockOut(u.ctx, u.admin, iv.ID); err != nil {
				msg.set(err)
				return
			}
			u.showInterviewers()
		})
		if !iv.LockedOut && iv.Wait == 0 {
			unlock.Disable()
		}
		reset := u.button(lang.L("New PIN"), func() { u.showNewPIN(iv.Interviewer) })
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(unlock, reset), widget.NewLabel(iv.DisplayName+state)))
	}
	u.adminPage("interviewers", lang.L("Interviewers"), container.NewBorder(msg.Label, nil, nil, nil, newPager(4, rows).view),
		u.primary(lang.L("Add interviewer"), u.showAddInterviewer))
}

func (u *UI) showAddInterviewer() {
	// The refusal sits on one line in the bottom row, beside Back: with the larger text a line
	// of its own above the open keyboard pushed the keyboard's bottom row off the screen.
	msg := newStatusLine()
	name := newKBEntry(u.kb, false)
	name.SetPlaceHolder(lang.L("Name or initials"))
	pinPad := u.pinPad(func(pin string) {
		if _, err := u.kiosk.AddInterviewer(u.ctx, u.admin, name.Text, []byte(pin)); err != nil {
			msg.set(err)
			return
		}
		u.showInterviewers()
	})
	pinPad.OnKey = u.touch
	// The keyboard for the name takes the PIN pad's place while it is open: side by side they
	// are wider than the screen.
	pad := container.NewGridWrap(fyne.NewSize(300, 330), pinPad)
	help := para(lang.L("The interviewer types their own PIN on the pad, then OK."))
	kb := u.newKeyboardPanel(name, pad, help)
	u.show("add-interviewer", screenIdle, container.NewBorder(heading(lang.L("Add interviewer")),
		container.NewVBox(container.NewBorder(nil, nil, u.button(lang.L("Back"), u.showInterviewers), kb.toggle, msg.Label), kb.box),
		nil, pad,
		container.NewVBox(name, help)))
	kb.arm()
}

// showNewPIN sets a new PIN for an interviewer who forgot theirs. Before the PIN is typed it
// says what the new key does: their sessions become unreadable, and in each board, panel and
// survey review team they wait to be let in again, or, where nobody else holds the key, the
// group becomes unreadable for good (which is asked again before it is done).
func (u *UI) showNewPIN(iv session.Interviewer) {
	msg := newErrorLabel()
	told, err := u.kiosk.PINResetEffects(u.ctx, u.admin, iv.ID)
	msg.set(err)
	pad := u.pinPad(func(pin string) {
		if err != nil {
			return
		}
		if len(told.Orphaned()) > 0 {
			u.confirmNewPIN(iv, told, pin)
			return
		}
		if err := u.kiosk.ResetPIN(u.ctx, u.admin, told, []byte(pin)); err != nil {
			msg.set(err)
			return
		}
		u.showInterviewers()
	})
	pad.OnKey = u.touch
	warning := container.NewVBox(para(lang.L("A new PIN makes a new key: the sessions this interviewer stored before can no longer be opened by anyone. They are still deleted on their dates.")))
	for _, l := range newPINGroupLines(told) {
		warning.Add(l)
	}
	u.show("new-pin", screenIdle, pinLayout(container.NewBorder(heading(iv.DisplayName),
		container.NewVBox(msg.Label, u.button(lang.L("Back"), u.showInterviewers)), nil, nil,
		newTouchScroll(warning)), pad))
	u.win.Canvas().Focus(pad)
}

// newPINGroupLines words what a new PIN does to each group: the groups nobody else can open
// first, as a warning.
func newPINGroupLines(r kiosk.PINReset) []fyne.CanvasObject {
	var lost, waiting []string
	for _, g := range r.Groups {
		if g.Orphaned {
			lost = append(lost, groupLine(g))
		} else {
			waiting = append(waiting, groupLine(g))
		}
	}
	var out []fyne.CanvasObject
	if len(lost) > 0 {
		l := para(lang.L("Nobody else can open these, so nobody could let this interviewer in again: they become unreadable for good, to everyone:") + "\n" + strings.Join(lost, "\n"))
		l.Importance = widget.DangerImportance
		out = append(out, l)
	}
	if len(waiting) > 0 {
		l := para(lang.L("Here the interviewer waits to be let in again by another member, who signs in and taps Let in:") + "\n" + strings.Join(waiting, "\n"))
		l.Importance = widget.WarningImportance
		out = append(out, l)
	}
	return out
}

// groupLine names a group: its kind and its engagement's title.
func groupLine(g kiosk.Group) string {
	switch g.Kind {
	case kiosk.GroupBoard:
		return lang.L("• the team board of “{{.Title}}”", map[string]any{"Title": g.Title})
	case kiosk.GroupPanel:
		return lang.L("• the recruitment panel “{{.Title}}”", map[string]any{"Title": g.Title})
	default:
		return lang.L("• the results of the survey “{{.Title}}” (review team)", map[string]any{"Title": g.Title})
	}
}

// confirmNewPIN asks once more before a new PIN makes groups unreadable for good.
func (u *UI) confirmNewPIN(iv session.Interviewer, told kiosk.PINReset, pin string) {
	msg := newErrorLabel()
	var lost []string
	for _, g := range told.Orphaned() {
		lost = append(lost, groupLine(g))
	}
	text := para(lang.L("A new PIN for {{.Name}} makes these unreadable for good, to everyone (nobody else can open them):", map[string]any{"Name": iv.DisplayName}) +
		"\n" + strings.Join(lost, "\n"))
	text.Importance = widget.DangerImportance
	u.show("new-pin-confirm", screenIdle, container.NewBorder(heading(lang.L("Set the new PIN?")),
		container.NewVBox(msg.Label, container.NewHBox(u.button(lang.L("Back"), func() { u.showNewPIN(iv) }), layout.NewSpacer(),
			u.primary(lang.L("Set the new PIN: they are lost"), func() {
				if err := u.kiosk.ResetPIN(u.ctx, u.admin, told, []byte(pin)); err != nil {
					msg.set(err)
					return
				}
				u.showInterviewers()
			}))), nil, nil,
		newTouchScroll(text)))
}

func (u *UI) showPacks() {
	var rows []fyne.CanvasObject
	for _, p := range u.kiosk.Packs() {
		rows = append(rows, u.packRow(p))
	}
	u.adminPage("packs", lang.L("Question packs"), newPager(3, rows).view,
		u.primary(lang.L("Import from a USB stick"), u.showPackImport))
}

func packLine(p *protocol.Pack) string {
	return lang.L("{{.Title}} (v{{.Version}}, {{.Topics}} topics, {{.Minutes}} min)",
		map[string]any{"Title": p.Title, "Version": p.Version, "Topics": len(p.Topics), "Minutes": p.DurationMinutes})
}

// showPackImport lists the pack files on the plugged-in USB sticks; tapping one validates it in
// full and imports it, or shows every problem with its line.
func (u *UI) showPackImport() {
	msg := newErrorLabel()
	files, err := u.kiosk.PackFiles(u.admin)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, f := range files {
		rows = append(rows, u.button(f.Name, func() {
			p, err := u.kiosk.ImportPack(u.ctx, u.admin, f.Path)
			u.showPackImported(f.Name, p, err)
		}))
	}
	body := fyne.CanvasObject(newPager(5, rows).view)
	if len(files) == 0 && err == nil {
		body = para(lang.L("No question pack files (.yaml) found. Plug in the USB stick with the pack file, wait a moment, then tap Look again."))
	}
	u.show("pack-import", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Import a question pack")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), u.showPacks), layout.NewSpacer(), u.button(lang.L("Look again"), u.showPackImport)),
		nil, nil, body))
}

// showPackImported says what the import did: the new pack, or why nothing was imported.
func (u *UI) showPackImported(name string, p *protocol.Pack, err error) {
	var body fyne.CanvasObject
	var ve *protocol.ValidationError
	switch {
	case errors.As(err, &ve):
		var rows []fyne.CanvasObject
		for _, pr := range ve.Problems {
			rows = append(rows, para(pr.String()))
		}
		body = container.NewBorder(para(lang.L("Nothing was imported: {{.File}} has {{.N}} problems. Correct the file on a computer and try again.",
			map[string]any{"File": name, "N": len(ve.Problems)})), nil, nil, nil, newTouchScroll(container.NewVBox(rows...)))
	case err != nil:
		body = para(lang.L("Nothing was imported: {{.Err}}", map[string]any{"Err": err.Error()}))
	default:
		body = para(lang.L("Imported: {{.Pack}}. Interviewers can choose it for their next session.", map[string]any{"Pack": packLine(p)}))
	}
	u.show("pack-imported", screenIdle, container.NewBorder(heading(lang.L("Import a question pack")),
		container.NewHBox(u.button(lang.L("Back to the packs"), u.showPacks), layout.NewSpacer(),
			u.button(lang.L("Import another"), u.showPackImport)),
		nil, nil, body))
}

// showWipe is the two-step wipe: choose, confirm twice, then the receipt.
func (u *UI) showWipe() {
	msg := newErrorLabel()
	engs, err := u.kiosk.AllEngagements(u.ctx, u.admin)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, e := range engs {
		rows = append(rows, u.button(e.Title, func() { u.confirmWipe(e, 1) }))
	}
	u.adminPage("wipe", lang.L("Wipe an engagement"), container.NewBorder(
		container.NewVBox(para(lang.L("Follow-up visit done? Wiping destroys every record of the engagement.")), msg.Label),
		nil, nil, nil, newPager(u.rowsPerPage(4), rows).view))
}

func (u *UI) confirmWipe(e session.Engagement, step int) {
	msg := newErrorLabel()
	var text, button string
	if step == 1 {
		text = lang.L("Destroy every session, note, quote and consent of “{{.Title}}”?", map[string]any{"Title": e.Title})
		if e.Kind == kiosk.SurveyKind {
			text = lang.L("Destroy every survey response of “{{.Title}}”, and the survey's keys?", map[string]any{"Title": e.Title})
		}
		followUp, ahead, err := u.kiosk.FollowUpAhead(u.ctx, u.admin, e.ID)
		msg.set(err)
		if ahead {
			text = lang.L("The follow-up is on {{.Date}}: it has not happened yet, and its records would be gone for it.", map[string]any{"Date": followUp.Local().Format(dayLayout)}) +
				"\n" + text
			button = lang.L("Wipe before the follow-up")
		} else {
			button = lang.L("Yes, wipe it")
		}
	} else {
		text = lang.L("Second confirmation: this cannot be undone. Wipe “{{.Title}}” now?", map[string]any{"Title": e.Title})
		button = lang.L("Wipe now")
	}
	u.show(fmt.Sprintf("wipe-confirm-%d", step), screenIdle, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Wipe")), para(text), msg.Label,
		container.NewHBox(layout.NewSpacer(), u.button(lang.L("Cancel"), u.showWipe),
			u.primary(button, func() {
				if step == 1 {
					u.confirmWipe(e, 2)
					return
				}
				r, err := u.kiosk.WipeEngagement(u.ctx, u.admin, e.ID)
				if err != nil {
					msg.set(err)
					return
				}
				u.showReceipt(r)
			}), layout.NewSpacer()),
		layout.NewSpacer()))
}

// receiptText is a deletion receipt in plain words: what was destroyed, when, by whom, how, and
// whether the check found anything left. It holds no content, labels or names.
func receiptText(r retention.Receipt) string {
	why := map[retention.Kind]string{
		retention.KindPurge:          lang.L("Deleted on the deletion date"),
		retention.KindWithdrawal:     lang.L("Destroyed: the interviewee withdrew consent"),
		retention.KindWipeEngagement: lang.L("Engagement wiped"), // before receipts said when
		retention.KindWipeAll:        lang.L("Everything wiped (device reset)"),
	}[r.Kind]
	if w, ok := map[retention.FollowUp]string{
		retention.FollowUpNone:   lang.L("Engagement wiped (it had no follow-up date)"),
		retention.FollowUpBefore: lang.L("Engagement wiped before its follow-up date"),
		retention.FollowUpOn:     lang.L("Engagement wiped on its follow-up date"),
		retention.FollowUpAfter:  lang.L("Engagement wiped after its follow-up date"),
	}[r.FollowUp]; ok && r.Kind == retention.KindWipeEngagement {
		why = w
	}
	who := map[retention.Role]string{
		retention.RoleAdmin: lang.L("an admin"), retention.RoleInterviewer: lang.L("the interviewer"),
		retention.RoleInterviewee: lang.L("the interviewee"), retention.RoleSystem: lang.L("the kiosk"),
	}[r.Actor]
	check := lang.L("Check that nothing remains: passed.")
	if r.Outcome != retention.OutcomePassed {
		check = lang.L("Check that nothing remains: {{.Outcome}}. Ask IT to look at the device.", map[string]any{"Outcome": r.Outcome})
	}
	destroyed := lang.L("Destroyed: {{.Sessions}} sessions, {{.Entries}} notes, quotes and answers, {{.Consents}} consent records, {{.Declines}} decline counts.",
		map[string]any{"Sessions": r.Sessions, "Entries": r.Entries, "Consents": r.Consents, "Declines": r.Declines})
	if r.SurveyResponses > 0 {
		destroyed += " " + lang.L("And {{.N}} survey responses with the survey's keys.", map[string]any{"N": r.SurveyResponses})
	}
	if r.BoardRecords > 0 {
		destroyed += " " + lang.L("Team boards: {{.N}} records (post-its, interview counts, keys, imports).", map[string]any{"N": r.BoardRecords})
	}
	return strings.Join([]string{
		lang.L("{{.Why}}, {{.When}}, by {{.Who}}. Receipt {{.ID}}.", map[string]any{
			"Why": why, "When": r.At.Local().Format("Monday 2 January 2006 at 15:04"), "Who": who, "ID": r.ID}),
		destroyed,
		lang.L("How: {{.Keys}} session keys destroyed; {{.Rows}} rows deleted with secure delete; the database log emptied; {{.Pages}} free pages returned.",
			map[string]any{"Keys": r.KeysDestroyed, "Rows": r.RowsDeleted, "Pages": r.PagesReclaimed}),
		check + " " + lang.L("({{.RowsLeft}} rows left, {{.KeysFound}} keys found in the database files.)",
			map[string]any{"RowsLeft": r.RowsRemaining, "KeysFound": r.KeysFound}),
	}, "\n")
}

func (u *UI) showReceipt(r retention.Receipt) {
	u.adminPage("receipt", lang.L("Wiped"), para(receiptText(r)))
}

func (u *UI) showAudit() {
	msg := newErrorLabel()
	evs, err := u.kiosk.Audit(u.ctx, u.admin, 200)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, ev := range evs {
		rows = append(rows, widget.NewLabel(fmt.Sprintf("%s  %s  %s  %s", ev.At.Local().Format("2 Jan 15:04"), ev.Actor, ev.Action, ev.Outcome)))
	}
	u.adminPage("audit", lang.L("Audit log"), container.NewBorder(msg.Label, nil, nil, nil, newPager(u.linesPerPage(), rows).view))
}

func (u *UI) showReceipts() {
	msg := newErrorLabel()
	rs, err := u.kiosk.Receipts(u.ctx, u.admin)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, r := range rs {
		rows = append(rows, para(receiptText(r)))
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("No deletion receipts yet.")))
	}
	u.adminPage("receipts", lang.L("Deletion receipts"), container.NewBorder(msg.Label, nil, nil, nil, newTouchScroll(container.NewVBox(rows...))))
}

func (u *UI) showClock() {
	msg := newErrorLabel()
	st, err := u.kiosk.Clock(u.ctx)
	msg.set(err)
	text := para(lang.L("Device clock: {{.Clock}}. Trusted time: {{.Trusted}}. {{.Message}}", map[string]any{
		"Clock": st.Clock.Local().Format(dateTimeLayout), "Trusted": st.Trusted.Local().Format(dateTimeLayout), "Message": st.Message}))
	var extra []fyne.CanvasObject
	if st.State == retention.ClockAhead {
		extra = append(extra, u.primary(lang.L("The clock is right: confirm"), func() {
			if err := u.kiosk.ConfirmClock(u.ctx, u.admin); err != nil {
				msg.set(err)
				return
			}
			u.showClock()
		}))
	}
	u.adminPage("clock", lang.L("Clock check"), container.NewVBox(text, msg.Label), extra...)
}

func (u *UI) showHealth() {
	msg := newErrorLabel()
	h, err := u.kiosk.Health(u.ctx, u.admin)
	msg.set(err)
	light := h.LightError
	if light == "" {
		light = lang.L("working")
	}
	u.adminPage("health", lang.L("Storage health"), container.NewVBox(
		para(lang.L("Database check: {{.Integrity}}", map[string]any{"Integrity": h.Integrity})),
		para(lang.L("Device secret: {{.Secret}}", map[string]any{"Secret": h.Secret})),
		para(lang.L("Occupancy light: {{.Light}}", map[string]any{"Light": light})),
		msg.Label))
}

// showLightTest cycles the occupancy light through its states.
func (u *UI) showLightTest(done func()) {
	msg := newErrorLabel()
	l := u.kiosk.Light()
	grid := container.NewGridWithColumns(3)
	for _, s := range hw.States() {
		grid.Add(u.button(stateLabel(s), func() { msg.set(l.Test(s)) }))
	}
	u.show("light-test", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Light test")), para(lang.L("Tap each state and check the light outside the door."))),
		container.NewHBox(layout.NewSpacer(), u.primary(lang.L("Done"), func() { l.Restore(); done() })),
		nil, nil, container.NewVBox(grid, msg.Label)))
	u.onIdle = func() error { l.Restore(); return nil }
}

func stateLabel(s hw.State) string {
	switch s {
	case hw.Free:
		return lang.L("Free")
	case hw.Occupied:
		return lang.L("Occupied")
	case hw.EndingSoon:
		return lang.L("Ending soon")
	case hw.Overtime:
		return lang.L("Overtime")
	case hw.Maintenance:
		return lang.L("Maintenance")
	}
	return lang.L("Fault")
}

// showSecretChoice is the first step on a new Raspberry Pi whose OTP key is not programmed:
// where the key that locks every note is kept. Programming the OTP is permanent, so it takes an
// explicit second confirmation.
func (u *UI) showSecretChoice() {
	msg := newErrorLabel()
	u.show("secret-choice", screenHome, container.NewBorder(heading(lang.L("Where should this device keep its key?")),
		container.NewVBox(msg.Label, container.NewHBox(
			u.button(lang.L("Use a key file"), func() {
				if err := u.kiosk.ChooseSecret(u.ctx, false); err != nil {
					msg.set(err)
					return
				}
				u.showSetupWizard()
			}),
			layout.NewSpacer(),
			u.primary(lang.L("Keep it in the OTP memory"), u.confirmOTP))),
		nil, nil,
		container.NewVBox(
			para(lang.L("Every note is locked with a key that belongs to this device. This Raspberry Pi can keep that key in its one-time-programmable (OTP) memory: the safest place, because it never leaves the board and a copied or stolen SD card opens nothing.")),
			para(lang.L("Or the key can be kept in a file on the SD card. That is weaker: whoever takes the card takes the key file too, and then only the interviewers' PINs protect the notes.")))))
}

// confirmOTP asks once more before the permanent write.
func (u *UI) confirmOTP() {
	msg := newErrorLabel()
	u.show("secret-confirm", screenHome, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Program the OTP key now?")),
		para(lang.L("This is permanent. The key can never be changed or removed, and the notes stored on this device can only ever be opened on this board.")),
		msg.Label,
		container.NewHBox(layout.NewSpacer(),
			u.button(lang.L("No, go back"), u.showSecretChoice),
			u.primary(lang.L("Yes, program it"), func() {
				if err := u.kiosk.ChooseSecret(u.ctx, true); err != nil {
					msg.set(err)
					return
				}
				u.showSetupWizard()
			}), layout.NewSpacer()),
		layout.NewSpacer()))
}

// showSetupWizard is the first boot: admin credential, room name, date and time, light test.
func (u *UI) showSetupWizard() {
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
		u.showSetupRoom(first)
	}
	pad.OnKey = u.touch
	u.show("setup-wizard", screenHome, pinLayout(container.NewVBox(heading(lang.L("Set up this device")), prompt, msg.Label), pad))
}

func (u *UI) showSetupRoom(cred string) {
	msg := newErrorLabel()
	name := newKBEntry(u.kb, false)
	name.SetPlaceHolder(lang.L("Room name, e.g. Room 2"))
	name.SetText(u.opts.RoomName)
	u.kb.SetTarget(name)
	next := u.primary(lang.L("Next"), func() {
		a, err := u.kiosk.Setup(u.ctx, []byte(cred), name.Text)
		if err != nil {
			msg.set(err)
			return
		}
		u.admin = a
		u.showSetupClock()
	})
	u.show("setup-room", screenHome, container.NewBorder(
		container.NewVBox(heading(lang.L("Room name")), name, msg.Label),
		container.NewVBox(container.NewHBox(layout.NewSpacer(), next), u.kb), nil, nil, layout.NewSpacer()))
}

func (u *UI) showSetupClock() {
	now := u.kiosk.Now()
	u.show("setup-clock", screenHome, container.NewVBox(
		heading(lang.L("Date and time")),
		subheading(now.Local().Format(dateTimeLayout)),
		para(lang.L("Is this right? Deletion dates are measured against it. If it is wrong, set the device's date and time before going on (ask IT).")),
		container.NewHBox(layout.NewSpacer(), u.primary(lang.L("It is right"), func() { u.showLightTest(u.showHome) })),
	))
}
