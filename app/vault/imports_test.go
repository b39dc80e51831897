package vault

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The vault is pure Go and knows nothing of storage, screens or hardware drivers: of hw it takes
// only the root package's interfaces and sentinel errors (standard library only), never a driver.
func TestImports(t *testing.T) {
	forbidden := []string{"C", "database/sql", "fyne.io/", "periph.io/", "github.com/mattn/go-sqlite3",
		"quietroom/app/store", "quietroom/app/ui", "quietroom/hw/"}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range ast.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			for _, bad := range forbidden {
				if path == bad || (strings.HasSuffix(bad, "/") && strings.HasPrefix(path, bad)) || strings.HasPrefix(path, bad+"/") {
					t.Errorf("%s imports %s", f, path)
				}
			}
		}
	}
}
