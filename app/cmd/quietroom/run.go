package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"quietroom/app/assemble"
	"quietroom/app/enrol"
	"quietroom/app/ui"
	"quietroom/hw/watchdog"
)

func init() {
	register(command{
		name:    "run",
		usage:   "[--dev] [--data DIR] [--key FILE] [--config FILE] [--fullscreen] [--size WxH]",
		summary: "start the kiosk (--dev: desktop window, simulated light, demo data)",
		run:     runKiosk,
	})
}

// runConfig is what `quietroom run` was asked to do.
type runConfig struct {
	dev        bool
	fullscreen bool
	data       string
	key        string
	config     string // device config; "" is enrol.DefaultConfigFile on a device, none with --dev
	// width and height size the development window; zero is the official display's 800x480.
	width, height int
}

// defaultKeyFile is the device key file on a Pi without an OTP key: apart from the data
// folder (defaultDataDir, in status.go), as vault.KeyFile requires.
const defaultKeyFile = "/var/lib/quietroom-key/device.key"

func parseRun(args []string, stderr io.Writer) (runConfig, error) {
	var c runConfig
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&c.dev, "dev", false, "development mode: 800x480 window, simulated light, demo data")
	fs.BoolVar(&c.fullscreen, "fullscreen", false, "full screen even in development mode")
	fs.StringVar(&c.data, "data", "", "data folder (default "+defaultDataDir+"; with --dev required)")
	fs.StringVar(&c.key, "key", "", "device key file when the Pi has no OTP key (default "+defaultKeyFile+")")
	fs.StringVar(&c.config, "config", "", "device config: light and button wiring (default "+enrol.DefaultConfigFile+"; missing: the defaults)")
	size := fs.String("size", "", "development window size, e.g. 1280x720 (default 800x480)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if *size != "" {
		if _, err := fmt.Sscanf(*size, "%dx%d", &c.width, &c.height); err != nil || c.width < 320 || c.height < 240 {
			return c, fmt.Errorf("--size %q: want WIDTHxHEIGHT, e.g. 1280x720", *size)
		}
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	switch {
	case c.data == "" && c.dev:
		return c, errors.New("--dev needs --data DIR (make run uses .dev)")
	case c.data == "":
		c.data = defaultDataDir
	}
	if c.key == "" {
		c.key = defaultKeyFile
		if c.dev {
			c.key = filepath.Join(c.data, "dev-secret", "device.key")
		}
	}
	if !c.dev {
		c.fullscreen = true
	}
	return c, nil
}

func runKiosk(e *env, args []string) int {
	cfg, err := parseRun(args, e.stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(e.stderr, "quietroom run: %v\n", err)
		return 2
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	a := app.NewWithID("org.quietroom.kiosk")
	w := a.NewWindow("Quiet Room")
	if cfg.fullscreen {
		w.SetFullScreen(true)
	} else {
		size := fyne.NewSize(800, 480)
		if cfg.width > 0 {
			size = fyne.NewSize(float32(cfg.width), float32(cfg.height))
		}
		w.Resize(size)
		w.SetFixedSize(true)
	}
	u, closeAll, err := wire(ctx, cfg, log, e.stdout, w)
	if err != nil {
		defer showOutOfService(w, cfg, log, err)()
	} else {
		defer closeAll()
		u.Start()
		defer u.Stop()
	}
	dog, err := watchdog.FromEnv(os.Getenv)
	if err != nil {
		log.Warn("systemd watchdog unavailable", "component", "watchdog", "err", err)
	} else {
		a.Lifecycle().SetOnStarted(func() {
			log.Info("first frame shown", "component", "ui") // Show has drawn it; make bench times this line
			if err := dog.Ready(); err != nil {
				log.Warn("systemd notify failed", "component", "watchdog", "err", err)
			}
			go pingThroughUI(ctx, dog, log)
		})
		defer dog.Stopping()
	}
	w.ShowAndRun()
	return 0
}

// pingThroughUI pings systemd's watchdog from the UI's own thread, so that a hung UI stops the
// pings and systemd restarts the kiosk.
func pingThroughUI(ctx context.Context, dog *watchdog.Notifier, log *slog.Logger) {
	if dog.Interval() == 0 {
		return
	}
	t := time.NewTicker(dog.Interval() / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			fyne.Do(func() {
				if err := dog.Ping(); err != nil {
					log.Warn("watchdog ping failed", "component", "watchdog", "err", err)
				}
			})
		}
	}
}

// wire opens the kiosk (app/assemble) and builds its screens in w.
func wire(ctx context.Context, cfg runConfig, log *slog.Logger, stdout io.Writer, w fyne.Window) (*ui.UI, func(), error) {
	k, err := assemble.Open(ctx, cfg.assembly(log, stdout))
	if err != nil {
		return nil, nil, err
	}
	return ui.New(w, k.Kiosk, k.UI), k.Close, nil
}

// assembly is what app/assemble opens for this configuration.
func (c runConfig) assembly(log *slog.Logger, stdout io.Writer) assemble.Config {
	return assemble.Config{
		DataDir: c.data, KeyFile: c.key, DeviceConfig: c.deviceConfig(), Dev: c.dev, Logger: log, Demo: stdout,
	}
}

// demoFile is where a development folder keeps its demo credentials.
const demoFile = assemble.DemoFile
