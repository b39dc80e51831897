package enrol

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quietroom/hw"
)

// machine records what Run asked of the machine.
type machine struct {
	zone      string
	radios    map[string]bool
	zoneErr   error
	radioErr  map[string]error
	callCount int
}

func (m *machine) actions() Actions {
	m.radios = map[string]bool{}
	return Actions{
		SetTimeZone: func(name string) error {
			m.callCount++
			if m.zoneErr != nil {
				return m.zoneErr
			}
			m.zone = name
			return nil
		},
		SetRadio: func(kind string, on bool) error {
			m.callCount++
			if err := m.radioErr[kind]; err != nil {
				return err
			}
			m.radios[kind] = on
			return nil
		},
	}
}

type paths struct{ boot, config, errors string }

func setup(t *testing.T, content string) paths {
	t.Helper()
	dir := t.TempDir()
	p := paths{
		boot:   filepath.Join(dir, "boot", "quietroom-enrol.yaml"),
		config: filepath.Join(dir, "etc", "quietroom", "device.yaml"),
		errors: filepath.Join(dir, "boot", ErrorsFileName),
	}
	if err := os.MkdirAll(filepath.Dir(p.boot), 0o755); err != nil {
		t.Fatal(err)
	}
	if content != "" {
		if err := os.WriteFile(p.boot, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

func TestRunAppliesOnceAndRemoves(t *testing.T) {
	p := setup(t, "room_name: Birch\ntime_zone: Europe/London\nbluetooth: on\nhw:\n  indicator_wiring: two-colour\n")
	if err := os.WriteFile(p.errors, []byte("old problems"), 0o644); err != nil {
		t.Fatal(err)
	}
	var m machine
	r, err := Run(Options{Boot: p.boot, Config: p.config, Zones: zones, Actions: m.actions()})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if r.Enrolment.RoomName != "Birch" || len(r.Notes) != 0 {
		t.Errorf("Run = %+v", r)
	}
	if m.zone != "Europe/London" || m.radios[WiFi] != false || m.radios[Bluetooth] != true || len(m.radios) != 2 {
		t.Errorf("machine: zone %q radios %v, want Europe/London, wifi off, bluetooth on", m.zone, m.radios)
	}
	if exists(p.boot) || exists(p.errors) {
		t.Errorf("after Run the enrolment file exists: %v, the errors file: %v; want both gone", exists(p.boot), exists(p.errors))
	}
	d, err := LoadDevice(p.config)
	if err != nil {
		t.Fatalf("LoadDevice: %v", err)
	}
	if d.RoomName != "Birch" || d.Wiring != hw.TwoColour || strings.Join(d.Lines, ",") != "GPIO17,GPIO22" || d.Button != "GPIO27" {
		t.Errorf("device config = %+v", d)
	}
	if fi, err := os.Stat(p.config); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("device config mode = %v, %v; want 0644", fi.Mode(), err)
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(p.config), ".*tmp*"))
	if len(matches) > 0 {
		t.Errorf("temporary files left: %v", matches)
	}

	// Once: a second boot finds no file and changes nothing.
	calls := m.callCount
	if _, err := Run(Options{Boot: p.boot, Config: p.config, Zones: zones, Actions: m.actions()}); !errors.Is(err, ErrNoFile) {
		t.Errorf("second Run = %v, want ErrNoFile", err)
	}
	if m.callCount != calls {
		t.Errorf("second Run touched the machine")
	}
}

func TestRunWithoutTimeZoneLeavesIt(t *testing.T) {
	p := setup(t, "room_name: Ash\n")
	var m machine
	if _, err := Run(Options{Boot: p.boot, Config: p.config, Zones: zones, Actions: m.actions()}); err != nil {
		t.Fatal(err)
	}
	if m.zone != "" {
		t.Errorf("time zone set to %q, want untouched", m.zone)
	}
}

func TestRunLeavesBadFile(t *testing.T) {
	const bad = "room_name: Birch\nwifi: perhaps\nadmin_pin: 8675309\n"
	p := setup(t, bad)
	if err := os.MkdirAll(filepath.Dir(p.config), 0o755); err != nil {
		t.Fatal(err)
	}
	const before = "room_name: Old\n"
	if err := os.WriteFile(p.config, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	var m machine
	_, err := Run(Options{Boot: p.boot, Config: p.config, Zones: zones, Actions: m.actions()})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("Run = %v, want ErrInvalid", err)
	}
	if m.callCount != 0 {
		t.Errorf("a bad file changed the machine (%d calls)", m.callCount)
	}
	if b, _ := os.ReadFile(p.boot); string(b) != bad {
		t.Errorf("enrolment file now %q, want it left as it was", b)
	}
	if b, _ := os.ReadFile(p.config); string(b) != before {
		t.Errorf("device config now %q, want it untouched", b)
	}
	text, err2 := os.ReadFile(p.errors)
	if err2 != nil {
		t.Fatalf("errors file: %v", err2)
	}
	for _, want := range []string{"NOT applied", p.boot + ":2: wifi:", p.boot + ":3: admin_pin: never put the admin credential"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("errors file lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(string(text), "8675309") {
		t.Errorf("errors file repeats the credential:\n%s", text)
	}

	// Fixed, the next boot applies it and clears the errors file.
	if err := os.WriteFile(p.boot, []byte("room_name: Birch\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(Options{Boot: p.boot, Config: p.config, Zones: zones, Actions: m.actions()}); err != nil {
		t.Fatalf("Run after the fix: %v", err)
	}
	if exists(p.boot) || exists(p.errors) {
		t.Errorf("after the fix: enrolment file %v, errors file %v; want both gone", exists(p.boot), exists(p.errors))
	}
}

func TestRunActionFailureAppliesNothing(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setup func(*machine)
		want  string
	}{
		{"time zone", func(m *machine) { m.zoneErr = errors.New("timedated gone") }, "time_zone: could not set Europe/London: timedated gone"},
		{"radio", func(m *machine) { m.radioErr = map[string]error{WiFi: fs.ErrPermission} }, "wifi: could not switch it off"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := setup(t, "room_name: Birch\ntime_zone: Europe/London\n")
			var m machine
			a := m.actions()
			tt.setup(&m)
			_, err := Run(Options{Boot: p.boot, Config: p.config, Zones: zones, Actions: a})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Run = %v, want %q", err, tt.want)
			}
			if !exists(p.boot) || exists(p.config) {
				t.Errorf("enrolment file kept: %v (want true), device config written: %v (want false)", exists(p.boot), exists(p.config))
			}
			if b, _ := os.ReadFile(p.errors); !strings.Contains(string(b), tt.want) {
				t.Errorf("errors file = %q, want %q", b, tt.want)
			}
		})
	}
}

