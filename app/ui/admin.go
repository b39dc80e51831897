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

// adminScreens are the admin's screens: the admin's sign-in and menu, engagements and a new
// one (engagement.go), interviewers and their PINs, packs, wiping an engagement, the audit and
// its receipts, the clock, the device's health and light test, and the new device's set-up
// wizard (admin_device.go). The admin signed in is the shell's (u.admin): the sign-out ends it.
type adminScreens struct{ u *UI }

// showAdminSignIn is the admin credential's PIN pad.
func (a *adminScreens) showAdminSignIn() {
	msg := newErrorLabel()
	pad := a.u.pinPad(func(cred string) {
		signedIn, err := a.u.kiosk.SignInAdmin(a.u.ctx, []byte(cred))
		if err != nil {
			msg.set(err)
			return
		}
		a.u.admin = signedIn
		a.showAdmin()
	})
	pad.OnKey = a.u.touch
	a.u.show("admin-sign-in", screenIdle, pinLayout(container.NewVBox(heading(lang.L("Admin")), para(lang.L("Enter the admin PIN.")), msg.Label, layout.NewSpacer(),
		a.u.button(lang.L("Cancel"), a.u.showHome)), pad))
	a.u.win.Canvas().Focus(pad)
}

// showAdmin is the admin's menu.
func (a *adminScreens) showAdmin() {
	if a.u.admin == nil {
		a.u.showHome()
		return
	}
	columns := 3
	if a.u.theme.large {
		columns = 2 // three larger buttons are wider than 800 px
	}
	grid := container.NewGridWithColumns(columns,
		a.u.button(lang.L("Engagements"), a.showEngagements),
		a.u.button(lang.L("Interviewers"), a.showInterviewers),
		a.u.button(lang.L("Question packs"), a.showPacks),
		a.u.button(lang.L("Wipe an engagement"), a.showWipe),
		a.u.button(lang.L("Audit log"), a.showAudit),
		a.u.button(lang.L("Deletion receipts"), a.showReceipts),
		a.u.button(lang.L("Clock check"), a.showClock),
		a.u.button(lang.L("Storage health"), a.showHealth),
		a.u.button(lang.L("Light test"), func() { a.showLightTest(a.showAdmin) }),
		a.u.button(lang.L("Surveys"), a.u.surveys.showAdminSurveys),
	)
	a.u.show("admin", screenIdle, container.NewBorder(heading(lang.L("Admin")),
		container.NewHBox(a.u.button(lang.L("Sign out"), a.u.showHome)), nil, nil, grid))
}

func (a *adminScreens) adminPage(name, title string, body fyne.CanvasObject, extra ...fyne.CanvasObject) {
	bottom := container.NewHBox(a.u.button(lang.L("Back"), a.showAdmin), layout.NewSpacer())
	for _, e := range extra {
		bottom.Add(e)
	}
	a.u.show(name, screenIdle, container.NewBorder(heading(title), bottom, nil, nil, body))
}

func (a *adminScreens) showEngagements() {
	msg := newErrorLabel()
	engs, err := a.u.kiosk.AllEngagements(a.u.ctx, a.u.admin)
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
		rows = append(rows, a.u.button(text, func() { a.showEngagement(e) }))
	}
	a.adminPage("engagements", lang.L("Engagements"), container.NewBorder(msg.Label, nil, nil, nil, newPager(a.u.rowsPerPage(4), rows).view),
		a.u.primary(lang.L("New engagement"), a.showNewEngagement))
}

