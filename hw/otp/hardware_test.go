//go:build pi

package otp

import (
	"errors"
	"testing"
)

// TestOnDevice reads the real key: go test -tags pi ./hw/otp on a Raspberry Pi 4/5, as a user
// in the video group. It passes for a programmed and an unprogrammed key, and prints which.
func TestOnDevice(t *testing.T) {
	key, err := New().DeviceSecret()
	switch {
	case errors.Is(err, ErrUnprogrammed):
		t.Log("the device key is not programmed")
	case err != nil:
		t.Fatal(err)
	default:
		t.Logf("the device key is programmed (%d bytes)", len(key))
		clear(key)
	}
}
