package protocol

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Limits a pack must keep to. They catch typing slips (300 minutes for 30) and keep every pack
// usable on a 7" touchscreen.
const (
	MaxDurationMinutes = 480
	MaxPriority        = 9
	MaxScalePoints     = 21 // e.g. 0-20; a 0-10 scale has 11 points
	maxIDLength        = 64
)

// defaultWarningMinutes are the timer warnings a pack gets when its file names none.
var defaultWarningMinutes = []int{10, 5}

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	languagePattern = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	syntaxLine      = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
)

// LoadFile reads and validates the pack file at path. See Load.
func LoadFile(path string) (*Pack, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read pack: %w", err)
	}
	return Load(path, data)
}

// Load parses and validates one pack file; file names it in problem messages. It returns either
// a complete, valid pack with its Hash set, or nil and a *ValidationError listing every problem
// found (which matches ErrInvalid).
func Load(file string, data []byte) (*Pack, error) {
	ps := &parser{file: file}
	root := ps.document(data)
	var p *Pack
	if root != nil {
		p = ps.pack(root)
	}
	if len(ps.problems) > 0 {
		sort.SliceStable(ps.problems, func(i, j int) bool { return ps.problems[i].Line < ps.problems[j].Line })
		return nil, &ValidationError{Problems: ps.problems}
	}
	p.Hash = ContentHash(p)
	return p, nil
}

// parser collects every problem in one file rather than stopping at the first.
type parser struct {
	file     string
	problems []Problem
}

func (ps *parser) add(line int, field, format string, args ...any) {
	if line < 1 {
		line = 1
	}
	ps.problems = append(ps.problems, Problem{File: ps.file, Line: line, Field: field, Message: fmt.Sprintf(format, args...)})
}

// document parses the YAML and returns the root mapping, or nil after recording why not.
func (ps *parser) document(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			ps.add(1, "", "the file is empty; a pack needs at least id, version, title, language, kind, duration_minutes, preamble, consent, topics and closing")
		} else {
			ps.syntax(err)
		}
		return nil
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		ps.add(extra.Line, "", "a pack file holds one YAML document; remove the second document (the line with ---) or put it in its own file")
		return nil
	case !errors.Is(err, io.EOF):
		ps.syntax(err)
		return nil
	}
	if len(doc.Content) == 0 {
		ps.add(1, "", "the file is empty; a pack needs at least id, version, title, language, kind, duration_minutes, preamble, consent, topics and closing")
		return nil
	}
	if ps.aliases(&doc) {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		ps.add(root.Line, "", "the file must be a set of fields (id: ..., title: ...), not %s", describe(root))
		return nil
	}
	return root
}

func (ps *parser) syntax(err error) {
	msg := err.Error()
	line := 1
	if m := syntaxLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	ps.add(line, "", "YAML syntax error: %s; check the indentation and quoting on or near this line", msg)
}

// aliases reports anchors and aliases, which packs do not allow: every piece of wording is
// written out where it is shown, and an alias could expand without bound.
func (ps *parser) aliases(n *yaml.Node) bool {
	found := false
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		ps.add(n.Line, "", "anchors and aliases (&name, *name, <<) are not allowed in a pack; write the text out in full")
		found = true
	}
	for _, c := range n.Content {
		if ps.aliases(c) {
			found = true
		}
	}
	return found
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "something else"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// fields is one YAML mapping checked against the fields it may hold.
type fields struct {
	node *yaml.Node
	path string
	vals map[string]*yaml.Node
	keys map[string]*yaml.Node
}

// line is the line of a field's key; list-wide problems point there rather than at the first
// item.
func (f *fields) line(key string) int {
	if k, ok := f.keys[key]; ok {
		return k.Line
	}
	return f.node.Line
}

