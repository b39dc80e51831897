package kiosk_test

import (
	"errors"
	"testing"
	"time"

	"quietroom/app/kiosk/demo"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/vault"
)

// TestPINDelaySurvivesARestart: wrong PINs and their delay outlive a restart (the attempt log
// is in the database), so pulling the power after four wrong PINs buys no fresh try.
func TestPINDelaySurvivesARestart(t *testing.T) {
	for _, tc := range []struct {
		name string
		// try signs in with pin; right is the demo's own credential.
		try   func(e *kiosktest.Env, pin string) error
		right func(d demo.Demo) string
		// free is how many wrong tries the policy lets through without a delay.
		free int
	}{
		{
			name: "interviewer",
			try: func(e *kiosktest.Env, pin string) error {
				s, err := e.Kiosk.SignIn(ctx, demoInterviewer(t, e).ID, []byte(pin))
				if err == nil {
					s.SignOut()
				}
				return err
			},
			right: func(d demo.Demo) string { return d.InterviewerPIN },
			free:  vault.DefaultPolicy().FreeFailures,
		},
		{
			name: "admin",
			try: func(e *kiosktest.Env, pin string) error {
				_, err := e.Kiosk.SignInAdmin(ctx, []byte(pin))
				return err
			},
			right: func(d demo.Demo) string { return d.AdminCredential },
			free:  vault.AdminPolicy().FreeFailures,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, d := kiosktest.Seeded(t)
			for i := range tc.free + 1 {
				if err := tc.try(e, "000000"); !errors.Is(err, vault.ErrWrongCredential) {
					t.Fatalf("wrong PIN %d = %v, want ErrWrongCredential", i+1, err)
				}
			}
			e = e.Restart(t)
			if err := tc.try(e, tc.right(d)); !errors.Is(err, vault.ErrTooSoon) {
				t.Fatalf("right PIN after a restart, too soon = %v, want ErrTooSoon", err)
			}
			e.Clock.Advance(30 * time.Second)
			if err := tc.try(e, tc.right(d)); err != nil {
				t.Errorf("right PIN after the delay = %v, want nil", err)
			}
		})
	}
}
