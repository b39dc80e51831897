// Package deps holds the module's dependency rules: which of its packages may import what. It
// has no code of its own; its test reads the import lines of every package a rule names, and
// of everything in the module those packages import in turn, and fails on a forbidden one.
//
// The rules are the promises the packages' docs make: the domain (session, protocol,
// retention) is plain Go that knows no screen, SQL or GPIO; the vault knows no storage, screen
// or hardware driver; the one sealing package (seal) imports nothing of the module, so every
// feature can use it, and the board needs no vault; the use cases (kiosk) and the screens
// (ui) never touch the store or a driver; ui never creates the Fyne app (so it tests
// headless); hw's root package, the clock and the YAML reader use the standard library only
// (and the YAML library). Every rule holds for the package's tests too, but for the few
// imports it names for them (testsMay) with its reason: the screens' tests never link the
// store, SQL or cgo; the use cases' tests may open the store on disk to read a room's files as
// an attacker would. The test reads source files directly, so it cannot skip for want of a tool: it
// passes or fails.
//
// Nothing imports this package.
package deps
