package protocol

import (
	"testing"
)

func mustLoad(t *testing.T, path string) *Pack {
	t.Helper()
	p, err := LoadFile(path)
	if err != nil {
		t.Fatalf("LoadFile(%s) = %v", path, err)
	}
	return p
}

// TestContentHashIgnoresFormatting: comments, key order, quoting, block or flow style and
// number notation do not change the hash.
func TestContentHashIgnoresFormatting(t *testing.T) {
	a := mustLoad(t, "testdata/valid.yaml")
	b := mustLoad(t, "testdata/valid-reformatted.yaml")
	if a.Hash != b.Hash {
		t.Errorf("hash of valid-reformatted.yaml = %s, want %s (same content as valid.yaml)", b.Hash, a.Hash)
	}
}

// TestContentHashChangesWithContent: any change of wording, id, order or number changes it.
func TestContentHashChangesWithContent(t *testing.T) {
	base := mustLoad(t, "testdata/valid.yaml")
	tests := []struct {
		name   string
		change func(p *Pack)
	}{
		{"id", func(p *Pack) { p.ID = "other" }},
		{"version", func(p *Pack) { p.Version = 2 }},
		{"title", func(p *Pack) { p.Title += "!" }},
		{"language", func(p *Pack) { p.Language = "en-US" }},
		{"kind", func(p *Pack) { p.Kind = KindPanel }},
		{"source", func(p *Pack) { p.Source = "" }},
		{"duration", func(p *Pack) { p.DurationMinutes = 31 }},
		{"warning", func(p *Pack) { p.WarningMinutes[1] = 4 }},
		{"warning dropped", func(p *Pack) { p.WarningMinutes = p.WarningMinutes[:1] }},
		{"preamble text", func(p *Pack) { p.Preamble[0].Text = "This takes about {minutes} minutes" }},
		{"preamble title", func(p *Pack) { p.Preamble[1].Title = "deletion" }},
		{"preamble order", func(p *Pack) { p.Preamble[0], p.Preamble[1] = p.Preamble[1], p.Preamble[0] }},
		{"title and text swapped", func(p *Pack) { p.Preamble[0].Title, p.Preamble[0].Text = p.Preamble[0].Text, p.Preamble[0].Title }},
		{"consent id", func(p *Pack) { p.Consent[2].ID = "contact" }},
		{"consent text", func(p *Pack) { p.Consent[1].Text = "I agree to notes being taken" }},
		{"consent required", func(p *Pack) { p.Consent[2].Required = true }},
		{"consent order", func(p *Pack) { p.Consent[0], p.Consent[1] = p.Consent[1], p.Consent[0] }},
		{"topic id", func(p *Pack) { p.Topics[0].ID = "one" }},
		{"question", func(p *Pack) { p.Topics[0].Question = "What works well? " }},
		{"guidance", func(p *Pack) { p.Topics[0].Guidance = "Ask first" }},
		{"probe", func(p *Pack) { p.Topics[0].Probes[0] = "Why?" }},
		{"probe added", func(p *Pack) { p.Topics[0].Probes = append(p.Topics[0].Probes, "And?") }},
		{"probe moved to question", func(p *Pack) {
			p.Topics[0].Question += p.Topics[0].Probes[0]
			p.Topics[0].Probes = nil
		}},
		{"priority", func(p *Pack) { p.Topics[1].Priority = 3 }},
		{"topic order", func(p *Pack) { p.Topics[0], p.Topics[1] = p.Topics[1], p.Topics[0] }},
		{"scale removed", func(p *Pack) { p.Topics[1].Scale = nil }},
		{"scale kind", func(p *Pack) { p.Topics[1].Scale.Kind = ScaleScore }},
		{"scale min", func(p *Pack) { p.Topics[1].Scale.Min = 1 }},
		{"scale max", func(p *Pack) { p.Topics[1].Scale.Max = 5 }},
		{"scale label", func(p *Pack) { p.Topics[1].Scale.MaxLabel = "good" }},
		{"scale labels swapped", func(p *Pack) {
			s := p.Topics[1].Scale
			s.MinLabel, s.MaxLabel = s.MaxLabel, s.MinLabel
		}},
		{"closing question", func(p *Pack) { p.Closing.Question = "Anything else?" }},
		{"follow-up", func(p *Pack) { p.Closing.FollowUp = "" }},
		{"thanks", func(p *Pack) { p.Closing.Thanks = "Thanks." }},
		{"write-up prompt", func(p *Pack) { p.Closing.WriteUpPrompts = append(p.Closing.WriteUpPrompts, "What you felt") }},
		{"interviewer guidance", func(p *Pack) { p.InterviewerGuidance = []string{"Ensure introductions at the start"} }},
		{"interviewer guidance moved to write-up", func(p *Pack) {
			p.Closing.WriteUpPrompts = append(p.Closing.WriteUpPrompts, "Ensure introductions at the start")
		}},
		{"addition", func(p *Pack) { p.Additions = []Addition{{Part: "closing.question", Why: "Not in the source."}} }},
		{"addition part", func(p *Pack) { p.Additions = []Addition{{Part: "closing.thanks", Why: "Not in the source."}} }},
		{"addition why", func(p *Pack) { p.Additions = []Addition{{Part: "closing.question", Why: "Not in the source!"}} }},
		{"guidance and addition", func(p *Pack) {
			p.InterviewerGuidance = []string{"Ensure introductions at the start"}
			p.Additions = []Addition{{Part: "closing.question", Why: "Not in the source."}}
		}},
	}
	seen := map[string]string{base.Hash: "base"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base.Clone()
			tt.change(p)
			h := ContentHash(p)
			if other, dup := seen[h]; dup {
				t.Errorf("ContentHash after changing %s = %s, the same as after %q", tt.name, h, other)
			}
			seen[h] = tt.name
			if ContentHash(base) != base.Hash {
				t.Errorf("changing a clone changed the original")
			}
		})
	}
}

// TestContentHashStableAcrossLoads pins the hash of the base file: a change to the canonical
// encoding would silently break every consent record that cites an old hash.
func TestContentHashStableAcrossLoads(t *testing.T) {
	const want = "sha256:b0b78c4ad0e230a13afe123fdf0c87552454831e31e54778b1c92c812d6549c7"
	if got := mustLoad(t, "testdata/valid.yaml").Hash; got != want {
		t.Errorf("hash of testdata/valid.yaml = %s, want %s", got, want)
	}
}
