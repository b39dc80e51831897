package kiosk_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/vault"
)

func keyFile(t *testing.T) *vault.KeyFile {
	t.Helper()
	kf, err := vault.NewKeyFile(filepath.Join(t.TempDir(), "key", "device.key"), vault.KeyFileOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return kf
}

// TestSecretChooserSettles: where the device key comes from at start-up, for each kind of board.
func TestSecretChooserSettles(t *testing.T) {
	programmed := &kiosktest.OTP{Supported: true}
	if err := programmed.Program(make32(9)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name        string
		otp         *kiosktest.OTP
		fileExists  bool
		hasData     bool
		wantPending bool
		wantName    string // "" when an error is wanted
		wantFile    bool   // the key file exists afterwards
	}{
		{"programmed OTP", programmed, false, false, false, "fake OTP device key", false},
		{"programmed OTP wins over a file", programmed, true, true, false, "fake OTP device key", true},
		{"new Pi, OTP unprogrammed: the wizard asks", &kiosktest.OTP{Supported: true}, false, false, true, "not chosen yet (the set-up wizard asks)", false},
		{"Pi that chose the file before", &kiosktest.OTP{Supported: true}, true, true, false, "key file", true},
		{"not a Pi: a new key file", &kiosktest.OTP{}, false, false, false, "key file", true},
		{"data but no key anywhere: refused", &kiosktest.OTP{}, false, true, false, "", false},
		{"Pi with data, unprogrammed, no file: refused", &kiosktest.OTP{Supported: true}, false, true, false, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kf := keyFile(t)
			if tc.fileExists {
				if err := kf.Create(); err != nil {
					t.Fatal(err)
				}
			}
			c, err := kiosk.NewSecretChooser(tc.otp, kf, tc.hasData, nil)
			if tc.wantName == "" {
				if !errors.Is(err, vault.ErrNoDeviceSecret) {
					t.Fatalf("NewSecretChooser = %v, want ErrNoDeviceSecret", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Pending() != tc.wantPending {
				t.Errorf("Pending = %v, want %v", c.Pending(), tc.wantPending)
			}
			want := tc.wantName
			if want == "key file" {
				want = kf.Name()
			}
			if got := c.Name(); got != want {
				t.Errorf("Name = %q, want %q", got, want)
			}
			_, statErr := os.Stat(kf.Path())
			if (statErr == nil) != tc.wantFile {
				t.Errorf("key file exists = %v, want %v", statErr == nil, tc.wantFile)
			}
			if _, err := c.DeviceSecret(); (err != nil) != tc.wantPending {
				t.Errorf("DeviceSecret error = %v, want an error only while pending", err)
			}
		})
	}
}

func make32(b byte) []byte {
	k := make([]byte, vault.DeviceSecretSize)
	for i := range k {
		k[i] = b
	}
	return k
}

// TestWizardProgramsTheOTPOnlyWhenChosen: on a new Pi nothing can be set up until the choice is
// made; choosing the OTP programs it once; the choice cannot be made twice or after set-up.
func TestWizardProgramsTheOTPOnlyWhenChosen(t *testing.T) {
	e := kiosktest.NewPi(t)
	if !e.Kiosk.SecretPending() {
		t.Fatal("SecretPending = false on a new Pi with an unprogrammed OTP key")
	}
	if _, err := e.Kiosk.Setup(ctx, []byte("482916"), "Room 2"); !errors.Is(err, kiosk.ErrSecretPending) {
		t.Fatalf("Setup before the choice = %v, want ErrSecretPending", err)
	}
	if e.OTP.Programmed() {
		t.Fatal("the OTP key was programmed without being chosen")
	}
	if err := e.Kiosk.ChooseSecret(ctx, true); err != nil {
		t.Fatal(err)
	}
	if !e.OTP.Programmed() || e.Kiosk.SecretPending() {
		t.Fatal("choosing the OTP did not program it")
	}
	if err := e.Kiosk.ChooseSecret(ctx, false); !errors.Is(err, kiosk.ErrSecretChosen) {
		t.Errorf("second choice = %v, want ErrSecretChosen", err)
	}
	a, err := e.Kiosk.Setup(ctx, []byte("482916"), "Room 2")
	if err != nil {
		t.Fatal(err)
	}
	if h, _ := e.Kiosk.Health(ctx, a); h.Secret != "fake OTP device key" {
		t.Errorf("Health.Secret = %q, want the OTP key", h.Secret)
	}
	if _, err := os.Stat(e.KeyFile); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a key file was created although the OTP key was chosen: %v", err)
	}
	// After a restart the programmed key is found again and the admin still signs in.
	after := e.Restart(t)
	if after.Kiosk.SecretPending() {
		t.Error("pending again after a restart")
	}
	if _, err := after.Kiosk.SignInAdmin(ctx, []byte("482916")); err != nil {
		t.Errorf("admin sign-in after restart = %v", err)
	}
	if err := after.Kiosk.ChooseSecret(ctx, false); !errors.Is(err, kiosk.ErrAlreadySetUp) {
		t.Errorf("choice after set-up = %v, want ErrAlreadySetUp", err)
	}
}
