package retentiontest

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"quietroom/app/retention"
	"quietroom/app/session"
)

// Inspectable is a retention.Storage with the doors the contract needs: a way to put
// engagements, sessions and their content in (session.Store and CreateEngagement), and to read
// the audit log and the receipts back. The SQLite store and Storage both have them, with these
// signatures.
type Inspectable interface {
	retention.Storage
	session.Store
	// CreateEngagement stores a new engagement and appends ev to the audit log:
	// retention.ErrNoDeletionDate without a date, retention.ErrNoReason for a hold without one.
	CreateEngagement(ctx context.Context, e session.Engagement, ev retention.AuditEvent) error
	// Audit returns the audit log newest first, at most limit events (all when limit <= 0).
	Audit(ctx context.Context, limit int) ([]retention.AuditEvent, error)
	// Receipts returns every deletion receipt, newest first.
	Receipts(ctx context.Context) ([]retention.Receipt, error)
}

// T0 is the time the contract's fixtures are set around.
var T0 = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

// The contract's fixture (see seed).
const (
	engOpen = "eng-a" // deletion date T0+30 days; sessions due, due-now, later; 2 declines
	engHeld = "eng-h" // on legal hold; session held, due before any other
)

// Contract tests the promises of retention.Storage that retention relies on: deletion dates
// (inherited, only ever brought forward), legal holds, the purge of due sessions, withdrawal,
// the wipe of an engagement and of everything, the time floor and its clock mark (never moved
// back, kept through a wipe), receipts and audit entries, the check after a deletion, and that
// a call that fails changes nothing. open returns a new, empty storage; each subtest opens its
// own. reopen, when not nil, closes s and opens the same data again, as after a restart;
// Storage, which keeps its data in memory, passes nil.
func Contract(t *testing.T, open func(t *testing.T) Inspectable, reopen func(t *testing.T, s Inspectable) Inspectable) {
	t.Helper()
	ctx := context.Background()

	t.Run("TimeFloorNeverMovesBack", func(t *testing.T) {
		s := open(t)
		if f, err := s.TimeFloor(ctx); err != nil || !f.IsZero() {
			t.Fatalf("TimeFloor(new) = %v, %v; want zero, nil", f, err)
		}
		if m, err := s.ClockMark(ctx); err != nil || m != (retention.ClockMark{}) {
			t.Fatalf("ClockMark(new) = %+v, %v; want zero, nil", m, err)
		}
		mustRecord(t, s, retention.ClockMark{})
		checkFloor(t, s, time.Time{}, retention.ClockMark{})

		zone := time.FixedZone("UTC+2", 2*60*60)
		first := retention.ClockMark{Trusted: T0.In(zone).Add(7), Behind: 3 * time.Hour, Boot: "boot-1", Uptime: 90 * time.Second}
		mustRecord(t, s, first)
		checkFloor(t, s, first.Trusted, first)
		// An earlier mark is stored (it says how to count from now on), the floor stays.
		back := retention.ClockMark{Trusted: T0.Add(-time.Hour), Boot: "boot-2", Uptime: time.Second}
		mustRecord(t, s, back)
		checkFloor(t, s, first.Trusted, back)
		later := retention.ClockMark{Trusted: T0.Add(time.Hour)}
		mustRecord(t, s, later)
		checkFloor(t, s, later.Trusted, later)
		mustRecord(t, s, retention.ClockMark{})
		checkFloor(t, s, later.Trusted, later)
	})

	t.Run("CreateEngagementNeedsADate", func(t *testing.T) {
		s := open(t)
		if err := s.CreateEngagement(ctx, session.Engagement{ID: "e0", Title: "x"}, event("engagement.create", "e0")); !errors.Is(err, retention.ErrNoDeletionDate) {
			t.Errorf("CreateEngagement(no date) = %v, want ErrNoDeletionDate", err)
		}
		held := session.Engagement{ID: "e1", Title: "x", DeletionDate: T0, LegalHold: true}
		if err := s.CreateEngagement(ctx, held, event("engagement.create", "e1")); !errors.Is(err, retention.ErrNoReason) {
			t.Errorf("CreateEngagement(hold, no reason) = %v, want ErrNoReason", err)
		}
		for _, id := range []string{"e0", "e1"} {
			if _, err := s.Engagement(ctx, id); !errors.Is(err, session.ErrNotFound) {
				t.Errorf("Engagement(%s) after a refused create = %v, want ErrNotFound", id, err)
			}
		}
		checkAudit(t, s, nil)
	})

	t.Run("SessionDatesOnlyComeForward", func(t *testing.T) {
		s := open(t)
		eng := T0.AddDate(0, 0, 30)
		mustEngagement(t, s, session.Engagement{ID: engOpen, Title: "360 interviews", DeletionDate: eng})
		for _, tc := range []struct {
			id        string
			requested time.Time
			want      time.Time
			err       error
		}{
			{"inherits", time.Time{}, eng, nil},
			{"earlier", eng.AddDate(0, 0, -3), eng.AddDate(0, 0, -3), nil},
			{"later", eng.Add(time.Second), time.Time{}, retention.ErrDateExtended},
		} {
			err := s.CreateSession(ctx, record(tc.id, engOpen, tc.requested))
			if !errors.Is(err, tc.err) {
				t.Errorf("CreateSession(%s, date %v) = %v, want %v", tc.id, tc.requested, err, tc.err)
			}
			if tc.err != nil {
				checkGone(t, s, tc.id)
				continue
			}
			checkDate(t, s, tc.id, tc.want)
		}
		r, err := s.Session(ctx, "earlier")
		if err != nil {
			t.Fatal(err)
		}
		r.DeletionDate = eng
		if err := s.UpdateSession(ctx, r); !errors.Is(err, retention.ErrDateExtended) {
			t.Errorf("UpdateSession(later date) = %v, want ErrDateExtended", err)
		}
		checkDate(t, s, "earlier", eng.AddDate(0, 0, -3))
		r.DeletionDate = time.Time{}
		if err := s.UpdateSession(ctx, r); err != nil {
			t.Errorf("UpdateSession(zero date) = %v, want nil", err)
		}
		checkDate(t, s, "earlier", eng.AddDate(0, 0, -3))
	})

	t.Run("SetDeletionDate", func(t *testing.T) {
		s := open(t)
		eng := T0.AddDate(0, 0, 30)
		mustEngagement(t, s, session.Engagement{ID: engOpen, Title: "360 interviews", DeletionDate: eng})
		mustEngagement(t, s, session.Engagement{ID: "other", Title: "Peer challenge", DeletionDate: eng})
		early := T0.AddDate(0, 0, 5)
		mustSession(t, s, record("early", engOpen, early))
		mustSession(t, s, record("late", engOpen, time.Time{}))
		mustSession(t, s, record("elsewhere", "other", time.Time{}))
		audit := auditOf(t, s)

		unchanged := func(t *testing.T, what string) {
			t.Helper()
			if e := engagementOf(t, s, engOpen); !e.DeletionDate.Equal(eng) {
				t.Errorf("after %s the engagement's date = %v, want %v", what, e.DeletionDate, eng)
			}
			checkDate(t, s, "late", eng)
			checkAudit(t, s, audit)
		}
		if err := s.SetDeletionDate(ctx, engOpen, time.Time{}, event("deletion-date.set", engOpen)); !errors.Is(err, retention.ErrNoDeletionDate) {
			t.Errorf("SetDeletionDate(zero) = %v, want ErrNoDeletionDate", err)
		}
		unchanged(t, "a zero date")
		if err := s.SetDeletionDate(ctx, "missing", T0, event("deletion-date.set", "missing")); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("SetDeletionDate(missing) = %v, want ErrNotFound", err)
		}
		unchanged(t, "an unknown engagement")
		if err := s.SetDeletionDate(ctx, engOpen, T0.AddDate(0, 0, 10), retention.AuditEvent{At: T0}); err == nil {
			t.Error("SetDeletionDate with an audit event without an action = nil, want an error")
		}
		unchanged(t, "an event without an action")

		forward := T0.AddDate(0, 0, 10)
		ev := event("deletion-date.set", engOpen)
		if err := s.SetDeletionDate(ctx, engOpen, forward, ev); err != nil {
			t.Fatalf("SetDeletionDate(earlier) = %v", err)
		}
		if e := engagementOf(t, s, engOpen); !e.DeletionDate.Equal(forward) {
			t.Errorf("engagement date = %v, want %v", e.DeletionDate, forward)
		}
		checkDate(t, s, "late", forward)
		checkDate(t, s, "early", early)
		checkDate(t, s, "elsewhere", eng)
		audit = append([]retention.AuditEvent{ev}, audit...)
		checkAudit(t, s, audit)

		ev = event("deletion-date.set", engOpen)
		if err := s.SetDeletionDate(ctx, engOpen, eng.AddDate(1, 0, 0), ev); err != nil {
			t.Fatalf("SetDeletionDate(later) = %v", err)
		}
		checkDate(t, s, "late", forward)
		checkDate(t, s, "early", early)
		checkAudit(t, s, append([]retention.AuditEvent{ev}, audit...))
		mustSession(t, s, record("new", engOpen, time.Time{}))
		checkDate(t, s, "new", eng.AddDate(1, 0, 0))
	})

	t.Run("LegalHold", func(t *testing.T) {
		s := open(t)
		mustEngagement(t, s, session.Engagement{ID: engOpen, Title: "360 interviews", DeletionDate: T0})
		audit := auditOf(t, s)
		unchanged := func(t *testing.T, what string) {
			t.Helper()
			if e := engagementOf(t, s, engOpen); e.LegalHold || e.HoldReason != "" {
				t.Errorf("after %s: hold %v, reason %q; want none", what, e.LegalHold, e.HoldReason)
			}
			checkAudit(t, s, audit)
		}
		if err := s.SetLegalHold(ctx, engOpen, true, "", event("legal-hold.place", engOpen)); !errors.Is(err, retention.ErrNoReason) {
			t.Errorf("SetLegalHold(no reason) = %v, want ErrNoReason", err)
		}
		unchanged(t, "a hold without a reason")
		if err := s.SetLegalHold(ctx, "missing", true, "dispute", event("legal-hold.place", "missing")); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("SetLegalHold(missing) = %v, want ErrNotFound", err)
		}
		unchanged(t, "a hold on an unknown engagement")
		if err := s.SetLegalHold(ctx, engOpen, true, "dispute", retention.AuditEvent{At: T0}); err == nil {
			t.Error("SetLegalHold with an audit event without an action = nil, want an error")
		}
		unchanged(t, "an event without an action")

		place := event("legal-hold.place", engOpen)
		if err := s.SetLegalHold(ctx, engOpen, true, "tribunal claim", place); err != nil {
			t.Fatalf("SetLegalHold(place) = %v", err)
		}
		if e := engagementOf(t, s, engOpen); !e.LegalHold || e.HoldReason != "tribunal claim" {
			t.Errorf("after placing: hold %v, reason %q; want true, %q", e.LegalHold, e.HoldReason, "tribunal claim")
		}
		audit = append([]retention.AuditEvent{place}, audit...)
		checkAudit(t, s, audit)
		release := event("legal-hold.release", engOpen)
		if err := s.SetLegalHold(ctx, engOpen, false, "stale reason", release); err != nil {
			t.Fatalf("SetLegalHold(release) = %v", err)
		}
		audit = append([]retention.AuditEvent{release}, audit...)
		unchanged(t, "a release")
	})

	t.Run("NextDeletionSkipsHolds", func(t *testing.T) {
		s := open(t)
		if at, ok, err := s.NextDeletion(ctx); err != nil || ok {
			t.Errorf("NextDeletion(empty) = %v, %v, %v; want none", at, ok, err)
		}
		seed(t, s)
		if at, ok, err := s.NextDeletion(ctx); err != nil || !ok || !at.Equal(T0.Add(-time.Hour)) {
			t.Errorf("NextDeletion = %v, %v, %v; want %v (the held session's earlier date skipped)", at, ok, err, T0.Add(-time.Hour))
		}
		if err := s.SetLegalHold(ctx, engHeld, false, "", event("legal-hold.release", engHeld)); err != nil {
			t.Fatal(err)
		}
		if at, ok, err := s.NextDeletion(ctx); err != nil || !ok || !at.Equal(T0.Add(-2*time.Hour)) {
			t.Errorf("NextDeletion after the release = %v, %v, %v; want %v", at, ok, err, T0.Add(-2*time.Hour))
		}
	})

	t.Run("PurgeDestroysDueSessionsNotOnHold", func(t *testing.T) {
		s := open(t)
		seed(t, s)
		in := receipt("r-purge", retention.RoleSystem, T0)
		rec, keys, err := s.Erase(ctx, retention.Scope{Kind: retention.KindPurge, DueAt: T0}, in)
		if err != nil {
			t.Fatalf("Erase(purge) = %v", err)
		}
		want := in
		want.Kind, want.SecureDelete, want.Outcome = retention.KindPurge, true, retention.OutcomePending
		want.SessionIDs, want.EngagementIDs = []string{"due", "due-now"}, []string{engOpen}
		want.Sessions, want.Entries, want.Consents, want.KeysDestroyed, want.RowsDeleted = 2, 2, 1, 2, 5
		checkReceipt(t, "Erase(purge)", rec, want)
		checkKeys(t, keys, sealedKey("due"), sealedKey("due-now"))
		checkGone(t, s, "due", "due-now")
		checkKept(t, s, "later", "held")
		checkReceipts(t, s, want)
		checkPending(t, s, want)
		if n, err := s.RecordsRemaining(ctx, rec.SessionIDs, nil); err != nil || n != 0 {
			t.Errorf("RecordsRemaining(purged) = %d, %v; want 0, nil", n, err)
		}

		again, keys, err := s.Erase(ctx, retention.Scope{Kind: retention.KindPurge, DueAt: T0}, receipt("r-again", retention.RoleSystem, T0))
		if err != nil || again.Sessions != 0 || len(again.SessionIDs) != 0 || len(keys) != 0 {
			t.Errorf("Erase(purge, nothing due) = %d sessions %v, %d keys, %v; want none, nil", again.Sessions, again.SessionIDs, len(keys), err)
		}
		checkReceipts(t, s, want)
		checkPending(t, s, want)
	})

	t.Run("WithdrawalIgnoresHolds", func(t *testing.T) {
		s := open(t)
		seed(t, s)
		rec, keys, err := s.Erase(ctx, retention.Scope{Kind: retention.KindWithdrawal, SessionID: "held"}, receipt("r-w", retention.RoleInterviewee, T0))
		if err != nil {
			t.Fatalf("Erase(withdrawal under a hold) = %v", err)
		}
		if !slices.Equal(rec.SessionIDs, []string{"held"}) || !slices.Equal(rec.EngagementIDs, []string{engHeld}) || rec.Sessions != 1 || rec.Outcome != retention.OutcomePending {
			t.Errorf("Erase(withdrawal) = %+v, want session held of %s, pending", rec, engHeld)
		}
		checkKeys(t, keys, sealedKey("held"))
		checkGone(t, s, "held")
		checkKept(t, s, "due", "due-now", "later")
		before := receiptsOf(t, s)
		if _, _, err := s.Erase(ctx, retention.Scope{Kind: retention.KindWithdrawal, SessionID: "held"}, receipt("r-w2", retention.RoleInterviewee, T0)); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Erase(withdrawal of a session gone) = %v, want ErrNotFound", err)
		}
		checkReceipts(t, s, before...)
	})

	t.Run("WipeEngagement", func(t *testing.T) {
		s := open(t)
		seed(t, s)
		audit := auditOf(t, s)
		for _, tc := range []struct {
			id  string
			err error
		}{{engHeld, retention.ErrLegalHold}, {"missing", session.ErrNotFound}} {
			if _, _, err := s.Erase(ctx, retention.Scope{Kind: retention.KindWipeEngagement, EngagementID: tc.id}, receipt("r-x", retention.RoleAdmin, T0)); !errors.Is(err, tc.err) {
				t.Errorf("Erase(wipe %s) = %v, want %v", tc.id, err, tc.err)
			}
		}
		checkKept(t, s, "held", "due")
		engagementOf(t, s, engHeld)
		checkReceipts(t, s)
		checkAudit(t, s, audit)

		in := receipt("r-wipe", retention.RoleAdmin, T0)
		in.FollowUp = retention.FollowUpBefore // kept with the receipt: wiped before the follow-up
		rec, keys, err := s.Erase(ctx, retention.Scope{Kind: retention.KindWipeEngagement, EngagementID: engOpen}, in)
		if err != nil {
			t.Fatalf("Erase(wipe) = %v", err)
		}
		want := in
		want.Kind, want.SecureDelete, want.Outcome = retention.KindWipeEngagement, true, retention.OutcomePending
		want.SessionIDs, want.EngagementIDs = []string{"due", "due-now", "later"}, []string{engOpen}
		want.Sessions, want.Entries, want.Consents, want.Declines, want.KeysDestroyed = 3, 2, 1, 2, 3
		if rec.RowsDeleted < rec.Sessions+rec.Entries+rec.Consents+1 {
			t.Errorf("Erase(wipe).RowsDeleted = %d, want at least the sessions, entries, consents and engagement (%d)", rec.RowsDeleted, rec.Sessions+rec.Entries+rec.Consents+1)
		}
		want.RowsDeleted = rec.RowsDeleted
		checkReceipt(t, "Erase(wipe)", rec, want)
		checkKeys(t, keys, sealedKey("due"), sealedKey("due-now"), sealedKey("later"))
		checkGone(t, s, "due", "due-now", "later")
		checkKept(t, s, "held")
		if _, err := s.Engagement(ctx, engOpen); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Engagement(wiped) = %v, want ErrNotFound", err)
		}
		if n, err := s.RecordsRemaining(ctx, rec.SessionIDs, rec.EngagementIDs); err != nil || n != 0 {
			t.Errorf("RecordsRemaining(wiped) = %d, %v; want 0, nil", n, err)
		}
		if err := s.CreateSession(ctx, record("late-comer", engOpen, time.Time{})); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("CreateSession in a wiped engagement = %v, want ErrNotFound", err)
		}
		if err := s.CountDecline(ctx, engOpen); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("CountDecline in a wiped engagement = %v, want ErrNotFound", err)
		}
		checkReceipts(t, s, want)
	})

	t.Run("WipeAllKeepsOnlyTheFloor", func(t *testing.T) {
		s := open(t)
		seed(t, s)
		mark := retention.ClockMark{Trusted: T0, Behind: time.Minute, Boot: "boot-1", Uptime: time.Hour}
		mustRecord(t, s, mark)
		if _, _, err := s.Erase(ctx, retention.Scope{Kind: retention.KindWipeAll}, receipt("r-x", retention.RoleAdmin, T0)); !errors.Is(err, retention.ErrLegalHold) {
			t.Errorf("Erase(wipe all) under a hold = %v, want ErrLegalHold", err)
		}
		checkKept(t, s, "due", "held")
		checkReceipts(t, s)
		if err := s.SetLegalHold(ctx, engHeld, false, "", event("legal-hold.release", engHeld)); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Erase(ctx, retention.Scope{Kind: retention.KindPurge, DueAt: T0}, receipt("r-old", retention.RoleSystem, T0)); err != nil {
			t.Fatal(err)
		}
		in := receipt("r-all", retention.RoleAdmin, T0.Add(time.Minute))
		rec, keys, err := s.Erase(ctx, retention.Scope{Kind: retention.KindWipeAll}, in)
		if err != nil {
			t.Fatalf("Erase(wipe all) = %v", err)
		}
		want := in
		want.Kind, want.SecureDelete, want.Outcome = retention.KindWipeAll, true, retention.OutcomePending
		want.SessionIDs, want.EngagementIDs = []string{"later"}, []string{engOpen, engHeld}
		want.Sessions, want.Declines, want.KeysDestroyed = 1, 2, 1
		want.RowsDeleted = rec.RowsDeleted
		checkReceipt(t, "Erase(wipe all)", rec, want)
		checkKeys(t, keys, sealedKey("later"))
		checkGone(t, s, "later")
		for _, id := range []string{engOpen, engHeld} {
			if _, err := s.Engagement(ctx, id); !errors.Is(err, session.ErrNotFound) {
				t.Errorf("Engagement(%s) after wipe all = %v, want ErrNotFound", id, err)
			}
		}
		checkAudit(t, s, nil)
		checkReceipts(t, s, want)
		checkFloor(t, s, T0, mark)
	})

	t.Run("ForgetDeletedLeavesNoRemnants", func(t *testing.T) {
		s := open(t)
		seed(t, s)
		absent := []byte("a marker that was never stored anywhere")
		found, scanned, err := s.Remnants(ctx, [][]byte{sealedKey("due"), sealedKey("later"), absent, nil})
		if err != nil || found != 2 || scanned <= 0 {
			t.Errorf("Remnants(2 stored keys, 1 absent, 1 empty) = %d, %d bytes, %v; want 2, some bytes, nil", found, scanned, err)
		}
		_, keys, err := s.Erase(ctx, retention.Scope{Kind: retention.KindPurge, DueAt: T0}, receipt("r", retention.RoleSystem, T0))
		if err != nil {
			t.Fatal(err)
		}
		f, err := s.ForgetDeleted(ctx)
		if err != nil || !f.JournalCleared || !f.SpaceReturned || f.UnitsReturned < 0 {
			t.Errorf("ForgetDeleted = %+v, %v; want the journal cleared and the space returned", f, err)
		}
		if found, _, err := s.Remnants(ctx, keys); err != nil || found != 0 {
			t.Errorf("Remnants(purged keys) = %d, %v; want 0, nil", found, err)
		}
		if found, _, err := s.Remnants(ctx, [][]byte{sealedKey("later")}); err != nil || found != 1 {
			t.Errorf("Remnants(a kept session's key) = %d, %v; want 1, nil", found, err)
		}
		if n, err := s.RecordsRemaining(ctx, []string{"later"}, []string{engOpen}); err != nil || n == 0 {
			t.Errorf("RecordsRemaining(kept) = %d, %v; want more than 0", n, err)
		}
	})

	t.Run("Receipts", func(t *testing.T) {
		s := open(t)
		seed(t, s)
		first, _, err := s.Erase(ctx, retention.Scope{Kind: retention.KindWithdrawal, SessionID: "later"}, receipt("r-1", retention.RoleInterviewee, T0.Add(time.Minute)))
		if err != nil {
			t.Fatal(err)
		}
		second, _, err := s.Erase(ctx, retention.Scope{Kind: retention.KindWithdrawal, SessionID: "due"}, receipt("r-2", retention.RoleInterviewee, T0))
		if err != nil {
			t.Fatal(err)
		}
		checkPending(t, s, second, first)
		checkReceipts(t, s, first, second)

		done := first
		done.WALTruncated, done.Reclaimed, done.PagesReclaimed = true, true, 12
		done.RowsRemaining, done.BytesScanned, done.KeysFound = 0, 4096, 0
		done.Outcome, done.CompletedAt = retention.OutcomePassed, T0.Add(2*time.Minute)
		changed := done
		changed.Sessions, changed.SessionIDs, changed.Kind = 99, []string{"someone-else"}, retention.KindWipeAll
		if err := s.CompleteReceipt(ctx, changed); err != nil {
			t.Fatalf("CompleteReceipt = %v", err)
		}
		checkReceipts(t, s, done, second)
		checkPending(t, s, second)
		if err := s.CompleteReceipt(ctx, receipt("r-missing", retention.RoleSystem, T0)); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("CompleteReceipt(unknown) = %v, want ErrNotFound", err)
		}
		checkReceipts(t, s, done, second)
	})

	t.Run("EraseWithAReceiptIDInUseChangesNothing", func(t *testing.T) {
		s := open(t)
		seed(t, s)
		first, _, err := s.Erase(ctx, retention.Scope{Kind: retention.KindWithdrawal, SessionID: "later"}, receipt("r-1", retention.RoleInterviewee, T0))
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Erase(ctx, retention.Scope{Kind: retention.KindPurge, DueAt: T0}, receipt("r-1", retention.RoleSystem, T0)); err == nil {
			t.Error("Erase with a receipt id in use = nil, want an error")
		}
		checkKept(t, s, "due", "due-now", "held")
		checkReceipts(t, s, first)
	})

	t.Run("EraseOfAnUnknownKindChangesNothing", func(t *testing.T) {
		s := open(t)
		seed(t, s)
		if _, _, err := s.Erase(ctx, retention.Scope{Kind: "shred"}, receipt("r", retention.RoleAdmin, T0)); err == nil {
			t.Error("Erase(unknown kind) = nil, want an error")
		}
		checkKept(t, s, "due", "due-now", "later", "held")
		checkReceipts(t, s)
	})

	t.Run("AuditLog", func(t *testing.T) {
		s := open(t)
		if err := s.AppendAudit(ctx, retention.AuditEvent{At: T0, Actor: retention.RoleAdmin}); err == nil {
			t.Error("AppendAudit(no action) = nil, want an error")
		}
		checkAudit(t, s, nil)
		var want []retention.AuditEvent
		for i, action := range []string{"clock.confirm", "engagement.create", "wipe-engagement"} {
			ev := retention.AuditEvent{At: T0.Add(time.Duration(i) * time.Minute), Actor: retention.RoleAdmin, Action: action,
				EngagementID: "e", SessionID: "s", Count: i, Outcome: "ok"}
			if err := s.AppendAudit(ctx, ev); err != nil {
				t.Fatalf("AppendAudit = %v", err)
			}
			want = append([]retention.AuditEvent{ev}, want...)
		}
		checkAudit(t, s, want)
		got, err := s.Audit(ctx, 2)
		if err != nil || len(got) != 2 || got[0].Action != "wipe-engagement" {
			t.Errorf("Audit(limit 2) = %+v, %v; want the two newest", got, err)
		}
	})

	if reopen == nil {
		return
	}
	t.Run("SurvivesARestart", func(t *testing.T) {
		s := open(t)
		seed(t, s)
		mark := retention.ClockMark{Trusted: T0, Behind: time.Minute, Boot: "boot-1", Uptime: time.Hour}
		mustRecord(t, s, mark)
		if err := s.SetDeletionDate(ctx, engOpen, T0.AddDate(0, 0, 1), event("deletion-date.set", engOpen)); err != nil {
			t.Fatal(err)
		}
		rec, _, err := s.Erase(ctx, retention.Scope{Kind: retention.KindPurge, DueAt: T0}, receipt("r", retention.RoleSystem, T0))
		if err != nil {
			t.Fatal(err)
		}
		audit := auditOf(t, s)
		s = reopen(t, s)
		checkFloor(t, s, T0, mark)
		checkAudit(t, s, audit)
		checkReceipts(t, s, rec)
		checkPending(t, s, rec)
		checkGone(t, s, "due", "due-now")
		checkDate(t, s, "later", T0.Add(time.Hour))
		if e := engagementOf(t, s, engHeld); !e.LegalHold || e.HoldReason == "" {
			t.Errorf("after a restart the hold is %v, %q; want kept", e.LegalHold, e.HoldReason)
		}
	})
}

