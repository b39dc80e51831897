package main

import (
	"context"
	"image"
	"log/slog"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// framePixel is one transparent pixel on top of the window whose picture the painter makes
// again each time it draws a frame after the pixel's Refresh: counting those is proof that
// frames are painted, not only that the UI's thread runs. (Fyne keeps a raster's texture until
// the raster is refreshed, and makes it again from Generator when it paints the raster next.)
type framePixel struct {
	raster  *canvas.Raster
	painted atomic.Uint64
}

func newFramePixel() *framePixel {
	p := &framePixel{}
	p.raster = canvas.NewRaster(func(w, h int) image.Image {
		p.painted.Add(1)
		return image.NewNRGBA(image.Rect(0, 0, 1, 1)) // transparent: nothing a person sees
	})
	p.raster.Resize(fyne.NewSize(1, 1))
	return p
}

// around is content with the pixel on top of its top-left corner. A raster takes no taps, so
// every tap still reaches the content beneath.
func (p *framePixel) around(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(content, container.NewWithoutLayout(p.raster))
}

// ask asks for a frame that paints the pixel again; call it on the UI's thread.
func (p *framePixel) ask() { p.raster.Refresh() }

// Painted is how many times the pixel has been painted.
func (p *framePixel) Painted() uint64 { return p.painted.Load() }

// pinger is the part of the watchdog the ping loop uses.
type pinger interface{ Ping() error }

// pingWhileDrawn pings at each tick only if a frame was painted since the tick before, and asks
// for the next frame (through ask, which must reach the UI's thread). A UI that hangs, or runs
// its thread but no longer paints, stops the pings, and systemd restarts the kiosk.
func pingWhileDrawn(ctx context.Context, dog pinger, ticks <-chan time.Time, painted func() uint64, ask func(), log *slog.Logger) {
	last := painted()
	ask()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticks:
		}
		now := painted()
		if now == last {
			log.Warn("no frame painted since the last watchdog tick: not pinging", "component", "watchdog")
		} else if err := dog.Ping(); err != nil {
			log.Warn("watchdog ping failed", "component", "watchdog", "err", err)
		}
		last = now
		ask()
	}
}
