package enrol

import (
	"strings"
	"time"
)

// Enrolment is the content of the enrolment file: the device config and what is set on the
// machine once.
type Enrolment struct {
	Device
	// TimeZone is an IANA zone name such as Europe/London; "" leaves the system's zone alone.
	TimeZone string
	// WiFi and Bluetooth switch the radios; both are off unless the file says on.
	WiFi, Bluetooth bool
}

var enrolmentFields = []string{"room_name", "time_zone", "wifi", "bluetooth", "hw"}

// ZoneLookup says whether a time zone name exists; time.LoadLocation is the usual one.
type ZoneLookup func(name string) error

// ParseEnrolment reads an enrolment file; file names it in problem messages, zones checks the
// time zone (nil: time.LoadLocation). It returns the whole enrolment, or a *ValidationError
// listing every problem (which matches ErrInvalid).
func ParseEnrolment(file string, data []byte, zones ZoneLookup) (Enrolment, error) {
	if zones == nil {
		zones = func(name string) error { _, err := time.LoadLocation(name); return err }
	}
	ps := newParser(file)
	var e Enrolment
	if root := ps.document(data, "write at least room_name, or delete the file"); root != nil {
		f := ps.fields(root, "", enrolmentFields)
		if v, ok := f["room_name"]; ok {
			e.RoomName, _ = ps.roomName(v, "room_name")
		}
		if v, ok := f["time_zone"]; ok {
			if s, ok := ps.text(v, "time_zone", "Europe/London"); ok {
				s = strings.TrimSpace(s)
				switch {
				case !zonePattern.MatchString(s) || s == "Local":
					ps.Add(v.Line, "time_zone", "%q is not a time zone name; write one like Europe/London (see timedatectl list-timezones)", s)
				case zones(s) != nil:
					ps.Add(v.Line, "time_zone", "%q is not a known time zone; write one like Europe/London (see timedatectl list-timezones)", s)
				default:
					e.TimeZone = s
				}
			}
		}
		if v, ok := f["wifi"]; ok {
			e.WiFi, _ = ps.onOff(v, "wifi")
		}
		if v, ok := f["bluetooth"]; ok {
			e.Bluetooth, _ = ps.onOff(v, "bluetooth")
		}
		if v, ok := f["hw"]; ok {
			ps.hw(v, "hw", &e.Device)
		}
	}
	if err := ps.Err(ErrInvalid); err != nil {
		return Enrolment{}, err
	}
	return e, nil
}
