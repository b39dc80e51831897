package core_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"quietroom/app/assemble/core"
	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/protocol"
	"quietroom/app/store"
	"quietroom/app/vault"
	"quietroom/hw"
	"quietroom/hw/hwtest"
)

// fast are small Argon2 costs, so the test runs fast.
var fast = vault.Params{MemoryKiB: 64, Time: 1, Threads: 1}

const adminPIN = "90817263"

func open(t *testing.T, c core.Config) (*core.Core, *kiosk.Kiosk) {
	t.Helper()
	kc, err := core.Open(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	packs, err := protocol.OpenLibrary(t.TempDir())
	if err != nil {
		kc.Close()
		t.Fatal(err)
	}
	k, err := kc.Kiosk(packs, hwtest.NewIndicator(hw.TwoColour, c.Clock), kiosk.Options{})
	if err != nil {
		kc.Close()
		t.Fatal(err)
	}
	return kc, k
}

// TestReopen sets a kiosk up on disk, closes it and opens it again: the device key file and
// the database are found where they were, so the admin's PIN still opens it, and a wrong one
// does not.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	clock := clocktest.New(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	c := core.Config{DataDir: t.TempDir(), KeyFile: filepath.Join(t.TempDir(), "key", "device.key"), Clock: clock, Params: fast}
	kc, k := open(t, c)
	if first, err := k.FirstBoot(ctx); err != nil || !first {
		t.Fatalf("FirstBoot on a new folder = %v, %v; want true", first, err)
	}
	if _, err := k.Setup(ctx, []byte(adminPIN), "Room 1"); err != nil {
		t.Fatal(err)
	}
	kc.Close()
	kc.Close() // harmless

	c.MustExist = true
	kc, k = open(t, c)
	defer kc.Close()
	if first, err := k.FirstBoot(ctx); err != nil || first {
		t.Fatalf("FirstBoot after set-up = %v, %v; want false", first, err)
	}
	if _, err := k.SignInAdmin(ctx, []byte(adminPIN)); err != nil {
		t.Fatalf("SignInAdmin after reopening = %v", err)
	}
	if _, err := k.SignInAdmin(ctx, []byte("11112222")); err == nil {
		t.Error("a wrong admin PIN signed in")
	}
}

// TestMustExist: a device that was set up and whose database is gone is refused, never given
// a new one.
func TestMustExist(t *testing.T) {
	c := core.Config{DataDir: t.TempDir(), KeyFile: filepath.Join(t.TempDir(), "key", "device.key"), MustExist: true, Params: fast}
	kc, err := core.Open(context.Background(), c)
	if !errors.Is(err, store.ErrMissing) {
		if kc != nil {
			kc.Close()
		}
		t.Fatalf("Open with MustExist on an empty folder = %v, want store.ErrMissing", err)
	}
}

// TestKeyFileInData: the device key file inside the data folder is refused but in
// development.
func TestKeyFileInData(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	c := core.Config{DataDir: dir, KeyFile: filepath.Join(dir, "device.key"), Params: fast}
	kc, err := core.Open(context.Background(), c)
	if err == nil {
		kc.Close()
		t.Fatal("Open took a key file inside the data folder")
	}
	if !strings.Contains(err.Error(), "inside the data directory") {
		t.Fatalf("Open with the key file in the data folder = %v, want it refused for being inside", err)
	}
	c.KeyFileInData = true
	kc, err = core.Open(context.Background(), c)
	if err != nil {
		t.Fatalf("Open in development with the key file in the data folder = %v", err)
	}
	kc.Close()
}
