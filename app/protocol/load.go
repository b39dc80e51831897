package protocol

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"quietroom/app/yamlfile"
)

// Limits a pack must keep to. They catch typing slips (300 minutes for 30) and keep every pack
// usable on a 7" touchscreen.
const (
	// MinDurationMinutes and MaxDurationMinutes bound a planned session; the session engine
	// and the set-up screen take the same bounds from here, so every pack that passes can start.
	MinDurationMinutes = 5
	MaxDurationMinutes = 240
	MaxPriority        = 9
	MaxScalePoints     = 21 // e.g. 0-20; a 0-10 scale has 11 points
	// MaxScaleValue bounds a scale's min and max on their own, before the points between them
	// are counted, so that no pair of numbers can overflow the count; no rating or score
	// goes near it.
	MaxScaleValue = 1000
	maxIDLength   = 64
)

// Limits on how much a pack holds. A pack written for a 7" screen stays far inside them; they
// turn a wrong or hostile file into one clear problem instead of a screen, a memory or a
// terminal filled with it. The file as a whole is at most yamlfile.MaxFileSize bytes.
const (
	// MaxShortText is the most characters in a title, page title, scale label, language or
	// kind: one line on the screen (the longest built-in title has under 80).
	MaxShortText = 200
	// MaxLongText is the most characters in a question, guidance, probe, consent point,
	// preamble page, closing text or source: about a printed page (the built-in packs' longest
	// is a preamble page of under 600).
	MaxLongText = 4000
	// MaxPreamblePages, MaxConsentPoints, MaxTopics, MaxProbes (per topic), MaxWriteUpPrompts,
	// MaxWarnings, MaxGuidancePoints (interviewer_guidance) and MaxAdditions bound the lists;
	// the built-in packs use at most 8, 3, 24, 7, 9, 2, 13 and 9.
	MaxPreamblePages  = 20
	MaxConsentPoints  = 20
	MaxTopics         = 100
	MaxProbes         = 30
	MaxWriteUpPrompts = 30
	MaxWarnings       = 10
	MaxGuidancePoints = 30
	MaxAdditions      = 30
)

// DefaultWarningMinutes are the timer warnings a pack gets when its file names none: 10 and 5
// minutes left. The session engine uses them too for a pack made in code without warnings.
var DefaultWarningMinutes = []int{10, 5}

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	languagePattern = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// LoadFile reads and validates the pack file at path. See Load. A folder is an error that says
// to name a pack file instead.
func LoadFile(path string) (*Pack, error) {
	data, err := yamlfile.ReadFile(path)
	if errors.Is(err, yamlfile.ErrFolder) {
		return nil, fmt.Errorf("%s: is a folder, not a pack file; name the pack's .yaml file (all the packs in it: %s)", path, filepath.Join(path, "*.yaml"))
	}
	if err != nil {
		return nil, fmt.Errorf("read pack: %w", err)
	}
	return Load(path, data)
}

// Load parses and validates one pack file; file names it in problem messages. It returns either
// a complete, valid pack with its Hash set, or nil and a *ValidationError listing every problem
// found (which matches ErrInvalid).
func Load(file string, data []byte) (*Pack, error) {
	ps := &parser{yamlfile.Reader{File: file}}
	root := ps.document(data)
	var p *Pack
	if root != nil {
		p = ps.pack(root)
	}
	if err := ps.Err(ErrInvalid); err != nil {
		return nil, err
	}
	p.Hash = ContentHash(p)
	return p, nil
}

// parser reads one pack file, collecting every problem.
type parser struct {
	yamlfile.Reader
}

// document parses the YAML and returns the root mapping, or nil after recording why not.
func (ps *parser) document(data []byte) *yaml.Node {
	root := ps.Root(data, yamlfile.Document{
		Empty:   "the file is empty; a pack needs at least id, version, title, language, kind, duration_minutes, preamble, consent, topics and closing",
		Second:  "a pack file holds one YAML document; remove the second document (the line with ---) or put it in its own file",
		Aliases: "anchors and aliases (&name, *name, <<) are not allowed in a pack; write the text out in full (this is the first)",
	})
	if root == nil {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		ps.Add(root.Line, "", "the file must be a set of fields (id: ..., title: ...), not %s", yamlfile.Value(root))
		return nil
	}
	return root
}

