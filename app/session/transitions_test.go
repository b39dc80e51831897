package session_test

import (
	"errors"
	"slices"
	"testing"

	"quietroom/app/session"
)

// move is one way of changing a session's state, and the states it is allowed from ("" is no
// session at all).
type move struct {
	name string
	to   session.State
	from []session.State
	do   func(h *harness) error
}

var moves = []move{
	{"Start", session.StateSetup, []session.State{"", session.StateSealed, session.StateDeclined, session.StateWithdrawn},
		func(h *harness) error { return h.eng.Start(h.ctx, h.setup(), h.keys) }},
	{"ShowPreamble", session.StatePreamble, []session.State{session.StateSetup, session.StateConsent},
		func(h *harness) error { return h.eng.ShowPreamble(h.ctx) }},
	{"ShowConsent", session.StateConsent, []session.State{session.StatePreamble},
		func(h *harness) error { return h.eng.ShowConsent(h.ctx) }},
	{"GiveConsent(agreed)", session.StateQuestions, []session.State{session.StateConsent},
		func(h *harness) error { _, err := h.eng.GiveConsent(h.ctx, allAgreed()); return err }},
	{"GiveConsent(refused)", session.StateDeclined, []session.State{session.StateConsent},
		func(h *harness) error { _, err := h.eng.GiveConsent(h.ctx, refused()); return err }},
	{"Decline", session.StateDeclined, []session.State{session.StatePreamble, session.StateConsent},
		func(h *harness) error { return h.eng.Decline(h.ctx) }},
	{"ShowClosing", session.StateClosing, []session.State{session.StateQuestions},
		func(h *harness) error { return h.eng.ShowClosing(h.ctx) }},
	{"ShowQuestions", session.StateQuestions, []session.State{session.StateClosing},
		func(h *harness) error { return h.eng.ShowQuestions(h.ctx) }},
	{"StartWriteUp", session.StateWriteUp, []session.State{session.StateClosing},
		func(h *harness) error { return h.eng.StartWriteUp(h.ctx) }},
	{"Seal", session.StateSealed, []session.State{session.StateWriteUp},
		func(h *harness) error { return h.eng.Seal(h.ctx) }},
	{"Withdraw", session.StateWithdrawn, []session.State{session.StateSetup, session.StatePreamble, session.StateConsent,
		session.StateQuestions, session.StateClosing, session.StateWriteUp},
		func(h *harness) error { return h.eng.Withdraw(h.ctx) }},
	{"Reopen", session.StateWriteUp, []session.State{session.StateSealed}, reopenOwn},
}

// reopenOwn reopens the harness's own session with a key from the fake vault.
func reopenOwn(h *harness) error {
	id := h.id
	if id == "" {
		id = "missing"
	}
	key, err := h.keys.Open(id)
	if err != nil {
		return h.eng.Reopen(h.ctx, id, nil)
	}
	return h.eng.Reopen(h.ctx, id, key)
}

func TestMoves(t *testing.T) {
	froms := append([]session.State{""}, session.States...)
	for _, m := range moves {
		for _, from := range froms {
			legal := slices.Contains(m.from, from)
			t.Run(m.name+"/from="+string(from), func(t *testing.T) {
				h := newHarness(t)
				h.driveTo(from)
				before := h.observe()
				err := m.do(h)
				if legal {
					if err != nil {
						t.Fatalf("%s from %q = %v, want nil", m.name, from, err)
					}
					if got := h.eng.State(); got != m.to {
						t.Errorf("State() after %s from %q = %q, want %q", m.name, from, got, m.to)
					}
					return
				}
				if err == nil {
					t.Fatalf("%s from %q = nil, want an error", m.name, from)
				}
				if !isAny(err, session.ErrIllegalMove, session.ErrNoSession, session.ErrSessionLive, session.ErrNotFound) {
					t.Errorf("%s from %q = %v, want ErrIllegalMove, ErrNoSession, ErrSessionLive or ErrNotFound", m.name, from, err)
				}
				if c := changes(before, h.observe()); len(c) > 0 {
					t.Errorf("%s from %q changed %v", m.name, from, c)
				}
			})
		}
	}
}

// TestCanMove checks that CanMove is exactly the union of the moves the methods allow (Start
// begins a new session rather than moving one, so it is not a move).
func TestCanMove(t *testing.T) {
	for _, from := range session.States {
		for _, to := range session.States {
			want := false
			for _, m := range moves {
				if m.name != "Start" && m.to == to && slices.Contains(m.from, from) {
					want = true
				}
			}
			if got := session.CanMove(from, to); got != want {
				t.Errorf("CanMove(%q, %q) = %v, want %v", from, to, got, want)
			}
		}
	}
}

