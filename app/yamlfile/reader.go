package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

var syntaxLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Reader collects every problem in one file rather than stopping at the first. The zero value
// with File set is ready to use.
type Reader struct {
	File     string // names the file in every problem
	problems []Problem
}

// Add records a problem at line (1 when line is not positive) with a message made from format
// and args.
func (r *Reader) Add(line int, field, format string, args ...any) {
	if line < 1 {
		line = 1
	}
	r.problems = append(r.problems, Problem{File: r.File, Line: line, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Err returns nil when no problem was recorded, and otherwise an *Error holding every problem
// in line order (problems on one line keep the order they were found in) that matches sentinel.
// Past MaxProblems, the rest are one last problem that says how many there are.
func (r *Reader) Err(sentinel error) error {
	if len(r.problems) == 0 {
		return nil
	}
	ps := slices.Clone(r.problems)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
	if rest := len(ps) - MaxProblems; rest > 0 {
		ps = append(ps[:MaxProblems], Problem{File: r.File, Line: ps[MaxProblems].Line,
			Message: fmt.Sprintf("and %d more problems from this line on; fix the ones above and check again", rest)})
	}
	return &Error{Problems: ps, Sentinel: sentinel}
}

// Document words the problems with a file's YAML as a whole, in the voice of the file's owner.
type Document struct {
	Empty  string // the file holds no document, e.g. "the file is empty; write at least room_name"
	Second string // the file holds a second document after ---
	// Aliases words the one problem reported for a file with anchors or aliases (&name, *name,
	// <<), at the first of them.
	Aliases string
}

// Root parses data as one YAML document and returns its top node, or nil after recording why
// not: a file over MaxFileSize, bytes that are not UTF-8 text (reported at their own line and
// column), control or text-direction characters anywhere in the file, a syntax error, an empty
// file, a second document, or anchors and aliases. The top node may be of any kind, null
// included: what it must be is the caller's rule.
//
// Anchors and aliases are refused in every file: each value is written out where it applies,
// and an alias bomb (a few lines that expand to billions of values) is one problem, not pages.
func (r *Reader) Root(data []byte, d Document) *yaml.Node {
	if !r.checkBytes(data) {
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			r.Add(1, "", "%s", d.Empty)
		} else {
			r.syntax(err)
		}
		return nil
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		r.Add(extra.Line, "", "%s", d.Second)
		return nil
	case !errors.Is(err, io.EOF):
		r.syntax(err)
		return nil
	}
	if len(doc.Content) == 0 {
		r.Add(1, "", "%s", d.Empty)
		return nil
	}
	if n, path := firstAlias(doc.Content[0], ""); n != nil {
		r.Add(n.Line, path, "%s", d.Aliases)
		return nil
	}
	return doc.Content[0]
}

// firstAlias returns the first node, in the file's order, that is an alias or has an anchor,
// and its field path; nil when there is none. It does not follow aliases.
func firstAlias(n *yaml.Node, path string) (*yaml.Node, string) {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n, path
	}
	for i, c := range n.Content {
		p := path
		switch {
		case n.Kind == yaml.SequenceNode:
			p = Index(path, i)
		case n.Kind == yaml.MappingNode && i%2 == 1:
			p = Join(path, n.Content[i-1].Value)
		}
		if a, ap := firstAlias(c, p); a != nil {
			return a, ap
		}
	}
	return nil, ""
}

// syntax records a YAML syntax error on the line the library names, or on line 1.
func (r *Reader) syntax(err error) {
	msg := err.Error()
	line := 1
	if m := syntaxLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	r.Add(line, "", "YAML syntax error: %s; check the indentation and quoting on or near this line", msg)
}

// Mapping is one YAML mapping read as named fields.
type Mapping struct {
	Node   *yaml.Node
	Path   string                // the mapping's own field path, "" for the top level
	Values map[string]*yaml.Node // the accepted fields' values, by name
	Keys   map[string]*yaml.Node // the accepted fields' keys, by name
}

// Line is the line of a field's key, or of the mapping when the field is absent. Problems with
// a field as a whole (a list that is too short) point there rather than at its first item.
func (m *Mapping) Line(name string) int {
	if k, ok := m.Keys[name]; ok {
		return k.Line
	}
	return m.Node.Line
}

// Fields is the rule for one mapping: the fields it may hold and the words for the problems.
type Fields struct {
	Known []string
	// NotText words a field name that is not plain text, e.g. "a field name must be plain
	// text"; ", not " and a description of the key follow.
	NotText string
	// Unknown is the whole message for a field not in Known, e.g. "unknown field; the fields
	// here are " + List(Known).
	Unknown string
	// Check, when set, sees every field that is not a repeat before it is checked against
	// Known (known says whether it is in Known). It may refuse the field by recording its own
	// problem and returning true: the enrolment file refuses credentials this way.
	Check func(key, value *yaml.Node, field string, known bool) bool
}

// Fields reads n, which must be a mapping, against rule. Each key is checked in this order:
// a name that is not plain text, a name given before (reported on the repeat, naming the first
// key's line), Check, and a name not in rule.Known. The fields that pass are returned.
func (r *Reader) Fields(n *yaml.Node, path string, rule Fields) *Mapping {
	m := &Mapping{Node: n, Path: path, Values: map[string]*yaml.Node{}, Keys: map[string]*yaml.Node{}}
	keyLine := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		field := Join(path, name)
		if k.Kind != yaml.ScalarNode {
			r.Add(k.Line, path, "%s, not %s", rule.NotText, Describe(k))
			continue
		}
		if msg := textProblem(name, Text{}); msg != "" {
			r.Add(k.Line, path, "%s; this one %s", rule.NotText, msg)
			continue
		}
		if n := utf8.RuneCountInString(name); n > MaxFieldName {
			r.Add(k.Line, path, "a field name is at most %d characters; this one has %d (check the spelling)", MaxFieldName, n)
			continue
		}
		if first, dup := keyLine[name]; dup {
			r.Add(k.Line, field, "appears twice (first on line %d); keep one", first)
			continue
		}
		keyLine[name] = k.Line
		known := slices.Contains(rule.Known, name)
		switch {
		case rule.Check != nil && rule.Check(k, v, field, known):
		case !known:
			r.Add(k.Line, field, "%s", rule.Unknown)
		default:
			m.Values[name] = v
			m.Keys[name] = k
		}
	}
	return m
}

