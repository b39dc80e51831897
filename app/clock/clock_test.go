package clock_test

import (
	"testing"
	"time"

	"quietroom/app/clock"
	"quietroom/app/clock/clocktest"
)

// The system clock keeps the same contract as the fake the tests run on. It waits for real
// time, a few tenths of a second in all.
func TestSystemContract(t *testing.T) {
	clocktest.TestClock(t, func(t *testing.T) clocktest.Harness {
		return clocktest.Harness{Clock: clock.System(), Pass: time.Sleep}
	})
}
