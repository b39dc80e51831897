package session_test

import (
	"bytes"
	"errors"
	"testing"

	"quietroom/app/protocol"
	"quietroom/app/session"
)

// startGroup starts a session with n participants and hands the screen to the first.
func (h *harness) startGroup(n int) {
	h.t.Helper()
	s := h.setup()
	s.Participants = n
	h.must("Start", h.eng.Start(h.ctx, s, h.keys))
	info, _ := h.eng.Info()
	h.id = info.ID
	h.must("ShowPreamble", h.eng.ShowPreamble(h.ctx))
}

// turn is one participant's part at the screen: agree (with or without the optional point and
// a signature), refuse a required point, or decline from the preamble.
type turn struct {
	do       string // "agree", "agree+", "refuse", "decline"
	sig      string
	wantNext session.State
}

// play plays the turns of participants from+1 on.
func (h *harness) play(tt []turn, from int) {
	h.t.Helper()
	for j, p := range tt {
		i := from + j
		info, _ := h.eng.Info()
		if info.Turn != i+1 {
			h.t.Fatalf("participant %d: Info().Turn = %d, want %d", i+1, info.Turn, i+1)
		}
		var err error
		switch p.do {
		case "decline":
			err = h.eng.Decline(h.ctx)
		default:
			h.must("ShowConsent", h.eng.ShowConsent(h.ctx))
			c := allAgreed()
			switch p.do {
			case "agree+":
				c.Choices[followUp] = true
			case "refuse":
				c = refused()
			}
			c.Signature = []byte(p.sig)
			_, err = h.eng.GiveConsent(h.ctx, c)
		}
		h.must("participant "+p.do, err)
		if got := h.eng.State(); got != p.wantNext {
			h.t.Fatalf("after participant %d (%s): State() = %q, want %q", i+1, p.do, got, p.wantNext)
		}
	}
}

func TestGroupSession(t *testing.T) {
	tests := []struct {
		name     string
		turns    []turn
		state    session.State
		people   int
		declines int
		followUp bool
		sigs     string
	}{
		{"one-to-one", []turn{{"agree+", "S1", session.StateQuestions}}, session.StateQuestions, 1, 0, true, "S1"},
		{"three agree", []turn{
			{"agree+", "S1", session.StatePreamble},
			{"agree+", "", session.StatePreamble},
			{"agree+", "S3", session.StateQuestions},
		}, session.StateQuestions, 3, 0, true, "S1\nS3"},
		{"the second declines, the group goes on", []turn{
			{"agree+", "", session.StatePreamble},
			{"decline", "", session.StatePreamble},
			{"agree", "", session.StateQuestions},
		}, session.StateQuestions, 2, 1, false, ""},
		{"the last refuses, the others go on", []turn{
			{"agree+", "", session.StatePreamble},
			{"agree+", "", session.StatePreamble},
			{"refuse", "", session.StateQuestions},
		}, session.StateQuestions, 2, 1, true, ""},
		{"nobody takes part", []turn{
			{"refuse", "", session.StatePreamble},
			{"decline", "", session.StateDeclined},
		}, session.StateDeclined, 0, 2, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.startGroup(len(tt.turns))
			if info, _ := h.eng.Info(); info.Participants != len(tt.turns) || info.TookPart != 0 {
				t.Fatalf("Info() before consent = %+v, want %d participants, none took part yet", info, len(tt.turns))
			}
			// Nothing is stored while participants read and consent in turn.
			h.play(tt.turns[:len(tt.turns)-1], 0)
			if snap := h.store.Snapshot(); len(snap.Sessions) != 0 {
				t.Fatalf("store before the last participant = %+v, want nothing", snap.Sessions)
			}
			h.play(tt.turns[len(tt.turns)-1:], len(tt.turns)-1)
			if n := h.store.Declines("eng-1"); n != tt.declines {
				t.Errorf("Declines = %d, want %d", n, tt.declines)
			}
			if tt.state == session.StateDeclined {
				if snap := h.store.Snapshot(); len(snap.Sessions)+len(snap.Consents) != 0 {
					t.Errorf("store after nobody took part = %+v, want nothing but the count", snap)
				}
				return
			}
			info, _ := h.eng.Info()
			if info.TookPart != tt.people {
				t.Errorf("Info().TookPart = %d, want %d", info.TookPart, tt.people)
			}
			c, _ := h.eng.ConsentGiven()
			if c.Choices[followUp] != tt.followUp || !c.Choices[protocol.ConsentTakePart] || !c.Choices[protocol.ConsentNotes] {
				t.Errorf("ConsentGiven().Choices = %v, want required agreed and follow-up %v", c.Choices, tt.followUp)
			}
			if string(c.Signature) != tt.sigs {
				t.Errorf("ConsentGiven().Signature = %q, want %q", c.Signature, tt.sigs)
			}
			// The count is sealed in the stored session, and read back by its interviewer.
			rec, err := h.store.Session(h.ctx, h.id)
			h.must("Session", err)
			if len(rec.SealedParticipants) == 0 || bytes.Equal(rec.SealedParticipants, []byte{byte('0' + tt.people)}) {
				t.Errorf("SealedParticipants = %q, want a sealed count", rec.SealedParticipants)
			}
			h.must("ShowClosing", h.eng.ShowClosing(h.ctx))
			h.must("StartWriteUp", h.eng.StartWriteUp(h.ctx))
			h.must("Seal", h.eng.Seal(h.ctx))
			r, err := h.newEngine().Read(h.ctx, h.id, h.reopenKey())
			h.must("Read", err)
			if r.People != tt.people {
				t.Errorf("Read().People = %d, want %d", r.People, tt.people)
			}
		})
	}
}

