package deps

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "quietroom"

var (
	// infrastructure no rule-keeping package may reach: screens, GPIO, SQL and cgo.
	infrastructure = []string{"fyne.io/", "periph.io/", "database/sql", "github.com/mattn/go-sqlite3", "C"}
	// drivers are the module's own packages that talk to storage or hardware.
	drivers = []string{"quietroom/app/store", "quietroom/hw/gpio", "quietroom/hw/otp", "quietroom/hw/watchdog", "quietroom/hw/sim"}
)

// rule is what one package, and everything of the module it imports, may not import.
type rule struct {
	pkg    string
	forbid []string
	// stdOnly: nothing outside the standard library but allow.
	stdOnly bool
	allow   []string
	// The rule holds for the package's tests too (its _test.go files, in the package and in
	// pkg_test): testsMay are what the tests alone may import besides, each for the reason
	// the rule gives, and everything those bring in.
	testsMay []string
}

// Shared test-only imports: the hardware fakes (over the simulator) and the app's font, which
// the PDF tests embed as the kiosk does.
const (
	hwtest   = "quietroom/hw/hwtest"
	fynefont = "quietroom/app/report/fynefont"
)

var rules = []rule{
	{pkg: "quietroom/app/session", forbid: join(infrastructure, drivers, []string{
		"quietroom/app/ui", "quietroom/app/vault", "quietroom/app/seal", "quietroom/app/retention", "quietroom/app/kiosk", "quietroom/hw"})},
	{pkg: "quietroom/app/protocol", forbid: join(infrastructure, drivers, []string{
		"quietroom/app/session", "quietroom/app/ui", "quietroom/app/vault", "quietroom/app/retention", "quietroom/app/kiosk", "quietroom/hw"})},
	// The survey: format, rules and results; it knows no keys (the vault's), storage or screens.
	// Its tests render the report with the app's font.
	{pkg: "quietroom/app/survey", testsMay: []string{fynefont}, forbid: join(infrastructure, drivers, []string{
		"quietroom/app/session", "quietroom/app/ui", "quietroom/app/vault", "quietroom/app/seal", "quietroom/app/retention", "quietroom/app/kiosk", "quietroom/hw"})},
	{pkg: "quietroom/app/retention", forbid: join(infrastructure, drivers, []string{"quietroom/app/ui", "quietroom/app/kiosk"})},
	// The keys: the vault implements the session's ports and seals with app/seal; its tests
	// may use the board, to show a board's key opens as no other group's.
	{pkg: "quietroom/app/vault", forbid: join(infrastructure, drivers, []string{
		"quietroom/app/ui", "quietroom/app/kiosk", "quietroom/app/retention", "quietroom/hw/"})},
	// The one sealing implementation: it knows no feature, no session and no vault, so all of
	// them can use it; only the standard library and age.
	{pkg: "quietroom/app/seal", stdOnly: true, allow: []string{"filippo.io/age"}},
	// The board seals with app/seal and never needs the vault: a member's identity is handed in.
	// Its tests render the presentation with the app's font.
	{pkg: "quietroom/app/board", testsMay: []string{fynefont}, forbid: join(infrastructure, drivers, []string{
		"quietroom/app/ui", "quietroom/app/kiosk", "quietroom/app/vault", "quietroom/app/session", "quietroom/app/retention", "quietroom/hw"})},
	// The workshop and the follow-up agenda: pure domain, no keys (the kiosk seals it with the
	// board's key), writing its documents with app/report.
	{pkg: "quietroom/app/workshop", forbid: join(infrastructure, drivers, []string{
		"quietroom/app/ui", "quietroom/app/kiosk", "quietroom/app/board", "quietroom/app/vault", "quietroom/app/seal", "quietroom/app/session", "quietroom/app/retention", "quietroom/hw"})},
	// The panel's rules: pure domain, taking questions from packs.
	{pkg: "quietroom/app/panel", forbid: join(infrastructure, drivers, []string{
		"quietroom/app/ui", "quietroom/app/kiosk", "quietroom/app/session", "quietroom/app/vault", "quietroom/app/seal", "quietroom/app/retention", "quietroom/hw"})},
	// The use cases. Their tests run on kiosktest's in-memory kiosk (with hwtest's light).
	// The core imports no feature: a feature (panels, boards, surveys) imports the core and
	// is opened from a signed-in member through its own package. Its tests may: they build
	// their kiosk with kiosktest, whose seeded room holds every feature (app/kiosk/demo), and
	// some cross them (a PIN reset clears every group key).
	{pkg: "quietroom/app/kiosk", testsMay: join(kioskTestsMay, features, []string{"quietroom/app/kiosk/demo"}),
		forbid: join(infrastructure, drivers, features, []string{"quietroom/app/kiosk/demo", "quietroom/app/ui"})},
	// The features import the core and never each other: what two of them share is the
	// core's (the signed-in member, the audit, the PIN confirmation), and what crosses them
	// (a PIN reset, a wipe) goes through the core's ports.
	{pkg: "quietroom/app/kiosk/panels", testsMay: join(kioskTestsMay, features, []string{"quietroom/app/kiosk/demo"}),
		forbid: join(infrastructure, drivers, []string{"quietroom/app/kiosk/boards", "quietroom/app/kiosk/surveys", "quietroom/app/kiosk/demo", "quietroom/app/ui"})},
	{pkg: "quietroom/app/kiosk/boards", testsMay: join(kioskTestsMay, features, []string{"quietroom/app/kiosk/demo"}),
		forbid: join(infrastructure, drivers, []string{"quietroom/app/kiosk/panels", "quietroom/app/kiosk/surveys", "quietroom/app/kiosk/demo", "quietroom/app/ui"})},
	{pkg: "quietroom/app/kiosk/surveys", testsMay: join(kioskTestsMay, features, []string{"quietroom/app/kiosk/demo"}),
		forbid: join(infrastructure, drivers, []string{"quietroom/app/kiosk/panels", "quietroom/app/kiosk/boards", "quietroom/app/kiosk/demo", "quietroom/app/ui"})},
	// The demo data seeds several features, so it imports them; nothing but the assembly (in
	// development) and the tests imports it.
	{pkg: "quietroom/app/kiosk/demo", forbid: join(infrastructure, drivers, []string{"quietroom/app/ui"})},
	// The screens, and their tests too, never link the store, SQL or cgo: they run on
	// kiosktest's in-memory kiosk.
	{pkg: "quietroom/app/ui", testsMay: []string{hwtest}, forbid: join(drivers, []string{"fyne.io/fyne/v2/app", "periph.io/", "database/sql", "github.com/mattn/go-sqlite3", "C"})},
	// The assembly opens everything but no window: it is tested headless.
	{pkg: "quietroom/app/assemble", forbid: []string{"fyne.io/fyne/v2/app"}},
	// The assembly's core (store, device secret, vault, retention, the kiosk with its ports)
	// is the one wiring of the kiosk on disk, which the kiosk's tests open too: it knows no
	// screen, no feature, no GPIO or OTP driver and no demo data.
	{pkg: "quietroom/app/assemble/core", testsMay: []string{hwtest}, forbid: join(features, []string{
		"quietroom/app/ui", "fyne.io/", "periph.io/", "quietroom/hw/gpio", "quietroom/hw/otp", "quietroom/hw/sim", "quietroom/app/kiosk/demo"})},
	// The room light is the session's adapter to the light (session ← hw adapters): it knows
	// the session's room states and the hw interfaces; the driver is wired in by the assembly.
	{pkg: "quietroom/hw/roomlight", testsMay: []string{hwtest}, forbid: join(infrastructure, drivers, []string{
		"quietroom/app/ui", "quietroom/app/kiosk", "quietroom/app/vault", "quietroom/app/retention"})},
	// The proven fakes the other packages' tests share stay as plain as what they stand for.
	{pkg: "quietroom/app/retention/retentiontest", forbid: join(infrastructure, drivers, []string{"quietroom/app/ui", "quietroom/app/kiosk"})},
	{pkg: "quietroom/app/vault/vaulttest", forbid: join(infrastructure, drivers, []string{"quietroom/app/ui", "quietroom/app/kiosk", "quietroom/hw/"})},
	{pkg: "quietroom/app/report", testsMay: []string{fynefont}, forbid: join(infrastructure, drivers, []string{"quietroom/app/", "quietroom/hw"})},
	{pkg: "quietroom/app/report/fynefont", forbid: join(drivers, []string{"fyne.io/fyne/v2/app", "fyne.io/fyne/v2/widget", "periph.io/", "database/sql", "C", "quietroom/app/kiosk", "quietroom/app/ui"})},
	{pkg: "quietroom/app/yamlfile", stdOnly: true, allow: []string{"go.yaml.in/yaml/v3"}},
	// The USB stick (find, read, write whole or not at all, mount points): the standard
	// library only, so the kiosk, the packs and the documents all go through it alike.
	{pkg: "quietroom/app/stick", stdOnly: true},
	{pkg: "quietroom/hw", stdOnly: true},
	// The one clock and its fake: anything may import them, the domain and hw's root included.
	{pkg: "quietroom/app/clock", stdOnly: true, testsMay: []string{"quietroom/app/clock/clocktest"}},
	{pkg: "quietroom/app/clock/clocktest", stdOnly: true, allow: []string{"quietroom/app/clock"}},
}

