package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/panels"
	"quietroom/app/kiosk/surveys"
	"quietroom/app/retention"
	"quietroom/app/session"
)

// dateTimeLayout is how Home shows the date and time.
const dateTimeLayout = "Monday 2 January 2006, 15:04"

// showHome is "Room free": nothing of any session. A live session resumes instead.
func (u *UI) showHome() {
	if u.resumeLive() {
		return
	}
	u.signOut()
	room, err := u.kiosk.RoomName(u.ctx)
	if err != nil {
		u.fail("home", err)
	}
	clock := subheading(u.kiosk.Now().Format(dateTimeLayout))
	clock.Alignment = fyne.TextAlignCenter
	warn := widget.NewLabel("")
	warn.Wrapping = fyne.TextWrapWord
	warn.Importance = widget.WarningImportance
	if st, err := u.kiosk.Clock(u.ctx); err == nil && st.State != retention.ClockOK {
		warn.SetText(lang.L("The clock looks wrong. Ask an admin to check the date and time."))
	}
	title := heading(lang.L("Room free"))
	if busy, err := u.kiosk.Interrupted(u.ctx); err != nil {
		u.fail("home: interrupted session", err)
	} else if busy {
		title.SetText(lang.L("Session in progress"))
		warn.SetText(lang.L("An interview was interrupted when the kiosk restarted. The interviewer signs in to continue it."))
	}
	title.Alignment = fyne.TextAlignCenter
	name := subheading(room)
	name.Alignment = fyne.TextAlignCenter
	start := u.primary(lang.L("Start"), u.showSignIn)
	actions := container.NewGridWrap(fyne.NewSize(260, 72), start)
	if take := u.surveys.surveyButton(); take != nil {
		// While a survey is open anyone may take it from here: no PIN, no name.
		actions.Add(take)
	}
	content := container.NewBorder(
		container.NewHBox(u.accessibility(), layout.NewSpacer(), u.button(lang.L("Admin"), u.console.showAdminSignIn)),
		warn, nil, nil,
		container.NewVBox(layout.NewSpacer(), name, title, clock,
			container.NewCenter(actions), layout.NewSpacer()),
	)
	u.show("home", screenHome, content)
	u.onTick = func(session.Status) {
		// The clock shows minutes: wake and repaint when the minute changes, not every second.
		now := u.kiosk.Now()
		if text := now.Format(dateTimeLayout); text != clock.Text {
			clock.SetText(text)
		}
		u.wakeWithin(untilMinute(now, now.Truncate(time.Minute)))
	}
}

// resumeLive shows the live session's screen if the engine has one.
func (u *UI) resumeLive() bool {
	switch u.engine.State() {
	case session.StateSetup:
		u.sessions.showHandOver()
	case session.StatePreamble:
		u.sessions.showPreamble(0)
	case session.StateConsent:
		u.sessions.showConsent()
	case session.StateQuestions:
		u.sessions.showQuestions()
	case session.StateClosing:
		u.sessions.showClosing()
	case session.StateWriteUp:
		u.sessions.showWriteUp()
	default:
		return false
	}
	return true
}

func (u *UI) signOut() {
	u.boards.closeBoard()
	u.boards.endContribution()
	u.panels.close() // ends a panel interview on the room light too
	if u.signedIn != nil {
		u.signedIn.SignOut()
		u.signedIn = nil
	}
	u.admin = nil
}

// showSignIn lets an interviewer pick their name.
func (u *UI) showSignIn() {
	ivs, err := u.kiosk.Interviewers(u.ctx)
	msg := newErrorLabel()
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, iv := range ivs {
		rows = append(rows, u.button(iv.DisplayName, func() { u.showPIN(iv) }))
	}
	if len(ivs) == 0 && err == nil {
		msg.SetText(lang.L("No interviewers yet. Ask an admin to add you."))
	}
	p := newPager(4, rows)
	u.show("sign-in", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Who is interviewing?")), msg.Label),
		container.NewHBox(u.button(lang.L("Cancel"), u.showHome)), nil, nil, p.view))
}

