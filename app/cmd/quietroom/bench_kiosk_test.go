package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The kiosk benchmarks measure DESIGN.md's budgets on the real program under Xvfb (start-up,
// memory after start, idle CPU) and, in-process on the fyne test driver, the memory of a whole
// session. Under Xvfb the GL is Mesa's software renderer, not the Pi's GPU: the figures compare
// runs with each other, not with the device.

// BenchmarkKioskFirstFrame times `quietroom run --dev` from process start to its first frame
// (the "first frame shown" line run.go logs once Show has drawn the window), and to the first
// screenshot that shows Home drawn (polled with xwd, so up to one poll late). It starts on an
// existing data folder, as a device does after its first boot, and reports the process's
// resident memory once Home is drawn.
func BenchmarkKioskFirstFrame(b *testing.B) {
	needX(b)
	display := startXvfb(b)
	dir := b.TempDir()
	seed := startKiosk(b, display, dir) // the first start seeds the demo data: not timed
	if _, _, err := seed.waitDrawn(60*time.Second, 100*time.Millisecond); err != nil {
		b.Fatalf("%v\nprogram output:\n%s", err, seed.output())
	}
	seed.stop(b)

	var logged, drawn time.Duration
	var rss float64
	b.ResetTimer()
	for range b.N {
		k := startKiosk(b, display, dir)
		_, seen, err := k.waitDrawn(60*time.Second, 10*time.Millisecond)
		if err != nil {
			b.Fatalf("%v\nprogram output:\n%s", err, k.output())
		}
		select {
		case at := <-k.frame:
			logged += at.Sub(k.started)
		case <-time.After(10 * time.Second):
			b.Fatalf("no %s line in the program's output:\n%s", firstFrameLog, k.output())
		}
		drawn += seen.Sub(k.started)
		rss += residentMiB(b, k.pid())
		b.StopTimer()
		k.stop(b)
		b.StartTimer()
	}
	n := float64(b.N)
	b.ReportMetric(float64(logged.Milliseconds())/n, "first-frame-ms")
	b.ReportMetric(float64(drawn.Milliseconds())/n, "home-seen-ms")
	b.ReportMetric(rss/n, "RSS-MiB")
}

// BenchmarkKioskIdleCPULiveSession starts the real program under Xvfb, clicks through the
// start of an interview with xdotool (Home, sign-in, set-up, consent, hand-back) so that the
// questions screen's timer runs, then leaves it alone for 60 s and reports the CPU time the
// process used (utime+stime from /proc/PID/stat) and that as a share of one core. Where to
// click comes from the same UI laid out on the fyne test driver (journey.toQuestions).
func BenchmarkKioskIdleCPULiveSession(b *testing.B) {
	needX(b, "xdotool")
	const idle = 60 * time.Second
	var cpu time.Duration
	for range b.N {
		b.StopTimer()
		display := startXvfb(b)
		k := startKiosk(b, display, b.TempDir())
		if _, _, err := k.waitDrawn(60*time.Second, 100*time.Millisecond); err != nil {
			b.Fatalf("%v\nprogram output:\n%s", err, k.output())
		}
		pin := demoPIN(b, k)
		j := newJourney(b)
		j.toQuestions(pin, func(label string, at fyne.Position) {
			if err := clickAt(display, int(at.X), int(at.Y)); err != nil {
				b.Fatalf("%s: %v\nprogram output:\n%s", label, err, k.output())
			}
		})
		if err := k.live(); err != nil {
			b.Fatalf("the session did not start in the real program: %v\nprogram output:\n%s", err, k.output())
		}
		b.StartTimer()
		before := cpuTime(b, k.pid())
		time.Sleep(idle)
		after := cpuTime(b, k.pid())
		b.StopTimer()
		if k.exited() {
			b.Fatalf("the program exited while idle: %v\n%s", k.err, k.output())
		}
		cpu += after - before
		k.stop(b)
	}
	perRun := cpu / time.Duration(b.N)
	b.ReportMetric(perRun.Seconds(), "CPU-s/60s")
	b.ReportMetric(100*perRun.Seconds()/idle.Seconds(), "%-of-a-core")
}

// BenchmarkSessionMemoryTestDriver runs a 30-minute session with 50 notes in this process,
// on the fyne test driver (software rendering, no GPU driver, no X) and the kiosktest fakes
// with a simulated clock, and reports this process's resident memory and live Go heap at the
// start of the session and at its end. The notes are typed a rune at a time, five on each of
// the pack's ten topics. It measures the UI and the engine, not the real program's GL driver
// or SQLite; BenchmarkKioskFirstFrame reports the real program's RSS.
func BenchmarkSessionMemoryTestDriver(b *testing.B) {
	const notes, perTopic = 50, 5
	var rss0, rss1, heap0, heap1 float64
	for range b.N {
		j := newJourney(b)
		j.toQuestions(j.d.InterviewerPIN, func(string, fyne.Position) {})
		rss0, heap0 = residentMiB(b, os.Getpid()), heapMiB()
		for i := range notes {
			if i > 0 && i%perTopic == 0 && j.has("Next topic") {
				test.Tap(j.button("Next topic", 0))
			}
			j.env.Clock.Advance(30 * time.Minute / notes)
			j.u.Tick()
			test.Type(j.notes(), fmt.Sprintf("Note %d: a clear example of delegating to the team. ", i+1))
		}
		if j.u.Screen() != "questions" {
			b.Fatalf("screen after 30 minutes = %s, want questions", j.u.Screen())
		}
		if got := j.env.Kiosk.Engine().Tick().Timer.Elapsed; got < 30*time.Minute {
			b.Fatalf("timer after the session = %v, want 30 minutes", got)
		}
		rss1, heap1 = residentMiB(b, os.Getpid()), heapMiB()
	}
	b.ReportMetric(rss0, "RSS-start-MiB")
	b.ReportMetric(rss1, "RSS-30min-MiB")
	b.ReportMetric(heap0, "heap-start-MiB")
	b.ReportMetric(heap1, "heap-30min-MiB")
}

