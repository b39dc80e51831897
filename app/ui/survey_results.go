package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/surveys"
	"quietroom/app/report/fynefont"
	"quietroom/app/survey"
)

// showSurveyList lists the surveys whose review team the signed-in interviewer is on.
func (sv *surveyScreens) showSurveyList() {
	s := sv.u.signedIn
	if s == nil {
		sv.u.showHome()
		return
	}
	msg := newErrorLabel()
	recs, err := surveys.Surveys(sv.u.ctx, s)
	msg.set(err)
	var rows []fyne.CanvasObject
	for _, r := range recs {
		label := lang.L("{{.Title}}: closed {{.Closes}}", map[string]any{"Title": r.Title, "Closes": r.Closes.Format(dayLayout)})
		if !survey.Day(sv.u.kiosk.Now()).After(r.Closes) {
			label = lang.L("{{.Title}}: open until {{.Closes}}", map[string]any{"Title": r.Title, "Closes": r.Closes.Format(dayLayout)})
		}
		mine, _ := s.WaitingIn(sv.u.ctx, kiosk.GroupSurvey, r.EngagementID)
		if mine {
			label = lang.L("{{.Title}}: waiting to be let in again", map[string]any{"Title": r.Title})
		}
		rows = append(rows, sv.u.button(label, func() {
			res, err := surveys.Results(sv.u.ctx, s, r.EngagementID)
			if errors.Is(err, surveys.ErrSurveyStillOpen) {
				msg.SetText(lang.L("The results can be read from the day after the survey closes ({{.Date}}): figures read while people are still answering, compared with later ones, could show one person's answers.",
					map[string]any{"Date": r.Closes.Format(dayLayout)}))
				return
			}
			if err != nil {
				msg.set(err)
				return
			}
			sv.showSurveyResults(res, 0)
		}))
		// A member whose PIN was reset waits for one who holds the key to let them in again.
		if waiting, err := sv.u.kiosk.Waiting(sv.u.ctx, kiosk.GroupSurvey, r.EngagementID); err == nil && !mine {
			for _, m := range waiting {
				rows = append(rows, sv.u.button(lang.L("Let in {{.Name}} ({{.Title}})", map[string]any{"Name": m.Name, "Title": r.Title}), func() {
					if err := s.LetInSurvey(sv.u.ctx, r.EngagementID, m.ID); err != nil {
						msg.set(err)
						return
					}
					sv.showSurveyList()
				}))
			}
		}
	}
	if len(rows) == 0 && err == nil {
		rows = append(rows, para(lang.L("You are on no survey's review team.")))
	}
	sv.u.show("survey-list", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Survey results")), msg.Label),
		container.NewHBox(sv.u.button(lang.L("Back"), sv.u.showInterviewerMenu)), nil, nil,
		newPager(sv.u.rowsPerPage(4), rows).view))
}

// resultGroups are what a results screen can show: everyone shown, then each group.
func resultGroups(res *surveys.SurveyResults) []survey.Group {
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
func protectionNote(res *surveys.SurveyResults) string {
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
func (sv *surveyScreens) showSurveyResults(res *surveys.SurveyResults, gi int) {
	groups := resultGroups(res)
	gi = (gi + len(groups)) % len(groups)
	g := groups[gi]
	name := widget.NewLabel(lang.L("{{.Group}}: {{.N}} responses", map[string]any{"Group": groupName(g, gi == 0), "N": g.Responses}))
	name.Alignment = fyne.TextAlignCenter
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	right := container.NewHBox(sv.u.iconButton(theme.NavigateNextIcon(), func() { sv.showSurveyResults(res, gi+1) }))
	if len(res.Differences) > 0 {
		right.Add(sv.u.button(lang.L("Differences"), func() { sv.showSurveyDifferences(res, gi) }))
	}
	right.Add(sv.u.button(lang.L("Export"), func() { sv.showSurveyExport(res, gi) }))
	switcher := container.NewBorder(nil, nil, sv.u.iconButton(theme.NavigateBackIcon(), func() { sv.showSurveyResults(res, gi-1) }), right, name)
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
		rows = append(rows, sv.chartRow(it, g.Items[i], func() { sv.showSurveyItemResult(res, gi, i) }))
	}
	list := newFitList(rows, sv.u.touch)
	bottom := container.NewHBox(sv.u.button(lang.L("Back"), sv.showSurveyList), list.prev, list.info, list.next, layout.NewSpacer())
	sv.u.show("survey-results", screenIdle, container.NewBorder(
		container.NewVBox(switcher, container.NewBorder(nil, nil, nil, newLegend(res.Survey.Points), note)), bottom, nil, nil, list.box))
}

// chartRow is one item: the left statement, its bar, the right statement; tapping it shows
// the item's figures.
func (sv *surveyScreens) chartRow(it survey.Item, ir survey.ItemResult, tapped func()) fyne.CanvasObject {
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
		sv.u.touch()
		tapped()
	})
}

