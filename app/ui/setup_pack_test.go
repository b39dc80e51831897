package ui

import (
	"strings"
	"testing"
)

// TestPackNeedingFollowUpRefusedAtThePack: a pack whose preamble tells the interviewee the
// follow-up visit's date, chosen for an engagement without one, is refused on the pack screen,
// across its width, where the session engine's own refusal (session.PackFits) used to come only
// after the interviewee was chosen, in the column beside the number pad, outgrowing the screen.
func TestPackNeedingFollowUpRefusedAtThePack(t *testing.T) {
	h := newHarness(t)
	h.signIn()
	h.tap("Start a new session")
	h.tap(h.d.EngagementTitle) // the demo's engagement has no follow-up visit
	var peer string
	for range 10 {
		for _, b := range h.buttonTexts() {
			if strings.HasPrefix(b, "Peer challenge: solution-focused") {
				peer = b
			}
		}
		if peer != "" || !contains(h.buttonTexts(), "Next page") {
			break
		}
		h.tap("Next page")
	}
	if peer == "" {
		t.Fatalf("no solution-focused pack on the pack screen: %q", h.buttonTexts())
	}
	h.tap(peer)
	h.wantScreen("setup-pack")
	// The refusal takes a row of the page, which keeps the pack tapped: the window keeps its
	// size (the real window outgrew 800x480 by 49 px before the page gave up its row).
	h.fits("the pack screen with its refusal")
	if !contains(h.buttonTexts(), peer) {
		t.Errorf("the pack tapped is no longer on the page: %q", h.buttonTexts())
	}
	if !strings.Contains(h.allTexts(), "the date of the follow-up visit, and the engagement has none") {
		t.Errorf("the pack screen does not say why the pack cannot be used:\n%s", h.allTexts())
	}
}
