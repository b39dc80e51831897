package surveys_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/surveys"
	"quietroom/app/report/fynefont"
	"quietroom/app/stick"
)

// closedSurvey is a survey with its results open to its review team member, signed in.
func closedSurvey(t *testing.T) (*kiosktest.Env, *kiosk.SignedIn, *surveys.SurveyResults) {
	t.Helper()
	e, d, rec, member := newSurvey(t)
	_, s, err := surveys.OpenSurvey(ctx, e.Kiosk)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		if err := surveys.SubmitSurveyResponse(ctx, e.Kiosk, rec.EngagementID, answerAll(s, surveyTeams[i%2], 1+i%5)); err != nil {
			t.Fatal(err)
		}
	}
	in, err := e.Kiosk.SignIn(ctx, member, []byte(d.InterviewerPIN))
	if err != nil {
		t.Fatal(err)
	}
	e.Clock.Set(rec.Closes.AddDate(0, 0, 1))
	res, err := surveys.Results(ctx, in, rec.EngagementID)
	if err != nil {
		t.Fatal(err)
	}
	return e, in, res
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, de := range des {
		out = append(out, de.Name())
	}
	return out
}

// TestSurveyExportToA64KiBStickIsAllOrNothing: on a 64 KiB stick the survey's PDF was
// written whole, its CSV failed, and the screen said "The stick is full: nothing was
// written". The stick here has room for the PDF and not for the CSV too: the export must fail
// with stick.ErrFull and leave nothing of itself on the stick. The stick is a tmpfs,
// which needs root to mount.
func TestSurveyExportToA64KiBStickIsAllOrNothing(t *testing.T) {
	_, in, res := closedSurvey(t)
	probe := t.TempDir()
	paths, err := surveys.ExportSurveyResults(ctx, in, res, probe, fynefont.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int64
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, fi.Size())
	}
	// The stick has room for the PDF, in whole pages, and no more: 64 KiB for today's report.
	room := (sizes[0] + 4095) / 4096 * 4096
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", room)); err != nil {
		t.Fatalf("cannot mount a %d-byte tmpfs as a stick (run as root; TestAFullStickGetsNoPartOfAnExport in app/stick tests the same without): %v", room, err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	if err := os.WriteFile(filepath.Join(dir, "mine.txt"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = surveys.ExportSurveyResults(ctx, in, res, dir, fynefont.Fonts())
	if !errors.Is(err, stick.ErrFull) {
		t.Fatalf("ExportSurveyResults to a full stick = %v, want stick.ErrFull", err)
	}
	if got := listDir(t, dir); !slices.Equal(got, []string{"mine.txt"}) {
		t.Errorf("after the failed export the stick holds %v, want only what was there (mine.txt)", got)
	}
}

// TestKilledExportsLeaveNoPartialOnTheStick: an export killed part-way left a hidden
// .partial-NNN file holding the whole PDF on the stick. The next export to the stick removes
// it, and so does the kiosk's listing of its sticks.
func TestKilledExportsLeaveNoPartialOnTheStick(t *testing.T) {
	e, in, res := closedSurvey(t)
	stick := e.ImportDir
	left := filepath.Join(stick, ".partial-2718281828")
	put := func() {
		if err := os.WriteFile(left, []byte("%PDF-1.7 a killed export's whole report"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	put()
	if _, err := surveys.ExportSurveyResults(ctx, in, res, stick, fynefont.Fonts()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(left); err == nil {
		t.Errorf("the next export left %s on the stick", filepath.Base(left))
	}
	put()
	if sticks := e.Kiosk.Sticks(); !slices.Contains(sticks, stick) {
		t.Fatalf("Sticks() = %v, want %s", sticks, stick)
	}
	if _, err := os.Lstat(left); err == nil {
		t.Errorf("listing the sticks left %s on the stick", filepath.Base(left))
	}
}
