package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/protocol"
)

func TestAdminWipeWithReceipt(t *testing.T) {
	h := newHarness(t)
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.wantScreen("admin")
	h.tap("Wipe an engagement")
	h.tap(h.d.EngagementTitle)
	h.wantScreen("wipe-confirm-1")
	h.tap("Yes, wipe it")
	h.wantScreen("wipe-confirm-2")
	h.tap("Wipe now")
	h.wantScreen("receipt")
	receipts, _ := h.env.Store.Receipts(context.Background())
	if len(receipts) != 1 {
		t.Fatalf("receipts after wipe = %d, want 1", len(receipts))
	}
	if !h.shows("Engagement wiped (it had no follow-up date), Monday 2 March 2026 at 10:00, by an admin. Receipt " + receipts[0].ID + ".") {
		t.Error("receipt not shown")
	}
	if engs, _ := h.env.Kiosk.Engagements(context.Background()); len(engs) != 0 {
		t.Errorf("engagements after wipe = %d, want 0", len(engs))
	}
}

func TestSetupWizard(t *testing.T) {
	test.NewTempApp(t)
	env := kiosktest.New(t)
	h := startOn(t, env, Options{})
	h.wantScreen("setup-wizard")
	h.pin("432198")
	h.pin("432198")
	h.wantScreen("setup-room")
	name := h.entry()
	test.Type(name, "Room 2")
	h.tap("Next")
	h.wantScreen("setup-clock")
	h.tap("It is right")
	h.wantScreen("light-test")
	h.tap("Occupied")
	h.tap("Done")
	h.wantScreen("home")
	if !h.shows("Room 2") {
		t.Error("home does not show the new room name")
	}
}

// TestAdminImportsAPackFromAStick: the problems of a broken file are shown with their lines and
// nothing is imported; a valid file is imported and listed.
func TestAdminImportsAPackFromAStick(t *testing.T) {
	h := newHarness(t)
	stick := filepath.Join(h.env.ImportDir, "STICK")
	if err := os.MkdirAll(stick, 0o755); err != nil {
		t.Fatal(err)
	}
	p, _ := protocol.BuiltinPack("leadership-360")
	p.ID, p.Title = "our-360", "Our own 360 interview"
	good, err := protocol.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(stick, "our-360.yaml"), good, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(stick, "broken.yaml"), []byte("id: Broken Id\nversion: 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.tap("Question packs")
	h.tap("Import from a USB stick")
	h.wantScreen("pack-import")
	h.tap("STICK/broken.yaml")
	h.wantScreen("pack-imported")
	if !h.shows("Nothing was imported") || !h.shows("broken.yaml:1: id:") {
		t.Error("the broken file's problems are not shown with their line and field")
	}
	h.tap("Import another")
	h.tap("STICK/our-360.yaml")
	if !h.shows("Imported: Our own 360 interview") {
		t.Error("the imported pack is not confirmed")
	}
	h.tap("Back to the packs")
	for range 5 { // the built-in packs come first
		if h.shows("Our own 360 interview") {
			break
		}
		h.tap("Next page")
	}
	if !h.shows("Our own 360 interview") {
		t.Error("the imported pack is not in the list")
	}
}

// TestWizardAsksBeforeProgrammingTheOTP: on a new Pi the wizard first asks where the device key
// is kept; the OTP key is programmed only after the second confirmation.
func TestWizardAsksBeforeProgrammingTheOTP(t *testing.T) {
	test.NewTempApp(t)
	env := kiosktest.NewPi(t)
	h := startOn(t, env, Options{})
	h.wantScreen("secret-choice")
	h.tap("Keep it in the OTP memory")
	h.wantScreen("secret-confirm")
	h.tap("No, go back")
	h.wantScreen("secret-choice")
	if env.OTP.Programmed() {
		t.Fatal("the OTP key was programmed before the confirmation")
	}
	h.tap("Keep it in the OTP memory")
	h.tap("Yes, program it")
	h.wantScreen("setup-wizard")
	if !env.OTP.Programmed() {
		t.Error("the OTP key was not programmed after the confirmation")
	}
}

// TestWizardSuggestsTheEnrolledRoomName: the room name from the enrolment file is filled in.
func TestWizardSuggestsTheEnrolledRoomName(t *testing.T) {
	test.NewTempApp(t)
	env := kiosktest.New(t)
	h := startOn(t, env, Options{RoomName: "Room 4, Trust HQ"})
	h.pin("432198")
	h.pin("432198")
	h.wantScreen("setup-room")
	for _, o := range h.objects() {
		if e, ok := o.(*kbEntry); ok && e.Text != "Room 4, Trust HQ" {
			t.Errorf("room name field = %q, want the enrolled name", e.Text)
		}
	}
	h.tap("Next")
	h.wantScreen("setup-clock")
	if got, _ := env.Kiosk.RoomName(context.Background()); got != "Room 4, Trust HQ" {
		t.Errorf("RoomName = %q, want the enrolled name", got)
	}
}

// TestWipeBeforeTheFollowUpWarns: wiping an engagement whose follow-up has not come yet says so
// plainly, with its date, and asks to confirm that; the receipt says it was wiped before.
func TestWipeBeforeTheFollowUpWarns(t *testing.T) {
	h := newHarness(t)
	title := h.engagementFor("Peer challenge") // follow-up four months after yesterday's visit
	h.tap("Admin")
	h.pin(h.d.AdminCredential)
	h.tap("Wipe an engagement")
	h.tap(title)
	h.wantScreen("wipe-confirm-1")
	if !h.shows("it has not happened yet") {
		t.Error("the confirmation does not warn that the follow-up has not come yet")
	}
	h.tap("Wipe before the follow-up")
	h.tap("Wipe now")
	h.wantScreen("receipt")
	if !h.shows("Engagement wiped before its follow-up date") {
		t.Error("the receipt does not say the engagement was wiped before its follow-up date")
	}
}
