// Package roomlight is the room light: the occupancy light outside the door as the kiosk drives
// it. [Light] implements session.Indicator, mapping each session.RoomState to an [hw.State]
// ([StateOf]), and arbitrates between the session engine and the admin: maintenance during a
// wipe, the set-up wizard's LED test, and a session left live by a restart, which keeps the room
// occupied until its interviewer continues it.
//
// # What it promises
//
//   - A hardware fault never reaches the interview: Show never fails. The fault is remembered
//     for the admin's storage health screen (Err) and logged once, where it happens: an error
//     that Show returns is logged here; an indicator that rides through faults itself (a
//     [Faulty] one, such as hw/retrying's) has logged them already and is only asked for its
//     current fault.
//   - While the admin holds the light (Maintenance, Test), room changes are remembered and
//     shown when the hold ends.
//
// # Who may import it
//
// It is the only hw package that imports the session package; hw itself stays free of the
// domain, and the domain free of hw. The kiosk (app/kiosk) and the assembly (app/assemble) use it.
package roomlight
