package main

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

type countingDog struct{ pings atomic.Int32 }

func (d *countingDog) Ping() error { d.pings.Add(1); return nil }

// TestWatchdogPingsOnlyWhileFramesArePainted runs the ping loop against a window of the fyne
// test driver with the frame pixel on top. Its canvas paints only when captured, so the test
// decides when frames are drawn: while it paints them the watchdog is pinged at each tick;
// when the painting stops, though frames are still asked for (the UI's thread runs), the pings
// stop; when it paints again they come back.
func TestWatchdogPingsOnlyWhileFramesArePainted(t *testing.T) {
	test.NewTempApp(t)
	pixel := newFramePixel()
	w := test.NewWindow(pixel.around(widget.NewLabel("Room free")))
	defer w.Close()
	w.Resize(fyne.NewSize(800, 480))

	dog := &countingDog{}
	ticks := make(chan time.Time)
	asked := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go pingWhileDrawn(ctx, dog, ticks, pixel.Painted, func() {
		pixel.ask()
		asked <- struct{}{}
	}, slog.New(slog.DiscardHandler))
	<-asked

	tick := func() {
		ticks <- time.Now()
		<-asked // the loop has looked at the frames and asked for the next
	}
	for _, phase := range []struct {
		name      string
		paint     bool
		ticks     int
		wantPings int32
	}{
		{"drawing", true, 3, 3},
		{"the UI's thread runs but paints nothing", false, 4, 0},
		{"drawing again", true, 2, 2},
	} {
		before := dog.pings.Load()
		for range phase.ticks {
			if phase.paint {
				w.Canvas().Capture() // a frame painted between two ticks
			}
			tick()
		}
		if got := dog.pings.Load() - before; got != phase.wantPings {
			t.Errorf("%s: %d pings in %d ticks, want %d", phase.name, got, phase.ticks, phase.wantPings)
		}
	}
}

// TestFramePixelCountsPaintsNotRequests: a refresh alone is not a frame.
func TestFramePixelCountsPaintsNotRequests(t *testing.T) {
	test.NewTempApp(t)
	pixel := newFramePixel()
	w := test.NewWindow(pixel.around(widget.NewLabel("Room free")))
	defer w.Close()
	w.Resize(fyne.NewSize(800, 480))
	before := pixel.Painted()
	for range 3 {
		pixel.ask()
	}
	if got := pixel.Painted(); got != before {
		t.Errorf("Painted() = %d after three refreshes and no frame, want %d", got, before)
	}
	w.Canvas().Capture()
	if got := pixel.Painted(); got != before+1 {
		t.Errorf("Painted() = %d after one frame, want %d", got, before+1)
	}
}

// TestFramePixelLetsTapsThrough: the pixel on top of the screen's top-left corner must not take
// a tap meant for the button under it.
func TestFramePixelLetsTapsThrough(t *testing.T) {
	test.NewTempApp(t)
	pixel := newFramePixel()
	tapped := false
	b := widget.NewButton("Admin", func() { tapped = true })
	w := test.NewWindow(pixel.around(b))
	defer w.Close()
	w.SetPadded(false) // as the kiosk's window: the pixel is at the window's very corner
	w.Resize(fyne.NewSize(800, 480))
	test.TapCanvas(w.Canvas(), fyne.NewPos(0.5, 0.5))
	if !tapped {
		t.Errorf("a tap on the pixel at (0.5, 0.5) did not reach the button beneath")
	}
}
