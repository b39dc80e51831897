// Package protocol owns question packs: the preamble, consent points, topics, scales and closing
// that the kiosk shows and asks during a session, their file format, their validation, the packs
// built into the program, and the content hash a consent record cites.
//
// # The file format
//
// A pack is one YAML document an admin can read and edit (see the files under packs/ for
// complete examples). Fields are snake_case: id, version, title, language, kind (interview or
// panel), source, duration_minutes, warning_minutes, interviewer_guidance, preamble, consent,
// topics, closing and additions.
// Anchors, aliases and merge keys are not allowed: every piece of wording is written out where it
// is shown. Preamble pages may use the placeholders {minutes}, {deletion_date} and
// {follow_up_date} (the engagement's follow-up visit, for packs whose source deletes the records
// after it), which FillPreamble fills in; no other text may use placeholders. A pack that says
// {follow_up_date} starts only in an engagement that has a follow-up date.
//
// The wording comes from a source document, which source names. Two optional fields keep what
// is not the interviewee's:
//
//   - interviewer_guidance is a list of the source's points for the interviewer on running the
//     interview ("Ask open questions, one question at a time"). The kiosk shows them to the
//     interviewer before handing over the screen and on demand during the interview, never to
//     the interviewee.
//   - additions lists what the pack says that its source does not, each as a part and why:
//     part names a field ("title", "duration_minutes", "warning_minutes",
//     "closing.question", "closing.follow_up", "closing.thanks", "closing.write_up_prompts"), a
//     list entry by its index from 0 ("preamble[5]", "interviewer_guidance[0]"), a consent
//     point or topic by its id ("consent.notes", "topics.open-to-feedback"), a topic's
//     "guidance", "probes", "scale" or "priority" ("topics.open-to-feedback.scale"), or the scale
//     or the priority of every topic ("topics.*.scale", "topics.*.priority"). Each part must exist in the pack and be marked once. Admins see
//     the source and the additions on the kiosk (Pack.Part finds what the pack says there);
//     comments in the file, which an export drops, are not the place for them. Wording that a
//     source contradicts is not an addition: it is left out. What a source gives elsewhere than
//     in the section the pack follows (the peer challenge's 45 minutes, from its Day 1
//     timetable) is not an addition either: source says where it comes from.
//
// # The pack library
//
// Library (library.go) is the device's packs: the built-in ones plus those an admin imported,
// kept as validated files in one folder and written atomically (temporary file, sync, rename).
// FindPackFiles and ReadPackFile (usb.go) find and read pack files on a USB stick for the
// admin's import; the import itself, with its audit entry, is the kiosk's use case.
//
// # What it promises
//
//   - Load returns either a complete, valid *Pack or nil and a *ValidationError listing every
//     problem in the file at once, each as FILE:LINE: FIELD: what is wrong and what to do.
//     Nothing is ever half-loaded.
//   - ContentHash depends on the content only (wording, ids, order, numbers, the interviewer's
//     guidance and the additions), never on how the file is written, so the hash a consent was
//     given against names the exact text shown. A pack without guidance or additions hashes
//     as it did before those fields existed.
//   - Load refuses what no person writes: a file over 1 MiB, text that is not UTF-8, control
//     and text-direction characters, texts and lists past the limits in load.go (a title of
//     200 characters, a question of 4,000, 100 topics, 30 probes a topic, 30 guidance points,
//     30 additions), a duration outside
//     MinDurationMinutes..MaxDurationMinutes (the bounds the session engine uses too), and a
//     scale outside 0..MaxScaleValue or of more than MaxScalePoints points. Scale.Values lists
//     a scale's points without overflow for the screens.
//   - Marshal writes a pack that loads back to the same hash.
//   - CheckConsent is the one consent rule, for a session's interviewee and a panel's
//     candidate alike: a choice for every consent point of the pack, none for a point it
//     lacks (ErrInvalidConsent), and whether every required point was agreed.
//   - Every built-in pack is valid; the tests load them all.
//   - A built-in pack version never changes once shipped (testdata/shipped-packs.txt pins each
//     hash): new wording is a new version, and the replaced file stays in packs/previous/, so a
//     session run with it still reopens (Library.Pack finds it; List offers only the current).
//
// # Who may import it
//
// Anything that needs a pack: session, ui, the command line. protocol itself is pure domain code
// and must not import Fyne, periph.io, database/sql or any other package of this module but
// yamlfile (the strict YAML reading it shares with enrol), so it builds and tests with
// CGO_ENABLED=0.
package protocol
