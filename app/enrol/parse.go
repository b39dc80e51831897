package enrol

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"quietroom/hw"
)

// Limits of the fields.
const (
	MaxRoomName = 60 // characters: fits the Home screen's title on the 7" display
	MinDebounce = 5 * time.Millisecond
	MaxDebounce = time.Second
)

var (
	syntaxLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	// linePattern is a header GPIO line by its kernel name. GPIO0 and GPIO1 are the HAT EEPROM's
	// I2C bus and GPIO28 and up are not on the header.
	linePattern = regexp.MustCompile(`^GPIO([2-9]|1[0-9]|2[0-7])$`)
	zonePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$`)
)

// credentialKeys are fields someone might add to hand the admin credential over. They are
// refused: the credential is typed on the screen, never kept in a file.
var credentialKeys = map[string]bool{
	"admin": true, "admin_pin": true, "admin_passphrase": true, "admin_password": true,
	"admin_credential": true, "pin": true, "passphrase": true, "password": true, "credential": true,
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

func (ps *parser) err() error {
	if len(ps.problems) == 0 {
		return nil
	}
	sort.SliceStable(ps.problems, func(i, j int) bool { return ps.problems[i].Line < ps.problems[j].Line })
	return &ValidationError{Problems: ps.problems}
}

// document parses the YAML and returns the root mapping, or nil after recording why not.
func (ps *parser) document(data []byte, what string) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			ps.add(1, "", "the file is empty; %s", what)
		} else {
			ps.syntax(err)
		}
		return nil
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		ps.add(extra.Line, "", "the file holds one YAML document; remove the second one (from the line with ---)")
		return nil
	case !errors.Is(err, io.EOF):
		ps.syntax(err)
		return nil
	}
	if len(doc.Content) == 0 {
		ps.add(1, "", "the file is empty; %s", what)
		return nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		ps.add(root.Line, "", "the file is empty; %s", what)
		return nil
	}
	if root.Kind != yaml.MappingNode {
		ps.add(root.Line, "", "the file must be a set of fields (room_name: ..., hw: ...), not %s", describe(root))
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

// fields returns a mapping's values by key, reporting duplicate, unknown and credential keys.
// known lists the accepted keys in the order the message names them.
func (ps *parser) fields(m *yaml.Node, path string, known []string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	keyLine := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		name := k.Value
		field := join(path, name)
		if k.Kind != yaml.ScalarNode {
			ps.add(k.Line, path, "a field name must be plain text, not %s", describe(k))
			continue
		}
		if first, dup := keyLine[name]; dup {
			ps.add(k.Line, field, "appears twice (first on line %d); keep one", first)
			continue
		}
		keyLine[name] = k.Line
		switch {
		case credentialKeys[strings.ToLower(name)]:
			ps.add(k.Line, field, "never put the admin credential in a file: delete this line; the first-boot wizard asks for it on the screen")
		case !contains(known, name):
			ps.add(k.Line, field, "unknown field; the fields here are %s", list(known))
		case v.Kind == yaml.AliasNode || v.Anchor != "":
			ps.add(v.Line, field, "YAML anchors and aliases (& and *) are not used here; write the value out")
		default:
			out[name] = v
		}
	}
	return out
}

// text returns a scalar's text, or false after recording why it is not one.
func (ps *parser) text(n *yaml.Node, field, example string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		ps.add(n.Line, field, "needs a value such as %s, not %s", example, describe(n))
		return "", false
	}
	return n.Value, true
}

// onOff reads a radio switch: on or off (true/false and yes/no also do).
func (ps *parser) onOff(n *yaml.Node, field string) (bool, bool) {
	s, ok := ps.text(n, field, "on or off")
	if !ok {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "on", "true", "yes":
		return true, true
	case "off", "false", "no":
		return false, true
	}
	ps.add(n.Line, field, "%q is not on or off; write on or off", s)
	return false, false
}

// roomName checks the room's name as the Home screen shows it.
func (ps *parser) roomName(n *yaml.Node, field string) (string, bool) {
	s, ok := ps.text(n, field, `"Interview room 2"`)
	if !ok {
		return "", false
	}
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		ps.add(n.Line, field, "is empty; write the room's name as people know it, or delete the line and set it in the first-boot wizard")
		return "", false
	case !utf8.ValidString(s):
		ps.add(n.Line, field, "is not valid UTF-8 text; save the file as UTF-8")
		return "", false
	case utf8.RuneCountInString(s) > MaxRoomName:
		ps.add(n.Line, field, "is %d characters long; keep it to %d so it fits the screen", utf8.RuneCountInString(s), MaxRoomName)
		return "", false
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		ps.add(n.Line, field, "holds a line break or control character; write the name on one line")
		return "", false
	}
	return s, true
}

// hw reads the light and button settings into d, checking them together.
func (ps *parser) hw(n *yaml.Node, field string, d *Device) {
	if n.Kind != yaml.MappingNode {
		ps.add(n.Line, field, "must be a set of fields (indicator_wiring: ..., button_line: ...), not %s", describe(n))
		return
	}
	f := ps.fields(n, field, []string{"indicator_wiring", "indicator_lines", "indicator_polarity", "button_line", "button_debounce"})
	wiringOK := true
	if v, ok := f["indicator_wiring"]; ok {
		wiringOK = false
		if s, ok := ps.text(v, join(field, "indicator_wiring"), "two-colour"); ok {
			w, err := hw.ParseWiring(s)
			if err != nil {
				ps.add(v.Line, join(field, "indicator_wiring"), "%q is not a wiring; write single, two-colour or rgb", s)
			} else {
				d.Wiring, wiringOK = w, true
			}
		}
	}
	if v, ok := f["indicator_polarity"]; ok {
		if s, ok := ps.text(v, join(field, "indicator_polarity"), "active-high"); ok {
			p, err := hw.ParsePolarity(s)
			if err != nil {
				ps.add(v.Line, join(field, "indicator_polarity"), "%q is not a polarity; write active-high (LED from the line to ground) or active-low (LED from 3.3 V to the line)", s)
			} else {
				d.Polarity = p
			}
		}
	}
	lineAt := map[string]int{}
	if v, ok := f["indicator_lines"]; ok {
		lf := join(field, "indicator_lines")
		var items []*yaml.Node
		switch v.Kind {
		case yaml.SequenceNode:
			items = v.Content
		case yaml.ScalarNode:
			if v.Tag != "!!null" {
				items = []*yaml.Node{v}
			}
		}
		if len(items) == 0 {
			ps.add(v.Line, lf, "needs the light's lines, red first, e.g. [GPIO17, GPIO22]; or delete the line for the wiring's defaults")
		}
		var lines []string
		good := true
		for i, it := range items {
			itf := lf
			if v.Kind == yaml.SequenceNode {
				itf = fmt.Sprintf("%s[%d]", lf, i)
			}
			s, ok := ps.text(it, itf, "GPIO17")
			if !ok {
				good = false
				continue
			}
			if !linePattern.MatchString(s) {
				ps.add(it.Line, itf, "%q is not a header GPIO line; use the kernel name GPIO2 to GPIO27 (GPIO17 is physical pin 11), not a pin number", s)
				good = false
				continue
			}
			if first, dup := lineAt[s]; dup {
				ps.add(it.Line, itf, "%s is already used on line %d; each colour needs its own line", s, first)
				good = false
				continue
			}
			lineAt[s] = it.Line
			lines = append(lines, s)
		}
		if good && len(items) > 0 && wiringOK {
			if want := len(d.Wiring.Channels()); len(lines) != want {
				ps.add(v.Line, lf, "the %s wiring needs %d lines (%s, in that order), not %d; list one per colour or change indicator_wiring",
					d.Wiring, want, strings.Join(d.Wiring.Channels(), ", "), len(lines))
			} else {
				d.Lines = lines
			}
		}
	} else if wiringOK {
		for _, l := range d.lines() {
			lineAt[l] = n.Line
		}
	}
	if v, ok := f["button_line"]; ok {
		bf := join(field, "button_line")
		if s, ok := ps.text(v, bf, "GPIO27 or none"); ok {
			switch {
			case strings.EqualFold(s, "none"):
				d.Button = "none"
			case !linePattern.MatchString(s):
				ps.add(v.Line, bf, "%q is not a header GPIO line; use the kernel name GPIO2 to GPIO27 (GPIO27 is physical pin 13), or none", s)
			case lineAt[s] != 0:
				ps.add(v.Line, bf, "%s is also one of the light's lines; the button needs its own line", s)
			default:
				d.Button = s
			}
		}
	} else if _, clash := lineAt[DefaultButton]; clash {
		ps.add(n.Line, join(field, "button_line"), "the light uses %s, the button's default line; set button_line to another line or none", DefaultButton)
	}
	if v, ok := f["button_debounce"]; ok {
		df := join(field, "button_debounce")
		if s, ok := ps.text(v, df, "50ms"); ok {
			dur, err := time.ParseDuration(strings.TrimSpace(s))
			switch {
			case err != nil:
				ps.add(v.Line, df, "%q is not a duration; write it like 50ms", s)
			case dur < MinDebounce || dur > MaxDebounce:
				ps.add(v.Line, df, "%v is outside %v to %v; 50ms suits most buttons", dur, MinDebounce, MaxDebounce)
			default:
				d.Debounce = dur
			}
		}
	}
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return fmt.Sprintf("the value %q", n.Value)
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func list(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
