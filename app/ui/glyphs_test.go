package ui

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

// TestKioskWordsAreInItsOwnFonts checks that every character the kiosk's own words use (its
// translations, the string literals of its code, its built-in packs and surveys) is drawn by
// the fonts it brings: Fyne's regular and bold faces, which the screens and the PDF reports
// use. The device has no other fonts (its image installs none, and the kiosk is built without
// Fyne's emoji font), so a character outside them would show as an empty box on the kiosk,
// though this machine's system fonts may fill it in the window here.
func TestKioskWordsAreInItsOwnFonts(t *testing.T) {
	var faces []*font.Face
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		f, err := font.ParseTTF(bytes.NewReader(theme.DefaultTheme().Font(style).Content()))
		if err != nil {
			t.Fatalf("the theme's %+v font: %v", style, err)
		}
		faces = append(faces, f)
	}
	missing := func(s string) []rune {
		var out []rune
		for _, r := range s {
			if !unicode.IsGraphic(r) || unicode.IsSpace(r) {
				continue
			}
			for _, f := range faces {
				if _, ok := f.NominalGlyph(r); !ok {
					out = append(out, r)
					break
				}
			}
		}
		return out
	}
	report := func(where string, rs []rune) {
		for _, r := range rs {
			t.Errorf("%s: %q (U+%04X) is not in the kiosk's fonts; use a character they have, or an icon", where, r, r)
		}
	}

	// Words from files: the translations and the built-in packs and surveys, line by line.
	for _, glob := range []string{"translations/*.json", "../protocol/packs/*.yaml", "../protocol/packs/previous/*.yaml", "../survey/surveys/*.yaml"} {
		files, err := filepath.Glob(glob)
		if err != nil || len(files) == 0 {
			t.Fatalf("no files match %s (%v): the test must see the kiosk's words", glob, err)
		}
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(string(data), "\n") {
				report(fmt.Sprintf("%s:%d", name, i+1), missing(line))
			}
		}
	}

	// Words in code: the string literals of the program's packages (not tests), which reach
	// the screen as buttons, messages and errors, and the PDFs as headings.
	literals := 0
	fset := token.NewFileSet()
	for _, root := range []string{"..", "../../hw"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata") {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			ast.Inspect(file, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || (lit.Kind != token.STRING && lit.Kind != token.CHAR) {
					return true
				}
				literals++
				s := lit.Value
				if lit.Kind == token.STRING {
					s, _ = strconv.Unquote(lit.Value)
				}
				report(fset.Position(lit.Pos()).String(), missing(s))
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if literals < 1000 {
		t.Fatalf("found only %d string literals in the program's code: the walk missed it", literals)
	}
}

// TestGlyphCheckFindsMissingCharacters shows the check above can fail: a character the fonts
// lack is found, one they have is not.
func TestGlyphCheckFindsMissingCharacters(t *testing.T) {
	f, err := font.ParseTTF(bytes.NewReader(theme.DefaultTheme().Font(fyne.TextStyle{}).Content()))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.NominalGlyph('✓'); ok {
		t.Error("the regular font has ✓: the check's example of a missing character no longer is one")
	}
	if _, ok := f.NominalGlyph('–'); !ok {
		t.Error("the regular font lacks –")
	}
}
