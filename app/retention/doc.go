// Package retention decides when records are destroyed and destroys them properly.
//
// It owns four ideas:
//
//   - Deletion dates. Every engagement has one (required). A session inherits its engagement's
//     date and may only bring it forward ([SessionDeletionDate]); moving an engagement's date
//     earlier brings its sessions forward with it, moving it later never extends a session that
//     already exists, because its interviewee was told that session's date.
//   - Trusted time ([Retention.Now]). A persisted time floor moves forward with the clock and
//     never back; trusted now is the later of the clock and the floor (advanced by the monotonic
//     time elapsed since start-up). A clock behind the floor never postpones a deletion and is
//     reported as [ClockBehind]. A clock more than [Options.MaxAhead] ahead of the floor is
//     reported as [ClockAhead] and is not trusted, for purging or for raising the floor, until
//     an admin confirms the date ([Retention.ConfirmClock]): a wrong clock in the future would
//     otherwise destroy records early and, through the floor, for good.
//   - Purge and wipe. [Retention.PurgeDue] (run at start-up, before anything is shown) and
//     [Retention.Run] (on a schedule) destroy every session whose date trusted time has reached,
//     unless its engagement is on legal hold. [Retention.WipeEngagement], [Retention.WipeAll]
//     and [Retention.DestroySession] (consent withdrawn; it implements session.Eraser) destroy
//     at once. Every destruction deletes the sealed keys and rows in one transaction with
//     secure_delete on, truncates the WAL, reclaims free pages and then checks that nothing of
//     it remains, including by scanning the raw bytes of the files for the sealed keys.
//   - Receipts and the audit log: ids, counts, times, roles and outcomes; never content, labels,
//     names or a hold's reason.
//
// The package is plain Go (it builds with CGO_ENABLED=0) and talks to storage only through
// [Storage], which app/store implements. It must not import app/store or database/sql; the UI
// must not import it for anything but status values and receipts shown to an admin.
package retention
