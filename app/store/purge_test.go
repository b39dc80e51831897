package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/retention"
	"quietroom/app/session"
)

func newRetention(t testing.TB, d *DB, c *clocktest.Clock) *retention.Retention {
	t.Helper()
	r, err := retention.New(context.Background(), d, c, retention.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestDestructionLeavesNothingInTheFiles purges, wipes an engagement, withdraws a session and
// resets the device, and after each scans every byte of the data folder for the sealed keys,
// labels, notes and signatures captured before; the other sessions must still read back.
func TestDestructionLeavesNothingInTheFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	d := openDB(t, dir, Options{})
	in := newInterviewer(t, "iv1")
	due := day0.AddDate(0, 0, 10)
	later := day0.AddDate(0, 3, 0)
	mustEngagement(t, d, "e-due", due)
	mustEngagement(t, d, "e-wipe", later)
	mustEngagement(t, d, "e-keep", later)
	captured := map[string][][]byte{}
	keys := map[string]session.SessionKey{}
	for _, s := range []struct{ eng, id string }{
		{"e-due", "due-1"}, {"e-due", "due-2"}, {"e-wipe", "wipe-1"}, {"e-wipe", "wipe-2"},
		{"e-keep", "keep-1"}, {"e-keep", "withdrawn"},
	} {
		keys[s.id], captured[s.id] = sealedSession(t, d, in, s.eng, s.id, 40, "MARKER-"+s.id)
	}
	// The scan can find what is there: before any deletion every capture is in the files.
	for id, c := range captured {
		if got := foundInDir(t, dir, c); got != len(c) {
			t.Fatalf("before deletion: %d of %d captures of %s found in the files, want all", got, len(c), id)
		}
	}
	clock := clocktest.New(day0)
	r := newRetention(t, d, clock)
	clock.Set(due.Add(time.Minute))

	steps := []struct {
		name    string
		do      func() (retention.Receipt, error)
		gone    []string
		kind    retention.Kind
		entries int
	}{
		{"purge", func() (retention.Receipt, error) { return r.PurgeDue(ctx) }, []string{"due-1", "due-2"}, retention.KindPurge, 80},
		{"wipe engagement", func() (retention.Receipt, error) { return r.WipeEngagement(ctx, "e-wipe", retention.RoleAdmin) }, []string{"wipe-1", "wipe-2"}, retention.KindWipeEngagement, 80},
		{"withdrawal", func() (retention.Receipt, error) {
			if err := r.DestroySession(ctx, "withdrawn"); err != nil {
				return retention.Receipt{}, err
			}
			recs, err := d.Receipts(ctx)
			if err != nil || len(recs) == 0 {
				return retention.Receipt{}, fmt.Errorf("receipts: %d, %v", len(recs), err)
			}
			return recs[0], nil
		}, []string{"withdrawn"}, retention.KindWithdrawal, 40},
		{"wipe all", func() (retention.Receipt, error) { return r.WipeAll(ctx, retention.RoleAdmin) }, []string{"keep-1"}, retention.KindWipeAll, 40},
	}
	var destroyed []string
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			rec, err := st.do()
			if err != nil {
				t.Fatalf("%s = %v", st.name, err)
			}
			if rec.Kind != st.kind || rec.Sessions != len(st.gone) || rec.Entries != st.entries ||
				rec.KeysDestroyed != len(st.gone) || rec.Outcome != retention.OutcomePassed ||
				!rec.SecureDelete || !rec.WALTruncated || !rec.Reclaimed || rec.BytesScanned == 0 {
				t.Errorf("receipt = %+v, want %s of %d sessions and %d entries, passed", rec, st.kind, len(st.gone), st.entries)
			}
			destroyed = append(destroyed, st.gone...)
			for _, id := range destroyed {
				if got := foundInDir(t, dir, captured[id]); got != 0 {
					t.Errorf("%d of %d sealed keys/ciphertexts of destroyed session %s still in the files", got, len(captured[id]), id)
				}
				if _, err := d.Session(ctx, id); !errors.Is(err, session.ErrNotFound) {
					t.Errorf("Session(%s) after destruction = %v, want ErrNotFound", id, err)
				}
			}
			if st.kind == retention.KindWipeAll {
				return
			}
			// The survivors still read back and open.
			for id := range captured {
				if strings.Contains(strings.Join(destroyed, " "), id) {
					continue
				}
				es, err := d.Entries(ctx, id)
				if err != nil || len(es) != 40 {
					t.Fatalf("Entries(%s) = %d, %v; want 40", id, len(es), err)
				}
				pt, err := keys[id].Open(es[3].ID, es[3].Sealed)
				if err != nil || !strings.Contains(string(pt), "MARKER-"+id) {
					t.Errorf("opening an entry of surviving %s = %q, %v", id, pt, err)
				}
			}
		})
	}
	// A factory reset keeps the time floor (it must never move back) and nothing else but its
	// own receipt and audit line.
	if f, err := d.TimeFloor(ctx); err != nil || f.IsZero() {
		t.Errorf("TimeFloor after WipeAll = %v, %v; want kept", f, err)
	}
	if es, _ := d.Engagements(ctx); len(es) != 0 {
		t.Errorf("engagements after WipeAll = %d, want 0", len(es))
	}
}

