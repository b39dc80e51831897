package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/panel"
	"quietroom/app/retention"
	"quietroom/app/seal"
	"quietroom/app/session"
	"quietroom/app/vault"
)

// sealedPanel stores a panel for engagement eng whose every record is sealed to a new group
// key with a member key sealed to in; it returns every sealed byte string stored.
func sealedPanel(t *testing.T, d *DB, in *vault.Interviewer, eng string) [][]byte {
	t.Helper()
	ctx := context.Background()
	g, err := seal.NewKey(seal.PurposePanelKey, eng)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := g.Recipient()
	slotKey, err := g.SealFor(memberPublicKey(t, in.ID()))
	if err != nil {
		t.Fatal(err)
	}
	seal := func(id, text string) []byte {
		b, err := seal.SealRecord(pub, seal.PurposePanelRecord, eng, id, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	setup := seal("setup", "setup QRPANEL "+eng)
	ev := retention.AuditEvent{At: day0, Actor: retention.RoleInterviewer, Action: "panel.setup", EngagementID: eng, Outcome: "ok"}
	if err := d.CreatePanel(ctx, panel.Stored{EngagementID: eng, PublicKey: pub, SealedSetup: setup,
		MemberKeys: map[string][]byte{in.ID(): slotKey}}, ev); err != nil {
		t.Fatal(err)
	}
	out := [][]byte{slotKey, setup}
	ph := map[string][]byte{"item-mark": seal("mark|m|101|q1", "placeholder"), "item-notes": seal("notes|m|101", "placeholder")}
	if err := d.AddPanelItems(ctx, eng, ph); err != nil {
		t.Fatal(err)
	}
	out = append(out, ph["item-mark"], ph["item-notes"])
	for id, lid := range map[string]string{"item-mark": "mark|m|101|q1", "item-notes": "notes|m|101"} {
		b := seal(lid, "reason QRPANEL "+eng)
		if err := d.PutPanelItem(ctx, eng, id, b); err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	sub := seal("submitted|m|101", "{}")
	if err := d.SubmitPanelSheet(ctx, eng, "item-submitted", sub); err != nil {
		t.Fatal(err)
	}
	if err := d.SubmitPanelSheet(ctx, eng, "item-submitted", sub); !errors.Is(err, panel.ErrSubmitted) {
		t.Fatalf("second submission = %v, want ErrSubmitted", err)
	}
	out = append(out, sub)
	dec := seal("decision", "decision QRPANEL")
	if err := d.DecidePanel(ctx, eng, "item-decision", dec, retention.AuditEvent{At: day0, Actor: retention.RoleInterviewer, Action: "panel.decision", EngagementID: eng}); err != nil {
		t.Fatal(err)
	}
	if err := d.DecidePanel(ctx, eng, "item-decision", dec, retention.AuditEvent{At: day0, Actor: retention.RoleInterviewer, Action: "panel.decision", EngagementID: eng}); !errors.Is(err, panel.ErrDecided) {
		t.Fatalf("second decision = %v, want ErrDecided", err)
	}
	return append(out, dec)
}

// memberPublicKey is the public key of a new slot for the member: what the kiosk seals the
// recruitment's key to.
func memberPublicKey(t *testing.T, id string) string {
	t.Helper()
	v, err := vault.New(staticSecret(make([]byte, vault.DeviceSecretSize)), vault.Options{Params: cheapParams})
	if err != nil {
		t.Fatal(err)
	}
	slot, err := v.NewInterviewer(id, []byte("1234"))
	if err != nil {
		t.Fatal(err)
	}
	return slot.PublicKey
}

// TestPanelDestruction: a recruitment's panel survives the purge while its date is ahead or it
// is on hold, and is gone (no row, no sealed byte in the files) after the purge on its date, a
// wipe of its engagement and a wipe of everything.
func TestPanelDestruction(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	d := openDB(t, dir, Options{})
	in := newInterviewer(t, "m")
	due, later := day0.AddDate(0, 0, 10), day0.AddDate(0, 3, 0)
	mustEngagement(t, d, "p-due", due)
	mustEngagement(t, d, "p-held", due)
	mustEngagement(t, d, "p-wipe", later)
	mustEngagement(t, d, "p-all", later)
	captured := map[string][][]byte{}
	for _, e := range []string{"p-due", "p-held", "p-wipe", "p-all"} {
		captured[e] = sealedPanel(t, d, in, e)
	}
	if n := foundInDir(t, dir, [][]byte{[]byte("QRPANEL")}); n != 0 {
		t.Fatalf("plaintext of a panel record found %d times in the files", n)
	}
	if next, ok, err := d.NextDeletion(ctx); err != nil || !ok || !next.Equal(due) {
		t.Fatalf("NextDeletion = %v, %v, %v; want the panels' date %v", next, ok, err, due)
	}
	clock := clocktest.New(day0)
	r := newRetention(t, d, clock)
	if err := r.PlaceHold(ctx, "p-held", "a candidate's dispute", retention.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	clock.Set(due.Add(time.Minute))
	gone := func(step string, engs ...string) {
		t.Helper()
		for _, e := range engs {
			if _, err := d.Panel(ctx, e); !errors.Is(err, session.ErrNotFound) {
				t.Errorf("%s: panel %s = %v, want ErrNotFound", step, e, err)
			}
			if n := foundInDir(t, dir, captured[e]); n != 0 {
				t.Errorf("%s: %d sealed records of panel %s still in the files", step, n, e)
			}
		}
	}
	kept := func(step string, engs ...string) {
		t.Helper()
		for _, e := range engs {
			p, err := d.Panel(ctx, e)
			if err != nil || len(p.Items) != 4 || !p.Decided {
				t.Errorf("%s: panel %s = %d items, decided %v, %v; want 4 items, decided", step, e, len(p.Items), p.Decided, err)
			}
		}
	}
	rec, err := r.PurgeDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Outcome != retention.OutcomePassed || rec.KeysDestroyed != 1 || rec.KeysFound != 0 {
		t.Errorf("purge receipt = %+v, want passed with 1 key destroyed and none found", rec)
	}
	gone("purge", "p-due")
	kept("purge", "p-held", "p-wipe", "p-all")
	rec, err = r.WipeEngagement(ctx, "p-wipe", retention.RoleAdmin)
	if err != nil || rec.RowsRemaining != 0 || rec.Outcome != retention.OutcomePassed {
		t.Fatalf("wipe = %+v, %v", rec, err)
	}
	gone("wipe", "p-wipe")
	kept("wipe", "p-held", "p-all")
	if err := r.ReleaseHold(ctx, "p-held", retention.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	if _, err := r.WipeAll(ctx, retention.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	gone("wipe all", "p-held", "p-all")
}
