package protocol

import (
	"io/fs"
	"slices"
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
		"peer-ai-staff-practice":         {KindInterview, 15, 45},
		"peer-ai-staff-leadership":       {KindInterview, 13, 45},
		"peer-ethnographic-users":        {KindInterview, 24, 45},
		"peer-ethnographic-staff":        {KindInterview, 16, 45},
		"peer-solution-focused":          {KindInterview, 6, 45},
		"peer-transformational-learning": {KindInterview, 8, 45},
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
		// The peer challenge's follow-up visit is a meeting of the directors, not with the
		// interviewees: its packs ask for no follow-up.
		want := "take-part,notes,follow-up"
		if strings.HasPrefix(p.ID, "peer-") {
			want = "take-part,notes"
		}
		if got := strings.Join(ids, ","); got != want || len(p.Consent) > 2 && p.Consent[2].Required {
			t.Errorf("%s: consent points %s, want %s (the first two required, follow-up optional)", p.ID, got, want)
		}
		if len(p.InterviewerGuidance) == 0 {
			t.Errorf("%s: no interviewer guidance", p.ID)
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
			"The follow up visit is on {follow_up_date}. All records of the interviews will be deleted after it, on {deletion_date}.",
		} {
			if !strings.Contains(text.String(), phrase) {
				t.Errorf("%s: preamble does not say %q", p.ID, phrase)
			}
		}
		if q := "Is there anything else we should have asked or you would like to add?"; p.Closing.Question != q {
			t.Errorf("%s: closing question = %q, want %q", p.ID, p.Closing.Question, q)
		}
		if p.Closing.FollowUp != "" {
			t.Errorf("%s: closing asks %q; the handbook's follow-up visit is not with interviewees", p.ID, p.Closing.FollowUp)
		}
		guidance := strings.Join(p.InterviewerGuidance, "\n")
		for _, point := range []string{
			"Ensure introductions at the start", "Ask open questions, one question at a time",
			"Don’t add any information of your own", "Probe generalisations – ask for concrete examples",
			"Allow the interviewees to complete their story, don’t interrupt unless absolutely necessary",
		} {
			if !strings.Contains(guidance, point) {
				t.Errorf("%s: interviewer guidance lacks %q", p.ID, point)
			}
		}
	}
}

// TestPositiveProbes: the appreciative-inquiry packs for staff carry the handbook's six example
// positive probes word for word, each bullet a question and its probes.
func TestPositiveProbes(t *testing.T) {
	bullets := []string{
		"What were your hopes and aspirations when you started your current role in the organisation?",
		"Describe a situation in the organisation when you were at a high point and felt energised to perform at your highest level? When was this? Who was involved? What made it memorable?",
		"If we asked three people what they valued about your team/ service, what would they say?",
		"What do you value about your team? …and organisation? …the individuals in your team? When do things work best? Who and what helped that happen?",
		"What is your dream for your team, your organisation? How do people act? How does that work in practice?",
		"How can this dream happen: what are the small steps? What larger steps? Who should be involved? What do they need to know?",
	}
	for _, id := range []string{"peer-ai-staff-practice", "peer-ai-staff-leadership"} {
		p, _ := BuiltinPack(id)
		var asked []string
		for _, tp := range p.Topics {
			if strings.HasPrefix(tp.ID, "positive-") {
				asked = append(asked, strings.Join(append([]string{tp.Question}, tp.Probes...), " "))
			}
		}
		if strings.Join(asked, "\n") != strings.Join(bullets, "\n") {
			t.Errorf("%s: positive probes =\n%s\nwant\n%s", id, strings.Join(asked, "\n"), strings.Join(bullets, "\n"))
		}
	}
}

// TestSafeSession: the leadership feedback session's preamble tells the interviewee what the
// safe-session guide asks the interviewer to say.
func TestSafeSession(t *testing.T) {
	p, _ := BuiltinPack("leadership-360")
	var text strings.Builder
	for _, pg := range p.Preamble {
		text.WriteString(pg.Text + "\n")
	}
	for _, phrase := range []string{"The goal of this session", "a safe space for open dialogue",
		"confidential within appropriate boundaries", "a two-way exchange"} {
		if !strings.Contains(text.String(), phrase) {
			t.Errorf("leadership-360: preamble does not say %q", phrase)
		}
	}
	guidance := strings.Join(p.InterviewerGuidance, "\n")
	for _, phrase := range []string{"Active Listening:", "Use Empathetic Language:", "Encourage Two-Way Dialogue:"} {
		if !strings.Contains(guidance, phrase) {
			t.Errorf("leadership-360: interviewer guidance lacks %q", phrase)
		}
	}
}

// TestBuiltinAdditions: what the packs add to their sources is marked in their data: the
// consent points (no source asks for consent), the timer's warnings, the priorities of the
// questions where the source ranks none, the pages that tell the interviewee the kiosk's dates,
// and what each pack words itself.
func TestBuiltinAdditions(t *testing.T) {
	want := map[string][]string{
		"leadership-360": {"consent.take-part", "consent.notes", "closing.question", "warning_minutes",
			"preamble[3]", "preamble[7]"},
		"recruitment-values-panel": {"consent.take-part", "consent.notes", "consent.follow-up",
			"preamble[4]", "warning_minutes", "topics.*.priority", "topics.*.scale", "closing.question",
			"duration_minutes"},
	}
	for _, p := range Builtin() {
		if !strings.HasPrefix(p.ID, "peer-") {
			continue
		}
		deletion := "preamble[5]"
		if strings.HasPrefix(p.ID, "peer-ai-") {
			deletion = "preamble[4]" // the appendix's own preamble is one page
		}
		want[p.ID] = []string{"consent.take-part", "consent.notes", deletion, "warning_minutes",
			"topics.*.priority", "preamble[3]"}
	}
	for id, parts := range want {
		p, _ := BuiltinPack(id)
		for _, part := range parts {
			if !slices.ContainsFunc(p.Additions, func(a Addition) bool { return a.Part == part && a.Why != "" }) {
				t.Errorf("%s: %s is not marked as an addition", id, part)
			}
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

// TestLengthFromTheTimetable: every peer-challenge pack takes the 45 minutes the handbook's Day 1
// timetable gives each interview slot, says so in its source, and does not mark its length as
// the pack's own.
func TestLengthFromTheTimetable(t *testing.T) {
	for _, p := range Builtin() {
		if !strings.HasPrefix(p.ID, "peer-") {
			continue
		}
		if p.DurationMinutes != 45 {
			t.Errorf("%s: %d minutes, want the timetable's 45", p.ID, p.DurationMinutes)
		}
		if !strings.Contains(p.Source, "45 minutes from the Day 1 timetable") {
			t.Errorf("%s: the source does not say the length is the Day 1 timetable's: %q", p.ID, p.Source)
		}
		for _, a := range p.Additions {
			if a.Part == FieldDuration {
				t.Errorf("%s: the length is marked as the pack's own (%q), but the timetable gives it", p.ID, a.Why)
			}
		}
	}
}
