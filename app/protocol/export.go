package protocol

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Marshal writes p in its file form, the YAML that Load reads. Loading the result gives a pack
// with the same content hash. Fields at their defaults are still written, so the file shows
// everything an admin can change.
func Marshal(p *Pack) ([]byte, error) {
	root := mapNode()
	root.HeadComment = fmt.Sprintf("Question pack %s, version %d (%s).\nEdit the wording freely, then raise version by one and run: quietroom pack check FILE", p.ID, p.Version, ContentHash(p))
	add(root, "id", str(p.ID))
	add(root, "version", num(p.Version))
	add(root, "title", str(p.Title))
	add(root, "language", str(p.Language))
	add(root, "kind", str(string(p.Kind)))
	if p.Source != "" {
		add(root, "source", str(p.Source))
	}
	add(root, "duration_minutes", num(p.DurationMinutes))
	warnings := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, w := range p.WarningMinutes {
		warnings.Content = append(warnings.Content, num(w))
	}
	add(root, "warning_minutes", warnings)
	if len(p.InterviewerGuidance) > 0 {
		add(root, "interviewer_guidance", strs(p.InterviewerGuidance))
	}

	preamble := seqNode()
	for _, pg := range p.Preamble {
		m := mapNode()
		add(m, "title", str(pg.Title))
		add(m, "text", str(pg.Text))
		preamble.Content = append(preamble.Content, m)
	}
	add(root, "preamble", preamble)

	consent := seqNode()
	for _, c := range p.Consent {
		m := mapNode()
		add(m, "id", str(c.ID))
		add(m, "text", str(c.Text))
		add(m, "required", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(c.Required)})
		consent.Content = append(consent.Content, m)
	}
	add(root, "consent", consent)

	topics := seqNode()
	for _, t := range p.Topics {
		m := mapNode()
		add(m, "id", str(t.ID))
		add(m, "question", str(t.Question))
		if t.Guidance != "" {
			add(m, "guidance", str(t.Guidance))
		}
		if len(t.Probes) > 0 {
			add(m, "probes", strs(t.Probes))
		}
		add(m, "priority", num(t.Priority))
		if s := t.Scale; s != nil {
			sm := mapNode()
			add(sm, "kind", str(string(s.Kind)))
			add(sm, "min", num(s.Min))
			add(sm, "max", num(s.Max))
			if s.MinLabel != "" {
				add(sm, "min_label", str(s.MinLabel))
			}
			if s.MaxLabel != "" {
				add(sm, "max_label", str(s.MaxLabel))
			}
			add(m, "scale", sm)
		}
		topics.Content = append(topics.Content, m)
	}
	add(root, "topics", topics)

	closing := mapNode()
	add(closing, "question", str(p.Closing.Question))
	if p.Closing.FollowUp != "" {
		add(closing, "follow_up", str(p.Closing.FollowUp))
	}
	add(closing, "thanks", str(p.Closing.Thanks))
	if len(p.Closing.WriteUpPrompts) > 0 {
		add(closing, "write_up_prompts", strs(p.Closing.WriteUpPrompts))
	}
	add(root, "closing", closing)

	if len(p.Additions) > 0 {
		additions := seqNode()
		for _, a := range p.Additions {
			m := mapNode()
			add(m, "part", str(a.Part))
			add(m, "why", str(a.Why))
			additions.Content = append(additions.Content, m)
		}
		add(root, "additions", additions)
	}

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		return nil, fmt.Errorf("write pack %s: %w", p.ID, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("write pack %s: %w", p.ID, err)
	}
	return buf.Bytes(), nil
}

func mapNode() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }
func seqNode() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"} }

func add(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, str(key), v)
}

func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

func num(v int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}
}

func strs(list []string) *yaml.Node {
	n := seqNode()
	for _, s := range list {
		n.Content = append(n.Content, str(s))
	}
	return n
}
