package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestCLIIsQuietInTheCLocale: with the C locale as systemd and CI set it (C.UTF-8, C, POSIX),
// a command prints nothing of the UI toolkit (it printed "Fyne error: Error parsing user
// locale C" twice on every run), and the command still works.
func TestCLIIsQuietInTheCLocale(t *testing.T) {
	for _, lang := range []string{"C.UTF-8", "C.utf8", "C", "POSIX", "en_GB.UTF-8"} {
		t.Run(lang, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "LANG=" + lang, cliChildEnv + "=pack list"}
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("quietroom pack list with LANG=%s: %v\n%s", lang, err, out)
			}
			if strings.Contains(string(out), "Fyne") || strings.Contains(string(out), "locale") {
				t.Errorf("LANG=%s: the command printed the toolkit's complaint:\n%s", lang, out)
			}
			if !strings.Contains(string(out), "leadership-360") {
				t.Errorf("LANG=%s: pack list printed no packs:\n%s", lang, out)
			}
		})
	}
}
