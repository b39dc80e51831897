//go:build !linux

package otp

import "fmt"

// mailbox is Linux-only: /dev/vcio is the Raspberry Pi firmware's mailbox device.
func mailbox(path string, msg []uint32) error {
	return fmt.Errorf("%w: the OTP device key is read through %s, which exists only on a Raspberry Pi running Linux; "+
		"on this system configure the key-file device secret", ErrUnsupported, path)
}
