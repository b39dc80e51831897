package protocol

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"quietroom/app/yamlfile"
)

// TestLoadValid checks the base file the invalid cases are made from.
func TestLoadValid(t *testing.T) {
	p, err := LoadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatalf("LoadFile(valid.yaml) = %v, want no error", err)
	}
	if p.ID != "test-pack" || p.Version != 1 || p.Kind != KindInterview || p.DurationMinutes != 30 {
		t.Errorf("LoadFile(valid.yaml) = %+v, want id test-pack, version 1, interview, 30 minutes", p)
	}
	if len(p.Topics) != 2 || p.Topics[1].Scale == nil || p.Topics[1].Scale.Max != 10 || p.Topics[0].Priority != 1 {
		t.Errorf("topics = %+v, want two, the second with a 0-10 scale", p.Topics)
	}
	if !strings.HasPrefix(p.Hash, HashPrefix) || p.Hash != ContentHash(p) {
		t.Errorf("Hash = %q, want ContentHash = %q", p.Hash, ContentHash(p))
	}
}

// TestLoadGuidanceAndAdditions: the interviewer's guidance and the pack's additions load in
// order, each addition naming a part the pack has.
func TestLoadGuidanceAndAdditions(t *testing.T) {
	p := mustLoad(t, "testdata/valid-guidance.yaml")
	if got := strings.Join(p.InterviewerGuidance, "|"); got != "Ensure introductions at the start|Ask open questions, one question at a time" {
		t.Errorf("InterviewerGuidance = %q", got)
	}
	want := []Addition{
		{"topics.*.scale", "The source gives no scale."},
		{"consent.follow-up", "The source asks for no contact after the interview."},
		{"preamble[1]", "The source says nothing about deleting the notes."},
	}
	if !slices.Equal(p.Additions, want) {
		t.Errorf("Additions = %+v, want %+v", p.Additions, want)
	}
	if base := mustLoad(t, "testdata/valid.yaml"); base.Hash == p.Hash {
		t.Errorf("guidance and additions do not change the hash")
	}
}

// TestPart: every kind of part an addition may name is found with what the pack says there,
// and names of parts the pack lacks are not.
func TestPart(t *testing.T) {
	p := mustLoad(t, "testdata/valid-guidance.yaml")
	tests := []struct {
		part string
		want PartInfo
	}{
		{"title", PartInfo{FieldTitle, "", "Test pack"}},
		{"duration_minutes", PartInfo{FieldDuration, "", "30"}},
		{"warning_minutes", PartInfo{FieldWarnings, "", "10, 5"}},
		{"interviewer_guidance[1]", PartInfo{FieldInterviewerGuidance, "", "Ask open questions, one question at a time"}},
		{"preamble[1]", PartInfo{FieldPreamble, "Deletion", "Every record is deleted on {deletion_date}."}},
		{"consent.follow-up", PartInfo{FieldConsent, "follow-up", "I am happy to be contacted again."}},
		{"topics.first", PartInfo{FieldTopic, "first", "What works well?"}},
		{"topics.first.probes", PartInfo{FieldTopicProbes, "first", "Why do you say that?"}},
		{"topics.second.scale", PartInfo{FieldTopicScale, "second", "0 (very poor) to 10 (very good)"}},
		{"topics.*.scale", PartInfo{FieldTopicScale, AllTopics, "0 (very poor) to 10 (very good)"}},
		{"closing.question", PartInfo{FieldClosingQuestion, "", "Is there anything else?"}},
		{"closing.follow_up", PartInfo{FieldClosingFollowUp, "", "May we contact you again?"}},
		{"closing.thanks", PartInfo{FieldClosingThanks, "", "Thank you."}},
		{"closing.write_up_prompts", PartInfo{FieldWriteUpPrompts, "", "What the person said"}},
	}
	for _, tt := range tests {
		if got, ok := p.Part(tt.part); !ok || got != tt.want {
			t.Errorf("Part(%q) = %+v, %v; want %+v", tt.part, got, ok, tt.want)
		}
	}
	for _, part := range []string{"", "id", "source", "preamble[2]", "preamble[-1]", "preamble[01]", "preamble[x]", "preamble",
		"interviewer_guidance[2]", "consent.contact", "consent", "topics.third", "topics.first.scale",
		"topics.second.guidance", "topics.*", "topics.*.probes", "topics.first.question", "closing", "closing.other"} {
		if got, ok := p.Part(part); ok {
			t.Errorf("Part(%q) = %+v, want none", part, got)
		}
	}
}

