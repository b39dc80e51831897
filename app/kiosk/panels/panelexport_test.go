package panels_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
	"quietroom/app/report/fynefont"
	"quietroom/app/stick"
)

func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed: run make deps (Debian packages qpdf and poppler-utils)", name)
	}
	return p
}

// scoredPanel is a panel whose three candidates every member has scored.
func scoredPanel(t *testing.T) (*kiosktest.Env, kiosktest.PanelSeed, *panels.PanelMember, *panels.PanelMember) {
	t.Helper()
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	staff, partner := openPanel(t, e, s, s.Staff.ID), openPanel(t, e, s, s.Partner.ID)
	for _, c := range []string{"101", "102", "103"} {
		startInterview(t, e, chair, c)
		for _, p := range []*panels.PanelMember{chair, staff, partner} {
			if err := p.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			scoreAll(t, p, c, 3, 2)
		}
	}
	return e, s, chair, staff
}

// TestPanelExportToAFullStick: a stick too small for the record gives stick.ErrFull and
// leaves nothing on it. The stick is a 16 KiB tmpfs, so the test needs root (it is skipped
// without).
func TestPanelExportToAFullStick(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=16k"); err != nil {
		t.Skipf("cannot mount a small tmpfs as a stick (needs root): %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	_, s, chair, _ := scoredPanel(t)
	if err := chair.Decide(ctx, []byte(s.PINs[s.Chair.ID]), "", "no candidate met the standard"); err != nil {
		t.Fatal(err)
	}
	_, err := chair.Export(ctx, dir, "correct horse battery", "correct horse battery", fynefont.Fonts())
	if !errors.Is(err, stick.ErrFull) {
		t.Fatalf("Export to a full stick = %v, want stick.ErrFull", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("the full stick holds %v after the failed export, want nothing", left)
	}
}

// TestPanelExport: the appointing officer's export opens with the password and not without,
// holds the record (candidates by number) and no name, and is written whole or not at all.
func TestPanelExport(t *testing.T) {
	qpdf, pdftotext := needTool(t, "qpdf"), needTool(t, "pdftotext")
	e, s, chair, staff := scoredPanel(t)
	stick := t.TempDir()
	fonts := fynefont.Fonts()
	if _, err := chair.Export(ctx, stick, "long enough pass", "long enough pass", fonts); !errors.Is(err, panels.ErrNotDecided) {
		t.Fatalf("Export before the decision = %v, want ErrNotDecided", err)
	}
	if err := chair.Decide(ctx, []byte(s.PINs[s.Chair.ID]), "102", "QRDECISION strongest"); err != nil {
		t.Fatal(err)
	}
	for _, pw := range [][2]string{{"short", "short"}, {"long enough pass", "long enough pas"}} {
		if _, err := chair.Export(ctx, stick, pw[0], pw[1], fonts); !errors.Is(err, panels.ErrExportPassword) {
			t.Errorf("Export(%q, %q) = %v, want ErrExportPassword", pw[0], pw[1], err)
		}
	}
	if err := staff.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := staff.Export(ctx, stick, "long enough pass", "long enough pass", fonts); !errors.Is(err, panel.ErrNotAppointingOfficer) {
		t.Errorf("Export by the member of staff = %v, want ErrNotAppointingOfficer", err)
	}
	gone := filepath.Join(stick, "pulled-out")
	if _, err := chair.Export(ctx, gone, "long enough pass", "long enough pass", fonts); !errors.Is(err, kiosk.ErrNoStick) {
		t.Errorf("Export to a removed stick = %v, want ErrNoStick", err)
	}
	if left, _ := os.ReadDir(stick); len(left) != 0 {
		t.Fatalf("failed exports left %d files on the stick", len(left))
	}

	path, err := chair.Export(ctx, stick, "correct horse battery", "correct horse battery", fonts)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(raw, []byte("%PDF-")) || bytes.Contains(raw, []byte("QRDECISION")) || bytes.Contains(raw, []byte("Recruitment record")) {
		t.Error("the file on the stick is not an encrypted PDF")
	}
	// qpdf --requires-password exits 0 when the file needs a password.
	if out, err := exec.Command(qpdf, "--requires-password", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --requires-password = %v (%s), want exit 0: a password is needed", err, out)
	}
	if err := exec.Command(qpdf, "--password=wrong password", "--decrypt", path, filepath.Join(t.TempDir(), "x.pdf")).Run(); err == nil {
		t.Error("the record opened with a wrong password")
	}
	if err := exec.Command(pdftotext, path, "-").Run(); err == nil {
		t.Error("pdftotext read the record without the password")
	}
	plain := filepath.Join(t.TempDir(), "plain.pdf")
	if out, err := exec.Command(qpdf, "--password=correct horse battery", "--decrypt", path, plain).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --decrypt with the password = %v (%s)", err, out)
	}
	info, err := exec.Command(qpdf, "--show-encryption", path, "--password=correct horse battery").CombinedOutput()
	if err != nil || !strings.Contains(string(info), "AESv3") {
		t.Errorf("encryption = %s, %v; want AES-256 (AESv3)", info, err)
	}
	text, err := exec.Command(pdftotext, "-layout", plain, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Recruitment record", "Community nurse", "Candidate 101", "Candidate 103", "QRDECISION strongest", "reason QRSCORE", "Selected: candidate 102", "appointing officer"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the record lacks %q", want)
		}
	}
	// No discussion was recorded: no spread is said to have been discussed.
	if strings.Contains(string(text), "(discussed)") || !strings.Contains(string(text), "No discussion was recorded") {
		t.Error("the record says a spread was discussed, or does not say no discussion was recorded, with none recorded")
	}
	for _, name := range []string{"Sam", "Ravi", "Pat", s.Chair.DisplayName, s.Staff.DisplayName, s.Partner.DisplayName} {
		if strings.Contains(string(text), name) {
			t.Errorf("the record holds the name %q", name)
		}
	}
	if _, err := chair.Export(ctx, stick, "correct horse battery", "correct horse battery", fonts); !errors.Is(err, os.ErrExist) {
		t.Errorf("a second export over the first = %v, want os.ErrExist", err)
	}
	ev, err := e.Kiosk.Audit(ctx, s.Admin, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range ev {
		if a.Action == "panel.export" && a.Outcome == "ok" {
			found = true
		}
	}
	if !found {
		t.Error("no audit entry for the export")
	}
}

