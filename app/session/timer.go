package session

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"quietroom/app/protocol"
)

// TimerStatus is the session timer as the UI shows it.
type TimerStatus struct {
	Started bool // the questions have begun (the timer starts with them)
	Running bool // counting now; false while paused, before the questions and after the closing
	Paused  bool // stopped by Pause during the questions or closing

	Planned   time.Duration
	Elapsed   time.Duration
	Remaining time.Duration // zero once over
	Overtime  time.Duration // how far past Planned; zero until then

	// Warning is the last warning passed, in minutes left (10, then 5); zero before the first.
	Warning int
	// Alert is true on the first Tick that reports a new Warning: show the hint to prioritise.
	Alert bool
	// EndingSoon is true once the last (smallest) warning has passed.
	EndingSoon bool
	// Over is true once the planned duration is used up.
	Over bool

	// Keep and Drop suggest, once a warning has passed, which remaining topics to keep and which
	// to let go, by priority; both in asking order. See SuggestTopics.
	Keep []string
	Drop []string

	// Next is how long until this status next changes of itself while the timer runs: its next
	// whole minute, a warning, the end of the planned time, or a second in the last minute
	// (where the screen counts seconds). Zero when it is not running: then nothing changes
	// until someone acts. The screen sleeps this long rather than waking every second.
	Next time.Duration
}

// Pause stops the timer during the questions or the closing. Pausing a paused timer changes
// nothing.
func (e *Engine) Pause(ctx context.Context) error {
	return e.changeTimer(ctx, "pause timer", func(t TimerState, now time.Time) TimerState { return stopTimer(t, now) })
}

// Resume starts the timer again after Pause. Resuming a running timer changes nothing.
func (e *Engine) Resume(ctx context.Context) error {
	return e.changeTimer(ctx, "resume timer", startTimer)
}

func (e *Engine) changeTimer(ctx context.Context, what string, change func(TimerState, time.Time) TimerState) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.s == nil {
		return fmt.Errorf("%s: %w", what, ErrNoSession)
	}
	if !e.s.rec.State.timed() {
		return fmt.Errorf("%s in %s: %w", what, e.s.rec.State, ErrWrongState)
	}
	now := e.clock.Now()
	next := cloneRecord(e.s.rec)
	next.Timer = change(next.Timer, now)
	if next.Timer == e.s.rec.Timer {
		return nil
	}
	if err := e.save(ctx, next, now); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	e.showRoom(now)
	return nil
}

// startTimer sets the timer running from now (it is a no-op when running). The monotonic clock
// reading is dropped so the timer counts the same before and after the state is stored.
func startTimer(t TimerState, now time.Time) TimerState {
	if t.RunningSince.IsZero() {
		t.RunningSince = now.Round(0)
	}
	return t
}

// stopTimer folds the running time into Elapsed (it is a no-op when stopped).
func stopTimer(t TimerState, now time.Time) TimerState {
	t.Elapsed = elapsed(t, now)
	t.RunningSince = time.Time{}
	return t
}

// elapsed counts time while running by wall clock since RunningSince: time the kiosk was down
// while the session ran counts too (the interview goes on in the room). A clock that went
// backwards adds nothing rather than taking time away.
func elapsed(t TimerState, now time.Time) time.Duration {
	d := t.Elapsed
	if !t.RunningSince.IsZero() {
		if run := now.Round(0).Sub(t.RunningSince); run > 0 {
			d += run
		}
	}
	return d
}

// warnings returns the pack's warning minutes, largest first, or the defaults.
func warnings(p *protocol.Pack) []int {
	var w []int
	if p != nil {
		for _, m := range p.WarningMinutes {
			if m > 0 && !slices.Contains(w, m) {
				w = append(w, m)
			}
		}
	}
	if len(w) == 0 {
		w = slices.Clone(protocol.DefaultWarningMinutes)
	}
	slices.Sort(w)
	slices.Reverse(w)
	return w
}