func TestGroupSetup(t *testing.T) {
	tests := []struct {
		name  string
		pack  string
		n     int
		want  int
		error bool
	}{
		{"default", "ai-360", 0, 1, false},
		{"five", "ai-360", 5, 5, false},
		{"most", "ai-360", session.MaxParticipants, session.MaxParticipants, false},
		{"too many", "ai-360", session.MaxParticipants + 1, 0, true},
		{"negative", "ai-360", -1, 0, true},
		{"panel group", "panel-b6", 2, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			s := h.setup()
			s.Pack, s.Participants = h.packs[tt.pack], tt.n
			if tt.pack == "panel-b6" {
				s.Label = "C12"
			}
			err := h.eng.Start(h.ctx, s, h.keys)
			if tt.error {
				if !errors.Is(err, session.ErrInvalidSetup) {
					t.Errorf("Start(%d participants) = %v, want ErrInvalidSetup", tt.n, err)
				}
				return
			}
			h.must("Start", err)
			if info, _ := h.eng.Info(); info.Participants != tt.want || info.Turn != 1 {
				t.Errorf("Info() = %d participants, turn %d; want %d, turn 1", info.Participants, info.Turn, tt.want)
			}
		})
	}
}

// TestOldSessionCountsOne reads a session stored before the count of participants was kept:
// it was a one-to-one.
func TestOldSessionCountsOne(t *testing.T) {
	h := newHarness(t)
	h.driveTo(session.StateSealed)
	rec, err := h.store.Session(h.ctx, h.id)
	h.must("Session", err)
	rec.SealedParticipants = nil
	h.must("UpdateSession", h.store.UpdateSession(h.ctx, rec))
	r, err := h.newEngine().Read(h.ctx, h.id, h.reopenKey())
	h.must("Read", err)
	if r.People != 1 {
		t.Errorf("Read().People = %d, want 1", r.People)
	}
}

func (h *harness) reopenKey() session.SessionKey {
	h.t.Helper()
	key, err := h.keys.Open(h.id)
	h.must("Keys.Open", err)
	return key
}
