package store

import (
	"context"
	"encoding/binary"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestPanelsBeforeItemsKeepWorking: a panel stored before migration 0013 (records by logical
// id, submissions and times in the clear) is readable after it: Panel gives its records and
// submissions as Legacy, and its frozen and decided state; ConvertPanel replaces them with the
// kiosk's items, after which no legacy row and none of the times is left in the files.
func TestPanelsBeforeItemsKeepWorking(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// The schema as it was before 0013 (no test of this package runs in parallel).
	all := migrations
	migrations = all[:slices.IndexFunc(all, func(m string) bool { return strings.Contains(m, "CREATE TABLE panel_items") })]
	t.Cleanup(func() { migrations = all })
	d := openDB(t, dir, Options{})
	mustEngagement(t, d, "p-old", day0.AddDate(0, 1, 0))
	submitted := day0.Add(90 * time.Minute)
	rawStmts := []string{
		`INSERT INTO panel_recruitments (engagement_id, public_key, sealed_setup, frozen_at, decided_at, created_at, updated_at)
			VALUES ('p-old', 'age1pub', x'0102', 1, 2, 3, 4)`,
		`INSERT INTO panel_member_keys (engagement_id, interviewer_id, sealed_key) VALUES ('p-old', 'm', x'0a0b')`,
		`INSERT INTO panel_records (engagement_id, record_id, sealed, updated_at) VALUES ('p-old', 'mark|m|101|q1', x'aabbcc', 5)`,
		`INSERT INTO panel_submissions (engagement_id, candidate, interviewer_id, submitted_at) VALUES ('p-old', '101', 'm', ` +
			itoa(submitted.UnixNano()) + `)`,
	}
	for _, s := range rawStmts {
		if _, err := d.db.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	d.Close()
	migrations = all
	d = openDB(t, dir, Options{})
	p, err := d.Panel(ctx, "p-old")
	if err != nil {
		t.Fatal(err)
	}
	if !p.Frozen || !p.Decided || len(p.Items) != 0 || len(p.Legacy.Records) != 1 || len(p.Legacy.Submissions) != 1 ||
		!p.Legacy.Submissions[0].At.Equal(submitted) || string(p.MemberKeys["m"]) != "\x0a\x0b" {
		t.Fatalf("Panel after the migration = %+v", p)
	}
	if err := d.ConvertPanel(ctx, "p-old", map[string][]byte{"item-1": []byte("sealed item")}); err != nil {
		t.Fatal(err)
	}
	if p, err = d.Panel(ctx, "p-old"); err != nil || !p.Legacy.Empty() || string(p.Items["item-1"]) != "sealed item" {
		t.Fatalf("Panel after ConvertPanel = %+v, %v", p, err)
	}
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(submitted.UnixNano()))
	files := []string{filepath.Join(dir, FileName), filepath.Join(dir, FileName+"-wal")}
	if n := foundInDir(t, dir, [][]byte{b[:], []byte("mark|m|101")}); n != 0 {
		t.Errorf("%d of the legacy submission time or record id left in %v after the conversion", n, files)
	}
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
