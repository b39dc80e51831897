// Package sim is the desktop stand-in for the kiosk's hardware, used by `make run` and by UI
// tests: an [Indicator] that logs each change and tells subscribers (the UI draws the light in
// a corner of the window), and a [Button] the UI presses.
//
// It knows no Fyne: the UI subscribes and draws. It passes the same contract tests as the GPIO
// drivers.
package sim
