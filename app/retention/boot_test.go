package retention

import (
	"runtime"
	"testing"
	"time"
)

func TestSinceBoot(t *testing.T) {
	id, up, ok := sinceBoot()
	if runtime.GOOS != "linux" {
		if ok {
			t.Errorf("sinceBoot() = %q, %v, true off Linux", id, up)
		}
		return
	}
	if !ok || id == "" || up <= 0 {
		t.Fatalf("sinceBoot() = %q, %v, %v; want this boot's id and a positive uptime", id, up, ok)
	}
	time.Sleep(10 * time.Millisecond)
	id2, up2, _ := sinceBoot()
	if id2 != id || up2-up < 10*time.Millisecond {
		t.Errorf("sinceBoot() after 10 ms = %q, %v; want %q, at least %v", id2, up2, id, up+10*time.Millisecond)
	}
}
