package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"slices"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/retention"
	"quietroom/app/session"
)

// BenchmarkPutEntry times one durable note save (a 2 KiB sealed body, one transaction,
// synchronous=FULL) and reports the median and 99th percentile.
func BenchmarkPutEntry(b *testing.B) {
	ctx := context.Background()
	d := openDB(b, b.TempDir(), Options{})
	mustEngagement(b, d, "e1", day0.AddDate(0, 1, 0))
	mustSession(b, d, "s1", "e1", time.Time{}, []byte("key"))
	body := make([]byte, 2048)
	rand.Read(body)
	var times []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		// Every fourth save edits an earlier note, as typing does.
		id := fmt.Sprintf("e%d", i-i%4)
		if err := d.PutEntry(ctx, session.Entry{ID: id, SessionID: "s1", Kind: session.EntryNote, Sealed: body}); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		i++
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds()), "median-µs")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds()), "p99-µs")
}

// bulk inserts sessions and notes directly, in one transaction, to set benchmarks up fast.
func bulk(b *testing.B, d *DB, eng string, sessions, notesEach int, del time.Time) {
	b.Helper()
	body := make([]byte, 512)
	rand.Read(body)
	err := d.tx(context.Background(), func(t *sql.Tx) error {
		for s := range sessions {
			sid := fmt.Sprintf("%s-s%d", eng, s)
			key := make([]byte, 200) // an age-sealed data key is about this size
			rand.Read(key)
			if _, err := t.Exec(`INSERT INTO sessions (id, engagement_id, interviewer_id, state, deletion_at, sealed_key)
				VALUES (?, ?, 'iv', 'sealed', ?, ?)`, sid, eng, del.UnixNano(), key); err != nil {
				return err
			}
			for n := range notesEach {
				if _, err := t.Exec(`INSERT INTO entries (id, session_id, kind, sealed) VALUES (?, ?, 'note', ?)`,
					fmt.Sprintf("%s-n%d", sid, n), sid, body); err != nil {
					return err
				}
			}
			if _, err := t.Exec(`INSERT INTO consents (session_id, sealed_signature) VALUES (?, ?)`, sid, body[:300]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkStartupPurge1000 is the start-up purge of 1,000 expired sessions (5 notes each),
// including the WAL truncation, the free-page reclaim and the raw-file check.
func BenchmarkStartupPurge1000(b *testing.B) {
	ctx := context.Background()
	for range b.N {
		b.StopTimer()
		d := openDB(b, b.TempDir(), Options{})
		mustEngagement(b, d, "old", day0.AddDate(0, 0, 1))
		mustEngagement(b, d, "live", day0.AddDate(1, 0, 0))
		bulk(b, d, "old", 1000, 5, day0.AddDate(0, 0, 1))
		bulk(b, d, "live", 100, 5, day0.AddDate(1, 0, 0))
		r, err := retention.New(ctx, d, clocktest.New(day0.AddDate(0, 0, 2)), retention.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rec, err := r.PurgeDue(ctx)
		if err != nil || rec.Sessions != 1000 || rec.Outcome != retention.OutcomePassed {
			b.Fatalf("PurgeDue = %d sessions, %s, %v", rec.Sessions, rec.Outcome, err)
		}
		b.StopTimer()
		d.Close()
	}
}

// BenchmarkWipeEngagement10000Notes wipes an engagement holding 100 sessions of 100 notes.
func BenchmarkWipeEngagement10000Notes(b *testing.B) {
	ctx := context.Background()
	for range b.N {
		b.StopTimer()
		d := openDB(b, b.TempDir(), Options{})
		mustEngagement(b, d, "done", day0.AddDate(0, 1, 0))
		mustEngagement(b, d, "other", day0.AddDate(0, 1, 0))
		bulk(b, d, "done", 100, 100, day0.AddDate(0, 1, 0))
		bulk(b, d, "other", 10, 100, day0.AddDate(0, 1, 0))
		r, err := retention.New(ctx, d, clocktest.New(day0), retention.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rec, err := r.WipeEngagement(ctx, "done", retention.RoleAdmin)
		if err != nil || rec.Entries != 10000 || rec.Outcome != retention.OutcomePassed {
			b.Fatalf("WipeEngagement = %d entries, %s, %v", rec.Entries, rec.Outcome, err)
		}
		b.StopTimer()
		d.Close()
	}
}
