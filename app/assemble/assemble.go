package assemble

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"quietroom/app/assemble/core"
	"quietroom/app/clock"
	"quietroom/app/enrol"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/demo"
	"quietroom/app/protocol"
	"quietroom/app/store"
	"quietroom/app/ui"
	"quietroom/app/vault"
	"quietroom/hw"
	"quietroom/hw/gpio"
	"quietroom/hw/otp"
	"quietroom/hw/retrying"
	"quietroom/hw/sim"
)

// Config is what the kiosk is opened from.
type Config struct {
	// DataDir is the data folder (database, imported packs); created when missing.
	DataDir string
	// KeyFile is the device key file, used when the board has no programmed OTP key. It must
	// be outside DataDir, except in development.
	KeyFile string
	// DeviceConfig is the device config file (light and button wiring, room name); "" or a
	// missing file means the defaults.
	DeviceConfig string
	// Dev is development: a simulated light and button, no OTP, the key file allowed inside
	// the data folder, and the demo data seeded into a new folder.
	Dev bool
	// Logger receives what happens at start-up and after. Default: discard.
	Logger *slog.Logger
	// Demo receives the demo credentials in development. Default: discard.
	Demo io.Writer
	// DemoRoom is the room name a new development folder is set up with. Default:
	// kiosk.DemoRoomName.
	DemoRoom string
	// Stick is a folder that stands for a USB stick in development (Dev only): packs are
	// imported from it and every export is written to it, so that two development kiosks can
	// pass a board's files between them without a real mount. "" looks for real sticks.
	Stick string
}

// Kiosk is an opened kiosk: its use cases, what the screens need besides the window, and what
// closes it.
type Kiosk struct {
	Kiosk *kiosk.Kiosk
	// UI are the options ui.New takes with Kiosk: the light and button links, the room name
	// enrolment suggests, the logger.
	UI ui.Options

	closers []func()
}

// Close stops the scheduled purge and closes the hardware and the database, in the reverse
// order of opening. Calling it twice is harmless.
func (k *Kiosk) Close() {
	for i := len(k.closers) - 1; i >= 0; i-- {
		k.closers[i]()
	}
	k.closers = nil
}

// PacksDir is the imported question packs' folder inside the data folder.
const PacksDir = "packs"

// DemoFile keeps the demo credentials in the development data folder, so every development run
// can print them again.
const DemoFile = "DEMO-CREDENTIALS.txt"

// Open opens everything, purges what is due, starts the scheduled purge and builds the kiosk.
// Nothing is returned (and so nothing shown) before the purge has run. A device that was set
// up but whose database is gone is refused (store.ErrMissing), never offered the set-up again.
func Open(ctx context.Context, c Config) (_ *Kiosk, err error) {
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Demo == nil {
		c.Demo = io.Discard
	}
	log := c.Logger
	if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	device, gpioOpts, err := LoadDevice(c.DeviceConfig)
	if err != nil {
		return nil, err
	}
	trace := setUpTrace(c)
	// The device key comes from the Pi's OTP key, the key file, or, on a new Pi with an
	// unprogrammed OTP key, the wizard's choice (vault.SecretChoice). Development never
	// touches the OTP.
	var board vault.OTPKey
	if !c.Dev {
		board = otp.New()
	}
	kc, err := core.Open(ctx, core.Config{DataDir: c.DataDir, KeyFile: c.KeyFile, KeyFileInData: c.Dev, OTP: board,
		MustExist: trace != "", Logger: log})
	if errors.Is(err, store.ErrMissing) && trace != "" {
		err = fmt.Errorf("this device was set up (%s): %w", trace, err)
	}
	if err != nil {
		return nil, err
	}
	k := &Kiosk{closers: []func(){kc.Close}}
	defer func() {
		if err != nil {
			k.Close()
		}
	}()
	ret := kc.Retention
	r, err := ret.PurgeDue(ctx)
	if err != nil {
		return nil, fmt.Errorf("purge at start-up: %w", err)
	}
	log.Info("purge at start-up", "component", "retention", "sessions", r.Sessions)
	purgeCtx, stopPurge := context.WithCancel(ctx)
	purged := make(chan struct{})
	go func() {
		defer close(purged)
		if err := ret.Run(purgeCtx); err != nil && !errors.Is(err, context.Canceled) {
			log.Error("scheduled purge stopped", "component", "retention", "err", err)
		}
	}()
	k.closers = append(k.closers, func() { stopPurge(); <-purged })

	packs, err := protocol.OpenLibrary(filepath.Join(c.DataDir, PacksDir))
	if err != nil {
		return nil, err
	}
	for _, p := range packs.Problems() {
		log.Warn("question pack not loaded", "component", "packs", "err", p)
	}

	k.UI = ui.Options{Logger: log, HideCursor: !c.Dev, RoomName: device.RoomName}
	light := k.openHardware(c, gpioOpts)

	k.Kiosk, err = kc.Kiosk(packs, light, c.kioskOptions(log))
	if err != nil {
		return nil, err
	}
	if c.Dev {
		if err := seedDemo(ctx, k.Kiosk, c.DataDir, c.DemoRoom, c.Demo); err != nil {
			return nil, err
		}
	}
	return k, nil
}

