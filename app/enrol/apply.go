package enrol

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"quietroom/app/yamlfile"
)

// ErrNoFile means there is no enrolment file: nothing to do.
var ErrNoFile = errors.New("no enrolment file")

// ErrNoRadio is what Actions.SetRadio returns when the radio to switch on does not exist
// (config.txt's disable-wifi or disable-bt overlay removed it). Run reports it as a note.
var ErrNoRadio = errors.New("no such radio")

// Radio kinds, as rfkill names them.
const (
	WiFi      = "wlan"
	Bluetooth = "bluetooth"
)

// Actions change the machine. [SystemActions] are the real ones; tests pass their own.
type Actions struct {
	// SetTimeZone makes name the system's time zone.
	SetTimeZone func(name string) error
	// SetRadio switches every radio of a kind (WiFi, Bluetooth) on or off.
	SetRadio func(kind string, on bool) error
}

// Options say which files Run works on and how it changes the machine.
type Options struct {
	Boot    string // the enrolment file (default DefaultBootFile)
	Config  string // the device config to write (default DefaultConfigFile)
	Zones   ZoneLookup
	Actions Actions
}

// Result is what an applied enrolment did.
type Result struct {
	Enrolment Enrolment
	// Notes are things the installer should know that did not stop the enrolment.
	Notes []string
}

// Run applies the enrolment file once. With no file it returns ErrNoFile and changes nothing.
// With a valid file it sets the time zone, switches the radios, writes the device config
// atomically and deletes the file (and any errors file of an earlier try). When the file has
// problems, or an action fails, the file stays, the device config is not written, and the
// problems are written to ErrorsFileName beside the file; the error says the same.
func Run(o Options) (Result, error) {
	if o.Boot == "" {
		o.Boot = DefaultBootFile
	}
	if o.Config == "" {
		o.Config = DefaultConfigFile
	}
	errorsFile := filepath.Join(filepath.Dir(o.Boot), ErrorsFileName)
	data, err := yamlfile.ReadFile(o.Boot) // at most one byte past the limit, which the parser refuses
	if errors.Is(err, fs.ErrNotExist) {
		return Result{}, ErrNoFile
	}
	if err != nil {
		return Result{}, fmt.Errorf("read enrolment file: %w", err)
	}
	e, err := ParseEnrolment(o.Boot, data, o.Zones)
	if err != nil {
		return Result{}, leave(errorsFile, o.Boot, err)
	}
	r := Result{Enrolment: e}
	if e.TimeZone != "" {
		if err := o.Actions.SetTimeZone(e.TimeZone); err != nil {
			return r, leave(errorsFile, o.Boot, fmt.Errorf("%s: time_zone: could not set %s: %w; check the name, or set it later with timedatectl", o.Boot, e.TimeZone, err))
		}
	}
	for _, radio := range []struct {
		kind, field string
		on          bool
	}{{WiFi, "wifi", e.WiFi}, {Bluetooth, "bluetooth", e.Bluetooth}} {
		err := o.Actions.SetRadio(radio.kind, radio.on)
		switch {
		case errors.Is(err, ErrNoRadio) && radio.on:
			r.Notes = append(r.Notes, fmt.Sprintf("%s: on, but this device has no %s radio: delete dtoverlay=disable-%s from config.txt on the boot partition and reboot",
				radio.field, radio.field, map[string]string{WiFi: "wifi", Bluetooth: "bt"}[radio.kind]))
		case err != nil && !errors.Is(err, ErrNoRadio):
			return r, leave(errorsFile, o.Boot, fmt.Errorf("%s: %s: could not switch it %s: %w", o.Boot, radio.field, onOff(radio.on), err))
		}
	}
	body, err := e.Device.Marshal(o.Boot)
	if err != nil {
		return r, leave(errorsFile, o.Boot, err)
	}
	if err := os.MkdirAll(filepath.Dir(o.Config), 0o755); err != nil {
		return r, leave(errorsFile, o.Boot, fmt.Errorf("write device config: %w", err))
	}
	if err := writeAtomic(o.Config, body, 0o644); err != nil {
		return r, leave(errorsFile, o.Boot, fmt.Errorf("write device config: %w", err))
	}
	if err := os.Remove(o.Boot); err != nil {
		return r, fmt.Errorf("enrolment applied, but the file could not be deleted (it will be applied again at the next boot): %w", err)
	}
	if err := os.Remove(errorsFile); err != nil && !errors.Is(err, fs.ErrNotExist) {
		r.Notes = append(r.Notes, fmt.Sprintf("could not delete the old %s: %v", errorsFile, err))
	}
	syncDir(filepath.Dir(o.Boot))
	return r, nil
}

// leave writes the problems beside the enrolment file and returns err, with a note when even
// that fails (a read-only boot partition): the journal still has it.
func leave(errorsFile, boot string, err error) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Quiet Room: %s was NOT applied (nothing of it was). Fix what is listed below, then restart the device.\n\n", filepath.Base(boot))
	b.WriteString(err.Error())
	b.WriteString("\n")
	if werr := writeAtomic(errorsFile, []byte(b.String()), 0o644); werr != nil {
		return fmt.Errorf("%w\n(could not write %s: %v)", err, errorsFile, werr)
	}
	return err
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// writeAtomic replaces path with data: a temporary file beside it, synced, then renamed, so a
// power cut leaves the old file or the new one, never half of one.
func writeAtomic(path string, data []byte, mode fs.FileMode) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // after a successful rename there is nothing left to remove
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename or removal in dir durable; file systems that cannot sync a directory
// (FAT) are fine without.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