func TestRunRadioMissingIsANote(t *testing.T) {
	p := setup(t, "wifi: on\n")
	var m machine
	a := m.actions()
	m.radioErr = map[string]error{WiFi: ErrNoRadio}
	r, err := Run(Options{Boot: p.boot, Config: p.config, Zones: zones, Actions: a})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "dtoverlay=disable-wifi") {
		t.Errorf("notes = %q, want one naming the overlay", r.Notes)
	}
}

func TestRunNoFile(t *testing.T) {
	p := setup(t, "")
	if _, err := Run(Options{Boot: p.boot, Config: p.config, Zones: zones, Actions: (&machine{}).actions()}); !errors.Is(err, ErrNoFile) {
		t.Errorf("Run = %v, want ErrNoFile", err)
	}
	if exists(p.config) || exists(p.errors) {
		t.Errorf("Run without a file wrote something")
	}
}

func TestLoadDeviceMissingIsDefault(t *testing.T) {
	d, err := LoadDevice(filepath.Join(t.TempDir(), "device.yaml"))
	if err != nil || d.RoomName != "" || d.Wiring != hw.Single || d.Lines != nil || d.Button != "" {
		t.Errorf("LoadDevice(missing) = %+v, %v; want the defaults", d, err)
	}
}

func TestLinkTimeZone(t *testing.T) {
	root := t.TempDir()
	zone := filepath.Join(root, "usr/share/zoneinfo/Europe/London")
	if err := os.MkdirAll(filepath.Dir(zone), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(zone, []byte("TZif"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "etc"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/usr/share/zoneinfo/Etc/UTC", filepath.Join(root, "etc/localtime")); err != nil {
		t.Fatal(err)
	}
	if err := LinkTimeZone(root, "Europe/London"); err != nil {
		t.Fatalf("LinkTimeZone: %v", err)
	}
	if l, err := os.Readlink(filepath.Join(root, "etc/localtime")); err != nil || l != "/usr/share/zoneinfo/Europe/London" {
		t.Errorf("/etc/localtime -> %q, %v", l, err)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "etc/timezone")); string(b) != "Europe/London\n" {
		t.Errorf("/etc/timezone = %q", b)
	}
	if err := LinkTimeZone(root, "Mars/Olympus"); err == nil {
		t.Errorf("LinkTimeZone(unknown zone) = nil, want an error")
	}
}

func TestRFKill(t *testing.T) {
	dir := t.TempDir()
	for name, kind := range map[string]string{"rfkill0": "wlan", "rfkill1": "bluetooth", "rfkill2": "wlan"} {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name, "type"), []byte(kind+"\n"), 0o644)
		os.WriteFile(filepath.Join(dir, name, "soft"), []byte("0\n"), 0o644)
	}
	set := RFKill(dir)
	if err := set(WiFi, false); err != nil {
		t.Fatal(err)
	}
	if err := set(Bluetooth, true); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"rfkill0": "1", "rfkill1": "0", "rfkill2": "1"} {
		if b, _ := os.ReadFile(filepath.Join(dir, name, "soft")); string(b) != want {
			t.Errorf("%s/soft = %q, want %q", name, b, want)
		}
	}
	empty := RFKill(filepath.Join(dir, "none"))
	if err := empty(WiFi, false); err != nil {
		t.Errorf("switching off a missing radio = %v, want nil", err)
	}
	if err := empty(WiFi, true); !errors.Is(err, ErrNoRadio) {
		t.Errorf("switching on a missing radio = %v, want ErrNoRadio", err)
	}
}
