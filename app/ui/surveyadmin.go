package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk/surveys"
	"quietroom/app/survey"
	"quietroom/app/yamlfile"
)

// surveyForm is what the admin has chosen so far for a new survey engagement.
type surveyForm struct {
	title, teams  string
	file          []byte // nil: the built-in survey
	fileName      string
	minGroup      int
	members       map[string]bool
	opens, closes time.Time
	deletion      time.Time
}

// showAdminSurveys lists the survey engagements, each with whether it is open, and starts a new
// one. No count of responses: the kiosk gives none (see kiosk.AllSurveys). Their deletion
// dates, holds and wipes are the engagements'.
func (sv *surveyScreens) showAdminSurveys() {
	msg := newErrorLabel()
	all, err := surveys.AllSurveys(sv.u.ctx, sv.u.kiosk, sv.u.admin)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, s := range all {
		state := lang.L("not open yet")
		switch s.State {
		case surveys.SurveyOpen:
			state = lang.L("open")
		case surveys.SurveyClosed:
			state = lang.L("closed")
		}
		rows = append(rows, para(lang.L("{{.Title}}: {{.State}}; open {{.Opens}} to {{.Closes}}; deleted on {{.Deletion}}", map[string]any{
			"Title": s.Title, "State": state, "Opens": s.Opens.Format(dayLayout), "Closes": s.Closes.Format(dayLayout),
			"Deletion": s.DeletionDate.Local().Format(dayLayout)})))
	}
	if len(rows) == 0 && err == nil {
		rows = append(rows, para(lang.L("No surveys yet.")))
	}
	sv.u.console.adminPage("admin-surveys", lang.L("Surveys"), container.NewBorder(msg.Label, nil, nil, nil, newPager(sv.u.rowsPerPage(3), rows).view),
		sv.u.primary(lang.L("New survey"), func() {
			now := sv.u.kiosk.Now().In(time.Local)
			sv.showNewSurvey(&surveyForm{minGroup: survey.DefaultMinGroup, members: map[string]bool{},
				opens: now, closes: now.AddDate(0, 0, 14), deletion: now.AddDate(0, 3, 0)})
		}))
}

// showNewSurvey is the first step: the title and the host authority's teams.
func (sv *surveyScreens) showNewSurvey(f *surveyForm) {
	sv.u.typedStep("new-survey", subheading(lang.L("New survey")), false, sv.showAdminSurveys,
		func() { sv.showNewSurveyWhich(f) },
		typedField{lang.L("Title, e.g. Leadership culture survey, spring"), &f.title},
		typedField{lang.L("Teams, as the host names them, separated by commas"), &f.teams})
}

// showNewSurveyWhich chooses the survey (the built-in one, or a file on a stick, checked in
// full) and the minimum group size.
func (sv *surveyScreens) showNewSurveyWhich(f *surveyForm) {
	msg := newErrorLabel()
	var rows []fyne.CanvasObject
	builtin := sv.u.button(lang.L("Built in: {{.Title}} ({{.N}} items)", map[string]any{"Title": survey.Builtin().Title, "N": len(survey.Builtin().Items)}), func() {
		f.file, f.fileName = nil, ""
		sv.showNewSurveyTeam(f)
	})
	if f.file == nil {
		builtin.Importance = widget.HighImportance
	}
	rows = append(rows, builtin)
	files, err := surveys.SurveyFiles(sv.u.kiosk, sv.u.admin)
	msg.set(err)
	for _, pf := range files {
		rows = append(rows, sv.u.button(lang.L("From the stick: {{.Name}}", map[string]any{"Name": pf.Name}), func() {
			s, data, err := surveys.ReadSurveyFile(sv.u.kiosk, sv.u.admin, pf.Path)
			if err != nil {
				var ve *yamlfile.Error
				if errors.As(err, &ve) {
					msg.SetText(ve.Error())
				} else {
					msg.set(err)
				}
				return
			}
			f.file, f.fileName = data, fmt.Sprintf("%s (%s)", s.Label(), pf.Name)
			sv.showNewSurveyTeam(f)
		}))
	}
	size := widget.NewLabel("")
	show := func() {
		size.SetText(lang.L("Smallest team shown: {{.N}} responses", map[string]any{"N": f.minGroup}))
	}
	show()
	less := sv.u.iconButton(theme.ContentRemoveIcon(), func() { f.minGroup = max(f.minGroup-1, survey.LowestMinGroup); show() })
	more := sv.u.iconButton(theme.ContentAddIcon(), func() { f.minGroup++; show() })
	sv.u.show("new-survey-which", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Which survey?")), container.NewHBox(less, size, more), msg.Label),
		container.NewHBox(sv.u.button(lang.L("Back"), func() { sv.showNewSurvey(f) })), nil, nil,
		newPager(sv.u.rowsPerPage(3), rows).view))
}

