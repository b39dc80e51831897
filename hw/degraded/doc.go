// Package degraded keeps the kiosk running when its indicator hardware is missing or fails.
//
// [Indicator] wraps the real one (or stands in for it when it could not be opened). Show never
// fails: a fault is logged and handed once to a callback that raises the admin's maintenance
// warning, and the wrapper retries now and then, so a line freed later (another program
// stopped) starts working without a restart. When it recovers the callback hears nil.
//
// Only the program's wiring imports this package.
package degraded
