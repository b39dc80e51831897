package main

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"quietroom/app/ui"
)

// TestKioskSmokeInterview walks a whole interview in the real program under Xvfb with
// xdotool, where to click coming from the same UI laid out on the test driver (journey), whose
// screen the real program must show (its "screen shown" log lines) before each click: the
// consent signed with a drag on the signature pad, every topic of the pack (its longest
// included), the closing, the write-up and the seal. After each step the window must still be
// the screen's 800x480 (a screen that needs more grows the real window past the screen's
// edge), and the signature's strokes must be in the screenshot. A missing Xvfb or xdotool fails
// it (`make deps` installs them). QUIETROOM_SMOKE_SHOTS=DIR keeps a
// screenshot of each screen there, to look at.
func TestKioskSmokeInterview(t *testing.T) {
	needX(t, "xdotool")
	if testing.Short() {
		t.Skip("walks a whole interview in a real window: not with -short")
	}
	display := startXvfb(t)
	k := startKiosk(t, display, t.TempDir())
	if _, _, err := k.waitDrawn(60*time.Second, 100*time.Millisecond); err != nil {
		t.Fatalf("%v\nprogram output:\n%s", err, k.output())
	}
	pin := demoPIN(t, k)
	shots := os.Getenv("QUIETROOM_SMOKE_SHOTS")
	step := 0
	look := func(name string) *image.NRGBA {
		t.Helper()
		img, err := screenshot(display)
		if err != nil {
			t.Fatal(err)
		}
		if w, h := windowSize(t, display); w != 800 || h != 480 {
			t.Errorf("after %s the window is %dx%d, want the screen's 800x480", name, w, h)
		}
		if shots != "" {
			step++
			savePNG(t, filepath.Join(shots, fmt.Sprintf("%02d-%s.png", step, name)), img)
		}
		return img
	}
	j := newJourney(t)
	click := func(label string, at fyne.Position) {
		t.Helper()
		// The real program must show the screen the map shows before each click: the map's
		// taps so far have been the real program's clicks.
		if err := k.showing(j.u.Screen(), 10*time.Second); err != nil {
			t.Fatalf("before clicking %s: %v", label, err)
		}
		if err := clickAt(display, int(at.X), int(at.Y)); err != nil {
			t.Fatalf("%s: %v\nprogram output:\n%s", label, err, k.output())
		}
	}

	var pad image.Rectangle
	j.beforeConsent = func() {
		at, size := j.place(func(o fyne.CanvasObject) bool { _, ok := o.(*ui.SignaturePad); return ok })
		pad = image.Rect(int(at.X), int(at.Y), int(at.X+size.Width), int(at.Y+size.Height))
		look("consent")
		// Two strokes, as initials are written: the second one is what the window used to miss.
		for i, stroke := range [][]image.Point{
			{{20, 20}, {60, 80}, {100, 30}, {140, 85}},
			{{180, 25}, {190, 60}, {230, 85}, {270, 40}},
		} {
			if err := drag(display, pad.Min, stroke); err != nil {
				t.Fatalf("stroke %d: %v", i+1, err)
			}
		}
		img := look("consent-signed")
		if n := darkPixels(img, pad.Inset(3)); n < 200 {
			t.Errorf("the signature pad at %v shows %d dark pixels after two strokes, want at least 200: the strokes are not drawn", pad, n)
		}
	}
	j.toQuestions(pin, click)
	look("questions")
	topics := j.env.Kiosk.Engine().Topics()
	for i := 1; i < len(topics); i++ {
		click("Next topic", j.centre(j.button("Next topic", 0)))
		test.Tap(j.button("Next topic", 0))
		look(fmt.Sprintf("topic-%d", i+1))
	}
	click("Closing", j.centre(j.button("Closing", 0)))
	test.Tap(j.button("Closing", 0))
	j.wantScreen("closing")
	look("closing")
	click("write-up", j.centre(j.button("Interviewee has left: write-up", 0)))
	test.Tap(j.button("Interviewee has left: write-up", 0))
	j.wantScreen("write-up")
	// The write-up's field has the focus: a physical keyboard types into it at once.
	if err := xdo(display, "type", "--delay", "20", "Calm and clear"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	look("write-up")
	click("Seal the notes", j.centre(j.button("Seal the notes", 0)))
	test.Tap(j.button("Seal the notes", 0))
	click("Seal", j.centre(j.button("Seal", 0)))
	test.Tap(j.button("Seal", 0))
	look("sealed")
	if err := k.showing(j.u.Screen(), 10*time.Second); err != nil {
		t.Error(err)
	}
	if k.exited() {
		t.Fatalf("the program exited during the interview (%v); output:\n%s", k.err, k.output())
	}
}

// showing waits until the screen the program logged last ("screen shown") is want.
func (k *kioskProc) showing(want string, within time.Duration) error {
	deadline := time.Now().Add(within)
	for {
		got := ""
		for _, m := range shownName.FindAllStringSubmatch(k.output(), -1) {
			got = strings.Trim(m[1], `"`)
		}
		if got == want {
			return nil
		}
		if k.exited() || time.Now().After(deadline) {
			return fmt.Errorf("the real program shows %q, want %q (the map's)", got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// xdo runs xdotool on display.
func xdo(display string, args ...string) error {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("xdotool %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

// drag presses at the stroke's first point (relative to origin), moves through the others and
// lets go, as a finger drawing.
func drag(display string, origin image.Point, stroke []image.Point) error {
	at := func(p image.Point) []string {
		p = p.Add(origin)
		return []string{"mousemove", "--sync", strconv.Itoa(p.X), strconv.Itoa(p.Y)}
	}
	if err := xdo(display, at(stroke[0])...); err != nil {
		return err
	}
	if err := xdo(display, "mousedown", "1"); err != nil {
		return err
	}
	for _, p := range stroke[1:] {
		if err := xdo(display, at(p)...); err != nil {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := xdo(display, "mouseup", "1"); err != nil {
		return err
	}
	time.Sleep(300 * time.Millisecond)
	return nil
}

// darkPixels counts the pixels in r darker than the pad's light background.
func darkPixels(img *image.NRGBA, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := img.NRGBAAt(x, y)
			if int(c.R)+int(c.G)+int(c.B) < 3*0x90 {
				n++
			}
		}
	}
	return n
}

var geometryLine = regexp.MustCompile(`Geometry: (\d+)x(\d+)`)

// windowSize is the kiosk window's size as X sees it.
func windowSize(t *testing.T, display string) (int, int) {
	t.Helper()
	cmd := exec.Command("xdotool", "search", "--name", "Quiet Room", "getwindowgeometry")
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("xdotool getwindowgeometry: %v: %s", err, out)
	}
	m := geometryLine.FindSubmatch(out)
	if m == nil {
		t.Fatalf("no geometry in %q", out)
	}
	w, _ := strconv.Atoi(string(m[1]))
	h, _ := strconv.Atoi(string(m[2]))
	return w, h
}

func savePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