// seed stores the contract's fixture: engOpen (date T0+30 days) with sessions "due" (T0-1h, two
// entries and a consent), "due-now" (T0) and "later" (T0+1h), and 2 declines; engHeld, on legal
// hold, with session "held" (T0-2h).
func seed(t *testing.T, s Inspectable) {
	t.Helper()
	ctx := context.Background()
	mustEngagement(t, s, session.Engagement{ID: engOpen, Title: "360 interviews, cohort 3", DeletionDate: T0.AddDate(0, 0, 30), CreatedAt: T0})
	mustEngagement(t, s, session.Engagement{ID: engHeld, Title: "Peer challenge", DeletionDate: T0.AddDate(0, 0, 10),
		LegalHold: true, HoldReason: "tribunal claim", CreatedAt: T0})
	mustSession(t, s, record("due", engOpen, T0.Add(-time.Hour)))
	mustSession(t, s, record("due-now", engOpen, T0))
	mustSession(t, s, record("later", engOpen, T0.Add(time.Hour)))
	mustSession(t, s, record("held", engHeld, T0.Add(-2*time.Hour)))
	for _, id := range []string{"due-e1", "due-e2"} {
		e := session.Entry{ID: id, SessionID: "due", Kind: session.EntryNote, Sealed: []byte("sealed-note-" + id), CreatedAt: T0}
		if err := s.PutEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	c := session.ConsentRecord{SessionID: "due", Choices: map[string]bool{"take-part": true}, SealedSignature: []byte("sealed-signature"), GivenAt: T0}
	if err := s.PutConsent(ctx, c); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := s.CountDecline(ctx, engOpen); err != nil {
			t.Fatal(err)
		}
	}
}

