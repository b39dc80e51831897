package survey

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

// ErrInvalid is what every validation error of a survey file matches with errors.Is.
var ErrInvalid = errors.New("invalid survey file")

// Limits a survey file keeps to. A survey for a 7" screen stays far inside them.
const (
	// MinPoints and MaxPoints bound the scale between two statements: at least a left, a
	// middle and a right; at most what fits as large targets across 800 pixels.
	MinPoints = 3
	MaxPoints = 9
	// MaxItems bounds the list of items (the handbook's survey has 31).
	MaxItems = 100
	// MaxStatement is the most characters in one statement: two lines on the screen, about.
	MaxStatement = 300
	// MaxShortText is the most characters in a title or language.
	MaxShortText = 200
	// MaxLongText is the most characters in the purpose or the source.
	MaxLongText = 4000
	// MaxAdditions bounds the additions list.
	MaxAdditions = 30
	maxIDLength  = 64
)

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	languagePattern = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// ReadFile reads and validates the survey file at path (see Load), and returns the survey and
// the file's bytes, which an engagement keeps. Problems name the file by its base name.
func ReadFile(path string) (*Survey, []byte, error) {
	data, err := yamlfile.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read survey: %w", err)
	}
	s, err := Load(filepath.Base(path), data)
	if err != nil {
		return nil, nil, err
	}
	return s, data, nil
}

// Load parses and validates one survey file; file names it in problem messages. It returns a
// complete, valid survey with its Hash set, or nil and a *yamlfile.Error listing every problem
// (FILE:LINE: FIELD: what is wrong), which matches ErrInvalid. Nothing is half-loaded.
func Load(file string, data []byte) (*Survey, error) {
	p := &parser{yamlfile.Reader{File: file}}
	root := p.Root(data, yamlfile.Document{
		Empty:   "the file is empty; a survey needs id, version, title, language, purpose, points and items",
		Second:  "a survey file holds one YAML document; remove the second document (the line with ---)",
		Aliases: "anchors and aliases (&name, *name, <<) are not allowed in a survey; write the text out in full (this is the first)",
	})
	var s *Survey
	if root != nil {
		if root.Kind != yaml.MappingNode {
			p.Add(root.Line, "", "the file must be a set of fields (id: ..., title: ...), not %s", yamlfile.Value(root))
		} else {
			s = p.survey(root)
		}
	}
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	s.Hash = ContentHash(s)
	return s, nil
}

type parser struct{ yamlfile.Reader }

var textTags = []string{"!!str", "!!int", "!!float", "!!bool", "!!timestamp"}

func (p *parser) text(f *yamlfile.Mapping, key string, required bool, rule yamlfile.Text) string {
	n := p.Get(f, key, required)
	if n == nil {
		return ""
	}
	path := yamlfile.Join(f.Path, key)
	if n.Kind != yaml.ScalarNode || !slices.Contains(textTags, n.ShortTag()) {
		p.Add(n.Line, path, "must be text, not %s", yamlfile.Value(n))
		return ""
	}
	s := strings.TrimSpace(n.Value)
	if !p.Text(n.Line, path, s, rule) {
		return ""
	}
	if s == "" && required {
		p.Add(n.Line, path, "is empty; write the text")
	}
	return s
}

func (p *parser) id(f *yamlfile.Mapping, key string) (string, int) {
	s := p.text(f, key, true, yamlfile.Text{Max: MaxShortText})
	if s == "" {
		return "", 0
	}
	line := f.Values[key].Line
	if !idPattern.MatchString(s) || len(s) > maxIDLength {
		p.Add(line, yamlfile.Join(f.Path, key), "%q is not a valid id; use lowercase letters, digits and hyphens, starting with a letter or digit, at most %d characters (e.g. r03-crisis)", s, maxIDLength)
		return "", line
	}
	return s, line
}

func (p *parser) integer(f *yamlfile.Mapping, key string) (int, bool) {
	n := p.Get(f, key, true)
	if n == nil {
		return 0, false
	}
	return p.Int(n, yamlfile.Join(f.Path, key))
}

