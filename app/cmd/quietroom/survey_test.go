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

// TestSurveyCheckEscapesTheFileName: a file whose name holds an escape sequence or a
// text-direction control is named on the "ok" line (and on a problem's) with those bytes
// written as escapes, never raw to the terminal.
func TestSurveyCheckEscapesTheFileName(t *testing.T) {
	_, out, _ := run(t, "survey", "export")
	for _, name := range []string{"ok\x1b[2J\x1b[31m.yaml", "ok\u202etxt.yaml"} {
		good := writeFile(t, name, out)
		code, stdout, errs := run(t, "survey", "check", good)
		if code != 0 {
			t.Fatalf("survey check %q = %d, %q", name, code, errs)
		}
		if strings.ContainsAny(stdout, "\x1b\u202e") {
			t.Errorf("survey check %q printed %q: the name's control bytes reach the terminal", name, stdout)
		}
		if !strings.Contains(stdout, ": ok (") {
			t.Errorf("survey check %q printed %q, want its ok line", name, stdout)
		}
		bad := writeFile(t, "bad-"+name, strings.Replace(out, "points: 5", "points: 2", 1))
		if _, _, errs := run(t, "survey", "check", bad); strings.ContainsAny(errs, "\x1b\u202e") {
			t.Errorf("survey check of a bad %q printed %q: the name's control bytes reach the terminal", name, errs)
		}
	}
}
