package main

import (
	"strings"
	"testing"
)

func TestSurveyCheckAndExport(t *testing.T) {
	code, out, _ := run(t, "survey", "export")
	if code != 0 || !strings.Contains(out, "row 29 repeats row 3") {
		t.Fatalf("survey export = %d, %q", code, out[:min(len(out), 200)])
	}
	good := writeFile(t, "ours.yaml", out)
	if code, out, errs := run(t, "survey", "check", good); code != 0 || !strings.Contains(out, ": ok (leadership-culture version 1, 31 items on 5 points") {
		t.Errorf("survey check of the export = %d, %q, %q", code, out, errs)
	}
	bad := writeFile(t, "bad.yaml", strings.Replace(out, "points: 5", "points: 2", 1))
	code, _, errs := run(t, "survey", "check", bad)
	if code != 1 || !strings.Contains(errs, bad+":") || !strings.Contains(errs, ": points: is 2") {
		t.Errorf("survey check of a bad file = %d, %q", code, errs)
	}
	for _, args := range [][]string{{"survey"}, {"survey", "check"}, {"survey", "frobnicate"}} {
		if code, _, _ := run(t, args...); code != 2 {
			t.Errorf("%v = %d, want 2", args, code)
		}
	}
}
