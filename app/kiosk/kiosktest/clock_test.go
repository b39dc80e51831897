package kiosktest_test

import (
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/hw"
)

// Every fake of the kit runs on e.Clock, and it keeps the clock's contract: a call scheduled on
// it fires when it is advanced. (The light once ran on an adapter whose AfterFunc never fired.)
func TestEnvClockKeepsTheContract(t *testing.T) {
	clocktest.TestClock(t, func(t *testing.T) clocktest.Harness {
		e := kiosktest.New(t)
		return clocktest.Harness{Clock: e.Clock, Pass: e.Clock.Advance, Synchronous: true}
	})
}

// The kit's light blinks as the kit's clock advances: overtime on a two-colour light is red,
// slowly blinking (1 s on, 1 s off).
func TestEnvLightBlinksOnTheEnvClock(t *testing.T) {
	e := kiosktest.New(t)
	if err := e.Light.Show(hw.Overtime); err != nil {
		t.Fatal(err)
	}
	for i, want := range []hw.Colour{hw.Red, hw.Off, hw.Red, hw.Off} {
		if got := e.Light.Light(); got != want {
			t.Errorf("Light() after %ds = %v, want %v", i, got, want)
		}
		e.Clock.Advance(time.Second)
	}
}
