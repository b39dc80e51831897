package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/store"
)

func statusFixture(t *testing.T) (dir string, due time.Time) {
	t.Helper()
	ctx := context.Background()
	dir = t.TempDir()
	db, err := store.Open(ctx, dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	due = time.Now().AddDate(0, 0, 20).Truncate(time.Second)
	ev := retention.AuditEvent{Actor: retention.RoleAdmin, Action: "engagement.create"}
	for _, e := range []session.Engagement{
		{ID: "eng-1", Title: "360 interviews, cohort 3", DeletionDate: due.AddDate(0, 0, 10)},
		{ID: "eng-2", Title: "Peer challenge", DeletionDate: due.AddDate(0, 1, 0), LegalHold: true, HoldReason: "REASON-SECRET"},
	} {
		if err := db.CreateEngagement(ctx, e, ev); err != nil {
			t.Fatal(err)
		}
	}
	for i, s := range []struct {
		id, eng string
		date    time.Time
	}{{"s1", "eng-1", due}, {"s2", "eng-1", time.Time{}}, {"s3", "eng-2", time.Time{}}} {
		r := session.Record{ID: s.id, EngagementID: s.eng, InterviewerID: "iv", State: session.StateSealed,
			DeletionDate: s.date, SealedLabel: []byte("LABEL-SECRET"), SealedKey: []byte{byte(i)}}
		if err := db.CreateSession(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.RaiseTimeFloor(ctx, time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	return dir, due
}

func TestStatusText(t *testing.T) {
	dir, due := statusFixture(t)
	code, out, errOut := run(t, "status", "--data", dir)
	if code != 0 {
		t.Fatalf("status = %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"Integrity:     ok", fmt.Sprintf("version %d", store.LatestSchemaVersion()), "clock looks right", "eng-1", "360 interviews, cohort 3",
		"legal hold", due.Local().Format("Mon 2 Jan 2006 15:04"),
	} {
		if !strings.Contains(strings.ToLower(out), strings.ToLower(want)) {
			t.Errorf("status output lacks %q:\n%s", want, out)
		}
	}
	for _, secret := range []string{"LABEL-SECRET", "REASON-SECRET"} {
		if strings.Contains(out, secret) {
			t.Errorf("status output shows %q:\n%s", secret, out)
		}
	}
}

func TestStatusJSON(t *testing.T) {
	dir, due := statusFixture(t)
	code, out, errOut := run(t, "status", "--data", dir, "--json")
	if code != 0 {
		t.Fatalf("status --json = %d, stderr %q", code, errOut)
	}
	var rep statusReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("status --json output is not JSON: %v\n%s", err, out)
	}
	if rep.Integrity != "ok" || rep.SchemaVersion != store.LatestSchemaVersion() || !rep.Clock.LooksRight {
		t.Errorf("report = %+v, want integrity ok, current schema, clock right", rep)
	}
	// eng-2 is on hold: the next deletion is eng-1's earliest session.
	if rep.NextDeletion == nil || !rep.NextDeletion.Equal(due) {
		t.Errorf("next deletion = %v, want %v", rep.NextDeletion, due)
	}
	if len(rep.Engagements) != 2 || rep.Engagements[0].ID != "eng-1" || rep.Engagements[0].Sessions != 2 ||
		rep.Engagements[1].Sessions != 1 || !rep.Engagements[1].LegalHold {
		t.Errorf("engagements = %+v, want eng-1 with 2 sessions, eng-2 with 1 on hold", rep.Engagements)
	}
	if strings.Contains(out, "SECRET") {
		t.Errorf("status --json shows content:\n%s", out)
	}
}

func TestStatusErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"missing data folder", []string{"status", "--data", t.TempDir() + "/nothing"}, 1, "no such file"},
		{"stray argument", []string{"status", "extra"}, 2, "unexpected argument"},
		{"unknown flag", []string{"status", "--frob"}, 2, "frob"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := run(t, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("%v = %d, %q; want %d and %q", tc.args, code, errOut, tc.code, tc.want)
			}
		})
	}
}

