package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"quietroom/app/kiosk"
	"quietroom/app/retention"
	"quietroom/app/session"
)

// TestNewPeerChallengeFollowsItsVisit: the admin names the engagement and its kind, then sees
// the follow-up proposed four months after the visit and the deletion the day after it; moving
// the visit moves both. Both steps fit the screen.
func TestNewPeerChallengeFollowsItsVisit(t *testing.T) {
	h := newHarness(t)
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.tap("Engagements")
	h.tap("New engagement")
	h.wantScreen("new-engagement")
	h.fitsWindow()
	test.Type(h.textFields()[0], "Peer challenge, host authority")
	h.tap("Next")
	h.wantScreen("new-engagement-kind")
	h.fitsWindow()
	h.tap("Peer challenge")
	h.wantScreen("new-engagement-dates")
	h.fitsWindow()
	now := h.env.Clock.Now().In(time.Local)
	visit := session.DefaultDeletionDate(now)
	follow := session.ProposedFollowUp(session.KindPeerChallenge, now, visit)
	for _, d := range []time.Time{visit, follow, session.DeletionAfterFollowUp(follow)} {
		if !h.shows(d.Format(dayLayout)) {
			t.Errorf("the dates screen does not show %s", d.Format(dayLayout))
		}
	}
	h.tap("+7") // the visit's: every later date follows it
	follow = session.ProposedFollowUp(session.KindPeerChallenge, now, visit.AddDate(0, 0, 7))
	if !h.shows(follow.Format(dayLayout)) || !h.shows(session.DeletionAfterFollowUp(follow).Format(dayLayout)) {
		t.Error("moving the visit does not move the follow-up and the deletion date")
	}
	h.tap("Create")
	h.wantScreen("engagements")
	all, err := h.env.Kiosk.AllEngagements(h.u.ctx, h.u.admin)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range all {
		if e.Title == "Peer challenge, host authority" {
			found = true
			if e.Kind != session.KindPeerChallenge || !e.FollowUpDate.Equal(follow) || !e.DeletionDate.Equal(session.DeletionAfterFollowUp(follow)) {
				t.Errorf("created %+v, want a peer challenge with follow-up %v", e, follow)
			}
		}
	}
	if !found {
		t.Error("the engagement was not created")
	}
}

// TestNew360AsksTheProgrammesEnd: a 360 engagement proposes no follow-up and no deletion date
// (four weeks would destroy a participant's notes months before the programme ends): the admin
// is asked for the programme's last day, cannot create the engagement without it, and then sees
// the deletion proposed the day after it.
func TestNew360AsksTheProgrammesEnd(t *testing.T) {
	h := newHarness(t)
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.tap("Engagements")
	h.tap("New engagement")
	test.Type(h.textFields()[0], "360 interviews, cohort 3")
	h.tap("Next")
	h.tap("360 interviews")
	h.wantScreen("new-engagement-dates")
	h.fitsWindow()
	now := h.env.Clock.Now().In(time.Local)
	for days := 0; days <= 60; days++ {
		if d := now.AddDate(0, 0, days).Format(dayLayout); h.shows(d) {
			t.Errorf("the dates screen proposes %s before the programme's end is given", d)
		}
	}
	if !h.shows("Last day of the programme") || !h.shows("not given yet") {
		t.Error("the dates screen does not ask for the programme's last day")
	}
	h.tap("Create")
	h.wantScreen("new-engagement-dates")
	if !h.shows("last day of the programme") {
		t.Error("creating without the programme's end does not say what is missing")
	}
	for range 11 {
		h.tap("+1 month") // the first row's: the programme's last day
	}
	y, m, d := now.Date()
	end := time.Date(y, m, d, 0, 0, 0, 0, time.Local).AddDate(0, 11, 0)
	deletion := session.DeletionAfterFollowUp(end)
	if !h.shows(end.Format(dayLayout)) || !h.shows(deletion.Format(dayLayout)) {
		t.Errorf("the dates screen does not show the programme's end %s and the deletion the day after", end.Format(dayLayout))
	}
	h.tap("Create")
	h.wantScreen("engagements")
	all, err := h.env.Kiosk.AllEngagements(h.u.ctx, h.u.admin)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		if e.Title == "360 interviews, cohort 3" && (!e.FollowUpDate.Equal(end) || !e.DeletionDate.Equal(deletion)) {
			t.Errorf("created follow-up %v, deletion %v; want the programme's end %v and the day after", e.FollowUpDate, e.DeletionDate, end)
		}
	}
}

// entries are the screen's text fields, in order.
func (h *harness) textFields() []*kbEntry {
	var out []*kbEntry
	for _, o := range h.objects() {
		if e, ok := o.(*kbEntry); ok {
			out = append(out, e)
		}
	}
	return out
}

// fits fails the test when the screen needs more room than the window has.
func (h *harness) fitsWindow() {
	h.t.Helper()
	if got, have := h.w.Content().MinSize(), h.w.Canvas().Size(); got.Width > have.Width || got.Height > have.Height {
		h.t.Errorf("screen %s needs %v, more than the window's %v", h.u.Screen(), got, have)
	}
}

// TestLongTitlesKeepTheWindowsSize: an engagement whose title is longer than the screen is wide,
// with the larger text on, leaves every list it appears in within the window (a button does not
// cut its own text, and a wide one widens the window past the screen).
func TestLongTitlesKeepTheWindowsSize(t *testing.T) {
	h := newHarness(t)
	h.tap("Larger text")
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.tap("Engagements")
	h.tap("New engagement")
	long := "Peer challenge of the children's services of a large county council, with its partners in health and education, spring"
	test.Type(h.textFields()[0], long)
	h.tap("Next")
	h.tap("360 interviews")
	h.tap("+1 month") // the programme's last day
	h.tap("Create")
	h.wantScreen("engagements")
	h.fitsWindow()
	h.tap("Back")
	h.tap("Wipe an engagement")
	h.fitsWindow()
}

// TestFullAdminListsFitWithLargerText: the audit log with more entries than a page holds, and
// the engagement lists with several long titles, fit the window with the larger text on at
// 800x480 (a fixed number of rows a page was made for the normal text).
func TestFullAdminListsFitWithLargerText(t *testing.T) {
	h := newHarness(t)
	for i := range 30 {
		if err := h.env.Store.Storage.AppendAudit(h.u.ctx, retention.AuditEvent{At: h.env.Clock.Now(), Actor: retention.RoleAdmin, Action: "engagement.create", Outcome: "ok", Count: i}); err != nil {
			t.Fatal(err)
		}
	}
	h.tap("Larger text")
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	for i := range 5 {
		if _, err := h.env.Kiosk.CreateEngagement(h.u.ctx, h.u.admin, kiosk.NewEngagement{
			Title: fmt.Sprintf("Engagement %d with a title long enough to be cut on the screen, children's services", i), Kind: session.KindOther,
			DeletionDate: h.env.Clock.Now().AddDate(0, 2, 0)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, screen := range []string{"Audit log", "Wipe an engagement", "Engagements", "Interviewers", "Question packs", "Deletion receipts", "Surveys"} {
		h.tap(screen)
		h.fitsWindow()
		h.tap("Back")
	}
}
