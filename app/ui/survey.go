package ui

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/report/fynefont"
	"quietroom/app/session"
	"quietroom/app/survey"
)

// The survey has two sides. The respondent's (from Home, no PIN, no name): choose a team, read
// what the survey is for, answer one item per screen, submit, and a neutral thank-you that
// returns to Home by itself. The answers live only in a surveyTaking value while the person
// is on these screens; submitting, leaving or an idle time-out drops it, and nothing on the
// way back leads to it. The review team's side (after a member's PIN): the results, by group,
// as diverging charts.

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
func (u *UI) surveyButton() fyne.CanvasObject {
	open, err := u.kiosk.OpenSurveys(u.ctx)
	if err != nil {
		if !errors.Is(err, kiosk.ErrNoSurveyOpen) {
			u.fail("home: survey", err)
		}
		return nil
	}
	if len(open) == 1 {
		return u.button(lang.L("Take the survey"), func() { u.startSurvey(open[0]) })
	}
	return u.button(lang.L("Take the survey"), func() { u.showSurveyChoice(open) })
}

// startSurvey begins one person's answers to o.
func (u *UI) startSurvey(o kiosk.SurveyToTake) {
	u.showSurveyTeam(&surveyTaking{rec: o.Record, s: o.Survey, answers: map[string]int{}, declined: map[string]bool{}})
}

// showSurveyChoice asks which of the open surveys the person is taking.
func (u *UI) showSurveyChoice(open []kiosk.SurveyToTake) {
	var rows []fyne.CanvasObject
	for _, o := range open {
		rows = append(rows, u.button(o.Record.Title, func() { u.startSurvey(o) }))
	}
	u.show("survey-choice", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Take a survey")), para(lang.L("Which survey are you taking?"))),
		container.NewHBox(u.button(lang.L("Cancel"), u.showHome)), nil, nil,
		newPager(u.rowsPerPage(3), rows).view))
}

// showSurveyTeam asks which team the person is in.
func (u *UI) showSurveyTeam(st *surveyTaking) {
	var rows []fyne.CanvasObject
	for _, team := range st.rec.Teams {
		rows = append(rows, u.button(team, func() {
			st.team = team
			u.showSurveyAbout(st, 0)
		}))
	}
	cols := 2
	if u.theme.large {
		cols = 1
	}
	per := u.rowsPerPage(3) * cols
	var grid []fyne.CanvasObject
	for i := 0; i < len(rows); i += cols {
		grid = append(grid, container.NewGridWithColumns(cols, rows[i:min(i+cols, len(rows))]...))
	}
	p := newPager(per/cols, grid)
	u.show("survey-team", screenIdle, container.NewBorder(
		container.NewVBox(heading(st.rec.Title), para(lang.L("Which team are you in? Nobody asks your name."))),
		container.NewHBox(u.button(lang.L("Cancel"), u.showHome)), nil, nil, p.view))
}

