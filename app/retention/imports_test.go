package retention

import (
	"go/build"
	"strings"
	"testing"
)

// TestImports guards the dependency direction: retention is plain Go and talks to storage only
// through Storage; its test fake is plain Go too, so tests of retention never need cgo.
func TestImports(t *testing.T) {
	forbidden := []string{"database/sql", "github.com/mattn/go-sqlite3", "quietroom/app/store", "quietroom/app/ui", "fyne.io/", "periph.io/"}
	for _, root := range []string{"quietroom/app/retention", "quietroom/app/retention/retentiontest"} {
		checkImports(t, root, forbidden)
	}
}

func checkImports(t *testing.T, root string, forbidden []string) {
	t.Helper()
	seen := map[string]bool{}
	var walk func(path string)
	walk = func(path string) {
		if seen[path] {
			return
		}
		seen[path] = true
		for _, f := range forbidden {
			if path == f || strings.HasPrefix(path, f) && strings.HasSuffix(f, "/") {
				t.Errorf("%s depends on %s", root, path)
			}
		}
		if !strings.HasPrefix(path, "quietroom/") {
			return
		}
		pkg, err := build.Default.Import(path, ".", 0)
		if err != nil {
			t.Fatalf("import %s: %v", path, err)
		}
		for _, imp := range pkg.Imports {
			walk(imp)
		}
	}
	walk(root)
}
