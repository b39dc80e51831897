// Package retentiontest holds Storage, an in-memory retention.Storage that is also a
// session.Store, and Contract, the test that it and the SQLite store in app/store both pass, so
// that tests running the real retention rules over the fake run them over what the device does.
// Start starts the real retention over it (or any Storage) as the kiosk does.
//
// Storage keeps the rules the SQLite store keeps (a session's deletion date inherits its
// engagement's and is only ever brought forward, a hold needs a reason, an audit event needs an
// action, a failed call changes nothing) by calling the same functions of app/retention, not by
// copying them. Its "disk" is every byte it holds; it has no journal or free space, so
// ForgetDeleted has nothing to do.
//
// Only tests may import this package. Like app/retention it is plain Go: it must not import
// app/store or database/sql.
package retentiontest
