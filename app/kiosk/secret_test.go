package kiosk_test

import (
	"errors"
	"os"
	"testing"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/vault"
)

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
	if err := e.Kiosk.ChooseSecret(ctx, false); !errors.Is(err, vault.ErrSecretChosen) {
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
