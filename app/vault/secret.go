package vault

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DeviceSecretSize is the size in bytes of a device secret (the key file, and what the OTP
// source returns).
const DeviceSecretSize = 32

// SecretSource provides the device secret: the key that binds every credential to this device,
// so that a copy of the data directory alone opens nothing. The hardware layer provides the
// Raspberry Pi OTP device private key; KeyFile is the fallback.
type SecretSource interface {
	// DeviceSecret returns a fresh copy of the secret (the caller zeroes it after use). It
	// returns an error matching ErrNoDeviceSecret when the secret is not available, and never
	// returns a secret of the wrong size.
	DeviceSecret() ([]byte, error)
	// Name says where the secret comes from, for logs and the admin's storage health screen
	// ("OTP device key", "key file /var/lib/quietroom-key/device.key"). It never holds secret
	// material.
	Name() string
}

// KeyFileOptions are the settings of a KeyFile.
type KeyFileOptions struct {
	// DataDir is the data directory (database, WAL). Required: the key file is refused inside
	// it, since a copy of the data must not carry its own key.
	DataDir string
	// Development allows the key file inside DataDir and marks it as a development secret in
	// Name. For `make run` only; never on a real device.
	Development bool
	// Rand is the source of the secret's bytes. Default: crypto/rand.
	Rand io.Reader
}

// KeyFile is the fallback device secret: 32 random bytes in a file of mode 0600, in a folder of
// mode 0700, outside the data directory. It is weaker than the OTP key because it sits on the
// same card as the data (see the package documentation).
type KeyFile struct {
	path string
	dev  bool
	rand io.Reader
}

var _ SecretSource = (*KeyFile)(nil)

// NewKeyFile returns the key file at path. It checks the location only; Create makes the file
// and DeviceSecret reads it.
func NewKeyFile(path string, o KeyFileOptions) (*KeyFile, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: no key file path given", ErrUnsafeKeyFile)
	}
	if o.DataDir == "" {
		return nil, fmt.Errorf("%w: the data directory must be given so the key file can be kept apart from it", ErrUnsafeKeyFile)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	if !o.Development {
		inside, err := within(o.DataDir, abs)
		if err != nil {
			return nil, fmt.Errorf("key file %s: %w", path, err)
		}
		if inside {
			return nil, fmt.Errorf("%w: %s is inside the data directory %s; a copy of the data would carry its own key. Keep the key file in a separate folder (for example /var/lib/quietroom-key/device.key)",
				ErrUnsafeKeyFile, abs, o.DataDir)
		}
	}
	r := o.Rand
	if r == nil {
		r = rand.Reader
	}
	return &KeyFile{path: abs, dev: o.Development, rand: r}, nil
}

// Path returns the absolute path of the key file.
func (k *KeyFile) Path() string { return k.path }

// Name says where the secret comes from, and whether it is a development secret.
func (k *KeyFile) Name() string {
	if k.dev {
		return "development key file " + k.path + " (not for real interviews)"
	}
	return "key file " + k.path
}

// Create makes the key file with 32 fresh random bytes, creating its folder with mode 0700, for
// the first boot of a device. A key file that is already there is never overwritten: it is
// checked as DeviceSecret checks it, and kept.
func (k *KeyFile) Create() error {
	dir := filepath.Dir(k.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create key folder %s: %w", dir, err)
	}
	if err := checkFolder(dir); err != nil {
		return err
	}
	if _, err := os.Lstat(k.path); err == nil {
		return k.check()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("key file %s: %w", k.path, err)
	}

	secret := make([]byte, DeviceSecretSize)
	defer clear(secret)
	if _, err := io.ReadFull(k.rand, secret); err != nil {
		return fmt.Errorf("create key file %s: read randomness: %w", k.path, err)
	}
	// Write a temporary file and link it into place: the link fails if a key file appeared in
	// the meantime, so an existing secret is never replaced, and a crash never leaves a short
	// key file at the final path.
	tmp, err := os.CreateTemp(dir, ".device-secret-*")
	if err != nil {
		return fmt.Errorf("create key file %s: %w", k.path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("create key file %s: %w", k.path, err)
	}
	if _, err := tmp.Write(secret); err != nil {
		tmp.Close()
		return fmt.Errorf("create key file %s: %w", k.path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("create key file %s: %w", k.path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("create key file %s: %w", k.path, err)
	}
	if err := os.Link(tmp.Name(), k.path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return k.check()
		}
		return fmt.Errorf("create key file %s: %w", k.path, err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // best effort: make the new name durable
		d.Close()
	}
	return k.check()
}

func (k *KeyFile) check() error {
	s, err := k.DeviceSecret()
	clear(s)
	return err
}

// DeviceSecret reads the key file, refusing it when its folder or the file is readable by
// others, when it is not a regular file, or when its size is wrong.
func (k *KeyFile) DeviceSecret() ([]byte, error) {
	if err := checkFolder(filepath.Dir(k.path)); err != nil {
		return nil, err
	}
	fi, err := os.Lstat(k.path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w: key file %s is missing. On a new device, run the setup; otherwise restore the key file from its backup — without it no note on this device can be opened",
				ErrNoDeviceSecret, k.path)
		}
		return nil, fmt.Errorf("%w: key file %s: %v", ErrNoDeviceSecret, k.path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s is not a regular file (%s); replace it with the key file itself", ErrUnsafeKeyFile, k.path, fi.Mode().Type())
	}
	f, err := os.Open(k.path)
	if err != nil {
		return nil, fmt.Errorf("%w: key file %s: %v", ErrNoDeviceSecret, k.path, err)
	}
	defer f.Close()
	fi, err = f.Stat() // what was opened, not what the name pointed to a moment ago
	if err != nil {
		return nil, fmt.Errorf("%w: key file %s: %v", ErrNoDeviceSecret, k.path, err)
	}
	if perm := fi.Mode().Perm(); perm&0o177 != 0 {
		return nil, fmt.Errorf("%w: key file %s has mode %04o, looser than 0600; run `chmod 600 %s` and check who could have copied it",
			ErrUnsafeKeyFile, k.path, perm, k.path)
	}
	if fi.Size() != DeviceSecretSize {
		return nil, fmt.Errorf("%w: key file %s is %d bytes, not %d; it is damaged or not a key file. Restore it from its backup (a new key file would not open existing notes)",
			ErrUnsafeKeyFile, k.path, fi.Size(), DeviceSecretSize)
	}
	secret := make([]byte, DeviceSecretSize)
	if _, err := io.ReadFull(f, secret); err != nil {
		clear(secret)
		return nil, fmt.Errorf("%w: key file %s: %v", ErrNoDeviceSecret, k.path, err)
	}
	return secret, nil
}

// checkFolder refuses a key folder that others can read, write or enter.
func checkFolder(dir string) error {
	fi, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%w: key folder %s is missing. On a new device, run the setup; otherwise restore the key file from its backup",
				ErrNoDeviceSecret, dir)
		}
		return fmt.Errorf("%w: key folder %s: %v", ErrNoDeviceSecret, dir, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("%w: %s is not a folder", ErrUnsafeKeyFile, dir)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Errorf("%w: key folder %s has mode %04o, open to other users; run `chmod 700 %s`",
			ErrUnsafeKeyFile, dir, perm, dir)
	}
	return nil
}

// within reports whether path is dir or lies below it, after resolving symbolic links in the
// parts of both that exist.
func within(dir, path string) (bool, error) {
	d, err := resolve(dir)
	if err != nil {
		return false, err
	}
	p, err := resolve(path)
	if err != nil {
		return false, err
	}
	rel, err := filepath.Rel(d, p)
	if err != nil {
		return false, nil // different volumes
	}
	return rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))), nil
}

// resolve returns the absolute form of p with symbolic links resolved in its longest existing
// prefix; the part that does not exist yet is kept as written.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		real, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}