// The features of the kiosk (app/kiosk/...), and what the kiosk's and the features' tests may
// import besides: those that need a room's kiosk on disk open it with the assembly's core, the
// product's own wiring (with a fake clock and small Argon2 costs), never a wiring of their own;
// those that read a room's files as an attacker would (a board's, a panel's, a survey's) open
// the SQLite store on disk and query its tables; and the export tests read PDFs made with the
// app's font.
var (
	features      = []string{"quietroom/app/kiosk/panels", "quietroom/app/kiosk/boards", "quietroom/app/kiosk/surveys"}
	kioskTestsMay = []string{"quietroom/app/assemble/core", "quietroom/app/store", "database/sql", "github.com/mattn/go-sqlite3", hwtest, fynefont}
)

func join(lists ...[]string) []string { return slices.Concat(lists...) }

// TestRules checks every rule against the source as it is: the package's own files, its
// tests (its _test.go files, in the package and in pkg_test), and everything of the module
// they import. Tests can't bring in, through a fake or a helper, what the package may not use,
// but for what the rule's testsMay names.
func TestRules(t *testing.T) {
	root := moduleRoot(t)
	for _, r := range rules {
		t.Run(r.pkg, func(t *testing.T) {
			// seen: "pkg own" walked for the package's own files, "pkg test" for its tests
			// only (what the own files import is walked first, and needs no second walk).
			seen := map[string]bool{}
			var walk func(pkg string, via []string, test bool)
			walk = func(pkg string, via []string, test bool) {
				key := pkg + " own"
				if test {
					key = pkg + " test"
				}
				if seen[pkg+" own"] || seen[key] {
					return
				}
				seen[key] = true
				imps := imports(t, root, pkg, false)
				var testOnly []string
				if pkg == r.pkg {
					for _, imp := range imports(t, root, pkg, true) {
						if !slices.Contains(imps, imp) {
							testOnly = append(testOnly, imp)
						}
					}
				}
				check := func(imp string, test bool) {
					path := append(slices.Clone(via), imp)
					if test && r.testMay(imp) {
						return
					}
					if why := r.refuses(imp); why != "" {
						from := ""
						if test {
							from = " in its tests"
						}
						t.Errorf("%s imports %s%s (%s), which %s", r.pkg, imp, from, strings.Join(path, " → "), why)
						return
					}
					if imp == module || strings.HasPrefix(imp, module+"/") {
						walk(imp, path, test)
					}
				}
				for _, imp := range imps {
					check(imp, test)
				}
				for _, imp := range testOnly {
					check(imp, true)
				}
			}
			walk(r.pkg, nil, false)
		})
	}
}

