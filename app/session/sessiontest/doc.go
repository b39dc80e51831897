// Package sessiontest holds in-memory fakes of the session engine's ports (Store, Keys and
// SessionKey, Indicator, Eraser) and StoreContract, the test every Store implementation must
// pass. The fake clock is app/clock/clocktest's, the one every test runs on. The fakes are safe for concurrent use and meant for tests only: the fake key is a
// reversible scrambling that binds the session and record ids, not encryption.
//
// Only tests may import this package.
package sessiontest
