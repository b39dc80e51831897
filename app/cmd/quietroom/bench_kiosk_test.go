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

// The real program's start-up, memory and idle CPU are measured side by side with an empty
// Fyne window and a Chromium page in bench_floor_test.go; this benchmark measures, in-process on
// the fyne test driver, the memory of a whole session.

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
	// No --sync: it waits until the pointer has moved, which a pointer already there never
	// does (a PIN with a digit twice stalled for seconds to minutes); settled waits for the
	// window instead.
	if err := xdo("mousemove", strconv.Itoa(x), strconv.Itoa(y)); err != nil {
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