func (a *adminScreens) showEngagement(e session.Engagement) {
	msg := newErrorLabel()
	reason := newKBEntry(a.u.kb, false)
	reason.SetPlaceHolder(lang.L("Reason for the legal hold"))
	act := func(f func() error) func() {
		return func() {
			if err := f(); err != nil {
				msg.set(err)
				return
			}
			a.showEngagements()
		}
	}
	var actions []fyne.CanvasObject
	var closeIt *Button
	if e.LegalHold {
		actions = append(actions, a.u.button(lang.L("Release the legal hold"), act(func() error { return a.u.kiosk.ReleaseHold(a.u.ctx, a.u.admin, e.ID) })))
	} else {
		// The reason and its button on one row: with a refusal shown and the keyboard open
		// (larger text too), a row more would not fit the screen.
		place := a.u.button(lang.L("Place a legal hold"), act(func() error { return a.u.kiosk.PlaceHold(a.u.ctx, a.u.admin, e.ID, reason.Text) }))
		actions = append(actions, container.NewBorder(nil, nil, nil, place, reason))
	}
	if !e.Closed {
		closeIt = a.u.button(lang.L("Close to new sessions"), act(func() error { return a.u.kiosk.CloseEngagement(a.u.ctx, a.u.admin, e.ID) }))
		actions = append(actions, closeIt)
	}
	var team *Button
	if e.Kind == session.KindPeerChallenge {
		team = a.u.button(lang.L("Team and board"), func() { a.u.boards.showTeam(e) })
		actions = append(actions, team)
	}
	details := lang.L("Deletion date: {{.Date}}.", map[string]any{"Date": e.DeletionDate.Local().Format(dayLayout)})
	if len(e.StakeholderGroups) > 0 {
		details = lang.L("Deletion date: {{.Date}}. Stakeholder groups: {{.Groups}}.", map[string]any{
			"Date": e.DeletionDate.Local().Format(dayLayout), "Groups": strings.Join(e.StakeholderGroups, ", ")})
	}
	info := para(details)
	// The keyboard opens when the reason is tapped (or with its button); the details and the
	// other action step aside meanwhile, so the screen keeps to its size.
	title := heading(e.Title)
	kb := a.u.newKeyboardPanel(reason, info)
	// With the keyboard open the title steps aside too: with a refusal shown and the larger
	// text, the message, the reason and the keyboard fill the screen.
	kb.aside = append(kb.aside, title)
	if closeIt != nil {
		kb.aside = append(kb.aside, closeIt)
	}
	if team != nil {
		kb.aside = append(kb.aside, team)
	}
	bottom := container.NewHBox(a.u.button(lang.L("Back"), a.showEngagements))
	if !e.LegalHold {
		bottom.Add(layout.NewSpacer())
		bottom.Add(kb.toggle)
	}
	a.u.show("engagement", screenIdle, container.NewBorder(
		container.NewVBox(title, info, msg.Label),
		container.NewVBox(bottom, kb.box), nil, nil,
		container.NewVBox(actions...)))
	kb.arm()
}

func (a *adminScreens) showInterviewers() {
	msg := newErrorLabel()
	all, err := a.u.kiosk.AllInterviewers(a.u.ctx, a.u.admin)
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
		unlock := a.u.button(lang.L("Unlock"), func() {
			if err := a.u.kiosk.ClearLockOut(a.u.ctx, a.u.admin, iv.ID); err != nil {
				msg.set(err)
				return
			}
			a.showInterviewers()
		})
		if !iv.LockedOut && iv.Wait == 0 {
			unlock.Disable()
		}
		reset := a.u.button(lang.L("New PIN"), func() { a.showNewPIN(iv.Interviewer) })
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(unlock, reset), widget.NewLabel(iv.DisplayName+state)))
	}
	a.adminPage("interviewers", lang.L("Interviewers"), container.NewBorder(msg.Label, nil, nil, nil, newPager(4, rows).view),
		a.u.primary(lang.L("Add interviewer"), a.showAddInterviewer))
}

func (a *adminScreens) showAddInterviewer() {
	// The refusal sits on one line in the bottom row, beside Back: with the larger text a line
	// of its own above the open keyboard pushed the keyboard's bottom row off the screen.
	msg := newStatusLine()
	name := newKBEntry(a.u.kb, false)
	name.SetPlaceHolder(lang.L("Name or initials"))
	pinPad := a.u.pinPad(func(pin string) {
		if _, err := a.u.kiosk.AddInterviewer(a.u.ctx, a.u.admin, name.Text, []byte(pin)); err != nil {
			msg.set(err)
			return
		}
		a.showInterviewers()
	})
	pinPad.OnKey = a.u.touch
	// The keyboard for the name takes the PIN pad's place while it is open: side by side they
	// are wider than the screen.
	pad := container.NewGridWrap(fyne.NewSize(300, 330), pinPad)
	help := para(lang.L("The interviewer types their own PIN on the pad, then OK."))
	kb := a.u.newKeyboardPanel(name, pad, help)
	a.u.show("add-interviewer", screenIdle, container.NewBorder(heading(lang.L("Add interviewer")),
		container.NewVBox(container.NewBorder(nil, nil, a.u.button(lang.L("Back"), a.showInterviewers), kb.toggle, msg.Label), kb.box),
		nil, pad,
		container.NewVBox(name, help)))
	kb.arm()
}

