package yamlfile

import (
	"go/build"
	"testing"
)

// TestImports guards the promise in doc.go: the standard library and the YAML library only, so
// the domain packages that read files stay plain Go.
func TestImports(t *testing.T) {
	pkg, err := build.Default.Import("quietroom/app/yamlfile", ".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if imp == "go.yaml.in/yaml/v3" {
			continue
		}
		if p, err := build.Default.Import(imp, ".", build.FindOnly); err != nil || !p.Goroot {
			t.Errorf("yamlfile imports %s, want only the standard library and go.yaml.in/yaml/v3", imp)
		}
	}
}
