// Package kiosk holds the use cases behind the kiosk's screens: first boot, admin and
// interviewer sign-in, starting and reopening sessions, and the admin's engagements,
// interviewers, wipes, audit log, receipts, clock check, pack import and storage health.
//
// It combines the session engine, the vault, retention and the room light (hw/roomlight), and
// talks to storage only through the role ports it defines here, one per kind of record:
// Sessions, Engagements, Interviewers (the type is session.Interviewer), Settings, Audit,
// Integrity and Surveys, each a field of Deps. The SQLite store implements them all directly; kiosktest's
// in-memory Store does too. Other ideas live beside what they are about: the pack
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
// # Recruitment panels
//
// panel.go holds the panel's use cases over app/panel's rules: setting up a recruitment's
// panel (its key pair sealed to each member), a member opening it with their PIN
// (PanelMember), the set-up before the first candidate, the candidate's consent, each mark and
// note stored sealed as it is given, submissions, the grid, the decision confirmed by PIN, and
// panelexport.go the appointing officer's password-protected PDF. A member's view holds the
// others' sheets of a candidate only once the store says that member has submitted: they are
// not even opened before. No use case that takes an *Admin reads any of it.
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
//   - The survey (survey.go; the domain is app/survey): CreateSurvey makes the survey's key
//     pair and seals its private key to each review-team member, then forgets it;
//     SubmitSurveyResponse seals one response to the public key under a random id from
//     crypto/rand, with no time and no audit entry (its time would date the response), and
//     cannot read it back; only a member's SignedIn opens the responses (SurveyResults), only
//     from the day after the survey closes (two readings while it is open would differ by one
//     person's answers), and only the aggregate leaves, on the screen or exported (ExportSurveyResults, audited with
//     the engagement and a file count). No admin use case reads a response; the admin sees
//     counts (AllSurveys). Survey engagements (SurveyKind) are never offered for interviews.
//   - The demo data (SeedDemo) exists for `quietroom run --dev` only; the real device never
//     calls it (app/assemble seeds it in development only).
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
// # The team board
//
// A peer challenge's board (app/board) is a use case here too (board.go). The admin sets the
// team (SetTeam): the first time, a board key is made, sealed to each member's own public key
// and forgotten, so the admin never holds what opens it; members added later wait until a
// member lets them in (Board.LetIn). A member opens the board with their PIN (OpenBoard, which
// locks their own key at once and keeps the board key until Board.Close), contributes from
// their own sessions (Contribute: Contributor.Read opens one of their sessions without taking
// it into the engine; Add seals the items and one interview record per session read, and the
// kiosk cannot read them back), and exports the presentation (ExportPresentation, which needs
// the PIN again and writes its audit entry before the file). Across rooms, a board kept here
// exports its public part (Board.ExportPublic) and imports bundles whole or not at all
// (Board.ImportBundles); a board kept elsewhere is linked (SignedIn.LinkBoard) and this kiosk's
// contributions leave as one bundle (SignedIn.ExportBundle). Board files are written only to a
// mounted stick (Sticks), under a temporary name and then renamed. The team's day-2 work (the
// aim, themes, insights and their quotes) changes only through the Board's intents
// (boardwork.go, and MoveItem, EditItem and Remove in boarditems.go and board.go): each reads
// the stored work, makes its change by the board's rules and seals it under the board's lock,
// so that two members at once lose neither's change; the screens never hand work back.
//
// The audit log holds ids and counts of these actions, with the role "interviewer" and never
// which member. One link remains: an interview record's id is derived from the board's public
// key and the session id (so a session is counted once however often it is contributed from),
// so someone who has both can tell that a session was counted; they learn nothing of its
// content, group or items.
//
// # The workshop
//
// The afternoon's workshop and the follow-up agenda (app/workshop) belong to an open board
// (Board.Workshop, workshop.go): one document sealed with the board's key in the Workshops
// port, read, changed by app/workshop's rules and sealed again by each of the facilitator's
// intents under one lock, never by the screens. Start takes the board's insights as they are
// then. It is exported with a member's PIN (SignedIn.ExportWorkshop, with the slides and
// outline or apart, all files or none; SignedIn.ExportFollowUp) and destroyed with the board.
//
// # Who must not import it
//
// It imports no Fyne, no SQL and no periph package. The UI (app/ui), app/assemble and main use
// it; the domain packages must not.
package kiosk
