// Package retention decides when records are destroyed and destroys them properly.
//
// It owns four ideas:
//
//   - Deletion dates. Every engagement has one (required). A session inherits its engagement's
//     date and may only bring it forward ([SessionDeletionDate]); moving an engagement's date
//     earlier brings its sessions forward with it, moving it later never extends a session that
//     already exists, because its interviewee was told that session's date.
//   - Trusted time ([Retention.Now]). A persisted time floor moves forward and never back.
//     While the program runs, trusted now is the later of the clock and the floor advanced by
//     the monotonic time elapsed since it was taken, so a clock set back mid-run changes
//     nothing. The floor is recorded with a [ClockMark] (how far the clock was behind it, and
//     the kernel's boot id and time since boot) at every purge, at start-up and every
//     [Options.Interval], and before every other deletion. At start:
//     within the same boot, the floor moves on by the kernel's time since the mark
//     (CLOCK_BOOTTIME, which setting the date does not move), whatever the clock says, so
//     restarting the program, crashing or being killed never loses time; after a reboot, a
//     clock still behind the floor counts from itself plus how far it was behind at the mark (a
//     clock that is behind still ticks, through a real-time clock while the device is off),
//     unless that lands more than [Options.MaxAhead] after the floor; a clock at or after the
//     floor is followed, so a clock that was corrected is not moved on by its old lag.
//     A clock behind the floor is reported as [ClockBehind] and keeps asking for the date to
//     be set. A clock more than [Options.MaxAhead] ahead of the floor is reported as
//     [ClockAhead] and is not trusted, for purging or for raising the floor, until an admin
//     confirms the date ([Retention.ConfirmClock]): a wrong clock in the future would
//     otherwise destroy records early and, through the floor, for good.
//     The limit: time that nothing counted is not counted. A device that reboots with its
//     clock behind the floor, when that clock did not tick while it was off (a Pi without a
//     real-time clock restores the last saved time) or was set back while it was off or after
//     the last mark (at most an Interval before it went off), cannot know how long it was
//     off: trusted time resumes from the last mark, the time since is lost, and deletions run
//     that much late unless the date is set sooner (the Home screen and the admin clock check
//     ask for it all along). The other way, a clock moved forward while the device was off but
//     still behind the floor is believed with its old lag, up to MaxAhead, as any clock within
//     MaxAhead is.
//   - Purge and wipe. [Retention.PurgeDue] (run at start-up, before anything is shown) and
//     [Retention.Run] (on a schedule) destroy every session whose date trusted time has reached,
//     unless its engagement is on legal hold, and the responses and keys of every survey
//     engagement (app/survey) whose deletion date it has reached, on the same terms.
//     [Retention.WipeEngagement], [Retention.WipeAll] and [Retention.DestroySession] (consent
//     withdrawn; it implements session.Eraser) destroy at once. Every destruction deletes the sealed keys and rows in one transaction with
//     secure_delete on, has the storage forget the copies left in its journal and free space
//     (SQLite: the WAL and free pages), and then checks that nothing of it remains, including
//     by reading every byte the storage keeps for the sealed keys.
//   - Receipts and the audit log: ids, counts, times, roles and outcomes; never content, labels,
//     names or a hold's reason.
//
// The package is plain Go (it builds with CGO_ENABLED=0) and talks to storage only through
// [Storage], which app/store implements; retention/retentiontest holds an in-memory Storage
// and the contract test that it and app/store both pass. It must not import app/store or database/sql; the UI
// must not import it for anything but status values and receipts shown to an admin.
package retention
