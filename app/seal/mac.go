package seal

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
)

// MACSize is the length of a MAC: HMAC-SHA256.
const MACSize = sha256.Size

// bundleAuthInfo is the HKDF label of a board's bundle authentication key; its purpose and
// version are in it. Public parts in use carry keys derived under it, so it never changes.
const bundleAuthInfo = "quietroom board bundle auth v1:"

// BundleAuthKey derives the key that authenticates bundles sent to a board: HKDF-SHA256 of the
// board's private key, under a label naming this purpose and the engagement. The board's
// kiosk needs nothing stored beside its key, and the derived key opens nothing: it travels in
// the board's public part to the kiosks that contribute. Only a board key has one; any other
// key gives ErrWrongPurpose.
func (k *Key) BundleAuthKey() ([]byte, error) {
	if k.purpose != PurposeBoardKey {
		return nil, fmt.Errorf("bundle authentication key of a %s: %w", k.purpose, ErrWrongPurpose)
	}
	id, err := k.current()
	if err != nil {
		return nil, err
	}
	return hkdf.Key(sha256.New, []byte(id.String()), nil, bundleAuthInfo+k.scope, 32)
}

// MAC returns the HMAC-SHA256 of data under key (a BundleAuthKey).
func MAC(key, data []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(data)
	return m.Sum(nil)
}

// VerifyMAC reports, in constant time, whether mac is data's MAC under key.
func VerifyMAC(key, data, mac []byte) bool { return hmac.Equal(MAC(key, data), mac) }
