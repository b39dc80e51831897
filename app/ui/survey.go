package ui

import (
	"errors"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk/surveys"
	"quietroom/app/session"
	"quietroom/app/survey"
)

// The survey has two sides. The respondent's (from Home, no PIN, no name): choose a team, read
// what the survey is for, answer one item per screen, submit, and a neutral thank-you that
// returns to Home by itself. The answers live only in a surveyTaking value while the person
// is on these screens; submitting, leaving or an idle time-out drops it, and nothing on the
// way back leads to it. The review team's side (after a member's PIN): the results, by group,
// as diverging charts.

// surveyScreens are the survey's screens: the respondent's (survey.go), the review team's
// results (survey_results.go, drawn by survey_chart.go) and the admin's surveys
// (surveyadmin.go).
type surveyScreens struct{ u *UI }

// surveyThanksFor is how long the thank-you shows before Home comes back by itself.
const surveyThanksFor = 8 * time.Second

// surveyTaking is one respondent's answers in progress.
type surveyTaking struct {
	rec     survey.Record
	s       *survey.Survey
	team    string
	answers map[string]int
	// declined holds the items whose "No answer" was chosen: they are left out of the
	// response like an item never answered, but show the choice when the person comes back.
	declined map[string]bool
}

// surveyButton is Home's "Take the survey", or nil while no survey is open. With one open it
// goes straight to that survey; with several, to a list of them.
func (sv *surveyScreens) surveyButton() fyne.CanvasObject {
	open, err := surveys.OpenSurveys(sv.u.ctx, sv.u.kiosk)
	if err != nil {
		if !errors.Is(err, surveys.ErrNoSurveyOpen) {
			sv.u.fail("home: survey", err)
		}
		return nil
	}
	if len(open) == 1 {
		return sv.u.button(lang.L("Take the survey"), func() { sv.startSurvey(open[0]) })
	}
	return sv.u.button(lang.L("Take the survey"), func() { sv.showSurveyChoice(open) })
}

// startSurvey begins one person's answers to o.
func (sv *surveyScreens) startSurvey(o surveys.SurveyToTake) {
	sv.showSurveyTeam(&surveyTaking{rec: o.Record, s: o.Survey, answers: map[string]int{}, declined: map[string]bool{}})
}

// showSurveyChoice asks which of the open surveys the person is taking.
func (sv *surveyScreens) showSurveyChoice(open []surveys.SurveyToTake) {
	var rows []fyne.CanvasObject
	for _, o := range open {
		rows = append(rows, sv.u.button(o.Record.Title, func() { sv.startSurvey(o) }))
	}
	sv.u.show("survey-choice", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Take a survey")), para(lang.L("Which survey are you taking?"))),
		container.NewHBox(sv.u.button(lang.L("Cancel"), sv.u.showHome)), nil, nil,
		newPager(sv.u.rowsPerPage(3), rows).view))
}

// showSurveyTeam asks which team the person is in.
func (sv *surveyScreens) showSurveyTeam(st *surveyTaking) {
	var rows []fyne.CanvasObject
	for _, team := range st.rec.Teams {
		rows = append(rows, sv.u.button(team, func() {
			st.team = team
			sv.showSurveyAbout(st, 0)
		}))
	}
	cols := 2
	if sv.u.theme.large {
		cols = 1
	}
	per := sv.u.rowsPerPage(3) * cols
	var grid []fyne.CanvasObject
	for i := 0; i < len(rows); i += cols {
		grid = append(grid, container.NewGridWithColumns(cols, rows[i:min(i+cols, len(rows))]...))
	}
	p := newPager(per/cols, grid)
	sv.u.show("survey-team", screenIdle, container.NewBorder(
		container.NewVBox(heading(st.rec.Title), para(lang.L("Which team are you in? Nobody asks your name."))),
		container.NewHBox(sv.u.button(lang.L("Cancel"), sv.u.showHome)), nil, nil, p.view))
}

