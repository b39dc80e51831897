package yamlfile

import (
	"strings"
	"testing"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// FuzzReader: Root and Fields never panic, every problem is located in the file, and none
// writes a control character.
func FuzzReader(f *testing.F) {
	for _, s := range []string{"", "a: 1\n", "a: 1\na: 2\n", "a: [\n", "a: 1\n---\nb: 2\n", "[a]: 1\nd: 2\n", "~\n",
		"a: 1\nb: \xff\n", "a: x\x00\n", "\xff\xfea\x00", "a: \x1b\r\nb: \u202e\n", "\"k\\e\": 1\n", billionLaughs} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Reader{File: "fuzz.yaml"}
		if root := r.Root(data, testDoc); root != nil && root.Kind == yaml.MappingNode {
			r.Fields(root, "", testFields)
		}
		err := r.Err(errTest)
		if err == nil {
			return
		}
		ps := err.(*Error).Problems
		if len(ps) > MaxProblems+1 {
			t.Fatalf("%d problems, want at most MaxProblems and one line for the rest", len(ps))
		}
		for _, p := range ps {
			if p.File != "fuzz.yaml" || p.Line < 1 || p.Message == "" {
				t.Fatalf("problem %+v is not located", p)
			}
			if s := p.String(); strings.ContainsFunc(s, func(c rune) bool { return unicode.Is(unicode.Cc, c) || isBidi(c) }) {
				t.Fatalf("problem %q holds a control character", s)
			}
		}
	})
}
