package ui

import (
	"os"
	"testing"
)

// TestMain lets the screens' frame report what each screen needs, so that the fit tests see a
// screen that would not fit (the real window's frame keeps the window at the screen's size).
func TestMain(m *testing.M) {
	framesReportNeeds = true
	os.Exit(m.Run())
}

// walksEveryPack skips, under -short, a test that walks every screen of every pack (minutes
// under the race detector), for a quick run of the rest. make test runs them without the race
// detector (see the Makefile).
func walksEveryPack(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("walks every pack: runs in make test's step without the race detector")
	}
}