// fields is one YAML mapping checked against the fields it may hold.
type fields = yamlfile.Mapping

type textRule int

const (
	optional textRule = iota
	required
	requiredWithPlaceholders
)

// The sizes of text: short is one line (titles, labels), long a paragraph or more.
var (
	short = yamlfile.Text{Max: MaxShortText}
	long  = yamlfile.Text{Max: MaxLongText, Lines: true}
)

// text reads a text field, trimmed of surrounding space.
func (ps *parser) text(f *fields, key string, rule textRule, size yamlfile.Text) string {
	n := ps.Get(f, key, rule != optional)
	if n == nil {
		return ""
	}
	return ps.textNode(n, yamlfile.Join(f.Path, key), rule, size)
}

var textTags = []string{"!!str", "!!int", "!!float", "!!bool", "!!timestamp"}

func (ps *parser) textNode(n *yaml.Node, path string, rule textRule, size yamlfile.Text) string {
	if n.Kind != yaml.ScalarNode || !slices.Contains(textTags, n.ShortTag()) {
		if yamlfile.IsNull(n) {
			ps.Add(n.Line, path, "is empty; write the text")
		} else {
			ps.Add(n.Line, path, "must be text, not %s", yamlfile.Value(n))
		}
		return ""
	}
	s := strings.TrimSpace(n.Value)
	if !ps.Text(n.Line, path, s, size) {
		return ""
	}
	if s == "" {
		ps.Add(n.Line, path, "is empty; write the text")
		return ""
	}
	for _, ph := range placeholderPattern.FindAllString(s, -1) {
		switch {
		case rule != requiredWithPlaceholders:
			ps.Add(n.Line, path, "placeholder %s is filled in only in preamble pages; write the text out here", ph)
		case !slices.Contains(Placeholders, ph):
			ps.Add(n.Line, path, "unknown placeholder %s; the placeholders are %s", ph, strings.Join(Placeholders, ", "))
		}
	}
	return s
}

func (ps *parser) id(f *fields, key string) string {
	n := ps.Get(f, key, true)
	if n == nil {
		return ""
	}
	path := yamlfile.Join(f.Path, key)
	s := ps.textNode(n, path, required, short)
	if s == "" {
		return ""
	}
	if !idPattern.MatchString(s) || len(s) > maxIDLength {
		ps.Add(n.Line, path, "%q is not a valid id; use lowercase letters, digits and hyphens, starting with a letter or digit, at most %d characters (e.g. open-to-feedback)", s, maxIDLength)
		return ""
	}
	return s
}

// integer reads a whole number; ok is false when the field is absent or wrong (reported).
func (ps *parser) integer(f *fields, key string, req bool) (v int, present bool) {
	n := ps.Get(f, key, req)
	if n == nil {
		return 0, false
	}
	return ps.Int(n, yamlfile.Join(f.Path, key))
}

// boolean reads true or false; ok is false when the value is wrong (reported).
func (ps *parser) boolean(f *fields, key string) (v, ok bool) {
	n := ps.Get(f, key, false)
	if n == nil {
		return false, true
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&v) != nil {
		ps.Add(n.Line, yamlfile.Join(f.Path, key), "must be true or false, not %s", yamlfile.Value(n))
		return false, false
	}
	return v, true
}

// list reads a list field; absent or null is an empty list, reported when required. A list
// longer than most is reported, with advice on what to do, and only its first most entries
// are returned.
func (ps *parser) list(f *fields, key string, req bool, most int, advice string) []*yaml.Node {
	n := ps.Get(f, key, req)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		ps.Add(n.Line, yamlfile.Join(f.Path, key), "must be a list (lines starting with -), not %s", yamlfile.Value(n))
		return nil
	}
	if req && len(n.Content) == 0 {
		ps.Add(f.Line(key), yamlfile.Join(f.Path, key), "is an empty list; add at least one entry")
	}
	if len(n.Content) > most {
		ps.Add(f.Line(key), yamlfile.Join(f.Path, key), "has %d entries, more than the %d a pack may hold; %s", len(n.Content), most, advice)
		return n.Content[:most]
	}
	return n.Content
}