// mapping checks that n is a mapping holding only known fields, each once.
func (ps *parser) mapping(n *yaml.Node, path string, known ...string) *fields {
	if n.Kind != yaml.MappingNode {
		ps.add(n.Line, path, "must be a set of fields (%s), not %s", strings.Join(known, ", "), describe(n))
		return nil
	}
	f := &fields{node: n, path: path, vals: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		if k.Kind != yaml.ScalarNode {
			ps.add(k.Line, path, "a field name must be a plain word, not %s", describe(k))
			continue
		}
		if !contains(known, name) {
			ps.add(k.Line, join(path, name), "unknown field; the fields allowed here are %s (check the spelling)", strings.Join(known, ", "))
			continue
		}
		if prev, dup := f.vals[name]; dup {
			ps.add(k.Line, join(path, name), "appears twice (first on line %d); keep one", prev.Line)
			continue
		}
		f.vals[name] = v
		f.keys[name] = k
	}
	return f
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// get returns the value of a field, or nil when it is absent or null. A required field that is
// absent or null is reported.
func (ps *parser) get(f *fields, key string, required bool) *yaml.Node {
	v, ok := f.vals[key]
	if ok && !(v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null") {
		return v
	}
	if required {
		line := f.node.Line
		if ok {
			line = v.Line
			ps.add(line, join(f.path, key), "is empty; fill it in")
		} else {
			ps.add(line, join(f.path, key), "is missing; add it")
		}
	}
	return nil
}

type textRule int

const (
	optional textRule = iota
	required
	requiredWithPlaceholders
)

// text reads a text field, trimmed of surrounding space.
func (ps *parser) text(f *fields, key string, rule textRule) string {
	n := ps.get(f, key, rule != optional)
	if n == nil {
		return ""
	}
	return ps.textNode(n, join(f.path, key), rule)
}

var textTags = []string{"!!str", "!!int", "!!float", "!!bool", "!!timestamp"}

func (ps *parser) textNode(n *yaml.Node, path string, rule textRule) string {
	if n.Kind != yaml.ScalarNode || !contains(textTags, n.ShortTag()) {
		if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
			ps.add(n.Line, path, "is empty; write the text")
		} else {
			ps.add(n.Line, path, "must be text, not %s", describe(n))
		}
		return ""
	}
	s := strings.TrimSpace(n.Value)
	if s == "" {
		ps.add(n.Line, path, "is empty; write the text")
		return ""
	}
	for _, ph := range placeholderPattern.FindAllString(s, -1) {
		switch {
		case rule != requiredWithPlaceholders:
			ps.add(n.Line, path, "placeholder %s is filled in only in preamble pages; write the text out here", ph)
		case !contains(Placeholders, ph):
			ps.add(n.Line, path, "unknown placeholder %s; the placeholders are %s", ph, strings.Join(Placeholders, " and "))
		}
	}
	return s
}

func (ps *parser) id(f *fields, key string) string {
	n := ps.get(f, key, true)
	if n == nil {
		return ""
	}
	path := join(f.path, key)
	s := ps.textNode(n, path, required)
	if s == "" {
		return ""
	}
	if !idPattern.MatchString(s) || len(s) > maxIDLength {
		ps.add(n.Line, path, "%q is not a valid id; use lowercase letters, digits and hyphens, starting with a letter or digit, at most %d characters (e.g. open-to-feedback)", s, maxIDLength)
		return ""
	}
	return s
}

// integer reads a whole number; ok is false when the field is absent or wrong (reported).
func (ps *parser) integer(f *fields, key string, req bool) (v int, present bool) {
	n := ps.get(f, key, req)
	if n == nil {
		return 0, false
	}
	return ps.intNode(n, join(f.path, key))
}

func (ps *parser) intNode(n *yaml.Node, path string) (int, bool) {
	var v int
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&v) != nil {
		ps.add(n.Line, path, "must be a whole number (without quotes), not %s", describe(n))
		return 0, false
	}
	return v, true
}

// boolean reads true or false; ok is false when the value is wrong (reported).
func (ps *parser) boolean(f *fields, key string) (v, ok bool) {
	n := ps.get(f, key, false)
	if n == nil {
		return false, true
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&v) != nil {
		ps.add(n.Line, join(f.path, key), "must be true or false, not %s", describe(n))
		return false, false
	}
	return v, true
}

// list reads a list field; absent or null is an empty list, reported when required.
func (ps *parser) list(f *fields, key string, req bool) []*yaml.Node {
	n := ps.get(f, key, req)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		ps.add(n.Line, join(f.path, key), "must be a list (lines starting with -), not %s", describe(n))
		return nil
	}
	if req && len(n.Content) == 0 {
		ps.add(f.line(key), join(f.path, key), "is an empty list; add at least one entry")
	}
	return n.Content
}

