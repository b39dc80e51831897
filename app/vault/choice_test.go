package vault

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"quietroom/hw"
)

// fakeOTP is a Raspberry Pi OTP device key: unsupported (not a Pi), unprogrammed, or set.
type fakeOTP struct {
	supported bool
	key       []byte
}

func (o *fakeOTP) DeviceSecret() ([]byte, error) {
	switch {
	case !o.supported:
		return nil, hw.ErrNoSecretHardware
	case o.key == nil:
		return nil, hw.ErrSecretUnprogrammed
	}
	return bytes.Clone(o.key), nil
}

func (o *fakeOTP) Name() string { return "fake OTP device key" }

func (o *fakeOTP) Program(key []byte) error {
	switch {
	case !o.supported:
		return hw.ErrNoSecretHardware
	case o.key != nil:
		return hw.ErrSecretProgrammed
	}
	o.key = bytes.Clone(key)
	return nil
}

func choiceKeyFile(t *testing.T) *KeyFile {
	t.Helper()
	kf, err := NewKeyFile(filepath.Join(t.TempDir(), "key", "device.key"), KeyFileOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return kf
}

// TestSecretChoiceSettles: where the device key comes from at start-up, for each kind of board.
func TestSecretChoiceSettles(t *testing.T) {
	programmed := &fakeOTP{supported: true, key: bytes.Repeat([]byte{9}, DeviceSecretSize)}
	for _, tc := range []struct {
		name        string
		otp         OTPKey
		fileExists  bool
		hasData     bool
		wantPending bool
		wantName    string // "" when an error is wanted
		wantFile    bool   // the key file exists afterwards
	}{
		{"programmed OTP", programmed, false, false, false, "fake OTP device key", false},
		{"programmed OTP wins over a file", programmed, true, true, false, "fake OTP device key", true},
		{"new Pi, OTP unprogrammed: the wizard asks", &fakeOTP{supported: true}, false, false, true, "not chosen yet (the set-up wizard asks)", false},
		{"Pi that chose the file before", &fakeOTP{supported: true}, true, true, false, "key file", true},
		{"not a Pi: a new key file", &fakeOTP{}, false, false, false, "key file", true},
		{"development: no OTP at all", nil, false, false, false, "key file", true},
		{"data but no key anywhere: refused", &fakeOTP{}, false, true, false, "", false},
		{"Pi with data, unprogrammed, no file: refused", &fakeOTP{supported: true}, false, true, false, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kf := choiceKeyFile(t)
			if tc.fileExists {
				if err := kf.Create(); err != nil {
					t.Fatal(err)
				}
			}
			c, err := NewSecretChoice(tc.otp, kf, tc.hasData, nil)
			if tc.wantName == "" {
				if !errors.Is(err, ErrNoDeviceSecret) {
					t.Fatalf("NewSecretChoice = %v, want ErrNoDeviceSecret", err)
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

// TestSecretChoiceChoose: a pending choice is settled once; programming the OTP writes a fresh
// key that the choice then uses.
func TestSecretChoiceChoose(t *testing.T) {
	board := &fakeOTP{supported: true}
	kf := choiceKeyFile(t)
	c, err := NewSecretChoice(board, kf, false, bytes.NewReader(bytes.Repeat([]byte{7}, DeviceSecretSize)))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Choose(true); err != nil {
		t.Fatal(err)
	}
	got, err := c.DeviceSecret()
	if err != nil || !bytes.Equal(got, bytes.Repeat([]byte{7}, DeviceSecretSize)) {
		t.Errorf("DeviceSecret after programming = %x, %v; want the programmed key", got, err)
	}
	if err := c.Choose(false); !errors.Is(err, ErrSecretChosen) {
		t.Errorf("second Choose = %v, want ErrSecretChosen", err)
	}
	if _, err := os.Stat(kf.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a key file was created although the OTP key was chosen: %v", err)
	}

	dev, err := NewSecretChoice(nil, choiceKeyFile(t), false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := dev.Choose(true); !errors.Is(err, ErrSecretChosen) {
		t.Errorf("Choose on a settled development choice = %v, want ErrSecretChosen", err)
	}
}