// testMay reports whether the rule lets the package's tests import imp (and what it brings in).
func (r rule) testMay(imp string) bool {
	return slices.Contains(r.testsMay, imp)
}

// refuses says why the rule forbids imp, or "".
func (r rule) refuses(imp string) string {
	for _, bad := range r.forbid {
		// "a/b/" forbids what lies under a/b; "a/b" forbids a/b itself and what lies under it.
		under := strings.HasSuffix(bad, "/") && strings.HasPrefix(imp, bad)
		if under || imp == bad || strings.HasPrefix(imp, bad+"/") {
			return "the rule forbids (" + bad + ")"
		}
	}
	if r.stdOnly && !slices.Contains(r.allow, imp) {
		first, _, _ := strings.Cut(imp, "/")
		if strings.Contains(first, ".") || first == module || imp == "C" {
			return "is not the standard library"
		}
	}
	return ""
}

// imports lists the imports of a module package's Go files, for every platform, with its
// _test.go files when tests is set. The package's own path, which an external test package
// imports, is left out.
func imports(t *testing.T, root, pkg string, tests bool) []string {
	t.Helper()
	dir := filepath.Join(root, strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/"))
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") && !tests {
			continue
		}
		ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, imp := range ast.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p != pkg && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	if len(files) == 0 {
		t.Fatalf("%s: no Go files in %s; a rule names a package that is gone: update the rules", pkg, dir)
	}
	return out
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.HasPrefix(string(b), "module "+module+"\n") {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod of module " + module + " not found above the test's folder")
		}
		dir = parent
	}
}

