// Package room lets the session engine drive the occupancy light: [Indicator] implements
// session.Indicator on top of an [hw.Indicator], mapping each session.RoomState to an hw.State.
//
// It is the only hw package that imports the session package; hw itself stays free of the
// domain, and the domain free of hw.
package room
