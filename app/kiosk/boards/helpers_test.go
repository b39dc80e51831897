package boards_test

import (
	"context"
	"path/filepath"
	"testing"

	"quietroom/app/assemble/core"
	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/store"
	"quietroom/hw"
	"quietroom/hw/hwtest"
)

var ctx = context.Background()

// diskRoom is a room's kiosk on disk for the board's tests that read its files or its store,
// set up with kiosktest.AdminCredential and opened by the product's own wiring
// (app/assemble/core): kiosktest.Room's helpers (PeerChallenge, Enrol, Interview) over the
// SQLite store in its data folder.
type diskRoom struct {
	*kiosktest.Room
	DB  *store.DB
	Ret *retention.Retention
	// DataDir is the data folder (the database).
	DataDir string
}

// newDiskRoom opens a new, set-up kiosk named name on disk, on clock, with kiosktest.Params,
// reading and writing the stick folder; its device key file lies outside the data folder.
func newDiskRoom(tb testing.TB, name string, clock *clocktest.Clock, stick string) *diskRoom {
	tb.Helper()
	data := tb.TempDir()
	c, err := core.Open(ctx, core.Config{DataDir: data, KeyFile: filepath.Join(tb.TempDir(), "key", "device.key"),
		OTP: &kiosktest.OTP{}, Clock: clock, Params: kiosktest.Params})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(c.Close)
	packs, err := protocol.OpenLibrary(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	k, err := c.Kiosk(packs, hwtest.NewIndicator(hw.TwoColour, clock), kiosk.Options{ImportDirs: []string{stick}, ExportDirs: []string{stick}})
	if err != nil {
		tb.Fatal(err)
	}
	admin, err := k.Setup(ctx, []byte(kiosktest.AdminCredential), name)
	if err != nil {
		tb.Fatal(err)
	}
	return &diskRoom{Room: &kiosktest.Room{Env: &kiosktest.Env{Kiosk: k, Clock: clock}, Stick: stick, Admin: admin},
		DB: c.DB, Ret: c.Retention, DataDir: data}
}
