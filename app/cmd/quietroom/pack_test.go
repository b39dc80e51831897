package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"quietroom/app/protocol"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = dispatch(&env{stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPackUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"pack"}, 2},
		{[]string{"pack", "frobnicate"}, 2},
		{[]string{"pack", "check"}, 2},
		{[]string{"pack", "show"}, 2},
		{[]string{"pack", "show", "a", "b"}, 2},
		{[]string{"pack", "export"}, 2},
		{[]string{"pack", "help"}, 0},
	}
	for _, tt := range tests {
		if code, _, _ := run(t, tt.args...); code != tt.code {
			t.Errorf("quietroom %s = exit %d, want %d", strings.Join(tt.args, " "), code, tt.code)
		}
	}
}

// TestPackExportThenCheck: every built-in pack exports to a file that `pack check` accepts and
// that loads back with the same hash.
func TestPackExportThenCheck(t *testing.T) {
	for _, p := range protocol.Builtin() {
		t.Run(p.ID, func(t *testing.T) {
			code, out, errs := run(t, "pack", "export", p.ID)
			if code != 0 {
				t.Fatalf("pack export %s = exit %d, stderr %q", p.ID, code, errs)
			}
			path := writeFile(t, p.ID+".yaml", out)
			code, out, errs = run(t, "pack", "check", path)
			if code != 0 || errs != "" {
				t.Fatalf("pack check of exported %s = exit %d, stderr:\n%s", p.ID, code, errs)
			}
			if want := path + ": ok (" + p.ID + " version " + strconv.Itoa(p.Version) + ", " + p.Hash + ")\n"; out != want {
				t.Errorf("pack check output = %q, want %q", out, want)
			}
		})
	}
}

const brokenPack = `id: Broken
version: 1
title: Broken
language: en-GB
kind: interview
duration_minutes: 30
warning_minutes: [5, 10]
preamble:
  - title: Welcome
    text: Records are deleted on {deletion_date}.
consent:
  - id: take-part
    text: I agree.
    required: true
topics:
  - id: one
    question: ""
closing:
  question: Anything else?
  thanks: Thanks.
  colour: blue
`

