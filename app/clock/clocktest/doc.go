// Package clocktest holds the one fake [clock.Clock] of the module's tests and the contract
// every clock passes.
//
// [Clock] stands still until a test moves it. Advance lets time pass: every timer and tick that
// falls due on the way runs synchronously, in order, before Advance returns, so the test looks
// at the result at once and never sleeps. Set changes the date without letting time pass, as
// someone setting the device's clock would: nothing falls due.
//
// [TestClock] is the contract: the system clock (clock.System) and the fake both run it.
//
// Only tests import this package.
package clocktest
