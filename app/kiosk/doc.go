// Package kiosk holds the use cases behind the kiosk's screens: first boot, admin and
// interviewer sign-in, starting and reopening sessions, and the admin's engagements,
// interviewers, wipes, audit log, receipts, clock check, pack import and storage health.
//
// It combines the session engine, the vault, retention and the room light (hw/roomlight), and
// talks to storage only through the ports it defines here (Store, with Settings split out; the
// interviewer type is session.Interviewer). The SQLite store implements them directly; the
// in-memory fakes of kiosktest do too. Other ideas live beside what they are about: the pack
// library and the USB stick scan in app/protocol, the device-secret choice in app/vault
// (vault.SecretChoice), the room light in hw/roomlight, and the assembly of it all in
// app/assemble.
//
// # The screens talk to the kiosk, and to the engine for a running interview
//
// The decision: every step that needs an identity or crosses packages (set-up, sign-in, admin,
// starting or reopening a session, the interrupted-session light) is a use case here, and the
// UI calls it on *Kiosk. The steps of a running interview (consent, notes, timer, seal) are
// the session engine's own use cases, already with their rules in the domain; the UI drives
// them on Kiosk.Engine() and the kiosk does not wrap them in pass-through methods. The line
// is safe because the engine cannot start or reopen a session without a key that only a
// SignedIn holds: Engine.Start takes the signed-in interviewer's keys per call, and Reopen a
// session key opened by SignedIn.Reopen. A new feature that spans people or sessions (teams,
// panels, surveys) is a use case here.
//
// # What it promises
//
//   - An interviewer's PIN is tried only through the vault's rate limiter, and the unlocked
//     interviewer is locked again as soon as the session key is made or opened: the kiosk holds
//     the private key only for the moment it needs it.
//   - An interviewer lists and reopens only their own sessions: another interviewer's session
//     is refused before any key is tried. Lists hold interviewers without their key slots
//     (session.Interviewer.Public).
//   - Every admin action needs an *Admin, which only SignInAdmin and Setup return; none of them
//     reads note content. Admin actions that change records are written to the audit log
//     (through the store or retention) with ids and counts only.
//   - IsSetUp is the one place that says a device has data: it has an admin credential.
//   - The demo data (SeedDemo) exists for `quietroom run --dev` only; the real device never
//     calls it (app/assemble seeds it in development only).
//
// # Who must not import it
//
// It imports no Fyne, no SQL and no periph package. The UI (app/ui), app/assemble and main use
// it; the domain packages must not.
package kiosk
