package ui

import (
	"encoding/json"
	"os"
	"testing"

	"quietroom/app/panel"
)

// TestPanelConfirmationIsTheRecordsWords: what the service user or carer and the member of
// staff confirm on the kiosk's sheet is, word for word, what the exported record says they
// confirmed (the panel package's statements), and both statements are in the English bundle.
func TestPanelConfirmationIsTheRecordsWords(t *testing.T) {
	b, err := os.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var bundle map[string]string
	if err := json.Unmarshal(b, &bundle); err != nil {
		t.Fatal(err)
	}
	for _, s := range panel.Statements {
		if _, ok := bundle[s]; !ok {
			t.Errorf("%q is not in translations/en.json", s)
		}
	}
	if err := loadTranslations(); err != nil {
		t.Fatal(err)
	}
	if got, want := partnerStatement(), panel.PartnerStatementText(); got != want {
		t.Errorf("the service user or carer reads %q on the kiosk, the record says they confirmed %q", got, want)
	}
	// A printed name is kept exactly as typed, on the screen as in the record.
	for _, name := range []string{"Pat", "  Jo  O'Brien-Ng ", "Ann {{.Date}} <b>&"} {
		if got, want := staffStatement(name, "3 March 2026"), panel.StaffStatementText(name, "3 March 2026"); got != want {
			t.Errorf("the member of staff reads %q on the kiosk, the record says they confirmed %q", got, want)
		}
	}
}
