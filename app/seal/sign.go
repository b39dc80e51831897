package seal

import (
	"crypto/ed25519"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
)

// SignPurpose says what a signature is for. Its label is signed ahead of the message, so a
// signature made for one purpose never verifies for another, even under the same key.
type SignPurpose uint8

const (
	signNone SignPurpose = iota
	// SignBoardPublic is a board's signature of its public part (the file that travels to the
	// other rooms), made with the board's signing key (Key.SigningKey).
	SignBoardPublic
	// SignRoomBundle is a room's signature of the bundle it sends a board, made with the
	// room's own signing key (RoomSigningKey).
	SignRoomBundle
	signEnd
)

// signLabels are signed ahead of every message and hashed ahead of every short code; never
// change one, add a purpose instead.
var signLabels = [signEnd]string{
	SignBoardPublic: "quietroom board public signature v2",
	SignRoomBundle:  "quietroom room bundle signature v2",
}

func (p SignPurpose) label() (string, bool) {
	if p <= signNone || p >= signEnd {
		return "", false
	}
	return signLabels[p], true
}

// String names the purpose for people and logs.
func (p SignPurpose) String() string {
	if l, ok := p.label(); ok {
		return strings.TrimPrefix(l, "quietroom ")
	}
	return fmt.Sprintf("sign purpose(%d)", uint8(p))
}

// Key derivation labels of the signing keys; the signing key of a board or a room is derived,
// never stored, so it is as well kept as what it is derived from.
const (
	boardSigningInfo = "quietroom board signing key v2:"
	roomSigningInfo  = "quietroom room signing key v2"
)

// SigningKey is an Ed25519 key pair made for one signing purpose.
type SigningKey struct {
	purpose SignPurpose
	priv    ed25519.PrivateKey
}

func signingKeyFrom(p SignPurpose, secret []byte, info string) (*SigningKey, error) {
	if _, ok := p.label(); !ok {
		return nil, fmt.Errorf("signing key: %w: %s", ErrWrongPurpose, p)
	}
	if len(secret) < 16 {
		return nil, fmt.Errorf("%s key: %w: secret too short", p, ErrMalformed)
	}
	seed, err := hkdf.Key(sha256.New, secret, nil, info, ed25519.SeedSize)
	if err != nil {
		return nil, err
	}
	defer clear(seed)
	return &SigningKey{purpose: p, priv: ed25519.NewKeyFromSeed(seed)}, nil
}

// SigningKey is the board's signing key: Ed25519, derived with HKDF-SHA256 from the board's
// private key under a label naming this purpose and the engagement. It is kept sealed with the
// board key (it is derived from it, and nothing else is stored), so only a team member who
// opened the board signs with it. Only a board key has one; any other gives ErrWrongPurpose.
func (k *Key) SigningKey() (*SigningKey, error) {
	if k.purpose != PurposeBoardKey {
		return nil, fmt.Errorf("signing key of a %s: %w", k.purpose, ErrWrongPurpose)
	}
	id, err := k.current()
	if err != nil {
		return nil, err
	}
	secret := []byte(id.String())
	defer clear(secret)
	return signingKeyFrom(SignBoardPublic, secret, boardSigningInfo+k.scope)
}

// RoomSigningKey is a room's (a kiosk's) own signing key for the bundles it sends to boards
// kept elsewhere: Ed25519, derived with HKDF-SHA256 from the kiosk's device secret. Nothing
// is stored, so a copy of the SD card alone does not give it; a kiosk whose device secret is
// replaced becomes another room.
func RoomSigningKey(deviceSecret []byte) (*SigningKey, error) {
	return signingKeyFrom(SignRoomBundle, deviceSecret, roomSigningInfo)
}

// Purpose returns what the key signs.
func (s *SigningKey) Purpose() SignPurpose { return s.purpose }

// Public returns the verifying key.
func (s *SigningKey) Public() ed25519.PublicKey {
	return append(ed25519.PublicKey(nil), s.priv.Public().(ed25519.PublicKey)...)
}

// Sign signs msg for the key's purpose.
func (s *SigningKey) Sign(msg []byte) []byte {
	return ed25519.Sign(s.priv, signed(s.purpose, msg))
}

// Destroy drops the private key (as Key.Destroy, without a promise that memory is wiped).
func (s *SigningKey) Destroy() { clear(s.priv) }

// SignatureSize is the length of a signature.
const SignatureSize = ed25519.SignatureSize

// VerifyingKeySize is the length of a verifying key.
const VerifyingKeySize = ed25519.PublicKeySize

// Verify reports whether sig is pub's signature of msg for purpose p.
func Verify(p SignPurpose, pub, msg, sig []byte) bool {
	if _, ok := p.label(); !ok || len(pub) != ed25519.PublicKeySize || len(sig) != ed25519.SignatureSize {
		return false
	}
	return ed25519.Verify(ed25519.PublicKey(pub), signed(p, msg), sig)
}

func signed(p SignPurpose, msg []byte) []byte {
	l, _ := p.label()
	out := make([]byte, 0, len(l)+1+len(msg))
	out = append(out, l...)
	out = append(out, 0)
	return append(out, msg...)
}

// CodeGroups and CodeGroupDigits shape a short code: four groups of five digits.
const (
	CodeGroups      = 4
	CodeGroupDigits = 5
)

// ShortCode is what people compare on two screens before they trust a key that came on a
// stick, as in Bluetooth pairing or Signal's safety numbers: 20 decimal digits in four groups
// of five ("01234 56789 01234 56789"), from SHA-256 of the purpose's label and the
// length-prefixed parts (the verifying key, and for a board its age public key).
//
// Why 20 digits: the code is not committed to before the keys are seen, so someone who saw
// the real code (the stick passes through their hands) can make key pairs offline until one
// has the same code: a second preimage of about 66 bits (10^20). Making an Ed25519 public key
// and hashing it costs at least a point addition and a SHA-256; at ten billion a second, far
// beyond a few GPUs, the expected search takes over 200 years, while the stick is away for
// hours. Sixteen digits would fall in days to weeks at that rate; six (Bluetooth's) in
// moments. Each group of five digits is 40 bits of the hash taken modulo 100000, so the bias is
// below one in ten million.
func ShortCode(p SignPurpose, parts ...[]byte) string {
	l, ok := p.label()
	if !ok {
		return ""
	}
	h := sha256.New()
	h.Write([]byte("quietroom short code v1:" + l))
	for _, part := range parts {
		h.Write(binary.BigEndian.AppendUint32(nil, uint32(len(part))))
		h.Write(part)
	}
	sum := h.Sum(nil)
	groups := make([]string, CodeGroups)
	for i := range groups {
		b := sum[i*5 : i*5+5]
		v := uint64(b[0])<<32 | uint64(b[1])<<24 | uint64(b[2])<<16 | uint64(b[3])<<8 | uint64(b[4])
		groups[i] = fmt.Sprintf("%0*d", CodeGroupDigits, v%100000)
	}
	return strings.Join(groups, " ")
}
