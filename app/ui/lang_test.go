package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestEnglishBundleComplete checks that every lang.L key of the package is in en.json.
func TestEnglishBundleComplete(t *testing.T) {
	b, err := os.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var bundle map[string]string
	if err := json.Unmarshal(b, &bundle); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*.go")
	key := regexp.MustCompile(`lang\.L\(("(?:[^"\\]|\\.)*")`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllSubmatch(src, -1) {
			k, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := bundle[k]; !ok {
				t.Errorf("%s: %q is not in translations/en.json", f, k)
			}
		}
	}
}

// TestTranslationsLoad: the bundle loads (a key such as "Other" or "One", which the
// translation library reads as a plural form, would stop every string from loading).
func TestTranslationsLoad(t *testing.T) {
	if err := loadTranslations(); err != nil {
		t.Fatalf("loadTranslations() = %v", err)
	}
}
