package otp

import (
	"encoding/binary"
	"fmt"

	"quietroom/hw"
)

// ErrUnprogrammed means the OTP device key reads as all zeros: it was never programmed.
// Provisioning programs it (rpi-otp-private-key -w); nothing falls back silently. It is
// [hw.ErrSecretUnprogrammed], so callers need not import this package to tell.
var ErrUnprogrammed = hw.ErrSecretUnprogrammed

// ErrUnsupported means the firmware mailbox is missing or does not answer the private-key
// request: not a Raspberry Pi 4 or 5, a firmware too old, or not Linux. It is
// [hw.ErrNoSecretHardware].
var ErrUnsupported = hw.ErrNoSecretHardware

// DevicePath is the firmware mailbox device.
const DevicePath = "/dev/vcio"

// Firmware mailbox property interface constants.
const (
	tagGetPrivateKey = 0x00030081 // GET_PRIVATE_OTP: read rows of the device private key
	keyRows          = 8          // 256 bits; the Pi 4 has 8 rows, the Pi 5 16
	processRequest   = 0x00000000
	responseOK       = 0x80000000
	responseError    = 0x80000001
	valueBit         = 0x80000000 // set in a tag's length word when the firmware answered it
	valueBytes       = 8 + keyRows*4
	messageWords     = 16 // size, code, tag, buffer size, length, start, count, 8 rows, end tag
)

// Source is the OTP device key as an [hw.SecretSource].
type Source struct {
	path string
	call func(path string, msg []uint32) error // the mailbox ioctl; replaced in tests
}

// New returns the source reading through [DevicePath].
func New() *Source { return &Source{path: DevicePath, call: mailbox} }

// Name implements [hw.SecretSource].
func (s *Source) Name() string { return "Raspberry Pi OTP device private key" }

// DeviceSecret implements [hw.SecretSource]: the 32 key bytes, each 32-bit row big-endian,
// so that they equal the bytes rpi-otp-private-key prints in hex.
func (s *Source) DeviceSecret() ([]byte, error) {
	msg := request()
	defer clear(msg)
	if err := s.call(s.path, msg); err != nil {
		return nil, fmt.Errorf("read %s: %w", s.Name(), err)
	}
	key, err := parse(msg)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", s.Name(), err)
	}
	return key, nil
}

// request builds the property message asking for the key rows.
func request() []uint32 {
	msg := make([]uint32, messageWords)
	msg[0] = messageWords * 4
	msg[1] = processRequest
	msg[2] = tagGetPrivateKey
	msg[3] = valueBytes // value buffer size
	msg[4] = valueBytes // request: value length, bit 31 clear (as the firmware's own example)
	msg[5] = 0          // first row
	msg[6] = keyRows    // number of rows
	// msg[7:15] receive the rows; msg[15] = 0 is the end tag.
	return msg
}

// parse checks the firmware's answer and returns the key.
func parse(msg []uint32) ([]byte, error) {
	if len(msg) != messageWords {
		return nil, fmt.Errorf("%w: mailbox answer of %d words", ErrUnsupported, len(msg))
	}
	switch msg[1] {
	case responseOK:
	case responseError:
		return nil, fmt.Errorf("%w: the firmware could not parse the request", ErrUnsupported)
	default:
		return nil, fmt.Errorf("%w: the firmware did not answer (code %#x)", ErrUnsupported, msg[1])
	}
	if msg[2] != tagGetPrivateKey || msg[4]&valueBit == 0 {
		return nil, fmt.Errorf("%w: the firmware does not know the private-key request; "+
			"update it (sudo rpi-eeprom-update, apt full-upgrade)", ErrUnsupported)
	}
	if n := msg[4] &^ valueBit; n < valueBytes || msg[5] != 0 || msg[6] != keyRows {
		return nil, fmt.Errorf("%w: the firmware returned %d bytes for rows %d+%d, want %d rows",
			ErrUnsupported, n, msg[5], msg[6], keyRows)
	}
	key := make([]byte, keyRows*4)
	var any uint32
	for i, row := range msg[7 : 7+keyRows] {
		binary.BigEndian.PutUint32(key[i*4:], row)
		any |= row
	}
	if any == 0 {
		return nil, ErrUnprogrammed
	}
	return key, nil
}

var _ hw.ProgrammableSecret = (*Source)(nil)
