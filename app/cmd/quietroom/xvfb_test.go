package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The smoke test and the kiosk benchmarks run the real program: this test binary, re-executed
// with kioskChildEnv set, runs `quietroom run --dev --data $kioskDataEnv` in a virtual X display
// of its own (Xvfb).
const (
	kioskChildEnv = "QUIETROOM_KIOSK_CHILD"
	// cliChildEnv, set to a command line, runs that quietroom command in the test binary.
	cliChildEnv  = "QUIETROOM_CLI_CHILD"
	kioskDataEnv = "QUIETROOM_KIOSK_DATA"

	// firstFrameLog is the message run.go logs when the window's first frame is up.
	firstFrameLog = `msg="first frame shown"`
)

// startColor is the kiosk theme's primary colour: the fill of Home's Start button.
var startColor = color.NRGBA{R: 0x1f, G: 0x6f, B: 0x5c, A: 0xff}

func TestMain(m *testing.M) {
	if args := os.Getenv(cliChildEnv); args != "" {
		os.Exit(dispatch(&env{stdout: os.Stdout, stderr: os.Stderr}, strings.Fields(args)))
	}
	if os.Getenv(kioskChildEnv) == "run" {
		os.Exit(dispatch(&env{stdout: os.Stdout, stderr: os.Stderr}, []string{"run", "--dev", "--data", os.Getenv(kioskDataEnv)}))
	}
	os.Exit(m.Run())
}

// needX checks for the programs the real-display tests use. Tests fail (they are part of
// `make test`); benchmarks skip.
func needX(tb testing.TB, tools ...string) {
	tb.Helper()
	for _, p := range append([]string{"Xvfb", "xwd"}, tools...) {
		if _, err := exec.LookPath(p); err != nil {
			msg := fmt.Sprintf("%s is not installed: run `make deps` (it installs xvfb and x11-apps)", p)
			if _, ok := tb.(*testing.B); ok {
				tb.Skip(msg)
			}
			tb.Fatal(msg)
		}
	}
}

// proc is a child process whose end is watched, so it can be stopped without leaking.
type proc struct {
	name string
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited
	err  error         // Wait's result, valid after done
}

// startProc starts cmd and registers its stop with tb.Cleanup.
func startProc(tb testing.TB, name string, cmd *exec.Cmd) *proc {
	tb.Helper()
	// Pdeathsig: a test binary killed by a timeout takes its children with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start %s: %v", name, err)
	}
	p := &proc{name: name, cmd: cmd, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	tb.Cleanup(func() { p.stop(tb) })
	return p
}

func (p *proc) pid() int { return p.cmd.Process.Pid }

func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// stop ends the process: SIGTERM, then SIGKILL if it is still there after ten seconds.
func (p *proc) stop(tb testing.TB) {
	if p.exited() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		return
	case <-time.After(10 * time.Second):
	}
	tb.Logf("%s ignored SIGTERM for 10 s; killing it", p.name)
	_ = p.cmd.Process.Kill()
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		tb.Errorf("%s (pid %d) did not exit after SIGKILL", p.name, p.pid())
	}
}

// startXvfb starts a virtual 800x480 screen and returns its display (":N"). Xvfb picks a free
// display number itself and writes it to the pipe given with -displayfd, so parallel test runs
// cannot collide.
func startXvfb(tb testing.TB) string {
	tb.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	var stderr bytes.Buffer
	// -r: no auto-repeat. xdotool presses and releases each key at once, but a loaded machine
	// can hold it back between the two past the repeat delay, and the key typed twice.
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "800x480x24", "-nolisten", "tcp", "-br", "-r")
	cmd.ExtraFiles = []*os.File{w} // fd 3 in the child
	cmd.Stderr = &syncWriter{w: &stderr}
	x := startProc(tb, "Xvfb", cmd)
	w.Close()

	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case s := <-line:
		if _, err := strconv.Atoi(s); err != nil {
			<-x.done
			tb.Fatalf("Xvfb did not report a display (%v); its output:\n%s", x.err, stderr.String())
		}
		return ":" + s
	case <-time.After(30 * time.Second):
		tb.Fatalf("Xvfb reported no display within 30 s; its output:\n%s", stderr.String())
	}
	return ""
}

