package enrol

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"quietroom/app/yamlfile"
	"quietroom/hw"
)

// zones knows a few zones, so the tests do not depend on the machine's tzdata.
func zones(name string) error {
	switch name {
	case "Europe/London", "UTC", "America/New_York":
		return nil
	}
	return fmt.Errorf("unknown time zone %s", name)
}

func TestParseEnrolmentValid(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want Enrolment
	}{
		{"room only", "room_name: Interview room 2\n", Enrolment{Device: Device{RoomName: "Interview room 2"}}},
		{"everything", `room_name: "Room 3: Birch"
time_zone: Europe/London
wifi: on
bluetooth: off
hw:
  indicator_wiring: two-colour
  indicator_lines: [GPIO5, GPIO6]
  indicator_polarity: active-low
  button_line: GPIO26
  button_debounce: 80ms
`, Enrolment{
			Device:   Device{RoomName: "Room 3: Birch", Wiring: hw.TwoColour, Lines: []string{"GPIO5", "GPIO6"}, Polarity: hw.ActiveLow, Button: "GPIO26", Debounce: 80 * time.Millisecond},
			TimeZone: "Europe/London", WiFi: true,
		}},
		{"radios as booleans", "wifi: false\nbluetooth: yes\n", Enrolment{Bluetooth: true}},
		{"wiring with its default lines", "hw:\n  indicator_wiring: rgb\n", Enrolment{Device: Device{Wiring: hw.RGB}}},
		{"no button", "hw:\n  button_line: none\n", Enrolment{Device: Device{Button: "none"}}},
		{"lines as one line", "hw:\n  indicator_lines: GPIO4\n", Enrolment{Device: Device{Lines: []string{"GPIO4"}}}},
		{"button moved off the light's default", "hw:\n  indicator_lines: [GPIO27]\n  button_line: GPIO26\n", Enrolment{Device: Device{Lines: []string{"GPIO27"}, Button: "GPIO26"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseEnrolment("enrol.yaml", []byte(tt.yaml), zones)
			if err != nil {
				t.Fatalf("ParseEnrolment: %v", err)
			}
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", tt.want) {
				t.Errorf("ParseEnrolment = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestParseEnrolmentProblems covers every rule: each file gives exactly the listed problems,
// in the FILE:LINE: FIELD: message form.
func TestParseEnrolmentProblems(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // "LINE: FIELD: part of the message"
	}{
		{"empty", "", []string{"1: the file is empty"}},
		{"only a comment", "# nothing\n", []string{"1: the file is empty"}},
		{"null document", "~\n", []string{"1: the file is empty"}},
		{"syntax", "room_name: a\n  bad: [\n", []string{"YAML syntax error"}},
		{"two documents", "room_name: a\n---\nroom_name: b\n", []string{"2: the file holds one YAML document"}},
		{"not a mapping", "- room_name\n", []string{"1: the file must be a set of fields"}},
		{"unknown field", "room_name: a\nroom: b\n", []string{"2: room: unknown field; the fields here are room_name, time_zone, wifi, bluetooth and hw"}},
		{"duplicate field", "room_name: a\nroom_name: b\n", []string{"2: room_name: appears twice (first on line 1)"}},
		{"admin credential", "room_name: a\nadmin_pin: 123456\n", []string{"2: admin_pin: never put the admin credential in a file"}},
		{"password", "password: hunter2\n", []string{"1: password: never put the admin credential in a file"}},
		{"alias", "room_name: &r a\nhw:\n  button_line: *r\n", []string{"1: room_name: YAML anchors"}},
		{"alias in a list", "hw:\n  indicator_wiring: two-colour\n  indicator_lines: [&l GPIO5, *l]\n", []string{"3: hw.indicator_lines[0]: YAML anchors"}},
		{"alias bomb is one problem", "room_name: a\n" + aliasBomb, []string{"2: lol1: YAML anchors and aliases (& and *) are not used here; write each value out (this is the first)"}},
		{"invalid UTF-8 on its line", "# Enrolment\n\nroom_name: Room 2\nwifi: off\nbluetooth: \xff\n", []string{"5: the file is not valid UTF-8 text (byte 0xff at column 12); save it as UTF-8"}},
		{"NUL byte on its line", "room_name: Room 2\nwifi: o\x00ff\n", []string{"2: holds a NUL byte (column 8)"}},
		{"UTF-16", "\xff\xfer\x00", []string{"1: the file is saved as UTF-16; save it as UTF-8"}},
		{"too large", "room_name: a\n# " + strings.Repeat("x", 1<<20) + "\n", []string{"1: the file is larger than 1 MB"}},
		{"raw control character", "room_name: Room\x1b[2J 2\n", []string{"1: holds the invisible control character U+001B (column 16)"}},
		{"raw text-direction control", "room_name: Room \u202e2\n", []string{"1: holds the invisible text-direction control U+202E (column 17)"}},
		{"escaped control character", "room_name: \"Room\\e2\"\n", []string{"1: room_name: holds the invisible control character U+001B; delete it"}},
		{"escaped text-direction control", "room_name: \"Room \\u2067 2\"\n", []string{"1: room_name: holds the invisible text-direction control U+2067"}},
		{"control in another field", "time_zone: \"Europe/London\\x07\"\n", []string{"1: time_zone: holds the invisible control character U+0007"}},
		{"field name with a control character", "\"room\\e\": a\n", []string{"1: a field name must be plain text; this one holds the invisible control character U+001B"}},
		{"time zone too long", "time_zone: " + strings.Repeat("Europe/", 1000) + "\n", []string{"1: time_zone: is 7000 characters long, more than the 100 allowed; shorten it"}},
		{"too many lines", "hw:\n  indicator_lines: [" + strings.Repeat("GPIO4,", 100000) + "GPIO4]\n", []string{"2: hw.indicator_lines: lists 100001 lines; a light has at most 3 (red, green, blue)"}},
		{"room name empty", "room_name: \"  \"\n", []string{"1: room_name: is empty"}},
		{"room name missing value", "room_name:\n", []string{"1: room_name: needs a value"}},
		{"room name a list", "room_name: [a, b]\n", []string{"1: room_name: needs a value such as"}},
		{"room name too long", "room_name: " + strings.Repeat("x", MaxRoomName+1) + "\n", []string{"1: room_name: is 61 characters long"}},
		{"room name two lines", "room_name: \"a\\nb\"\n", []string{"1: room_name: holds a line break"}},
		{"time zone malformed", "time_zone: ../etc/passwd\n", []string{"1: time_zone: \"../etc/passwd\" is not a time zone name"}},
		{"time zone Local", "time_zone: Local\n", []string{"1: time_zone: \"Local\" is not a time zone name"}},
		{"time zone unknown", "time_zone: Europe/Atlantis\n", []string{"1: time_zone: \"Europe/Atlantis\" is not a known time zone"}},
		{"wifi not on or off", "wifi: sometimes\n", []string{"1: wifi: \"sometimes\" is not on or off"}},
		{"bluetooth empty", "bluetooth:\n", []string{"1: bluetooth: needs a value such as on or off"}},
		{"hw not a mapping", "hw: GPIO17\n", []string{"1: hw: must be a set of fields"}},
		{"hw unknown field", "hw:\n  led: GPIO17\n", []string{"2: hw.led: unknown field; the fields here are indicator_wiring, indicator_lines, indicator_polarity, button_line and button_debounce"}},
		{"wiring unknown", "hw:\n  indicator_wiring: disco\n", []string{"2: hw.indicator_wiring: \"disco\" is not a wiring"}},
		{"polarity unknown", "hw:\n  indicator_polarity: sideways\n", []string{"2: hw.indicator_polarity: \"sideways\" is not a polarity"}},
		{"lines empty", "hw:\n  indicator_lines: []\n", []string{"2: hw.indicator_lines: needs the light's lines"}},
		{"line a pin number", "hw:\n  indicator_lines: [11]\n", []string{"2: hw.indicator_lines[0]: \"11\" is not a header GPIO line"}},
		{"line off the header", "hw:\n  indicator_lines: [GPIO40]\n", []string{"2: hw.indicator_lines[0]: \"GPIO40\" is not a header GPIO line"}},
		{"line of the HAT EEPROM", "hw:\n  indicator_lines: [GPIO0]\n", []string{"\"GPIO0\" is not a header GPIO line"}},
		{"line twice", "hw:\n  indicator_wiring: two-colour\n  indicator_lines:\n    - GPIO17\n    - GPIO17\n", []string{"5: hw.indicator_lines[1]: GPIO17 is already used on line 4"}},
		{"lines count", "hw:\n  indicator_wiring: two-colour\n  indicator_lines: [GPIO17]\n", []string{"3: hw.indicator_lines: the two-colour wiring needs 2 lines (red, green, in that order), not 1"}},
		{"lines count for the default wiring", "hw:\n  indicator_lines: [GPIO17, GPIO22]\n", []string{"2: hw.indicator_lines: the single wiring needs 1 lines"}},
		{"button not a line", "hw:\n  button_line: pin13\n", []string{"2: hw.button_line: \"pin13\" is not a header GPIO line"}},
		{"button on a light line", "hw:\n  indicator_lines: [GPIO5]\n  button_line: GPIO5\n", []string{"3: hw.button_line: GPIO5 is also one of the light's lines"}},
		{"button on a default light line", "hw:\n  indicator_wiring: two-colour\n  button_line: GPIO22\n", []string{"3: hw.button_line: GPIO22 is also one of the light's lines"}},
		{"light on the button's default line", "hw:\n  indicator_lines: [GPIO27]\n", []string{"2: hw.button_line: the light uses GPIO27"}},
		{"debounce not a duration", "hw:\n  button_debounce: fifty\n", []string{"2: hw.button_debounce: \"fifty\" is not a duration"}},
		{"debounce too short", "hw:\n  button_debounce: 1ms\n", []string{"2: hw.button_debounce: 1ms is outside 5ms to 1s"}},
		{"debounce too long", "hw:\n  button_debounce: 2s\n", []string{"2: hw.button_debounce: 2s is outside"}},
		{"several problems in line order", "wifi: maybe\nroom_name: \"\"\nhw:\n  indicator_wiring: disco\n", []string{
			"1: wifi:", "2: room_name:", "4: hw.indicator_wiring:"}},
	}
	tests = append(tests, struct {
		name string
		yaml string
		want []string
	}{name: "too many problems", yaml: strings.Repeat("room: a\n", 100)})
	many := &tests[len(tests)-1]
	for i := 1; i <= yamlfile.MaxProblems; i++ {
		many.want = append(many.want, fmt.Sprintf("%d: room", i))
	}
	many.want = append(many.want, fmt.Sprintf("%d: and %d more problems from this line on", yamlfile.MaxProblems+1, 100-yamlfile.MaxProblems))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseEnrolment("boot/enrol.yaml", []byte(tt.yaml), zones)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseEnrolment = %+v, %v; want ErrInvalid", got, err)
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %T is not a *ValidationError", err)
			}
			if len(ve.Problems) != len(tt.want) {
				t.Fatalf("ParseEnrolment problems:\n%v\nwant %d: %q", err, len(tt.want), tt.want)
			}
			for i, p := range ve.Problems {
				if s := p.String(); !strings.HasPrefix(s, "boot/enrol.yaml:") || !strings.Contains(s, tt.want[i]) {
					t.Errorf("problem %d = %q, want it to start with the file and contain %q", i, s, tt.want[i])
				}
			}
		})
	}
}