// showSurveyAbout is the short preamble, on two pages: what the survey is for; then that it
// is anonymous, that results are shown only by team and only for teams of at least the
// minimum, and when the answers are deleted.
func (sv *surveyScreens) showSurveyAbout(st *surveyTaking, page int) {
	title, paras := lang.L("About this survey"), []string{st.s.Purpose}
	if page == 1 {
		title = lang.L("Anonymous, and shown only by team")
		paras = []string{
			lang.L("It is anonymous. You give no name, and your answers are kept sealed, without the time you gave them and without anything that links them to you. Only the review team can open them, and they see totals, never one person's answers."),
			lang.L("Results are shown only by team, and only for a team with at least {{.N}} responses. Smaller teams are put together as “other teams” or not shown at all.", map[string]any{"N": st.rec.MinGroup}),
			lang.L("Every question is optional, and you can go back. All the answers are deleted on {{.Date}}.", map[string]any{"Date": st.rec.DeletionDate.Local().Format(dayLayout)}),
		}
	}
	text := para(strings.Join(paras, "\n\n"))
	text.SizeName = theme.SizeNameSubHeadingText
	if sv.u.theme.large {
		// The larger body text is as large as the usual subheading; at the subheading's larger
		// size, or with a blank line between its paragraphs, the second page's last sentence
		// (when the answers are deleted) falls below the buttons on the 7" screen.
		text = para(strings.Join(paras, "\n"))
	}
	back := func() { sv.showSurveyTeam(st) }
	next := sv.u.primary(lang.L("Next"), func() { sv.showSurveyAbout(st, 1) })
	if page == 1 {
		back = func() { sv.showSurveyAbout(st, 0) }
		next = sv.u.primary(lang.L("Start the questions"), func() { sv.showSurveyItem(st, 0) })
	}
	sv.u.show("survey-about", screenIdle, container.NewBorder(
		heading(title),
		container.NewHBox(sv.u.button(lang.L("Back"), back), layout.NewSpacer(),
			widget.NewLabel(lang.L("Page {{.Page}} of {{.Pages}}", map[string]any{"Page": page + 1, "Pages": 2})), layout.NewSpacer(), next),
		nil, nil, newTouchScroll(text)))
}

// pointLabel is survey.PointLabel in the screens' words.
func pointLabel(points, p int) string {
	switch survey.PointLabel(points, p) {
	case "Left":
		return lang.L("Left")
	case "Slightly left":
		return lang.L("Slightly left")
	case "Mostly left":
		return lang.L("Mostly left")
	case "Between":
		return lang.L("In between")
	case "Right":
		return lang.L("Right")
	case "Slightly right":
		return lang.L("Slightly right")
	}
	return lang.L("Mostly right")
}

// showSurveyItem is one item: its two statements, the points between them as large buttons,
// progress, back and next. Every item is optional.
func (sv *surveyScreens) showSurveyItem(st *surveyTaking, i int) {
	items := st.s.Items
	i = min(max(i, 0), len(items)-1)
	it := items[i]
	progress := widget.NewProgressBar()
	progress.Max = float64(len(items))
	progress.SetValue(float64(i + 1))
	// The count is beside the bar, not on it: the bar's own text is white over its pale,
	// unfilled part, too faint to read (under 4.5:1).
	progress.TextFormatter = func() string { return "" }
	count := widget.NewLabel(lang.L("Question {{.N}} of {{.Of}}", map[string]any{"N": i + 1, "Of": len(items)}))
	statement := func(s string, align fyne.TextAlign) fyne.CanvasObject {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		l.Alignment = align
		l.SizeName = theme.SizeNameSubHeadingText
		return l
	}
	pair := container.NewGridWithColumns(2, statement(it.Left, fyne.TextAlignLeading), statement(it.Right, fyne.TextAlignTrailing))
	var buttons []*Button
	var clearAnswer *Button
	mark := func() {
		for p, b := range buttons {
			b.Importance = widget.MediumImportance
			if st.answers[it.ID] == p+1 {
				b.Importance = widget.HighImportance
			}
			b.Refresh()
		}
		clearAnswer.Importance = widget.MediumImportance
		if st.declined[it.ID] {
			clearAnswer.Importance = widget.HighImportance
		}
		clearAnswer.Refresh()
	}
	// No answer sits beside Next and acts as it does, recording that the item has none: it
	// shows chosen when the person comes back to the item.
	clearAnswer = sv.u.button(lang.L("No answer"), func() {
		delete(st.answers, it.ID)
		st.declined[it.ID] = true
		mark()
		if i == len(items)-1 {
			sv.showSurveySubmit(st)
			return
		}
		sv.showSurveyItem(st, i+1)
	})
	var objs []fyne.CanvasObject
	for p := 1; p <= st.s.Points; p++ {
		label := pointLabel(st.s.Points, p)
		if sv.u.theme.large {
			// Five larger labels in one row are wider than 800 px: each word on its own line
			// keeps the scale in one row, left to right.
			label = strings.ReplaceAll(label, " ", "\n")
		}
		b := sv.u.button(label, func() {
			st.answers[it.ID] = p
			delete(st.declined, it.ID)
			mark()
		})
		buttons = append(buttons, b)
		// Large targets: taller than the usual button, for a finger on a 7" screen.
		tall := canvas.NewRectangle(color.Transparent)
		tall.SetMinSize(fyne.NewSize(0, 72))
		objs = append(objs, container.NewStack(tall, b))
	}
	mark()
	scale := container.NewGridWithColumns(st.s.Points, objs...)
	next := sv.u.primary(lang.L("Next"), func() { sv.showSurveyItem(st, i+1) })
	if i == len(items)-1 {
		next = sv.u.primary(lang.L("Finish"), func() { sv.showSurveySubmit(st) })
	}
	back := sv.u.button(lang.L("Back"), func() {
		if i == 0 {
			sv.showSurveyAbout(st, 1)
			return
		}
		sv.showSurveyItem(st, i-1)
	})
	// The statements and the points between them sit together in the middle of the screen.
	sv.u.show("survey-item", screenIdle, container.NewBorder(
		container.NewBorder(nil, nil, nil, count, progress),
		container.NewHBox(back, sv.u.button(lang.L("Leave"), func() { sv.confirmSurveyLeave(st, i) }),
			layout.NewSpacer(), clearAnswer, next),
		nil, nil, container.NewVBox(layout.NewSpacer(), pair, widget.NewSeparator(), scale, layout.NewSpacer())))
}

