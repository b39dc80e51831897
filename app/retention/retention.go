package retention

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"quietroom/app/clock"
	"quietroom/app/session"
)

// Options tune a Retention. Zero values take the documented defaults.
type Options struct {
	// MaxAhead is how far ahead of the time floor the clock may jump and still be trusted
	// without an admin confirming the date. Default 14 days: a room left switched off over a
	// two-week holiday catches up by itself; a clock years ahead (a bad RTC, a typo in the
	// setup) destroys nothing until someone looks at it.
	MaxAhead time.Duration
	// BehindTolerance is how far behind the floor the clock may be before it is reported as
	// wrong (small corrections by time sync are normal). Default 2 minutes.
	BehindTolerance time.Duration
	// Interval is how often Run purges. Default 1 minute.
	Interval time.Duration
	// Rand is where receipt ids come from. Default crypto/rand.
	Rand io.Reader
	// SinceBoot reports the kernel's boot id and its time since boot, which a change of the
	// date does not move: within one boot it tells a restarted program how long it was down,
	// whatever was done to the clock meanwhile. ok is false when unknown. Default: read from
	// /proc (Linux; unknown elsewhere). Tests pass a fake.
	SinceBoot func() (boot string, up time.Duration, ok bool)
	// Log receives errors Run cannot return and a line per destruction (ids and counts only).
	// Default: discard.
	Log *slog.Logger
}

// Retention enforces deletion dates against trusted time. It is safe for concurrent use; one
// destruction runs at a time.
type Retention struct {
	st    Storage
	clock clock.Clock
	opts  Options
	log   *slog.Logger

	mu sync.Mutex // serialises destructions and guards base, start
	// Trusted time is base plus the clock time elapsed since start (monotonic in production):
	// base is the floor when it was last taken, as a wall time with no monotonic reading, and
	// start the clock reading at that moment, with its monotonic reading.
	base, start time.Time
}

var _ session.Eraser = (*Retention)(nil)
var _ session.Clock = (*Retention)(nil)

// New loads the time floor from st and returns a Retention measuring time with clock, whose
// ticker also paces Run.
func New(ctx context.Context, st Storage, clock clock.Clock, opts Options) (*Retention, error) {
	if opts.MaxAhead <= 0 {
		opts.MaxAhead = 14 * 24 * time.Hour
	}
	if opts.BehindTolerance <= 0 {
		opts.BehindTolerance = 2 * time.Minute
	}
	if opts.Interval <= 0 {
		opts.Interval = time.Minute
	}
	if opts.Rand == nil {
		opts.Rand = rand.Reader
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.SinceBoot == nil {
		opts.SinceBoot = sinceBoot
	}
	floor, err := st.TimeFloor(ctx)
	if err != nil {
		return nil, fmt.Errorf("retention: %w", err)
	}
	mark, err := st.ClockMark(ctx)
	if err != nil {
		return nil, fmt.Errorf("retention: %w", err)
	}
	r := &Retention{st: st, clock: clock, opts: opts, log: opts.Log.With("component", "retention")}
	now := clock.Now()
	r.base, r.start = r.resume(floor, mark, now), now
	return r, nil
}

// resume returns trusted now at start-up, for a clock reading now: the floor, moved on by the
// time that can be shown to have passed since mark was recorded. Starting again from the bare
// floor would lose the time the program was down, at every restart, and a clock that is behind
// could then postpone a deletion for as long as the program keeps being restarted. The clock
// itself is then followed by assess under the usual rules (a clock at or after this is
// followed; one too far ahead waits for an admin).
func (r *Retention) resume(floor time.Time, mark ClockMark, now time.Time) time.Time {
	wall := now.Round(0)
	if floor.IsZero() {
		// A new device has no floor yet: the clock is all there is (the setup wizard asks the
		// admin to confirm the date).
		return wall
	}
	trusted := floor
	if boot, up, ok := r.opts.SinceBoot(); ok && boot != "" && boot == mark.Boot && up >= mark.Uptime && !mark.Trusted.IsZero() {
		// The same boot: the kernel counted the time since the mark, whatever was done to the
		// clock meanwhile. That is time that passed, so it needs no one to confirm it, and it is
		// exact, so a clock moved in the meantime is not consulted.
		if t := mark.Trusted.Add(up - mark.Uptime); t.After(trusted) {
			trusted = t
		}
		return trusted
	}
	if mark.Behind > 0 && wall.Before(floor) {
		// Another boot (or no boot id), and the clock is still behind the floor. A clock that was
		// mark.Behind behind has ticked on since, through a real-time clock while the device was
		// off, so it plus that lag counts the time down. Without a real-time clock it restarts
		// from where it was saved and the sum is at most the floor: the time off is not counted,
		// nothing before it is lost. A clock no longer behind was corrected and is followed as
		// it is, not moved on by the old lag. A sum more than MaxAhead after the floor (the clock
		// was moved forward but is still behind) is not trusted, like a clock far ahead.
		if t := wall.Add(mark.Behind); t.After(trusted) && !t.After(floor.Add(r.opts.MaxAhead)) {
			trusted = t
		}
	}
	return trusted
}

// assess returns trusted now and the clock's state for a clock reading now, and takes trusted
// now as the new in-memory floor, so it never goes back between calls. Caller holds mu.
func (r *Retention) assess(now time.Time) (time.Time, ClockState) {
	elapsed := now.Sub(r.start) // monotonic when both readings carry one, as time.Now's do
	if elapsed < 0 {
		elapsed = 0 // a fake or wall-only clock set back: the floor stands still, never back
	}
	// Compare and keep wall times only: two times that both carry a monotonic reading compare
	// by it, which a change of date does not move, so a clock set back while running would
	// look right and its lag would read as zero.
	wall := now.Round(0)
	floor := r.base.Add(elapsed)
	trusted, state := floor, ClockOK
	switch {
	case wall.Before(floor.Add(-r.opts.BehindTolerance)):
		state = ClockBehind
	case wall.After(floor.Add(r.opts.MaxAhead)):
		state = ClockAhead
	case wall.After(floor):
		trusted = wall
	}
	r.base, r.start = trusted, now
	return trusted, state
}

// Now is trusted now: the later of the clock and the time floor (which moves with the time
// elapsed since start-up); a clock too far ahead is not followed until confirmed. It
// implements session.Clock.
func (r *Retention) Now() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	t, _ := r.assess(r.clock.Now())
	return t
}

