package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestGoldenScreens keeps images of key screens at 800x480 under testdata/: a change to what
// people see shows up as a failing test with the new picture in testdata/failed/ to review.
func TestGoldenScreens(t *testing.T) {
	h := newHarness(t)
	test.AssertRendersToImage(t, "home-800x480.png", h.w.Canvas())
	h.toConsent()
	test.AssertRendersToImage(t, "consent-800x480.png", h.w.Canvas())
	h.consent()
	test.AssertRendersToImage(t, "hand-back-800x480.png", h.w.Canvas())
	h.pin(h.d.InterviewerPIN)
	test.AssertRendersToImage(t, "questions-800x480.png", h.w.Canvas())
}
