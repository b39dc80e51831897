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
