package kiosk

import (
	"context"
	"errors"
)

// SecretChoice is where the device secret comes from and, on a new Raspberry Pi whose OTP key
// is not programmed yet, the choice the first-boot wizard makes. *vault.SecretChoice, which
// holds the policy, implements it.
type SecretChoice interface {
	// Name says where the secret comes from, for the storage health screen.
	Name() string
	// Pending reports that the wizard must ask before the device can be set up.
	Pending() bool
	// Choose programs the OTP key (permanent) when useOTP is true, or creates the key file.
	Choose(useOTP bool) error
}

// ErrSecretPending: the first-boot wizard has not yet settled where the device key is kept.
var ErrSecretPending = errors.New("first choose where the device key is kept")

// SecretPending reports that the first-boot wizard must ask where the device key is kept
// before anything else: this Raspberry Pi's OTP key is not programmed yet.
func (k *Kiosk) SecretPending() bool { return k.d.Secret.Pending() }

// ChooseSecret settles where the device key is kept, on a new device only: the OTP key when
// useOTP (permanent; the wizard has had the admin confirm it), the key file otherwise. A
// second choice is vault.ErrSecretChosen.
func (k *Kiosk) ChooseSecret(ctx context.Context, useOTP bool) error {
	first, err := k.FirstBoot(ctx)
	if err != nil {
		return err
	}
	if !first {
		return ErrAlreadySetUp
	}
	if err := k.d.Secret.Choose(useOTP); err != nil {
		return err
	}
	k.log.Info("device key settled", "source", k.d.Secret.Name())
	return nil
}
