package otp

import (
	"bytes"
	"errors"
	"testing"
)

// fakeOTP is firmware with an OTP key that can be programmed: bits only ever go from 0 to 1.
type fakeOTP struct {
	rows   [keyRows]uint32
	writes int
	refuse bool // the firmware answers the write with an error code
}

func (f *fakeOTP) call(_ string, msg []uint32) error {
	switch msg[2] {
	case tagGetPrivateKey:
		msg[1] = responseOK
		msg[4] = valueBit | valueBytes
		copy(msg[7:], f.rows[:])
	case tagSetPrivateKey:
		f.writes++
		if f.refuse {
			msg[1] = responseError
			return nil
		}
		for i := range f.rows {
			f.rows[i] |= msg[7+i]
		}
		msg[1] = responseOK
		msg[4] = valueBit | valueBytes
	}
	return nil
}

func TestProgram(t *testing.T) {
	key := bytes.Repeat([]byte{0xf8, 0xdb, 0xc7, 0xb0}, keyRows)
	f := &fakeOTP{}
	s := &Source{path: "fake", call: f.call}
	if err := s.Program(key); err != nil {
		t.Fatalf("Program: %v", err)
	}
	if f.rows[0] != 0xf8dbc7b0 {
		t.Errorf("row 0 = %#x, want 0xf8dbc7b0 (rows big-endian, as DeviceSecret reads them)", f.rows[0])
	}
	got, err := s.DeviceSecret()
	if err != nil || !bytes.Equal(got, key) {
		t.Errorf("DeviceSecret after Program = %x, %v; want %x", got, err, key)
	}
	// Never twice: the second Program writes nothing.
	if err := s.Program(bytes.Repeat([]byte{1}, 32)); !errors.Is(err, ErrProgrammed) || f.writes != 1 {
		t.Errorf("second Program = %v after %d writes, want ErrProgrammed and 1 write", err, f.writes)
	}
}

func TestProgramRefuses(t *testing.T) {
	key := bytes.Repeat([]byte{7}, 32)
	tests := []struct {
		name string
		key  []byte
		call func(string, []uint32) error
		want error
	}{
		{"short key", key[:31], (&fakeOTP{}).call, nil},
		{"zero key", make([]byte, 32), (&fakeOTP{}).call, nil},
		{"firmware cannot tell", key, func(_ string, msg []uint32) error { msg[1] = responseError; return nil }, ErrUnsupported},
		{"firmware refuses the write", key, (&fakeOTP{refuse: true}).call, ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Source{path: "fake", call: tt.call}
			err := s.Program(tt.key)
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("Program = %v, want an error matching %v", err, tt.want)
			}
		})
	}
}

func TestProgramReadBackMismatch(t *testing.T) {
	// A bit already set that the new key lacks: the key read back differs.
	f := &fakeOTP{}
	s := &Source{path: "fake", call: func(p string, msg []uint32) error {
		err := f.call(p, msg)
		if msg[2] == tagSetPrivateKey {
			f.rows[3] |= 1
		}
		return err
	}}
	if err := s.Program(bytes.Repeat([]byte{0x10}, 32)); err == nil {
		t.Errorf("Program with a different key read back = nil, want an error")
	}
}