// showNewSurveyTeam chooses the review team: the interviewers who may read the results.
func (sv *surveyScreens) showNewSurveyTeam(f *surveyForm) {
	msg := newErrorLabel()
	ivs, err := sv.u.kiosk.AllInterviewers(sv.u.ctx, sv.u.admin)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, iv := range ivs {
		if iv.Disabled {
			continue
		}
		var b *Button
		b = sv.u.button(iv.DisplayName, func() {
			f.members[iv.ID] = !f.members[iv.ID]
			b.Importance = widget.MediumImportance
			if f.members[iv.ID] {
				b.Importance = widget.HighImportance
			}
			b.Refresh()
		})
		if f.members[iv.ID] {
			b.Importance = widget.HighImportance
		}
		rows = append(rows, b)
	}
	note := para(lang.L("Only they can open the responses, each with their own PIN, and only as totals by team. Nobody else can, the admin included, and nobody can be added later."))
	note.SizeName = theme.SizeNameCaptionText
	sv.u.show("new-survey-team", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Who reads the results?")), note, msg.Label),
		container.NewHBox(sv.u.button(lang.L("Back"), func() { sv.showNewSurveyWhich(f) }), layout.NewSpacer(),
			sv.u.primary(lang.L("Next"), func() { sv.showNewSurveyDates(f) })), nil, nil,
		newPager(sv.u.rowsPerPage(3), rows).view))
}

// showNewSurveyDates is the last step: the opening and closing days and the deletion date.
func (sv *surveyScreens) showNewSurveyDates(f *surveyForm) {
	msg := newErrorLabel()
	var rows []fyne.CanvasObject
	dateRow := func(label string, d *time.Time) {
		value := widget.NewLabel(d.Format(dayLayout))
		shift := func(months, days int) func() {
			return func() {
				*d = d.AddDate(0, months, days)
				value.SetText(d.Format(dayLayout))
			}
		}
		l := widget.NewLabel(label)
		l.SizeName = theme.SizeNameCaptionText
		rows = append(rows, l, container.NewHBox(
			sv.u.button(lang.L("–1 month"), shift(-1, 0)), sv.u.button("–7", shift(0, -7)), sv.u.button("–1", shift(0, -1)),
			value, sv.u.button("+1", shift(0, 1)), sv.u.button("+7", shift(0, 7)), sv.u.button(lang.L("+1 month"), shift(1, 0))))
	}
	dateRow(lang.L("Opens"), &f.opens)
	dateRow(lang.L("Closes"), &f.closes)
	dateRow(lang.L("Deletion date (every response is destroyed)"), &f.deletion)
	create := sv.u.primary(lang.L("Create"), func() {
		var members []string
		for id, on := range f.members {
			if on {
				members = append(members, id)
			}
		}
		_, err := surveys.CreateSurvey(sv.u.ctx, sv.u.kiosk, sv.u.admin, surveys.NewSurvey{
			Title: f.title, File: f.file, Teams: splitTeams(f.teams), Opens: f.opens, Closes: f.closes,
			MinGroup: f.minGroup, DeletionDate: f.deletion, Members: members,
		})
		if err != nil {
			msg.set(err)
			return
		}
		sv.showAdminSurveys()
	})
	sv.u.show("new-survey-dates", screenIdle, container.NewBorder(
		heading(lang.L("Survey: the dates")),
		container.NewVBox(msg.Label, container.NewHBox(sv.u.button(lang.L("Back"), func() { sv.showNewSurveyTeam(f) }), layout.NewSpacer(), create)),
		nil, nil, container.NewVBox(rows...)))
}

func splitTeams(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}
