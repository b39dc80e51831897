package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/kiosk"
	"quietroom/app/session"
)

// engagementForm is what the admin has chosen so far for a new engagement.
type engagementForm struct {
	title, groups string
	kind          session.EngagementKind
	visit, follow time.Time
	deletion      time.Time
}

func kindName(k session.EngagementKind) string {
	switch k {
	case session.Kind360:
		return lang.L("360 interviews")
	case session.KindPeerChallenge:
		return lang.L("Peer challenge")
	case session.KindRecruitment:
		return lang.L("Recruitment panel")
	case kiosk.SurveyKind:
		return lang.L("Survey")
	}
	return lang.L("Other work")
}

// showNewEngagement is the first step of a new engagement: its title and stakeholder groups.
// Then its kind, which decides the dates the last step asks for.
func (a *adminScreens) showNewEngagement() {
	a.showNewEngagementWith(&engagementForm{kind: session.Kind360})
}

func (a *adminScreens) showNewEngagementWith(f *engagementForm) {
	a.u.typedStep("new-engagement", subheading(lang.L("New engagement")), false, a.showEngagements,
		func() { a.showNewEngagementKind(f) },
		typedField{lang.L("Title, e.g. 360 interviews, cohort 3"), &f.title},
		typedField{lang.L("Stakeholder groups, separated by commas"), &f.groups})
}

// showNewEngagementKind asks what kind of work the engagement is.
func (a *adminScreens) showNewEngagementKind(f *engagementForm) {
	var rows []fyne.CanvasObject
	for _, k := range session.EngagementKinds() {
		b := a.u.button(kindName(k), func() {
			if k != f.kind {
				f.visit, f.follow, f.deletion = time.Time{}, time.Time{}, time.Time{}
			}
			f.kind = k
			a.proposeDates(f)
			a.showNewEngagementDates(f)
		})
		if k == f.kind {
			b.Importance = widget.HighImportance
		}
		rows = append(rows, b)
	}
	a.u.show("new-engagement-kind", screenIdle, container.NewBorder(
		heading(lang.L("What kind of work is it?")),
		container.NewHBox(a.u.button(lang.L("Back"), func() { a.showNewEngagementWith(f) })),
		nil, nil,
		container.NewVBox(rows...)))
}

// proposeDates fills in the dates not chosen yet: the visit four weeks out (a first guess the
// admin moves), the follow-up from the visit, the deletion the day after the follow-up. A 360
// programme's end is not guessed: its follow-up and deletion wait for the admin to give it.
func (a *adminScreens) proposeDates(f *engagementForm) {
	now := a.u.kiosk.Now().In(time.Local)
	if f.kind.HasVisit() && f.visit.IsZero() {
		f.visit = session.DefaultDeletionDate(now)
	}
	if f.kind.HasFollowUp() && f.follow.IsZero() {
		f.follow = session.ProposedFollowUp(f.kind, now, f.visit)
	}
	if f.deletion.IsZero() {
		f.deletion = session.ProposedDeletion(f.kind, now, f.follow)
	}
}

// showNewEngagementDates is the last step: the visit, the follow-up and the deletion date.
// Each date proposes the next: a peer challenge's follow-up visit four months after its visit,
// and the deletion the day after the follow-up; the admin moves any of them.
func (a *adminScreens) showNewEngagementDates(f *engagementForm) {
	msg := newErrorLabel()
	var rows []fyne.CanvasObject
	var refresh []func()
	// A date not given yet shows as such; its first move counts from today.
	today := func() time.Time {
		y, m, d := a.u.kiosk.Now().In(time.Local).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.Local)
	}
	dateRow := func(label string, d *time.Time, changed func()) {
		value := widget.NewLabel("")
		show := func() {
			if d.IsZero() {
				value.SetText(lang.L("not given yet"))
				return
			}
			value.SetText(d.Format(dayLayout))
		}
		refresh = append(refresh, show)
		shift := func(months, days int) func() {
			return func() {
				if d.IsZero() {
					*d = today()
				}
				*d = d.AddDate(0, months, days)
				if changed != nil {
					changed()
				}
				for _, r := range refresh {
					r()
				}
			}
		}
		rows = append(rows, widget.NewLabel(label), container.NewHBox(
			a.u.button(lang.L("–1 month"), shift(-1, 0)), a.u.button("–7", shift(0, -7)), a.u.button("–1", shift(0, -1)),
			value, a.u.button("+1", shift(0, 1)), a.u.button("+7", shift(0, 7)), a.u.button(lang.L("+1 month"), shift(1, 0))))
		show()
	}
	if f.kind.HasVisit() {
		dateRow(lang.L("First day of the visit"), &f.visit, func() {
			f.follow = session.ProposedFollowUp(f.kind, time.Time{}, f.visit)
			f.deletion = session.DeletionAfterFollowUp(f.follow)
		})
	}
	if f.kind.HasFollowUp() {
		label := lang.L("Follow-up visit (the records are deleted after it)")
		if f.kind.AsksProgrammeEnd() {
			label = lang.L("Last day of the programme (the follow-up; records deleted after it)")
		}
		dateRow(label, &f.follow, func() { f.deletion = session.DeletionAfterFollowUp(f.follow) })
	}
	dateRow(lang.L("Deletion date"), &f.deletion, nil)
	create := a.u.primary(lang.L("Create"), func() {
		_, err := a.u.kiosk.CreateEngagement(a.u.ctx, a.u.admin, kiosk.NewEngagement{
			Title: f.title, Kind: f.kind, VisitDate: f.visit, FollowUpDate: f.follow,
			DeletionDate: f.deletion, StakeholderGroups: strings.Split(f.groups, ","),
		})
		if err != nil {
			msg.set(err)
			return
		}
		a.showEngagements()
	})
	a.u.show("new-engagement-dates", screenIdle, container.NewBorder(
		heading(lang.L("{{.Kind}}: the dates", map[string]any{"Kind": kindName(f.kind)})),
		container.NewVBox(msg.Label, container.NewHBox(a.u.button(lang.L("Back"), func() { a.showNewEngagementKind(f) }), layout.NewSpacer(), create)),
		nil, nil,
		container.NewVBox(rows...)))
}
