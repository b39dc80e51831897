package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/session/sessiontest"
)

var day0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func openDB(t testing.TB, dir string, opts Options) *DB {
	t.Helper()
	d, err := Open(context.Background(), dir, opts)
	if err != nil {
		t.Fatalf("Open(%s) = %v", dir, err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func mustEngagement(t testing.TB, d *DB, id string, del time.Time) {
	t.Helper()
	err := d.CreateEngagement(context.Background(), session.Engagement{ID: id, Title: "Engagement " + id, DeletionDate: del, CreatedAt: day0},
		retention.AuditEvent{At: day0, Actor: retention.RoleAdmin, Action: "engagement.create", EngagementID: id, Outcome: "ok"})
	if err != nil {
		t.Fatal(err)
	}
}

func mustSession(t testing.TB, d *DB, id, eng string, del time.Time, key []byte) {
	t.Helper()
	r := session.Record{ID: id, EngagementID: eng, InterviewerID: "iv1", PackID: "p", PackVersion: 1,
		State: session.StateQuestions, DeletionDate: del, SealedKey: key, SealedLabel: []byte("sealed-label-" + id),
		CreatedAt: day0, UpdatedAt: day0}
	if err := d.CreateSession(context.Background(), r); err != nil {
		t.Fatal(err)
	}
}

func TestOpenSetsPragmasOnEveryConnection(t *testing.T) {
	d := openDB(t, t.TempDir(), Options{})
	ctx := context.Background()
	// Recycle the connection a few times: the settings are per connection.
	for i := range 3 {
		d.db.SetMaxIdleConns(0)
		d.db.SetMaxIdleConns(2)
		for _, tc := range []struct {
			pragma string
			want   string
		}{
			{"journal_mode", "wal"},
			{"synchronous", "2"},
			{"secure_delete", "1"},
			{"foreign_keys", "1"},
			{"temp_store", "2"},
			{"auto_vacuum", "2"},
			{"busy_timeout", "10000"},
		} {
			t.Run(tc.pragma, func(t *testing.T) {
				var got string
				if err := d.db.QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&got); err != nil {
					t.Fatal(err)
				}
				if got != tc.want {
					t.Errorf("round %d: PRAGMA %s = %s, want %s", i, tc.pragma, got, tc.want)
				}
			})
		}
	}
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	t.Run("fresh", func(t *testing.T) {
		d := openDB(t, t.TempDir(), Options{})
		if got, want := d.SchemaVersion(), LatestSchemaVersion(); got != want || want < 1 {
			t.Errorf("SchemaVersion() = %d, want %d", got, want)
		}
	})
	t.Run("reopen keeps data", func(t *testing.T) {
		dir := t.TempDir()
		d := openDB(t, dir, Options{})
		mustEngagement(t, d, "e1", day0.AddDate(0, 1, 0))
		d.Close()
		d = openDB(t, dir, Options{})
		if _, err := d.Engagement(ctx, "e1"); err != nil {
			t.Errorf("Engagement(e1) after reopen = %v", err)
		}
		if got := d.SchemaVersion(); got != LatestSchemaVersion() {
			t.Errorf("SchemaVersion() = %d, want %d", got, LatestSchemaVersion())
		}
	})
	t.Run("newer refused", func(t *testing.T) {
		dir := t.TempDir()
		d := openDB(t, dir, Options{})
		if _, err := d.db.Exec("PRAGMA user_version = 999"); err != nil {
			t.Fatal(err)
		}
		d.Close()
		before := fileHash(t, filepath.Join(dir, FileName))
		_, err := Open(ctx, dir, Options{})
		if !errors.Is(err, ErrNewerSchema) {
			t.Fatalf("Open(newer) = %v, want ErrNewerSchema", err)
		}
		if !strings.Contains(err.Error(), "downgrade refused") {
			t.Errorf("Open(newer) error %q does not say downgrade refused", err)
		}
		if fileHash(t, filepath.Join(dir, FileName)) != before {
			t.Error("Open(newer) changed the file")
		}
	})
	corruptions := []struct {
		name string
		mess func(b []byte) []byte
	}{
		{"all garbage", func(b []byte) []byte {
			for i := range b {
				b[i] = byte(i*7 + 3)
			}
			return b
		}},
		{"garbage in the pages", func(b []byte) []byte {
			for i := 4096 + 8; i < len(b)-100; i++ { // keep the header page
				b[i] = byte(i * 13)
			}
			return b
		}},
	}
	for _, tc := range corruptions {
		t.Run("corrupt: "+tc.name, func(t *testing.T) {
			dir := t.TempDir()
			d := openDB(t, dir, Options{})
			mustEngagement(t, d, "e1", day0)
			for i := range 50 {
				mustSession(t, d, "s"+string(rune('a'+i%26))+string(rune('a'+i/26)), "e1", time.Time{}, make([]byte, 300))
			}
			d.Close()
			copyDir := t.TempDir()
			b, err := os.ReadFile(filepath.Join(dir, FileName))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(copyDir, FileName)
			if err := os.WriteFile(path, tc.mess(b), 0o600); err != nil {
				t.Fatal(err)
			}
			before := fileHash(t, path)
			_, err = Open(ctx, copyDir, Options{})
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Open(corrupt) = %v, want ErrCorrupt", err)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "untouched") {
				t.Errorf("Open(corrupt) error %q should name the file and say it is untouched", err)
			}
			if fileHash(t, path) != before {
				t.Error("Open(corrupt) changed the file")
			}
		})
	}
}

func TestStoreContract(t *testing.T) {
	sessiontest.StoreContract(t, func(t *testing.T, engagements ...session.Engagement) session.Store {
		d := openDB(t, t.TempDir(), Options{})
		for _, e := range engagements {
			if err := d.CreateEngagement(context.Background(), e, retention.AuditEvent{Actor: retention.RoleAdmin, Action: "engagement.create", EngagementID: e.ID}); err != nil {
				t.Fatal(err)
			}
		}
		return d
	})
}
