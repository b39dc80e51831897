package panels_test

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"quietroom/app/assemble/core"
	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/store"
	"quietroom/app/vault"
	"quietroom/hw"
	"quietroom/hw/hwtest"
)

// Helpers these tests share with the core's (app/kiosk) tests.

var ctx = context.Background()

// benchRoom is one room's kiosk on disk, which a benchmark can close, copy and open again.
type benchRoom struct {
	k     *kiosk.Kiosk
	db    *store.DB
	ret   *retention.Retention
	admin *kiosk.Admin
	// data is the data folder; key the device key file (outside it); stick the folder
	// standing for the USB stick.
	data, key, stick string
	clock            *clocktest.Clock
	params           vault.Params
	name             string
	// rand is the kiosk's Options.Rand; nil for crypto/rand.
	rand io.Reader
}

// newBenchRoom opens a new, set-up kiosk named name on clock, with Argon2 costs params,
// reading and writing the folder stick ("" for a new one).
func newBenchRoom(tb testing.TB, name string, clock *clocktest.Clock, params vault.Params, stick string) *benchRoom {
	tb.Helper()
	if stick == "" {
		stick = tb.TempDir()
	}
	r := &benchRoom{data: tb.TempDir(), key: filepath.Join(tb.TempDir(), "key", "device.key"), stick: stick,
		clock: clock, params: params, name: name}
	r.open(tb)
	return r
}

// open opens the kiosk on r's folders (setting it up the first time) and signs the admin in.
func (r *benchRoom) open(tb testing.TB) {
	tb.Helper()
	ctx := context.Background()
	c, err := core.Open(ctx, core.Config{DataDir: r.data, KeyFile: r.key, OTP: &kiosktest.OTP{}, Clock: r.clock, Params: r.params})
	if err != nil {
		tb.Fatal(err)
	}
	r.db, r.ret = c.DB, c.Retention
	set, err := kiosk.IsSetUp(ctx, c.DB)
	if err != nil {
		tb.Fatal(err)
	}
	packs, err := protocol.OpenLibrary(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	r.k, err = c.Kiosk(packs, hwtest.NewIndicator(hw.TwoColour, r.clock),
		kiosk.Options{ImportDirs: []string{r.stick}, ExportDirs: []string{r.stick}, Rand: r.rand})
	if err != nil {
		tb.Fatal(err)
	}
	if set {
		r.admin, err = r.k.SignInAdmin(ctx, []byte(kiosktest.AdminCredential))
	} else {
		r.admin, err = r.k.Setup(ctx, []byte(kiosktest.AdminCredential), r.name)
	}
	if err != nil {
		tb.Fatal(err)
	}
}

func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o700)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// files lists every file of the room's data folder.
func (r *benchRoom) files(tb testing.TB) []string {
	tb.Helper()
	var out []string
	err := filepath.WalkDir(r.data, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
