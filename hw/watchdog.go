package hw

// Watchdog tells the service manager how the kiosk is doing. When the kiosk does not run under
// a service manager every method does nothing and returns nil.
type Watchdog interface {
	// Ready says start-up is complete and the first screen is shown.
	Ready() error
	// Ping says the kiosk is still alive. Call it from the loop whose liveness matters (the UI),
	// at least twice per watchdog interval, so a hung kiosk is restarted.
	Ping() error
	// Stopping says the kiosk is shutting down on purpose.
	Stopping() error
}