// syncWriter serialises writes from a child's output copier and readers in the test.
type syncWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (s *syncWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.String()
}

// kioskProc is the real program running in an Xvfb display.
type kioskProc struct {
	*proc
	display string
	started time.Time
	out     *syncWriter // stdout and stderr
	frame   chan time.Time
}

// startKiosk starts `quietroom run --dev --data dir` on display.
func startKiosk(tb testing.TB, display, dir string) *kioskProc {
	tb.Helper()
	return startChild(tb, "quietroom", display, kioskChildEnv+"=run", kioskDataEnv+"="+dir, "NOTIFY_SOCKET=")
}

// startChild starts this test binary again in display with env added, as name (for failure
// messages). Its Fyne settings go to a temporary home, not the user's; it keeps the output and
// notes when the program logs its first frame.
func startChild(tb testing.TB, name, display string, env ...string) *kioskProc {
	tb.Helper()
	home := tb.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append(env,
		"DISPLAY="+display, "FYNE_SCALE=1", "HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"), "XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"))...)
	k := &kioskProc{display: display, out: &syncWriter{w: &bytes.Buffer{}}, frame: make(chan time.Time, 1)}
	errPipe, err := cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	cmd.Stdout = k.out
	k.started = time.Now()
	k.proc = startProc(tb, name, cmd)
	go func() {
		sc := bufio.NewScanner(errPipe)
		for sc.Scan() {
			now := time.Now()
			fmt.Fprintln(k.out, sc.Text())
			if strings.Contains(sc.Text(), firstFrameLog) {
				select {
				case k.frame <- now:
				default:
				}
			}
		}
	}()
	return k
}

// output is what the program printed so far, for failure messages.
func (k *kioskProc) output() string { return k.out.String() }

// screenshot takes a picture of the whole display with xwd.
func screenshot(display string) (*image.NRGBA, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "xwd", "-root", "-silent", "-display", display)
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("xwd -root -display %s: %v: %s", display, err, stderr.String())
	}
	return decodeXWD(b)
}

// frameStats is what the not-blank check looks at.
type frameStats struct {
	colours     int // distinct colours
	startPixels int // pixels of the Start button's green
}

// minColours and minStartPixels decide "not blank": an empty Xvfb screen has one colour, a
// drawn kiosk window hundreds (anti-aliased text); the Start button (260x72) has thousands of
// green pixels.
const (
	minColours     = 32
	minStartPixels = 2000
)

func statsOf(img *image.NRGBA) frameStats {
	seen := map[color.NRGBA]bool{}
	var s frameStats
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := img.NRGBAAt(x, y)
			seen[c] = true
			if near(c, startColor, 6) {
				s.startPixels++
			}
		}
	}
	s.colours = len(seen)
	return s
}

func (s frameStats) drawn() bool {
	return s.colours >= minColours && s.startPixels >= minStartPixels
}

func near(a, b color.NRGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

// errExited reports that the program ended while we waited for it.
var errExited = errors.New("the program exited")

// waitDrawn polls screenshots until the kiosk's window shows Home, and returns the frame's
// statistics and when it was seen.
func (k *kioskProc) waitDrawn(within time.Duration, poll time.Duration) (frameStats, time.Time, error) {
	deadline := time.Now().Add(within)
	var last frameStats
	for {
		if k.exited() {
			return last, time.Time{}, fmt.Errorf("%w (%v)", errExited, k.err)
		}
		img, err := screenshot(k.display)
		if err != nil {
			return last, time.Time{}, err
		}
		seen := time.Now()
		last = statsOf(img)
		if last.drawn() {
			return last, seen, nil
		}
		if time.Now().After(deadline) {
			return last, time.Time{}, fmt.Errorf("no kiosk frame within %v: last screenshot had %d colours and %d Start-green pixels (want %d and %d)",
				within, last.colours, last.startPixels, minColours, minStartPixels)
		}
		time.Sleep(poll)
	}
}
