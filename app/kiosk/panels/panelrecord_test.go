package panels_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
	"quietroom/app/report/fynefont"
)

// inZone runs the rest of the test with the kiosk's zone (time.Local) set to loc, as
// enrolment sets the machine's.
func inZone(t *testing.T, loc *time.Location) {
	t.Helper()
	was := time.Local
	time.Local = loc
	t.Cleanup(func() { time.Local = was })
}

// recordPages exports the record and returns the text of each page (pdftotext), after
// checking the decrypted file with qpdf --check.
func recordPages(t *testing.T, chair *panels.PanelMember) []string {
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
	if out, err := exec.Command(qpdf, "--check", plain).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check = %v:\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, plain, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, p := range strings.Split(strings.TrimSuffix(string(out), "\f"), "\f") {
		pages = append(pages, strings.Join(strings.Fields(p), " "))
	}
	return pages
}

// TestPanelRecordForHR: the record holds what HR files. Its last page says plainly it is the
// signed confirmation of understanding and holds what each signer confirmed, their printed
// names as typed, the date and both signatures drawn; every page says "Page n of N"; dates and
// times are the kiosk's local time with the zone named (an interview at 12:30 UTC in a zone 13
// hours ahead is on the next day), never UTC; a candidate who declined consent and was then
// withdrawn, one who did not attend and one entered in error are listed with their reasons.
func TestPanelRecordForHR(t *testing.T) {
	inZone(t, time.FixedZone("NZDT", 13*60*60))
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	e.Clock.Set(time.Date(2026, 3, 2, 12, 30, 0, 0, time.UTC)) // 3 March, 01:30 NZDT
	chair := readyPanelSigned(t, e, s, panel.Confirmation{PartnerID: s.Partner.ID, StaffID: s.Staff.ID,
		PartnerName: "  Jo  O'Brien-Ng ", StaffName: "Alexandra Catherine Montgomery-Smythe QRSTAFF",
		PartnerSignature: []byte("10,40 60,20 110,45;120,30 160,35"), StaffSignature: []byte("10,30 50,50 100,20")})
	for _, n := range []string{"104", "105"} {
		if err := chair.AddCandidate(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	staff, partner := openPanel(t, e, s, s.Staff.ID), openPanel(t, e, s, s.Partner.ID)
	startInterview(t, e, chair, "101")
	// Candidate 102 declines consent on the screen: no interview; the chair withdraws them.
	declined := kiosktest.AgreedConsent(e.Kiosk)
	for k := range declined.Choices {
		declined.Choices[k] = false
	}
	if err := chair.RecordConsent(ctx, "102", declined); err == nil {
		t.Fatal("a consent with every point declined was recorded")
	}
	if err := chair.WithdrawCandidate(ctx, "102", panel.WithdrawDeclined); err != nil {
		t.Fatal(err)
	}
	// Candidate 105 says on the consent screen that they do not want to take part: recorded as
	// declining to consent, not as a withdrawal, and nobody can record it for another reason.
	if err := chair.WithdrawCandidate(ctx, "105", panel.WithdrawNoConsent); err == nil {
		t.Error("the chair's withdrawal recorded a candidate as declining to consent")
	}
	if err := staff.DeclineConsent(ctx, "105"); !errors.Is(err, panel.ErrNotLead) {
		t.Errorf("DeclineConsent by a member who does not lead the interviews = %v, want ErrNotLead", err)
	}
	if err := chair.DeclineConsent(ctx, "105"); err != nil {
		t.Fatalf("DeclineConsent(105) = %v", err)
	}
	if err := chair.DeclineConsent(ctx, "101"); err == nil {
		t.Error("a candidate whose interview started was recorded as declining to consent")
	}
	if err := chair.StartInterview(ctx, "105"); !errors.Is(err, panel.ErrWithdrawn) {
		t.Errorf("StartInterview(105, declined to consent) = %v, want ErrWithdrawn", err)
	}
	if err := chair.WithdrawCandidate(ctx, "103", panel.WithdrawNoShow); err != nil {
		t.Fatal(err)
	}
	if err := chair.WithdrawCandidate(ctx, "104", panel.WithdrawError); err != nil {
		t.Fatal(err)
	}
	for _, p := range []*panels.PanelMember{chair, staff, partner} {
		if err := p.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		scoreAll(t, p, "101", 3, 2)
	}
	if err := chair.SetFeedbackRequested(ctx, "101", true); err != nil {
		t.Fatal(err)
	}
	if err := chair.Decide(ctx, []byte(s.PINs[s.Chair.ID]), "101", "clearest examples"); err != nil {
		t.Fatal(err)
	}
	pages := recordPages(t, chair)
	n := len(pages)
	if n < 2 {
		t.Fatalf("the record has %d pages, want the record and the signed sheet", n)
	}
	for i, p := range pages {
		if want := "Page " + strconv.Itoa(i+1) + " of " + strconv.Itoa(n); strings.Count(p, want) != 1 {
			t.Errorf("page %d does not say %q once", i+1, want)
		}
	}
	text := strings.Join(pages, " ")
	for _, want := range []string{
		"Candidate 101: interviewed on 3 March 2026, 01:30 NZDT.",
		"Candidate 102: withdrawn on 3 March 2026 (the candidate withdrew).",
		"Candidate 103: withdrawn on 3 March 2026 (the candidate did not attend).",
		"Candidate 104: withdrawn on 3 March 2026 (the number was entered in error).",
		"Candidate 105: declined to consent to the interview on 3 March 2026; not interviewed.",
		"Asked for feedback on the decision", "Candidates who asked for feedback: 101.",
		"on 3 March 2026, 01:30 NZDT, confirmed with their PIN",
		"the signed sheet is the last part of this record",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the record lacks %q:\n%s", want, text)
		}
	}
	if regexp.MustCompile(`\bUTC\b|2 March 2026`).MatchString(text) {
		t.Errorf("the record gives a time in UTC, not the kiosk's zone:\n%s", text)
	}
	last := pages[n-1]
	for _, want := range []string{
		"Signed confirmation of understanding",
		"This is the signed confirmation of understanding",
		"printed name   Jo  O'Brien-Ng , confirmed: I confirm that the guide to interviews has been gone through with me and I have understood it.",
		"printed name Alexandra Catherine Montgomery-Smythe QRSTAFF, confirmed: I can confirm that   Jo  O'Brien-Ng  has completed this guide to interviews on 3 March 2026.",
		"Staff member signature", "Signature of the service user or carer",
		"Print name: Alexandra Catherine Montgomery-Smythe QRSTAFF", "Print name: Jo O'Brien-Ng", "Date: 3 March 2026",
		"confirmed their signature with their own PIN",
	} {
		if !strings.Contains(last, strings.Join(strings.Fields(want), " ")) {
			t.Errorf("the signed sheet lacks %q:\n%s", want, last)
		}
	}
	if strings.Contains(last, "could not be drawn") {
		t.Error("a signature as the pad keeps it was not drawn")
	}
	// The printed names are on the signed sheet only.
	for i, p := range pages[:n-1] {
		if strings.Contains(p, "QRSTAFF") || strings.Contains(p, "O'Brien") {
			t.Errorf("page %d, before the signed sheet, holds a printed name", i+1)
		}
	}
}

// TestPanelRecordSignatureDrawn: the signed sheet's page draws the strokes the pad kept (the
// page has more drawing in it with the signatures than with signatures that cannot be read).
func TestPanelRecordSignatureDrawn(t *testing.T) {
	qpdf := needTool(t, "qpdf")
	lines := func(sig []byte) int {
		e := kiosktest.New(t)
		s := kiosktest.SeedPanel(t, e.Kiosk)
		chair := readyPanelSigned(t, e, s, panel.Confirmation{PartnerID: s.Partner.ID, StaffID: s.Staff.ID,
			PartnerName: "Jo", StaffName: "Alex", PartnerSignature: sig, StaffSignature: sig})
		for _, c := range []string{"101", "102", "103"} {
			if err := chair.WithdrawCandidate(ctx, c, panel.WithdrawError); err != nil {
				t.Fatal(err)
			}
		}
		if err := chair.Decide(ctx, []byte(s.PINs[s.Chair.ID]), "", "no candidate"); err != nil {
			t.Fatal(err)
		}
		path, err := chair.Export(ctx, t.TempDir(), "correct horse battery", "correct horse battery", fynefont.Fonts())
		if err != nil {
			t.Fatal(err)
		}
		qdf := filepath.Join(t.TempDir(), "q.pdf")
		if out, err := exec.Command(qpdf, "--password=correct horse battery", "--decrypt", "--qdf", "--object-streams=disable", path, qdf).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --qdf = %v (%s)", err, out)
		}
		raw, err := os.ReadFile(qdf)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Count(string(raw), " l S")
	}
	drawn, unreadable := lines([]byte("10,40 60,20 110,45 150,30;120,30 160,35")), lines([]byte("sig"))
	if drawn < unreadable+8 {
		t.Errorf("the record with signatures has %d drawn lines, with unreadable ones %d: the strokes were not drawn", drawn, unreadable)
	}
}
