package protocol

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad: Load never panics, every failure is a *ValidationError with located problems, and
// every pack it accepts survives Marshal and Load with the same hash.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.yaml")
	more, _ := filepath.Glob("testdata/invalid/*.yaml")
	for _, name := range append(seeds, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	builtins, _ := fs.Glob(builtinFiles, "packs/*.yaml")
	for _, name := range builtins {
		data, _ := builtinFiles.ReadFile(name)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Load("fuzz.yaml", data)
		if err != nil {
			var verr *ValidationError
			if p != nil || !errors.As(err, &verr) || len(verr.Problems) == 0 {
				t.Fatalf("Load = %v, %v (%T); want nil and a *ValidationError with problems", p, err, err)
			}
			for _, pr := range verr.Problems {
				if pr.Line < 1 || pr.File != "fuzz.yaml" || pr.Message == "" {
					t.Fatalf("problem %+v is not located", pr)
				}
			}
			return
		}
		out, err := Marshal(p)
		if err != nil {
			t.Fatalf("Marshal = %v", err)
		}
		q, err := Load("exported.yaml", out)
		if err != nil {
			t.Fatalf("Load(Marshal(p)) = %v\ninput:\n%s\nexport:\n%s", err, data, out)
		}
		if q.Hash != p.Hash {
			t.Fatalf("hash after export = %s, want %s\ninput:\n%s\nexport:\n%s", q.Hash, p.Hash, data, out)
		}
	})
}