func (ps *parser) pack(root *yaml.Node) *Pack {
	f := ps.Map(root, "", "id", "version", "title", "language", "kind", "source",
		"duration_minutes", "warning_minutes", "interviewer_guidance", "preamble", "consent", "topics",
		"closing", "additions")
	p := &Pack{}
	p.ID = ps.id(f, "id")
	if v, ok := ps.integer(f, "version", true); ok {
		if v < 1 {
			ps.Add(f.Values["version"].Line, "version", "must be 1 or more; raise it by one whenever the wording changes")
		}
		p.Version = v
	}
	p.Title = ps.text(f, "title", required, short)
	if lang := ps.text(f, "language", required, short); lang != "" {
		if !languagePattern.MatchString(lang) {
			ps.Add(f.Values["language"].Line, "language", "%q is not a language tag; write e.g. en-GB", lang)
		}
		p.Language = lang
	}
	if k := ps.text(f, "kind", required, short); k != "" {
		p.Kind = Kind(k)
		if p.Kind != KindInterview && p.Kind != KindPanel {
			ps.Add(f.Values["kind"].Line, "kind", "%q is not a kind of pack; write interview or panel", k)
		}
	}
	p.Source = ps.text(f, "source", optional, long)
	ps.timing(f, p)
	ps.interviewerGuidance(f, p)
	ps.preamble(f, p)
	ps.consent(f, p)
	ps.topics(f, p)
	ps.closing(f, p)
	ps.additions(f, p) // last: an addition names a part of the rest
	return p
}

func (ps *parser) interviewerGuidance(f *fields, p *Pack) {
	for i, n := range ps.list(f, "interviewer_guidance", false, MaxGuidancePoints, "keep the points that help most") {
		if s := ps.textNode(n, yamlfile.Index("interviewer_guidance", i), required, long); s != "" {
			p.InterviewerGuidance = append(p.InterviewerGuidance, s)
		}
	}
}

// additions reads the parts the pack adds to its source. Each must name a part the pack has,
// once.
func (ps *parser) additions(f *fields, p *Pack) {
	seen := map[string]int{}
	for i, n := range ps.list(f, "additions", false, MaxAdditions, "say the reasons of one part in one why") {
		path := yamlfile.Index("additions", i)
		af := ps.Map(n, path, "part", "why")
		if af == nil {
			continue
		}
		a := Addition{Part: ps.text(af, "part", required, short), Why: ps.text(af, "why", required, long)}
		if a.Part != "" {
			line := af.Values["part"].Line
			if _, ok := p.Part(a.Part); !ok {
				ps.Add(line, yamlfile.Join(path, "part"), "%q names no part of this pack; write e.g. consent.follow-up, topics.<id>.scale, topics.*.scale, preamble[0] or closing.question", a.Part)
			} else if first, dup := seen[a.Part]; dup {
				ps.Add(line, yamlfile.Join(path, "part"), "%q is already marked by the addition on line %d; give both reasons in one why", a.Part, first)
			} else {
				seen[a.Part] = line
			}
		}
		p.Additions = append(p.Additions, a)
	}
}