func sealedKey(sessionID string) []byte { return []byte("sealed-key-of-" + sessionID + "-0123456789") }

func record(id, eng string, del time.Time) session.Record {
	return session.Record{ID: id, EngagementID: eng, InterviewerID: "iv-1", PackID: "p", PackVersion: 1,
		State: session.StateQuestions, DeletionDate: del, SealedKey: sealedKey(id), SealedLabel: []byte("sealed-label-" + id),
		CreatedAt: T0, UpdatedAt: T0}
}

func event(action, engagementID string) retention.AuditEvent {
	return retention.AuditEvent{At: T0, Actor: retention.RoleAdmin, Action: action, EngagementID: engagementID, Outcome: "ok"}
}

func receipt(id string, actor retention.Role, at time.Time) retention.Receipt {
	return retention.Receipt{ID: id, Actor: actor, At: at}
}

func mustEngagement(t *testing.T, s Inspectable, e session.Engagement) {
	t.Helper()
	if err := s.CreateEngagement(context.Background(), e, event("engagement.create", e.ID)); err != nil {
		t.Fatal(err)
	}
}

func mustSession(t *testing.T, s Inspectable, r session.Record) {
	t.Helper()
	if err := s.CreateSession(context.Background(), r); err != nil {
		t.Fatal(err)
	}
}

