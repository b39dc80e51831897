package enrol

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// addSeeds seeds a fuzz target with the files in testdata and a few hostile ones.
func addSeeds(f *testing.F) {
	f.Helper()
	files, _ := filepath.Glob("testdata/*.yaml")
	if len(files) == 0 {
		f.Fatal("no seeds in testdata")
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{"", "~\n", "room_name: a\n---\nb: 1\n", "room_name: \"a\\u202eb\"\n", "wifi: o\x00ff\n", "bluetooth: \xff\n", aliasBomb} {
		f.Add([]byte(s))
	}
}

// checkProblems fails unless err is a *ValidationError whose every problem is located in
// fuzz.yaml and printable on one line.
func checkProblems(t *testing.T, err error) {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) || len(ve.Problems) == 0 {
		t.Fatalf("error = %v (%T), want a *ValidationError with problems", err, err)
	}
	for _, p := range ve.Problems {
		if p.File != "fuzz.yaml" || p.Line < 1 || p.Message == "" {
			t.Fatalf("problem %+v is not located", p)
		}
		if s := p.String(); strings.ContainsFunc(s, unicode.IsControl) {
			t.Fatalf("problem %q holds a control character", s)
		}
	}
}

// checkDevice fails unless d keeps the rules and comes back the same through Marshal and
// ParseDevice, with the defaults spelled out.
func checkDevice(t *testing.T, d Device) {
	t.Helper()
	if n := utf8.RuneCountInString(d.RoomName); n > MaxRoomName || strings.ContainsFunc(d.RoomName, unicode.IsControl) {
		t.Fatalf("room name %q breaks the rules", d.RoomName)
	}
	if d.Debounce != 0 && (d.Debounce < MinDebounce || d.Debounce > MaxDebounce) {
		t.Fatalf("debounce %v is out of range", d.Debounce)
	}
	out, err := d.Marshal("fuzz.yaml")
	if err != nil {
		t.Fatalf("Marshal(%+v) = %v", d, err)
	}
	got, err := ParseDevice("device.yaml", out)
	if err != nil {
		t.Fatalf("ParseDevice(Marshal(%+v)) = %v\n%s", d, err, out)
	}
	want := d
	want.Lines = d.lines()
	if want.Button == "" {
		want.Button = DefaultButton
	}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Fatalf("ParseDevice(Marshal(d)) = %+v, want %+v\n%s", got, want, out)
	}
}

// FuzzParseEnrolment: ParseEnrolment never panics; it gives either a *ValidationError whose
// every problem is located, or an enrolment that keeps the rules and whose device config
// survives Marshal and ParseDevice.
func FuzzParseEnrolment(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := ParseEnrolment("fuzz.yaml", data, zones)
		if err != nil {
			if fmt.Sprint(e) != fmt.Sprint(Enrolment{}) {
				t.Fatalf("ParseEnrolment = %+v with an error, want nothing of the file", e)
			}
			checkProblems(t, err)
			return
		}
		if e.TimeZone != "" && zones(e.TimeZone) != nil {
			t.Fatalf("time zone %q is not known", e.TimeZone)
		}
		checkDevice(t, e.Device)
	})
}

// FuzzParseDevice: ParseDevice never panics; it gives either a *ValidationError whose every
// problem is located, or a device config that keeps the rules and survives Marshal and
// ParseDevice.
func FuzzParseDevice(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseDevice("fuzz.yaml", data)
		if err != nil {
			if fmt.Sprint(d) != fmt.Sprint(Device{}) {
				t.Fatalf("ParseDevice = %+v with an error, want nothing of the file", d)
			}
			checkProblems(t, err)
			return
		}
		checkDevice(t, d)
	})
}