// advance records trusted now (the floor and its clock mark) and returns it. Caller holds mu.
func (r *Retention) advance(ctx context.Context) (time.Time, ClockState, error) {
	now := r.clock.Now()
	trusted, state := r.assess(now)
	return trusted, state, r.record(ctx, trusted, now)
}

// record persists trusted, taken at the clock reading now, as the floor, with what counts the
// time since it after a restart (see ClockMark). Caller holds mu.
func (r *Retention) record(ctx context.Context, trusted, now time.Time) error {
	m := ClockMark{Trusted: trusted}
	if wall := now.Round(0); wall.Before(trusted) {
		m.Behind = trusted.Sub(wall)
	}
	// Read after trusted was taken, not before, so the time counted from the mark later does
	// not include the moment between the two.
	if boot, up, ok := r.opts.SinceBoot(); ok {
		m.Boot, m.Uptime = boot, up
	}
	if err := r.st.RecordTime(ctx, m); err != nil {
		return fmt.Errorf("retention: %w", err)
	}
	return nil
}

// deletionTime is trusted now for a deletion other than a purge, recorded first so that no
// restart can start from a trusted time earlier than a deletion already done. A failure to
// record is logged, not returned: the deletion matters more, and the next purge records again.
// Caller holds mu.
func (r *Retention) deletionTime(ctx context.Context) time.Time {
	t, _, err := r.advance(ctx)
	if err != nil {
		r.log.Error("recording trusted time before a deletion failed", "err", err)
	}
	return t
}

// Status reports the clock, trusted time, the floor and the next deletion. It changes nothing.
func (r *Retention) Status(ctx context.Context) (Status, error) {
	r.mu.Lock()
	now := r.clock.Now()
	trusted, state := r.assess(now)
	r.mu.Unlock()
	floor, err := r.st.TimeFloor(ctx)
	if err != nil {
		return Status{}, fmt.Errorf("retention status: %w", err)
	}
	next, ok, err := r.st.NextDeletion(ctx)
	if err != nil {
		return Status{}, fmt.Errorf("retention status: %w", err)
	}
	s := Status{Clock: now, Trusted: trusted, Floor: floor, State: state, NextDeletion: next, HasNextDeletion: ok}
	s.Message = s.message(r.opts.MaxAhead)
	return s, nil
}