// TestPanelExportWithAWithdrawnCandidate: a candidate who withdrew before their interview no
// longer blocks the decision or the export, and the record says they were withdrawn and why.
func TestPanelExportWithAWithdrawnCandidate(t *testing.T) {
	qpdf, pdftotext := needTool(t, "qpdf"), needTool(t, "pdftotext")
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	staff, partner := openPanel(t, e, s, s.Staff.ID), openPanel(t, e, s, s.Partner.ID)
	for _, c := range []string{"101", "103"} {
		startInterview(t, e, chair, c)
		for _, p := range []*panels.PanelMember{chair, staff, partner} {
			if err := p.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			scoreAll(t, p, c, 3, 2)
		}
	}
	if err := chair.WithdrawCandidate(ctx, "102", panel.WithdrawDeclined); err != nil {
		t.Fatal(err)
	}
	if err := chair.Decide(ctx, []byte(s.PINs[s.Chair.ID]), "103", "clearest examples"); err != nil {
		t.Fatalf("Decide with candidate 102 withdrawn = %v", err)
	}
	stick := t.TempDir()
	path, err := chair.Export(ctx, stick, "correct horse battery", "correct horse battery", fynefont.Fonts())
	if err != nil {
		t.Fatalf("Export with candidate 102 withdrawn = %v", err)
	}
	plain := filepath.Join(t.TempDir(), "plain.pdf")
	if out, err := exec.Command(qpdf, "--password=correct horse battery", "--decrypt", path, plain).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --decrypt = %v (%s)", err, out)
	}
	out, err := exec.Command(pdftotext, plain, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Candidate 102: withdrawn", "the candidate withdrew", "Candidate 101: interviewed", "Selected: candidate 103"} {
		if !strings.Contains(text, want) {
			t.Errorf("the record lacks %q", want)
		}
	}
}