// aliasBomb is a YAML "billion laughs": a few lines whose aliases expand to 9^4 values.
const aliasBomb = `lol1: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
lol2: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
lol3: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
lol4: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
lol5: [*d,*d,*d,*d,*d,*d,*d,*d,*d]
`

// TestParseDeviceSharesTheRules: the device config is held to the enrolment file's rules for
// size, characters and aliases.
func TestParseDeviceSharesTheRules(t *testing.T) {
	for _, data := range []string{
		"room_name: \"Oak\\u202e\"\n",
		"room_name: Oak\nhw:\n  button_line: \xff\n",
		aliasBomb,
		"room_name: Oak\n# " + strings.Repeat("x", yamlfile.MaxFileSize) + "\n",
	} {
		_, err := ParseDevice("device.yaml", []byte(data))
		var ve *ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) != 1 {
			t.Errorf("ParseDevice(%.40q) = %v, want one problem", data, err)
		}
	}
}

func TestLoadDevice(t *testing.T) {
	dir := t.TempDir()
	if d, err := LoadDevice(filepath.Join(dir, "none.yaml")); err != nil || fmt.Sprint(d) != fmt.Sprint(Default()) {
		t.Errorf("LoadDevice(missing) = %+v, %v; want the defaults", d, err)
	}
	if _, err := LoadDevice(dir); err == nil || !strings.HasPrefix(err.Error(), dir+": is a folder, not the device config file;") {
		t.Errorf("LoadDevice(folder) = %v, want it to say it is a folder", err)
	}
	d, err := LoadDevice("testdata/device.yaml")
	if err != nil || d.RoomName != "Oak" || d.Wiring != hw.RGB || d.Button != "none" || d.Debounce != 30*time.Millisecond {
		t.Errorf("LoadDevice(testdata/device.yaml) = %+v, %v", d, err)
	}
}