func TestPackCheckReportsEveryProblem(t *testing.T) {
	path := writeFile(t, "broken.yaml", brokenPack)
	code, out, errs := run(t, "pack", "check", path)
	if code != 1 || out != "" {
		t.Errorf("pack check broken.yaml = exit %d, stdout %q; want 1 and nothing", code, out)
	}
	want := []string{
		path + `:1: id: "Broken" is not a valid id`,
		path + `:7: warning_minutes[1]: must be smaller than the warning before it (5)`,
		path + `:11: consent: the required consent point "notes" is missing`,
		path + `:17: topics[0].question: is empty`,
		path + `:21: closing.colour: unknown field`,
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != len(want) {
		t.Fatalf("pack check printed %d problems, want %d:\n%s", len(lines), len(want), errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("problem %d = %q, want it to start with %q", i, lines[i], w)
		}
	}
}

func TestPackCheckMixed(t *testing.T) {
	_, good, _ := run(t, "pack", "export", "leadership-360")
	goodPath := writeFile(t, "good.yaml", good)
	code, out, errs := run(t, "pack", "check", goodPath, filepath.Join(t.TempDir(), "missing.yaml"))
	if code != 1 || !strings.Contains(out, goodPath+": ok") || !strings.Contains(errs, "missing.yaml") {
		t.Errorf("pack check good missing = exit %d, stdout %q, stderr %q; want 1, good ok, missing reported", code, out, errs)
	}
}

func TestPackList(t *testing.T) {
	code, out, errs := run(t, "pack", "list")
	if code != 0 || errs != "" {
		t.Fatalf("pack list = exit %d, stderr %q", code, errs)
	}
	for _, p := range protocol.Builtin() {
		if !strings.Contains(out, p.ID) || !strings.Contains(out, p.Hash) {
			t.Errorf("pack list does not show %s with %s:\n%s", p.ID, p.Hash, out)
		}
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if got := strings.Fields(lines[1]); len(got) != 6 || got[0] != "leadership-360" || got[2] != "10" || got[3] != "30" {
		t.Errorf("first row = %q, want leadership-360, its version, 10 topics, 30 minutes, hash, built-in", lines[1])
	}

	_, exported, _ := run(t, "pack", "export", "peer-ai-users")
	path := writeFile(t, "copy.yaml", exported)
	broken := writeFile(t, "broken.yaml", brokenPack)
	code, out, errs = run(t, "pack", "list", path, broken)
	if code != 1 || !strings.Contains(out, path) || !strings.Contains(errs, broken+":1: id:") {
		t.Errorf("pack list copy broken = exit %d\nstdout:\n%s\nstderr:\n%s\nwant 1, the copy listed and the broken file's problems", code, out, errs)
	}
}

func TestPackShow(t *testing.T) {
	code, out, errs := run(t, "pack", "show", "leadership-360")
	if code != 0 || errs != "" {
		t.Fatalf("pack show leadership-360 = exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		"leadership-360 (version 3): 360-degree leadership interview",
		"Duration: 30 minutes",
		"Am I someone that you would say is open to feedback?",
		"     - What has your experience of providing me with feedback been like?",
		"[required] take-part:",
		"[optional] follow-up:",
		"    - Initial reflections on what you have learnt",
		"\nInterviewer guidance\n  - Establish Trust and Rapport:",
		"\nAdditions (not in the source)\n  preamble[3]: The guide asks for brief notes",
		"  closing.question: The guide has no catch-all question;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pack show leadership-360 lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = run(t, "pack", "show", "peer-ethnographic-staff")
	if code != 0 || !strings.Contains(out, "Scale (rating): 0 to 10") || !strings.Contains(out, "10: brilliant") {
		t.Errorf("pack show peer-ethnographic-staff does not show the 0-10 scale:\n%s", out)
	}

	_, exported, _ := run(t, "pack", "export", "recruitment-values-panel")
	path := writeFile(t, "panel.yaml", exported)
	if code, out, _ := run(t, "pack", "show", path); code != 0 || !strings.Contains(out, "Kind: panel") {
		t.Errorf("pack show FILE = exit %d:\n%s", code, out)
	}

	if code, _, errs := run(t, "pack", "show", "no-such-pack"); code != 1 || !strings.Contains(errs, "pack list") {
		t.Errorf("pack show no-such-pack = exit %d, stderr %q; want 1 and a hint", code, errs)
	}
}

// TestPackShowEscapesControlCharacters: whatever reaches showPack, it never writes a control or
// text-direction character to the terminal, and keeps the line breaks and tabs of the text.
func TestPackShowEscapesControlCharacters(t *testing.T) {
	p, ok := protocol.BuiltinPack("leadership-360")
	if !ok {
		t.Fatal("no built-in leadership-360")
	}
	q := *p
	q.Title = "Clear\x1b[2J\x1b]0;owned\x07 title"
	q.Source = "left\u202eright\u2066x\u2069\x9b\tend"
	q.Topics = append([]protocol.Topic(nil), p.Topics...)
	q.Topics[0].Question = "first line\nsecond\x00line"
	var b strings.Builder
	if err := showPack(&b, &q); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`Clear\x1b[2J\x1b]0;owned\a title`,
		"Source: left\\u202eright\\u2066x\\u2069\\x9b\tend",
		"first line\n",
		`second\x00line`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("showPack output lacks %q:\n%s", want, out)
		}
	}
	if i := strings.IndexFunc(out, func(c rune) bool {
		return c != '\n' && c != '\t' && (unicode.IsControl(c) || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069)
	}); i >= 0 {
		t.Errorf("showPack wrote the control character %U at byte %d", []rune(out[i:])[0], i)
	}
}

// TestPackCheckFolder: a folder given as a pack says it is one, and what to give instead.
func TestPackCheckFolder(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := run(t, "pack", "check", dir)
	want := dir + ": is a folder, not a pack file; name the pack's .yaml file (all the packs in it: " + filepath.Join(dir, "*.yaml") + ")\n"
	if code != 1 || errs != want {
		t.Errorf("pack check FOLDER = exit %d, stderr %q; want 1 and %q", code, errs, want)
	}
}