func (ps *parser) pack(root *yaml.Node) *Pack {
	f := ps.mapping(root, "", "id", "version", "title", "language", "kind", "source",
		"duration_minutes", "warning_minutes", "preamble", "consent", "topics", "closing")
	p := &Pack{}
	p.ID = ps.id(f, "id")
	if v, ok := ps.integer(f, "version", true); ok {
		if v < 1 {
			ps.add(f.vals["version"].Line, "version", "must be 1 or more; raise it by one whenever the wording changes")
		}
		p.Version = v
	}
	p.Title = ps.text(f, "title", required)
	if lang := ps.text(f, "language", required); lang != "" {
		if !languagePattern.MatchString(lang) {
			ps.add(f.vals["language"].Line, "language", "%q is not a language tag; write e.g. en-GB", lang)
		}
		p.Language = lang
	}
	if k := ps.text(f, "kind", required); k != "" {
		p.Kind = Kind(k)
		if p.Kind != KindInterview && p.Kind != KindPanel {
			ps.add(f.vals["kind"].Line, "kind", "%q is not a kind of pack; write interview or panel", k)
		}
	}
	p.Source = ps.text(f, "source", optional)
	ps.timing(f, p)
	ps.preamble(f, p)
	ps.consent(f, p)
	ps.topics(f, p)
	ps.closing(f, p)
	return p
}

func (ps *parser) timing(f *fields, p *Pack) {
	d, dok := ps.integer(f, "duration_minutes", true)
	if dok {
		line := f.vals["duration_minutes"].Line
		switch {
		case d <= 0:
			ps.add(line, "duration_minutes", "must be more than zero minutes (e.g. 30)")
			dok = false
		case d > MaxDurationMinutes:
			ps.add(line, "duration_minutes", "%d minutes is longer than %d; check the number", d, MaxDurationMinutes)
			dok = false
		}
		p.DurationMinutes = d
	}
	wn := ps.get(f, "warning_minutes", false)
	if wn == nil {
		if _, given := f.vals["warning_minutes"]; given {
			// An explicit null reads as "no warnings", like an empty list.
			p.WarningMinutes = []int{}
			return
		}
		p.WarningMinutes = append([]int(nil), defaultWarningMinutes...)
		if dok && d <= defaultWarningMinutes[0] {
			ps.add(f.vals["duration_minutes"].Line, "warning_minutes", "the default warnings (%v minutes left) must be below the duration of %d minutes; set warning_minutes to smaller numbers, or [] for none", defaultWarningMinutes, d)
		}
		return
	}
	items := ps.list(f, "warning_minutes", false)
	p.WarningMinutes = []int{}
	for i, n := range items {
		path := index("warning_minutes", i)
		w, ok := ps.intNode(n, path)
		if !ok {
			continue
		}
		switch {
		case w <= 0:
			ps.add(n.Line, path, "must be more than zero minutes left")
		case dok && w >= d:
			ps.add(n.Line, path, "%d minutes left must be below the duration of %d minutes", w, d)
		case len(p.WarningMinutes) > 0 && w >= p.WarningMinutes[len(p.WarningMinutes)-1]:
			ps.add(n.Line, path, "must be smaller than the warning before it (%d); list the warnings largest first, each once", p.WarningMinutes[len(p.WarningMinutes)-1])
		}
		p.WarningMinutes = append(p.WarningMinutes, w)
	}
}

func (ps *parser) preamble(f *fields, p *Pack) {
	items := ps.list(f, "preamble", true)
	saysDate := false
	for i, n := range items {
		pf := ps.mapping(n, index("preamble", i), "title", "text")
		if pf == nil {
			continue
		}
		pg := Page{
			Title: ps.text(pf, "title", requiredWithPlaceholders),
			Text:  ps.text(pf, "text", requiredWithPlaceholders),
		}
		saysDate = saysDate || strings.Contains(pg.Title+pg.Text, PlaceholderDeletionDate)
		p.Preamble = append(p.Preamble, pg)
	}
	if len(items) > 0 && !saysDate {
		ps.add(f.line("preamble"), "preamble", "no page tells the interviewee when the records will be deleted; add %s to a page's text", PlaceholderDeletionDate)
	}
}

func (ps *parser) consent(f *fields, p *Pack) {
	items := ps.list(f, "consent", true)
	type first struct {
		index     int // in p.Consent
		path      string
		itemLine  int
		line      int // of the item's required field, or of the item
		checkable bool
	}
	seen := map[string]first{}
	for i, n := range items {
		path := index("consent", i)
		cf := ps.mapping(n, path, "id", "text", "required")
		if cf == nil {
			continue
		}
		c := ConsentPoint{ID: ps.id(cf, "id"), Text: ps.text(cf, "text", required)}
		var reqOK bool
		c.Required, reqOK = ps.boolean(cf, "required")
		if c.ID != "" {
			if prev, dup := seen[c.ID]; dup {
				ps.add(cf.vals["id"].Line, join(path, "id"), "%q is already used by the consent point on line %d; give each point its own id", c.ID, prev.itemLine)
			} else {
				line := n.Line
				if r, ok := cf.vals["required"]; ok {
					line = r.Line
				}
				seen[c.ID] = first{index: len(p.Consent), path: path, itemLine: n.Line, line: line, checkable: reqOK}
			}
		}
		p.Consent = append(p.Consent, c)
	}
	if len(items) == 0 {
		return // already reported as missing or empty
	}
	for _, id := range []string{ConsentTakePart, ConsentNotes} {
		c, ok := seen[id]
		switch {
		case !ok:
			ps.add(f.line("consent"), "consent", "the required consent point %q is missing; add it with required: true", id)
		case c.checkable && !p.Consent[c.index].Required:
			ps.add(c.line, join(c.path, "required"), "the consent point %q must be required; set required: true", id)
		}
	}
}

