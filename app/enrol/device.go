package enrol

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"quietroom/app/yamlfile"
	"quietroom/hw"
)

// Where the files live on a device.
const (
	DefaultBootFile   = "/boot/firmware/quietroom-enrol.yaml"
	DefaultConfigFile = "/etc/quietroom/device.yaml"
	// ErrorsFileName is written beside a bad enrolment file.
	ErrorsFileName = "quietroom-enrol.errors.txt"
	// DefaultButton is the privacy button's line when the file names none.
	DefaultButton = "GPIO27"
)

// Device is the device config: what enrolment decided and the kiosk reads at start. The zero
// value is the reference build (see [Default]).
type Device struct {
	// RoomName is the first-boot wizard's suggestion for the room's name ("" when none).
	RoomName string
	// Wiring, Lines and Polarity describe the occupancy light. Empty Lines means the wiring's
	// default lines (GPIO17; GPIO17, GPIO22; GPIO17, GPIO22, GPIO23).
	Wiring   hw.Wiring
	Lines    []string
	Polarity hw.Polarity
	// Button is the privacy button's line; "" means GPIO27 and "none" no button.
	Button string
	// Debounce of the button; 0 means the driver's default (50 ms).
	Debounce time.Duration
}

// Default is the device config when there is no file: a single active-high LED on GPIO17 and
// the privacy button on GPIO27, no room name.
func Default() Device { return Device{} }

// lines returns the light's lines, the wiring's defaults when none are set.
func (d Device) lines() []string {
	if len(d.Lines) > 0 {
		return d.Lines
	}
	return []string{"GPIO17", "GPIO22", "GPIO23"}[:len(d.Wiring.Channels())]
}

var deviceFields = []string{"room_name", "hw"}

// ParseDevice reads a device config; file names it in problem messages. It returns the whole
// config, or a *ValidationError listing every problem (which matches ErrInvalid).
func ParseDevice(file string, data []byte) (Device, error) {
	ps := newParser(file)
	var d Device
	if root := ps.document(data, "delete it to use the defaults, or write room_name and hw"); root != nil {
		f := ps.fields(root, "", deviceFields)
		if v, ok := f["room_name"]; ok {
			d.RoomName, _ = ps.roomName(v, "room_name")
		}
		if v, ok := f["hw"]; ok {
			ps.hw(v, "hw", &d)
		}
	}
	if err := ps.Err(ErrInvalid); err != nil {
		return Device{}, err
	}
	return d, nil
}

// LoadDevice reads the device config at path. A missing file is not an error: the kiosk uses
// [Default]. A file that cannot be read or has problems is an error naming the file, line and
// field; nothing of it is used.
func LoadDevice(path string) (Device, error) {
	data, err := yamlfile.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	if errors.Is(err, yamlfile.ErrFolder) {
		return Device{}, fmt.Errorf("%s: is a folder, not the device config file; remove the folder (the kiosk then uses the defaults) or put the config file in its place", path)
	}
	if err != nil {
		return Device{}, fmt.Errorf("read device config: %w", err)
	}
	return ParseDevice(path, data)
}

// deviceFile is the device config's YAML shape.
type deviceFile struct {
	RoomName string  `yaml:"room_name,omitempty"`
	HW       hwEntry `yaml:"hw"`
}

type hwEntry struct {
	Wiring   string   `yaml:"indicator_wiring"`
	Lines    []string `yaml:"indicator_lines,flow"`
	Polarity string   `yaml:"indicator_polarity"`
	Button   string   `yaml:"button_line"`
	Debounce string   `yaml:"button_debounce,omitempty"`
}

// Marshal writes the device config as ParseDevice reads it, every default spelled out, under a
// header saying where it came from.
func (d Device) Marshal(source string) ([]byte, error) {
	f := deviceFile{RoomName: d.RoomName, HW: hwEntry{
		Wiring: d.Wiring.String(), Lines: d.lines(), Polarity: d.Polarity.String(), Button: d.Button,
	}}
	if f.HW.Button == "" {
		f.HW.Button = DefaultButton
	}
	if d.Debounce > 0 {
		f.HW.Debounce = d.Debounce.String()
	}
	body, err := yaml.Marshal(f)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Quiet Room device config, written by `quietroom enrol` from %s.\n", source)
	b.WriteString("# The kiosk reads it when it starts: after a change, sudo systemctl restart quietroom.\n")
	b.Write(body)
	return []byte(b.String()), nil
}
