// Package protocol owns question packs: the preamble, consent points, topics, scales and closing
// that the kiosk shows and asks during a session, their file format, their validation, the packs
// built into the program, and the content hash a consent record cites.
//
// # The file format
//
// A pack is one YAML document an admin can read and edit (see the files under packs/ for
// complete examples). Fields are snake_case: id, version, title, language, kind (interview or
// panel), source, duration_minutes, warning_minutes, preamble, consent, topics and closing.
// Anchors, aliases and merge keys are not allowed: every piece of wording is written out where it
// is shown. Preamble pages may use the placeholders {minutes} and {deletion_date}, which
// PreamblePages fills in; no other text may use placeholders.
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
//   - ContentHash depends on the content only (wording, ids, order, numbers), never on how the
//     file is written, so the hash a consent was given against names the exact text shown.
//   - Load refuses what no person writes: a file over 1 MiB, text that is not UTF-8, control
//     and text-direction characters, texts and lists past the limits in load.go (a title of
//     200 characters, a question of 4,000, 100 topics, 30 probes a topic), a duration outside
//     MinDurationMinutes..MaxDurationMinutes (the bounds the session engine uses too), and a
//     scale outside 0..MaxScaleValue or of more than MaxScalePoints points. Scale.Values lists
//     a scale's points without overflow for the screens.
//   - Marshal writes a pack that loads back to the same hash.
//   - Every built-in pack is valid; the tests load them all.
//
// # Who may import it
//
// Anything that needs a pack: session, ui, the command line. protocol itself is pure domain code
// and must not import Fyne, periph.io, database/sql or any other package of this module but
// yamlfile (the strict YAML reading it shares with enrol), so it builds and tests with
// CGO_ENABLED=0.
package protocol