// showSurveyItemResult is one item's figures in every group: the bar, the count of each point
// and the mean.
func (sv *surveyScreens) showSurveyItemResult(res *surveys.SurveyResults, gi, item int) {
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
	list := newFitList(rows, sv.u.touch)
	sv.u.show("survey-item-result", screenIdle, container.NewBorder(
		pair, container.NewHBox(sv.u.button(lang.L("Back"), func() { sv.showSurveyResults(res, gi) }), layout.NewSpacer(), list.prev, list.info, list.next), nil, nil,
		list.box))
}

// showSurveyDifferences lists the items where the shown groups' means differ most.
func (sv *surveyScreens) showSurveyDifferences(res *surveys.SurveyResults, gi int) {
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
			func() { sv.showSurveyItemResult(res, gi, i) }))
	}
	list := newFitList(rows, sv.u.touch)
	sv.u.show("survey-differences", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Where teams differ most")), func() fyne.CanvasObject {
			l := para(lang.L("The items where the mean positions of the shown groups are furthest apart. Tap one to see its figures."))
			l.SizeName = theme.SizeNameCaptionText
			return l
		}()),
		container.NewHBox(sv.u.button(lang.L("Back"), func() { sv.showSurveyResults(res, gi) }), layout.NewSpacer(), list.prev, list.info, list.next), nil, nil,
		list.box))
}

func groupLabel(name string) string {
	if name == survey.OtherTeams {
		return lang.L("Other teams")
	}
	return name
}

// showSurveyExport writes the results (a PDF with the charts and a CSV of the figures, never a
// response) to a USB stick the member chooses.
func (sv *surveyScreens) showSurveyExport(res *surveys.SurveyResults, gi int) {
	s := sv.u.signedIn
	if s == nil {
		sv.u.showHome()
		return
	}
	msg := newErrorLabel()
	done := para("")
	done.Hide()
	var rows []fyne.CanvasObject
	for _, dir := range sv.u.kiosk.Sticks() {
		rows = append(rows, sv.u.button(lang.L("Save to {{.Stick}}", map[string]any{"Stick": dir}), func() {
			paths, err := surveys.ExportSurveyResults(sv.u.ctx, s, res, dir, fynefont.Fonts())
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
	sv.u.show("survey-export", screenIdle, container.NewBorder(
		container.NewVBox(heading(lang.L("Export the results")),
			func() fyne.CanvasObject {
				l := para(lang.L("A PDF report with the charts and a CSV file of the figures. Neither holds a single person's answers; small teams are merged or left out as on the screen."))
				l.SizeName = theme.SizeNameCaptionText
				return l
			}(),
			msg.Label, done),
		container.NewHBox(sv.u.button(lang.L("Back"), func() { sv.showSurveyResults(res, gi) }), layout.NewSpacer(),
			sv.u.button(lang.L("Look again"), func() { sv.showSurveyExport(res, gi) })),
		nil, nil, newPager(sv.u.rowsPerPage(2), rows).view))
}
