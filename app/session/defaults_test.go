package session_test

import (
	"testing"
	"time"

	"quietroom/app/protocol"
	"quietroom/app/session"
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
	if got := session.ProposedFollowUp(session.Kind360, now, time.Time{}); !got.Equal(session.DefaultDeletionDate(now)) {
		t.Errorf("ProposedFollowUp(360) = %v, want the default proposal %v", got, session.DefaultDeletionDate(now))
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
