package ui

import (
	"context"
	"testing"

	"quietroom/app/session"
)

// readToConsent turns the preamble's pages to the consent screen.
func (h *harness) readToConsent() {
	h.t.Helper()
	h.wantScreen("preamble")
	for h.u.Screen() == "preamble" {
		for _, b := range h.buttonTexts() {
			if b == "Continue to consent" || b == "Next" {
				h.tap(b)
				break
			}
		}
	}
	h.wantScreen("consent")
}

// TestSmallGroupInterview: the interviewer sets up three participants; each reads and
// consents in turn, the second declines and the group goes on; the session counts two.
func TestSmallGroupInterview(t *testing.T) {
	h := newHarness(t)
	engagement := h.engagementFor("360-degree leadership interview (30 min)")
	h.signIn()
	h.tap("Start a new session")
	h.tap(engagement)
	h.tapPaged("360-degree leadership interview (30 min)")
	h.tap("Next")
	h.tap("peers")
	h.tap("+")
	h.tap("+")
	if !h.shows("3") {
		t.Fatal("the set-up does not show 3 people")
	}
	h.tap("Start session")
	h.wantScreen("hand-over")
	if !h.shows("Small-group interview: peers, 3 participants.") {
		t.Error("the hand-over does not say it is a small-group interview of 3")
	}
	h.tap("Hand the screen to the interviewee")

	// Participant 1 agrees.
	if !h.shows("Participant 1 of 3") {
		t.Error("the preamble does not say participant 1 of 3")
	}
	h.readToConsent()
	if !h.shows("Your consent (Participant 1 of 3)") {
		t.Error("the consent does not say participant 1 of 3")
	}
	h.consent()
	h.wantScreen("next-participant")
	h.tap("I am participant 2 of 3: start reading")

	// Participant 2 declines: not in the group, which goes on.
	h.wantScreen("preamble")
	h.tap("I do not want to take part")
	if !h.shows("That is fine. You will not be part of this interview, and nothing about you will be kept; the others can go on.") {
		t.Error("declining in a group does not say the others go on")
	}
	h.tap("Yes, I do not want to take part")
	h.wantScreen("next-participant")
	if !h.shows("You chose not to take part. Nothing about you is kept.") {
		t.Error("the decliner is not told nothing about them is kept")
	}
	h.tap("I am participant 3 of 3: start reading")

	// Participant 3 agrees: the questions begin with two people.
	h.readToConsent()
	h.consent()
	h.wantScreen("hand-back")
	h.pin(h.d.InterviewerPIN)
	h.wantScreen("questions")
	if info, _ := h.env.Kiosk.Engine().Info(); info.TookPart != 2 || info.State != session.StateQuestions {
		t.Errorf("Info() = %d took part, state %s; want 2, questions", info.TookPart, info.State)
	}
	engs, _ := h.env.Kiosk.Engagements(context.Background())
	if n := h.env.Store.Declines(engs[0].ID); n != 1 {
		t.Errorf("declines = %d, want 1", n)
	}
}
