package protocol

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The source documents, as they were given, are kept under testdata/sources so that the
// comparisons always run: the 360 interview guide (with "How to set up a safe leadership
// interview / feedback session"), the peer challenge handbook and the guide to involving
// service users and carers in staff interview panels.
var packSources = map[string][]string{
	"leadership-360":           {"360-guide.txt", "safe-session.txt"},
	"recruitment-values-panel": {"panel-guide.txt"},
	"peer-":                    {"peer-challenge-handbook.txt"},
}

// sourceText is a pack's source documents with spacing, emphasis and case set aside, as
// comparable reads them.
func sourceText(t *testing.T, id string) string {
	t.Helper()
	files := packSources[id]
	if strings.HasPrefix(id, "peer-") {
		files = packSources["peer-"]
	}
	if len(files) == 0 {
		t.Fatalf("%s: no source document in testdata/sources", id)
	}
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile("testdata/sources/" + f)
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString(comparable(string(b)) + " ")
	}
	return all.String()
}

var spacing = regexp.MustCompile(`[\s\x{00a0}]+`)

// comparable sets aside what a copy may change without changing the words: runs of spaces and
// line breaks, the source's bold markers, and the case of the letters (a point lifted from the
// middle of a sentence starts with a capital).
func comparable(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	return strings.ToLower(strings.TrimSpace(spacing.ReplaceAllString(s, " ")))
}

// TestGuidanceIsTheSourcesWords: every point of every built-in pack's interviewer guidance is
// its source's own words, unless it is marked as an addition. A point may gather several lines
// of the source (a list, or the rows of a table written "left – right"); each line is compared.
func TestGuidanceIsTheSourcesWords(t *testing.T) {
	for _, p := range Builtin() {
		text := sourceText(t, p.ID)
		marked := map[string]bool{}
		for _, a := range p.Additions {
			marked[a.Part] = true
		}
		for i, g := range p.InterviewerGuidance {
			if marked[fmt.Sprintf("%s[%d]", FieldInterviewerGuidance, i)] {
				continue
			}
			for _, line := range strings.Split(g, "\n") {
				for _, piece := range strings.Split(line, " – ") {
					if !strings.Contains(text, comparable(piece)) {
						t.Errorf("%s: interviewer_guidance[%d]: %q is not in the source word for word", p.ID, i, piece)
					}
				}
			}
		}
	}
}

// TestGuidanceGivesTheSourcesAdvice: the advice each source gives the people who run the
// interviews has a home in the guidance they are shown.
func TestGuidanceGivesTheSourcesAdvice(t *testing.T) {
	peer := []string{
		"observe “Chatham House” confidentiality",
		"Insights are statements or hypothesis, they are not framed as goals",
		"The leadership is trusted and seen as visible",
		"Mutual respect, openness and honesty\nNon-judgemental feedback\nThe need to diagnose and understand why things are like they are\nA practical focus on how outcomes for young people could be improved",
	}
	want := map[string][]string{
		"leadership-360": {
			"your intention is to provide constructive feedback or gather insights for improvement",
			"Encourage the individual to share their thoughts on the feedback you've provided.",
			"foster an atmosphere of respect, understanding, and collaboration",
			"both as leaders and in general, as senior team members",
		},
		"recruitment-values-panel": {
			"open questions require more depth in their response",
			"you will not be asked to be involved with the recruitment process again",
		},
		"peer-solution-focused": append([]string{
			"Talking about problems – Focus on what’s wanted",
			"Listen to the person’s story and clues of what they might want.",
			"Affirmation: Is there anything that they have said",
		}, peer...),
	}
	for _, p := range Builtin() {
		if strings.HasPrefix(p.ID, "peer-") && want[p.ID] == nil {
			want[p.ID] = peer
		}
	}
	for id, phrases := range want {
		p, ok := BuiltinPack(id)
		if !ok {
			t.Fatalf("no built-in pack %s", id)
		}
		guidance := strings.Join(p.InterviewerGuidance, "\n")
		for _, phrase := range phrases {
			if !strings.Contains(guidance, phrase) {
				t.Errorf("%s: the interviewer's guidance does not say %q", id, phrase)
			}
		}
	}
}
