package main

import (
	"context"
	"encoding/json"
	"fmt"
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