func TestClockSetBack60DaysDoesNotDelayAPurge(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	d := openDB(t, dir, Options{})
	mustEngagement(t, d, "e1", day0.AddDate(0, 0, 30))
	mustSession(t, d, "due", "e1", day0.AddDate(0, 0, 5), []byte("key-due"))
	mustSession(t, d, "later", "e1", time.Time{}, []byte("key-later"))
	// The device ran on day 6 (the floor is persisted), then was switched off.
	clock := clocktest.New(day0.AddDate(0, 0, 6))
	r := newRetention(t, d, clock)
	if err := r.PlaceHold(ctx, "e1", "checking", retention.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	if _, err := r.PurgeDue(ctx); err != nil {
		t.Fatal(err)
	}
	if err := r.ReleaseHold(ctx, "e1", retention.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	d.Close()
	// It boots with its clock 60 days back.
	d = openDB(t, dir, Options{})
	clock = clocktest.New(day0.AddDate(0, 0, 6-60))
	r = newRetention(t, d, clock)
	rec, err := r.PurgeDue(ctx)
	if err != nil {
		t.Fatalf("PurgeDue = %v", err)
	}
	if rec.Sessions != 1 || rec.SessionIDs[0] != "due" {
		t.Errorf("PurgeDue with the clock 60 days back destroyed %v, want [due]", rec.SessionIDs)
	}
	if _, err := d.Session(ctx, "later"); err != nil {
		t.Errorf("Session(later) = %v; a session not yet due was destroyed", err)
	}
	s, err := r.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.State != retention.ClockBehind || !strings.Contains(s.Message, "clock looks wrong") {
		t.Errorf("Status = %s %q, want behind and a request to confirm the date", s.State, s.Message)
	}
}

func TestDeletionDateRules(t *testing.T) {
	ctx := context.Background()
	d := openDB(t, t.TempDir(), Options{})
	eng := day0.AddDate(0, 2, 0)
	mustEngagement(t, d, "e1", eng)
	t.Run("engagement needs a date", func(t *testing.T) {
		err := d.CreateEngagement(ctx, session.Engagement{ID: "e0", Title: "x"}, retention.AuditEvent{Action: "engagement.create"})
		if !errors.Is(err, retention.ErrNoDeletionDate) {
			t.Errorf("CreateEngagement(no date) = %v, want ErrNoDeletionDate", err)
		}
	})
	tests := []struct {
		name string
		date time.Time
		want time.Time
		err  error
	}{
		{"inherit", time.Time{}, eng, nil},
		{"bring forward", eng.AddDate(0, 0, -3), eng.AddDate(0, 0, -3), nil},
		{"extend refused", eng.AddDate(0, 0, 1), time.Time{}, retention.ErrDateExtended},
	}
	for i, tc := range tests {
		t.Run("create: "+tc.name, func(t *testing.T) {
			id := fmt.Sprintf("s%d", i)
			err := d.CreateSession(ctx, session.Record{ID: id, EngagementID: "e1", InterviewerID: "iv", State: session.StateSetup, DeletionDate: tc.date})
			if !errors.Is(err, tc.err) {
				t.Fatalf("CreateSession(date %v) = %v, want %v", tc.date, err, tc.err)
			}
			if err != nil {
				return
			}
			r, _ := d.Session(ctx, id)
			if !r.DeletionDate.Equal(tc.want) {
				t.Errorf("DeletionDate = %v, want %v", r.DeletionDate, tc.want)
			}
		})
	}
	t.Run("update may not extend", func(t *testing.T) {
		r, _ := d.Session(ctx, "s1")
		r.DeletionDate = eng
		if err := d.UpdateSession(ctx, r); !errors.Is(err, retention.ErrDateExtended) {
			t.Errorf("UpdateSession(later date) = %v, want ErrDateExtended", err)
		}
	})
	t.Run("engagement date", func(t *testing.T) {
		clock := clocktest.New(day0)
		rt := newRetention(t, d, clock)
		earlier := eng.AddDate(0, 0, -10)
		if err := rt.SetDeletionDate(ctx, "e1", earlier, retention.RoleAdmin); err != nil {
			t.Fatal(err)
		}
		if r, _ := d.Session(ctx, "s0"); !r.DeletionDate.Equal(earlier) {
			t.Errorf("after moving the engagement earlier, s0 = %v, want %v", r.DeletionDate, earlier)
		}
		if err := rt.SetDeletionDate(ctx, "e1", eng.AddDate(1, 0, 0), retention.RoleAdmin); err != nil {
			t.Fatal(err)
		}
		if r, _ := d.Session(ctx, "s0"); !r.DeletionDate.Equal(earlier) {
			t.Errorf("after moving the engagement later, s0 = %v, want still %v", r.DeletionDate, earlier)
		}
	})
}

// TestReceiptsAndAuditHoldNoContent runs every kind of event with recognisable titles, names,
// labels and reasons, then checks the receipts and audit rows, as stored, for each of them.
func TestReceiptsAndAuditHoldNoContent(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	d := openDB(t, dir, Options{})
	in := newInterviewer(t, "iv1")
	const (
		title  = "TITLE-Recruitment Band 6"
		group  = "GROUP-foster carers"
		name   = "NAME-Alex Example"
		reason = "REASON-tribunal claim"
		marker = "LABEL-candidate 42"
	)
	secrets := []string{title, group, name, reason, marker, "TITLE", "GROUP", "NAME", "REASON", "LABEL", "MARKER"}
	for _, id := range []string{"e1", "e2"} {
		err := d.CreateEngagement(ctx, session.Engagement{ID: id, Title: title + id, StakeholderGroups: []string{group},
			DeletionDate: day0.AddDate(0, 0, 3)}, retention.AuditEvent{Actor: retention.RoleAdmin, Action: "engagement.create", EngagementID: id, Outcome: "ok"})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := d.PutInterviewer(ctx, Interviewer{ID: "iv1", DisplayName: name, KeySlot: []byte{1, 2, 3}}); err != nil {
		t.Fatal(err)
	}
	for i, eng := range []string{"e1", "e1", "e2", "e2"} {
		sealedSession(t, d, in, eng, fmt.Sprintf("s%d", i), 3, marker)
	}
	clock := clocktest.New(day0)
	r := newRetention(t, d, clock)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(r.PlaceHold(ctx, "e2", reason, retention.RoleAdmin))
	must(r.DestroySession(ctx, "s0"))
	clock.Set(day0.AddDate(0, 0, 4))
	_, err := r.PurgeDue(ctx)
	must(err)
	if _, err := d.Session(ctx, "s2"); err != nil {
		t.Errorf("Session(s2) on hold = %v, want kept through the purge", err)
	}
	must(r.ReleaseHold(ctx, "e2", retention.RoleAdmin))
	_, err = r.WipeEngagement(ctx, "e2", retention.RoleAdmin)
	must(err)

	audit, err := d.Audit(ctx, 0)
	must(err)
	actions := map[string]bool{}
	for _, ev := range audit {
		actions[ev.Action] = true
	}
	for _, a := range []string{"legal-hold.place", "legal-hold.release", "purge", "withdrawal", "wipe-engagement"} {
		if !actions[a] {
			t.Errorf("audit log lacks %q: %v", a, actions)
		}
	}
	recs, err := d.Receipts(ctx)
	must(err)
	if len(recs) != 3 {
		t.Errorf("receipts = %d, want 3 (withdrawal, purge, wipe)", len(recs))
	}
	// Every stored byte of both tables, column by column.
	for _, table := range []string{"audit_log", "deletion_receipts"} {
		rows, err := d.db.QueryContext(ctx, "SELECT * FROM "+table)
		must(err)
		cols, _ := rows.Columns()
		n := 0
		for rows.Next() {
			n++
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			must(rows.Scan(ptrs...))
			row := fmt.Sprintf("%s", vals)
			for _, s := range secrets {
				if strings.Contains(row, s) {
					t.Errorf("%s row %s contains %q", table, row, s)
				}
			}
		}
		rows.Close()
		if n == 0 {
			t.Errorf("%s is empty", table)
		}
	}
}
