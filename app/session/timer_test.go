package session_test

import (
	"slices"
	"testing"
	"time"

	"quietroom/app/protocol"
	"quietroom/app/session"
)

func TestTimer(t *testing.T) {
	h := newHarness(t)
	h.driveTo(session.StateQuestions) // consent at t0, then one minute of notes
	type want struct {
		elapsed, remaining, overtime time.Duration
		warning                      int
		alert, endingSoon, over      bool
		paused                       bool
		room                         session.RoomState
	}
	steps := []struct {
		name string
		do   func()
		want want
	}{
		{"one minute in", func() {}, want{elapsed: time.Minute, remaining: 29 * time.Minute, room: session.RoomOccupied}},
		{"just before the first warning", func() { h.clock.Advance(19*time.Minute - time.Second) },
			want{elapsed: 20*time.Minute - time.Second, remaining: 10*time.Minute + time.Second, room: session.RoomOccupied}},
		{"first warning", func() { h.clock.Advance(time.Second) },
			want{elapsed: 20 * time.Minute, remaining: 10 * time.Minute, warning: 10, alert: true, room: session.RoomOccupied}},
		{"first warning again", func() { h.clock.Advance(time.Second) },
			want{elapsed: 20*time.Minute + time.Second, remaining: 10*time.Minute - time.Second, warning: 10, room: session.RoomOccupied}},
		{"last warning", func() { h.clock.Advance(5*time.Minute - time.Second) },
			want{elapsed: 25 * time.Minute, remaining: 5 * time.Minute, warning: 5, alert: true, endingSoon: true, room: session.RoomEndingSoon}},
		{"paused", func() {
			h.clock.Advance(time.Minute)
			h.must("Pause", h.eng.Pause(h.ctx))
			h.must("Pause again", h.eng.Pause(h.ctx))
			h.clock.Advance(10 * time.Minute)
		}, want{elapsed: 26 * time.Minute, remaining: 4 * time.Minute, warning: 5, endingSoon: true, paused: true, room: session.RoomEndingSoon}},
		{"resumed until time is up", func() {
			h.must("Resume", h.eng.Resume(h.ctx))
			h.must("Resume again", h.eng.Resume(h.ctx))
			h.clock.Advance(4 * time.Minute)
		}, want{elapsed: 30 * time.Minute, warning: 5, endingSoon: true, over: true, room: session.RoomOvertime}},
		{"overtime", func() { h.clock.Advance(2 * time.Minute) },
			want{elapsed: 32 * time.Minute, overtime: 2 * time.Minute, warning: 5, endingSoon: true, over: true, room: session.RoomOvertime}},
		{"closing still counts", func() {
			h.must("ShowClosing", h.eng.ShowClosing(h.ctx))
			h.clock.Advance(time.Minute)
		}, want{elapsed: 33 * time.Minute, overtime: 3 * time.Minute, warning: 5, endingSoon: true, over: true, room: session.RoomOvertime}},
	}
	for _, s := range steps {
		s.do()
		st := h.eng.Tick()
		got := want{
			elapsed: st.Timer.Elapsed, remaining: st.Timer.Remaining, overtime: st.Timer.Overtime,
			warning: st.Timer.Warning, alert: st.Timer.Alert, endingSoon: st.Timer.EndingSoon, over: st.Timer.Over,
			paused: st.Timer.Paused, room: st.Room,
		}
		if got != s.want {
			t.Errorf("%s: Tick() = %+v, want %+v", s.name, got, s.want)
		}
		if st.Timer.Running == s.want.paused || !st.Timer.Started {
			t.Errorf("%s: Tick() running=%v started=%v, want running=%v started=true", s.name, st.Timer.Running, st.Timer.Started, !s.want.paused)
		}
		if st.Timer.Warning != 0 && len(st.Timer.Keep) == 0 && h.eng.State() == session.StateQuestions {
			t.Errorf("%s: Tick().Timer.Keep is empty once a warning has passed", s.name)
		}
	}
	h.must("StartWriteUp", h.eng.StartWriteUp(h.ctx))
	h.clock.Advance(time.Hour)
	if st := h.eng.Tick(); st.Timer.Running || st.Timer.Elapsed != 33*time.Minute || st.Room != session.RoomOccupied {
		t.Errorf("write-up: Tick() = running %v elapsed %v room %v, want stopped at 33m, occupied", st.Timer.Running, st.Timer.Elapsed, st.Room)
	}
	h.must("Seal", h.eng.Seal(h.ctx))
	if st := h.eng.Tick(); st.Room != session.RoomFree {
		t.Errorf("sealed: Tick().Room = %v, want free", st.Room)
	}
	wantShown := []session.RoomState{session.RoomOccupied, session.RoomEndingSoon, session.RoomOvertime, session.RoomOccupied, session.RoomFree}
	if got := h.ind.States(); !slices.Equal(got, wantShown) {
		t.Errorf("indicator showed %v, want %v (each change once)", got, wantShown)
	}
}

