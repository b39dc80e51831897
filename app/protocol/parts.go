package protocol

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The fields of a pack that an addition may mark, as PartInfo.Field names them. A part names
// one of them: the field itself ("title", "closing.question"), a list entry by its index
// counting from 0 ("preamble[2]", "interviewer_guidance[0]"), a consent point or topic by its id
// ("consent.follow-up", "topics.open-to-feedback"), a topic's guidance, probes or scale
// ("topics.open-to-feedback.scale"), its priority ("topics.open-to-feedback.priority"), the
// scales of every topic that has one ("topics.*.scale"), or the priorities of every topic, the
// order in which they are dropped when time runs short ("topics.*.priority").
const (
	FieldTitle               = "title"
	FieldDuration            = "duration_minutes"
	FieldWarnings            = "warning_minutes"
	FieldInterviewerGuidance = "interviewer_guidance"
	FieldPreamble            = "preamble"
	FieldConsent             = "consent"
	FieldTopic               = "topics"
	FieldTopicGuidance       = "topics.guidance"
	FieldTopicProbes         = "topics.probes"
	FieldTopicScale          = "topics.scale"
	FieldTopicPriority       = "topics.priority"
	FieldClosingQuestion     = "closing.question"
	FieldClosingFollowUp     = "closing.follow_up"
	FieldClosingThanks       = "closing.thanks"
	FieldWriteUpPrompts      = "closing.write_up_prompts"
)

// AllTopics in place of a topic id marks that part of every topic that has it ("topics.*.scale").
const AllTopics = "*"

// PartInfo is one part of a pack as an addition names it.
type PartInfo struct {
	// Field is the kind of part, one of the Field constants.
	Field string
	// Name is the consent point's or topic's id, the page's title, or "" for a field of the
	// pack as a whole. AllTopics for every topic.
	Name string
	// Text is what the pack says there: the wording, the numbers, or a list one entry a line.
	Text string
}

// Part finds the part of p that an addition names; false when p has no such part.
func (p *Pack) Part(part string) (PartInfo, bool) {
	if name, i, ok := indexed(part); ok {
		switch {
		case name == FieldPreamble && i < len(p.Preamble):
			pg := p.Preamble[i]
			return PartInfo{Field: FieldPreamble, Name: pg.Title, Text: pg.Text}, true
		case name == FieldInterviewerGuidance && i < len(p.InterviewerGuidance):
			return PartInfo{Field: FieldInterviewerGuidance, Text: p.InterviewerGuidance[i]}, true
		}
		return PartInfo{}, false
	}
	switch part {
	case FieldTitle:
		return PartInfo{Field: part, Text: p.Title}, true
	case FieldDuration:
		return PartInfo{Field: part, Text: strconv.Itoa(p.DurationMinutes)}, true
	case FieldWarnings:
		ws := make([]string, len(p.WarningMinutes))
		for i, w := range p.WarningMinutes {
			ws[i] = strconv.Itoa(w)
		}
		return PartInfo{Field: part, Text: strings.Join(ws, ", ")}, true
	case FieldClosingQuestion:
		return PartInfo{Field: part, Text: p.Closing.Question}, true
	case FieldClosingFollowUp:
		return PartInfo{Field: part, Text: p.Closing.FollowUp}, p.Closing.FollowUp != ""
	case FieldClosingThanks:
		return PartInfo{Field: part, Text: p.Closing.Thanks}, true
	case FieldWriteUpPrompts:
		return PartInfo{Field: part, Text: strings.Join(p.Closing.WriteUpPrompts, "\n")}, len(p.Closing.WriteUpPrompts) > 0
	}
	if id, ok := strings.CutPrefix(part, FieldConsent+"."); ok {
		for _, c := range p.Consent {
			if c.ID == id {
				return PartInfo{Field: FieldConsent, Name: id, Text: c.Text}, true
			}
		}
		return PartInfo{}, false
	}
	rest, ok := strings.CutPrefix(part, FieldTopic+".")
	if !ok {
		return PartInfo{}, false
	}
	id, sub, _ := strings.Cut(rest, ".")
	if id == AllTopics {
		// Only a scale or the priorities are marked on every topic at once: the other parts
		// differ topic by topic.
		if sub == "priority" {
			// One line, "1: a, b; 2: c", so that it reads as one part beside the others.
			byPriority := map[int][]string{}
			var levels []int
			for _, t := range p.Topics {
				if byPriority[t.Priority] == nil {
					levels = append(levels, t.Priority)
				}
				byPriority[t.Priority] = append(byPriority[t.Priority], t.ID)
			}
			slices.Sort(levels)
			parts := make([]string, len(levels))
			for i, l := range levels {
				parts[i] = fmt.Sprintf("%d: %s", l, strings.Join(byPriority[l], ", "))
			}
			return PartInfo{Field: FieldTopicPriority, Name: AllTopics, Text: strings.Join(parts, "; ")}, len(levels) > 0
		}
		if sub != "scale" {
			return PartInfo{}, false
		}
		for _, t := range p.Topics {
			if t.Scale != nil {
				return PartInfo{Field: FieldTopicScale, Name: AllTopics, Text: t.Scale.String()}, true
			}
		}
		return PartInfo{}, false
	}
	t, ok := p.Topic(id)
	if !ok {
		return PartInfo{}, false
	}
	switch sub {
	case "":
		return PartInfo{Field: FieldTopic, Name: id, Text: t.Question}, true
	case "guidance":
		return PartInfo{Field: FieldTopicGuidance, Name: id, Text: t.Guidance}, t.Guidance != ""
	case "probes":
		return PartInfo{Field: FieldTopicProbes, Name: id, Text: strings.Join(t.Probes, "\n")}, len(t.Probes) > 0
	case "priority":
		return PartInfo{Field: FieldTopicPriority, Name: id, Text: strconv.Itoa(t.Priority)}, true
	case "scale":
		if t.Scale == nil {
			return PartInfo{}, false
		}
		return PartInfo{Field: FieldTopicScale, Name: id, Text: t.Scale.String()}, true
	}
	return PartInfo{}, false
}

// indexed splits "name[i]" into its name and index.
func indexed(part string) (name string, i int, ok bool) {
	name, rest, found := strings.Cut(part, "[")
	if !found || !strings.HasSuffix(rest, "]") {
		return "", 0, false
	}
	digits := strings.TrimSuffix(rest, "]")
	i, err := strconv.Atoi(digits)
	if err != nil || i < 0 || strconv.Itoa(i) != digits {
		return "", 0, false
	}
	return name, i, true
}

// String writes the scale's range and labels, e.g. "1 (little or no evidence) to 5 (strong
// evidence)".
func (s Scale) String() string {
	end := func(v int, label string) string {
		if label == "" {
			return strconv.Itoa(v)
		}
		return fmt.Sprintf("%d (%s)", v, label)
	}
	return end(s.Min, s.MinLabel) + " to " + end(s.Max, s.MaxLabel)
}