// confirmSurveyLeave asks before dropping the answers.
func (sv *surveyScreens) confirmSurveyLeave(st *surveyTaking, i int) {
	sv.u.show("survey-leave", screenIdle, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Leave the survey?")),
		para(lang.L("Your answers so far will not be saved.")),
		container.NewHBox(layout.NewSpacer(), sv.u.button(lang.L("Go back"), func() { sv.showSurveyItem(st, i) }),
			sv.u.primary(lang.L("Leave without saving"), sv.u.showHome), layout.NewSpacer()),
		layout.NewSpacer()))
}

// showSurveySubmit is the last step: how many were answered, submit or go back.
func (sv *surveyScreens) showSurveySubmit(st *surveyTaking) {
	msg := newErrorLabel()
	sv.u.show("survey-submit", screenIdle, container.NewBorder(nil,
		container.NewHBox(sv.u.button(lang.L("Back"), func() { sv.showSurveyItem(st, len(st.s.Items)-1) }), layout.NewSpacer(),
			sv.u.primary(lang.L("Submit my answers"), func() {
				err := surveys.SubmitSurveyResponse(sv.u.ctx, sv.u.kiosk, st.rec.EngagementID, survey.Response{Team: st.team, Answers: st.answers})
				if err != nil {
					msg.set(err)
					return
				}
				clear(st.answers)
				clear(st.declined)
				st.team = ""
				sv.showSurveyThanks()
			})),
		nil, nil,
		container.NewVBox(layout.NewSpacer(),
			heading(lang.L("Ready to submit")),
			subheading(lang.L("You answered {{.N}} of {{.Of}} questions.", map[string]any{"N": len(st.answers), "Of": len(st.s.Items)})),
			para(lang.L("Once submitted, your answers cannot be seen or changed on this screen, by you or anyone else.")),
			msg.Label, layout.NewSpacer())))
}

// showSurveyThanks is neutral: nothing of the answers, no way back to them. Home comes back by
// itself.
func (sv *surveyScreens) showSurveyThanks() {
	shown := sv.u.kiosk.Now()
	sv.u.show("survey-thanks", screenIdle, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Thank you")),
		para(lang.L("Your answers have been saved. The screen is ready for the next person.")),
		container.NewCenter(sv.u.button(lang.L("Done"), sv.u.showHome)), layout.NewSpacer()))
	sv.u.onTick = func(session.Status) {
		if sv.u.kiosk.Now().Sub(shown) >= surveyThanksFor {
			sv.u.showHome()
			return
		}
		sv.u.wakeWithin(surveyThanksFor - sv.u.kiosk.Now().Sub(shown))
	}
}

// --- The review team's results ---