// TestPanelRecordIsNotWeakR5: the record was written with AES-256 under the deprecated
// revision 5 handler (a password check of one SHA-256, cheap to guess at) and with text
// extraction refused to screen readers. It must be the PDF 2.0 handler, revision 6, with
// printing and extraction for accessibility allowed and nothing else, a file qpdf checks
// clean, and no pdfcpu configuration folder written anywhere.
func TestPanelRecordIsNotWeakR5(t *testing.T) {
	qpdf := needTool(t, "qpdf")
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	_, s, chair, _ := scoredPanel(t)
	if err := chair.Decide(ctx, []byte(s.PINs[s.Chair.ID]), "101", "clearest examples"); err != nil {
		t.Fatal(err)
	}
	path, err := chair.Export(ctx, t.TempDir(), "correct horse battery", "correct horse battery", fynefont.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(qpdf, "--password=correct horse battery", "--show-encryption", path).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --show-encryption = %v (%s)", err, out)
	}
	info := string(out)
	for _, want := range []string{"R = 6", "extract for accessibility: allowed", "print high resolution: allowed",
		"modify anything: not allowed", "extract for any purpose: not allowed", "stream encryption method: AESv3"} {
		if !strings.Contains(info, want) {
			t.Errorf("qpdf --show-encryption lacks %q:\n%s", want, info)
		}
	}
	if out, err := exec.Command(qpdf, "--password=correct horse battery", "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check = %v:\n%s", err, out)
	}
	if left, _ := os.ReadDir(home); len(left) != 0 {
		t.Errorf("the export wrote %v into the home folder, want nothing", left)
	}
}

// recordText exports the record and returns its text, read with the password.
func recordText(t *testing.T, chair *panels.PanelMember) string {
	t.Helper()
	qpdf, pdftotext := needTool(t, "qpdf"), needTool(t, "pdftotext")
	path, err := chair.Export(ctx, t.TempDir(), "correct horse battery", "correct horse battery", fynefont.Fonts())
	if err != nil {
		t.Fatalf("Export = %v", err)
	}
	plain := filepath.Join(t.TempDir(), "plain.pdf")
	if out, err := exec.Command(qpdf, "--password=correct horse battery", "--decrypt", path, plain).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --decrypt = %v (%s)", err, out)
	}
	out, err := exec.Command(pdftotext, plain, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestPanelRecordInTheGuidesOrder: the record of a panel in the guide's order says the order,
// who led, the discussion and what it noted, each interview's date, the withdrawal and why,
// which candidates asked for feedback, that the carer was told the outcome and their
// feedback, and the guide's sentence on checks and references; its flagged spreads are not
// said to have been discussed, since the discussion came before the scores.
func TestPanelRecordInTheGuidesOrder(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	if err := chair.SetOrder(ctx, panel.OrderGuide); err != nil {
		t.Fatal(err)
	}
	staff, partner := openPanel(t, e, s, s.Staff.ID), openPanel(t, e, s, s.Partner.ID)
	for _, c := range []string{"101", "102"} {
		startInterview(t, e, chair, c)
	}
	if err := chair.WithdrawCandidate(ctx, "103", panel.WithdrawNoShow); err != nil {
		t.Fatal(err)
	}
	if err := chair.SetFeedbackRequested(ctx, "102", true); err != nil {
		t.Fatal(err)
	}
	if err := chair.RecordDiscussion(ctx, map[string]string{"101": "QRDISCUSS agreed on carers"}); err != nil {
		t.Fatal(err)
	}
	scores := map[*panels.PanelMember][]int{chair: {4, 3}, staff: {1, 3}, partner: {3, 3}}
	for _, c := range []string{"101", "102"} {
		for _, p := range []*panels.PanelMember{chair, staff, partner} {
			if err := p.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			scoreAll(t, p, c, scores[p]...)
		}
	}
	if err := chair.Decide(ctx, []byte(s.PINs[s.Chair.ID]), "101", "clearest examples"); err != nil {
		t.Fatal(err)
	}
	text := recordText(t, chair)
	for _, want := range []string{"Order: the guide's", "Leading the interview: Member 1", "QRDISCUSS agreed on carers",
		"Candidate 101: interviewed on", "Candidate 103: withdrawn on", "the candidate did not attend",
		"Asked for feedback on the decision", "Candidates who asked for feedback: 102.", panel.ChecksAndReferences,
		"Not recorded yet that Member 3 (service user or carer) was told the outcome", "(flagged)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the record lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "(discussed)") {
		t.Error("the record says a spread was discussed: the discussion came before the scores")
	}
	if err := chair.RecordOutcomeTold(ctx, s.Partner.ID); err != nil {
		t.Fatal(err)
	}
	if err := partner.GiveFeedback(ctx, "QRWELL I was listened to", "QRIMPROVE more time between candidates"); err != nil {
		t.Fatal(err)
	}
	text = recordText(t, chair)
	for _, want := range []string{"The appointing officer told Member 3 (service user or carer) the outcome on",
		"What went well: QRWELL I was listened to", "What could be improved: QRIMPROVE more time between candidates"} {
		if !strings.Contains(text, want) {
			t.Errorf("the record lacks %q", want)
		}
	}
}
