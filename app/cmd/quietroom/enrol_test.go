package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quietroom/app/enrol"
	"quietroom/hw"
)

func TestRunReadsDeviceConfig(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "device.yaml")
	if err := os.WriteFile(good, []byte("room_name: Birch\nhw:\n  indicator_wiring: two-colour\n  indicator_lines: [GPIO5, GPIO6]\n  indicator_polarity: active-low\n  button_line: GPIO26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("hw:\n  indicator_wiring: two-colour\n  indicator_lines: [GPIO5]\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	cfg, err := parseRun([]string{"--config", good}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	d, o, err := loadDevice(cfg.deviceConfig())
	if err != nil {
		t.Fatalf("loadDevice(%s): %v", good, err)
	}
	if d.RoomName != "Birch" || o.Wiring != hw.TwoColour || strings.Join(o.Lines, ",") != "GPIO5,GPIO6" || o.Polarity != hw.ActiveLow || o.Button != "GPIO26" {
		t.Errorf("loadDevice(%s) = %+v, %+v", good, d, o)
	}

	_, _, err = loadDevice(bad)
	if err == nil || !strings.Contains(err.Error(), bad+":3: hw.indicator_lines: the two-colour wiring needs 2 lines") {
		t.Errorf("loadDevice(bad) = %v, want the file, line and field", err)
	}

	// Missing file: the reference build.
	_, o, err = loadDevice(filepath.Join(dir, "missing.yaml"))
	if err != nil || o.Wiring != hw.Single || o.Lines != nil || o.Button != "" {
		t.Errorf("loadDevice(missing) = %+v, %v; want the defaults", o, err)
	}

	// The device's own config by default; none in development mode.
	if c, _ := parseRun(nil, &bytes.Buffer{}); c.deviceConfig() != enrol.DefaultConfigFile {
		t.Errorf("device config by default = %q, want %q", c.deviceConfig(), enrol.DefaultConfigFile)
	}
	if c, _ := parseRun([]string{"--dev", "--data", dir}, &bytes.Buffer{}); c.deviceConfig() != "" {
		t.Errorf("device config with --dev = %q, want none", c.deviceConfig())
	}
}

func TestEnrolCommand(t *testing.T) {
	var zone string
	radios := map[string]bool{}
	enrolActions = func() enrol.Actions {
		return enrol.Actions{
			SetTimeZone: func(n string) error { zone = n; return nil },
			SetRadio:    func(k string, on bool) error { radios[k] = on; return nil },
		}
	}
	t.Cleanup(func() { enrolActions = enrol.SystemActions })

	dir := t.TempDir()
	boot := filepath.Join(dir, "quietroom-enrol.yaml")
	config := filepath.Join(dir, "etc", "device.yaml")
	run := func() (int, string, string) {
		var out, errOut bytes.Buffer
		code := dispatch(&env{stdout: &out, stderr: &errOut}, []string{"enrol", "--boot", boot, "--config", config})
		return code, out.String(), errOut.String()
	}

	if code, out, _ := run(); code != 0 || !strings.Contains(out, "nothing to do") {
		t.Errorf("enrol without a file = %d, %q", code, out)
	}

	os.WriteFile(boot, []byte("room_name: Birch\nwifi: loud\n"), 0o644)
	code, _, errOut := run()
	if code != 1 || !strings.Contains(errOut, boot+":2: wifi:") || !strings.Contains(errOut, "left in place") {
		t.Errorf("enrol with a bad file = %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, enrol.ErrorsFileName)); err != nil {
		t.Errorf("no errors file beside the bad file: %v", err)
	}

	os.WriteFile(boot, []byte("room_name: Birch\ntime_zone: UTC\nhw:\n  indicator_wiring: two-colour\n"), 0o644)
	code, out, errOut := run()
	if code != 0 || !strings.Contains(out, "room name:  Birch") || !strings.Contains(out, "two-colour") {
		t.Errorf("enrol = %d, %q, %q", code, out, errOut)
	}
	if zone != "UTC" || radios[enrol.WiFi] || radios[enrol.Bluetooth] || len(radios) != 2 {
		t.Errorf("machine: zone %q, radios %v", zone, radios)
	}
	if _, err := os.Stat(boot); !os.IsNotExist(err) {
		t.Errorf("the enrolment file is still there: %v", err)
	}
	if _, o, err := loadDevice(config); err != nil || o.Wiring != hw.TwoColour {
		t.Errorf("the device config the kiosk reads = %+v, %v", o, err)
	}
}