// Describe names what a node holds, for messages such as "must be text, not a list".
func Describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if IsNull(n) {
		return "nothing"
	}
	const most = 40 // characters: enough to recognise the value
	if v := []rune(n.Value); len(v) > most {
		return fmt.Sprintf("the value %q", string(v[:most])+"...")
	}
	return fmt.Sprintf("the value %q", n.Value)
}

// IsNull reports whether n is a null scalar: ~, null, or no value at all.
func IsNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// Join is the path of field name inside path.
func Join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// Index is the path of item i (from 0) of the list at path.
func Index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// List writes names for a message: "a", "a and b", "a, b and c".
func List(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// Value names what a field's value holds, as Describe does, but calls a null value "empty":
// the words of a field that was left blank.
func Value(n *yaml.Node) string {
	if IsNull(n) {
		return "empty"
	}
	return Describe(n)
}

// Map checks that n is a mapping holding only the known fields, each once (Fields), and
// reports a value of another kind with the fields it should hold; nil then.
func (r *Reader) Map(n *yaml.Node, path string, known ...string) *Mapping {
	if n.Kind != yaml.MappingNode {
		r.Add(n.Line, path, "must be a set of fields (%s), not %s", strings.Join(known, ", "), Value(n))
		return nil
	}
	return r.Fields(n, path, Fields{
		Known:   known,
		NotText: "a field name must be a plain word",
		Unknown: "unknown field; the fields allowed here are " + strings.Join(known, ", ") + " (check the spelling)",
	})
}

// Get returns the value of a field of f, or nil when it is absent or null. A required field
// that is absent or null is reported, on its own line when it is there.
func (r *Reader) Get(f *Mapping, key string, required bool) *yaml.Node {
	v, ok := f.Values[key]
	if ok && !IsNull(v) {
		return v
	}
	if required {
		if ok {
			r.Add(v.Line, Join(f.Path, key), "is empty; fill it in")
		} else {
			r.Add(f.Node.Line, Join(f.Path, key), "is missing; add it")
		}
	}
	return nil
}

// Int reads the whole number n holds, reporting anything else at path.
func (r *Reader) Int(n *yaml.Node, path string) (int, bool) {
	var v int
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&v) != nil {
		r.Add(n.Line, path, "must be a whole number (without quotes), not %s", Value(n))
		return 0, false
	}
	return v, true
}
