package ui

import (
	"errors"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/board"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/panels"
	"quietroom/app/kiosk/surveys"
	"quietroom/app/panel"
	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/stick"
	"quietroom/app/vault"
)

// guided are the errors whose wrapping says what to fix ("not valid: give the room a name"):
// a person reads the guidance, not the chain of steps that led to it.
var guided = []error{kiosk.ErrInvalid, session.ErrInvalidSetup, session.ErrInvalidLabel, session.ErrInvalidConsent,
	panel.ErrInvalid, panel.ErrScaleNotSet, panel.ErrIncomplete, panels.ErrNotChair, board.ErrInvalid,
	stick.ErrLeftBehind}

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
	panel.ErrNotYetScoring, panel.ErrNotAllSeen, panel.ErrDiscussed, panel.ErrNotLead, panel.ErrNotDecidedYet, panel.ErrNotPartner,
	panels.ErrNotRecruitment, panels.ErrNoPanel, panels.ErrPanelsUnavailable,
	kiosk.ErrNoStick, panels.ErrNotDecided,
	kiosk.ErrNotOnTeam, boards.ErrWaitingToBeLetIn, boards.ErrNoBoard, boards.ErrNotPeerChallenge, boards.ErrNoBoards,
	boards.ErrCodeNotCompared, boards.ErrRelinkNotConfirmed, boards.ErrNoRoomKey,
	kiosk.ErrNotOnReviewTeam, surveys.ErrSurveyStillOpen,
	kiosk.ErrWaitingToBeLetInAgain, kiosk.ErrPINResetChanged, kiosk.ErrNotWaiting,
	retention.ErrLegalHold, retention.ErrNoReason, retention.ErrNoDeletionDate, retention.ErrDateExtended,
	retention.ErrClockUnconfirmed,
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

// errorLabel shows errors in plain words.
type errorLabel struct{ *widget.Label }

func newErrorLabel() errorLabel {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.Hide()
	return errorLabel{l}
}

// SetText shows the message, or hides the label when it is empty.
func (e errorLabel) SetText(s string) {
	e.Label.SetText(s)
	if s == "" {
		e.Hide()
	} else {
		e.Show()
	}
}

func (e errorLabel) set(err error) {
	if err == nil {
		e.SetText("")
		return
	}
	e.Importance = widget.DangerImportance // after a done, an error is still shown as one
	e.SetText(message(err))
}

// done shows what was just done, in the success colour ("" hides the label).
func (e errorLabel) done(text string) {
	e.Importance = widget.SuccessImportance
	e.SetText(text)
}

// reporter shows an error to the person at the screen, or clears it (nil).
type reporter interface{ set(error) }

// statusLine is one line for "Saved" or what went wrong, cut to its width: where controls sit
// below it, a long message must not push them off the screen.
type statusLine struct{ *widget.Label }

func newStatusLine() statusLine {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return statusLine{l}
}

func (s statusLine) set(err error) {
	if err == nil {
		s.done("")
		return
	}
	s.Importance = widget.DangerImportance
	s.TextStyle.Italic = false
	s.SetText(message(err))
}

// done shows a quiet confirmation such as "Saved".
func (s statusLine) done(text string) {
	s.Importance = widget.MediumImportance
	s.TextStyle.Italic = true
	s.SetText(text)
}

// message turns an error into what the person at the screen should read.
func message(err error) string {
	var tooSoon *vault.TooSoonError
	switch {
	case errors.As(err, &tooSoon):
		return lang.L("Too many wrong PINs. Try again in {{.Seconds}} seconds.", map[string]any{"Seconds": int(tooSoon.Wait.Seconds())})
	case errors.Is(err, vault.ErrLockedOut):
		return lang.L("Locked after too many wrong PINs. Ask an admin to unlock it.")
	case errors.Is(err, vault.ErrWrongCredential):
		return lang.L("That PIN is not right. Try again.")
	case errors.Is(err, kiosk.ErrDisabled):
		return lang.L("This interviewer has been disabled. Ask an admin.")
	case errors.Is(err, kiosk.ErrShortPIN):
		return lang.L("Use at least {{.N}} digits.", map[string]any{"N": kiosk.MinPINLength})
	case errors.Is(err, kiosk.ErrNoPIN):
		return lang.L("Type your PIN, then OK.")
	case errors.Is(err, stick.ErrFull):
		return lang.L("The stick is full: nothing was written. Free some room on it, or use another stick.")
	case errors.Is(err, fs.ErrExist):
		return lang.L("The record is already on this stick. Use another stick, or remove the old file first.")
	case errors.Is(err, session.ErrStorageFull):
		return lang.L("Not saved: the storage is full. Your words stay on screen; tell an admin.")
	}
	if m := boardMessage(err); m != "" {
		return m
	}
	return plain(err)
}
