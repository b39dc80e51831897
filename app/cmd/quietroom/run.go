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

	"quietroom/app/enrol"
	"quietroom/app/kiosk"
	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/store"
	"quietroom/app/ui"
	"quietroom/app/vault"
	"quietroom/hw"
	"quietroom/hw/gpio"
	"quietroom/hw/otp"
	"quietroom/hw/retrying"
	"quietroom/hw/sim"
	"quietroom/hw/watchdog"
)

func init() {
	register(command{
		name:    "run",
		usage:   "[--dev] [--data DIR] [--key FILE] [--config FILE] [--fullscreen]",
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
	if err := fs.Parse(args); err != nil {
		return c, err
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
		w.Resize(fyne.NewSize(800, 480))
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

// wire opens everything, purges what is due and builds the UI. Nothing is shown before the
// purge has run.
func wire(ctx context.Context, cfg runConfig, log *slog.Logger, stdout io.Writer, w fyne.Window) (*ui.UI, func(), error) {
	if err := os.MkdirAll(cfg.data, 0o700); err != nil {
		return nil, nil, fmt.Errorf("data folder: %w", err)
	}
	device, hwOpts, err := loadDevice(cfg.deviceConfig())
	if err != nil {
		return nil, nil, err
	}
	trace := setUpTrace(cfg)
	db, err := store.Open(ctx, cfg.data, store.Options{MustExist: trace != ""})
	if errors.Is(err, store.ErrMissing) && trace != "" {
		err = fmt.Errorf("this device was set up (%s): %w", trace, err)
	}
	if err != nil {
		return nil, nil, err
	}
	closers := []func(){func() { db.Close() }}
	closeAll := func() {
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
		}
	}
	fail := func(err error) (*ui.UI, func(), error) { closeAll(); return nil, nil, err }

	secret, err := deviceSecret(ctx, cfg, db)
	if err != nil {
		return fail(err)
	}
	v, err := vault.New(secret, vault.Options{})
	if err != nil {
		return fail(err)
	}
	ret, err := retention.New(ctx, db, wallClock{}, retention.Options{Log: log})
	if err != nil {
		return fail(err)
	}
	r, err := ret.PurgeDue(ctx)
	if err != nil {
		return fail(fmt.Errorf("purge at start-up: %w", err))
	}
	log.Info("purge at start-up", "component", "retention", "sessions", r.Sessions)
	go func() {
		if err := ret.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
			log.Error("scheduled purge stopped", "component", "retention", "err", err)
		}
	}()

	packs, err := protocol.OpenLibrary(filepath.Join(cfg.data, packsDir))
	if err != nil {
		return fail(err)
	}
	for _, p := range packs.Problems() {
		log.Warn("question pack not loaded", "component", "packs", "err", p)
	}

	var (
		light   hw.Indicator
		opts    ui.Options
		simLite *sim.Indicator
	)
	opts.Logger = log
	opts.HideCursor = !cfg.dev
	opts.RoomName = device.RoomName // enrolment's suggestion for the set-up wizard
	if cfg.dev {
		simLite = sim.NewIndicator(log, hw.TwoColour, hw.SystemClock())
		light = simLite
		opts.Light, opts.Wiring = simLite.Subscribe, hw.TwoColour
		btn := sim.NewButton(log, hw.SystemClock())
		opts.Privacy = btn.Presses()
		closers = append(closers, func() { btn.Close() })
	} else {
		// A missing or busy line never stops the kiosk: the wrapper logs it, retries every
		// minute, and the fault shows on the admin's storage health screen.
		light = retrying.Open(func() (hw.Indicator, error) {
			return gpio.OpenIndicator(hwOpts)
		}, retrying.Options{Log: log})
		if b, err := gpio.OpenButton(hwOpts); err != nil {
			log.Warn("privacy button unavailable", "component", "hw", "err", err)
		} else if b != nil {
			opts.Privacy = b.Presses()
			closers = append(closers, func() { b.Close() })
		}
	}
	closers = append(closers, func() { light.Close() })

	k, err := kiosk.New(kiosk.Deps{
		Store: kioskStore{db}, Vault: v, Retention: ret, Packs: packs, Light: light,
		Limiter:      vault.NewLimiter(db, ret, vault.DefaultPolicy()),
		AdminLimiter: vault.NewLimiter(db, ret, vault.Policy{FreeFailures: 3, Delays: vault.DefaultPolicy().Delays}),
		Secret:       secret,
	}, kiosk.Options{Logger: log})
	if err != nil {
		return fail(err)
	}
	if cfg.dev {
		if err := demo(ctx, k, cfg.data, stdout); err != nil {
			return fail(err)
		}
	}
	return ui.New(w, k, opts), closeAll, nil
}

// packsDir is the imported question packs' folder inside the data folder.
const packsDir = "packs"

// setUpTrace says what shows that the kiosk has started in this data folder before, or ""
// when nothing does. The device key file (when the Pi has no OTP key) and the packs folder are
// made only after the database, at the first start, so either one without the database means
// that the database was lost, never that the device is new: store.Open then refuses to create
// one, and the device is not offered the first-boot set-up beside its old key. Setting it up
// afresh on purpose means removing the data and key folders, as taking a device out of
// service does. (A Pi whose secret is in its OTP key and whose packs folder went with the
// database leaves no trace here; its OTP key stays for ever and proves nothing about the card.)
func setUpTrace(cfg runConfig) string {
	for _, t := range []struct{ what, path string }{
		{"its device key file", cfg.key},
		{"its question packs folder", filepath.Join(cfg.data, packsDir)},
	} {
		if _, err := os.Lstat(t.path); err == nil {
			return t.what + " " + t.path + " exists"
		}
	}
	return ""
}

// deviceSecret settles where the device key comes from (see vault.SecretChoice): the Pi's
// OTP key, the key file, or, on a new Pi with an unprogrammed OTP key, the wizard's choice.
// Development never touches the OTP.
func deviceSecret(ctx context.Context, cfg runConfig, db *store.DB) (*vault.SecretChoice, error) {
	kf, err := vault.NewKeyFile(cfg.key, vault.KeyFileOptions{DataDir: cfg.data, Development: cfg.dev})
	if err != nil {
		return nil, err
	}
	_, adminErr := db.AdminVerifier(ctx)
	if adminErr != nil && !errors.Is(adminErr, session.ErrNotFound) {
		return nil, adminErr
	}
	var board vault.OTPKey
	if !cfg.dev {
		board = otp.New()
	}
	return vault.NewSecretChoice(board, kf, adminErr == nil, nil)
}

// demoFile keeps the demo credentials in the development data folder, so every --dev run can
// print them again.
const demoFile = "DEMO-CREDENTIALS.txt"

func demo(ctx context.Context, k *kiosk.Kiosk, dir string, stdout io.Writer) error {
	path := filepath.Join(dir, demoFile)
	first, err := k.FirstBoot(ctx)
	if err != nil {
		return err
	}
	if first {
		d, err := k.SeedDemo(ctx)
		if err != nil {
			return err
		}
		text := fmt.Sprintf("DEMO admin PIN:        %s\nDEMO interviewer:      %s\nDEMO interviewer PIN:  %s\nDEMO engagement:       %s\n",
			d.AdminCredential, d.InterviewerName, d.InterviewerPIN, d.EngagementTitle)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			return err
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(stdout, "DEMO: this development folder was set up without demo credentials.")
		return nil
	}
	fmt.Fprintf(stdout, "==== DEMO DATA (development only, never on a device) ====\n%s=========================================================\n", b)
	return nil
}

// kioskStore adapts the SQLite store to kiosk.Store (the interviewer type is the store's own).
type kioskStore struct{ *store.DB }

func (s kioskStore) Interviewers(ctx context.Context) ([]kiosk.Interviewer, error) {
	all, err := s.DB.Interviewers(ctx)
	out := make([]kiosk.Interviewer, len(all))
	for i, iv := range all {
		out[i] = kiosk.Interviewer(iv)
	}
	return out, err
}

func (s kioskStore) Interviewer(ctx context.Context, id string) (kiosk.Interviewer, error) {
	iv, err := s.DB.Interviewer(ctx, id)
	return kiosk.Interviewer(iv), err
}

func (s kioskStore) PutInterviewer(ctx context.Context, iv kiosk.Interviewer) error {
	return s.DB.PutInterviewer(ctx, store.Interviewer(iv))
}