// TestLoadInvalid has one broken file per rule, each with the exact line and field expected.
func TestLoadInvalid(t *testing.T) {
	tests := []struct {
		file  string
		line  int
		field string
		msg   string // a fragment of the message
	}{
		{"duplicate-topic-id", 31, "topics[1].id", `already used by the topic on line 26`},
		{"duplicate-consent-id", 22, "consent[2].id", `already used by the consent point on line 19`},
		{"empty-question", 27, "topics[0].question", `is empty`},
		{"blank-question", 27, "topics[0].question", `is empty`},
		{"null-preamble-text", 12, "preamble[0].text", `is empty`},
		{"empty-probe", 29, "topics[0].probes[0]", `is empty`},
		{"empty-consent-text", 20, "consent[1].text", `is empty`},
		{"empty-thanks", 43, "closing.thanks", `is empty`},
		{"scale-min-equals-max", 37, "topics[1].scale.max", `must be more than min (0)`},
		{"scale-min-above-max", 37, "topics[1].scale.max", `must be more than min (10)`},
		{"scale-too-long", 37, "topics[1].scale.max", `does not fit the screen`},
		{"scale-max-at-int-limit", 37, "topics[1].scale.max", `must be at most 1000`},
		{"scale-near-int-limit", 36, "topics[1].scale.min", `must be at most 1000`},
		{"scale-negative-extremes", 36, "topics[1].scale.min", `must be zero or more`},
		{"scale-max-too-high", 37, "topics[1].scale.max", `must be at most 1000`},
		{"unknown-field", 7, "sauce", `unknown field`},
		{"unknown-nested-field", 38, "topics[1].scale.minimum_label", `unknown field`},
		{"unknown-closing-field", 42, "closing.followup", `unknown field`},
		{"missing-take-part", 15, "consent", `required consent point "take-part" is missing`},
		{"notes-not-required", 21, "consent[1].required", `consent point "notes" must be required`},
		{"notes-required-absent", 19, "consent[1].required", `consent point "notes" must be required`},
		{"zero-duration", 8, "duration_minutes", `must be at least 5 minutes`},
		{"negative-duration", 8, "duration_minutes", `must be at least 5 minutes`},
		{"duration-too-long", 8, "duration_minutes", `longer than 240`},
		{"warning-not-below-duration", 9, "warning_minutes[0]", `must be below the duration of 30`},
		{"warnings-not-descending", 9, "warning_minutes[1]", `smaller than the warning before it (5)`},
		{"warnings-repeated", 9, "warning_minutes[1]", `smaller than the warning before it (5)`},
		{"warning-zero", 9, "warning_minutes[1]", `more than zero`},
		{"default-warnings-too-long", 8, "warning_minutes", `default warnings`},
		{"bad-kind", 6, "kind", `write interview or panel`},
		{"bad-scale-kind", 35, "topics[1].scale.kind", `write rating`},
		{"bad-topic-id", 26, "topics[0].id", `not a valid id`},
		{"bad-pack-id", 2, "id", `not a valid id`},
		{"bad-consent-id", 22, "consent[2].id", `not a valid id`},
		{"bad-language", 5, "language", `not a language tag`},
		{"version-zero", 3, "version", `must be 1 or more`},
		{"priority-zero", 30, "topics[0].priority", `between 1`},
		{"syntax-error", 27, "", `YAML syntax error`},
		{"syntax-unclosed-quote", 41, "", `YAML syntax error`},
		{"syntax-tab", 42, "", `YAML syntax error`},
		{"version-not-a-number", 3, "version", `whole number`},
		{"duration-fraction", 8, "duration_minutes", `whole number`},
		{"duration-quoted", 8, "duration_minutes", `whole number`},
		{"probes-not-a-list", 28, "topics[0].probes", `must be a list`},
		{"required-not-bool", 18, "consent[0].required", `true or false`},
		{"scale-min-not-a-number", 36, "topics[1].scale.min", `whole number`},
		{"title-is-a-list", 4, "title", `must be text`},
		{"topic-not-a-mapping", 31, "topics[1]", `must be a set of fields`},
		{"unknown-placeholder", 12, "preamble[0].text", `unknown placeholder {mins}`},
		{"placeholder-outside-preamble", 27, "topics[0].question", `only in preamble pages`},
		{"no-deletion-date", 10, "preamble", `{deletion_date}`},
		{"duplicate-key", 7, "title", `appears twice (first on line 4)`},
		{"missing-title", 2, "title", `is missing`},
		{"missing-closing", 2, "closing", `is missing`},
		{"empty-topics", 25, "topics", `empty list`},
		{"anchor", 43, "closing.thanks", `anchors and aliases`},
		{"alias-bomb", 46, "lol1", `anchors and aliases`},
		{"invalid-utf8", 4, "", `the file is not valid UTF-8 text (byte 0xe9 at column 14); save it as UTF-8`},
		{"nul-byte", 27, "", `holds a NUL byte (column 25)`},
		{"utf16", 1, "", `saved as UTF-16; save it as UTF-8`},
		{"raw-control", 4, "", `control character U+001B (column 13); delete it`},
		{"raw-bidi", 27, "", `text-direction control U+202E (column 26)`},
		{"escaped-control", 4, "title", `control character U+001B; delete it`},
		{"escaped-bidi", 27, "topics[0].question", `text-direction control U+202E`},
		{"title-line-break", 4, "title", `holds a line break; write it on one line`},
		{"title-too-long", 4, "title", `is 201 characters long, more than the 200 allowed`},
		{"question-too-long", 27, "topics[0].question", `is 4001 characters long, more than the 4000 allowed`},
		{"too-many-topics", 25, "topics", `has 101 entries, more than the 100 a pack may hold; split the pack`},
		{"too-many-probes", 28, "topics[0].probes", `has 31 entries, more than the 30`},
		{"too-many-warnings", 9, "warning_minutes", `has 12 entries, more than the 10`},
		{"field-name-control", 7, "", `a field name must be a plain word; this one holds the invisible control character U+001B`},
		{"two-documents", 46, "", `one YAML document`},
		{"empty-file", 1, "", `the file is empty`},
		{"only-comments", 1, "", `the file is empty`},
		{"not-a-mapping", 1, "", `must be a set of fields`},
		{"guidance-empty-point", 48, "interviewer_guidance[1]", `is empty`},
		{"guidance-not-a-list", 46, "interviewer_guidance", `must be a list`},
		{"too-many-guidance-points", 46, "interviewer_guidance", `has 31 entries, more than the 30`},
		{"addition-unknown-part", 47, "additions[0].part", `"consent.contact" names no part of this pack`},
		{"addition-part-absent", 46, "additions[0].part", `"closing.follow_up" names no part of this pack`},
		{"addition-duplicate-part", 49, "additions[1].part", `already marked by the addition on line 47`},
		{"addition-missing-why", 47, "additions[0].why", `is missing`},
		{"addition-unknown-field", 49, "additions[0].reason", `unknown field; the fields allowed here are part, why`},
		{"too-many-additions", 61, "additions", `has 31 entries, more than the 30`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "invalid", tt.file+".yaml")
			p, err := LoadFile(path)
			if p != nil {
				t.Fatalf("LoadFile(%s) returned a pack, want nil", path)
			}
			var verr *ValidationError
			if !errors.As(err, &verr) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("LoadFile(%s) error = %v (%T), want *ValidationError", path, err, err)
			}
			if len(verr.Problems) != 1 {
				t.Errorf("LoadFile(%s) problems =\n%v\nwant exactly one", path, err)
			}
			got := verr.Problems[0]
			if got.File != path || got.Line != tt.line || got.Field != tt.field || !strings.Contains(got.Message, tt.msg) {
				t.Errorf("LoadFile(%s) = %q, want line %d, field %q, message containing %q", path, got, tt.line, tt.field, tt.msg)
			}
			want := path + ":" + itoa(tt.line) + ": "
			if tt.field != "" {
				want += tt.field + ": "
			}
			if !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Error() = %q, want it to start with %q", err.Error(), want)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestLoadReportsEveryProblem: one pass reports all the problems in a file, in line order.
func TestLoadReportsEveryProblem(t *testing.T) {
	_, err := LoadFile("testdata/many-problems.yaml")
	var verr *ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("LoadFile(many-problems.yaml) = %v, want *ValidationError", err)
	}
	want := []string{"2:id", "6:kind", "8:duration_minutes", "21:consent[1].required", "27:topics[0].question", "31:topics[1].id", "37:topics[1].scale.max"}
	var got []string
	for _, p := range verr.Problems {
		got = append(got, strconv.Itoa(p.Line)+":"+p.Field)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("problems = %v, want %v\n%v", got, want, err)
	}
	if lines := strings.Count(err.Error(), "\n") + 1; lines != len(want) {
		t.Errorf("Error() has %d lines, want one per problem (%d)", lines, len(want))
	}
}

