package enrol

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"quietroom/app/yamlfile"
	"quietroom/hw"
)

// Limits of the fields. The file as a whole is at most yamlfile.MaxFileSize bytes.
const (
	MaxRoomName = 60 // characters: fits the Home screen's title on the 7" display
	// MaxValue is the most characters in any value. The longest real one is a time zone name
	// of about 30; a longer value is a paste gone wrong, and is refused before it is looked up
	// or quoted in a message.
	MaxValue = 100
	// MaxIndicatorLines is the most lines a light has: red, green and blue.
	MaxIndicatorLines = 3
	MinDebounce       = 5 * time.Millisecond
	MaxDebounce       = time.Second
)

var (
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

// parser reads one enrolment or device file, collecting every problem.
type parser struct {
	yamlfile.Reader
}

func newParser(file string) *parser { return &parser{yamlfile.Reader{File: file}} }

// document parses the YAML and returns the root mapping, or nil after recording why not.
func (ps *parser) document(data []byte, what string) *yaml.Node {
	root := ps.Root(data, yamlfile.Document{
		Empty:   "the file is empty; " + what,
		Second:  "the file holds one YAML document; remove the second one (from the line with ---)",
		Aliases: "YAML anchors and aliases (& and *) are not used here; write each value out (this is the first)",
	})
	switch {
	case root == nil:
		return nil
	case yamlfile.IsNull(root):
		ps.Add(root.Line, "", "the file is empty; %s", what)
		return nil
	case root.Kind != yaml.MappingNode:
		ps.Add(root.Line, "", "the file must be a set of fields (room_name: ..., hw: ...), not %s", yamlfile.Describe(root))
		return nil
	}
	return root
}

// fields returns a mapping's values by key, reporting duplicate, unknown and credential keys.
// known lists the accepted keys in the order the message names them.
func (ps *parser) fields(m *yaml.Node, path string, known []string) map[string]*yaml.Node {
	return ps.Fields(m, path, yamlfile.Fields{
		Known:   known,
		NotText: "a field name must be plain text",
		Unknown: "unknown field; the fields here are " + yamlfile.List(known),
		Check: func(k, v *yaml.Node, field string, known bool) bool {
			if !credentialKeys[strings.ToLower(k.Value)] {
				return false
			}
			ps.Add(k.Line, field, "never put the admin credential in a file: delete this line; the first-boot wizard asks for it on the screen")
			return true
		},
	}).Values
}

// text returns a scalar's text, or false after recording why it is not one or why it is not
// one line of at most MaxValue plain characters.
func (ps *parser) text(n *yaml.Node, field, example string) (string, bool) {
	if n.Kind != yaml.ScalarNode || yamlfile.IsNull(n) {
		ps.Add(n.Line, field, "needs a value such as %s, not %s", example, yamlfile.Describe(n))
		return "", false
	}
	if !ps.Text(n.Line, field, n.Value, yamlfile.Text{Max: MaxValue}) {
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
	ps.Add(n.Line, field, "%q is not on or off; write on or off", s)
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
		ps.Add(n.Line, field, "is empty; write the room's name as people know it, or delete the line and set it in the first-boot wizard")
		return "", false
	case utf8.RuneCountInString(s) > MaxRoomName:
		ps.Add(n.Line, field, "is %d characters long; keep it to %d so it fits the screen", utf8.RuneCountInString(s), MaxRoomName)
		return "", false
	}
	return s, true
}

// hw reads the light and button settings into d, checking them together.
func (ps *parser) hw(n *yaml.Node, field string, d *Device) {
	if n.Kind != yaml.MappingNode {
		ps.Add(n.Line, field, "must be a set of fields (indicator_wiring: ..., button_line: ...), not %s", yamlfile.Describe(n))
		return
	}
	f := ps.fields(n, field, []string{"indicator_wiring", "indicator_lines", "indicator_polarity", "button_line", "button_debounce"})
	wiringOK := true
	if v, ok := f["indicator_wiring"]; ok {
		wiringOK = false
		if s, ok := ps.text(v, yamlfile.Join(field, "indicator_wiring"), "two-colour"); ok {
			w, err := hw.ParseWiring(s)
			if err != nil {
				ps.Add(v.Line, yamlfile.Join(field, "indicator_wiring"), "%q is not a wiring; write single, two-colour or rgb", s)
			} else {
				d.Wiring, wiringOK = w, true
			}
		}
	}
	if v, ok := f["indicator_polarity"]; ok {
		if s, ok := ps.text(v, yamlfile.Join(field, "indicator_polarity"), "active-high"); ok {
			p, err := hw.ParsePolarity(s)
			if err != nil {
				ps.Add(v.Line, yamlfile.Join(field, "indicator_polarity"), "%q is not a polarity; write active-high (LED from the line to ground) or active-low (LED from 3.3 V to the line)", s)
			} else {
				d.Polarity = p
			}
		}
	}
	lineAt := map[string]int{}
	if v, ok := f["indicator_lines"]; ok {
		lf := yamlfile.Join(field, "indicator_lines")
		var items []*yaml.Node
		switch v.Kind {
		case yaml.SequenceNode:
			items = v.Content
		case yaml.ScalarNode:
			if v.Tag != "!!null" {
				items = []*yaml.Node{v}
			}
		}
		switch {
		case len(items) == 0:
			ps.Add(v.Line, lf, "needs the light's lines, red first, e.g. [GPIO17, GPIO22]; or delete the line for the wiring's defaults")
		case len(items) > MaxIndicatorLines:
			ps.Add(v.Line, lf, "lists %d lines; a light has at most %d (red, green, blue), e.g. [GPIO17, GPIO22, GPIO23]", len(items), MaxIndicatorLines)
			items = nil
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
				ps.Add(it.Line, itf, "%q is not a header GPIO line; use the kernel name GPIO2 to GPIO27 (GPIO17 is physical pin 11), not a pin number", s)
				good = false
				continue
			}
			if first, dup := lineAt[s]; dup {
				ps.Add(it.Line, itf, "%s is already used on line %d; each colour needs its own line", s, first)
				good = false
				continue
			}
			lineAt[s] = it.Line
			lines = append(lines, s)
		}
		if good && len(items) > 0 && wiringOK {
			if want := len(d.Wiring.Channels()); len(lines) != want {
				ps.Add(v.Line, lf, "the %s wiring needs %d lines (%s, in that order), not %d; list one per colour or change indicator_wiring",
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
		bf := yamlfile.Join(field, "button_line")
		if s, ok := ps.text(v, bf, "GPIO27 or none"); ok {
			switch {
			case strings.EqualFold(s, "none"):
				d.Button = "none"
			case !linePattern.MatchString(s):
				ps.Add(v.Line, bf, "%q is not a header GPIO line; use the kernel name GPIO2 to GPIO27 (GPIO27 is physical pin 13), or none", s)
			case lineAt[s] != 0:
				ps.Add(v.Line, bf, "%s is also one of the light's lines; the button needs its own line", s)
			default:
				d.Button = s
			}
		}
	} else if _, clash := lineAt[DefaultButton]; clash {
		ps.Add(n.Line, yamlfile.Join(field, "button_line"), "the light uses %s, the button's default line; set button_line to another line or none", DefaultButton)
	}
	if v, ok := f["button_debounce"]; ok {
		df := yamlfile.Join(field, "button_debounce")
		if s, ok := ps.text(v, df, "50ms"); ok {
			dur, err := time.ParseDuration(strings.TrimSpace(s))
			switch {
			case err != nil:
				ps.Add(v.Line, df, "%q is not a duration; write it like 50ms", s)
			case dur < MinDebounce || dur > MaxDebounce:
				ps.Add(v.Line, df, "%v is outside %v to %v; 50ms suits most buttons", dur, MinDebounce, MaxDebounce)
			default:
				d.Debounce = dur
			}
		}
	}
}
