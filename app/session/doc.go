// Package session is the interview engine: one session at a time, from setup to sealing, with
// its consent, topics, notes and timer. It owns the rules of a session; the UI renders what the
// engine returns and never decides a rule itself.
//
// # The journey
//
// A session moves through setup → preamble → consent → questions (which may be paused) → closing
// → write-up → sealed, with two side exits: declined (consent refused, from the preamble or the
// consent screen) and withdrawn (consent withdrawn, at any point until sealing). CanMove lists
// the legal moves; a method asked for any other move returns an error wrapping ErrIllegalMove.
// Every error the engine returns means nothing changed, neither in memory nor in the store. (One
// corner: when consent fails half-way through storing and even removing the half-stored session
// fails, it stays stored in the consent state; retrying, declining or withdrawing deals with it.)
//
// # What it promises
//
//   - Plaintext stays in memory. Notes, quotes, reflections, answers, the closing answer, the
//     interviewee label and the signature are sealed with the session's own data key
//     (made by the Keys passed to Start) before they reach the Store. The key is destroyed, and the
//     plaintext dropped, when the session is sealed, declined or withdrawn.
//   - Nothing is stored before consent. The session lives in memory only through setup, preamble
//     and consent; GiveConsent stores it for the first time. A decline therefore leaves no record
//     at all, only a count (Store.CountDecline). A withdrawal after consent destroys the stored
//     session at once through the Eraser. A restart before consent loses the session; the
//     interviewer starts it again.
//   - Every edit of a note is one durable write (Store.PutEntry), and every change of the topic
//     progress or the timer is saved in the session record, so a restart loses nothing the
//     interviewer saw as saved. Reopen resumes a stored session with the key the vault opens
//     with the interviewer's PIN, or reopens a sealed one for the write-up.
//   - No goroutines and no waiting inside: the UI calls Tick to redraw the timer, and Tick drives
//     the occupancy indicator (occupied from Start, ending soon after the last warning, overtime
//     when the planned time is used up, free once sealed, declined or withdrawn), calling
//     Indicator.Show only when the room state changes.
//   - Logs carry ids and states only, never content or labels; errors never repeat a label.
//   - Reading is only reading: Review (the whole session, for its interviewer to read again) and
//     Quotes return copies of what the open session holds in memory, write nothing and log
//     nothing, and answer only while the session holds content (questions, closing, write-up).
//
// # Small-group interviews
//
// A session may have up to MaxParticipants people (Setup.Participants). Each reads the preamble
// and gives consent in turn (Info.Turn); one who declines or refuses a required point is counted
// as a decline and is simply not in the group; after the last, the session is stored with the
// consent of those who agreed and how many they were (sealed), or declined when nobody did.
//
// # The interviewee label
//
// A session names its interviewee only by a label that is never a person's name. CheckLabel
// accepts exactly two kinds of label:
//
//   - one of the engagement's stakeholder groups ("foster carers"), matched ignoring case and
//     extra spaces, and stored in the engagement's spelling;
//   - a candidate number: one to four digits, optionally after "C", "Cand", "Cand." or
//     "Candidate" and an optional "#" or "-" ("C12", "07", "Candidate 3", "#4"), stored as
//     "Candidate " and the digits as typed ("Candidate 12", "Candidate 07").
//
// Anything else is refused with an error saying what is allowed. Recruitment panels
// (protocol.KindPanel) accept candidate numbers only.
//
// # The timer
//
// The timer starts when consent is given and the questions begin, counts through the questions
// and the closing, and stops at the write-up. It warns at the pack's WarningMinutes left
// (protocol.DefaultWarningMinutes, 10 and 5, when the pack sets none); the last warning is the "ending
// soon" signal; past the planned duration it counts overtime. Its state (time counted so far and
// the wall-clock time it last started running) is saved on every pause, resume and move.
//
// Downtime counts: if the kiosk restarts while the timer runs, the time it was down counts as
// elapsed, because the interview goes on in the room while the screen is away. A paused timer
// stays paused across a restart. A clock that steps backwards adds no time rather than taking
// time away.
//
// Once a warning has passed, Tick suggests which remaining topics to keep: see SuggestTopics.
//
// # Who must not import it
//
// This package imports no UI, SQL or hardware package (Fyne, database/sql, go-sqlite3,
// periph.io) and no other package of the kiosk but protocol; a test enforces that. The store,
// vault, retention and hardware adapters implement its interfaces (Store, Keys, Eraser,
// Indicator); the UI and main use the Engine. Package sessiontest holds fakes for every
// interface and StoreContract, the test every Store implementation must pass.
package session
