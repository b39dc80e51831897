package vault

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestKeyFileCreate(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "data")
	path := filepath.Join(root, "key", "device.key")
	k, err := NewKeyFile(path, KeyFileOptions{DataDir: data, Rand: detRand(7)})
	if err != nil {
		t.Fatalf("NewKeyFile: %v", err)
	}
	if err := k.Create(); err != nil {
		t.Fatalf("Create: %v", err)
	}
	want := make([]byte, DeviceSecretSize)
	io.ReadFull(detRand(7), want)

	got, err := k.DeviceSecret()
	if err != nil {
		t.Fatalf("DeviceSecret: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("DeviceSecret() = %x, want %x", got, want)
	}
	for _, c := range []struct {
		path string
		want os.FileMode
	}{{path, 0o600}, {filepath.Dir(path), 0o700}} {
		fi, err := os.Stat(c.path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != c.want {
			t.Errorf("mode of %s = %04o, want %04o", c.path, fi.Mode().Perm(), c.want)
		}
	}
	if strings.Contains(k.Name(), "development") || !strings.Contains(k.Name(), path) {
		t.Errorf("Name() = %q, want the path and no development mark", k.Name())
	}
	left, _ := os.ReadDir(filepath.Dir(path))
	if len(left) != 1 {
		t.Errorf("key folder holds %d entries, want only the key file", len(left))
	}
}

func TestKeyFileNeverOverwritten(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "key", "device.key")
	opts := func(seed byte) KeyFileOptions {
		return KeyFileOptions{DataDir: filepath.Join(root, "data"), Rand: detRand(seed)}
	}
	first, _ := NewKeyFile(path, opts(1))
	if err := first.Create(); err != nil {
		t.Fatal(err)
	}
	before, _ := first.DeviceSecret()

	second, _ := NewKeyFile(path, opts(2))
	if err := second.Create(); err != nil {
		t.Fatalf("Create over an existing key file: %v", err)
	}
	after, _ := second.DeviceSecret()
	if !bytes.Equal(before, after) {
		t.Errorf("Create replaced an existing key file")
	}
}

func TestKeyFileLocation(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "data")
	if err := os.MkdirAll(data, 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "link")
	if err := os.Symlink(data, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		path    string
		dataDir string
		dev     bool
		wantErr error
	}{
		{"outside", filepath.Join(root, "key", "device.key"), data, false, nil},
		{"sibling with a common prefix", filepath.Join(root, "data-key", "device.key"), data, false, nil},
		{"inside", filepath.Join(data, "device.key"), data, false, ErrUnsafeKeyFile},
		{"deep inside", filepath.Join(data, "a", "b", "device.key"), data, false, ErrUnsafeKeyFile},
		{"inside through a symlink", filepath.Join(link, "secret", "device.key"), data, false, ErrUnsafeKeyFile},
		{"relative data dir", filepath.Join(data, "k"), data + "/../data/", false, ErrUnsafeKeyFile},
		{"no data dir", filepath.Join(root, "key", "device.key"), "", false, ErrUnsafeKeyFile},
		{"no path", "", data, false, ErrUnsafeKeyFile},
		{"inside, development", filepath.Join(data, "secret", "device.key"), data, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewKeyFile(tt.path, KeyFileOptions{DataDir: tt.dataDir, Development: tt.dev})
			if !errors.Is(err, tt.wantErr) || (tt.wantErr != nil && err == nil) {
				t.Errorf("NewKeyFile(%s) = %v, want %v", tt.path, err, tt.wantErr)
			}
		})
	}
}

func TestKeyFileDevelopmentIsMarked(t *testing.T) {
	data := t.TempDir()
	k, err := NewKeyFile(filepath.Join(data, "secret", "device.key"), KeyFileOptions{DataDir: data, Development: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := k.Create(); err != nil {
		t.Fatalf("Create: %v", err)
	}
	if !strings.Contains(k.Name(), "development") {
		t.Errorf("Name() = %q, want it marked as development", k.Name())
	}
}

func TestKeyFileRefused(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir, path string)
		wantErr error
		wantMsg string
	}{
		{"missing", func(t *testing.T, dir, path string) {}, ErrNoDeviceSecret, "restore"},
		{"group readable", chmodFile(0o640), ErrUnsafeKeyFile, "chmod 600"},
		{"world readable", chmodFile(0o604), ErrUnsafeKeyFile, "chmod 600"},
		{"executable", chmodFile(0o700), ErrUnsafeKeyFile, "chmod 600"},
		{"short", writeFile(31), ErrUnsafeKeyFile, "31 bytes"},
		{"long", writeFile(33), ErrUnsafeKeyFile, "33 bytes"},
		{"empty", writeFile(0), ErrUnsafeKeyFile, "0 bytes"},
		{"folder open to others", func(t *testing.T, dir, path string) {
			writeFile(32)(t, dir, path)
			must(t, os.Chmod(dir, 0o755))
		}, ErrUnsafeKeyFile, "chmod 700"},
		{"a directory", func(t *testing.T, dir, path string) { must(t, os.Mkdir(path, 0o700)) }, ErrUnsafeKeyFile, "not a regular file"},
		{"a symlink", func(t *testing.T, dir, path string) {
			other := filepath.Join(t.TempDir(), "other")
			must(t, os.WriteFile(other, make([]byte, 32), 0o600))
			must(t, os.Symlink(other, path))
		}, ErrUnsafeKeyFile, "not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "key")
			path := filepath.Join(dir, "device.key")
			must(t, os.Mkdir(dir, 0o700))
			tt.setup(t, dir, path)
			k, err := NewKeyFile(path, KeyFileOptions{DataDir: filepath.Join(root, "data")})
			if err != nil {
				t.Fatal(err)
			}
			s, err := k.DeviceSecret()
			if !errors.Is(err, tt.wantErr) || s != nil {
				t.Fatalf("DeviceSecret() = %x, %v; want nil, %v", s, err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("DeviceSecret() error %q does not say %q", err, tt.wantMsg)
			}
			if tt.name != "missing" {
				// Create must refuse it too, and leave it as it was.
				if err := k.Create(); !errors.Is(err, tt.wantErr) {
					t.Errorf("Create() = %v, want %v", err, tt.wantErr)
				}
			}
		})
	}
}

func TestKeyFileReadOnlyModeAccepted(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "key", "device.key")
	k, _ := NewKeyFile(path, KeyFileOptions{DataDir: filepath.Join(root, "data")})
	must(t, k.Create())
	must(t, os.Chmod(path, 0o400))
	if _, err := k.DeviceSecret(); err != nil {
		t.Errorf("DeviceSecret() with mode 0400 = %v, want nil", err)
	}
}

func TestKeyFileRandomnessFailure(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "key", "device.key")
	k, _ := NewKeyFile(path, KeyFileOptions{DataDir: filepath.Join(root, "data"), Rand: io.LimitReader(detRand(1), 5)})
	if err := k.Create(); err == nil {
		t.Fatal("Create with failing randomness succeeded")
	}
	if _, err := os.Lstat(path); !os.IsNotExist(err) {
		t.Errorf("a failed Create left %s behind (%v)", path, err)
	}
}

func chmodFile(mode os.FileMode) func(t *testing.T, dir, path string) {
	return func(t *testing.T, dir, path string) {
		writeFile(32)(t, dir, path)
		must(t, os.Chmod(path, mode))
	}
}

func writeFile(n int) func(t *testing.T, dir, path string) {
	return func(t *testing.T, dir, path string) {
		must(t, os.WriteFile(path, make([]byte, n), 0o600))
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