func TestFinal(t *testing.T) {
	for _, s := range session.States {
		want := s == session.StateSealed || s == session.StateDeclined || s == session.StateWithdrawn
		if got := s.Final(); got != want {
			t.Errorf("%q.Final() = %v, want %v", s, got, want)
		}
	}
}

var errDisk = errors.New("disk full")

// TestFailedWriteChangesNothing makes each store or eraser call a step depends on fail, and
// checks the step changes nothing and works when tried again.
func TestFailedWriteChangesNothing(t *testing.T) {
	tests := []struct {
		name   string
		from   session.State
		fail   string // store method, or "Eraser"
		do     func(h *harness) error
		wantTo session.State
		undone bool // the half-made session was removed through the eraser
	}{
		{"GiveConsent/CreateSession", session.StateConsent, "CreateSession",
			func(h *harness) error { _, err := h.eng.GiveConsent(h.ctx, allAgreed()); return err }, session.StateQuestions, false},
		{"GiveConsent/PutConsent", session.StateConsent, "PutConsent",
			func(h *harness) error { _, err := h.eng.GiveConsent(h.ctx, allAgreed()); return err }, session.StateQuestions, true},
		{"GiveConsent/UpdateSession", session.StateConsent, "UpdateSession",
			func(h *harness) error { _, err := h.eng.GiveConsent(h.ctx, allAgreed()); return err }, session.StateQuestions, true},
		{"GiveConsent(refused)/CountDecline", session.StateConsent, "CountDecline",
			func(h *harness) error { _, err := h.eng.GiveConsent(h.ctx, refused()); return err }, session.StateDeclined, false},
		{"Decline/CountDecline", session.StatePreamble, "CountDecline",
			func(h *harness) error { return h.eng.Decline(h.ctx) }, session.StateDeclined, false},
		{"ShowClosing", session.StateQuestions, "UpdateSession",
			func(h *harness) error { return h.eng.ShowClosing(h.ctx) }, session.StateClosing, false},
		{"StartWriteUp", session.StateClosing, "UpdateSession",
			func(h *harness) error { return h.eng.StartWriteUp(h.ctx) }, session.StateWriteUp, false},
		{"Seal", session.StateWriteUp, "UpdateSession",
			func(h *harness) error { return h.eng.Seal(h.ctx) }, session.StateSealed, false},
		{"Withdraw", session.StateClosing, "Eraser",
			func(h *harness) error { return h.eng.Withdraw(h.ctx) }, session.StateWithdrawn, false},
		{"Reopen/Session", session.StateSealed, "Session", reopenOwn, session.StateWriteUp, false},
		{"Reopen/Entries", session.StateSealed, "Entries", reopenOwn, session.StateWriteUp, false},
		{"Reopen/UpdateSession", session.StateSealed, "UpdateSession", reopenOwn, session.StateWriteUp, false},
		{"SetNote", session.StateQuestions, "PutEntry",
			func(h *harness) error { return h.eng.SetNote(h.ctx, "t1", "changed") }, session.StateQuestions, false},
		{"Next", session.StateQuestions, "UpdateSession",
			func(h *harness) error { return h.eng.Next(h.ctx) }, session.StateQuestions, false},
		{"Pause", session.StateQuestions, "UpdateSession",
			func(h *harness) error { return h.eng.Pause(h.ctx) }, session.StateQuestions, false},
		{"UpdateConsent", session.StateClosing, "PutConsent",
			func(h *harness) error { return h.eng.UpdateConsent(h.ctx, followUp, true) }, session.StateClosing, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.driveTo(tt.from)
			before := h.observe()
			if tt.fail == "Eraser" {
				h.eraser.FailNext(errDisk)
			} else {
				h.store.FailNext(tt.fail, errDisk)
			}
			if err := tt.do(h); !errors.Is(err, errDisk) {
				t.Fatalf("%s with %s failing = %v, want %v", tt.name, tt.fail, err, errDisk)
			}
			after := h.observe()
			if tt.undone {
				if want := []string{h.id}; !slices.Equal(after.Erased, want) {
					t.Errorf("Erased after %s with %s failing = %v, want %v", tt.name, tt.fail, after.Erased, want)
				}
				after.Erased = before.Erased
			}
			if c := changes(before, after); len(c) > 0 {
				t.Errorf("%s with %s failing changed %v", tt.name, tt.fail, c)
			}
			if err := tt.do(h); err != nil {
				t.Fatalf("%s tried again = %v, want nil", tt.name, err)
			}
			if got := h.eng.State(); got != tt.wantTo {
				t.Errorf("State() after %s tried again = %q, want %q", tt.name, got, tt.wantTo)
			}
		})
	}
}
