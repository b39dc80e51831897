package watchdog_test

import (
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"quietroom/hw/watchdog"
)

// listen opens a unixgram socket like systemd's and returns a reader of the next datagram.
// Datagrams sent before the read are queued, so the read returns at once; the deadline only
// keeps a broken test from hanging.
func listen(t *testing.T, name string) func() string {
	t.Helper()
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: name, Net: "unixgram"})
	if err != nil {
		t.Fatalf("listen %s: %v", name, err)
	}
	t.Cleanup(func() { conn.Close() })
	return func() string {
		t.Helper()
		buf := make([]byte, 256)
		_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		n, err := conn.Read(buf)
		if err != nil {
			return ""
		}
		return string(buf[:n])
	}
}

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestNotifierSendsToTheSocket(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notify")
	next := listen(t, path)
	n, err := watchdog.FromEnv(env(map[string]string{"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "20000000"}))
	if err != nil {
		t.Fatal(err)
	}
	if !n.Enabled() || n.Interval() != 20*time.Second {
		t.Fatalf("Enabled, Interval = %v, %v; want true, 20s", n.Enabled(), n.Interval())
	}
	steps := []struct {
		name string
		send func() error
		want string
	}{
		{"ready", n.Ready, "READY=1"},
		{"ping", n.Ping, "WATCHDOG=1"},
		{"stopping", n.Stopping, "STOPPING=1"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			if err := s.send(); err != nil {
				t.Fatalf("send: %v", err)
			}
			if got := next(); got != s.want {
				t.Errorf("systemd read %q, want %q", got, s.want)
			}
		})
	}
}

func TestNotifierEnvironment(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notify")
	pid := strconv.Itoa(os.Getpid())
	tests := []struct {
		name         string
		vars         map[string]string
		wantErr      bool
		wantEnabled  bool
		wantInterval time.Duration
	}{
		{"not under systemd", nil, false, false, 0},
		{"no watchdog", map[string]string{"NOTIFY_SOCKET": path}, false, true, 0},
		{"watchdog for us", map[string]string{"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "500000", "WATCHDOG_PID": pid}, false, true, 500 * time.Millisecond},
		// Under cage the unit's main process, and so $WATCHDOG_PID, is the compositor: our parent.
		{"watchdog for our parent, the compositor", map[string]string{"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "500000", "WATCHDOG_PID": strconv.Itoa(os.Getppid())}, false, true, 500 * time.Millisecond},
		// Above Linux's largest pid: never ours nor our parent's.
		{"watchdog for another process", map[string]string{"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "500000", "WATCHDOG_PID": "4194305"}, false, true, 0},
		{"bad interval", map[string]string{"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "soon"}, true, false, 0},
		{"zero interval", map[string]string{"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "0"}, true, false, 0},
		{"vsock", map[string]string{"NOTIFY_SOCKET": "vsock:2:1234"}, true, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := watchdog.FromEnv(env(tt.vars))
			if (err != nil) != tt.wantErr {
				t.Fatalf("FromEnv() error = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if n.Enabled() != tt.wantEnabled || n.Interval() != tt.wantInterval {
				t.Errorf("Enabled, Interval = %v, %v; want %v, %v", n.Enabled(), n.Interval(), tt.wantEnabled, tt.wantInterval)
			}
		})
	}
}

func TestNotifierOutsideSystemdDoesNothing(t *testing.T) {
	n, err := watchdog.FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []func() error{n.Ready, n.Ping, n.Stopping} {
		if err := f(); err != nil {
			t.Errorf("without NOTIFY_SOCKET: %v, want nil", err)
		}
	}
}

func TestPingWithoutWatchdogSendsNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notify")
	next := listen(t, path)
	n, err := watchdog.FromEnv(env(map[string]string{"NOTIFY_SOCKET": path}))
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Ping(); err != nil {
		t.Fatal(err)
	}
	// A marker sent after the ping: datagrams keep their order, so if the ping had sent
	// anything it would be read first.
	mark, err := watchdog.FromEnv(env(map[string]string{"NOTIFY_SOCKET": path}))
	if err != nil {
		t.Fatal(err)
	}
	if err := mark.Ready(); err != nil {
		t.Fatal(err)
	}
	if got := next(); got != "READY=1" {
		t.Errorf("systemd read %q first, want nothing before the marker", got)
	}
}

func TestNotifierReportsAMissingSocket(t *testing.T) {
	n, err := watchdog.FromEnv(env(map[string]string{"NOTIFY_SOCKET": filepath.Join(t.TempDir(), "gone")}))
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Ready(); err == nil {
		t.Errorf("Ready() to a missing socket = nil, want an error")
	}
}
