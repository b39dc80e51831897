package yamlfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

var errTest = errors.New("invalid test file")

var testDoc = Document{Empty: "the file is empty; write a", Second: "one document only", Aliases: "no anchors or aliases; write it out"}

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
		{"invalid UTF-8 on its own line", "a: 1\nb: 2\nc: 3\n# note\nd: x\xffy\xfe\n", []string{
			"f.yaml:5: the file is not valid UTF-8 text (byte 0xff at column 5); save it as UTF-8 (in most editors: Save As, then choose the encoding UTF-8)"}},
		{"invalid UTF-8 after a CRLF line", "a: 1\r\nb: \xc3\r\n", []string{
			"f.yaml:2: the file is not valid UTF-8 text (byte 0xc3 at column 4); save it as UTF-8 (in most editors: Save As, then choose the encoding UTF-8)"}},
		{"NUL byte", "a: 1\nb: 2\nc: 3\nd: 4\ne: x\x00y\n", []string{
			"f.yaml:5: holds a NUL byte (column 5), so it is not a text file; check that this is the right file, or save it again as UTF-8 text"}},
		{"UTF-16", "\xff\xfea\x00:\x00 \x001\x00\n\x00", []string{
			"f.yaml:1: the file is saved as UTF-16; save it as UTF-8 (in most editors: Save As, then choose the encoding UTF-8)"}},
		{"raw control characters, one problem a line", "a: 1\nb: x\x1b[2Jy\x1b\nc: \u0085\n", []string{
			"f.yaml:2: holds the invisible control character U+001B (column 5); delete it (an editor that shows invisible characters helps)",
			"f.yaml:3: holds the invisible control character U+0085 (column 4); delete it (an editor that shows invisible characters helps)"}},
		{"raw bidi control, even in a comment", "a: 1 # \u202e }\u2066 x\n", []string{
			"f.yaml:1: holds the invisible text-direction control U+202E (column 8), which can make text show in a different order from how it is stored; delete it"}},
		{"tab and CR are text", "a: \"x\ty\"\r\nb: 2\r\n", []string{"ok"}},
		{"too large", "a: " + strings.Repeat("x", MaxFileSize) + "\n", []string{
			"f.yaml:1: the file is larger than 1 MB, far larger than any file of this kind; check that this is the right file"}},
		{"aliases: one problem for the whole file, at the first", billionLaughs, []string{
			"f.yaml:1: a: no anchors or aliases; write it out"}},
		{"merge key", "a:\n  - &x {k: 1}\n  - <<: *x\n", []string{"f.yaml:2: a[0]: no anchors or aliases; write it out"}},
		{"field name with a control character", "\"a\\eb\": 1\n", []string{
			"f.yaml:1: a field name must be plain text; this one holds the invisible control character U+001B; delete it (in a quoted value it is written as a backslash escape such as \\e, \\x1b or \\u001b)"}},
		{"field name with a line break", "? |\n  a\n  b\n: 1\n", []string{
			"f.yaml:1: a field name must be plain text; this one holds a line break; write it on one line"}},
		{"field name too long", strings.Repeat("k", 65) + ": 1\n", []string{
			"f.yaml:1: a field name is at most 64 characters; this one has 65 (check the spelling)"}},
		{"many problems are cut short", strings.Repeat("d: 1\n", MaxProblems+5), nil},
	}
	tests[len(tests)-1].want = []string{"f.yaml:1: d: unknown field; the fields here are a, b and c"}
	for i := 2; i <= MaxProblems; i++ {
		tests[len(tests)-1].want = append(tests[len(tests)-1].want, fmt.Sprintf("f.yaml:%d: d: appears twice (first on line 1); keep one", i))
	}
	tests[len(tests)-1].want = append(tests[len(tests)-1].want, fmt.Sprintf("f.yaml:%d: and 5 more problems from this line on; fix the ones above and check again", MaxProblems+1))
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