func (ps *parser) timing(f *fields, p *Pack) {
	d, dok := ps.integer(f, "duration_minutes", true)
	if dok {
		line := f.Values["duration_minutes"].Line
		switch {
		case d < MinDurationMinutes:
			ps.Add(line, "duration_minutes", "must be at least %d minutes (e.g. 30)", MinDurationMinutes)
			dok = false
		case d > MaxDurationMinutes:
			ps.Add(line, "duration_minutes", "%d minutes is longer than %d; check the number", d, MaxDurationMinutes)
			dok = false
		}
		p.DurationMinutes = d
	}
	wn := ps.Get(f, "warning_minutes", false)
	if wn == nil {
		if _, given := f.Values["warning_minutes"]; given {
			// An explicit null reads as "no warnings", like an empty list.
			p.WarningMinutes = []int{}
			return
		}
		p.WarningMinutes = append([]int(nil), DefaultWarningMinutes...)
		if dok && d <= DefaultWarningMinutes[0] {
			ps.Add(f.Values["duration_minutes"].Line, "warning_minutes", "the default warnings (%v minutes left) must be below the duration of %d minutes; set warning_minutes to smaller numbers, or [] for none", DefaultWarningMinutes, d)
		}
		return
	}
	items := ps.list(f, "warning_minutes", false, MaxWarnings, "keep the few warnings that help, e.g. [10, 5]")
	p.WarningMinutes = []int{}
	for i, n := range items {
		path := yamlfile.Index("warning_minutes", i)
		w, ok := ps.Int(n, path)
		if !ok {
			continue
		}
		switch {
		case w <= 0:
			ps.Add(n.Line, path, "must be more than zero minutes left")
		case dok && w >= d:
			ps.Add(n.Line, path, "%d minutes left must be below the duration of %d minutes", w, d)
		case len(p.WarningMinutes) > 0 && w >= p.WarningMinutes[len(p.WarningMinutes)-1]:
			ps.Add(n.Line, path, "must be smaller than the warning before it (%d); list the warnings largest first, each once", p.WarningMinutes[len(p.WarningMinutes)-1])
		}
		p.WarningMinutes = append(p.WarningMinutes, w)
	}
}

func (ps *parser) preamble(f *fields, p *Pack) {
	items := ps.list(f, "preamble", true, MaxPreamblePages, "put the text on fewer pages")
	saysDate := false
	for i, n := range items {
		pf := ps.Map(n, yamlfile.Index("preamble", i), "title", "text")
		if pf == nil {
			continue
		}
		pg := Page{
			Title: ps.text(pf, "title", requiredWithPlaceholders, short),
			Text:  ps.text(pf, "text", requiredWithPlaceholders, long),
		}
		saysDate = saysDate || strings.Contains(pg.Title+pg.Text, PlaceholderDeletionDate)
		p.Preamble = append(p.Preamble, pg)
	}
	if len(items) > 0 && !saysDate {
		ps.Add(f.Line("preamble"), "preamble", "no page tells the interviewee when the records will be deleted; add %s to a page's text", PlaceholderDeletionDate)
	}
}

