// Package watchdog speaks systemd's notify protocol: READY=1 when the kiosk is up, WATCHDOG=1
// pings while it lives, STOPPING=1 when it shuts down on purpose. Each message is one datagram
// on the unix socket named by $NOTIFY_SOCKET (a path, or an abstract name starting with '@');
// $WATCHDOG_USEC gives the interval within which systemd expects a ping.
//
// The protocol is a few lines, so it is written here rather than imported. Outside systemd
// (no $NOTIFY_SOCKET) every method does nothing, so development runs need no special casing.
//
// Only main imports this package: it pings only while the window paints the frames it asks for
// (app/cmd/quietroom/drawn.go), so a hung screen, or one that runs but no longer draws, stops
// the pings and systemd restarts the kiosk. [hw.Watchdog] is the role it plays, with a fake in
// hw/hwtest.
package watchdog
