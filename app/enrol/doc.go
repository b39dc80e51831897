// Package enrol owns a device's own settings: the one-off enrolment file an installer puts on
// the boot partition, and the device config it becomes.
//
// The enrolment file (/boot/firmware/quietroom-enrol.yaml, written on any computer before the
// card goes into the Pi) names the room, the occupancy light's wiring, lines and polarity, the
// privacy button's line, the time zone and whether Wi-Fi and Bluetooth are on. [Run] reads it
// once at boot (as root, from quietroom-enrol.service): it validates every field, sets the
// time zone, switches the radios, writes the device config (/etc/quietroom/device.yaml)
// atomically, and deletes the file. A file with problems is left where it is, nothing of it
// is applied, and every problem is written beside it (quietroom-enrol.errors.txt) as
// FILE:LINE: FIELD: what is wrong and what to do, the form question packs use.
//
// The admin credential is never in a file: a field that looks like one is refused, and the
// first-boot wizard asks for the credential on the screen.
//
// The kiosk reads the device config with [LoadDevice] when it starts; a missing file means the
// defaults of the reference build ([Default]).
//
// Plain Go: no cgo, no Fyne, no periph; the machine's time zone and radios are reached through
// [Actions], which tests replace. Only the program's wiring (cmd/quietroom) imports it.
package enrol
