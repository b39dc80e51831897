// Package clock is the kiosk's one source of time: what time it is, a call after a while, and
// a tick every while. Everything that reads the time or waits takes a [Clock] as an argument,
// so that tests run on the fake in app/clock/clocktest and never sleep.
//
// [System] is the wall clock and the only implementation production uses. A package that needs
// less than the whole clock keeps its own narrower port and is given a Clock all the same:
// session.Clock (trusted time) has only Now.
//
// The package uses the standard library only, so that every package of the module, the domain
// and hw's root included, may import it.
package clock
