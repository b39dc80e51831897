package session

import (
	"errors"

	"quietroom/app/protocol"
)

// Errors callers branch on. The engine wraps them with context (fmt.Errorf with %w), so test them
// with errors.Is. A method that returns one of them has changed nothing, in memory or in the store.
var (
	// ErrUnknownPrompt: the write-up prompt is not one of the session's pack.
	ErrUnknownPrompt = errors.New("no such write-up prompt in this session")
	// ErrStorageFull: the device's storage is full, so a change was not saved. Nothing saved
	// before is lost; the change can be made again once there is room. Stores wrap it.
	ErrStorageFull = errors.New("storage is full")
	// ErrNoSession: there is no session in the engine; start or reopen one first.
	ErrNoSession = errors.New("no session is open")
	// ErrSessionLive: a session is still live; seal, decline or withdraw it first.
	ErrSessionLive = errors.New("a session is still in progress")
	// ErrIllegalMove: the session cannot move to the asked-for state from where it is.
	ErrIllegalMove = errors.New("that step is not possible from here")
	// ErrWrongState: the action is not possible in the session's current state (for example a
	// note before consent, or after sealing).
	ErrWrongState = errors.New("not possible at this point of the session")
	// ErrInvalidSetup: the session setup is incomplete or inconsistent.
	ErrInvalidSetup = errors.New("session setup is not valid")
	// ErrInvalidLabel: the interviewee label is neither a stakeholder group of the engagement
	// nor a candidate number. The error text says what is allowed; it never repeats the label.
	ErrInvalidLabel = errors.New("interviewee label not allowed")
	// ErrInvalidConsent: a consent point has no choice, is unknown, or cannot be changed now.
	// It is protocol's, whose CheckConsent is the one consent rule.
	ErrInvalidConsent = protocol.ErrInvalidConsent
	// ErrNoSkipInPanel: a recruitment panel asks every candidate every question; a question not
	// answered is recorded as "no answer" and scored, never skipped.
	ErrNoSkipInPanel = errors.New("a recruitment panel asks every question: record \"no answer\" and score it instead of skipping")
	// ErrUnknownTopic: the topic is not one of the session's topics.
	ErrUnknownTopic = errors.New("topic is not part of this session")
	// ErrUnknownItem: no note, quote, reflection or answer has that id in this session.
	ErrUnknownItem = errors.New("no such item in this session")
	// ErrNoScale: the topic does not ask for a number.
	ErrNoScale = errors.New("this question has no scale")
	// ErrOutOfRange: the number is outside the topic's scale.
	ErrOutOfRange = errors.New("the answer is outside the scale")
	// ErrInvalidTag: the tag is not rose, thorn, bud or none.
	ErrInvalidTag = errors.New("tag must be rose, thorn, bud or none")
	// ErrEmptyText: a quote or reflection needs some text.
	ErrEmptyText = errors.New("text is empty")
	// ErrEndOfTopics: there is no previous topic.
	ErrEndOfTopics = errors.New("no more topics in that direction")
	// ErrPackMismatch: the question pack found for a stored session is not the one it was run with.
	ErrPackMismatch = errors.New("question pack does not match the session")
)
