package main

import (
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestKioskWatchdogStopsWithTheUI runs the real program under a watchdog socket like systemd's
// with a short interval: it must say READY=1 and ping while its window paints, and stop pinging
// once its UI stops (QUIETROOM_SOAK_FAULT=freeze), so that systemd would restart it.
func TestKioskWatchdogStopsWithTheUI(t *testing.T) {
	needX(t)
	if testing.Short() {
		t.Skip("starts the real program: not with -short")
	}
	socket := filepath.Join(t.TempDir(), "notify")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: socket, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	type datagram struct {
		at  time.Time
		msg string
	}
	var mu sync.Mutex
	var got []datagram
	go func() {
		buf := make([]byte, 256)
		for {
			n, err := conn.Read(buf)
			if err != nil {
				return
			}
			mu.Lock()
			got = append(got, datagram{time.Now(), string(buf[:n])})
			mu.Unlock()
		}
	}()
	pings := func(from, to time.Time) (n int, ready bool) {
		mu.Lock()
		defer mu.Unlock()
		for _, d := range got {
			ready = ready || d.msg == "READY=1"
			if d.msg == "WATCHDOG=1" && !d.at.Before(from) && d.at.Before(to) {
				n++
			}
		}
		return n, ready
	}

	display := startXvfb(t)
	// A 600 ms watchdog: a ping every 200 ms while frames are painted.
	k := startChild(t, "quietroom", display, kioskChildEnv+"=run", kioskDataEnv+"="+t.TempDir(),
		"NOTIFY_SOCKET="+socket, "WATCHDOG_USEC=600000", faultEnv+"=freeze@4s")
	var frozen time.Time
	deadline := time.Now().Add(90 * time.Second)
	for frozen.IsZero() {
		if k.exited() || time.Now().After(deadline) {
			t.Fatalf("the program never froze on purpose (exited: %v); output:\n%s", k.exited(), k.output())
		}
		if strings.Contains(k.output(), `msg="development fault"`) {
			frozen = time.Now()
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(3 * time.Second)

	before, ready := pings(time.Time{}, frozen.Add(-time.Second))
	if !ready {
		t.Errorf("no READY=1 from the program")
	}
	if before < 3 {
		t.Errorf("%d watchdog pings in the seconds before the UI stopped, want at least 3", before)
	}
	// The ping asked for in the tick before the freeze may still come; none after that.
	if after, _ := pings(frozen.Add(time.Second), frozen.Add(3*time.Second)); after != 0 {
		t.Errorf("%d watchdog pings in the 2 s from 1 s after the UI stopped, want none", after)
	}
	if t.Failed() {
		t.Logf("program output:\n%s", k.output())
	}
}