// openHardware opens the light and the privacy button: simulated in development, the GPIO
// lines otherwise. A missing or busy line never stops the kiosk: the light retries every
// minute (its fault shows on the admin's storage health screen), and a missing button is
// logged.
func (k *Kiosk) openHardware(c Config, o gpio.Options) hw.Indicator {
	log := c.Logger
	var light hw.Indicator
	if c.Dev {
		simLight := sim.NewIndicator(log, hw.TwoColour, clock.System())
		light = simLight
		k.UI.Light, k.UI.Wiring = simLight.Subscribe, hw.TwoColour
		btn := sim.NewButton(log, clock.System())
		k.UI.Privacy = btn.Presses()
		k.closers = append(k.closers, func() { btn.Close() })
	} else {
		light = retrying.Open(func() (hw.Indicator, error) { return gpio.OpenIndicator(o) }, retrying.Options{Log: log})
		if b, err := gpio.OpenButton(o); err != nil {
			log.Warn("privacy button unavailable", "component", "hw", "err", err)
		} else if b != nil {
			k.UI.Privacy = b.Presses()
			k.closers = append(k.closers, func() { b.Close() })
		}
	}
	k.closers = append(k.closers, func() { light.Close() })
	return light
}

// LoadDevice reads the device config: the defaults when the file is missing (or path is ""),
// an error naming the file, line and field when it is wrong.
func LoadDevice(path string) (enrol.Device, gpio.Options, error) {
	if path == "" {
		return enrol.Default(), DeviceGPIO(enrol.Default()), nil
	}
	d, err := enrol.LoadDevice(path)
	if err != nil {
		return enrol.Device{}, gpio.Options{}, fmt.Errorf("the device config is not valid (nothing of it was used):\n%w", err)
	}
	return d, DeviceGPIO(d), nil
}

// DeviceGPIO turns the device config into the GPIO drivers' options.
func DeviceGPIO(d enrol.Device) gpio.Options {
	return gpio.Options{Wiring: d.Wiring, Lines: d.Lines, Polarity: d.Polarity, Button: d.Button, Debounce: d.Debounce}
}

// setUpTrace says what shows that the kiosk has started in this data folder before, or ""
// when nothing does. The device key file (when the Pi has no OTP key) and the packs folder are
// made only after the database, at the first start, so either one without the database means
// that the database was lost, never that the device is new: store.Open then refuses to create
// one, and the device is not offered the first-boot set-up beside its old key. Setting it up
// afresh on purpose means removing the data and key folders, as taking a device out of
// service does. (A Pi whose secret is in its OTP key and whose packs folder went with the
// database leaves no trace here; its OTP key stays for ever and proves nothing about the card.)
func setUpTrace(c Config) string {
	for _, t := range []struct{ what, path string }{
		{"its device key file", c.KeyFile},
		{"its question packs folder", filepath.Join(c.DataDir, PacksDir)},
	} {
		if _, err := os.Lstat(t.path); err == nil {
			return t.what + " " + t.path + " exists"
		}
	}
	return ""
}

// seedDemo seeds a new development folder with the demo data and writes its credentials to
// DemoFile, then prints them (again) to w. A new folder's room is named room ("" is the demo's).
func seedDemo(ctx context.Context, k *kiosk.Kiosk, dir, room string, w io.Writer) error {
	path := filepath.Join(dir, DemoFile)
	first, err := k.FirstBoot(ctx)
	if err != nil {
		return err
	}
	if first {
		d, err := demo.SeedRoom(ctx, k, room)
		if err != nil {
			return err
		}
		if err := demo.SeedSurvey(ctx, k, d.AdminCredential); err != nil {
			return err
		}
		if err := demo.SeedBoard(ctx, k, d); err != nil {
			return err
		}
		dp, err := demo.SeedPanel(ctx, k, d)
		if err != nil {
			return err
		}
		text := fmt.Sprintf("DEMO admin PIN:        %s\nDEMO interviewer:      %s\nDEMO interviewer PIN:  %s\nDEMO engagement:       %s\nDEMO peer challenge:   %s (its team board: the demo interviewer, Team boards)\nDEMO surveys:          %s (open: Take the survey on Home); %s (its results: the demo interviewer, Survey results)\n",
			d.AdminCredential, d.InterviewerName, d.InterviewerPIN, d.EngagementTitle, demo.DemoBoardTitle, demo.DemoSurveyTitle, demo.DemoClosedSurveyTitle)
		if dp.StaffPIN != "" {
			text += fmt.Sprintf("DEMO panel:            %s (the demo interviewer is its appointing officer and chair: Recruitment panels)\nDEMO panel members:    %s, PIN %s; %s, PIN %s\n",
				demo.DemoPanelTitle, dp.StaffName, dp.StaffPIN, dp.PartnerName, dp.PartnerPIN)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			return err
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(w, "DEMO: this development folder was set up without demo credentials.")
		return nil
	}
	fmt.Fprintf(w, "==== DEMO DATA (development only, never on a device) ====\n%s=========================================================\n", b)
	return nil
}

// kioskOptions are the use cases' options: in development, a folder given as the stick.
func (c Config) kioskOptions(log *slog.Logger) kiosk.Options {
	o := kiosk.Options{Logger: log}
	if c.Dev && c.Stick != "" {
		o.ImportDirs = []string{c.Stick}
		o.ExportDirs = []string{c.Stick}
	}
	return o
}
