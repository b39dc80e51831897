package watchdog

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"quietroom/hw"
)

// Notifier implements [hw.Watchdog] over $NOTIFY_SOCKET.
type Notifier struct {
	addr     *net.UnixAddr // nil: not under systemd, every message is dropped
	interval time.Duration
}

// FromEnv reads $NOTIFY_SOCKET, $WATCHDOG_USEC and $WATCHDOG_PID through getenv (os.Getenv in
// production). Without $NOTIFY_SOCKET it returns a Notifier that does nothing.
//
// A watchdog interval meant for another process is ignored, as sd_watchdog_enabled does, with
// one exception: $WATCHDOG_PID naming our parent. On the device the unit's main process is the
// cage compositor and the kiosk is its child; systemd addresses the watchdog to cage, which
// cannot ping for the kiosk, so the kiosk pings itself (the unit's NotifyAccess=all lets
// systemd accept them). Without this the kiosk would be killed at every watchdog timeout.
func FromEnv(getenv func(string) string) (*Notifier, error) {
	return fromEnv(getenv, os.Getpid(), os.Getppid())
}

func fromEnv(getenv func(string) string, pid, parent int) (*Notifier, error) {
	n := &Notifier{}
	socket := getenv("NOTIFY_SOCKET")
	if socket == "" {
		return n, nil
	}
	// Abstract names start with '@'; Go's net package turns the '@' into the leading NUL byte
	// the kernel expects, so the name is passed on unchanged.
	if !strings.HasPrefix(socket, "/") && !strings.HasPrefix(socket, "@") {
		return nil, fmt.Errorf("NOTIFY_SOCKET=%q: only unix socket paths and abstract names ('@...') are supported", socket)
	}
	n.addr = &net.UnixAddr{Name: socket, Net: "unixgram"}

	usec := getenv("WATCHDOG_USEC")
	if usec == "" {
		return n, nil
	}
	if wp := getenv("WATCHDOG_PID"); wp != "" && wp != strconv.Itoa(pid) && wp != strconv.Itoa(parent) {
		return n, nil
	}
	v, err := strconv.ParseUint(usec, 10, 63)
	if err != nil || v == 0 {
		return nil, fmt.Errorf("WATCHDOG_USEC=%q: want a positive number of microseconds", usec)
	}
	n.interval = time.Duration(v) * time.Microsecond
	return n, nil
}

// Enabled reports whether the kiosk runs under systemd with a notify socket.
func (n *Notifier) Enabled() bool { return n.addr != nil }

// Interval is systemd's watchdog timeout, or 0 when no watchdog is armed. Ping at least every
// Interval()/2.
func (n *Notifier) Interval() time.Duration { return n.interval }

// Ready implements [hw.Watchdog].
func (n *Notifier) Ready() error { return n.send("READY=1") }

// Ping implements [hw.Watchdog]. Without an armed watchdog it sends nothing.
func (n *Notifier) Ping() error {
	if n.interval == 0 {
		return nil
	}
	return n.send("WATCHDOG=1")
}

// Stopping implements [hw.Watchdog].
func (n *Notifier) Stopping() error { return n.send("STOPPING=1") }

// send writes one datagram. A fresh socket per message keeps no state that a restarted systemd
// could invalidate; the kiosk sends a message every few seconds at most.
func (n *Notifier) send(msg string) error {
	if n.addr == nil {
		return nil
	}
	conn, err := net.DialUnix("unixgram", nil, n.addr)
	if err != nil {
		return fmt.Errorf("notify systemd (%s): %w", msg, err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte(msg)); err != nil {
		return fmt.Errorf("notify systemd (%s): %w", msg, err)
	}
	return nil
}

var _ hw.Watchdog = (*Notifier)(nil)
