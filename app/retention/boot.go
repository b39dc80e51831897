package retention

import (
	"os"
	"strings"
	"time"
)

// sinceBoot reports the kernel's boot id (Linux: /proc/sys/kernel/random/boot_id, new at every
// boot) and the time since that boot (bootTime). ok is false where either is unknown.
func sinceBoot() (boot string, up time.Duration, ok bool) {
	b, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return "", 0, false
	}
	boot = strings.TrimSpace(string(b))
	if up, ok = bootTime(); !ok || boot == "" {
		return "", 0, false
	}
	return boot, up, true
}
