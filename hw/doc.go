// Package hw is the kiosk's view of its hardware: small interfaces by role and the types they
// share. Nothing here touches a device.
//
//   - [Indicator] shows a [State] (free, occupied, ending soon, overtime, maintenance, fault) on
//     the occupancy light outside the door. [LookOf] says what each state looks like on each
//     [Wiring]: one LED, a two-colour (red/green) LED or an RGB LED.
//   - [Button] delivers debounced presses of the privacy button. [Debouncer] is the rule every
//     implementation uses to turn contact changes into presses.
//   - [SecretSource] yields the device secret that wraps the vault's keys; a
//     [ProgrammableSecret] can be written once, and its drivers return [ErrNoSecretHardware],
//     [ErrSecretUnprogrammed] and [ErrSecretProgrammed].
//   - [Watchdog] tells the service manager the kiosk is ready, alive and stopping.
//   - Patterns and debouncing take their time from the kiosk's one clock (app/clock); tests
//     inject its fake (app/clock/clocktest).
//
// The implementations live in sub-packages: hw/gpio (periph.io over the GPIO character device),
// hw/otp (the Raspberry Pi OTP device key), hw/watchdog (systemd's notify protocol), hw/sim (the
// desktop simulator), hw/retrying (an indicator that survives missing hardware and retries it),
// hw/roomlight (the room light the kiosk drives) and hw/hwtest (fakes and the shared contract tests).
//
// This package uses the standard library only, so that the domain, the UI and their tests can
// depend on it without pulling in periph.io or cgo.
package hw
