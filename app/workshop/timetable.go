package workshop

import (
	"fmt"
	"time"
)

// Part is one of the workshop's parts a step belongs to.
type Part int

const (
	PartReflect  Part = 1 // Reflecting on the key insights
	PartIdeas    Part = 2 // Idea generation
	PartFeedback Part = 3 // Feedback
)

// String is the part's heading.
func (p Part) String() string {
	switch p {
	case PartReflect:
		return "Reflecting on the key insights"
	case PartIdeas:
		return "Idea generation"
	case PartFeedback:
		return "Feedback"
	}
	return "Break"
}

// Step is one line of the facilitator's timetable: what happens, in the handbook's words,
// the part it belongs to (0 for the tea break and the objectives) and its minutes.
type Step struct {
	Title   string `json:"title"`
	Part    Part   `json:"part"`
	Minutes int    `json:"minutes"`
}

// Timetable is the facilitator's timetable: its steps from Start, and the step running with
// when it started.
type Timetable struct {
	// Start is the time of day the workshop starts, in minutes after midnight (14.15: 855).
	Start   int    `json:"start"`
	Steps   []Step `json:"steps"`
	Running int    `json:"running"` // index of the step running, -1 for none
	// StartedAt is when the running step started.
	StartedAt time.Time `json:"started_at,omitempty"`
}

// Handbook is the handbook's day-2 timetable of the workshop, from 14.15 to the finish at
// 16.30, in its words.
func Handbook() Timetable {
	return Timetable{Start: 14*60 + 15, Running: -1, Steps: []Step{
		{Title: "Objectives of the workshop", Minutes: 5},
		{Title: "Reflecting on the key insights", Part: PartReflect, Minutes: 20},
		{Title: "Feedback from each group in turn on the response to the insights and the goals", Part: PartReflect, Minutes: 20},
		{Title: "Tea", Minutes: 15},
		{Title: "Idea generation", Part: PartIdeas, Minutes: 30},
		{Title: "Groups are asked to discuss their ideas and choose the three actions /solutions that they think will have the highest impact and are possible to implement", Part: PartIdeas, Minutes: 10},
		{Title: "Each group feeds back their three best ideas for change", Part: PartFeedback, Minutes: 20},
		{Title: "The host director reflects on the peer challenge and identifies the next steps the authority will take to respond to the ideas. The Visiting DCS asks the whole group: What went well? Even better if", Part: PartFeedback, Minutes: 15},
	}}
}

// At is the time of day step i starts, as the timetable shows it ("14.15"); i = len(Steps)
// is the finish.
func (t Timetable) At(i int) string {
	m := t.Start
	for j := 0; j < i && j < len(t.Steps); j++ {
		m += t.Steps[j].Minutes
	}
	return fmt.Sprintf("%d.%02d", (m/60)%24, m%60)
}

// SetMinutes changes step i's minutes (1 to MaxMinutes); the steps after it move.
func (t *Timetable) SetMinutes(i, minutes int) error {
	if i < 0 || i >= len(t.Steps) {
		return fmt.Errorf("%w: timetable step %d: no such step", ErrInvalid, i+1)
	}
	if minutes < 1 || minutes > MaxMinutes {
		return fmt.Errorf("%w: minutes of %q: choose between 1 and %d", ErrInvalid, t.Steps[i].Title, MaxMinutes)
	}
	t.Steps[i].Minutes = minutes
	return nil
}

// StartStep starts step i now (the facilitator moves on); -1 stops the clock.
func (t *Timetable) StartStep(i int, now time.Time) error {
	if i < -1 || i >= len(t.Steps) {
		return fmt.Errorf("%w: timetable step %d: no such step", ErrInvalid, i+1)
	}
	t.Running = i
	t.StartedAt = now.UTC()
	if i < 0 {
		t.StartedAt = time.Time{}
	}
	return nil
}

// Left is the time left for the running step at now (negative once it has overrun); ok is
// false when no step runs.
func (t Timetable) Left(now time.Time) (step int, left time.Duration, ok bool) {
	if t.Running < 0 || t.Running >= len(t.Steps) {
		return -1, 0, false
	}
	end := t.StartedAt.Add(time.Duration(t.Steps[t.Running].Minutes) * time.Minute)
	return t.Running, end.Sub(now).Truncate(time.Second), true
}

func (t Timetable) check() error {
	if len(t.Steps) == 0 || len(t.Steps) > 20 || t.Start < 0 || t.Start >= 24*60 || t.Running < -1 || t.Running >= len(t.Steps) {
		return fmt.Errorf("%w: the timetable is out of bounds", ErrInvalid)
	}
	for i, s := range t.Steps {
		if s.Minutes < 1 || s.Minutes > MaxMinutes || len(s.Title) > MaxLong || s.Part < 0 || s.Part > PartFeedback {
			return fmt.Errorf("%w: timetable step %d is out of bounds", ErrInvalid, i+1)
		}
	}
	return nil
}
