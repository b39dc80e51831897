package session_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDependencies guards the dependency direction: the domain packages never reach the UI, SQL
// or the hardware, and session reaches no other kiosk package but protocol.
func TestDependencies(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	forbidden := []string{"fyne.io/", "periph.io/", "database/sql", "github.com/mattn/go-sqlite3"}
	packages := map[string][]string{
		"quietroom/app/session":   {"quietroom/app/ui", "quietroom/app/store", "quietroom/app/vault", "quietroom/app/retention", "quietroom/hw"},
		"quietroom/app/protocol":  nil,
		"quietroom/app/retention": nil,
	}
	for pkg, alsoForbidden := range packages {
		t.Run(pkg, func(t *testing.T) {
			dir := filepath.Join("..", strings.TrimPrefix(pkg, "quietroom/app/"))
			if goFiles, _ := filepath.Glob(filepath.Join(dir, "*.go")); len(goFiles) == 0 {
				t.Skipf("%s has no Go files yet", pkg)
			}
			cmd := exec.Command(gobin, "list", "-e", "-deps", "-f", "{{.ImportPath}}", pkg)
			cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go list -deps %s: %v", pkg, err)
			}
			for _, dep := range strings.Fields(string(out)) {
				for _, bad := range append(forbidden, alsoForbidden...) {
					if dep == strings.TrimSuffix(bad, "/") || strings.HasPrefix(dep, bad) || strings.HasPrefix(dep, bad+"/") {
						t.Errorf("%s depends on %s, want no %s", pkg, dep, bad)
					}
				}
			}
		})
	}
}
