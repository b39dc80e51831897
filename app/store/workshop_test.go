package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/retention"
	"quietroom/app/session"
)

func TestWorkshopsContract(t *testing.T) {
	kiosktest.WorkshopsContract(t, func(t *testing.T) kiosktest.WorkshopPorts {
		d := openDB(t, t.TempDir(), Options{})
		r := newRetention(t, d, clocktest.New(day0))
		return kiosktest.WorkshopPorts{
			Workshops: d,
			MakeBoard: func(t *testing.T, id string) {
				mustEngagement(t, d, id, day0.AddDate(0, 4, 0))
				boardWith(t, d, id, 1, "M")
			},
			DestroyBoard: func(t *testing.T, id string) {
				if _, err := r.WipeEngagement(context.Background(), id, retention.RoleAdmin); err != nil {
					t.Fatal(err)
				}
			},
		}
	})
}

// workshopRows counts the rows of board_workshops and, where SQLite has dbstat, the cells on
// its pages and its index's: what is left of it in the file's b-trees.
func workshopRows(t *testing.T, d *DB) (rows, cells int, dbstat bool) {
	t.Helper()
	ctx := context.Background()
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM board_workshops`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	err := d.db.QueryRowContext(ctx, `SELECT coalesce(sum(ncell), 0) FROM dbstat WHERE name IN (SELECT name FROM sqlite_schema WHERE tbl_name = 'board_workshops')`).Scan(&cells)
	switch {
	case err == nil:
		return rows, cells, true
	case strings.Contains(err.Error(), "no such table"):
		return rows, 0, false
	}
	t.Fatal(err)
	return
}

// TestWorkshopDestroyedWithTheBoard: a board's workshop goes with it the day after the
// follow-up visit (the purge at the engagement's deletion date) and when the engagement is
// wiped; checked in the table, in its pages (dbstat) and in every byte of the data folder.
func TestWorkshopDestroyedWithTheBoard(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	d := openDB(t, dir, Options{})
	due := day0.AddDate(0, 4, 1)
	mustEngagement(t, d, "e-due", due)
	mustEngagement(t, d, "e-wipe", due.AddDate(0, 1, 0))
	var sealed [][]byte
	for _, e := range []string{"e-due", "e-wipe"} {
		k, _ := boardWith(t, d, e, 2, "W")
		s, err := k.SealWorkshop([]byte(`{"tables":[{"number":1,"goals":[{"id":"g1","text":"WORKSHOP-MARKER"}]}]}`))
		if err != nil {
			t.Fatal(err)
		}
		if err := d.SaveWorkshop(ctx, e, s); err != nil {
			t.Fatal(err)
		}
		sealed = append(sealed, s)
	}
	if got := foundInDir(t, dir, sealed); got != 2 {
		t.Fatalf("before: %d of 2 sealed workshops found in the files", got)
	}
	if got := foundInDir(t, dir, [][]byte{[]byte("WORKSHOP-MARKER")}); got != 0 {
		t.Fatal("the workshop's text is in the files in the clear")
	}
	if rows, cells, ok := workshopRows(t, d); rows != 2 || (ok && cells < 2) {
		t.Fatalf("before: %d rows, %d cells", rows, cells)
	}

	clock := clocktest.New(day0)
	r := newRetention(t, d, clock)
	clock.Set(due.Add(-time.Minute))
	if _, err := r.PurgeDue(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := d.Workshop(ctx, "e-due"); err != nil || len(got) == 0 {
		t.Fatalf("the workshop went before its date: %v", err)
	}
	clock.Set(due.Add(time.Minute))
	rec, err := r.PurgeDue(ctx)
	if err != nil || rec.Outcome != retention.OutcomePassed {
		t.Fatalf("purge = %+v, %v", rec, err)
	}
	if _, err := d.Workshop(ctx, "e-due"); !errors.Is(err, session.ErrNotFound) {
		t.Errorf("Workshop after the purge = %v, want session.ErrNotFound", err)
	}
	if got := foundInDir(t, dir, sealed[:1]); got != 0 {
		t.Error("after the purge the purged board's sealed workshop is still in the files")
	}
	if got := foundInDir(t, dir, sealed[1:]); got != 1 {
		t.Error("the purge took the other engagement's workshop")
	}
	rec, err = r.WipeEngagement(ctx, "e-wipe", retention.RoleAdmin)
	if err != nil || rec.Outcome != retention.OutcomePassed {
		t.Fatalf("wipe = %+v, %v", rec, err)
	}
	rows, cells, ok := workshopRows(t, d)
	if rows != 0 || cells != 0 {
		t.Errorf("after the purge and the wipe: %d rows, %d cells left of the workshops", rows, cells)
	}
	if !ok {
		t.Error("this SQLite has no dbstat, so the pages were not checked: build with -tags=sqlite_dbstat (the Makefile's GOFLAGS do)")
	}
	if got := foundInDir(t, dir, sealed); got != 0 {
		t.Errorf("after the wipe %d sealed workshops found in the files", got)
	}
	// The wiped engagement's row goes too; the purged one's stays (its records went).
	if n, err := d.RecordsRemaining(ctx, nil, []string{"e-wipe"}); err != nil || n != 0 {
		t.Errorf("RecordsRemaining = %d, %v", n, err)
	}
}
