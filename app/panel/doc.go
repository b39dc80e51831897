// Package panel holds the rules of a recruitment panel, as the guide to involving service
// users and carers in staff interview panels sets them out (seed 004): the recruitment (an
// engagement of kind recruitment), its post, panel members and their roles, the candidates by
// number, the organisation's scoring scale with per-question anchors, the one question set,
// each member's own score sheets, the consolidated grid, the decision and the confirmation of
// understanding. It is pure Go: no cgo, SQL, Fyne or periph. It seals and stores nothing: the
// kiosk (app/kiosk) loads a Recruitment from the store, asks it whether a step is allowed, and
// seals and stores what changed.
//
// # The rules
//
//   - A panel has at least three people: exactly one appointing officer and one chair (the
//     same person may be both), at least one member of staff and at least one service user
//     or carer (the involvement partner, who holds no other role). Each person is on it once.
//   - The post is a job title and band, never a person. Candidates are known by a number,
//     digits only (the application's number: a name, or a name joined to digits, is
//     refused): a number typed twice is ErrDuplicateCandidate.
//   - A candidate who withdraws, does not attend, or whose number was entered in error is
//     withdrawn with that reason (Withdraw; after an interview only their own withdrawal).
//     They stay on the record with the reason, are not interviewed or scored after it
//     (ErrWithdrawn), and the grid and the decision go on without them. DecisionBlockers
//     says what still keeps the decision from being recorded. A candidate who says on the
//     kiosk, before their interview, that they do not want to take part is on the record as
//     having declined to consent (DeclineConsent, WithdrawNoConsent), not as having withdrawn:
//     no form offers that reason, so nobody records it for them.
//   - The scale is the organisation's: whole scores from Min to Max with a label each. The
//     built-in 1-5 (PlaceholderScale) is visibly a placeholder and blocks the first candidate
//     (ErrScaleNotSet), as does a level without a label. A question may carry anchors: what an
//     answer at each score looks like, shown beside the score buttons.
//   - One question set per recruitment, chosen and ordered before the first candidate from a
//     pack and the questions the involvement partner (or the panel) contributes, each with the
//     member who asks it. StartInterview of the first candidate freezes it: every change after
//     that is ErrFrozen, so every candidate is asked the same questions, in the same order,
//     worded the same. There is no skip: a candidate who does not answer is marked NoAnswer,
//     and the answer is scored.
//   - No interview starts before every involvement partner has signed the confirmation of
//     understanding with a member of staff (printed names, date, both signatures). The kiosk
//     asks for it in every recruitment: it is deleted with the recruitment, so the kiosk keeps
//     no memory of a person's earlier panels.
//   - No candidate's interview starts before their consent is recorded (ErrNoConsent).
//     RecordConsent keeps the one consent rule every interview keeps (protocol's
//     CheckConsent: a choice for every point of the pack, none for a point it lacks), and a
//     candidate's: every required point agreed (ErrConsentRefused) and given against the
//     text the kiosk shows, the pack's content hash (ErrConsentText).
//   - The order is the guide's by default (OrderGuide): "Once all candidates have been seen
//     the panel will: Meet to discuss their thoughts on each person; Score each candidate's
//     responses", then the decision. While candidates are seen each member keeps their own
//     notes per candidate; once every candidate still in the recruitment has been seen
//     (AllSeen), the member leading the interview records the discussion (RecordDiscussion:
//     that it happened, and per candidate what the panel agreed to note; final); only then
//     may anyone score (MayScore: ErrNotYetScoring before), and no candidate is added after
//     it. Scoring after each candidate's interview (OrderEachCandidate) is the organisation's
//     choice at set-up (SetOrder, before the first candidate: the guide says the
//     organisation's scoring process "does need to be followed precisely"); there the
//     discussion may be recorded but is not needed. Phase says where a recruitment stands.
//   - The appointing officer leads the interview ("the person who is leading the
//     interview"), unless the panel chooses the chair (SetLead; LeadID, RequireLead): the
//     lead starts each candidate's interview and records the discussion.
//   - Each member scores each interviewed candidate on their own sheet: a score and a short
//     reason per question, their notes if they take them on the kiosk. Submit makes the sheet
//     final and needs every question scored with a reason. "Submitted" is one record, the
//     recruitment's Submissions (who, for which candidate, when; the kiosk seals each), never
//     a field of a sheet. A member reads the others' sheets of a candidate (their scores and
//     notes) only once every member has submitted theirs for that candidate, in either order
//     (MayRead, Sheet, SheetsFor: ErrNotSubmitted before), and the grid holds only candidates
//     every member has submitted: independent, blind scoring.
//   - The grid shows per candidate and question each member's score, the spread (highest
//     minus lowest) flagged at DisagreeAt (default 2), and totals.
//   - The decision is the appointing officer's, after every candidate not withdrawn was
//     scored by every member: such a candidate's number or none, with reasons. It is final.
//   - After it, the appointing officer records that the service user or carer was told the
//     outcome (RecordOutcomeTold), and the service user or carer may give their own feedback,
//     what went well and what could be improved (GiveFeedback: only they, in their words).
//     Which candidates asked for feedback is recorded by the appointing officer or the chair
//     at any time (SetFeedbackRequested). The record carries the guide's sentence
//     ChecksAndReferences.
//
// # Keys: who can read what (the kiosk's side, app/kiosk/panels/panel.go)
//
// Each recruitment has its own age X25519 key pair (app/seal, seal.PurposePanelKey: it opens
// as no board's or survey's key). Its private key is sealed
// to each panel member's own age public key (the one in their key slot), so only a member's
// PIN, with the device secret, opens it. Everything of the recruitment is sealed to the
// recruitment's public key: the set-up (post, members' roles, candidates, scale, questions,
// anchors, the order and who leads), each mark as it is entered (one item per member, candidate and question, so a power
// cut loses nothing saved), notes, each submission with its time, the confirmation with its
// signatures and names, the candidates' consent choices, the discussion (and the lead's draft
// of it until it is recorded, so an idle time-out loses nothing typed), the decision, the
// outcome told, the service user or carer's feedback and the candidates' feedback requests
// (app/kiosk/panels/panelorder.go). Sealing needs only
// the public key; the item's id needs a member's key (below). The kiosk opens others' sheets
// only as MayRead allows (write-only in spirit: a member's score is written without the others'
// being opened).
//
// What is stored says nothing of who scored whom, in what order or when (DESIGN.md property
// 10; migration 0013). Each record is an item under a keyed hash of its logical id
// ("mark|<member>|<candidate>|<question>": seal's RecordIDs, under a key derived from the
// recruitment's key), in a table without rowid, so rows lie in the order of those ids; each is
// padded before sealing, so every record of a kind seals to one size (marks, submissions,
// consents, confirmations, the decision one size; notes another, written to or not); when a
// candidate's interview starts, a placeholder of that size is written for every member's marks
// and notes of that candidate, in id order, and a member's mark or notes overwrites its
// placeholder in place; no item holds a time in the clear, and the WAL is checkpointed and
// truncated after every write. In the clear are only what the kiosk branches on without a key:
// the members' interviewer ids (the lobby lists them), whether the question set is frozen and
// whether there is a decision (no times). The lobby's "scored / to score" is what the kiosk
// last saw with a member's key, in memory only (PanelLobby.Known).
//
// What remains: the number of candidates interviewed and of items (members x questions per
// candidate, and one submission per sheet submitted; one item each for the discussion, the
// outcome told to and the feedback of a service user or carer, and each candidate's feedback
// request, so that they were recorded, not what they say); where a candidate's placeholders lie
// tells which items belong to one candidate and in which order the candidates' interviews
// started (not their numbers); a submission's item is inserted when it is made, so where it
// lies tells the order of submissions, not whose; the audit log holds the times of the set-up,
// the decision and the export (no member); a failed PIN attempt is kept with its member and
// time (the rate limit's). Records stored before 0013 stay as they were until a member first
// opens the panel, which converts them (the kiosk's convert). Candidate numbers
// are not names; the engagement's title is the admin's, in the clear as for every engagement.
//
// Destruction: the panel's rows go with its engagement: on the purge at the engagement's
// deletion date (not while it is on legal hold), an admin's wipe of the engagement, or a wipe
// of everything (app/store's Erase). The sealed member keys are captured and looked for in the
// raw files afterwards, as the sessions' keys are; after a wipe the rows are also counted.
//
// The "not before everyone has submitted" rule is this package's (MayRead) and the kiosk keeps it
// twice: any member's PIN opens the recruitment key, so the kiosk opens others' sheets for a
// member only where MayRead allows, with the store's submissions loaded, and its use cases
// (PanelMember.Sheet, Sheets, Grid) answer only as MayRead allows the signed-in member,
// whatever a screen asks.
//
//   - A stolen SD card gives nothing of the content without the device secret and a member's
//     PIN (see app/vault), nor who scored whom, in what order or when: who is on the panel,
//     how many candidates were interviewed and how many sheets submitted (above).
//   - A stolen card with the device secret (the key-file fallback) allows an offline guess at
//     one member's PIN; the winner reads that recruitment (it is a shared record), as that
//     member could.
//   - A curious admin gets nothing: the admin credential derives no member's key (app/vault),
//     the admin screens list no panel content, and no use case takes an *Admin to read one.
//     The admin sets the retention date and the legal hold, and wipes.
//
// The record leaves the device only as the appointing officer's export: a PDF encrypted with
// AES-256 under a password typed on the kiosk, candidates by number and members by role; the
// only names are the printed names on the signed confirmation of understanding, its last page.
// The audit entry holds no content.
//
// # Who must not import it
//
// app/kiosk and app/ui use it. The domain packages (session, protocol, retention, vault) must
// not; it imports only protocol (to take questions from a pack, and the consent rule).
package panel
