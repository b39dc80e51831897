package survey

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"quietroom/app/report/fynefont"
)

func sampleResults(t *testing.T) *Results {
	t.Helper()
	s := Builtin()
	var rs []Response
	rs = append(rs, spread(s, "Front door", 6, 1)...)
	rs = append(rs, spread(s, "Children in care", 5, 4)...)
	rs = append(rs, answers(s, "Fostering", 3, 3)...)
	rs = append(rs, answers(s, "Leaving care", 2, 5)...)
	rs = append(rs, answers(s, "Youth justice", 1, 2)...)
	r := Aggregate(s, []string{"Front door", "Children in care", "Fostering", "Leaving care", "Youth justice"}, 5, rs)
	return &r
}

var reportInfo = ReportInfo{Title: "Leadership culture survey, spring", Opens: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC),
	Closes: time.Date(2026, 3, 13, 0, 0, 0, 0, time.UTC), DeletionDate: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)}

func TestPDFReport(t *testing.T) {
	r := sampleResults(t)
	b, err := PDF(r, reportInfo, fynefont.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", b[:min(len(b), 16)])
	}
	if dir := os.Getenv("SURVEY_REPORT_DIR"); dir != "" {
		// For looking at: SURVEY_REPORT_DIR=/tmp go test -run PDFReport, then pdftoppm.
		if err := os.WriteFile(filepath.Join(dir, "survey-report.pdf"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is not installed: run make deps (Debian package poppler-utils)")
	}
	f := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(f, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{
		"Leadership culture survey, spring: results",
		"Front door: 6 responses", "Children in care: 5 responses", "Other teams: 6 responses",
		"Teams with fewer than 5 responses each are shown together as “other teams”: Fostering, Leaving care, Youth justice.",
		"Leaders and managers link change to improvements", "Partners and other teams are taken by surprise",
		"Where teams differ most",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report does not say %q", want)
		}
	}
	if strings.Contains(text, "Youth justice: ") || strings.Contains(text, "Fostering: ") {
		t.Error("the report shows a small team on its own")
	}
}

func TestCSVReport(t *testing.T) {
	r := sampleResults(t)
	b, err := CSV(r)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// A header, then 31 items for each of: all shown teams, two teams, other teams.
	if len(rows) != 1+4*31 {
		t.Fatalf("%d rows, want %d", len(rows), 1+4*31)
	}
	if strings.Join(rows[0][:8], ",") != "group,group_responses,item,item_id,left,right,answered,count_1_left" {
		t.Errorf("header = %v", rows[0])
	}
	groups := map[string]bool{}
	for _, row := range rows[1:] {
		groups[row[0]] = true
	}
	for _, g := range []string{"All shown teams", "Front door", "Children in care", OtherTeams} {
		if !groups[g] {
			t.Errorf("no rows for %q", g)
		}
	}
	if groups["Youth justice"] || groups["Fostering"] {
		t.Error("the CSV shows a small team on its own")
	}
	first := rows[1]
	if first[0] != "All shown teams" || first[1] != "17" || first[6] != "17" {
		t.Errorf("first row = %v", first)
	}
}