// showPIN is the PIN pad for one interviewer.
func (u *UI) showPIN(iv session.Interviewer) {
	msg := newErrorLabel()
	if w, err := u.kiosk.PINDelay(u.ctx, iv.ID); err != nil {
		msg.set(err)
	} else if w > 0 {
		msg.SetText(lang.L("Too many wrong PINs. Try again in {{.Seconds}} seconds.", map[string]any{"Seconds": int(w.Seconds())}))
	}
	pad := u.pinPad(func(pin string) {
		s, err := u.kiosk.SignIn(u.ctx, iv.ID, []byte(pin))
		if err != nil {
			msg.set(err)
			return
		}
		u.signedIn = s
		u.showInterviewerMenu()
	})
	pad.OnKey = u.touch
	u.show("pin", screenIdle, pinLayout(container.NewVBox(heading(iv.DisplayName), para(lang.L("Enter your PIN.")), msg.Label, layout.NewSpacer(),
		u.button(lang.L("Cancel"), u.showHome)), pad))
	u.win.Canvas().Focus(pad)
}

// showInterviewerMenu is what a signed-in interviewer can do.
func (u *UI) showInterviewerMenu() {
	s := u.signedIn
	if s == nil {
		u.showHome()
		return
	}
	msg := newErrorLabel()
	var list fyne.CanvasObject = widget.NewLabel("")
	sessions, err := s.Sessions(u.ctx)
	switch {
	case err != nil:
		msg.set(err)
	default:
		var rows []fyne.CanvasObject
		for _, ss := range sessions {
			label := lang.L("{{.Date}}: {{.State}}, deleted on {{.Deletion}}", map[string]any{
				"Date": ss.CreatedAt.Local().Format("2 Jan 15:04"), "State": stateName(ss.State),
				"Deletion": ss.DeletionDate.Local().Format("2 Jan 2006"),
			})
			rows = append(rows, u.button(label, func() {
				if err := s.Reopen(u.ctx, ss.ID); err != nil {
					msg.set(err)
					return
				}
				u.signedIn = nil
				u.sessions.openReopened()
			}))
		}
		if len(rows) == 0 {
			rows = append(rows, para(lang.L("You have no stored sessions.")))
		}
		list = newPager(u.rowsPerPage(4), rows).view
	}
	u.show("interviewer", screenIdle, container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, nil, u.primary(lang.L("Start a new session"), u.sessions.showSetup),
			heading(lang.L("Hello, {{.Name}}", map[string]any{"Name": s.Name()}))), msg.Label,
			widget.NewLabel(lang.L("Your sessions (tap one to open it)"))),
		u.interviewerBar(), nil, nil, list))
}

// interviewerBar is the signed-in interviewer's bottom bar: sign out, the results of the
// surveys they review, their recruitment panels, and the team boards where this kiosk keeps
// them.
func (u *UI) interviewerBar() fyne.CanvasObject {
	bar := container.NewHBox(u.button(lang.L("Sign out"), u.showHome))
	if u.signedIn == nil {
		return bar
	}
	var more []fyne.CanvasObject
	if rs, err := surveys.Surveys(u.ctx, u.signedIn); err == nil && len(rs) > 0 {
		more = append(more, u.button(lang.L("Survey results"), u.surveys.showSurveyList))
	}
	// Panels the interviewer is on, or recruitments whose panel is still to be set up.
	if mine, open, err := panels.Panels(u.ctx, u.signedIn); err == nil && len(mine)+len(open) > 0 {
		more = append(more, u.button(lang.L("Recruitment panels"), u.panels.showPanels))
	}
	if bs, err := boards.Boards(u.ctx, u.signedIn); err == nil && (len(bs) > 0 || len(boards.BoardFiles(u.kiosk)) > 0) {
		more = append(more, u.button(lang.L("Team boards"), u.boards.showBoards))
	}
	if len(more) > 0 {
		bar.Add(layout.NewSpacer())
		for _, b := range more {
			bar.Add(b)
		}
	}
	return bar
}

func stateName(s session.State) string {
	switch s {
	case session.StateSealed:
		return lang.L("sealed")
	case session.StateWriteUp:
		return lang.L("write-up open")
	case session.StateQuestions, session.StateClosing, session.StateConsent:
		return lang.L("interrupted")
	}
	return string(s)
}

// minutesText writes a duration in whole minutes ("12 min"), rounded down, or up where it is
// time left (a session with 30 s left has "1 min" left, never "0 min"); under a minute of time
// left it gives the seconds ("45 s").
func minutesText(d time.Duration, left bool) string {
	if left && d < time.Minute {
		return lang.L("{{.S}} s", map[string]any{"S": int(d.Round(time.Second).Seconds())})
	}
	m := int(d / time.Minute)
	if left && d%time.Minute != 0 {
		m++
	}
	if m >= 60 {
		return lang.L("{{.H}} h {{.M}} min", map[string]any{"H": m / 60, "M": m % 60})
	}
	return lang.L("{{.M}} min", map[string]any{"M": m})
}
