package session_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"quietroom/app/protocol"
	"quietroom/app/session"
	"quietroom/app/session/sessiontest"
)

// TestEveryCheckedDurationStarts: the pack check and the engine share their bounds, so a pack
// at either end of what the check accepts starts a session, and one past them is refused.
func TestEveryCheckedDurationStarts(t *testing.T) {
	for _, tc := range []struct {
		minutes int
		ok      bool
	}{
		{protocol.MinDurationMinutes, true},
		{protocol.MaxDurationMinutes, true},
		{protocol.MinDurationMinutes - 1, false},
		{protocol.MaxDurationMinutes + 1, false},
	} {
		h := newHarness(t)
		s := h.setup()
		s.Duration = time.Duration(tc.minutes) * time.Minute
		err := h.eng.Start(h.ctx, s, h.keys)
		if (err == nil) != tc.ok {
			t.Errorf("Start with %d minutes = %v, want ok %v", tc.minutes, err, tc.ok)
		}
	}
	if session.MinDuration != protocol.MinDurationMinutes*time.Minute || session.MaxDuration != protocol.MaxDurationMinutes*time.Minute {
		t.Errorf("session bounds %v..%v differ from the pack check's %d..%d minutes", session.MinDuration, session.MaxDuration, protocol.MinDurationMinutes, protocol.MaxDurationMinutes)
	}
}

func TestDefaultDeletionDate(t *testing.T) {
	loc := time.FixedZone("UK summer", 3600)
	now := time.Date(2026, 12, 2, 23, 30, 0, 0, loc)
	want := time.Date(2026, 12, 30, 0, 0, 0, 0, loc)
	if got := session.DefaultDeletionDate(now); !got.Equal(want) || got.Location() != loc {
		t.Errorf("DefaultDeletionDate(%v) = %v, want %v", now, got, want)
	}
}

func TestEngagementDates(t *testing.T) {
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	visit := time.Date(2027, 1, 11, 0, 0, 0, 0, time.UTC)
	if got, want := session.ProposedFollowUp(session.KindPeerChallenge, now, visit), time.Date(2027, 5, 11, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("ProposedFollowUp(peer challenge, visit %v) = %v, want four months later %v", visit, got, want)
	}
	if got := session.ProposedFollowUp(session.Kind360, now, time.Time{}); !got.IsZero() {
		t.Errorf("ProposedFollowUp(360) = %v, want none: the programme's end is asked for", got)
	}
	if got := session.ProposedFollowUp(session.KindRecruitment, now, visit); !got.IsZero() {
		t.Errorf("ProposedFollowUp(recruitment) = %v, want none", got)
	}
	if got, want := session.DeletionAfterFollowUp(visit), time.Date(2027, 1, 12, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("DeletionAfterFollowUp(%v) = %v, want the next day %v", visit, got, want)
	}
	for _, k := range session.EngagementKinds() {
		if k.HasVisit() && !k.HasFollowUp() {
			t.Errorf("kind %q has a visit but no follow-up", k)
		}
	}
}

// TestPreambleFollowUpDate: a pack whose preamble tells the interviewee the follow-up date
// starts only in an engagement that has one, and the session hands the screens that date.
func TestPreambleFollowUpDate(t *testing.T) {
	h := newHarness(t)
	followUp := t0.AddDate(0, 3, 0)
	peer := testEngagement()
	peer.ID, peer.Kind, peer.VisitDate, peer.FollowUpDate = "eng-peer", session.KindPeerChallenge, t0, followUp
	peer.DeletionDate = session.DeletionAfterFollowUp(followUp)
	h.store = sessiontest.NewStore(testEngagement(), peer)
	h.eng = h.newEngine()
	p := testPack()
	p.Preamble = append(p.Preamble, protocol.Page{Title: "Deletion", Text: "The follow up visit is on {follow_up_date}; deleted on {deletion_date}."})
	h.packs[p.ID] = p

	s := h.setup()
	if err := h.eng.Start(h.ctx, s, h.keys); !errors.Is(err, session.ErrInvalidSetup) {
		t.Errorf("Start in an engagement without a follow-up = %v, want ErrInvalidSetup", err)
	}
	s.EngagementID = peer.ID
	h.must("Start", h.eng.Start(h.ctx, s, h.keys))
	info, _ := h.eng.Info()
	if !info.FollowUpDate.Equal(followUp) {
		t.Fatalf("Info().FollowUpDate = %v, want the engagement's %v", info.FollowUpDate, followUp)
	}
	pages, err := info.Pack.FillPreamble(protocol.PreambleValues{Minutes: 30, DeletionDate: info.DeletionDate, FollowUpDate: info.FollowUpDate})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pages[len(pages)-1].Text, "The follow up visit is on "+followUp.Format(protocol.DateLayout); !strings.HasPrefix(got, want) {
		t.Errorf("preamble = %q, want it to start %q", got, want)
	}
}

// TestProgrammeDeletesAfterItsEnd: a 360 engagement's records are never proposed for deletion
// before its programme's end: nothing is proposed until the end is given, then the day after.
// The kinds without a follow-up keep the default proposal.
func TestProgrammeDeletesAfterItsEnd(t *testing.T) {
	now := time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC)
	if !session.Kind360.AsksProgrammeEnd() || !session.Kind360.HasFollowUp() {
		t.Fatal("a 360 programme is not asked for its end")
	}
	if got := session.ProposedDeletion(session.Kind360, now, time.Time{}); !got.IsZero() {
		t.Errorf("ProposedDeletion(360, no programme end) = %v, want none", got)
	}
	for _, end := range []time.Time{now.AddDate(0, 0, 3), now.AddDate(0, 11, 0), now.AddDate(1, 0, 0)} {
		got := session.ProposedDeletion(session.Kind360, now, end)
		if !got.After(end) || !got.Equal(session.DeletionAfterFollowUp(end)) {
			t.Errorf("ProposedDeletion(360, programme ends %v) = %v, want the day after", end, got)
		}
	}
	for _, k := range []session.EngagementKind{session.KindRecruitment, session.KindOther} {
		if got := session.ProposedDeletion(k, now, time.Time{}); !got.Equal(session.DefaultDeletionDate(now)) {
			t.Errorf("ProposedDeletion(%q) = %v, want the default %v", k, got, session.DefaultDeletionDate(now))
		}
	}
}
