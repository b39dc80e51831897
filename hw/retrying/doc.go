// Package retrying keeps the kiosk running when its indicator hardware is missing or fails.
//
// [Indicator] wraps the real one (or stands in for it when it could not be opened). Show never
// fails for a hardware fault: the fault is logged once, when it starts, and Fault says what is
// wrong now (the room light, hw/roomlight, asks it for the admin's storage health screen). The
// wrapper retries now and then, so a line freed later (another program stopped) starts working
// without a restart, and logs the recovery.
//
// Only the assembly (app/assemble) imports this package.
package retrying