// TestLoadFileTooLarge: a file over the limit is one problem, found before it is parsed.
func TestLoadFileTooLarge(t *testing.T) {
	valid, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "huge.yaml")
	huge := append(valid, "# "+strings.Repeat("x", yamlfile.MaxFileSize)+"\n"...)
	if err := os.WriteFile(path, huge, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = LoadFile(path)
	if want := path + ":1: the file is larger than 1 MB"; err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Errorf("LoadFile(huge) = %v, want one problem starting %q", err, want)
	}
}

// TestLoadFileFolder: a folder given as a pack says so and what to give instead.
func TestLoadFileFolder(t *testing.T) {
	_, err := LoadFile("testdata")
	if want := "testdata: is a folder, not a pack file; name the pack's .yaml file (all the packs in it: testdata/*.yaml)"; err == nil || err.Error() != want {
		t.Errorf("LoadFile(testdata) = %v, want %q", err, want)
	}
}

// TestLoadAliasBombIsOneProblem: the error of an alias bomb is one line, not one per alias.
func TestLoadAliasBombIsOneProblem(t *testing.T) {
	_, err := LoadFile("testdata/invalid/alias-bomb.yaml")
	if err == nil || strings.Count(err.Error(), "\n") != 0 {
		t.Errorf("LoadFile(alias-bomb.yaml) = %v, want one problem", err)
	}
}
