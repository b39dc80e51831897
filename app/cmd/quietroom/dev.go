package main

import (
	"context"
	"fmt"
	"image/color"
	"log/slog"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// Development-only switches for the soak (make soak, soak_test.go). runKiosk reads them only
// with --dev, which the device's unit never passes, so a device ignores them whatever its
// environment holds.
const (
	// statsEnv, set to an interval such as 5s, logs at Info each interval ("runtime stats")
	// the number of goroutines and of frames painted (the watchdog's frame pixel, asked for a
	// frame each interval), so that the soak can tell a goroutine leak and a UI that stopped
	// drawing from outside.
	statsEnv = "QUIETROOM_DEV_STATS"
	// faultEnv breaks the program on purpose a while after the kiosk opens, so that the
	// soak's own test can show that each of its detectors catches what it is for:
	//   grow    a screen asks for more than the window, which grows past the display
	//   freeze  the UI's thread stops: nothing is drawn or handled again
	//   panic   the UI's thread panics
	// A delay may follow, as in freeze@20s; the default is 5s.
	faultEnv = "QUIETROOM_SOAK_FAULT"
)

// devFault is a parsed faultEnv.
type devFault struct {
	kind  string // "grow", "freeze" or "panic"
	after time.Duration
}

func parseFault(s string) (devFault, error) {
	kind, delay, timed := strings.Cut(s, "@")
	f := devFault{kind: kind, after: 5 * time.Second}
	switch kind {
	case "grow", "freeze", "panic":
	default:
		return f, fmt.Errorf("%s=%q: want grow, freeze or panic, optionally with @DELAY", faultEnv, s)
	}
	if timed {
		d, err := time.ParseDuration(delay)
		if err != nil || d < 0 {
			return f, fmt.Errorf("%s=%q: the delay after @ is not a duration", faultEnv, s)
		}
		f.after = d
	}
	return f, nil
}

// devSwitches starts what the development-only variables ask for, once the kiosk's screens are
// up. It returns an error for a variable it cannot read, so that a mistyped soak fails loudly.
func devSwitches(ctx context.Context, getenv func(string) string, w fyne.Window, pixel *framePixel, log *slog.Logger) error {
	if s := getenv(statsEnv); s != "" {
		every, err := time.ParseDuration(s)
		if err != nil || every <= 0 {
			return fmt.Errorf("%s=%q: want a positive duration such as 5s", statsEnv, s)
		}
		go logStats(ctx, every, pixel, log)
	}
	if s := getenv(faultEnv); s != "" {
		f, err := parseFault(s)
		if err != nil {
			return err
		}
		log.Warn("development fault armed", "component", "dev", "fault", f.kind, "after", f.after)
		time.AfterFunc(f.after, func() { fyne.Do(func() { f.strike(w, log) }) })
	}
	return nil
}

// logStats runs off the UI's thread, so that its lines go on when the UI stops: the frame count
// then stands still.
func logStats(ctx context.Context, every time.Duration, pixel *framePixel, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			log.Info("runtime stats", "component", "dev", "goroutines", runtime.NumGoroutine(), "frames", pixel.Painted())
			fyne.Do(pixel.ask)
		}
	}
}

// strike runs on the UI's thread.
func (f devFault) strike(w fyne.Window, log *slog.Logger) {
	log.Warn("development fault", "component", "dev", "fault", f.kind)
	switch f.kind {
	case "grow":
		// As a screen whose content is wider and taller than the display: the desktop driver
		// grows even a fixed-size window to fit it.
		big := canvas.NewRectangle(color.Transparent)
		big.SetMinSize(fyne.NewSize(1000, 700))
		w.SetContent(container.NewStack(w.Content(), big))
	case "freeze":
		for {
			time.Sleep(time.Hour)
		}
	case "panic":
		panic("development fault: " + faultEnv + "=panic")
	}
}
