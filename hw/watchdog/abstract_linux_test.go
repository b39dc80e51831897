package watchdog_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"quietroom/hw/watchdog"
)

func TestNotifierAbstractSocket(t *testing.T) {
	name := fmt.Sprintf("@quietroom-test-%d-%d", os.Getpid(), time.Now().UnixNano())
	next := listen(t, name)
	n, err := watchdog.FromEnv(env(map[string]string{"NOTIFY_SOCKET": name}))
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Ready(); err != nil {
		t.Fatalf("Ready() = %v", err)
	}
	if got := next(); got != "READY=1" {
		t.Errorf("systemd read %q, want READY=1", got)
	}
}
