package store

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"quietroom/app/session"
)

// TestFullDisk fills the database to its page limit: the failing save says so (ErrFull) and
// everything saved before is still there, also after reopening.
func TestFullDisk(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	d := openDB(t, dir, Options{})
	mustEngagement(t, d, "e1", day0.AddDate(0, 1, 0))
	mustSession(t, d, "s1", "e1", time.Time{}, []byte("key"))
	var pages int
	if err := d.db.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	d.Close()
	d = openDB(t, dir, Options{MaxPageCount: pages + 20})
	var saved []session.Entry
	var full error
	for i := range 1000 {
		body := make([]byte, 2048)
		rand.Read(body)
		e := session.Entry{ID: fmt.Sprintf("e%d", i), SessionID: "s1", Kind: session.EntryNote, Sealed: body, CreatedAt: day0}
		if err := d.PutEntry(ctx, e); err != nil {
			full = err
			break
		}
		saved = append(saved, e)
	}
	if !errors.Is(full, ErrFull) || !errors.Is(full, session.ErrStorageFull) {
		t.Fatalf("PutEntry on a full database = %v, want ErrFull, which is session.ErrStorageFull", full)
	}
	if !strings.Contains(full.Error(), "free space") || !strings.Contains(full.Error(), "nothing already saved is lost") {
		t.Errorf("ErrFull message %q should say what to do and that nothing is lost", full)
	}
	if len(saved) == 0 {
		t.Fatal("nothing saved before the disk was full")
	}
	// An edit of what is there also reports the full disk rather than losing anything.
	for _, dd := range []*DB{d, openDB(t, dir, Options{})} {
		got, err := dd.Entries(ctx, "s1")
		if err != nil || len(got) != len(saved) {
			t.Fatalf("Entries after the full disk = %d, %v; want %d", len(got), err, len(saved))
		}
		for i := range saved {
			if string(got[i].Sealed) != string(saved[i].Sealed) {
				t.Errorf("entry %s changed", saved[i].ID)
			}
		}
		if res, err := dd.IntegrityCheck(ctx); err != nil || res != "ok" {
			t.Errorf("IntegrityCheck = %q, %v", res, err)
		}
	}
}
