package vault

import (
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"runtime/debug"

	"golang.org/x/crypto/argon2"
)

// Params are the Argon2id cost parameters. They are stored with each slot and verifier, so they
// can be raised for new credentials without breaking old ones.
type Params struct {
	MemoryKiB uint32 // memory in KiB
	Time      uint32 // passes over the memory
	Threads   uint8  // lanes, run in parallel
}

// DefaultParams are the production parameters: 64 MiB, 3 passes, 4 lanes (RFC 9106's second
// recommended option), about half a second per unlock on a Raspberry Pi 4. See the package
// documentation for the measurement and the reasoning.
var DefaultParams = Params{MemoryKiB: 64 * 1024, Time: 3, Threads: 4}

// Bounds that stored parameters must respect. The upper bounds stop a tampered slot from making
// an unlock exhaust the memory of a 2 GiB Pi or take minutes.
const (
	maxMemoryKiB = 512 * 1024
	maxTime      = 64
	maxThreads   = 16
)

const paramsSize = 4 + 4 + 1

func (p Params) validate() error {
	switch {
	case p.Threads < 1 || p.Threads > maxThreads:
		return fmt.Errorf("argon2 threads %d outside 1..%d", p.Threads, maxThreads)
	case p.Time < 1 || p.Time > maxTime:
		return fmt.Errorf("argon2 time %d outside 1..%d", p.Time, maxTime)
	case p.MemoryKiB < 8*uint32(p.Threads) || p.MemoryKiB > maxMemoryKiB:
		return fmt.Errorf("argon2 memory %d KiB outside %d..%d", p.MemoryKiB, 8*uint32(p.Threads), maxMemoryKiB)
	}
	return nil
}

func (p Params) appendBinary(b []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, p.MemoryKiB)
	b = binary.BigEndian.AppendUint32(b, p.Time)
	return append(b, p.Threads)
}

func parseParams(b []byte) Params {
	return Params{
		MemoryKiB: binary.BigEndian.Uint32(b[0:4]),
		Time:      binary.BigEndian.Uint32(b[4:8]),
		Threads:   b[8],
	}
}

// Purposes of derived keys. Each is a distinct HKDF info label, so the admin verifier and an
// interviewer's key-encryption key can never be the same bytes, even for the same PIN and salt.
const (
	purposeInterviewerKEK = "quietroom/vault v1 interviewer key-encryption key"
	purposeAdminVerifier  = "quietroom/vault v1 admin verifier"
)

const (
	keySize  = 32
	saltSize = 16

	// releaseAboveKiB: derivations with at least this much Argon2 memory return it to the
	// system at once (the fast parameters of tests do not).
	releaseAboveKiB = 16 * 1024
)

// derive stretches the credential with Argon2id and binds the result to the device secret (HKDF
// salt) and to the purpose and subject (HKDF info). Without the device secret the output is
// unguessable however weak the credential; without the credential the device secret alone
// gives nothing.
func derive(credential, salt, deviceSecret []byte, p Params, purpose, subject string) ([]byte, error) {
	stretched := argon2.IDKey(credential, salt, p.Time, p.MemoryKiB, p.Threads, keySize)
	defer clear(stretched)
	if p.MemoryKiB >= releaseAboveKiB {
		// Give Argon2's scratch back to the system now, while the person waits for the PIN
		// anyway: left to the runtime, each unlock keeps the kiosk 64 MiB larger for minutes
		// and the scavenger returns it later, in the CPU time of an idle live screen.
		debug.FreeOSMemory()
	}
	info := string(appendField([]byte(purpose), []byte(subject)))
	k, err := hkdf.Key(sha256.New, stretched, deviceSecret, info, keySize)
	if err != nil {
		return nil, fmt.Errorf("derive key: %w", err)
	}
	return k, nil
}

// appendField appends a length-prefixed field, so adjacent fields can't be shifted into each
// other ("ab"+"c" and "a"+"bc" encode differently).
func appendField(b, field []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(field)))
	return append(b, field...)
}
