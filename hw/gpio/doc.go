// Package gpio drives the occupancy indicator and reads the privacy button through periph.io
// on the Linux GPIO character device (/dev/gpiochip*).
//
// Lines are named as the kernel names them ("GPIO17", not physical pin 11) and found through
// periph's gpioioctl driver, initialised with driverreg.Init. The package deliberately avoids
// host.Init: its memory-mapped drivers misbehave on the Raspberry Pi 5, and the sysfs interface
// is deprecated.
//
// [Indicator] keeps the state of its lines itself and never reads an output back: on the
// character device a read reconfigures the line as an input and the LED goes out. Patterns run
// from an injected [clock.Clock], so no goroutine ticks while the light is steady.
//
// [Button] watches a line with the internal pull-up for edges and debounces them with
// [hw.Debouncer]. periph's gpioutil.Debounce is not used: in conn v3.7.2 its clock cannot be
// injected (tests would sleep), it ignores its debounce and edge arguments, and its Halt does
// not interrupt the wait on the line below it.
//
// [OpenIndicator] and [OpenButton] return a [LineError] naming the line and what to check when
// a line is missing or busy; wrap the indicator with hw/retrying so the kiosk keeps running.
//
// Only the program's wiring (cmd/quietroom) imports this package; the domain and the UI see
// the hw interfaces.
package gpio
