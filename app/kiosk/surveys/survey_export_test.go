package surveys_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quietroom/app/kiosk/surveys"
	"quietroom/app/report/fynefont"
	"quietroom/app/survey"
)

// TestSurveyExportRecomputes: the export writes what the stored responses give, never the
// results value it is handed. A value changed after it was read (a team shown on its own
// below the minimum, its figures made up, a smaller minimum) is not what is on the stick.
func TestSurveyExportRecomputes(t *testing.T) {
	e, in, res := closedSurvey(t)
	want, err := survey.CSV(&res.Results)
	if err != nil {
		t.Fatal(err)
	}
	tampered := *res
	tampered.MinGroup = 1
	tampered.Merged, tampered.Withheld = nil, nil
	tampered.Groups = append([]survey.Group{{Name: "Tampered team alone", Responses: 1, Items: res.Overall.Items}}, res.Groups...)
	tampered.Overall.Responses = 999
	paths, err := surveys.ExportSurveyResults(ctx, in, &tampered, e.ImportDir, fynefont.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if filepath.Ext(p) != ".csv" {
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(got), "Tampered") || strings.Contains(string(got), "999") {
			t.Errorf("the exported figures hold what was handed in, not what the responses give")
		}
		if string(got) != string(want) {
			t.Errorf("the exported CSV is not the one the stored responses give:\n got %s\nwant %s", got, want)
		}
		return
	}
	t.Fatalf("no CSV among the exported files %v", paths)
}
