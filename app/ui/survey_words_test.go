package ui

import (
	"encoding/json"
	"os"
	"testing"

	"quietroom/app/kiosk/surveys"
	"quietroom/app/survey"
)

// TestSurveyNoteIsTheReportsWords: the results screen says which teams were merged or withheld
// in the very words of the exported report (the survey package's sentences), and every one of
// those sentences is in the English bundle.
func TestSurveyNoteIsTheReportsWords(t *testing.T) {
	b, err := os.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var bundle map[string]string
	if err := json.Unmarshal(b, &bundle); err != nil {
		t.Fatal(err)
	}
	for _, s := range survey.Sentences {
		if _, ok := bundle[s]; !ok {
			t.Errorf("%q is not in translations/en.json", s)
		}
	}
	if err := loadTranslations(); err != nil {
		t.Fatal(err)
	}
	for _, res := range []*surveys.SurveyResults{
		{Results: survey.Results{MinGroup: 5, Merged: []string{"Fostering", "Leaving care"}, Withheld: []string{"Youth justice"}}, Unreadable: 2},
		{Results: survey.Results{MinGroup: 4}},
	} {
		want := survey.ProtectionNote(&res.Results)
		if res.Unreadable > 0 {
			want += " " + survey.UnreadableSentence(res.Unreadable).English()
		}
		if got := protectionNote(res); got != want {
			t.Errorf("the screen says %q, the report %q", got, want)
		}
	}
}