// ConfirmClock is the admin confirming that the clock, now ahead of the floor by more than
// MaxAhead, is right: the floor moves to it and deletions follow it from now on. A clock behind
// the floor cannot be confirmed (the floor never moves back): set the device's date instead.
func (r *Retention) ConfirmClock(ctx context.Context, actor Role) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.clock.Now()
	_, state := r.assess(now)
	switch state {
	case ClockBehind:
		return fmt.Errorf("confirm clock: the clock is behind the last trusted time; set the device's date and time: %w", ErrClockUnconfirmed)
	case ClockOK:
		return ErrClockUnconfirmed
	}
	wall := now.Round(0)
	if err := r.record(ctx, wall, now); err != nil {
		return fmt.Errorf("confirm clock: %w", err)
	}
	r.base, r.start = wall, now
	if err := r.st.AppendAudit(ctx, AuditEvent{At: wall, Actor: actor, Action: "clock.confirm", Outcome: "ok"}); err != nil {
		return fmt.Errorf("confirm clock: %w", err)
	}
	return nil
}

// PlaceHold puts an engagement on legal hold, with a written reason (required): nothing in it is
// purged or wiped until the hold is released. The event is logged; the reason stays on the
// engagement, not in the log.
func (r *Retention) PlaceHold(ctx context.Context, engagementID, reason string, actor Role) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return fmt.Errorf("legal hold on %s: %w", engagementID, ErrNoReason)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.st.SetLegalHold(ctx, engagementID, true, reason, r.event(actor, "legal-hold.place", engagementID))
}

// ReleaseHold releases an engagement's legal hold; the release is logged. Sessions already past
// their date are purged at the next purge.
func (r *Retention) ReleaseHold(ctx context.Context, engagementID string, actor Role) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.st.SetLegalHold(ctx, engagementID, false, "", r.event(actor, "legal-hold.release", engagementID))
}