// timerStatus computes the timer at now. The timer only exists from the questions on.
func (e *Engine) timerStatus(now time.Time) TimerStatus {
	r := e.s.rec
	ts := TimerStatus{Planned: r.Timer.Planned}
	switch r.State {
	case StateSetup, StatePreamble, StateConsent, StateDeclined, StateWithdrawn:
		ts.Remaining = ts.Planned
		return ts
	}
	ts.Started = true
	ts.Running = !r.Timer.RunningSince.IsZero()
	ts.Paused = r.State.timed() && !ts.Running
	ts.Elapsed = elapsed(r.Timer, now)
	if ts.Elapsed >= ts.Planned {
		ts.Over = true
		ts.Overtime = ts.Elapsed - ts.Planned
	} else {
		ts.Remaining = ts.Planned - ts.Elapsed
	}
	if !r.State.timed() {
		if ts.Running {
			ts.Next = nextChange(ts, nil)
		}
		return ts
	}
	w := warnings(e.s.pack)
	for _, m := range w {
		if ts.Remaining <= time.Duration(m)*time.Minute {
			ts.Warning = m
		}
	}
	ts.EndingSoon = ts.Remaining <= time.Duration(w[len(w)-1])*time.Minute
	if ts.Running {
		ts.Next = nextChange(ts, w)
	}
	// A panel asks every question of every candidate: no hint to drop any.
	if ts.Warning != 0 && r.State == StateQuestions && e.s.pack.Kind != protocol.KindPanel {
		ts.Keep, ts.Drop = SuggestTopics(e.s.topics, r.Progress, ts.Remaining, ts.Planned)
	}
	return ts
}

// nextChange is TimerStatus.Next of a running timer with the warnings w (in minutes left).
func nextChange(ts TimerStatus, w []int) time.Duration {
	next := time.Minute - ts.Elapsed%time.Minute
	if !ts.Over && ts.Remaining <= time.Minute {
		next = time.Second - ts.Elapsed%time.Second
	}
	at := []time.Duration{ts.Planned}
	for _, m := range w {
		at = append(at, ts.Planned-time.Duration(m)*time.Minute)
	}
	for _, a := range at {
		if d := a - ts.Elapsed; d > 0 && d < next {
			next = d
		}
	}
	return next
}

// SuggestTopics suggests which of the remaining topics (neither done nor skipped) to keep when
// time is short, and which to drop. The heuristic:
//
//   - each topic is worth the pace the plan assumed: the planned duration divided by the number of
//     topics chosen;
//   - as many remaining topics fit as whole such slots fit in the remaining time;
//   - the current topic, if remaining, is always kept (it is under way) and takes one slot;
//   - the other slots go to the remaining topics with the best priority (1 first; a topic with no
//     priority, 0, comes last), ties broken by asking order.
//
// Both lists are in asking order.
func SuggestTopics(topics []protocol.Topic, p Progress, remaining, planned time.Duration) (keep, drop []string) {
	if len(topics) == 0 {
		return nil, nil
	}
	slot := planned / time.Duration(len(topics))
	fit := len(topics)
	if slot > 0 {
		fit = int(remaining / slot)
	}
	var pending []int
	for i, t := range topics {
		if p.Status[t.ID] == "" {
			pending = append(pending, i)
		}
	}
	kept := map[int]bool{}
	if slices.Contains(pending, p.Current) {
		kept[p.Current] = true
		fit = max(fit, 1)
	}
	rank := func(t protocol.Topic) int {
		if t.Priority <= 0 {
			return int(^uint(0) >> 1)
		}
		return t.Priority
	}
	byPriority := slices.Clone(pending)
	slices.SortStableFunc(byPriority, func(a, b int) int { return cmp.Compare(rank(topics[a]), rank(topics[b])) })
	for _, i := range byPriority {
		if len(kept) >= fit {
			break
		}
		kept[i] = true
	}
	for _, i := range pending {
		if kept[i] {
			keep = append(keep, topics[i].ID)
		} else {
			drop = append(drop, topics[i].ID)
		}
	}
	return keep, drop
}
