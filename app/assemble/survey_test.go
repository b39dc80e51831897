package assemble_test

import (
	"bytes"
	"context"
	"io/fs"
	"path/filepath"
	"regexp"
	"testing"

	"quietroom/app/assemble"
	"quietroom/app/kiosk/surveys"
	"quietroom/app/retention"
	"quietroom/app/store"
	"quietroom/app/survey"
)

// dataFiles lists every file under dir.
func dataFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSurveyOnTheRealStore takes the demo survey through the kiosk on SQLite, as on a device:
// no response's plaintext reaches the data folder, and wiping the survey's engagement leaves
// none of its sealed bytes, with a receipt that counts them.
func TestSurveyOnTheRealStore(t *testing.T) {
	ctx := context.Background()
	cfg := devConfig(t)
	var demo bytes.Buffer
	cfg.Demo = &demo
	k, err := assemble.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	m := regexp.MustCompile(`DEMO admin PIN: +(\d+)`).FindStringSubmatch(demo.String())
	if m == nil {
		t.Fatalf("no demo admin PIN printed:\n%s", demo.String())
	}
	rec, s, err := surveys.OpenSurvey(ctx, k.Kiosk)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		answers := map[string]int{}
		for j, it := range s.Items {
			answers[it.ID] = 1 + (i+j)%s.Points
		}
		if err := surveys.SubmitSurveyResponse(ctx, k.Kiosk, rec.EngagementID, survey.Response{Team: rec.Teams[0], Answers: answers}); err != nil {
			t.Fatal(err)
		}
	}
	plain := [][]byte{[]byte(`"answers"`), []byte(`"team":`), []byte(`"survey":"` + s.Hash)}
	if n, _, err := store.ScanPaths(ctx, dataFiles(t, cfg.DataDir), plain); err != nil || n != 0 {
		t.Fatalf("response plaintext found %d times in the data folder (%v)", n, err)
	}
	ro, err := store.Open(ctx, cfg.DataDir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := ro.SurveyResponses(ctx, rec.EngagementID)
	ro.Close()
	if err != nil || len(sealed) != 6 {
		t.Fatalf("stored responses = %d, %v; want 6", len(sealed), err)
	}
	var snippets [][]byte
	for _, b := range sealed {
		snippets = append(snippets, bytes.Clone(b[30:130]), bytes.Clone(b[len(b)-100:]))
	}
	if n, _, _ := store.ScanPaths(ctx, dataFiles(t, cfg.DataDir), snippets); n != len(snippets) {
		t.Fatalf("found %d of %d sealed snippets before the wipe: the scan looks at the wrong files", n, len(snippets))
	}
	a, err := k.Kiosk.SignInAdmin(ctx, []byte(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	receipt, err := k.Kiosk.WipeEngagement(ctx, a, rec.EngagementID)
	if err != nil {
		t.Fatal(err)
	}
	// The receipt counts no responses: a count after closing would tell a withheld team's
	// turnout (the results' total subtracted from it).
	if receipt.SurveyResponses != 0 || receipt.Outcome != retention.OutcomePassed || receipt.KeysDestroyed == 0 {
		t.Errorf("receipt = %+v, want no count of responses, their keys destroyed, passed", receipt)
	}
	if n, _, err := store.ScanPaths(ctx, dataFiles(t, cfg.DataDir), snippets); err != nil || n != 0 {
		t.Errorf("%d sealed snippets of the wiped survey remain in the data folder (%v)", n, err)
	}
	if _, _, err := surveys.OpenSurvey(ctx, k.Kiosk); err == nil {
		t.Error("the wiped survey is still open")
	}
}