// TestRulesCatch shows that a rule fails on what it forbids, so a passing run means something.
func TestRulesCatch(t *testing.T) {
	for _, tc := range []struct {
		r    rule
		imp  string
		want bool
	}{
		{rules[0], "fyne.io/fyne/v2/widget", true},
		{rules[0], "quietroom/app/store", true},
		{rules[0], "quietroom/hw/gpio", true},
		{rules[0], "quietroom/app/protocol", false},
		{rules[3], "quietroom/hw", false},
		{rules[3], "quietroom/hw/otp", true},
		{rule{pkg: "x", stdOnly: true}, "quietroom/app/session", true},
		{rule{pkg: "x", stdOnly: true}, "strings", false},
		{rule{pkg: "x", stdOnly: true, allow: []string{"go.yaml.in/yaml/v3"}}, "go.yaml.in/yaml/v3", false},
		{ruleFor(t, "quietroom/app/seal"), "quietroom/app/session", true},
		{ruleFor(t, "quietroom/app/seal"), "quietroom/app/board", true},
		{ruleFor(t, "quietroom/app/seal"), "quietroom/app/vault", true},
		{ruleFor(t, "quietroom/app/seal"), "filippo.io/age", false},
		{ruleFor(t, "quietroom/app/seal"), "crypto/hkdf", false},
		{ruleFor(t, "quietroom/app/board"), "quietroom/app/seal", false},
		{ruleFor(t, "quietroom/app/board"), "quietroom/app/vault", true},
		{ruleFor(t, "quietroom/app/panel"), "quietroom/app/seal", true},
		{ruleFor(t, "quietroom/app/workshop"), "quietroom/app/seal", true},
		{ruleFor(t, "quietroom/app/workshop"), "quietroom/app/report", false},
	} {
		if got := tc.r.refuses(tc.imp) != ""; got != tc.want {
			t.Errorf("rule %s refuses %s = %v, want %v", tc.r.pkg, tc.imp, got, tc.want)
		}
	}
}

// TestTestsMayIsNarrow shows what a rule lets tests alone import: the kiosk's tests may open
// the store on disk, the screens' may not; neither may reach a forbidden package by a name
// the rule does not give.
func TestTestsMayIsNarrow(t *testing.T) {
	for _, tc := range []struct {
		pkg, imp string
		want     bool
	}{
		{"quietroom/app/kiosk", "quietroom/app/store", true},
		{"quietroom/app/kiosk", "quietroom/app/assemble/core", true},
		{"quietroom/app/kiosk", "quietroom/app/assemble", false},
		{"quietroom/app/ui", "quietroom/app/assemble/core", false},
		{"quietroom/app/kiosk", "quietroom/app/ui", false},
		{"quietroom/app/kiosk", "fyne.io/fyne/v2/widget", false},
		{"quietroom/app/ui", "quietroom/app/store", false},
		{"quietroom/app/ui", "quietroom/hw/hwtest", true},
		{"quietroom/app/ui", "quietroom/hw/sim", false},
		{"quietroom/app/session", "quietroom/app/store", false},
	} {
		if got := ruleFor(t, tc.pkg).testMay(tc.imp); got != tc.want {
			t.Errorf("the tests of %s may import %s = %v, want %v", tc.pkg, tc.imp, got, tc.want)
		}
	}
}

func ruleFor(t *testing.T, pkg string) rule {
	t.Helper()
	for _, r := range rules {
		if r.pkg == pkg {
			return r
		}
	}
	t.Fatalf("no rule for %s", pkg)
	return rule{}
}

// TestTestsAreRead shows that the rules read the test files: the vault's tests import
// the board (to show a board's key opens as no other group's), its own files do not.
func TestTestsAreRead(t *testing.T) {
	root := moduleRoot(t)
	if got := imports(t, root, "quietroom/app/vault", false); slices.Contains(got, "quietroom/app/board") {
		t.Errorf("the vault's own files import the board: %v", got)
	}
	if got := imports(t, root, "quietroom/app/vault", true); !slices.Contains(got, "quietroom/app/board") {
		t.Errorf("imports of the vault with its tests = %v, want the board among them", got)
	}
}
