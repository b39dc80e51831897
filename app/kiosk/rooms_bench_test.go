package kiosk_test

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"quietroom/app/assemble/core"
	"quietroom/app/board"
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

// The benchmarks of this package run the use cases over the real SQLite store in a temporary
// folder, with the real vault and retention, opened by the product's own wiring
// (app/assemble/core) as a room's kiosk is (diskRoom is one for the board's tests). Their
// Argon2 costs are kiosktest.Params unless a benchmark measures the PIN check itself: a
// sign-in needed to reach an operation is set-up, never timed.

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

// close closes the database (its WAL checkpointed into the file).
func (r *benchRoom) close() { r.db.Close() }

// copyOpen copies the closed room's data folder to a new one and opens a kiosk on the copy
// (same device key, clock and stick): a fresh room holding the same data, for a benchmark
// whose operation changes it for good (an import, a wipe).
func (r *benchRoom) copyOpen(tb testing.TB) *benchRoom {
	tb.Helper()
	c := *r
	c.data = tb.TempDir()
	if err := copyDir(r.data, c.data); err != nil {
		tb.Fatal(err)
	}
	c.open(tb)
	return &c
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

// diskRoom is a room's kiosk on disk for the board's tests that read its files or its store
// (benchRoom, set up with kiosktest.AdminCredential): kiosktest.Room's helpers (PeerChallenge,
// Enrol, Interview) over the SQLite store in its data folder.
type diskRoom struct {
	*kiosktest.Room
	DB  *store.DB
	Ret *retention.Retention
	// DataDir is the data folder (the database).
	DataDir string
}

// newDiskRoom opens a new, set-up kiosk named name on disk, on clock, reading and writing the
// stick folder.
func newDiskRoom(tb testing.TB, name string, clock *clocktest.Clock, stick string) *diskRoom {
	tb.Helper()
	return newBenchRoom(tb, name, clock, kiosktest.Params, stick).room()
}

// room is r as the board's tests and kiosktest.Room's helpers take it.
func (r *benchRoom) room() *diskRoom {
	return &diskRoom{Room: &kiosktest.Room{Env: &kiosktest.Env{Kiosk: r.k, Clock: r.clock}, Stick: r.stick, Admin: r.admin},
		DB: r.db, Ret: r.ret, DataDir: r.data}
}

func (r *benchRoom) signIn(tb testing.TB, id string) *kiosk.SignedIn {
	tb.Helper()
	s, err := r.k.SignIn(context.Background(), id, []byte(pin))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func (r *benchRoom) enrol(tb testing.TB, name string) string {
	tb.Helper()
	iv, err := r.k.AddInterviewer(context.Background(), r.admin, name, []byte(pin))
	if err != nil {
		tb.Fatal(err)
	}
	return iv.ID
}

// benchStart is the clock's time when a benchmark's rooms are made; benchVisit the peer
// challenge's visit.
var (
	benchStart = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	benchVisit = time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
)

// postIt is the text of the n-th post-it: a quote of the length people write on one (about
// 110 characters), with a marker the raw scans look for.
func postIt(n int) string {
	return fmt.Sprintf("QUOTE-%04d %s", n, "the team really listens, and when I asked for help with a placement it was sorted the same week")
}

// items makes n post-its, the three tags in turn.
func items(tb testing.TB, n, from int) []board.Item {
	tb.Helper()
	out := make([]board.Item, 0, n)
	for i := range n {
		it, err := board.NewQuote(board.Tags()[(from+i)%3], postIt(from+i))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, it)
	}
	return out
}

// scaled runs a benchmark at a tenth of its realistic size and then at it, as the
// sub-benchmarks size=N/10 and size=N; run measures one size (its own set-up untimed). The
// realistic one also reports its time as a multiple of the tenth's ("x-of-tenth": at most 10
// is at most linear growth), and the goals are logged: the realistic size within goal, and
// the growth at most linear.
func scaled(b *testing.B, what string, realistic int, goal time.Duration, run func(b *testing.B, n int)) {
	var tenth float64
	for _, n := range []int{realistic / 10, realistic} {
		b.Run(fmt.Sprintf("size=%d", n), func(b *testing.B) {
			run(b, n)
			per := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			if n < realistic {
				tenth = per
				return
			}
			if tenth == 0 { // the tenth was left out (-bench size=N)
				b.Logf("goal: %s at %d: %.1f ms <= %d ms: %s", what, n, per/1e6, goal.Milliseconds(), passFail(per <= float64(goal.Nanoseconds())))
				return
			}
			b.ReportMetric(per/tenth, "x-of-tenth")
			b.Logf("goal: %s at %d: %.1f ms <= %d ms: %s; %.1f x the time at %d <= 10 x: %s", what, n, per/1e6,
				goal.Milliseconds(), passFail(per <= float64(goal.Nanoseconds())), per/tenth, n/10, passFail(per/tenth <= 10))
		})
	}
}

func passFail(ok bool) string {
	if ok {
		return "pass"
	}
	return "FAIL"
}

// tapGoal is the time within which a screen answers a tap, and a slower action shows it is working.
const tapGoal = 100 * time.Millisecond

// markerNeedles are the plaintext markers of the benchmarks' content.
func markerNeedles() [][]byte {
	var out [][]byte
	for _, m := range strings.Fields("QUOTE- NOTE- INSIGHT- THEME- AIM-") {
		out = append(out, []byte(m))
	}
	return out
}
