package protocol

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzLoad: Load never panics, every failure is a *ValidationError with located problems, and
// every pack it accepts keeps the limits and the rules for text, and survives Marshal and Load
// with the same hash.
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
		for _, s := range packTexts(p) {
			if strings.ContainsFunc(s, func(c rune) bool {
				return c != '\n' && c != '\t' && unicode.IsControl(c) || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
			}) || utf8.RuneCountInString(s) > MaxLongText {
				t.Fatalf("accepted text %q breaks the rules for text", s)
			}
		}
		if len(p.Topics) > MaxTopics || len(p.Consent) > MaxConsentPoints || len(p.Preamble) > MaxPreamblePages ||
			len(p.InterviewerGuidance) > MaxGuidancePoints || len(p.Additions) > MaxAdditions {
			t.Fatalf("accepted %d topics, %d consent points, %d pages, %d guidance points, %d additions",
				len(p.Topics), len(p.Consent), len(p.Preamble), len(p.InterviewerGuidance), len(p.Additions))
		}
		for _, a := range p.Additions {
			if _, ok := p.Part(a.Part); !ok {
				t.Fatalf("accepted an addition to %q, which the pack lacks", a.Part)
			}
		}
		for _, tp := range p.Topics {
			if s := tp.Scale; s != nil && (s.Min < 0 || s.Max > MaxScaleValue || s.Max <= s.Min || s.Max-s.Min+1 > MaxScalePoints) {
				t.Fatalf("accepted the scale %d to %d", s.Min, s.Max)
			}
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

// packTexts is every piece of text in p.
func packTexts(p *Pack) []string {
	ts := []string{p.ID, p.Title, p.Language, string(p.Kind), p.Source, p.Closing.Question, p.Closing.FollowUp, p.Closing.Thanks}
	for _, pg := range p.Preamble {
		ts = append(ts, pg.Title, pg.Text)
	}
	for _, c := range p.Consent {
		ts = append(ts, c.ID, c.Text)
	}
	for _, t := range p.Topics {
		ts = append(ts, t.ID, t.Question, t.Guidance)
		ts = append(ts, t.Probes...)
		if t.Scale != nil {
			ts = append(ts, string(t.Scale.Kind), t.Scale.MinLabel, t.Scale.MaxLabel)
		}
	}
	ts = append(ts, p.InterviewerGuidance...)
	for _, a := range p.Additions {
		ts = append(ts, a.Part, a.Why)
	}
	return append(ts, p.Closing.WriteUpPrompts...)
}
