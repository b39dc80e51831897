package hw

// Timer is a pending call of a clock's AfterFunc.
//
// Deprecated: use clock.Timer (app/clock), the one clock's timer.
type Timer interface {
	// Stop prevents the call if it has not started yet and reports whether it did.
	Stop() bool
}