// showNewPIN sets a new PIN for an interviewer who forgot theirs. Before the PIN is typed it
// says what the new key does: their sessions become unreadable, and in each board, panel and
// survey review team they wait to be let in again, or, where nobody else holds the key, the
// group becomes unreadable for good (which is asked again before it is done).
func (a *adminScreens) showNewPIN(iv session.Interviewer) {
	msg := newErrorLabel()
	told, err := a.u.kiosk.PINResetEffects(a.u.ctx, a.u.admin, iv.ID)
	msg.set(err)
	pad := a.u.pinPad(func(pin string) {
		if err != nil {
			return
		}
		if len(told.Orphaned()) > 0 {
			a.confirmNewPIN(iv, told, pin)
			return
		}
		if err := a.u.kiosk.ResetPIN(a.u.ctx, a.u.admin, told, []byte(pin)); err != nil {
			msg.set(err)
			return
		}
		a.showInterviewers()
	})
	pad.OnKey = a.u.touch
	warning := container.NewVBox(para(lang.L("A new PIN makes a new key: the sessions this interviewer stored before can no longer be opened by anyone. They are still deleted on their dates.")))
	for _, l := range newPINGroupLines(told) {
		warning.Add(l)
	}
	a.u.show("new-pin", screenIdle, pinLayout(container.NewBorder(heading(iv.DisplayName),
		container.NewVBox(msg.Label, a.u.button(lang.L("Back"), a.showInterviewers)), nil, nil,
		newTouchScroll(warning)), pad))
	a.u.win.Canvas().Focus(pad)
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
func (a *adminScreens) confirmNewPIN(iv session.Interviewer, told kiosk.PINReset, pin string) {
	msg := newErrorLabel()
	var lost []string
	for _, g := range told.Orphaned() {
		lost = append(lost, groupLine(g))
	}
	text := para(lang.L("A new PIN for {{.Name}} makes these unreadable for good, to everyone (nobody else can open them):", map[string]any{"Name": iv.DisplayName}) +
		"\n" + strings.Join(lost, "\n"))
	text.Importance = widget.DangerImportance
	a.u.show("new-pin-confirm", screenIdle, container.NewBorder(heading(lang.L("Set the new PIN?")),
		container.NewVBox(msg.Label, container.NewHBox(a.u.button(lang.L("Back"), func() { a.showNewPIN(iv) }), layout.NewSpacer(),
			a.u.primary(lang.L("Set the new PIN: they are lost"), func() {
				if err := a.u.kiosk.ResetPIN(a.u.ctx, a.u.admin, told, []byte(pin)); err != nil {
					msg.set(err)
					return
				}
				a.showInterviewers()
			}))), nil, nil,
		newTouchScroll(text)))
}

func (a *adminScreens) showPacks() {
	var rows []fyne.CanvasObject
	for _, p := range a.u.kiosk.Packs() {
		rows = append(rows, a.u.sessions.packRow(p))
	}
	a.adminPage("packs", lang.L("Question packs"), newPager(3, rows).view,
		a.u.primary(lang.L("Import from a USB stick"), a.showPackImport))
}

func packLine(p *protocol.Pack) string {
	return lang.L("{{.Title}} (v{{.Version}}, {{.Topics}} topics, {{.Minutes}} min)",
		map[string]any{"Title": p.Title, "Version": p.Version, "Topics": len(p.Topics), "Minutes": p.DurationMinutes})
}

// showPackImport lists the pack files on the plugged-in USB sticks; tapping one validates it in
// full and imports it, or shows every problem with its line.
func (a *adminScreens) showPackImport() {
	msg := newErrorLabel()
	files, err := a.u.kiosk.PackFiles(a.u.admin)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, f := range files {
		rows = append(rows, a.u.button(f.Name, func() {
			p, err := a.u.kiosk.ImportPack(a.u.ctx, a.u.admin, f.Path)
			a.showPackImported(f.Name, p, err)
		}))
	}
	body := fyne.CanvasObject(newPager(5, rows).view)
	if len(files) == 0 && err == nil {
		body = para(lang.L("No question pack files (.yaml) found. Plug in the USB stick with the pack file, wait a moment, then tap Look again."))
	}
	a.u.show("pack-import", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Import a question pack")), msg.Label),
		container.NewHBox(a.u.button(lang.L("Back"), a.showPacks), layout.NewSpacer(), a.u.button(lang.L("Look again"), a.showPackImport)),
		nil, nil, body))
}

// showPackImported says what the import did: the new pack, or why nothing was imported.
func (a *adminScreens) showPackImported(name string, p *protocol.Pack, err error) {
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
	a.u.show("pack-imported", screenIdle, container.NewBorder(heading(lang.L("Import a question pack")),
		container.NewHBox(a.u.button(lang.L("Back to the packs"), a.showPacks), layout.NewSpacer(),
			a.u.button(lang.L("Import another"), a.showPackImport)),
		nil, nil, body))
}

// showWipe is the two-step wipe: choose, confirm twice, then the receipt.
func (a *adminScreens) showWipe() {
	msg := newErrorLabel()
	engs, err := a.u.kiosk.AllEngagements(a.u.ctx, a.u.admin)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, e := range engs {
		rows = append(rows, a.u.button(e.Title, func() { a.confirmWipe(e, 1) }))
	}
	a.adminPage("wipe", lang.L("Wipe an engagement"), container.NewBorder(
		container.NewVBox(para(lang.L("Follow-up visit done? Wiping destroys every record of the engagement.")), msg.Label),
		nil, nil, nil, newPager(a.u.rowsPerPage(4), rows).view))
}

