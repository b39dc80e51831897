// Package hwtest holds fakes of the hw interfaces and the contract tests every implementation
// must pass.
//
// The tests advance the module's one fake clock (app/clock/clocktest) by hand; its callbacks
// run synchronously inside Advance, so a test that advances the clock can look at the result at
// once, without sleeping. [Indicator], [Button], [Secret] and [Watchdog] are in-memory fakes for
// the tests of packages that use the hardware.
//
// [TestIndicator] and [TestButton] are the shared contracts: the periph.io drivers (over
// periph's gpiotest pins), the fakes, the desktop simulator and the degraded wrapper all run
// them, so they cannot drift apart.
//
// Only tests import this package.
package hwtest
