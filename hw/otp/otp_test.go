package otp

import (
	"bytes"
	"errors"
	"testing"
)

// answer fills msg as the firmware does for a key of the given rows.
func answer(rows [keyRows]uint32) func(string, []uint32) error {
	return func(_ string, msg []uint32) error {
		msg[1] = responseOK
		msg[4] = valueBit | valueBytes
		copy(msg[7:], rows[:])
		return nil
	}
}

func TestRequestMatchesTheFirmwareExample(t *testing.T) {
	// Raspberry Pi's documentation: vcmailbox 0x00030081 40 40 0 8 0 0 0 0 0 0 0 0
	want := []uint32{64, 0, 0x00030081, 40, 40, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	got := request()
	if len(got) != len(want) {
		t.Fatalf("request() = %#x, want %#x", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("request() = %#x, want %#x", got, want)
		}
	}
}

func TestDeviceSecret(t *testing.T) {
	// The documented example answer, rows f8dbc7b0 a4fcfb1d ...
	rows := [keyRows]uint32{0xf8dbc7b0, 0xa4fcfb1d, 0x706e298a, 0xc9d0485c, 0x2226ce8d, 0xf7f7596a, 0xc77337bd, 0x09fbe160}
	wantKey := []byte{
		0xf8, 0xdb, 0xc7, 0xb0, 0xa4, 0xfc, 0xfb, 0x1d, 0x70, 0x6e, 0x29, 0x8a, 0xc9, 0xd0, 0x48, 0x5c,
		0x22, 0x26, 0xce, 0x8d, 0xf7, 0xf7, 0x59, 0x6a, 0xc7, 0x73, 0x37, 0xbd, 0x09, 0xfb, 0xe1, 0x60,
	}
	tests := []struct {
		name    string
		call    func(string, []uint32) error
		want    []byte
		wantErr error
	}{
		{"programmed", answer(rows), wantKey, nil},
		{"unprogrammed", answer([keyRows]uint32{}), nil, ErrUnprogrammed},
		{"firmware error", func(_ string, msg []uint32) error { msg[1] = responseError; return nil }, nil, ErrUnsupported},
		{"no answer", func(string, []uint32) error { return nil }, nil, ErrUnsupported},
		{"tag unknown", func(_ string, msg []uint32) error { msg[1] = responseOK; return nil }, nil, ErrUnsupported},
		{"short answer", func(_ string, msg []uint32) error {
			msg[1], msg[4], msg[7] = responseOK, valueBit|8, 1
			return nil
		}, nil, ErrUnsupported},
		{"no mailbox", func(string, []uint32) error { return ErrUnsupported }, nil, ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Source{path: DevicePath, call: tt.call}
			got, err := s.DeviceSecret()
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("DeviceSecret() error = %v, want %v", err, tt.wantErr)
			}
			if !bytes.Equal(got, tt.want) {
				t.Errorf("DeviceSecret() = %x, want %x", got, tt.want)
			}
			if errors.Is(err, ErrUnsupported) && errors.Is(err, ErrUnprogrammed) {
				t.Errorf("error %v is both unsupported and unprogrammed", err)
			}
		})
	}
}

func TestMissingMailbox(t *testing.T) {
	s := &Source{path: t.TempDir() + "/vcio", call: mailbox}
	if _, err := s.DeviceSecret(); !errors.Is(err, ErrUnsupported) {
		t.Errorf("DeviceSecret() without %s = %v, want ErrUnsupported", s.path, err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(uint32(responseOK), uint32(valueBit|valueBytes), uint32(0), uint32(keyRows), uint32(1))
	f.Add(uint32(responseError), uint32(0), uint32(0), uint32(0), uint32(0))
	f.Fuzz(func(t *testing.T, code, length, start, count, row uint32) {
		msg := request()
		msg[1], msg[4], msg[5], msg[6], msg[7] = code, length, start, count, row
		key, err := parse(msg)
		if err == nil && (len(key) != keyRows*4 || code != responseOK || row == 0) {
			t.Fatalf("parse accepted code %#x length %#x row %#x: key %x", code, length, row, key)
		}
	})
}
