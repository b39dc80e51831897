// Package store keeps Quiet Room's records in SQLite. It is the only package that imports
// database/sql and github.com/mattn/go-sqlite3.
//
// What it promises:
//
//   - Every method that changes data runs in one transaction and is durable when it returns
//     (WAL journal, synchronous=FULL); when it returns an error it has changed nothing.
//   - Every connection runs with secure_delete=ON (deleted content is overwritten with zeros),
//     foreign_keys=ON, temp_store=MEMORY (no temp files on disk) and a busy timeout.
//   - Content arrives sealed (the vault encrypts it, the session engine hands it over) and is
//     stored as BLOBs; the store never sees plaintext. The audit log and deletion receipts hold
//     ids, counts, times, roles and outcomes only.
//   - The schema is migrated in order by PRAGMA user_version from the embedded migrations; a
//     database newer than this program is refused ([ErrNewerSchema]), and so is one failing its
//     integrity check ([ErrCorrupt]), which is left untouched for recovery.
//   - A full disk is [ErrFull] (which is session.ErrStorageFull): the write is refused,
//     nothing already saved is lost.
//   - A database is created only where no file of that name exists, built under a temporary
//     name beside it and linked into place whole, so a file that exists but is empty or holds
//     no schema was never made by this program: it is [ErrCorrupt] and left untouched, never
//     taken for a new device. A missing database whose journal is still beside it, or that
//     Options.MustExist says must be there, is [ErrMissing]; nothing is created.
//   - A read-only open (Options.ReadOnly, as `quietroom status` uses) creates and changes no
//     file in the folder.
//   - Survey responses (survey.go, migrations 0004 and 0007) are one value per survey: each
//     response under its random id, with no time and no link to a session or an interviewer,
//     in the order of the ids, rewritten whole at every response, after which the WAL is
//     checkpointed and truncated; the clock mark (RecordTime) truncates it every minute too,
//     so a WAL restart does not date a response. Sealed at one size, where a response's bytes
//     lie in the file says nothing of when it came or from which team (a test reads the
//     files as an attacker does). They, and the survey's sealed keys, are erased with their
//     engagement (Erase: purge at its deletion date, wipe); the receipt does not count them.
//     What is left: the value's length gives the number of responses; a power cut in the
//     moment between a response's commit and its checkpoint leaves that one response's
//     frames in the WAL until the next minute's mark; responses stored one row each before
//     0007 keep their sealed sizes until their survey's next response moves them.
//
// [DB] implements session.Store, retention.Storage and the admin operations (engagements,
// interviewers, the admin credential, failed attempts, audit log, receipts, settings). Who may
// call which is the caller's rule, not the store's.
//
// Only the assembly (app/assemble) and the status command wire it; the UI, the use cases and
// the domain packages must not import it (app/deps checks).
package store