// billionLaughs is the classic alias bomb: few lines, and a walk that followed the aliases
// would meet 9^4 copies of "lol".
const billionLaughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]
`

func TestText(t *testing.T) {
	short := Text{Max: 10}
	long := Text{Max: 10, Lines: true}
	tests := []struct {
		name string
		s    string
		rule Text
		want string // "" for no problem
	}{
		{"plain", "Room 2", short, ""},
		{"accents and emoji count as characters", "Raum über 👍", Text{Max: 11}, ""},
		{"right-to-left text is text", "غرفة", short, ""},
		{"too long", "abcdefghijk", short, "f.yaml:3: x: is 11 characters long, more than the 10 allowed; shorten it"},
		{"line break in a one-line field", "a\nb", short, "f.yaml:3: x: holds a line break; write it on one line"},
		{"tab in a one-line field", "a\tb", short, "f.yaml:3: x: holds a tab; write a space instead"},
		{"line break and tab in text", "a\n\tb", long, ""},
		{"escape character", "a\x1b[2Jb", long, "f.yaml:3: x: holds the invisible control character U+001B; delete it (in a quoted value it is written as a backslash escape such as \\e, \\x1b or \\u001b)"},
		{"carriage return", "a\rb", long, "f.yaml:3: x: holds the invisible control character U+000D; delete it (in a quoted value it is written as a backslash escape such as \\e, \\x1b or \\u001b)"},
		{"DEL", "a\x7fb", long, "f.yaml:3: x: holds the invisible control character U+007F; delete it (in a quoted value it is written as a backslash escape such as \\e, \\x1b or \\u001b)"},
		{"right-to-left override", "abc\u202edef", long, "f.yaml:3: x: holds the invisible text-direction control U+202E, which can make text show in a different order from how it is stored; delete it"},
		{"first strong isolate", "\u2068a", long, "f.yaml:3: x: holds the invisible text-direction control U+2068, which can make text show in a different order from how it is stored; delete it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Reader{File: "f.yaml"}
			ok := r.Text(3, "x", tt.s, tt.rule)
			got := ""
			if err := r.Err(errTest); err != nil {
				got = err.Error()
			}
			if got != tt.want || ok != (tt.want == "") {
				t.Errorf("Text(%q, %+v) = %v, %q; want %q", tt.s, tt.rule, ok, got, tt.want)
			}
		})
	}
}

// TestProblemStringEscapes: a problem never writes a control character to a terminal, whatever
// reached its field or message.
func TestProblemStringEscapes(t *testing.T) {
	p := Problem{File: "f\x1b.yaml", Line: 2, Field: "a\u202eb", Message: "x\x1b[2Jy\nz"}
	if got, want := p.String(), `f\x1b.yaml:2: a\u202eb: x\x1b[2Jy\nz`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestDescribeShortensLongValues(t *testing.T) {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: strings.Repeat("x", 1000)}
	if got, want := Describe(n), `the value "`+strings.Repeat("x", 40)+`..."`; got != want {
		t.Errorf("Describe(1000 x) = %q, want %q", got, want)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadFile(dir); !errors.Is(err, ErrFolder) {
		t.Errorf("ReadFile(folder) = %v, want ErrFolder", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, 3*MaxFileSize), 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := ReadFile(big)
	if err != nil || len(data) != MaxFileSize+1 {
		t.Errorf("ReadFile(3 MB file) = %d bytes, %v; want MaxFileSize+1, enough for Root to refuse it", len(data), err)
	}
	small := filepath.Join(dir, "small.yaml")
	if err := os.WriteFile(small, []byte("a: 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(small); err != nil || string(data) != "a: 1\n" {
		t.Errorf("ReadFile(small) = %q, %v", data, err)
	}
	if _, err := ReadFile(filepath.Join(dir, "none.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile(missing) = %v, want fs.ErrNotExist", err)
	}
}