func TestTimerSavedOnEveryChange(t *testing.T) {
	h := newHarness(t)
	h.driveTo(session.StateQuestions)
	stored := func() session.TimerState {
		t.Helper()
		r, err := h.store.Session(h.ctx, h.id)
		h.must("Session", err)
		return r.Timer
	}
	if got := stored(); !got.RunningSince.Equal(t0) || got.Planned != 30*time.Minute {
		t.Errorf("timer after consent = %+v, want running since %v, planned 30m", got, t0)
	}
	h.clock.Advance(4 * time.Minute)
	h.must("Pause", h.eng.Pause(h.ctx))
	if got := stored(); !got.RunningSince.IsZero() || got.Elapsed != 5*time.Minute {
		t.Errorf("timer after Pause = %+v, want paused at 5m", got)
	}
	h.clock.Advance(time.Minute)
	h.must("Resume", h.eng.Resume(h.ctx))
	if got := stored(); !got.RunningSince.Equal(h.clock.Now()) || got.Elapsed != 5*time.Minute {
		t.Errorf("timer after Resume = %+v, want 5m and running since now", got)
	}
}

// TestTimerAfterRestart checks the downtime rule: time the kiosk was down while the timer ran
// counts as elapsed; a paused timer stays paused; a clock gone backwards takes nothing away.
func TestTimerAfterRestart(t *testing.T) {
	tests := []struct {
		name     string
		before   func(h *harness)
		downtime func(h *harness)
		want     time.Duration
		running  bool
	}{
		{"running: downtime counts", func(h *harness) { h.clock.Advance(4 * time.Minute) },
			func(h *harness) { h.clock.Advance(7 * time.Minute) }, 12 * time.Minute, true},
		{"paused: stays paused", func(h *harness) {
			h.clock.Advance(4 * time.Minute)
			h.must("Pause", h.eng.Pause(h.ctx))
		}, func(h *harness) { h.clock.Advance(7 * time.Minute) }, 5 * time.Minute, false},
		{"clock went backwards", func(h *harness) {
			h.clock.Advance(2 * time.Minute)
			h.must("Pause", h.eng.Pause(h.ctx))
			h.must("Resume", h.eng.Resume(h.ctx))
			h.clock.Advance(2 * time.Minute)
		}, func(h *harness) { h.clock.Set(t0.Add(-time.Hour)) }, 3 * time.Minute, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.driveTo(session.StateQuestions)
			tt.before(h)
			h.eng = h.newEngine() // the kiosk restarts; the old engine and its key are gone
			tt.downtime(h)
			key, err := h.keys.Open(h.id)
			h.must("Keys.Open", err)
			h.must("Reopen", h.eng.Reopen(h.ctx, h.id, key))
			if st := h.eng.State(); st != session.StateQuestions {
				t.Errorf("State() after Reopen = %q, want questions", st)
			}
			st := h.eng.Tick()
			if st.Timer.Elapsed != tt.want || st.Timer.Running != tt.running {
				t.Errorf("Tick() after restart = elapsed %v running %v, want %v, %v", st.Timer.Elapsed, st.Timer.Running, tt.want, tt.running)
			}
			if st.Room != session.RoomOccupied {
				t.Errorf("Tick().Room after restart = %v, want occupied", st.Room)
			}
			if got := h.eng.Note("t1"); got == "" {
				t.Errorf("Note(t1) after restart is empty, want the note written before")
			}
		})
	}
}

func TestWarningMinutes(t *testing.T) {
	tests := []struct {
		name     string
		warnings []int
		at       time.Duration // remaining
		want     int
		ending   bool
	}{
		{"defaults before", nil, 10*time.Minute + time.Second, 0, false},
		{"defaults first", nil, 10 * time.Minute, 10, false},
		{"defaults last", nil, 5 * time.Minute, 5, true},
		{"unsorted", []int{3, 15, 8}, 9 * time.Minute, 15, false},
		{"unsorted middle", []int{3, 15, 8}, 8 * time.Minute, 8, false},
		{"unsorted last", []int{3, 15, 8}, 3 * time.Minute, 3, true},
		{"single", []int{2}, 2 * time.Minute, 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			p := testPack()
			p.WarningMinutes = tt.warnings
			h.packs[p.ID] = p
			h.driveTo(session.StateQuestions)
			h.clock.Set(t0.Add(30*time.Minute - tt.at))
			st := h.eng.Tick()
			if st.Timer.Warning != tt.want || st.Timer.EndingSoon != tt.ending {
				t.Errorf("Tick() with %v minutes at %v left = warning %d ending %v, want %d, %v",
					tt.warnings, tt.at, st.Timer.Warning, st.Timer.EndingSoon, tt.want, tt.ending)
			}
		})
	}
}

