package main

import (
	"io"
	"path/filepath"
	"testing"
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
