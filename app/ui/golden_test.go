package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// The goldens and the texts the tests look for show local times: pin them to UTC so the tests
// do not depend on the machine's time zone.
func init() { time.Local = time.UTC }

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
	h.env.Clock.Advance(21 * time.Minute) // 9 minutes left: the first warning
	h.u.Tick()
	test.AssertRendersToImage(t, "questions-warning-800x480.png", h.w.Canvas())
}

// TestGoldenWipeReceipt keeps the receipt an admin sees after wiping an engagement.
func TestGoldenWipeReceipt(t *testing.T) {
	h := newHarness(t)
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.tap("Wipe an engagement")
	h.tap(h.d.EngagementTitle)
	h.tap("Yes, wipe it")
	h.tap("Wipe now")
	h.wantScreen("receipt")
	test.AssertRendersToImage(t, "wipe-receipt-800x480.png", h.w.Canvas())
}