func TestCredentialValueNeverInMessage(t *testing.T) {
	_, err := ParseEnrolment("e.yaml", []byte("admin_passphrase: correct horse battery\n"), zones)
	if err == nil || strings.Contains(err.Error(), "horse") {
		t.Errorf("ParseEnrolment error = %v, want a problem that does not repeat the value", err)
	}
}

func TestParseDevice(t *testing.T) {
	d, err := ParseDevice("device.yaml", []byte("room_name: Oak\nhw:\n  indicator_wiring: two-colour\n  button_line: none\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.RoomName != "Oak" || d.Wiring != hw.TwoColour || d.Button != "none" {
		t.Errorf("ParseDevice = %+v", d)
	}
	// The enrolment-only fields do not belong in the device config.
	_, err = ParseDevice("device.yaml", []byte("room_name: Oak\ntime_zone: UTC\n"))
	if err == nil || !strings.Contains(err.Error(), "device.yaml:2: time_zone: unknown field; the fields here are room_name and hw") {
		t.Errorf("ParseDevice with time_zone = %v", err)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	for _, d := range []Device{
		Default(),
		{RoomName: `Room "7": Ash`, Wiring: hw.RGB, Lines: []string{"GPIO5", "GPIO6", "GPIO13"}, Polarity: hw.ActiveLow, Button: "none", Debounce: 30 * time.Millisecond},
		{RoomName: "yes", Wiring: hw.TwoColour},
	} {
		b, err := d.Marshal("/boot/firmware/quietroom-enrol.yaml")
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseDevice("device.yaml", b)
		if err != nil {
			t.Fatalf("ParseDevice(Marshal(%+v)): %v\n%s", d, err, b)
		}
		want := d
		want.Lines = d.lines()
		if want.Button == "" {
			want.Button = DefaultButton
		}
		if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
			t.Errorf("ParseDevice(Marshal(d)) = %+v, want %+v\n%s", got, want, b)
		}
	}
}