func (a *adminScreens) confirmWipe(e session.Engagement, step int) {
	msg := newErrorLabel()
	var text, button string
	if step == 1 {
		text = lang.L("Destroy every session, note, quote and consent of “{{.Title}}”?", map[string]any{"Title": e.Title})
		if e.Kind == kiosk.SurveyKind {
			text = lang.L("Destroy every survey response of “{{.Title}}”, and the survey's keys?", map[string]any{"Title": e.Title})
		}
		followUp, ahead, err := a.u.kiosk.FollowUpAhead(a.u.ctx, a.u.admin, e.ID)
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
	a.u.show(fmt.Sprintf("wipe-confirm-%d", step), screenIdle, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Wipe")), para(text), msg.Label,
		container.NewHBox(layout.NewSpacer(), a.u.button(lang.L("Cancel"), a.showWipe),
			a.u.primary(button, func() {
				if step == 1 {
					a.confirmWipe(e, 2)
					return
				}
				r, err := a.u.kiosk.WipeEngagement(a.u.ctx, a.u.admin, e.ID)
				if err != nil {
					msg.set(err)
					return
				}
				a.showReceipt(r)
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

func (a *adminScreens) showReceipt(r retention.Receipt) {
	a.adminPage("receipt", lang.L("Wiped"), para(receiptText(r)))
}

func (a *adminScreens) showAudit() {
	msg := newErrorLabel()
	evs, err := a.u.kiosk.Audit(a.u.ctx, a.u.admin, 200)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, ev := range evs {
		rows = append(rows, widget.NewLabel(fmt.Sprintf("%s  %s  %s  %s", ev.At.Local().Format("2 Jan 15:04"), ev.Actor, ev.Action, ev.Outcome)))
	}
	a.adminPage("audit", lang.L("Audit log"), container.NewBorder(msg.Label, nil, nil, nil, newPager(a.u.linesPerPage(), rows).view))
}

func (a *adminScreens) showReceipts() {
	msg := newErrorLabel()
	rs, err := a.u.kiosk.Receipts(a.u.ctx, a.u.admin)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, r := range rs {
		rows = append(rows, para(receiptText(r)))
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("No deletion receipts yet.")))
	}
	a.adminPage("receipts", lang.L("Deletion receipts"), container.NewBorder(msg.Label, nil, nil, nil, newTouchScroll(container.NewVBox(rows...))))
}

func (a *adminScreens) showClock() {
	msg := newErrorLabel()
	st, err := a.u.kiosk.Clock(a.u.ctx)
	msg.set(err)
	text := para(lang.L("Device clock: {{.Clock}}. Trusted time: {{.Trusted}}. {{.Message}}", map[string]any{
		"Clock": st.Clock.Local().Format(dateTimeLayout), "Trusted": st.Trusted.Local().Format(dateTimeLayout), "Message": st.Message}))
	var extra []fyne.CanvasObject
	if st.State == retention.ClockAhead {
		extra = append(extra, a.u.primary(lang.L("The clock is right: confirm"), func() {
			if err := a.u.kiosk.ConfirmClock(a.u.ctx, a.u.admin); err != nil {
				msg.set(err)
				return
			}
			a.showClock()
		}))
	}
	a.adminPage("clock", lang.L("Clock check"), container.NewVBox(text, msg.Label), extra...)
}

func (a *adminScreens) showHealth() {
	msg := newErrorLabel()
	h, err := a.u.kiosk.Health(a.u.ctx, a.u.admin)
	msg.set(err)
	light := h.LightError
	if light == "" {
		light = lang.L("working")
	}
	a.adminPage("health", lang.L("Storage health"), container.NewVBox(
		para(lang.L("Database check: {{.Integrity}}", map[string]any{"Integrity": h.Integrity})),
		para(lang.L("Device secret: {{.Secret}}", map[string]any{"Secret": h.Secret})),
		para(lang.L("Occupancy light: {{.Light}}", map[string]any{"Light": light})),
		msg.Label))
}

// showLightTest cycles the occupancy light through its states.
func (a *adminScreens) showLightTest(done func()) {
	msg := newErrorLabel()
	l := a.u.kiosk.Light()
	grid := container.NewGridWithColumns(3)
	for _, s := range hw.States() {
		grid.Add(a.u.button(stateLabel(s), func() { msg.set(l.Test(s)) }))
	}
	a.u.show("light-test", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Light test")), para(lang.L("Tap each state and check the light outside the door."))),
		container.NewHBox(layout.NewSpacer(), a.u.primary(lang.L("Done"), func() { l.Restore(); done() })),
		nil, nil, container.NewVBox(grid, msg.Label)))
	a.u.onIdle = func() error { l.Restore(); return nil }
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
