package seal

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// recordIDInfo starts the HKDF label of a group's record id key; the record purpose's label
// and the engagement follow it. Records in use are stored under ids made with it, so it never
// changes: a new scheme takes a new label.
const recordIDInfo = "quietroom record id v1:"

// RecordIDSize is the length in bytes of a stored record id (before hex): 128 bits of
// HMAC-SHA256.
const RecordIDSize = 16

// RecordIDs returns the function that gives the id a record of purpose p is stored under, in
// place of the logical id the feature knows it by ("mark|<member>|<candidate>|<question>"):
// the HMAC-SHA256 of the logical id, under a key derived with HKDF-SHA256 from the group's
// private key and a label naming the purpose and the engagement; the first RecordIDSize bytes,
// in hex.
//
// The same logical id always gives the same stored id, so a record is replaced in place and a
// second record of one logical id collides with the first. Without the group's private key an
// id says nothing of its logical id (who, about whom, which question), and ids of one group do
// not match another's. Only a member computes them: writing a record under its id needs the
// key, not only the public key. The record purpose must belong to the key's purpose
// (ErrWrongPurpose otherwise).
func (k *Key) RecordIDs(p Purpose) (func(logical string) string, error) {
	i, err := p.want(record)
	if err != nil || i.owner != k.purpose {
		return nil, fmt.Errorf("record ids of a %s with a %s: %w", p, k.purpose, ErrWrongPurpose)
	}
	id, err := k.current()
	if err != nil {
		return nil, err
	}
	priv := []byte(id.String())
	defer clear(priv)
	key, err := hkdf.Key(sha256.New, priv, nil, recordIDInfo+i.label+"\x00"+k.scope, sha256.Size)
	if err != nil {
		return nil, err
	}
	return func(logical string) string {
		m := hmac.New(sha256.New, key)
		m.Write([]byte(logical))
		return hex.EncodeToString(m.Sum(nil)[:RecordIDSize])
	}, nil
}
