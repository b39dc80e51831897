// Package assemble opens the whole kiosk from a Config: the data folder and its SQLite store,
// the device secret and vault, retention (with the purge at start-up and the scheduled one),
// the question pack library, the light and the privacy button (simulated in development), and
// the kiosk's use cases. It returns the kiosk, the options the screens need (ui.New takes both
// with a window) and what closes it all.
//
// # What it owns
//
//   - The start-up order: nothing is returned, and so nothing shown, before the purge has run.
//   - The policies of a running device: the interviewers' and the admin's rate limits
//     (vault.DefaultPolicy, vault.AdminPolicy), where the device secret comes from
//     (vault.SecretChoice, asked whether the device is set up through kiosk.IsSetUp), the
//     light retried when its line is missing (hw/retrying, its fault logged once there and read
//     by the room light), a lost database refused when traces of a set-up device remain.
//   - The demo data, seeded into a new development folder only.
//
// # Who may import it
//
// Only main (app/cmd/quietroom). It creates no window and needs no display: main makes the
// Fyne app and window and calls ui.New, so this package is tested headless on the real store
// and retention in a temporary folder.
package assemble
