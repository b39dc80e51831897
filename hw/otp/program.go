package otp

import (
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"

	"quietroom/hw"
)

// ErrProgrammed means the OTP device key is already set. It can never be changed, and Program
// refuses to write over it. It is [hw.ErrSecretProgrammed].
var ErrProgrammed = hw.ErrSecretProgrammed

// tagSetPrivateKey is SET_PRIVATE_OTP, the write twin of GET_PRIVATE_OTP (the same message:
// first row, row count, then the rows; Raspberry Pi's documentation writes it as
// vcmailbox 0x00038081 40 40 0 8 <eight rows>).
const tagSetPrivateKey = 0x00038081

// Program writes key (32 bytes, random, as rows in the order DeviceSecret returns them) into
// the OTP device private key. This is PERMANENT: one-time-programmable bits never go back to 0,
// and the device keeps this key for the rest of its life. The caller must have explained that
// and had the admin confirm it.
//
// Program first reads the key: a programmed key is ErrProgrammed, a device that cannot tell is
// ErrUnsupported, and nothing is written in either case. After writing, it reads the key back
// and fails unless it equals key. Programming needs the same /dev/vcio access as reading.
func (s *Source) Program(key []byte) error {
	if len(key) != keyRows*4 {
		return fmt.Errorf("program %s: the key must be %d bytes, not %d", s.Name(), keyRows*4, len(key))
	}
	var any byte
	for _, b := range key {
		any |= b
	}
	if any == 0 {
		return fmt.Errorf("program %s: refusing an all-zero key", s.Name())
	}
	current, err := s.DeviceSecret()
	switch {
	case err == nil:
		clear(current)
		return fmt.Errorf("program: %w", ErrProgrammed)
	case !errors.Is(err, ErrUnprogrammed):
		return fmt.Errorf("program %s: %w", s.Name(), err)
	}

	msg := request()
	defer clear(msg)
	msg[2] = tagSetPrivateKey
	for i := range keyRows {
		msg[7+i] = binary.BigEndian.Uint32(key[i*4:])
	}
	if err := s.call(s.path, msg); err != nil {
		return fmt.Errorf("program %s: %w", s.Name(), err)
	}
	switch {
	case msg[1] != responseOK:
		return fmt.Errorf("program %s: %w: the firmware refused the request (code %#x)", s.Name(), ErrUnsupported, msg[1])
	case msg[2] != tagSetPrivateKey || msg[4]&valueBit == 0:
		return fmt.Errorf("program %s: %w: the firmware does not know the request; update it (sudo rpi-eeprom-update, apt full-upgrade)",
			s.Name(), ErrUnsupported)
	}

	written, err := s.DeviceSecret()
	if err != nil {
		return fmt.Errorf("program %s: reading the key back: %w", s.Name(), err)
	}
	defer clear(written)
	if subtle.ConstantTimeCompare(written, key) != 1 {
		return fmt.Errorf("program %s: the key read back differs from the key written; do not use this device's OTP key", s.Name())
	}
	return nil
}