// SetDeletionDate sets an engagement's deletion date (required). Sessions later than the new
// date are brought forward to it; moving it later never extends an existing session. A date
// already reached is purged by the next purge.
func (r *Retention) SetDeletionDate(ctx context.Context, engagementID string, date time.Time, actor Role) error {
	if date.IsZero() {
		return fmt.Errorf("set deletion date of %s: %w", engagementID, ErrNoDeletionDate)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.st.SetDeletionDate(ctx, engagementID, date, r.event(actor, "deletion-date.set", engagementID))
}

func (r *Retention) event(actor Role, action, engagementID string) AuditEvent {
	t, _ := r.assess(r.clock.Now())
	return AuditEvent{At: t, Actor: actor, Action: action, EngagementID: engagementID, Outcome: "ok"}
}

// PurgeDue destroys every session whose deletion date trusted time has reached (however long
// the device was off), unless its engagement is on legal hold, and finishes any destruction a
// crash interrupted. Run it at start-up before anything is shown. The receipt has Sessions 0
// when nothing was due.
func (r *Retention) PurgeDue(ctx context.Context) (Receipt, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	trusted, _, err := r.advance(ctx)
	if err != nil {
		return Receipt{}, err
	}
	// An interrupted deletion that still cannot be finished must not hold up the purge.
	pendErr := r.finishPending(ctx)
	rec, err := r.destroy(ctx, Scope{Kind: KindPurge, DueAt: trusted}, RoleSystem, trusted)
	return rec, errors.Join(err, pendErr)
}

// DestroySession destroys one session at once, whatever its date or hold: consent was
// withdrawn. A session that is not there is not an error (it may have been purged already).
// It implements session.Eraser.
func (r *Retention) DestroySession(ctx context.Context, sessionID string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.deletionTime(ctx)
	_, err := r.destroy(ctx, Scope{Kind: KindWithdrawal, SessionID: sessionID}, RoleInterviewee, t)
	if errors.Is(err, session.ErrNotFound) {
		return nil
	}
	return err
}

// WipeEngagement destroys an engagement and every record in it ("follow-up visit done").
// ErrLegalHold while it is on hold.
func (r *Retention) WipeEngagement(ctx context.Context, engagementID string, actor Role) (Receipt, error) {
	return r.WipeFollowedUp(ctx, engagementID, time.Time{}, actor)
}

// WipeFollowedUp is WipeEngagement for an engagement whose follow-up date is followUp: the
// receipt says whether the wipe came before, on or after that day (Receipt.FollowUp).
func (r *Retention) WipeFollowedUp(ctx context.Context, engagementID string, followUp time.Time, actor Role) (Receipt, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.deletionTime(ctx)
	return r.destroy(ctx, Scope{Kind: KindWipeEngagement, EngagementID: engagementID, FollowUpDate: followUp}, actor, t)
}

// WipeAll destroys everything in the database but the time floor (factory reset): every
// engagement, session, interviewer, credential, the audit log and old receipts. The device
// secret is not in the database and is untouched. ErrLegalHold while any hold is in place.
func (r *Retention) WipeAll(ctx context.Context, actor Role) (Receipt, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.deletionTime(ctx)
	return r.destroy(ctx, Scope{Kind: KindWipeAll}, actor, t)
}

// destroy erases scope and finishes the job. Caller holds mu.
func (r *Retention) destroy(ctx context.Context, scope Scope, actor Role, at time.Time) (Receipt, error) {
	id, err := r.newID()
	if err != nil {
		return Receipt{}, err
	}
	in := Receipt{ID: id, Kind: scope.Kind, Actor: actor, At: at}
	if scope.Kind == KindWipeEngagement {
		in.FollowUp = FollowUpAt(at, scope.FollowUpDate)
	}
	rec, keys, err := r.st.Erase(ctx, scope, in)
	if err != nil {
		return Receipt{}, fmt.Errorf("%s: %w", scope.Kind, err)
	}
	if scope.Kind == KindPurge && rec.Sessions == 0 && rec.RowsDeleted == 0 && rec.BoardRecords == 0 {
		return rec, nil
	}
	rec, err = r.finish(ctx, rec, keys)
	ev := AuditEvent{At: at, Actor: actor, Action: string(scope.Kind), SessionID: scope.SessionID,
		EngagementID: scope.EngagementID, Count: rec.Sessions, Outcome: rec.Outcome}
	if aerr := r.st.AppendAudit(ctx, ev); aerr != nil && err == nil {
		err = aerr
	}
	r.log.Info("records destroyed", "receipt", rec.ID, "kind", string(rec.Kind), "sessions", rec.Sessions,
		"entries", rec.Entries, "outcome", rec.Outcome)
	if err != nil {
		return rec, fmt.Errorf("%s: %w", scope.Kind, err)
	}
	return rec, nil
}

// finish removes the copies the deletion left behind, checks that nothing of it remains and
// completes the receipt. keys are the sealed keys to look for in what the storage keeps (none
// when the deletion is being finished after a restart, when they are no longer known).
func (r *Retention) finish(ctx context.Context, rec Receipt, keys [][]byte) (Receipt, error) {
	var errs []error
	f, err := r.st.ForgetDeleted(ctx)
	rec.WALTruncated, rec.Reclaimed, rec.PagesReclaimed = f.JournalCleared, f.SpaceReturned, f.UnitsReturned
	if err != nil {
		errs = append(errs, err)
	}
	var engs []string
	if rec.Kind == KindWipeEngagement || rec.Kind == KindWipeAll {
		engs = rec.EngagementIDs
	}
	if rec.RowsRemaining, err = r.st.RecordsRemaining(ctx, rec.SessionIDs, engs); err != nil {
		errs = append(errs, err)
	}
	if len(keys) > 0 {
		if rec.KeysFound, rec.BytesScanned, err = r.st.Remnants(ctx, keys); err != nil {
			errs = append(errs, err)
		}
	}
	rec.Outcome = OutcomePassed
	if len(errs) > 0 || rec.RowsRemaining != 0 || rec.KeysFound != 0 || !rec.WALTruncated || !rec.Reclaimed {
		rec.Outcome = OutcomeFailed
	}
	rec.CompletedAt, _ = r.assess(r.clock.Now())
	if err := r.st.CompleteReceipt(ctx, rec); err != nil {
		errs = append(errs, err)
	}
	if rec.Outcome == OutcomeFailed && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("receipt %s: the check after deletion failed (%d rows, %d keys remain)", rec.ID, rec.RowsRemaining, rec.KeysFound))
	}
	return rec, errors.Join(errs...)
}

// finishPending completes destructions a crash interrupted after their rows were deleted.
func (r *Retention) finishPending(ctx context.Context) error {
	pending, err := r.st.PendingReceipts(ctx)
	if err != nil {
		return fmt.Errorf("retention: %w", err)
	}
	for _, rec := range pending {
		if _, err := r.finish(ctx, rec, nil); err != nil {
			return fmt.Errorf("retention: finish %s: %w", rec.ID, err)
		}
	}
	return nil
}

// Run purges every Interval until ctx is done, then returns ctx's error. Purge errors are
// logged, not returned: the next tick tries again.
func (r *Retention) Run(ctx context.Context) error {
	t := r.clock.NewTicker(r.opts.Interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C():
			if _, err := r.PurgeDue(ctx); err != nil && ctx.Err() == nil {
				r.log.Error("scheduled purge failed", "err", err)
			}
		}
	}
}

func (r *Retention) newID() (string, error) {
	b := make([]byte, 16)
	if _, err := io.ReadFull(r.opts.Rand, b); err != nil {
		return "", fmt.Errorf("receipt id: %w", err)
	}
	return hex.EncodeToString(b), nil
}
