package enrol

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// SystemActions change this machine: the time zone through timedatectl (or the /etc/localtime
// link when systemd-timedated cannot be reached, as early in boot or in an image build), and
// the radios through the kernel's rfkill switches, which systemd-rfkill keeps across reboots.
//
// rfkill is the soft switch: config.txt's dtoverlay=disable-wifi and disable-bt remove the
// radios from Linux altogether and are the stronger one (firmware/README.md).
func SystemActions() Actions {
	return Actions{
		SetTimeZone: func(name string) error {
			if err := exec.Command("timedatectl", "set-timezone", name).Run(); err == nil {
				return nil
			}
			return LinkTimeZone("/", name)
		},
		SetRadio: RFKill("/sys/class/rfkill"),
	}
}

// LinkTimeZone sets the time zone of the system under root the way timedatectl does offline:
// /etc/localtime becomes a link to the zone's file, and /etc/timezone (Debian's) names it.
func LinkTimeZone(root, name string) error {
	target := filepath.Join("/usr/share/zoneinfo", name)
	if _, err := os.Stat(filepath.Join(root, target)); err != nil {
		return fmt.Errorf("time zone %s: %w", name, err)
	}
	etc := filepath.Join(root, "etc")
	tmp := filepath.Join(etc, ".localtime.quietroom-tmp")
	_ = os.Remove(tmp)
	if err := os.Symlink(target, tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(etc, "localtime")); err != nil {
		os.Remove(tmp)
		return err
	}
	return writeAtomic(filepath.Join(etc, "timezone"), []byte(name+"\n"), 0o644)
}

// RFKill returns a SetRadio that writes the soft switch of every rfkill device of the kind
// under dir (/sys/class/rfkill on Linux). Switching on a kind the machine does not have is
// ErrNoRadio; switching it off is nothing to do.
func RFKill(dir string) func(kind string, on bool) error {
	return func(kind string, on bool) error {
		entries, err := os.ReadDir(dir)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		value := "1" // soft-blocked
		if on {
			value = "0"
		}
		found := false
		for _, e := range entries {
			t, err := os.ReadFile(filepath.Join(dir, e.Name(), "type"))
			if err != nil || strings.TrimSpace(string(t)) != kind {
				continue
			}
			found = true
			if err := os.WriteFile(filepath.Join(dir, e.Name(), "soft"), []byte(value), 0o644); err != nil {
				return fmt.Errorf("rfkill %s: %w", e.Name(), err)
			}
		}
		if !found && on {
			return fmt.Errorf("%w: no %s device", ErrNoRadio, kind)
		}
		return nil
	}
}