func mustRecord(t *testing.T, s Inspectable, m retention.ClockMark) {
	t.Helper()
	if err := s.RecordTime(context.Background(), m); err != nil {
		t.Fatalf("RecordTime(%+v) = %v", m, err)
	}
}

func engagementOf(t *testing.T, s Inspectable, id string) session.Engagement {
	t.Helper()
	e, err := s.Engagement(context.Background(), id)
	if err != nil {
		t.Fatalf("Engagement(%s) = %v", id, err)
	}
	return e
}

func auditOf(t *testing.T, s Inspectable) []retention.AuditEvent {
	t.Helper()
	a, err := s.Audit(context.Background(), 0)
	if err != nil {
		t.Fatalf("Audit = %v", err)
	}
	return a
}

func receiptsOf(t *testing.T, s Inspectable) []retention.Receipt {
	t.Helper()
	rs, err := s.Receipts(context.Background())
	if err != nil {
		t.Fatalf("Receipts = %v", err)
	}
	return rs
}

func checkFloor(t *testing.T, s Inspectable, floor time.Time, mark retention.ClockMark) {
	t.Helper()
	ctx := context.Background()
	if f, err := s.TimeFloor(ctx); err != nil || !f.Equal(floor) {
		t.Errorf("TimeFloor = %v, %v; want %v", f, err, floor)
	}
	m, err := s.ClockMark(ctx)
	if err != nil || !m.Trusted.Equal(mark.Trusted) || m.Behind != mark.Behind || m.Boot != mark.Boot || m.Uptime != mark.Uptime {
		t.Errorf("ClockMark = %+v, %v; want %+v", m, err, mark)
	}
}

