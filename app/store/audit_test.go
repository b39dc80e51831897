package store

import (
	"context"
	"testing"

	"quietroom/app/retention"
	"quietroom/app/session"
)

// TestAuditedChangesAreWholeOrNotMade: the changes that carry their audit entry (the set-up,
// saving an interviewer, creating and closing an engagement) roll back when the entry cannot be
// written, here because it has no action.
func TestAuditedChangesAreWholeOrNotMade(t *testing.T) {
	ctx := context.Background()
	bad := retention.AuditEvent{At: day0, Actor: retention.RoleAdmin, Outcome: "ok"} // no action
	ok := func(action string) retention.AuditEvent {
		ev := bad
		ev.Action = action
		return ev
	}
	d := openDB(t, t.TempDir(), Options{})
	mustEngagement(t, d, "e1", day0.AddDate(0, 1, 0))

	for _, tc := range []struct {
		name   string
		change func(ev retention.AuditEvent) error
		action string
		made   func() bool
	}{
		{
			name:   "SetUp",
			change: func(ev retention.AuditEvent) error { return d.SetUp(ctx, []byte("verifier"), "Room 2", ev) },
			action: "device.setup",
			made: func() bool {
				_, verr := d.AdminVerifier(ctx)
				room, _ := d.RoomName(ctx)
				return verr == nil || room != ""
			},
		},
		{
			name: "SaveInterviewer",
			change: func(ev retention.AuditEvent) error {
				return d.SaveInterviewer(ctx, Interviewer{ID: "iv1", DisplayName: "AB", KeySlot: []byte{1}, CreatedAt: day0, UpdatedAt: day0}, ev)
			},
			action: "interviewer.add",
			made: func() bool {
				_, err := d.Interviewer(ctx, "iv1")
				return err == nil
			},
		},
		{
			name: "CreateEngagement",
			change: func(ev retention.AuditEvent) error {
				return d.CreateEngagement(ctx, session.Engagement{ID: "e2", Title: "E2", DeletionDate: day0.AddDate(0, 1, 0), CreatedAt: day0}, ev)
			},
			action: "engagement.create",
			made: func() bool {
				_, err := d.Engagement(ctx, "e2")
				return err == nil
			},
		},
		{
			name:   "CloseEngagement",
			change: func(ev retention.AuditEvent) error { return d.CloseEngagement(ctx, "e1", ev) },
			action: "engagement.close",
			made: func() bool {
				e, _ := d.Engagement(ctx, "e1")
				return e.Closed
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := d.Audit(ctx, 0)
			if err := tc.change(bad); err == nil {
				t.Fatalf("%s with an audit entry that cannot be written = nil, want an error", tc.name)
			}
			if tc.made() {
				t.Errorf("%s failed on its audit entry but the change was made", tc.name)
			}
			if after, _ := d.Audit(ctx, 0); len(after) != len(before) {
				t.Errorf("audit log has %d entries after a failed %s, want %d", len(after), tc.name, len(before))
			}
			if err := tc.change(ok(tc.action)); err != nil {
				t.Fatalf("%s = %v", tc.name, err)
			}
			if !tc.made() {
				t.Errorf("%s succeeded but the change is not there", tc.name)
			}
			if log, _ := d.Audit(ctx, 1); len(log) != 1 || log[0].Action != tc.action {
				t.Errorf("last audit entry after %s = %+v, want %s", tc.name, log, tc.action)
			}
		})
	}
}
