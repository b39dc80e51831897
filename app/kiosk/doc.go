// Package kiosk holds the use cases behind the kiosk's screens: first boot, admin and
// interviewer sign-in, starting and reopening sessions, and the admin's engagements,
// interviewers, wipes, audit log, receipts, clock check and storage health.
//
// It combines the session engine, the vault, retention and the occupancy light, and talks to
// storage only through the Store interface it defines here; the SQLite store (adapted in
// app/cmd/quietroom) and the in-memory fakes of the tests both satisfy it.
//
// # What it promises
//
//   - An interviewer's PIN is tried only through the vault's rate limiter, and the unlocked
//     interviewer is locked again as soon as the session key is made or opened: the kiosk holds
//     the private key only for the moment it needs it.
//   - An interviewer lists and reopens only their own sessions: another interviewer's session
//     is refused before any key is tried.
//   - Every admin action needs an *Admin, which only SignInAdmin and Setup return; none of them
//     reads note content. Admin actions that change records are written to the audit log
//     (through the store or retention) with ids and counts only.
//   - The demo data (SeedDemo) exists for `quietroom run --dev` only; the real device never
//     calls it.
//
// # Who must not import it
//
// It imports no Fyne, no SQL and no periph package. The UI (app/ui) and main use it; the
// domain packages must not.
package kiosk
