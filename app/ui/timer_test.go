package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
)

func TestMinutesText(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		left bool
		want string
	}{
		{0, false, "0 min"},
		{59 * time.Second, false, "0 min"},
		{12*time.Minute + 59*time.Second, false, "12 min"},
		{30 * time.Minute, true, "30 min"},
		{29*time.Minute + 1*time.Second, true, "30 min"},
		{61 * time.Second, true, "2 min"},
		{45 * time.Second, true, "45 s"},
		{0, true, "0 s"},
		{95 * time.Minute, false, "1 h 35 min"},
	} {
		if got := minutesText(tc.d, tc.left); got != tc.want {
			t.Errorf("minutesText(%v, left %v) = %q, want %q", tc.d, tc.left, got, tc.want)
		}
	}
}

// TestTimerRepaintsOncePerMinute: while nobody touches the live screen, the timer's label
// changes only when the minute it shows changes.
func TestTimerRepaintsOncePerMinute(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	h.wantScreen("questions")
	timerText := func() string {
		for _, o := range h.objects() {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "elapsed") {
				return l.Text
			}
		}
		return ""
	}
	label, changes := timerText(), 0
	for range 120 {
		h.env.Clock.Advance(time.Second)
		h.u.Tick()
		if got := timerText(); got != label {
			changes++
			label = got
		}
	}
	if changes != 2 {
		t.Errorf("the timer's text changed %d times in two minutes, want once a minute", changes)
	}
}
