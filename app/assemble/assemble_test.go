package assemble_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"quietroom/app/assemble"
	"quietroom/app/store"
	"quietroom/app/vault"
)

// devConfig is a development kiosk in a new temporary folder.
func devConfig(t *testing.T) assemble.Config {
	t.Helper()
	data := filepath.Join(t.TempDir(), "data")
	return assemble.Config{DataDir: data, KeyFile: filepath.Join(data, "dev-secret", "device.key"), Dev: true}
}

// TestDevelopmentKiosk opens a development kiosk on the real store and retention, headless:
// the demo data is seeded once, its credentials work, and a second start finds the same device.
func TestDevelopmentKiosk(t *testing.T) {
	ctx := context.Background()
	cfg := devConfig(t)
	var demo bytes.Buffer
	cfg.Demo = &demo
	k, err := assemble.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("Open(new development folder) = %v", err)
	}
	m := regexp.MustCompile(`DEMO admin PIN: +(\d+)`).FindStringSubmatch(demo.String())
	if m == nil {
		t.Fatalf("no demo admin PIN printed:\n%s", demo.String())
	}
	if first, err := k.Kiosk.FirstBoot(ctx); err != nil || first {
		t.Errorf("FirstBoot after the demo seed = %v, %v; want false", first, err)
	}
	if k.UI.Light == nil || k.UI.Privacy == nil || k.UI.HideCursor {
		t.Errorf("UI options = %+v, want the simulated light and button and a visible pointer", k.UI)
	}
	if _, err := k.Kiosk.SignInAdmin(ctx, []byte(m[1])); err != nil {
		t.Fatalf("admin sign-in with the demo PIN = %v", err)
	}
	k.Close()
	k.Close() // harmless

	demo.Reset()
	again, err := assemble.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("second Open = %v", err)
	}
	defer again.Close()
	if !bytes.Contains(demo.Bytes(), []byte(m[1])) {
		t.Errorf("second start printed other credentials:\n%s", demo.String())
	}
	engs, err := again.Kiosk.Engagements(ctx)
	if err != nil || len(engs) != 3 {
		t.Errorf("engagements after a restart = %d, %v; want the demo engagement, the demo peer challenge and the demo panel's", len(engs), err)
	}
	// The admin's rate limit is persisted: wrong credentials count across restarts.
	for range 4 {
		if _, err := again.Kiosk.SignInAdmin(ctx, []byte("00000000")); !errors.Is(err, vault.ErrWrongCredential) {
			t.Fatalf("wrong admin PIN = %v, want ErrWrongCredential", err)
		}
	}
	again.Close()
	third, err := assemble.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	if _, err := third.Kiosk.SignInAdmin(ctx, []byte("00000000")); !errors.Is(err, vault.ErrTooSoon) {
		t.Errorf("fifth admin PIN after a restart = %v, want ErrTooSoon (the admin policy's delay)", err)
	}
}

// TestLostDatabaseIsRefused: a folder whose database is gone but whose packs folder shows the
// kiosk ran here is out of service, never a new device.
func TestLostDatabaseIsRefused(t *testing.T) {
	ctx := context.Background()
	cfg := devConfig(t)
	k, err := assemble.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	k.Close()
	files, _ := filepath.Glob(filepath.Join(cfg.DataDir, "*.db*"))
	if len(files) == 0 {
		t.Fatal("no database file to remove")
	}
	for _, f := range files {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := assemble.Open(ctx, cfg); !errors.Is(err, store.ErrMissing) {
		t.Errorf("Open without the database = %v, want store.ErrMissing", err)
	}
}

// TestDeviceWithoutHardware opens a device kiosk (no --dev) on a machine without GPIO or an
// OTP key: the light's fault is kept for the health screen and the kiosk starts anyway, with
// its device key in a file outside the data folder.
func TestDeviceWithoutHardware(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	k, err := assemble.Open(ctx, assemble.Config{DataDir: filepath.Join(dir, "data"), KeyFile: filepath.Join(dir, "key", "device.key")})
	if err != nil {
		t.Fatalf("Open = %v", err)
	}
	defer k.Close()
	if !k.UI.HideCursor || k.UI.Light != nil {
		t.Errorf("UI options = %+v, want a hidden pointer and no simulated light", k.UI)
	}
	if first, err := k.Kiosk.FirstBoot(ctx); err != nil || !first {
		t.Errorf("FirstBoot = %v, %v; want true on a new device", first, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "key", "device.key")); err != nil && !k.Kiosk.SecretPending() {
		t.Errorf("no device key file and no pending choice: %v", err)
	}
}

// TestDevelopmentStick: in development a folder given as the stick is where exports go and
// packs come from; without it, and on a device, only real mounted sticks count.
func TestDevelopmentStick(t *testing.T) {
	ctx := context.Background()
	cfg := devConfig(t)
	cfg.Stick = t.TempDir()
	k, err := assemble.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	if got := k.Kiosk.Sticks(); len(got) != 1 || got[0] != cfg.Stick {
		t.Errorf("Sticks() = %v, want the development stick %s", got, cfg.Stick)
	}
}
