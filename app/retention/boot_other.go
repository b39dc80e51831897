//go:build !linux

package retention

import "time"

// bootTime is unknown off Linux: a restart then counts the time down only through a clock
// that was behind and still ticks (see Retention.resume).
func bootTime() (time.Duration, bool) { return 0, false }
