package kiosktest

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"quietroom/app/kiosk"
	"quietroom/app/retention"
	"quietroom/app/session"
)

// Ports is a storage as the role-port contracts (PanelsContract, SurveysContract,
// BoardsContract) see it: the port under test and the doors they need around it, to create the
// engagements its records belong to, to read the audit log back and to reset a member's PIN.
// The SQLite store is every one of them; kiosktest's Store is all but Panels and Boards, which
// are its fields.
type Ports struct {
	Panels       kiosk.Panels
	Surveys      kiosk.Surveys
	Boards       kiosk.Boards
	Engagements  kiosk.Engagements
	Audit        kiosk.Audit
	Interviewers kiosk.Interviewers
}

// StorePorts is the in-memory store's ports, for the contracts.
func StorePorts(s *Store) Ports {
	return Ports{Panels: s.Panels, Surveys: s, Boards: s.Boards, Engagements: s, Audit: s, Interviewers: s}
}

// contractT0 is the time the contracts' fixtures are set around.
var contractT0 = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

// noAudit is an audit event every store refuses (it has no action): a change that takes it
// must fail and change nothing, which shows the entry is written with the change.
var noAudit = retention.AuditEvent{At: contractT0, Actor: retention.RoleAdmin}

func auditEvent(action, engagementID string) retention.AuditEvent {
	return retention.AuditEvent{At: contractT0, Actor: retention.RoleInterviewer, Action: action, EngagementID: engagementID, Outcome: "ok"}
}

// addEngagement creates an engagement of kind created at created.
func addEngagement(t *testing.T, p Ports, id string, kind session.EngagementKind, created time.Time) session.Engagement {
	t.Helper()
	e := session.Engagement{ID: id, Title: "Engagement " + id, Kind: kind, DeletionDate: contractT0.AddDate(0, 3, 0), CreatedAt: created}
	if err := p.Engagements.CreateEngagement(context.Background(), e, auditEvent("engagement.create", id)); err != nil {
		t.Fatalf("CreateEngagement(%s) = %v", id, err)
	}
	return e
}

// addInterviewer saves an interviewer with a key slot.
func addInterviewer(t *testing.T, p Ports, id string) session.Interviewer {
	t.Helper()
	iv := session.Interviewer{ID: id, DisplayName: "Interviewer " + id, KeySlot: []byte("slot-" + id), CreatedAt: contractT0, UpdatedAt: contractT0}
	if err := p.Interviewers.SaveInterviewer(context.Background(), iv, auditEvent("interviewer.add", "")); err != nil {
		t.Fatalf("SaveInterviewer(%s) = %v", id, err)
	}
	return iv
}

// resetPIN resets an interviewer's PIN: their new key slot, their group keys cleared.
func resetPIN(t *testing.T, p Ports, iv session.Interviewer) {
	t.Helper()
	iv.KeySlot = []byte("new-slot-" + iv.ID)
	if err := p.Interviewers.ResetInterviewerKey(context.Background(), iv, auditEvent("interviewer.reset", "")); err != nil {
		t.Fatalf("ResetInterviewerKey(%s) = %v", iv.ID, err)
	}
}

// auditLog returns the audit log, newest first.
func auditLog(t *testing.T, p Ports) []retention.AuditEvent {
	t.Helper()
	evs, err := p.Audit.Audit(context.Background(), 0)
	if err != nil {
		t.Fatalf("Audit = %v", err)
	}
	return evs
}

// audited checks that the newest audit entry is action on the engagement (with count when
// count >= 0) and that it is the only one since before (the log's length then).
func audited(t *testing.T, p Ports, before int, action, engagementID string, count int) {
	t.Helper()
	evs := auditLog(t, p)
	if len(evs) != before+1 {
		t.Errorf("audit log has %d entries, want %d (one for %s)", len(evs), before+1, action)
		return
	}
	ev := evs[0]
	if ev.Action != action || ev.EngagementID != engagementID || (count >= 0 && ev.Count != count) {
		t.Errorf("newest audit entry = %+v, want %s on %s counting %d", ev, action, engagementID, count)
	}
}

// unchanged checks that the state read before is read again, and no audit entry was added.
func unchanged[S any](t *testing.T, what string, read func() S, before S, p Ports, auditBefore int) {
	t.Helper()
	if after := read(); !reflect.DeepEqual(after, before) {
		t.Errorf("%s changed what is stored:\n got %+v\nwant %+v", what, after, before)
	}
	if n := len(auditLog(t, p)); n != auditBefore {
		t.Errorf("%s: audit log has %d entries, want %d", what, n, auditBefore)
	}
}

func wantErr(t *testing.T, what string, err, target error) {
	t.Helper()
	switch {
	case target == nil && err == nil:
		t.Errorf("%s = nil, want an error", what)
	case target != nil && !errors.Is(err, target):
		t.Errorf("%s = %v, want %v", what, err, target)
	}
}

func must(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s = %v", what, err)
	}
}

// sortedCopy returns s sorted, for comparing lists whose order the port does not promise.
func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
