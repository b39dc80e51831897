package assemble_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"quietroom/app/assemble"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
	"quietroom/app/retention"
	"quietroom/app/store"
	"quietroom/app/vault"
)

// The panel's markers: every free text a panel writes carries one, and none may be found in
// the data folder's files, ever.
var panelMarkers = []string{"QRPANEL-reason", "QRPANEL-notes", "QRPANEL-decision", "QRPANEL-question",
	"QRPANEL-printed-name", "QRPANEL-signature", "Community QRPANEL nurse", "QRPANEL-discussion", "QRPANEL-feedback"}

func scanMarkers(t *testing.T, dir string) int {
	t.Helper()
	var needles [][]byte
	for _, m := range panelMarkers {
		needles = append(needles, []byte(m))
	}
	n, scanned, err := store.ScanPaths(context.Background(), dataFiles(t, dir), needles)
	if err != nil || scanned == 0 {
		t.Fatalf("scan = %d bytes, %v", scanned, err)
	}
	return n
}

func member(t *testing.T, k *kiosk.Kiosk, s kiosktest.PanelSeed, id string) *panels.PanelMember {
	t.Helper()
	in, err := k.SignIn(context.Background(), id, []byte(s.PINs[id]))
	if err != nil {
		t.Fatal(err)
	}
	p, err := panels.Open(context.Background(), in, s.EngagementID)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

// TestPanelOnTheDevice runs a recruitment panel on the real store and vault, then reads the
// files as an attacker would: no score's reason, note, decision, contributed question, printed
// name or signature is in them; the admin's credential opens no member's key; a legal hold
// keeps the record from a wipe; the wipe leaves nothing of it.
func TestPanelOnTheDevice(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	k, err := assemble.Open(ctx, assemble.Config{DataDir: data, KeyFile: filepath.Join(dir, "key", "device.key")})
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	s := kiosktest.SeedPanel(t, k.Kiosk)
	in, err := k.Kiosk.SignIn(ctx, s.Chair.ID, []byte(s.PINs[s.Chair.ID]))
	if err != nil {
		t.Fatal(err)
	}
	chair, err := panels.Create(ctx, in, s.EngagementID, panel.Post{Title: "Community QRPANEL nurse", Band: "Band 6"}, s.Members())
	if err != nil {
		t.Fatal(err)
	}
	defer chair.Close()
	partner := member(t, k.Kiosk, s, s.Partner.ID)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(partner.ContributeQuestion(ctx, "QRPANEL-question: what does kindness look like?"))
	must(partner.Confirm(ctx, panel.Confirmation{PartnerID: s.Partner.ID, StaffID: s.Staff.ID,
		PartnerName: "QRPANEL-printed-name P", StaffName: "QRPANEL-printed-name R",
		PartnerSignature: []byte("QRPANEL-signature 1"), StaffSignature: []byte("QRPANEL-signature 2")}, []byte(s.PINs[s.Staff.ID])))
	must(chair.Refresh(ctx))
	must(chair.SetScale(ctx, panel.Scale{Min: 1, Max: 3, Labels: []string{"not met", "met", "exceeded"}}))
	v, err := chair.State()
	must(err)
	qs := v.Questions
	qs[0].AskedBy = s.Chair.ID
	must(chair.SetQuestions(ctx, qs))
	must(chair.AddCandidate(ctx, "101"))
	must(chair.RecordConsent(ctx, "101", kiosktest.AgreedConsent(k.Kiosk)))
	must(chair.StartInterview(ctx, "101"))
	// The guide's order: the discussion is recorded before anyone scores.
	must(chair.RecordDiscussion(ctx, map[string]string{"101": "QRPANEL-discussion agreed strong on carers"}))
	must(chair.SetFeedbackRequested(ctx, "101", true))
	staff := member(t, k.Kiosk, s, s.Staff.ID)
	for _, p := range []*panels.PanelMember{chair, staff, partner} {
		must(p.Refresh(ctx))
		must(p.SetMark(ctx, "101", panel.Mark{QuestionID: qs[0].ID, Score: 2, Scored: true, Reason: "QRPANEL-reason good example"}))
		must(p.SetNotes(ctx, "101", "QRPANEL-notes talked about carers"))
		must(p.Submit(ctx, "101"))
	}
	must(chair.Decide(ctx, []byte(s.PINs[s.Chair.ID]), "101", "QRPANEL-decision met every standard"))
	must(chair.RecordOutcomeTold(ctx, s.Partner.ID))
	must(partner.GiveFeedback(ctx, "QRPANEL-feedback went well", "QRPANEL-feedback could improve"))

	if n := scanMarkers(t, data); n != 0 {
		t.Fatalf("%d panel plaintexts found in the data folder's files", n)
	}
	// The scan does see what is in the clear: the engagement's title, which the admin typed.
	if n, _, _ := store.ScanPaths(ctx, dataFiles(t, data), [][]byte{[]byte("Recruitment: Band 6 nurse")}); n == 0 {
		t.Fatal("the scan did not find the engagement's title: it reads nothing")
	}
	// The admin's credential is no member's PIN: it opens no member's key, so no panel.
	for _, id := range []string{s.Chair.ID, s.Staff.ID, s.Partner.ID} {
		if _, err := k.Kiosk.SignIn(ctx, id, []byte("246810")); !errors.Is(err, vault.ErrWrongCredential) {
			t.Errorf("SignIn of a member with the admin credential = %v, want ErrWrongCredential", err)
		}
	}
	must(k.Kiosk.PlaceHold(ctx, s.Admin, s.EngagementID, "candidate dispute"))
	if _, err := k.Kiosk.WipeEngagement(ctx, s.Admin, s.EngagementID); !errors.Is(err, retention.ErrLegalHold) {
		t.Fatalf("WipeEngagement on hold = %v, want ErrLegalHold", err)
	}
	member(t, k.Kiosk, s, s.Staff.ID) // still readable under the hold
	must(k.Kiosk.ReleaseHold(ctx, s.Admin, s.EngagementID))
	rec, err := k.Kiosk.WipeEngagement(ctx, s.Admin, s.EngagementID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Outcome != retention.OutcomePassed || rec.KeysDestroyed != 3 || rec.RowsRemaining != 0 || rec.KeysFound != 0 {
		t.Errorf("receipt = %+v, want passed, 3 member keys destroyed, none found, no rows left", rec)
	}
	in, _ = k.Kiosk.SignIn(ctx, s.Staff.ID, []byte(s.PINs[s.Staff.ID]))
	if _, err := panels.Open(ctx, in, s.EngagementID); !errors.Is(err, panels.ErrNoPanel) {
		t.Errorf("OpenPanel after the wipe = %v, want ErrNoPanel", err)
	}
}
