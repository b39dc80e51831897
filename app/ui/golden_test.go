package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The goldens and the texts the tests look for show local times: pin them to UTC so the tests
// do not depend on the machine's time zone.
func init() { time.Local = time.UTC }

// TestGoldenScreens keeps images of key screens at 800x480 and 1280x720 under testdata/: a
// change to what people see shows up as a failing test with the new picture in
// testdata/failed/ to review.
func TestGoldenScreens(t *testing.T) {
	for _, size := range screenSizes {
		t.Run(goldenSize(size), func(t *testing.T) {
			h := newHarness(t)
			h.w.Resize(size)
			h.u.showHome()
			golden := func(name string) {
				t.Helper()
				test.AssertRendersToImage(t, name+"-"+goldenSize(size)+".png", h.w.Canvas())
			}
			golden("home")
			h.toConsent()
			golden("consent")
			h.consent()
			golden("hand-back")
			h.pin(h.d.InterviewerPIN)
			golden("questions")
			h.env.Clock.Advance(21 * time.Minute) // 9 minutes left: the first warning
			h.u.Tick()
			golden("questions-warning")
		})
	}
}

func goldenSize(s fyne.Size) string { return fmt.Sprintf("%.0fx%.0f", s.Width, s.Height) }

// TestGoldenWipeReceipt keeps the receipt an admin sees after wiping an engagement.
func TestGoldenWipeReceipt(t *testing.T) {
	for _, size := range screenSizes {
		t.Run(goldenSize(size), func(t *testing.T) {
			h := newHarness(t)
			h.w.Resize(size)
			h.tap("Admin")
			h.pin(h.d.AdminCredential)
			h.tap("Wipe an engagement")
			h.tap(h.d.EngagementTitle)
			h.tap("Yes, wipe it")
			h.tap("Wipe now")
			h.wantScreen("receipt")
			test.AssertRendersToImage(t, "wipe-receipt-"+goldenSize(size)+".png", h.w.Canvas())
		})
	}
}
