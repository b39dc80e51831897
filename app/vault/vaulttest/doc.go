// Package vaulttest holds AttemptLogContract, the test every vault.AttemptLog must pass: the
// SQLite store's and vault.MemoryAttemptLog both run it, so a test that rate-limits PINs over
// the memory log runs over what the device does.
//
// A restart is simulated by giving the restarted program the same MemoryAttemptLog (as a
// restarted device opens the same database): the wrong-PIN counts, and so the delays, carry on.
//
// Only tests may import this package.
package vaulttest