func (ps *parser) consent(f *fields, p *Pack) {
	items := ps.list(f, "consent", true, MaxConsentPoints, "join points the interviewee would answer together")
	type first struct {
		index     int // in p.Consent
		path      string
		itemLine  int
		line      int // of the item's required field, or of the item
		checkable bool
	}
	seen := map[string]first{}
	for i, n := range items {
		path := yamlfile.Index("consent", i)
		cf := ps.Map(n, path, "id", "text", "required")
		if cf == nil {
			continue
		}
		c := ConsentPoint{ID: ps.id(cf, "id"), Text: ps.text(cf, "text", required, long)}
		var reqOK bool
		c.Required, reqOK = ps.boolean(cf, "required")
		if c.ID != "" {
			if prev, dup := seen[c.ID]; dup {
				ps.Add(cf.Values["id"].Line, yamlfile.Join(path, "id"), "%q is already used by the consent point on line %d; give each point its own id", c.ID, prev.itemLine)
			} else {
				line := n.Line
				if r, ok := cf.Values["required"]; ok {
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
			ps.Add(f.Line("consent"), "consent", "the required consent point %q is missing; add it with required: true", id)
		case c.checkable && !p.Consent[c.index].Required:
			ps.Add(c.line, yamlfile.Join(c.path, "required"), "the consent point %q must be required; set required: true", id)
		}
	}
}

func (ps *parser) topics(f *fields, p *Pack) {
	items := ps.list(f, "topics", true, MaxTopics, "split the pack into smaller ones")
	seen := map[string]int{}
	for i, n := range items {
		path := yamlfile.Index("topics", i)
		tf := ps.Map(n, path, "id", "question", "guidance", "probes", "priority", "scale")
		if tf == nil {
			continue
		}
		t := Topic{ID: ps.id(tf, "id"), Question: ps.text(tf, "question", required, long), Guidance: ps.text(tf, "guidance", optional, long), Priority: 1}
		if t.ID != "" {
			if first, dup := seen[t.ID]; dup {
				ps.Add(tf.Values["id"].Line, yamlfile.Join(path, "id"), "%q is already used by the topic on line %d; give each topic its own id", t.ID, first)
			} else {
				seen[t.ID] = tf.Values["id"].Line
			}
		}
		for j, pn := range ps.list(tf, "probes", false, MaxProbes, "keep the probes that help most") {
			if s := ps.textNode(pn, yamlfile.Index(yamlfile.Join(path, "probes"), j), required, long); s != "" {
				t.Probes = append(t.Probes, s)
			}
		}
		if pr, ok := ps.integer(tf, "priority", false); ok {
			if pr < 1 || pr > MaxPriority {
				ps.Add(tf.Values["priority"].Line, yamlfile.Join(path, "priority"), "must be between 1 (asked first) and %d (dropped first when time runs short)", MaxPriority)
			}
			t.Priority = pr
		}
		if sn := ps.Get(tf, "scale", false); sn != nil {
			t.Scale = ps.scale(sn, yamlfile.Join(path, "scale"))
		}
		p.Topics = append(p.Topics, t)
	}
}

func (ps *parser) scale(n *yaml.Node, path string) *Scale {
	sf := ps.Map(n, path, "kind", "min", "max", "min_label", "max_label")
	if sf == nil {
		return nil
	}
	s := &Scale{}
	if k := ps.text(sf, "kind", required, short); k != "" {
		s.Kind = ScaleKind(k)
		if s.Kind != ScaleRating && s.Kind != ScaleScore {
			ps.Add(sf.Values["kind"].Line, yamlfile.Join(path, "kind"), "%q is not a kind of scale; write rating (the interviewee's answer) or score (the panel's score)", k)
		}
	}
	lo, lok := ps.integer(sf, "min", true)
	hi, hok := ps.integer(sf, "max", true)
	s.Min, s.Max = lo, hi
	if lok && hok {
		line, minLine := sf.Values["max"].Line, sf.Values["min"].Line
		switch {
		case lo < 0:
			ps.Add(minLine, yamlfile.Join(path, "min"), "must be zero or more")
		case lo > MaxScaleValue:
			ps.Add(minLine, yamlfile.Join(path, "min"), "must be at most %d; a scale runs between small whole numbers, e.g. min: 0 and max: 10", MaxScaleValue)
		case hi > MaxScaleValue:
			ps.Add(line, yamlfile.Join(path, "max"), "must be at most %d; a scale runs between small whole numbers, e.g. min: 0 and max: 10", MaxScaleValue)
		case lo >= hi:
			ps.Add(line, yamlfile.Join(path, "max"), "must be more than min (%d); e.g. min: 0 and max: 10", lo)
		case hi-lo+1 > MaxScalePoints:
			ps.Add(line, yamlfile.Join(path, "max"), "a scale of %d points does not fit the screen; use at most %d", hi-lo+1, MaxScalePoints)
		}
	}
	s.MinLabel = ps.text(sf, "min_label", optional, short)
	s.MaxLabel = ps.text(sf, "max_label", optional, short)
	return s
}

func (ps *parser) closing(f *fields, p *Pack) {
	n := ps.Get(f, "closing", true)
	if n == nil {
		return
	}
	cf := ps.Map(n, "closing", "question", "follow_up", "thanks", "write_up_prompts")
	if cf == nil {
		return
	}
	p.Closing = Closing{
		Question: ps.text(cf, "question", required, long),
		FollowUp: ps.text(cf, "follow_up", optional, long),
		Thanks:   ps.text(cf, "thanks", required, long),
	}
	for i, pn := range ps.list(cf, "write_up_prompts", false, MaxWriteUpPrompts, "keep the prompts that help most") {
		if s := ps.textNode(pn, yamlfile.Index("closing.write_up_prompts", i), required, long); s != "" {
			p.Closing.WriteUpPrompts = append(p.Closing.WriteUpPrompts, s)
		}
	}
}