func (p *parser) survey(root *yaml.Node) *Survey {
	f := p.Map(root, "", "id", "version", "title", "language", "source", "purpose", "points", "items", "additions")
	s := &Survey{}
	s.ID, _ = p.id(f, "id")
	if v, ok := p.integer(f, "version"); ok {
		if v < 1 {
			p.Add(f.Values["version"].Line, "version", "must be 1 or more; raise it by one whenever the wording changes")
		}
		s.Version = v
	}
	s.Title = p.text(f, "title", true, yamlfile.Text{Max: MaxShortText})
	if lang := p.text(f, "language", true, yamlfile.Text{Max: MaxShortText}); lang != "" {
		if !languagePattern.MatchString(lang) {
			p.Add(f.Values["language"].Line, "language", "%q is not a language tag; write e.g. en-GB", lang)
		}
		s.Language = lang
	}
	s.Source = p.text(f, "source", false, yamlfile.Text{Max: MaxLongText, Lines: true})
	s.Purpose = p.text(f, "purpose", true, yamlfile.Text{Max: MaxLongText, Lines: true})
	if v, ok := p.integer(f, "points"); ok {
		if v < MinPoints || v > MaxPoints {
			p.Add(f.Values["points"].Line, "points", "is %d; a scale between two statements has %d to %d points (5 is usual)", v, MinPoints, MaxPoints)
		}
		s.Points = v
	}
	n := p.Get(f, "items", true)
	if n == nil {
		return s
	}
	if n.Kind != yaml.SequenceNode {
		p.Add(n.Line, "items", "must be a list (lines starting with -), not %s", yamlfile.Value(n))
		return s
	}
	items := n.Content
	switch {
	case len(items) == 0:
		p.Add(f.Line("items"), "items", "is an empty list; add at least one item with its left and right statements")
	case len(items) > MaxItems:
		p.Add(f.Line("items"), "items", "has %d items, more than the %d a survey may hold; split it into two surveys", len(items), MaxItems)
		items = items[:MaxItems]
	}
	ids := map[string]int{}
	statements := map[string]int{}
	for i, in := range items {
		path := yamlfile.Index("items", i)
		m := p.Map(in, path, "id", "left", "right")
		if m == nil {
			continue
		}
		it := Item{}
		var line int
		it.ID, line = p.id(m, "id")
		if it.ID != "" {
			if first, dup := ids[it.ID]; dup {
				p.Add(line, yamlfile.Join(path, "id"), "%q is used twice (first on line %d); every item needs its own id", it.ID, first)
			}
			ids[it.ID] = line
		}
		stmt := yamlfile.Text{Max: MaxStatement}
		it.Left = p.text(m, "left", true, stmt)
		it.Right = p.text(m, "right", true, stmt)
		if it.Left != "" && it.Left == it.Right {
			p.Add(m.Values["right"].Line, yamlfile.Join(path, "right"), "is the same as left; the two statements of an item must differ")
		}
		if it.Left != "" && it.Right != "" {
			key := it.Left + "\x00" + it.Right
			if first, dup := statements[key]; dup {
				p.Add(m.Node.Line, path, "repeats the item on line %d word for word; ask it once, or one answer would count twice", first)
			}
			statements[key] = m.Node.Line
		}
		s.Items = append(s.Items, it)
	}
	p.additions(f, s, ids)
	return s
}

// additions reads what the survey marks as its own. Each part must be one the survey has, and
// be marked once.
func (p *parser) additions(f *yamlfile.Mapping, s *Survey, ids map[string]int) {
	n := p.Get(f, "additions", false)
	if n == nil {
		return
	}
	if n.Kind != yaml.SequenceNode {
		p.Add(n.Line, "additions", "must be a list (lines starting with -), not %s", yamlfile.Value(n))
		return
	}
	if len(n.Content) > MaxAdditions {
		p.Add(n.Line, "additions", "has %d entries, more than %d; give the reasons of one part in one why", len(n.Content), MaxAdditions)
		return
	}
	seen := map[string]int{}
	for i, an := range n.Content {
		path := yamlfile.Index("additions", i)
		m := p.Map(an, path, "part", "why")
		if m == nil {
			continue
		}
		a := Addition{Part: p.text(m, "part", true, yamlfile.Text{Max: MaxShortText}),
			Why: p.text(m, "why", true, yamlfile.Text{Max: MaxLongText, Lines: true})}
		if a.Part == "" {
			continue
		}
		line := m.Values["part"].Line
		item, isItem := strings.CutPrefix(a.Part, "items.")
		_, known := ids[item]
		switch {
		case isItem && !known, !isItem && !slices.Contains([]string{"title", "purpose", "points", PartMinGroup}, a.Part):
			p.Add(line, yamlfile.Join(path, "part"), "%q names no part of this survey; write title, purpose, points, %s or items.<id>", a.Part, PartMinGroup)
		case seen[a.Part] > 0:
			p.Add(line, yamlfile.Join(path, "part"), "%q is already marked on line %d; give both reasons in one why", a.Part, seen[a.Part])
		}
		seen[a.Part] = line
		s.Additions = append(s.Additions, a)
	}
}