// showSurveyAbout is the short preamble, on two pages: what the survey is for; then that it
// is anonymous, that results are shown only by team and only for teams of at least the
// minimum, and when the answers are deleted.
func (u *UI) showSurveyAbout(st *surveyTaking, page int) {
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
	if u.theme.large {
		// The larger body text is as large as the usual subheading; at the subheading's larger
		// size, or with a blank line between its paragraphs, the second page's last sentence
		// (when the answers are deleted) falls below the buttons on the 7" screen.
		text = para(strings.Join(paras, "\n"))
	}
	back := func() { u.showSurveyTeam(st) }
	next := u.primary(lang.L("Next"), func() { u.showSurveyAbout(st, 1) })
	if page == 1 {
		back = func() { u.showSurveyAbout(st, 0) }
		next = u.primary(lang.L("Start the questions"), func() { u.showSurveyItem(st, 0) })
	}
	u.show("survey-about", screenIdle, container.NewBorder(
		heading(title),
		container.NewHBox(u.button(lang.L("Back"), back), layout.NewSpacer(),
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
func (u *UI) showSurveyItem(st *surveyTaking, i int) {
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
	clearAnswer = u.button(lang.L("No answer"), func() {
		delete(st.answers, it.ID)
		st.declined[it.ID] = true
		mark()
		if i == len(items)-1 {
			u.showSurveySubmit(st)
			return
		}
		u.showSurveyItem(st, i+1)
	})
	var objs []fyne.CanvasObject
	for p := 1; p <= st.s.Points; p++ {
		label := pointLabel(st.s.Points, p)
		if u.theme.large {
			// Five larger labels in one row are wider than 800 px: each word on its own line
			// keeps the scale in one row, left to right.
			label = strings.ReplaceAll(label, " ", "\n")
		}
		b := u.button(label, func() {
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
	next := u.primary(lang.L("Next"), func() { u.showSurveyItem(st, i+1) })
	if i == len(items)-1 {
		next = u.primary(lang.L("Finish"), func() { u.showSurveySubmit(st) })
	}
	back := u.button(lang.L("Back"), func() {
		if i == 0 {
			u.showSurveyAbout(st, 1)
			return
		}
		u.showSurveyItem(st, i-1)
	})
	// The statements and the points between them sit together in the middle of the screen.
	u.show("survey-item", screenIdle, container.NewBorder(
		container.NewBorder(nil, nil, nil, count, progress),
		container.NewHBox(back, u.button(lang.L("Leave"), func() { u.confirmSurveyLeave(st, i) }),
			layout.NewSpacer(), clearAnswer, next),
		nil, nil, container.NewVBox(layout.NewSpacer(), pair, widget.NewSeparator(), scale, layout.NewSpacer())))
}

// confirmSurveyLeave asks before dropping the answers.
func (u *UI) confirmSurveyLeave(st *surveyTaking, i int) {
	u.show("survey-leave", screenIdle, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Leave the survey?")),
		para(lang.L("Your answers so far will not be saved.")),
		container.NewHBox(layout.NewSpacer(), u.button(lang.L("Go back"), func() { u.showSurveyItem(st, i) }),
			u.primary(lang.L("Leave without saving"), u.showHome), layout.NewSpacer()),
		layout.NewSpacer()))
}

// showSurveySubmit is the last step: how many were answered, submit or go back.
func (u *UI) showSurveySubmit(st *surveyTaking) {
	msg := newErrorLabel()
	u.show("survey-submit", screenIdle, container.NewBorder(nil,
		container.NewHBox(u.button(lang.L("Back"), func() { u.showSurveyItem(st, len(st.s.Items)-1) }), layout.NewSpacer(),
			u.primary(lang.L("Submit my answers"), func() {
				err := u.kiosk.SubmitSurveyResponse(u.ctx, st.rec.EngagementID, survey.Response{Team: st.team, Answers: st.answers})
				if err != nil {
					msg.set(err)
					return
				}
				clear(st.answers)
				clear(st.declined)
				st.team = ""
				u.showSurveyThanks()
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
func (u *UI) showSurveyThanks() {
	shown := u.kiosk.Now()
	u.show("survey-thanks", screenIdle, container.NewVBox(layout.NewSpacer(),
		heading(lang.L("Thank you")),
		para(lang.L("Your answers have been saved. The screen is ready for the next person.")),
		container.NewCenter(u.button(lang.L("Done"), u.showHome)), layout.NewSpacer()))
	u.onTick = func(session.Status) {
		if u.kiosk.Now().Sub(shown) >= surveyThanksFor {
			u.showHome()
			return
		}
		u.wakeWithin(surveyThanksFor - u.kiosk.Now().Sub(shown))
	}
}

// --- The review team's results ---

// showSurveyList lists the surveys whose review team the signed-in interviewer is on.
func (u *UI) showSurveyList() {
	s := u.signedIn
	if s == nil {
		u.showHome()
		return
	}
	msg := newErrorLabel()
	recs, err := s.Surveys(u.ctx)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, r := range recs {
		label := lang.L("{{.Title}}: closed {{.Closes}}", map[string]any{"Title": r.Title, "Closes": r.Closes.Format(dayLayout)})
		if !survey.Day(u.kiosk.Now()).After(r.Closes) {
			label = lang.L("{{.Title}}: open until {{.Closes}}", map[string]any{"Title": r.Title, "Closes": r.Closes.Format(dayLayout)})
		}
		mine, _ := s.WaitingIn(u.ctx, kiosk.GroupSurvey, r.EngagementID)
		if mine {
			label = lang.L("{{.Title}}: waiting to be let in again", map[string]any{"Title": r.Title})
		}
		rows = append(rows, u.button(label, func() {
			res, err := s.SurveyResults(u.ctx, r.EngagementID)
			if errors.Is(err, kiosk.ErrSurveyStillOpen) {
				msg.SetText(lang.L("The results can be read from the day after the survey closes ({{.Date}}): figures read while people are still answering, compared with later ones, could show one person's answers.",
					map[string]any{"Date": r.Closes.Format(dayLayout)}))
				return
			}
			if err != nil {
				msg.set(err)
				return
			}
			u.showSurveyResults(res, 0)
		}))
		// A member whose PIN was reset waits for one who holds the key to let them in again.
		if waiting, err := u.kiosk.Waiting(u.ctx, kiosk.GroupSurvey, r.EngagementID); err == nil && !mine {
			for _, m := range waiting {
				rows = append(rows, u.button(lang.L("Let in {{.Name}} ({{.Title}})", map[string]any{"Name": m.Name, "Title": r.Title}), func() {
					if err := s.LetInSurvey(u.ctx, r.EngagementID, m.ID); err != nil {
						msg.set(err)
						return
					}
					u.showSurveyList()
				}))
			}
		}
	}
	if len(rows) == 0 && err == nil {
		rows = append(rows, para(lang.L("You are on no survey's review team.")))
	}
	u.show("survey-list", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Survey results")), msg.Label),
		container.NewHBox(u.button(lang.L("Back"), u.showInterviewerMenu)), nil, nil,
		newPager(u.rowsPerPage(4), rows).view))
}

// resultGroups are what a results screen can show: everyone shown, then each group.
func resultGroups(res *kiosk.SurveyResults) []survey.Group {
	return append([]survey.Group{res.Overall}, res.Groups...)
}

// groupName words a group's name.
func groupName(g survey.Group, first bool) string {
	switch {
	case first:
		return lang.L("All shown teams")
	case g.Other:
		return lang.L("Other teams")
	}
	return g.Name
}

// protectionNote says which teams were merged or withheld, and why, in the survey package's
// sentences (the exported report's own), translated.
func protectionNote(res *kiosk.SurveyResults) string {
	sentences := survey.ProtectionSentences(&res.Results)
	if res.Unreadable > 0 {
		sentences = append(sentences, survey.UnreadableSentence(res.Unreadable))
	}
	var parts []string
	for _, s := range sentences {
		parts = append(parts, lang.L(s.Text, s.Values))
	}
	return strings.Join(parts, " ")
}

// showSurveyResults is one group's chart: every item as a diverging bar between its two
// statements, a page at a time.
func (u *UI) showSurveyResults(res *kiosk.SurveyResults, gi int) {
	groups := resultGroups(res)
	gi = (gi + len(groups)) % len(groups)
	g := groups[gi]
	name := widget.NewLabel(lang.L("{{.Group}}: {{.N}} responses", map[string]any{"Group": groupName(g, gi == 0), "N": g.Responses}))
	name.Alignment = fyne.TextAlignCenter
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	right := container.NewHBox(u.iconButton(theme.NavigateNextIcon(), func() { u.showSurveyResults(res, gi+1) }))
	if len(res.Differences) > 0 {
		right.Add(u.button(lang.L("Differences"), func() { u.showSurveyDifferences(res, gi) }))
	}
	right.Add(u.button(lang.L("Export"), func() { u.showSurveyExport(res, gi) }))
	switcher := container.NewBorder(nil, nil, u.iconButton(theme.NavigateBackIcon(), func() { u.showSurveyResults(res, gi-1) }), right, name)
	note := widget.NewLabel(protectionNote(res))
	note.Wrapping = fyne.TextWrapWord
	note.SizeName = theme.SizeNameCaptionText
	var rows []fyne.CanvasObject
	if !res.Shown() {
		rows = append(rows, para(lang.L("No team has enough responses to show yet.")))
	}
	for i, it := range res.Survey.Items {
		if !res.Shown() {
			break
		}
		rows = append(rows, u.chartRow(it, g.Items[i], func() { u.showSurveyItemResult(res, gi, i) }))
	}
	list := newFitList(rows, u.touch)
	bottom := container.NewHBox(u.button(lang.L("Back"), u.showSurveyList), list.prev, list.info, list.next, layout.NewSpacer())
	u.show("survey-results", screenIdle, container.NewBorder(
		container.NewVBox(switcher, container.NewBorder(nil, nil, nil, newLegend(res.Survey.Points), note)), bottom, nil, nil, list.box))
}

// chartRow is one item: the left statement, its bar, the right statement; tapping it shows
// the item's figures.
func (u *UI) chartRow(it survey.Item, ir survey.ItemResult, tapped func()) fyne.CanvasObject {
	small := func(s string, align fyne.TextAlign) *widget.Label {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		l.Alignment = align
		l.SizeName = theme.SizeNameCaptionText
		return l
	}
	// Under the bar, its mean and how many answered, in words: the black mark alone is easy
	// to miss, and a share means little without its count.
	figures := small(lang.L("not shown"), fyne.TextAlignCenter)
	if !ir.Withheld && ir.Answered > 0 {
		figures.SetText(lang.L("mean {{.Mean}} of {{.Points}} · {{.N}} answers", map[string]any{
			"Mean": fmt.Sprintf("%.1f", ir.Mean), "Points": len(ir.Counts), "N": ir.Answered}))
	}
	figures.Wrapping = fyne.TextWrapOff
	figures.Truncation = fyne.TextTruncateEllipsis
	bar := container.NewVBox(newDivergingBar(ir), figures)
	row := container.New(&chartRowLayout{}, small(it.Left, fyne.TextAlignTrailing), bar, small(it.Right, fyne.TextAlignLeading))
	return newTappableRow(row, func() {
		u.touch()
		tapped()
	})
}

// showSurveyItemResult is one item's figures in every group: the bar, the count of each point
// and the mean.
func (u *UI) showSurveyItemResult(res *kiosk.SurveyResults, gi, item int) {
	it := res.Survey.Items[item]
	pair := container.NewGridWithColumns(2, para(it.Left), func() fyne.CanvasObject {
		l := para(it.Right)
		l.Alignment = fyne.TextAlignTrailing
		return l
	}())
	var rows []fyne.CanvasObject
	for i, g := range resultGroups(res) {
		ir := g.Items[item]
		figures := lang.L("not shown: too few answers, or so alike they would show a person's")
		if !ir.Withheld {
			var counts []string
			for p, c := range ir.Counts {
				counts = append(counts, fmt.Sprintf("%s %d", pointLabel(res.Survey.Points, p+1), c))
			}
			figures = lang.L("{{.N}} answers; mean {{.Mean}} of {{.Points}}; {{.Counts}}", map[string]any{
				"N": ir.Answered, "Mean": fmt.Sprintf("%.1f", ir.Mean), "Points": res.Survey.Points, "Counts": strings.Join(counts, " · ")})
		}
		if ir.Excluded > 0 {
			figures += " " + lang.L("({{.N}} groups not shown left out)", map[string]any{"N": ir.Excluded})
		}
		name := widget.NewLabel(groupName(g, i == 0))
		name.TextStyle.Bold = true
		name.Truncation = fyne.TextTruncateEllipsis
		f := widget.NewLabel(figures)
		f.Wrapping = fyne.TextWrapWord
		f.SizeName = theme.SizeNameCaptionText
		rows = append(rows, container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(180, 40), name), nil,
			container.NewVBox(newDivergingBar(ir), f)))
	}
	list := newFitList(rows, u.touch)
	u.show("survey-item-result", screenIdle, container.NewBorder(
		pair, container.NewHBox(u.button(lang.L("Back"), func() { u.showSurveyResults(res, gi) }), layout.NewSpacer(), list.prev, list.info, list.next), nil, nil,
		list.box))
}

// showSurveyDifferences lists the items where the shown groups' means differ most.
func (u *UI) showSurveyDifferences(res *kiosk.SurveyResults, gi int) {
	var rows []fyne.CanvasObject
	for _, d := range res.Differences {
		i := -1
		for j, it := range res.Survey.Items {
			if it.ID == d.ItemID {
				i = j
			}
		}
		if i < 0 {
			continue
		}
		it := res.Survey.Items[i]
		text := lang.L("Leans most to the left: {{.Low}}. Most to the right: {{.High}}.", map[string]any{"Low": groupLabel(d.Lowest), "High": groupLabel(d.Highest)})
		small := func(s string, align fyne.TextAlign) *widget.Label {
			l := widget.NewLabel(s)
			l.Wrapping = fyne.TextWrapWord
			l.Alignment = align
			l.SizeName = theme.SizeNameCaptionText
			return l
		}
		t := widget.NewLabel(text)
		t.TextStyle.Bold = true
		t.Wrapping = fyne.TextWrapWord
		rows = append(rows, newTappableRow(container.NewVBox(t,
			container.NewGridWithColumns(2, small(it.Left, fyne.TextAlignLeading), small(it.Right, fyne.TextAlignTrailing))),
			func() { u.showSurveyItemResult(res, gi, i) }))
	}
	list := newFitList(rows, u.touch)
	u.show("survey-differences", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Where teams differ most")), func() fyne.CanvasObject {
			l := para(lang.L("The items where the mean positions of the shown groups are furthest apart. Tap one to see its figures."))
			l.SizeName = theme.SizeNameCaptionText
			return l
		}()),
		container.NewHBox(u.button(lang.L("Back"), func() { u.showSurveyResults(res, gi) }), layout.NewSpacer(), list.prev, list.info, list.next), nil, nil,
		list.box))
}

func groupLabel(name string) string {
	if name == survey.OtherTeams {
		return lang.L("Other teams")
	}
	return name
}

// chartRowLayout puts the left statement, the bar and the right statement side by side: the
// statements share what the bar leaves, the bar is a third of the width (at least 160).
type chartRowLayout struct{}

func (l *chartRowLayout) widths(w float32) (side, bar float32) {
	bar = max(160, w/3)
	side = max(0, (w-bar-2*theme.Padding())/2)
	return side, bar
}

func (l *chartRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	side, bar := l.widths(size.Width)
	h := size.Height
	objs[0].Resize(fyne.NewSize(side, h))
	objs[0].Move(fyne.NewPos(0, 0))
	bh := objs[1].MinSize().Height
	objs[1].Resize(fyne.NewSize(bar, bh))
	objs[1].Move(fyne.NewPos(side+theme.Padding(), (h-bh)/2))
	objs[2].Resize(fyne.NewSize(side, h))
	objs[2].Move(fyne.NewPos(side+bar+2*theme.Padding(), 0))
}

func (l *chartRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := objs[1].MinSize().Height
	for _, o := range []fyne.CanvasObject{objs[0], objs[2]} {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(160+2*theme.Padding()+2*60, h)
}

// tappableRow makes a row of a chart tappable as a whole.
type tappableRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	tapped  func()
}

func newTappableRow(content fyne.CanvasObject, tapped func()) *tappableRow {
	r := &tappableRow{content: content, tapped: tapped}
	r.ExtendBaseWidget(r)
	return r
}

// Tapped implements fyne.Tappable.
func (r *tappableRow) Tapped(*fyne.PointEvent) { r.tapped() }

// CreateRenderer implements fyne.Widget.
func (r *tappableRow) CreateRenderer() fyne.WidgetRenderer {
	sep := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	sep.SetMinSize(fyne.NewSize(1, 1))
	return widget.NewSimpleRenderer(container.NewBorder(nil, sep, nil, nil, r.content))
}

// divergingBar draws one item's answers as a diverging stacked bar (survey.Segments): the
// left-hand points to the left of the middle line, the right-hand ones to its right, the
// middle point across it, and the mean position as a black mark. A withheld item says so.
type divergingBar struct {
	widget.BaseWidget
	ir survey.ItemResult
}

func newDivergingBar(ir survey.ItemResult) *divergingBar {
	b := &divergingBar{ir: ir}
	b.ExtendBaseWidget(b)
	return b
}

// MinSize implements fyne.Widget.
func (b *divergingBar) MinSize() fyne.Size { return fyne.NewSize(160, 30) }

// CreateRenderer implements fyne.Widget.
func (b *divergingBar) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{b: b, segs: survey.Segments(b.ir)}
	points := len(b.ir.Counts)
	for _, s := range r.segs {
		cr, cg, cb := survey.PointColour(points, s.Point)
		r.rects = append(r.rects, canvas.NewRectangle(color.NRGBA{R: cr, G: cg, B: cb, A: 0xff}))
	}
	r.frame = canvas.NewRectangle(color.Transparent)
	r.frame.StrokeColor = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
	r.frame.StrokeWidth = 1
	r.middle = canvas.NewRectangle(color.NRGBA{R: 0x44, G: 0x44, B: 0x44, A: 0xff})
	r.mean = canvas.NewRectangle(color.Black)
	// Each segment carries its share of the answers, in black or white, whichever is the
	// clearer on its colour; a share too narrow for its words leaves them out (Layout).
	for _, sg := range r.segs {
		cr, cg, cb := survey.PointColour(points, sg.Point)
		fill := color.NRGBA{R: cr, G: cg, B: cb, A: 0xff}
		ink := color.Color(color.Black)
		if contrastRatio(color.White, fill) > contrastRatio(color.Black, fill) {
			ink = color.White
		}
		pct := canvas.NewText(fmt.Sprintf("%d%%", int(math.Round(100*float64(b.ir.Counts[sg.Point-1])/float64(b.ir.Answered)))), ink)
		pct.TextSize = theme.CaptionTextSize()
		pct.TextStyle.Bold = true
		pct.Alignment = fyne.TextAlignCenter
		r.pcts = append(r.pcts, pct)
	}
	r.text = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	r.text.TextSize = theme.CaptionTextSize()
	r.text.Alignment = fyne.TextAlignCenter
	if len(r.segs) == 0 {
		r.text.Text = lang.L("not shown")
		r.mean.Hide()
		r.middle.Hide()
	}
	return r
}

type barRenderer struct {
	b                   *divergingBar
	segs                []survey.Segment
	rects               []*canvas.Rectangle
	pcts                []*canvas.Text
	frame, middle, mean *canvas.Rectangle
	text                *canvas.Text
}

func (r *barRenderer) Layout(size fyne.Size) {
	half := size.Width / 2
	x := func(v float64) float32 { return half + float32(v)*half }
	r.frame.Resize(size)
	for i, s := range r.segs {
		r.rects[i].Move(fyne.NewPos(x(s.From), 4))
		r.rects[i].Resize(fyne.NewSize(x(s.To)-x(s.From), size.Height-8))
		t := r.pcts[i]
		w := x(s.To) - x(s.From)
		t.Move(fyne.NewPos(x(s.From), (size.Height-t.MinSize().Height)/2))
		t.Resize(fyne.NewSize(w, t.MinSize().Height))
		// Words that do not fit their share, or that the middle line or the mean's mark would
		// cross, are left out: the item's figures screen has every count.
		tw := t.MinSize().Width
		from, to := x(s.From)+(w-tw)/2-2, x(s.From)+(w+tw)/2+2
		crossed := func(at float32) bool { return at >= from-2 && at <= to+2 }
		t.Hidden = tw+4 > w || crossed(half) || (!math.IsNaN(r.b.ir.Position) && crossed(x(r.b.ir.Position)))
	}
	r.middle.Move(fyne.NewPos(half-1, 0))
	r.middle.Resize(fyne.NewSize(2, size.Height))
	if p := r.b.ir.Position; !math.IsNaN(p) {
		r.mean.Move(fyne.NewPos(x(p)-2, 0))
		r.mean.Resize(fyne.NewSize(4, size.Height))
	}
	r.text.Move(fyne.NewPos(0, (size.Height-r.text.MinSize().Height)/2))
	r.text.Resize(fyne.NewSize(size.Width, r.text.MinSize().Height))
}

func (r *barRenderer) MinSize() fyne.Size { return r.b.MinSize() }
func (r *barRenderer) Refresh()           { canvas.Refresh(r.b) }
func (r *barRenderer) Destroy()           {}
func (r *barRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.frame}
	for _, rc := range r.rects {
		objs = append(objs, rc)
	}
	objs = append(objs, r.middle, r.mean)
	for _, t := range r.pcts {
		objs = append(objs, t)
	}
	return append(objs, r.text)
}

// newLegend shows the colours of the points and the mean's mark, in one line.
func newLegend(points int) fyne.CanvasObject {
	box := container.NewHBox()
	for p := 1; p <= points; p++ {
		cr, cg, cb := survey.PointColour(points, p)
		sw := canvas.NewRectangle(color.NRGBA{R: cr, G: cg, B: cb, A: 0xff})
		sw.SetMinSize(fyne.NewSize(14, 14))
		box.Add(container.NewCenter(sw))
	}
	words := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.SizeName = theme.SizeNameCaptionText
		return l
	}
	mean := canvas.NewRectangle(color.Black) // the chart's mark, drawn: the fonts have no bar
	mean.SetMinSize(fyne.NewSize(4, 14))
	box.Add(words(lang.L("left … right;")))
	box.Add(container.NewCenter(mean))
	box.Add(words(lang.L("mean")))
	return box
}

// showSurveyExport writes the results (a PDF with the charts and a CSV of the figures, never a
// response) to a USB stick the member chooses.
func (u *UI) showSurveyExport(res *kiosk.SurveyResults, gi int) {
	s := u.signedIn
	if s == nil {
		u.showHome()
		return
	}
	msg := newErrorLabel()
	done := para("")
	done.Hide()
	var rows []fyne.CanvasObject
	for _, dir := range u.kiosk.Sticks() {
		rows = append(rows, u.button(lang.L("Save to {{.Stick}}", map[string]any{"Stick": dir}), func() {
			paths, err := s.ExportSurveyResults(u.ctx, res, dir, fynefont.Fonts())
			if err != nil {
				msg.set(err)
				done.Hide()
				return
			}
			msg.set(nil)
			var names []string
			for _, p := range paths {
				names = append(names, filepath.Base(p))
			}
			done.SetText(lang.L("Saved: {{.Files}}. You can take the stick out.", map[string]any{"Files": strings.Join(names, ", ")}))
			done.Show()
		}))
	}
	if len(rows) == 0 {
		rows = append(rows, para(lang.L("No USB stick found. Plug one in, then tap Look again.")))
	}
	u.show("survey-export", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Export the results")),
			func() fyne.CanvasObject {
				l := para(lang.L("A PDF report with the charts and a CSV file of the figures. Neither holds a single person's answers; small teams are merged or left out as on the screen."))
				l.SizeName = theme.SizeNameCaptionText
				return l
			}(),
			msg.Label, done),
		container.NewHBox(u.button(lang.L("Back"), func() { u.showSurveyResults(res, gi) }), layout.NewSpacer(),
			u.button(lang.L("Look again"), func() { u.showSurveyExport(res, gi) })),
		nil, nil, newPager(u.rowsPerPage(2), rows).view))
}