func TestSuggestTopics(t *testing.T) {
	topics := []protocol.Topic{{ID: "a", Priority: 1}, {ID: "b", Priority: 3}, {ID: "c", Priority: 2}, {ID: "d"}}
	planned := 40 * time.Minute // 10 minutes a topic
	tests := []struct {
		name      string
		current   int
		status    map[string]string
		remaining time.Duration
		keep      []string
		drop      []string
	}{
		{"all fit", 0, nil, 40 * time.Minute, []string{"a", "b", "c", "d"}, nil},
		{"two fit", 0, nil, 29 * time.Minute, []string{"a", "c"}, []string{"b", "d"}},
		{"current kept before priority", 1, map[string]string{"a": "done"}, 20 * time.Minute, []string{"b", "c"}, []string{"d"}},
		{"current kept when nothing fits", 1, map[string]string{"a": "done"}, 5 * time.Minute, []string{"b"}, []string{"c", "d"}},
		{"overtime", 3, nil, 0, []string{"d"}, []string{"a", "b", "c"}},
		{"current done", 2, map[string]string{"a": "done", "c": "done"}, 10 * time.Minute, []string{"b"}, []string{"d"}},
		{"skipped never suggested", 0, map[string]string{"a": "skipped", "c": "done"}, 10 * time.Minute, []string{"b"}, []string{"d"}},
		{"no priority last", 3, map[string]string{"d": "done"}, 20 * time.Minute, []string{"a", "c"}, []string{"b"}},
		{"nothing left", 3, map[string]string{"a": "done", "b": "done", "c": "skipped", "d": "done"}, 10 * time.Minute, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep, drop := session.SuggestTopics(topics, session.Progress{Current: tt.current, Status: tt.status}, tt.remaining, planned)
			if !slices.Equal(keep, tt.keep) || !slices.Equal(drop, tt.drop) {
				t.Errorf("SuggestTopics(%s) = keep %v drop %v, want keep %v drop %v", tt.name, keep, drop, tt.keep, tt.drop)
			}
		})
	}
	t.Run("ties in asking order", func(t *testing.T) {
		same := []protocol.Topic{{ID: "x", Priority: 2}, {ID: "y", Priority: 2}, {ID: "z", Priority: 2}}
		keep, drop := session.SuggestTopics(same, session.Progress{Current: 0, Status: map[string]string{"x": "done"}}, 10*time.Minute, 30*time.Minute)
		if !slices.Equal(keep, []string{"y"}) || !slices.Equal(drop, []string{"z"}) {
			t.Errorf("SuggestTopics(ties) = keep %v drop %v, want keep [y] drop [z]", keep, drop)
		}
	})
}

// TestTimerNextSleepsUntilAChange walks a session second by second and checks that what the
// timer shows (whole minutes elapsed and left, seconds left in the last minute, the warnings,
// overtime, the room) changes only when a screen sleeping Timer.Next from its last wake
// would wake, and that such a screen wakes about once a minute rather than every second.
func TestTimerNextSleepsUntilAChange(t *testing.T) {
	h := newHarness(t)
	h.driveTo(session.StateQuestions)
	type shown struct {
		elapsedMin, left      int64
		warning               int
		endingSoon, over      bool
		room                  session.RoomState
		leftInSeconds, paused bool
	}
	show := func(st session.Status) shown {
		tm := st.Timer
		s := shown{elapsedMin: int64(tm.Elapsed / time.Minute), warning: tm.Warning, endingSoon: tm.EndingSoon, over: tm.Over, room: st.Room, paused: tm.Paused}
		switch {
		case tm.Over:
			s.left = -int64(tm.Overtime / time.Minute)
		case tm.Remaining < time.Minute:
			s.left, s.leftInSeconds = int64(tm.Remaining/time.Second), true
		default:
			s.left = int64((tm.Remaining + time.Minute - 1) / time.Minute)
		}
		return s
	}
	st := h.eng.Tick()
	last, wakeAt, wakes := show(st), st.Timer.Next, 0
	for sec := time.Second; sec <= 40*time.Minute; sec += time.Second {
		h.clock.Advance(time.Second)
		if sec == 12*time.Minute+30*time.Second {
			h.must("Pause", h.eng.Pause(h.ctx)) // a pause and a resume off the minute
			wakeAt = sec                        // each by a tap, which wakes the screen
		}
		if sec == 13*time.Minute+10*time.Second {
			h.must("Resume", h.eng.Resume(h.ctx))
			wakeAt = sec
		}
		st = h.eng.Tick()
		now := show(st)
		if now != last && sec != wakeAt {
			t.Fatalf("at %v the timer changed from %+v to %+v, but a screen would sleep until %v", sec, last, now, wakeAt)
		}
		if sec == wakeAt || (st.Timer.Running && wakeAt < sec) {
			wakes++
			if st.Timer.Running && st.Timer.Next <= 0 {
				t.Fatalf("at %v the timer runs but Next = %v", sec, st.Timer.Next)
			}
			wakeAt = sec + st.Timer.Next
		}
		if st.Timer.Paused && st.Timer.Next != 0 {
			t.Fatalf("at %v the timer is paused but Next = %v, want 0", sec, st.Timer.Next)
		}
		last = now
	}
	// 40 minutes: about one wake a minute, sixty in the last minute, a few for the warnings.
	if wakes > 40+60+5 || wakes < 40 {
		t.Errorf("the screen woke %d times in 40 minutes, want about one a minute and each second of the last", wakes)
	}
}
