package hw

// Indicator is the occupancy light outside the door.
//
// Implementations keep the state themselves: a GPIO output line is never read back (on the
// character device a read turns the line into an input and the light goes out).
type Indicator interface {
	// Show makes the indicator display s from now on, as [LookOf] describes for its wiring.
	// Patterns run in the background; Show returns at once. Showing the state already shown
	// does not restart its pattern, so callers may repeat Show on every timer tick.
	//
	// It returns an error wrapping [ErrUnknownState] for an undefined state (the display is
	// left as it was), [ErrClosed] after Close, or the hardware error that kept the light from
	// changing; in that case the light may show an older state. Errors that happen later, while
	// a pattern runs, are returned by the next Show.
	Show(s State) error
	// Close turns the light off and releases the hardware. Calling it again returns nil.
	Close() error
}