// folderState is the name and SHA-256 of every file in dir.
func folderState(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][32]byte{}
	for _, de := range des {
		b, err := os.ReadFile(filepath.Join(dir, de.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[de.Name()] = sha256.Sum256(b)
	}
	return out
}

func names(m map[string][32]byte) []string {
	return slices.Sorted(maps.Keys(m))
}

// copyFiles copies the named files of src into a new folder.
func copyFiles(t *testing.T, src string, files ...string) string {
	t.Helper()
	dst := t.TempDir()
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, f), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// `quietroom status` is a read-only check: it leaves the data folder exactly as it found it,
// the same files with the same bytes, whatever state the database is in.
func TestStatusLeavesTheFolderAsFound(t *testing.T) {
	for _, tc := range []struct {
		name   string
		folder func(t *testing.T) string
		code   int
		want   string
		adds   []string // the files status may add: only an index, with no records
	}{
		{"healthy, not open elsewhere", func(t *testing.T) string {
			dir, _ := statusFixture(t)
			return dir
		}, 0, "Integrity:     ok", nil},
		{"damaged (garbage bytes)", func(t *testing.T) string {
			dir := t.TempDir()
			garbage := make([]byte, 8192)
			for i := range garbage {
				garbage[i] = byte(i*7 + 3)
			}
			if err := os.WriteFile(filepath.Join(dir, store.FileName), garbage, 0o600); err != nil {
				t.Fatal(err)
			}
			return dir
		}, 1, "damaged", nil},
		{"damaged (garbage after its first page)", func(t *testing.T) string {
			dir, _ := statusFixture(t)
			path := filepath.Join(dir, store.FileName)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for i := 4096; i < len(b); i++ { // the header stays: SQLite opens it in WAL mode
				b[i] = byte(i * 13)
			}
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			return dir
		}, 1, "damaged", nil},
		{"empty (0 bytes)", func(t *testing.T) string {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, store.FileName), nil, 0o600); err != nil {
				t.Fatal(err)
			}
			return dir
		}, 1, "empty (0 bytes)", nil},
		{"left open by a power cut (WAL and shm beside it)", func(t *testing.T) string {
			dir, _ := statusFixture(t)
			db, err := store.Open(context.Background(), dir, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.CreateEngagement(context.Background(), session.Engagement{ID: "eng-3", Title: "In the WAL only", DeletionDate: time.Now().AddDate(0, 2, 0)},
				retention.AuditEvent{Actor: retention.RoleAdmin, Action: "engagement.create"}); err != nil {
				t.Fatal(err)
			}
			// A copy of the files as they are while open: what a power cut leaves.
			return copyFiles(t, dir, store.FileName, store.FileName+"-wal", store.FileName+"-shm")
		}, 0, "In the WAL only", nil},
		{"a WAL without its shm", func(t *testing.T) string {
			dir, _ := statusFixture(t)
			db, err := store.Open(context.Background(), dir, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.CreateEngagement(context.Background(), session.Engagement{ID: "eng-3", Title: "In the WAL only", DeletionDate: time.Now().AddDate(0, 2, 0)},
				retention.AuditEvent{Actor: retention.RoleAdmin, Action: "engagement.create"}); err != nil {
				t.Fatal(err)
			}
			return copyFiles(t, dir, store.FileName, store.FileName+"-wal")
		}, 0, "In the WAL only", []string{store.FileName + "-shm"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.folder(t)
			before := folderState(t, dir)
			code, out, errOut := run(t, "status", "--data", dir)
			if code != tc.code || !strings.Contains(out+errOut, tc.want) {
				t.Errorf("status = %d, stdout %q, stderr %q; want %d and %q", code, out, errOut, tc.code, tc.want)
			}
			if code != 0 && !strings.Contains(errOut, filepath.Join(dir, store.FileName)) {
				t.Errorf("status stderr %q does not name the file", errOut)
			}
			after := folderState(t, dir)
			for _, f := range tc.adds {
				delete(after, f)
			}
			if !slices.Equal(names(after), names(before)) {
				t.Fatalf("status changed the folder's files from %v to %v", names(before), names(after))
			}
			for name, sum := range before {
				if after[name] != sum {
					t.Errorf("status changed the bytes of %s", name)
				}
			}
		})
	}
}

// While the kiosk has the database open (WAL mode: -wal and -shm beside it, the newest pages
// only in the WAL), status reads what the kiosk has saved and leaves the kiosk working.
func TestStatusWhileTheKioskHasItOpen(t *testing.T) {
	ctx := context.Background()
	dir, _ := statusFixture(t)
	db, err := store.Open(ctx, dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ev := retention.AuditEvent{Actor: retention.RoleAdmin, Action: "engagement.create"}
	// A write, a read, a write: the WAL's read marks lag behind its newest page.
	if err := db.CreateEngagement(ctx, session.Engagement{ID: "eng-3", Title: "Saved a while ago", DeletionDate: time.Now().AddDate(0, 2, 0)}, ev); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Summaries(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateEngagement(ctx, session.Engagement{ID: "eng-4", Title: "Saved a moment ago", DeletionDate: time.Now().AddDate(0, 3, 0)}, ev); err != nil {
		t.Fatal(err)
	}
	before := names(folderState(t, dir))
	code, out, errOut := run(t, "status", "--data", dir, "--json")
	if code != 0 {
		t.Fatalf("status --json = %d, stderr %q", code, errOut)
	}
	var rep statusReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("status --json output is not JSON: %v\n%s", err, out)
	}
	if rep.Integrity != "ok" || len(rep.Engagements) != 4 || rep.Engagements[3].ID != "eng-4" {
		t.Errorf("status while open = integrity %q, engagements %+v; want ok and eng-3 and eng-4 too", rep.Integrity, rep.Engagements)
	}
	if after := names(folderState(t, dir)); !slices.Equal(after, before) {
		t.Errorf("status changed the folder's files from %v to %v", before, after)
	}
	if err := db.CreateEngagement(ctx, session.Engagement{ID: "eng-5", Title: "After status", DeletionDate: time.Now().AddDate(0, 2, 0)}, ev); err != nil {
		t.Errorf("the kiosk cannot save after status: %v", err)
	}
}
