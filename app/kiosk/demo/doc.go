// Package demo seeds the demo data of `quietroom run --dev`: a room with an admin and
// interviewers, an engagement, surveys, a team board and a recruitment panel. It seeds several
// features, so it imports them (app/kiosk/panels, boards and surveys); the real device never
// calls it.
//
// The demo data (SeedDemo) exists for `quietroom run --dev` only; the real device never
// calls it (app/assemble seeds it in development only).
package demo
