package yamlfile

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzReader: Root and Fields never panic, and every problem is located in the file.
func FuzzReader(f *testing.F) {
	for _, s := range []string{"", "a: 1\n", "a: 1\na: 2\n", "a: [\n", "a: 1\n---\nb: 2\n", "[a]: 1\nd: 2\n", "~\n"} {
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
		for _, p := range err.(*Error).Problems {
			if p.File != "fuzz.yaml" || p.Line < 1 || p.Message == "" {
				t.Fatalf("problem %+v is not located", p)
			}
		}
	})
}