// heapMiB is the live Go heap after a collection.
func heapMiB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// residentMiB reads VmRSS from /proc/PID/status.
func residentMiB(tb testing.TB, pid int) float64 {
	tb.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		tb.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmRSS:" && f[2] == "kB" {
			kb, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				tb.Fatal(err)
			}
			return kb / 1024
		}
	}
	tb.Fatalf("no VmRSS in /proc/%d/status", pid)
	return 0
}

// clockTicks is USER_HZ, the unit of /proc/PID/stat's times: 100 on every Linux this runs on.
const clockTicks = 100

// cpuTime is the user and system CPU time of a process and all its threads so far.
func cpuTime(tb testing.TB, pid int) time.Duration {
	tb.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		tb.Fatal(err)
	}
	// The command name is in parentheses and may hold spaces: fields start after the last ')'.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		tb.Fatalf("/proc/%d/stat: %d fields", pid, len(f))
	}
	// After the name: state (field 3 of stat(5)) is f[0], so utime (14) is f[11], stime (15) f[12].
	var ticks int64
	for _, s := range f[11:13] {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			tb.Fatal(err)
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / clockTicks
}

var demoPINLine = regexp.MustCompile(`DEMO interviewer PIN:\s+(\d+)`)

// demoPIN is the interviewer PIN the --dev run printed.
func demoPIN(tb testing.TB, k *kioskProc) string {
	tb.Helper()
	m := demoPINLine.FindStringSubmatch(k.output())
	if m == nil {
		tb.Fatalf("no demo interviewer PIN in the program's output:\n%s", k.output())
	}
	return m[1]
}

// clickAt moves the pointer to (x, y) on the display, waits for the hover to settle, clicks, and
// waits until the window has changed and settled again.
func clickAt(display string, x, y int) error {
	xdo := func(args ...string) error {
		cmd := exec.Command("xdotool", args...)
		cmd.Env = append(os.Environ(), "DISPLAY="+display)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("xdotool %s: %v: %s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	if err := xdo("mousemove", "--sync", strconv.Itoa(x), strconv.Itoa(y)); err != nil {
		return err
	}
	before, err := settled(display, 10*time.Second)
	if err != nil {
		return err
	}
	if err := xdo("click", "1"); err != nil {
		return err
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		now, err := screenshotBytes(display)
		if err != nil {
			return err
		}
		if !bytes.Equal(now, before) {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the window did not change within 30 s of a click at (%d, %d)", x, y)
		}
		time.Sleep(50 * time.Millisecond)
	}
	_, err = settled(display, 10*time.Second)
	return err
}

// settled waits until two screenshots in a row are the same (animations have ended) and
// returns the last one.
func settled(display string, within time.Duration) ([]byte, error) {
	deadline := time.Now().Add(within)
	last, err := screenshotBytes(display)
	if err != nil {
		return nil, err
	}
	for {
		time.Sleep(100 * time.Millisecond)
		now, err := screenshotBytes(display)
		if err != nil {
			return nil, err
		}
		if bytes.Equal(now, last) || time.Now().After(deadline) {
			return now, nil
		}
		last = now
	}
}

// screenshotBytes is the display's raw XWD dump, for comparing frames.
func screenshotBytes(display string) ([]byte, error) {
	cmd := exec.Command("xwd", "-root", "-silent", "-display", display)
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("xwd -display %s: %v", display, err)
	}
	return out, nil
}

// live checks that the real program is in a session: its simulated light left "free", and
// its window changes from one second to the next (the timer counts).
func (k *kioskProc) live() error {
	if !regexp.MustCompile(`msg="indicator changed".* state=[a-z-]+`).MatchString(k.output()) ||
		!regexp.MustCompile(`msg="indicator changed".* state=(?:[^f]|f[^r])`).MatchString(k.output()) {
		return fmt.Errorf("the light never left free")
	}
	first, err := screenshotBytes(k.display)
	if err != nil {
		return err
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		now, err := screenshotBytes(k.display)
		if err != nil {
			return err
		}
		if !bytes.Equal(now, first) {
			return nil
		}
	}
	return fmt.Errorf("the window did not change for 10 s: no timer running")
}
