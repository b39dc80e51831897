package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"quietroom/app/retention"
	"quietroom/app/session"
)

// The crash tests re-run this test binary as a writer process (TestMain sees the variable) and
// kill it with SIGKILL at random moments.
const (
	helperEnv    = "QUIETROOM_STORE_HELPER"
	helperDirEnv = "QUIETROOM_STORE_HELPER_DIR"
	crashMarker  = "PLAINTEXT-MARKER-7f3a"
)

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) == "writer" {
		os.Exit(runWriter(os.Getenv(helperDirEnv)))
	}
	os.Exit(m.Run())
}

// runWriter saves notes containing crashMarker, sealed with a real vault session key, as fast as
// it can, printing "saved ID" after each save returns, until it is killed.
func runWriter(dir string) int {
	ctx := context.Background()
	fail := func(err error) int { fmt.Fprintln(os.Stderr, "writer:", err); return 1 }
	d, err := Open(ctx, dir, Options{})
	if err != nil {
		return fail(err)
	}
	if _, err := d.Engagement(ctx, "e1"); errors.Is(err, session.ErrNotFound) {
		err = d.CreateEngagement(ctx, session.Engagement{ID: "e1", Title: "crash", DeletionDate: day0.AddDate(1, 0, 0)},
			retention.AuditEvent{Actor: retention.RoleAdmin, Action: "engagement.create"})
		if err != nil && !strings.Contains(err.Error(), "UNIQUE") {
			return fail(err)
		}
	} else if err != nil {
		return fail(err)
	}
	in, err := makeInterviewer("iv1")
	if err != nil {
		return fail(err)
	}
	sid := fmt.Sprintf("s-%d-%d", os.Getpid(), time.Now().UnixNano())
	key, sealedKey, err := in.NewSessionKey("iv1", sid)
	if err != nil {
		return fail(err)
	}
	r := session.Record{ID: sid, EngagementID: "e1", InterviewerID: "iv1", State: session.StateQuestions, SealedKey: sealedKey}
	if err := d.CreateSession(ctx, r); err != nil {
		return fail(err)
	}
	fmt.Printf("saved %s\n", sid)
	for i := 0; ; i++ {
		id := fmt.Sprintf("%s/%d", sid, i)
		ct, err := key.Seal(id, []byte(strings.Repeat("note "+crashMarker+" ", 1+i%40)))
		if err != nil {
			return fail(err)
		}
		if err := d.PutEntry(ctx, session.Entry{ID: id, SessionID: sid, Kind: session.EntryNote, Sealed: ct}); err != nil {
			return fail(err)
		}
		fmt.Printf("saved %s\n", id)
		if i%5 == 4 {
			r.Progress.Current = i
			r.Timer.Elapsed = time.Duration(i) * time.Second
			if err := d.UpdateSession(ctx, r); err != nil {
				return fail(err)
			}
		}
	}
}

// killWriter starts a writer on dir and returns the ids it reported saved. It kills the writer
// jitter after its after-th save was reported: the kill lands in the middle of the saves that
// follow, whatever the machine's load, rather than at a time that a slow start could pass by.
func killWriter(t *testing.T, dir string, after int, jitter time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=writer", helperDirEnv+"="+dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	kill := func() { cmd.Process.Signal(syscall.SIGKILL) }
	var saved []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if id, ok := strings.CutPrefix(sc.Text(), "saved "); ok {
			saved = append(saved, id)
			if len(saved) == after {
				timer := time.AfterFunc(jitter, kill)
				defer timer.Stop()
			}
		}
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("writer ended with %v, not killed; stderr: %s", err, stderr.String())
	}
	return saved
}

// checkSaved opens the database, runs the full integrity check and checks every reported save.
func checkSaved(t *testing.T, dir string, saved []string) {
	t.Helper()
	ctx := context.Background()
	d, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatalf("Open after crashes = %v", err)
	}
	defer d.Close()
	var res string
	if err := d.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v; want ok", res, err)
	}
	entries := map[string]map[string]bool{}
	for _, id := range saved {
		sid, _, isEntry := strings.Cut(id, "/")
		if _, ok := entries[sid]; !ok {
			if _, err := d.Session(ctx, sid); err != nil {
				t.Fatalf("Session(%s), reported saved, = %v", sid, err)
			}
			es, err := d.Entries(ctx, sid)
			if err != nil {
				t.Fatal(err)
			}
			entries[sid] = map[string]bool{}
			for _, e := range es {
				entries[sid][e.ID] = true
			}
		}
		if isEntry && !entries[sid][id] {
			t.Errorf("entry %s was reported saved but is missing", id)
		}
	}
}

func TestCrashLoopLosesNoSave(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 120 writer processes")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	var saved []string
	const kills = 120
	start := time.Now()
	for i := range kills {
		// The kill lands at a random moment among real saves: after a random number of them,
		// plus up to two saves' worth of time.
		got := killWriter(t, dir, 1+rng.IntN(30), time.Duration(rng.IntN(2000))*time.Microsecond)
		saved = append(saved, got...)
		if i%40 == 39 {
			checkSaved(t, dir, saved)
		}
	}
	checkSaved(t, dir, saved)
	t.Logf("%d kills, %d saves checked, %v", kills, len(saved), time.Since(start).Round(time.Millisecond))
}

func TestMarkerNeverOnDisk(t *testing.T) {
	dir := t.TempDir()
	var saved []string
	for _, after := range []int{3, 5, 8, 12, 20, 30, 45, 60} {
		saved = append(saved, killWriter(t, dir, after, 500*time.Microsecond)...)
	}
	// And a clean, in-process save of every kind of sealed content.
	d := openDB(t, dir, Options{})
	mustEngagement(t, d, "e-clean", day0.AddDate(0, 1, 0))
	sealedSession(t, d, newInterviewer(t, "iv2"), "e-clean", "clean", 30, crashMarker)
	d.Close()
	checkSaved(t, dir, saved)
	if len(saved) < 20 {
		t.Fatalf("only %d saves: nothing to scan for", len(saved))
	}
	files := dirFiles(t, dir)
	for _, needle := range []string{crashMarker, "note PLAINTEXT", "MARKER"} {
		n, scanned, err := ScanPaths(context.Background(), files, [][]byte{[]byte(needle)})
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%q found in the data folder (%d bytes in %d files scanned)", needle, scanned, len(files))
		}
		if scanned == 0 {
			t.Error("nothing scanned")
		}
	}
	// The scan itself finds the marker when it is there.
	plain := dir + "/plain.txt"
	if err := os.WriteFile(plain, []byte("xx"+crashMarker+"yy"), 0o600); err != nil {
		t.Fatal(err)
	}
	if n, _, _ := ScanPaths(context.Background(), []string{plain}, [][]byte{[]byte(crashMarker)}); n != 1 {
		t.Errorf("ScanPaths on a file holding the marker found %d, want 1", n)
	}
}
