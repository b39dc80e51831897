package surveys_test

import (
	"context"
	"io"
	"testing"
	"time"

	"quietroom/app/assemble/core"
	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/demo"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/store"
	"quietroom/app/vault"
	"quietroom/hw"
	"quietroom/hw/hwtest"
)

// Helpers these tests share with the core's (app/kiosk) tests.

var ctx = context.Background()

func admin(t *testing.T, e *kiosktest.Env, d demo.Demo) *kiosk.Admin {
	t.Helper()
	a, err := e.Kiosk.SignInAdmin(ctx, []byte(d.AdminCredential))
	if err != nil {
		t.Fatalf("SignInAdmin = %v", err)
	}
	return a
}

func demoInterviewer(t *testing.T, e *kiosktest.Env) session.Interviewer {
	t.Helper()
	ivs, err := e.Kiosk.Interviewers(ctx)
	if err != nil || len(ivs) != 1 {
		t.Fatalf("Interviewers = %v, %v; want one", ivs, err)
	}
	if ivs[0].KeySlot != nil {
		t.Error("Interviewers returned a key slot")
	}
	return ivs[0]
}

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

// close closes the database (its WAL checkpointed into the file).
func (r *benchRoom) close() { r.db.Close() }

// benchStart is the clock's time when the rooms are made.
var benchStart = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func (r *benchRoom) enrol(tb testing.TB, name string) string {
	tb.Helper()
	iv, err := r.k.AddInterviewer(context.Background(), r.admin, name, []byte(pin))
	if err != nil {
		tb.Fatal(err)
	}
	return iv.ID
}

const pin = "482913"
