package yamlfile

import (
	"errors"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

var errTest = errors.New("invalid test file")

var testDoc = Document{Empty: "the file is empty; write a", Second: "one document only"}

var testFields = Fields{
	Known:   []string{"a", "b", "c"},
	NotText: "a field name must be plain text",
	Unknown: "unknown field; the fields here are " + List([]string{"a", "b", "c"}),
}

// read runs Root and Fields over data and returns the problems as strings, or "ok".
func read(t *testing.T, data string) []string {
	t.Helper()
	r := &Reader{File: "f.yaml"}
	if root := r.Root([]byte(data), testDoc); root != nil && root.Kind == yaml.MappingNode {
		r.Fields(root, "", testFields)
	}
	err := r.Err(errTest)
	if err == nil {
		return []string{"ok"}
	}
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, errTest) {
		t.Fatalf("Err = %T %v, want an *Error matching its sentinel", err, err)
	}
	var out []string
	for _, p := range e.Problems {
		out = append(out, p.String())
	}
	return out
}

func TestReader(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string
	}{
		{"valid", "a: 1\nb: [x]\n", []string{"ok"}},
		{"empty", "", []string{"f.yaml:1: the file is empty; write a"}},
		{"only a comment", "# nothing\n", []string{"f.yaml:1: the file is empty; write a"}},
		{"syntax error line", "a: 1\nb: [\n", []string{"f.yaml:2: YAML syntax error: did not find expected node content; check the indentation and quoting on or near this line"}},
		{"second document, at its ---", "a: 1\n---\nb: 2\n", []string{"f.yaml:2: one document only"}},
		{"duplicate key", "a: 1\nb: 2\na: 3\n", []string{"f.yaml:3: a: appears twice (first on line 1); keep one"}},
		{"duplicate names the key's line", "a:\n  - 1\na: 2\n", []string{"f.yaml:3: a: appears twice (first on line 1); keep one"}},
		{"unknown key", "a: 1\nd: 2\n", []string{"f.yaml:2: d: unknown field; the fields here are a, b and c"}},
		{"key not text", "[a]: 1\n", []string{"f.yaml:1: a field name must be plain text, not a list"}},
		{"problems in line order", "d: 1\n[x]: 2\na: 3\na: 4\n", []string{
			"f.yaml:1: d: unknown field; the fields here are a, b and c",
			"f.yaml:2: a field name must be plain text, not a list",
			"f.yaml:4: a: appears twice (first on line 3); keep one",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := read(t, tt.data)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("read(%q) = %q, want %q", tt.data, got, tt.want)
			}
		})
	}
}

func TestFieldsCheck(t *testing.T) {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte("a: 1\npin: 2\nb: 3\n"), &root); err != nil {
		t.Fatal(err)
	}
	r := &Reader{File: "f.yaml"}
	rule := testFields
	rule.Check = func(k, v *yaml.Node, field string, known bool) bool {
		if k.Value != "pin" {
			return false
		}
		r.Add(k.Line, field, "never in a file")
		return true
	}
	m := r.Fields(root.Content[0], "top", rule)
	if got := r.Err(errTest).Error(); got != "f.yaml:2: top.pin: never in a file" {
		t.Errorf("Fields with Check: problems = %q, want only the refused pin", got)
	}
	if len(m.Values) != 2 || m.Values["a"].Value != "1" || m.Values["b"].Value != "3" {
		t.Errorf("Fields values = %v, want a and b", m.Values)
	}
	if m.Line("b") != 3 || m.Line("c") != 1 {
		t.Errorf("Line(b), Line(c) = %d, %d, want 3 (its key), 1 (the mapping)", m.Line("b"), m.Line("c"))
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "p.yaml", Line: 4, Field: "topics[0].id", Message: "is empty"}, "p.yaml:4: topics[0].id: is empty"},
		{Problem{File: "p.yaml", Line: 1, Message: "the file is empty"}, "p.yaml:1: the file is empty"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestErr(t *testing.T) {
	r := &Reader{File: "f.yaml"}
	if err := r.Err(errTest); err != nil {
		t.Fatalf("Err with no problems = %v, want nil", err)
	}
	r.Add(3, "b", "late")
	r.Add(0, "", "whole file")
	r.Add(3, "a", "same line, found second")
	err := r.Err(errTest)
	want := "f.yaml:1: whole file\nf.yaml:3: b: late\nf.yaml:3: a: same line, found second"
	if err.Error() != want {
		t.Errorf("Err = %q, want %q", err, want)
	}
	if errors.Is(err, errors.New("invalid test file")) {
		t.Errorf("Err matches another sentinel with the same text; want only its own")
	}
}

func TestWords(t *testing.T) {
	if got := List([]string{"a"}); got != "a" {
		t.Errorf("List(a) = %q, want a", got)
	}
	if got := List([]string{"a", "b"}); got != "a and b" {
		t.Errorf("List(a, b) = %q, want a and b", got)
	}
	if got := Index(Join("closing", "write_up_prompts"), 2); got != "closing.write_up_prompts[2]" {
		t.Errorf("Index(Join(...)) = %q, want closing.write_up_prompts[2]", got)
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("a: ~\nb: x\n"), &n); err != nil {
		t.Fatal(err)
	}
	m := n.Content[0]
	if got := Describe(m.Content[1]); got != "nothing" {
		t.Errorf("Describe(~) = %q, want nothing", got)
	}
	if got := Describe(m.Content[3]); got != `the value "x"` {
		t.Errorf("Describe(x) = %q, want the value \"x\"", got)
	}
}
