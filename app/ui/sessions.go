package ui

// sessionScreens are the interview's screens: the engagements an interviewer works in, the
// set-up of a session, the interviewee's side (hand-over, preamble, consent, hand-back), the
// questions, the closing and write-up, the review of a sealed session, the guidance and a
// pack's details. Every step goes through the kiosk's session engine (u.engine); the shell
// (UI) routes between these screens and the others.
type sessionScreens struct {
	u *UI
	// notesBeside shows the interview's notes beside the write-up (review.go).
	notesBeside bool
}
