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
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"quietroom/app/assemble"
	"quietroom/app/enrol"
	"quietroom/app/kiosk/demo"
	"quietroom/app/ui"
	"quietroom/hw/watchdog"
)

func init() {
	register(command{
		name:    "run",
		usage:   "[--dev] [--data DIR] [--key FILE] [--config FILE] [--fullscreen] [--size WxH] [--room NAME] [--stick DIR]",
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
	// room names a new development folder's room (--dev); "" is the demo's.
	room string
	// stick is a folder that stands for the USB stick (--dev); "" looks for real sticks.
	stick string
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
	fs.StringVar(&c.room, "room", "", "with --dev, the room name of a new data folder, e.g. \"Room 2\" (default \""+demo.DemoRoomName+"\")")
	fs.StringVar(&c.stick, "stick", "", "with --dev, a folder that stands for the USB stick (packs read from it, exports written to it)")
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
	if c.room != "" && !c.dev {
		return c, errors.New("--room is for --dev only: a device's room is named at its first boot")
	}
	if c.stick != "" && !c.dev {
		return c, errors.New("--stick is for --dev only: a device writes only to a USB stick it finds mounted")
	}
	if c.stick != "" {
		if fi, err := os.Stat(c.stick); err != nil || !fi.IsDir() {
			return c, fmt.Errorf("--stick %q: want an existing folder to stand for the USB stick", c.stick)
		}
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
	preloaded := ui.Preload() // the first screen's fonts, on another core while the window is made
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
	// The window is drawn first, saying the kiosk is starting; the records (store, keys, the
	// deletions that fell due while it was off) open behind it and the kiosk's screens replace
	// it. A person at the screen sees the kiosk at once, and make bench times both lines.
	ui.Starting(w, preloaded)
	opening := openBehind(ctx, cfg, log, e.stdout, w)
	dog, err := watchdog.FromEnv(os.Getenv)
	if err != nil {
		log.Warn("systemd watchdog unavailable", "component", "watchdog", "err", err)
		dog = nil
	}
	a.Lifecycle().SetOnStarted(func() {
		log.Info("first frame shown", "component", "ui") // Show has drawn it; make bench times this line
		go opening.run(func() {
			if cfg.dev {
				if err := devSwitches(ctx, os.Getenv, w, opening.pixel, log); err != nil {
					log.Error("development switch not understood", "component", "dev", "err", err)
					a.Quit()
					return
				}
			}
			// Ready only once the kiosk's own screens (or out of service) are up, and pinged
			// only while frames are painted, so that a kiosk stuck opening, a hung UI or one
			// that no longer draws is restarted.
			if dog == nil {
				return
			}
			if err := dog.Ready(); err != nil {
				log.Warn("systemd notify failed", "component", "watchdog", "err", err)
			}
			go pingThroughUI(ctx, dog, opening.pixel, log)
		})
	})
	w.ShowAndRun()
	cancel()
	opening.close()
	if dog != nil {
		dog.Stopping()
	}
	return 0
}

// opening opens the kiosk behind the starting screen and shows it when open; close undoes
// whatever it got to when the window closes.
type opening struct {
	ctx    context.Context
	cfg    runConfig
	log    *slog.Logger
	stdout io.Writer
	w      fyne.Window

	opened chan struct{} // closed once assemble.Open has returned
	pixel  *framePixel   // on top of the kiosk's screens: proof for the watchdog that frames are painted
	mu     sync.Mutex
	undo   []func() // run by close, last first
}

func openBehind(ctx context.Context, cfg runConfig, log *slog.Logger, stdout io.Writer, w fyne.Window) *opening {
	return &opening{ctx: ctx, cfg: cfg, log: log, stdout: stdout, w: w, opened: make(chan struct{}), pixel: newFramePixel()}
}

func (o *opening) later(f func()) {
	o.mu.Lock()
	o.undo = append(o.undo, f)
	o.mu.Unlock()
}

// run opens the kiosk (off the UI's thread), then builds its screens on the UI's thread and
// calls shown there.
func (o *opening) run(shown func()) {
	k, err := assemble.Open(o.ctx, o.cfg.assembly(o.log, o.stdout))
	if err == nil {
		o.later(k.Close)
	}
	close(o.opened)
	fyne.Do(func() {
		if err != nil {
			o.later(showOutOfService(o.w, o.cfg, o.log, err))
			o.w.SetContent(o.pixel.around(o.w.Content()))
		} else {
			u := ui.New(o.w, k.Kiosk, k.UI)
			o.w.SetContent(o.pixel.around(o.w.Content())) // before the first screen takes the focus
			u.Start()
			o.later(u.Stop)
			o.log.Info("kiosk open", "component", "ui") // make bench times this line too
		}
		shown()
	})
}

// close waits for an open still under way and undoes what was opened.
func (o *opening) close() {
	select {
	case <-o.opened:
	case <-time.After(30 * time.Second):
		o.log.Warn("the kiosk was still opening when the window closed", "component", "ui")
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	for i := len(o.undo) - 1; i >= 0; i-- {
		o.undo[i]()
	}
	o.undo = nil
}

// pingThroughUI pings systemd's watchdog every third of its interval while the window paints
// the frames asked of it through the UI's thread (pingWhileDrawn), so that a hung UI, or one
// that runs but no longer draws, stops the pings and systemd restarts the kiosk.
func pingThroughUI(ctx context.Context, dog *watchdog.Notifier, pixel *framePixel, log *slog.Logger) {
	if dog.Interval() == 0 {
		return
	}
	t := time.NewTicker(dog.Interval() / 3)
	defer t.Stop()
	pingWhileDrawn(ctx, dog, t.C, pixel.Painted, func() { fyne.Do(pixel.ask) }, log)
}

// wire opens the kiosk (app/assemble) and builds its screens in w, in one step: what run does
// in two, on two threads.
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
		DataDir: c.data, KeyFile: c.key, DeviceConfig: c.deviceConfig(), Dev: c.dev, Logger: log, Demo: stdout, DemoRoom: c.room, Stick: c.stick,
	}
}

// demoFile is where a development folder keeps its demo credentials.
const demoFile = assemble.DemoFile
