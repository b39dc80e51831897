package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"quietroom/app/store"
)

func TestParseRun(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		want    runConfig
		wantErr bool
	}{
		{"device defaults", nil, runConfig{data: defaultDataDir, key: defaultKeyFile, fullscreen: true}, false},
		{"dev", []string{"--dev", "--data", ".dev"}, runConfig{dev: true, data: ".dev", key: filepath.Join(".dev", "dev-secret", "device.key")}, false},
		{"dev full screen", []string{"--dev", "--data", "d", "--fullscreen"}, runConfig{dev: true, fullscreen: true, data: "d", key: filepath.Join("d", "dev-secret", "device.key")}, false},
		{"dev 1280x720", []string{"--dev", "--data", "d", "--size", "1280x720"}, runConfig{dev: true, data: "d", key: filepath.Join("d", "dev-secret", "device.key"), width: 1280, height: 720}, false},
		{"size not a size", []string{"--dev", "--data", "d", "--size", "big"}, runConfig{}, true},
		{"dev without data", []string{"--dev"}, runConfig{}, true},
		{"stray argument", []string{"now"}, runConfig{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseRun(tc.args, io.Discard)
			if (err != nil) != tc.wantErr {
				t.Fatalf("parseRun(%q) error = %v, want error %v", tc.args, err, tc.wantErr)
			}
			if err == nil && got != tc.want {
				t.Errorf("parseRun(%q) = %+v, want %+v", tc.args, got, tc.want)
			}
		})
	}
}

// setUpDev runs the kiosk's start-up once in a new development folder (demo data seeded, its
// credentials written) and stops it, and returns its configuration.
func setUpDev(t *testing.T) runConfig {
	t.Helper()
	cfg, err := parseRun([]string{"--dev", "--data", filepath.Join(t.TempDir(), "data")}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	_, closeAll, err := openKiosk(t, cfg)
	if err != nil {
		t.Fatalf("first start: %v", err)
	}
	closeAll()
	return cfg
}

// openKiosk runs wire in a test window, as runKiosk does.
func openKiosk(t *testing.T, cfg runConfig) (stdout string, closeAll func(), err error) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	var out bytes.Buffer
	_, closeAll, err = wire(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), &out, w)
	return out.String(), closeAll, err
}

// fileState is the name and content of every file under dir.
func fileState(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A device that was set up never becomes a new one by itself: a database emptied (a corrupted
// SD card) or gone while the device's key file is still there gets the out-of-service screen,
// as a damaged database does, and nothing in the data folder changes. In development the demo
// data would otherwise be seeded again and its credentials file overwritten.
func TestRunRefusesALostDatabaseOfASetUpDevice(t *testing.T) {
	for _, tc := range []struct {
		name string
		lose func(cfg runConfig, path string) error
		want error
		says string
	}{
		{"emptied", func(_ runConfig, path string) error { return os.WriteFile(path, nil, 0o600) }, store.ErrCorrupt, "empty (0 bytes)"},
		{"gone", func(_ runConfig, path string) error { return os.Remove(path) }, store.ErrMissing, "device key file"},
		// As on a Pi whose device secret is its OTP key: there is no key file.
		{"gone with the key file", func(cfg runConfig, path string) error {
			return errors.Join(os.Remove(path), os.Remove(cfg.key))
		}, store.ErrMissing, "packs folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := setUpDev(t)
			path := filepath.Join(cfg.data, store.FileName)
			if err := tc.lose(cfg, path); err != nil {
				t.Fatal(err)
			}
			before := fileState(t, cfg.data)
			_, closeAll, err := openKiosk(t, cfg)
			if err == nil {
				closeAll()
				t.Fatalf("start on a database %s = nil, want out of service", tc.name)
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("start on a database %s = %v, want %v", tc.name, err, tc.want)
			}
			// runKiosk shows this error on the out-of-service screen.
			for _, want := range []string{path, tc.says, "backup"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("out-of-service error %q does not say %q", err, want)
				}
			}
			after := fileState(t, cfg.data)
			if !slices.Equal(slices.Sorted(maps.Keys(after)), slices.Sorted(maps.Keys(before))) {
				t.Errorf("start on a database %s changed the data folder's files from %v to %v",
					tc.name, slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
			}
			for p, b := range before {
				if after[p] != b {
					t.Errorf("start on a database %s changed %s", tc.name, p)
				}
			}
		})
	}
}

// A new development folder is set up once, and started again as it is.
func TestRunSetsUpANewFolder(t *testing.T) {
	cfg := setUpDev(t)
	creds, err := os.ReadFile(filepath.Join(cfg.data, demoFile))
	if err != nil || !strings.Contains(string(creds), "DEMO admin PIN") {
		t.Fatalf("the first start wrote %q, %v; want the demo credentials", creds, err)
	}
	out, closeAll, err := openKiosk(t, cfg)
	if err != nil {
		t.Fatalf("second start: %v", err)
	}
	closeAll()
	if !strings.Contains(out, string(creds)) {
		t.Errorf("second start printed %q, want the same credentials %q", out, creds)
	}
}
