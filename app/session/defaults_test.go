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
