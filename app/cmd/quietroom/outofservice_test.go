package main

import (
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/hw"
)

// TestOutOfServiceSetsTheLight: a kiosk that cannot start sets the light to its fault look and
// says so on the screen; a device config that cannot be read leaves the light alone and the
// screen says why.
func TestOutOfServiceSetsTheLight(t *testing.T) {
	broken := filepath.Join(t.TempDir(), "device.yaml")
	if err := os.WriteFile(broken, []byte("indicator_wiring: rainbow\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		cfg  runConfig
		want string
	}{
		{"development", runConfig{dev: true}, "shows a fault: " + hw.LookOf(hw.TwoColour, hw.Fault).String() + " (simulated)"},
		{"device config broken", runConfig{config: broken}, "could not be set: the device config is not valid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			w := test.NewWindow(nil)
			t.Cleanup(w.Close)
			closeLight := showOutOfService(w, tc.cfg, slog.New(slog.DiscardHandler), errors.New("the database is damaged"))
			defer closeLight()
			var text []string
			for _, o := range test.LaidOutObjects(w.Content()) {
				if l, ok := o.(*widget.Label); ok {
					text = append(text, l.Text)
				}
			}
			all := strings.Join(text, "\n")
			for _, want := range []string{"Out of service", "the database is damaged", tc.want} {
				if !strings.Contains(all, want) {
					t.Errorf("out-of-service screen shows %q, want it to say %q", all, want)
				}
			}
		})
	}
}
