package retention

import (
	"go/build"
	"strings"
	"testing"
)

// TestImports guards the dependency direction: retention is plain Go and talks to storage only
// through Storage.
func TestImports(t *testing.T) {
	forbidden := []string{"database/sql", "github.com/mattn/go-sqlite3", "quietroom/app/store", "quietroom/app/ui", "fyne.io/", "periph.io/"}
	seen := map[string]bool{}
	var walk func(path string)
	walk = func(path string) {
		if seen[path] {
			return
		}
		seen[path] = true
		for _, f := range forbidden {
			if path == f || strings.HasPrefix(path, f) && strings.HasSuffix(f, "/") {
				t.Errorf("retention depends on %s", path)
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
	walk("quietroom/app/retention")
}
