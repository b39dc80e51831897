package session

// legalMoves lists every state a session may move to from each state. Everything else is an
// illegal move. Setup is entered by Engine.Start, never by a move; declined and withdrawn are
// final; sealed only moves back to write-up when its interviewer reopens it.
var legalMoves = map[State][]State{
	StateSetup:     {StatePreamble, StateWithdrawn},
	StatePreamble:  {StateConsent, StateDeclined, StateWithdrawn},
	StateConsent:   {StatePreamble, StateQuestions, StateDeclined, StateWithdrawn},
	StateQuestions: {StateClosing, StateWithdrawn},
	StateClosing:   {StateQuestions, StateWriteUp, StateWithdrawn},
	StateWriteUp:   {StateSealed, StateWithdrawn},
	StateSealed:    {StateWriteUp},
}

// States lists every state in journey order, then the two side exits.
var States = []State{
	StateSetup, StatePreamble, StateConsent, StateQuestions, StateClosing, StateWriteUp,
	StateSealed, StateDeclined, StateWithdrawn,
}

// CanMove reports whether a session may move from one state to another. The UI uses it to offer
// only the possible steps; the engine enforces it.
func CanMove(from, to State) bool {
	for _, s := range legalMoves[from] {
		if s == to {
			return true
		}
	}
	return false
}

// Final reports whether a state ends the session in the engine: sealed, declined or withdrawn.
// A new session may start after a final state.
func (s State) Final() bool {
	return s == StateSealed || s == StateDeclined || s == StateWithdrawn
}

// live reports whether the interviewee may still be in the room or the write-up is open: every
// state from setup to write-up.
func (s State) live() bool {
	switch s {
	case StateSetup, StatePreamble, StateConsent, StateQuestions, StateClosing, StateWriteUp:
		return true
	}
	return false
}

// hasContent reports whether notes, quotes, reflections and answers may be written.
func (s State) hasContent() bool {
	return s == StateQuestions || s == StateClosing || s == StateWriteUp
}

// timed reports whether the session timer counts in this state.
func (s State) timed() bool {
	return s == StateQuestions || s == StateClosing
}