func checkDate(t *testing.T, s Inspectable, id string, want time.Time) {
	t.Helper()
	r, err := s.Session(context.Background(), id)
	if err != nil {
		t.Errorf("Session(%s) = %v", id, err)
		return
	}
	if !r.DeletionDate.Equal(want) {
		t.Errorf("session %s deletion date = %v, want %v", id, r.DeletionDate, want)
	}
}

func checkGone(t *testing.T, s Inspectable, ids ...string) {
	t.Helper()
	for _, id := range ids {
		if _, err := s.Session(context.Background(), id); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Session(%s) = %v, want ErrNotFound", id, err)
		}
	}
}

func checkKept(t *testing.T, s Inspectable, ids ...string) {
	t.Helper()
	for _, id := range ids {
		if _, err := s.Session(context.Background(), id); err != nil {
			t.Errorf("Session(%s) = %v, want it kept", id, err)
		}
	}
}

func checkKeys(t *testing.T, got [][]byte, want ...[]byte) {
	t.Helper()
	sorted := func(ks [][]byte) [][]byte {
		ks = slices.Clone(ks)
		slices.SortFunc(ks, bytes.Compare)
		return ks
	}
	if !slices.EqualFunc(sorted(got), sorted(want), bytes.Equal) {
		t.Errorf("sealed keys returned = %q, want %q", got, want)
	}
}

