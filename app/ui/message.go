package ui

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"quietroom/app/board"
	"quietroom/app/kiosk"
	"quietroom/app/panel"
	"quietroom/app/report"
	"quietroom/app/session"
)

// guided are the errors whose wrapping says what to fix ("not valid: give the room a name"):
// a person reads the guidance, not the chain of steps that led to it.
var guided = []error{kiosk.ErrInvalid, session.ErrInvalidSetup, session.ErrInvalidLabel, session.ErrInvalidConsent,
	panel.ErrInvalid, panel.ErrScaleNotSet, panel.ErrIncomplete, kiosk.ErrNotChair, board.ErrInvalid,
	report.ErrLeftOnStick}

// plainSentinels are written for people already; a person reads them without the chain.
var plainSentinels = []error{
	session.ErrNoSession, session.ErrSessionLive, session.ErrIllegalMove, session.ErrWrongState,
	session.ErrUnknownTopic, session.ErrUnknownItem, session.ErrUnknownPrompt, session.ErrNoScale,
	session.ErrOutOfRange, session.ErrInvalidTag, session.ErrEmptyText, session.ErrEndOfTopics,
	session.ErrPackMismatch, kiosk.ErrNotSetUp, kiosk.ErrAlreadySetUp, kiosk.ErrNotYours,
	kiosk.ErrSignedOut, session.ErrNoSkipInPanel,
	panel.ErrDuplicateCandidate, panel.ErrFrozen, panel.ErrNotMember, panel.ErrNotSubmitted, panel.ErrSubmitted,
	panel.ErrNotInterviewed, panel.ErrNotAllScored, panel.ErrNotAppointingOfficer, panel.ErrDecided,
	panel.ErrNoConfirmation, panel.ErrNoConsent, panel.ErrConsentRefused, panel.ErrConsentText, panel.ErrWithdrawn,
	kiosk.ErrNotRecruitment, kiosk.ErrNoPanel, kiosk.ErrPanelsUnavailable,
	kiosk.ErrNoStick, kiosk.ErrNotDecided,
	kiosk.ErrNotOnTeam, kiosk.ErrWaitingToBeLetIn, kiosk.ErrNoBoard, kiosk.ErrNotPeerChallenge, kiosk.ErrNoBoards,
	kiosk.ErrCodeNotCompared, kiosk.ErrRelinkNotConfirmed, kiosk.ErrNoRoomKey,
	kiosk.ErrNotOnReviewTeam, kiosk.ErrSurveyStillOpen,
	kiosk.ErrWaitingToBeLetInAgain, kiosk.ErrPINResetChanged, kiosk.ErrNotWaiting,
}

// plain is an error no screen has its own words for, as a person should read it: the guidance
// or the known reason without the steps before it ("save note: put entry 8d5f…: …"), or the
// innermost reason with what to do next.
func plain(err error) string {
	for _, s := range guided {
		if errors.Is(err, s) {
			text := err.Error()
			if i := strings.LastIndex(text, s.Error()+": "); i >= 0 {
				return sentence(text[i+len(s.Error())+2:])
			}
			return sentence(s.Error())
		}
	}
	for _, s := range plainSentinels {
		if errors.Is(err, s) {
			return sentence(s.Error())
		}
	}
	inner := err
	for {
		next := errors.Unwrap(inner)
		if next == nil {
			break
		}
		inner = next
	}
	return lang.L("That did not work ({{.Reason}}). Try again; if it happens again, tell an admin.", map[string]any{"Reason": inner.Error()})
}

// sentence starts s with a capital and ends it with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, ")") {
		s += "."
	}
	return s
}
