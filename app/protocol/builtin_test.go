package protocol

import (
	"io/fs"
	"strings"
	"testing"
)

// TestBuiltinPacks: every embedded file loads, and the set is the one the product promises.
func TestBuiltinPacks(t *testing.T) {
	want := map[string]struct {
		kind    Kind
		topics  int
		minutes int
	}{
		"leadership-360":                 {KindInterview, 10, 30},
		"peer-ai-users":                  {KindInterview, 7, 45},
		"peer-ai-staff-practice":         {KindInterview, 9, 45},
		"peer-ai-staff-leadership":       {KindInterview, 7, 45},
		"peer-ethnographic-users":        {KindInterview, 24, 45},
		"peer-ethnographic-staff":        {KindInterview, 16, 45},
		"peer-solution-focused":          {KindInterview, 6, 30},
		"peer-transformational-learning": {KindInterview, 8, 30},
		"recruitment-values-panel":       {KindPanel, 9, 45},
	}
	files, err := fs.Glob(builtinFiles, "packs/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	packs := Builtin()
	if len(packs) != len(files) || len(packs) != len(want) {
		t.Fatalf("Builtin() = %d packs from %d files, want %d", len(packs), len(files), len(want))
	}
	for _, name := range files {
		data, _ := builtinFiles.ReadFile(name)
		p, err := Load(name, data)
		if err != nil {
			t.Errorf("Load(%s) = %v", name, err)
			continue
		}
		if "packs/"+p.ID+".yaml" != name {
			t.Errorf("%s holds pack %q; name the file after its id", name, p.ID)
		}
	}
	for _, p := range packs {
		w, ok := want[p.ID]
		if !ok {
			t.Errorf("unexpected built-in pack %q", p.ID)
			continue
		}
		if p.Kind != w.kind || len(p.Topics) != w.topics || p.DurationMinutes != w.minutes {
			t.Errorf("%s: kind %s, %d topics, %d minutes; want %s, %d, %d", p.ID, p.Kind, len(p.Topics), p.DurationMinutes, w.kind, w.topics, w.minutes)
		}
		if p.Source == "" || p.Language != "en-GB" {
			t.Errorf("%s: source %q, language %q; want a source and en-GB", p.ID, p.Source, p.Language)
		}
		ids := []string{}
		for _, c := range p.Consent {
			ids = append(ids, c.ID)
		}
		if got := strings.Join(ids, ","); got != "take-part,notes,follow-up" || p.Consent[2].Required {
			t.Errorf("%s: consent points %s, want take-part, notes (required) and follow-up (optional)", p.ID, got)
		}
		q, ok := BuiltinPack(p.ID)
		if !ok || q.Hash != p.Hash {
			t.Errorf("BuiltinPack(%q) = %v, %v; want the pack from Builtin()", p.ID, q, ok)
		}
	}
}

// TestPeerChallengePacks: every peer-challenge pack carries the Appendix 3 points and its
// catch-all question.
func TestPeerChallengePacks(t *testing.T) {
	for _, p := range Builtin() {
		if !strings.HasPrefix(p.ID, "peer-") {
			continue
		}
		var text strings.Builder
		for _, pg := range p.Preamble {
			text.WriteString(pg.Text + "\n")
		}
		for _, phrase := range []string{
			"not judges or auditors", "critical friend", "presentation not a report",
			"feedback will be anonymous", "confidential to the team",
			"All records of the interviews will be deleted after the four-month follow up visit",
		} {
			if !strings.Contains(text.String(), phrase) {
				t.Errorf("%s: preamble does not say %q", p.ID, phrase)
			}
		}
		if q := "Is there anything else we should have asked or you would like to add?"; p.Closing.Question != q {
			t.Errorf("%s: closing question = %q, want %q", p.ID, p.Closing.Question, q)
		}
	}
}

func TestBuiltinReturnsCopies(t *testing.T) {
	a := Builtin()
	a[0].Topics[0].Question = "changed"
	a[0].Topics[0].Probes = append(a[0].Topics[0].Probes, "x")
	b := Builtin()
	if b[0].Topics[0].Question == "changed" || ContentHash(b[0]) != b[0].Hash {
		t.Errorf("changing a pack from Builtin() changed the built-in pack")
	}
}

func TestEthnographicScale(t *testing.T) {
	p, _ := BuiltinPack("peer-ethnographic-users")
	topic, ok := p.Topic("communication-rating")
	if !ok || topic.Scale == nil {
		t.Fatalf("communication-rating topic or scale missing")
	}
	want := Scale{Kind: ScaleRating, Min: 0, Max: 10,
		MinLabel: "communication with the service is appalling and very difficult",
		MaxLabel: "communication is always brilliant and very easy"}
	if *topic.Scale != want {
		t.Errorf("scale = %+v, want %+v", *topic.Scale, want)
	}
}
