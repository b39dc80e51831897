// Package ui is the kiosk's touch screens in Fyne: the interview journey (home, interviewer
// sign-in, session set-up, the interviewee's preamble and consent, questions, closing, write-up,
// seal) and the admin screens, with the kiosk's own widgets (PIN pad, on-screen keyboard,
// signature pad, the note editor for long notes) and theme (larger text, high contrast).
//
// UI is the shell: the window, the routing between screens (show), the ticker, the idle
// time-out and the privacy blank, Home and the interviewer's sign-in, and the small helpers
// every screen builds with (button, primary, pinPad, typedStep, the keyboard panel). Each
// feature's screens are a type of their own over it that holds the feature's state:
// sessionScreens (the interview), adminScreens, surveyScreens, boardScreens (the open board
// and a contribution; the workshop's workshopScreens is made per workshop) and panelScreens.
// The shell keeps one field per feature and reaches another feature's screens only through it.
//
// It renders what app/kiosk and the session engine return and never decides a rule: every
// step goes through them, and their errors are shown in plain words. It imports only
// fyne.io/fyne/v2 packages (never fyne.io/fyne/v2/app, so its tests run headless without cgo)
// and the kiosk's domain packages; never the store.
//
// What it promises:
//
//   - The interviewee's side (preamble, consent, hand-back) offers no way to notes, other
//     sessions or admin: leaving it towards the questions needs the interviewer's PIN.
//   - The privacy control blanks the whole window at once; nothing of the session shows until
//     it is lifted.
//   - Idle screens (sign-in, set-up, admin, write-up, the review of a session) go back to Home
//     after Options.IdleTimeout, signing out and sealing what is open; the live interview itself
//     never times out.
//   - A session is read whole (review.go) only by its interviewer, after their PIN ("Your
//     sessions") or from its write-up, and never while the interview is live; leaving it seals
//     the session again, so its key leaves memory.
//   - The team board's screens (board.go) show items by their text and tag only: the board
//     keeps no author, session, group or time to show. An opened board or a contribution being
//     put together is closed by the sign-out and by the idle time-out, and its plaintext is
//     held only in memory meanwhile.
//   - Widgets change only on Fyne's goroutine: timer ticks and hardware events come through
//     fyne.Do.
//   - Every string the screens word themselves goes through fyne.io/fyne/v2/lang with the
//     English bundle in translations/en.json; a pack's, an enrolment's and an admin's own words
//     (questions, titles, room names) are shown as written. Errors are worded by message.go:
//     known ones in the screens' own words, others by their innermost reason, never as a chain
//     of internal steps or ids.
package ui
