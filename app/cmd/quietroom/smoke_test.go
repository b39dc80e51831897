package main

import (
	"testing"
	"time"
)

// TestKioskSmoke starts the real program in a virtual display, waits for Home to be drawn, and
// checks that it is still running: the Fyne desktop driver, the store, the vault and the demo
// data all come up together.
func TestKioskSmoke(t *testing.T) {
	needX(t)
	if testing.Short() {
		t.Skip("the real program in a real window: runs in make test's step without the race detector")
	}
	display := startXvfb(t)
	k := startKiosk(t, display, t.TempDir())
	st, seen, err := k.waitDrawn(60*time.Second, 100*time.Millisecond)
	if err != nil {
		t.Fatalf("%v\nprogram output:\n%s", err, k.output())
	}
	t.Logf("Home drawn %v after start: %d colours, %d Start-green pixels",
		seen.Sub(k.started).Round(time.Millisecond), st.colours, st.startPixels)

	// make bench times the first frame by this line.
	select {
	case <-k.frame:
	case <-time.After(10 * time.Second):
		t.Errorf("no %s line in the output", firstFrameLog)
	}

	// Still running, and still showing Home, on a second look: no crash once the UI runs.
	img, err := screenshot(display)
	if err != nil {
		t.Fatal(err)
	}
	if st := statsOf(img); !st.drawn() {
		t.Errorf("second screenshot not drawn: %d colours, %d Start-green pixels", st.colours, st.startPixels)
	}
	if k.exited() {
		t.Fatalf("the program exited after drawing Home (%v); output:\n%s", k.err, k.output())
	}
	k.stop(t)
	if t.Failed() {
	}
}