func checkAudit(t *testing.T, s Inspectable, want []retention.AuditEvent) {
	t.Helper()
	got := auditOf(t, s)
	same := len(got) == len(want)
	for i := 0; same && i < len(got); i++ {
		g, w := got[i], want[i]
		same = g.At.Equal(w.At) && g.Actor == w.Actor && g.Action == w.Action && g.EngagementID == w.EngagementID &&
			g.SessionID == w.SessionID && g.Count == w.Count && g.Outcome == w.Outcome && (i == 0 || g.Seq < got[i-1].Seq)
	}
	if !same {
		t.Errorf("audit log (newest first) = %+v\nwant %+v, with Seq rising", got, want)
	}
}

func checkReceipts(t *testing.T, s Inspectable, want ...retention.Receipt) {
	t.Helper()
	got := receiptsOf(t, s)
	if len(got) != len(want) {
		t.Errorf("Receipts = %d receipts %+v, want %d", len(got), got, len(want))
		return
	}
	for i := range got {
		checkReceipt(t, "Receipts", got[i], want[i])
	}
}

func checkPending(t *testing.T, s Inspectable, want ...retention.Receipt) {
	t.Helper()
	got, err := s.PendingReceipts(context.Background())
	if err != nil || len(got) != len(want) {
		t.Errorf("PendingReceipts = %+v, %v; want %d", got, err, len(want))
		return
	}
	for i := range got {
		checkReceipt(t, "PendingReceipts", got[i], want[i])
	}
}

func checkReceipt(t *testing.T, where string, got, want retention.Receipt) {
	t.Helper()
	norm := func(r retention.Receipt) retention.Receipt {
		r.At, r.CompletedAt = time.Time{}, time.Time{}
		if len(r.SessionIDs) == 0 {
			r.SessionIDs = nil
		}
		if len(r.EngagementIDs) == 0 {
			r.EngagementIDs = nil
		}
		return r
	}
	g, w := norm(got), norm(want)
	if !got.At.Equal(want.At) || !got.CompletedAt.Equal(want.CompletedAt) || !slices.Equal(g.SessionIDs, w.SessionIDs) ||
		!slices.Equal(g.EngagementIDs, w.EngagementIDs) {
		t.Errorf("%s: receipt %+v\nwant %+v", where, got, want)
		return
	}
	g.SessionIDs, g.EngagementIDs, w.SessionIDs, w.EngagementIDs = nil, nil, nil, nil
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s: receipt %+v\nwant %+v", where, got, want)
	}
}
