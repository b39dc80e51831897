// Package kiosk holds the use cases behind the kiosk's screens: first boot, admin and
// interviewer sign-in, starting and reopening sessions, and the admin's engagements,
// interviewers, wipes, audit log, receipts, clock check, pack import and storage health.
//
// It combines the session engine, the vault, retention and the room light (hw/roomlight), and
// talks to storage only through the role ports it defines here, one per kind of record, the
// features' too: Sessions, Engagements, Interviewers (the type is session.Interviewer),
// Settings, Audit, Integrity, Surveys, Boards, Workshops and Panels, each a field of Deps.
// The SQLite store implements them all directly; kiosktest's in-memory Store does too.
// Other ideas live beside what they are about: the pack library and the USB stick scan in
// app/protocol, the device-secret choice in app/vault
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
// panels, surveys) is a package of its own beside this one (below).
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
//     reads note content. Every admin action that changes something is in the audit log, with
//     ids and counts only, or is not done (below).
//   - IsSetUp is the one place that says a device has data: it has an admin credential.
//
// # Where audit entries are written, and when they cannot be
//
// One rule: no admin action is done without its audit entry.
//
//   - A change in the store carries its entry into the same transaction: the store method
//     takes the retention.AuditEvent (Settings.SetUp for the set-up, SaveInterviewer for adding
//     an interviewer or a new PIN, CreateEngagement, CloseEngagement; retention does the same
//     for legal holds and deletion dates). When the entry cannot be written the change is
//     rolled back and the store's error comes back.
//   - A change outside the store cannot share its transaction: a pack file in the library
//     (ImportPack) and the vault's wrong-PIN counts (ClearLockOut). Its entry is written first,
//     once the change has been checked, and the change after it; when the entry cannot be
//     written nothing is changed and the error matches ErrNotAudited. So every error of these
//     use cases means nothing was changed, and the log never lacks a change that was made. If
//     the change fails after its entry, a second entry with the outcome "failed" follows it.
//   - ResetPIN stores the new key slot with its entry, then lifts the lock-out; if that last
//     step fails the error (ErrPINSetStillLocked) says the PIN is set and what to do.
//   - Deletions are retention's: each has its receipt, and retention appends the audit entry
//     after it (app/retention).
//
// # What the core offers the features
//
// The features are packages of their own beside the core: app/kiosk/panels (a member's
// PanelMember, its view, order, records and export), app/kiosk/boards (the team board, its
// items and day-2 intents, slides and the workshop) and app/kiosk/surveys. Each imports the
// core and none imports another (app/deps says so); a feature is opened from a signed-in member
// through its own package (panels.Open(ctx, s, engagementID), boards.Open, surveys.Results),
// and the admin's steps of a feature take the *Admin the same way (boards.SetTeam,
// surveys.CreateSurvey). The demo data, which seeds several features, is app/kiosk/demo.
//
// What a feature may use of the core is small and named (features.go), and each of those
// methods asks for access.Pass, which only packages under app/kiosk can name
// (app/kiosk/internal/access), so the screens cannot reach the key or the ports: the signed-in
// interviewer's unlocked key (SignedIn.Unlocked, and Forget once a feature has taken over what it
// opened), the kiosk a member signed in to (SignedIn.Kiosk), the ports (Kiosk.Deps), fresh ids
// and randomness, the panels' lobby and the boards' locks, the audit (Kiosk.Audited) and the
// admin's check (Admin.Check); and, beside what they are about, the group rekey helper
// (Kiosk.CurrentRecipient) and the sticks (Kiosk.Sticks). The ports of
// every feature (Panels, Boards, Workshops, Surveys) stay here, in Deps, because what crosses
// features is the core's: a PIN reset clears every group key sealed to the old key
// (Interviewers.ResetInterviewerKey) and the people waiting are let in again through rekey.go;
// wipes and purges go through retention.
//
// # Who must not import it
//
// It imports no Fyne, no SQL and no periph package. The UI (app/ui), app/assemble and main use
// it; the domain packages must not.
package kiosk