func (ps *parser) topics(f *fields, p *Pack) {
	items := ps.list(f, "topics", true)
	seen := map[string]int{}
	for i, n := range items {
		path := index("topics", i)
		tf := ps.mapping(n, path, "id", "question", "guidance", "probes", "priority", "scale")
		if tf == nil {
			continue
		}
		t := Topic{ID: ps.id(tf, "id"), Question: ps.text(tf, "question", required), Guidance: ps.text(tf, "guidance", optional), Priority: 1}
		if t.ID != "" {
			if first, dup := seen[t.ID]; dup {
				ps.add(tf.vals["id"].Line, join(path, "id"), "%q is already used by the topic on line %d; give each topic its own id", t.ID, first)
			} else {
				seen[t.ID] = tf.vals["id"].Line
			}
		}
		for j, pn := range ps.list(tf, "probes", false) {
			if s := ps.textNode(pn, index(join(path, "probes"), j), required); s != "" {
				t.Probes = append(t.Probes, s)
			}
		}
		if pr, ok := ps.integer(tf, "priority", false); ok {
			if pr < 1 || pr > MaxPriority {
				ps.add(tf.vals["priority"].Line, join(path, "priority"), "must be between 1 (asked first) and %d (dropped first when time runs short)", MaxPriority)
			}
			t.Priority = pr
		}
		if sn := ps.get(tf, "scale", false); sn != nil {
			t.Scale = ps.scale(sn, join(path, "scale"))
		}
		p.Topics = append(p.Topics, t)
	}
}

func (ps *parser) scale(n *yaml.Node, path string) *Scale {
	sf := ps.mapping(n, path, "kind", "min", "max", "min_label", "max_label")
	if sf == nil {
		return nil
	}
	s := &Scale{}
	if k := ps.text(sf, "kind", required); k != "" {
		s.Kind = ScaleKind(k)
		if s.Kind != ScaleRating && s.Kind != ScaleScore {
			ps.add(sf.vals["kind"].Line, join(path, "kind"), "%q is not a kind of scale; write rating (the interviewee's answer) or score (the panel's score)", k)
		}
	}
	lo, lok := ps.integer(sf, "min", true)
	hi, hok := ps.integer(sf, "max", true)
	s.Min, s.Max = lo, hi
	if lok && hok {
		line := sf.vals["max"].Line
		switch {
		case lo < 0:
			ps.add(sf.vals["min"].Line, join(path, "min"), "must be zero or more")
		case lo >= hi:
			ps.add(line, join(path, "max"), "must be more than min (%d); e.g. min: 0 and max: 10", lo)
		case hi-lo+1 > MaxScalePoints:
			ps.add(line, join(path, "max"), "a scale of %d points does not fit the screen; use at most %d", hi-lo+1, MaxScalePoints)
		}
	}
	s.MinLabel = ps.text(sf, "min_label", optional)
	s.MaxLabel = ps.text(sf, "max_label", optional)
	return s
}

func (ps *parser) closing(f *fields, p *Pack) {
	n := ps.get(f, "closing", true)
	if n == nil {
		return
	}
	cf := ps.mapping(n, "closing", "question", "follow_up", "thanks", "write_up_prompts")
	if cf == nil {
		return
	}
	p.Closing = Closing{
		Question: ps.text(cf, "question", required),
		FollowUp: ps.text(cf, "follow_up", optional),
		Thanks:   ps.text(cf, "thanks", required),
	}
	for i, pn := range ps.list(cf, "write_up_prompts", false) {
		if s := ps.textNode(pn, index("closing.write_up_prompts", i), required); s != "" {
			p.Closing.WriteUpPrompts = append(p.Closing.WriteUpPrompts, s)
		}
	}
}
