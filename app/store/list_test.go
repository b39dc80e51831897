package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"quietroom/app/session"
)

// TestSessionsOf lists only the interviewer's own sessions, newest first, and survives a reopen
// of the database (it is how a live session is found again after a restart).
func TestSessionsOf(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	d := openDB(t, dir, Options{})
	mustEngagement(t, d, "e1", day0.AddDate(0, 1, 0))
	for i, s := range []struct{ id, interviewer string }{{"a", "iv1"}, {"b", "iv2"}, {"c", "iv1"}, {"d", "iv1"}} {
		at := day0.Add(time.Duration(i) * time.Hour)
		r := session.Record{ID: s.id, EngagementID: "e1", InterviewerID: s.interviewer, PackID: "p", PackVersion: 1,
			State: session.StateQuestions, SealedKey: []byte("k" + s.id), CreatedAt: at, UpdatedAt: at}
		if err := d.CreateSession(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	d = openDB(t, dir, Options{})
	defer d.Close()
	for _, tc := range []struct {
		interviewer string
		want        []string
	}{
		{"iv1", []string{"d", "c", "a"}},
		{"iv2", []string{"b"}},
		{"nobody", nil},
	} {
		recs, err := d.SessionsOf(ctx, tc.interviewer)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range recs {
			if r.InterviewerID != tc.interviewer {
				t.Errorf("SessionsOf(%s) returned session %s of %s", tc.interviewer, r.ID, r.InterviewerID)
			}
			got = append(got, r.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("SessionsOf(%s) = %v, want %v", tc.interviewer, got, tc.want)
		}
	}
}

// TestFilesReadableByOwnerOnly: the database, its WAL and shm files are created mode 0600.
func TestFilesReadableByOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	d := openDB(t, dir, Options{})
	mustEngagement(t, d, "e1", day0.AddDate(0, 1, 0))
	defer d.Close()
	files := dirFiles(t, dir)
	if len(files) < 2 {
		t.Fatalf("data folder holds %v, want the database and its WAL", files)
	}
	for _, p := range files {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if m := fi.Mode().Perm(); m != 0o600 {
			t.Errorf("%s has mode %o, want 600", filepath.Base(p), m)
		}
	}
}
