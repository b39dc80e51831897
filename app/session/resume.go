package session

import "time"

// What a session saves to resume after a restart. Progress and TimerState are persisted by the
// Store as opaque JSON (encoding/json over their exported fields); they hold no content. The
// engine owns their fields and may add to them.

// Progress is how far through its topics a session is.
type Progress struct {
	Current int               // index into Record.TopicIDs
	Status  map[string]string // topic id → "done" | "skipped"; absent means remaining
}

// TimerState is the session timer as saved, enough to resume it after a restart.
type TimerState struct {
	Planned      time.Duration // the session's duration
	Elapsed      time.Duration // time counted up to RunningSince (or in total when paused)
	RunningSince time.Time     // zero while paused or not started
}
