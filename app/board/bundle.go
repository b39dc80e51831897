package board

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"time"

	"quietroom/app/seal"
)

// bundleMagic opens a bundle file; the board id (16 hex characters) follows it, then the age
// ciphertext's length, the ciphertext (sealed for seal.PurposeBoardBundle, with the engagement
// and the board id), and the HMAC-SHA256 of everything before it (seal.MAC).
const bundleMagic = "QRBB1"

const (
	// MaxBundle bounds a bundle file.
	MaxBundle = 32 << 20
	// MaxBundleRecords bounds the records in one bundle.
	MaxBundleRecords = 20000
	macSize          = seal.MACSize
)

// Record is one sealed record as it travels and as it is stored: its id, whether it is an item
// or an interview, and the ciphertext sealed to the board. The ciphertext opens only with the
// board key.
type Record struct {
	ID        string `json:"id"`
	Interview bool   `json:"iv,omitempty"`
	Sealed    []byte `json:"s"`
}

// Bundle is what a contributing kiosk sends the board: its records, shuffled, with where it
// comes from and when everything dies.
type Bundle struct {
	EngagementID string
	BundleID     string
	SourceKiosk  string
	DeletionDate time.Time
	Records      []Record
}

type bundleBody struct {
	V          int      `json:"v"`
	Engagement string   `json:"e"`
	Board      string   `json:"b"`
	Bundle     string   `json:"id"`
	Kiosk      string   `json:"k"`
	Deletion   int64    `json:"d"`
	Records    []Record `json:"r"`
}

// SealBundle makes a bundle of records for the board of p, from the kiosk named source. The
// records are shuffled first, so their order says nothing of when they were written, and the
// whole is sealed to the board's key (only the board opens it) and authenticated with the
// public part's key.
func SealBundle(p Public, source string, records []Record) ([]byte, string, error) {
	if err := p.check(); err != nil {
		return nil, "", err
	}
	if len(records) > MaxBundleRecords || len(source) > 100 {
		return nil, "", fmt.Errorf("seal bundle: %w: too many records", ErrInvalid)
	}
	recs := append([]Record(nil), records...)
	if err := shuffle(recs); err != nil {
		return nil, "", err
	}
	id := NewID()
	body, err := json.Marshal(bundleBody{V: 1, Engagement: p.EngagementID, Board: p.BoardID(), Bundle: id, Kiosk: source,
		Deletion: p.DeletionDate.Unix(), Records: recs})
	if err != nil {
		return nil, "", err
	}
	ct, err := seal.SealRecord(p.Recipient, seal.PurposeBoardBundle, p.EngagementID, p.BoardID(), body)
	if err != nil {
		return nil, "", fmt.Errorf("seal bundle: %w", boardError(err))
	}
	out := append([]byte(bundleMagic), p.BoardID()...)
	out = binary.BigEndian.AppendUint32(out, uint32(len(ct)))
	out = append(out, ct...)
	return append(out, seal.MAC(p.AuthKey, out)...), id, nil
}

// BundleBoardID reads the board id a bundle names, without checking anything else: for
// telling a person that a bundle is for another board.
func BundleBoardID(b []byte) (string, error) {
	if len(b) < len(bundleMagic)+16 || !bytes.HasPrefix(b, []byte(bundleMagic)) {
		return "", fmt.Errorf("bundle: %w", ErrMalformed)
	}
	return string(b[len(bundleMagic) : len(bundleMagic)+16]), nil
}

// OpenBundle checks and opens a bundle for this board. A bundle for another board gives
// ErrOtherBoard; one changed on the way, or made without the board's public part, gives
// ErrTampered; anything not a bundle gives ErrMalformed. Every record is opened to check it is
// sealed to this board under its id; one that is not fails the whole bundle (ErrCannotOpen),
// so nothing is half-imported.
func (k *Key) OpenBundle(b []byte) (Bundle, error) {
	boardID, err := k.ID()
	if err != nil {
		return Bundle{}, err
	}
	if len(b) > MaxBundle {
		return Bundle{}, fmt.Errorf("bundle: %w: too large", ErrMalformed)
	}
	named, err := BundleBoardID(b)
	if err != nil {
		return Bundle{}, err
	}
	if named != boardID {
		return Bundle{}, fmt.Errorf("bundle: %w", ErrOtherBoard)
	}
	head := len(bundleMagic) + 16 + 4
	if len(b) < head+macSize {
		return Bundle{}, fmt.Errorf("bundle: %w", ErrMalformed)
	}
	auth, err := k.authKey()
	if err != nil {
		return Bundle{}, err
	}
	if !seal.VerifyMAC(auth, b[:len(b)-macSize], b[len(b)-macSize:]) {
		return Bundle{}, fmt.Errorf("bundle: %w", ErrTampered)
	}
	n := binary.BigEndian.Uint32(b[head-4 : head])
	if uint64(n) != uint64(len(b)-head-macSize) {
		return Bundle{}, fmt.Errorf("bundle: %w", ErrMalformed)
	}
	// A bundle written before bodies were labelled (version 1) opens too: kiosks in other
	// rooms may not have been updated yet.
	body, err := k.k.Open(seal.PurposeBoardBundle, boardID, b[head:len(b)-macSize])
	if errors.Is(err, seal.ErrDestroyed) {
		return Bundle{}, ErrLocked
	}
	if err != nil {
		return Bundle{}, fmt.Errorf("bundle: %w", ErrTampered)
	}
	var f bundleBody
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil || f.V != 1 {
		return Bundle{}, fmt.Errorf("bundle: %w", ErrMalformed)
	}
	if f.Engagement != k.EngagementID() || f.Board != boardID {
		return Bundle{}, fmt.Errorf("bundle: %w", ErrOtherBoard)
	}
	if !validID(f.Bundle) || len(f.Records) > MaxBundleRecords || len(f.Kiosk) > 100 {
		return Bundle{}, fmt.Errorf("bundle: %w", ErrMalformed)
	}
	seen := map[string]bool{}
	for _, r := range f.Records {
		if !validID(r.ID) || seen[r.ID] {
			return Bundle{}, fmt.Errorf("bundle: %w: record id", ErrMalformed)
		}
		seen[r.ID] = true
		if r.Interview {
			_, err = k.OpenInterview(r.ID, r.Sealed)
		} else {
			_, err = k.OpenItem(r.ID, r.Sealed)
		}
		if err != nil {
			return Bundle{}, fmt.Errorf("bundle: record: %w", ErrCannotOpen)
		}
	}
	return Bundle{EngagementID: f.Engagement, BundleID: f.Bundle, SourceKiosk: f.Kiosk,
		DeletionDate: time.Unix(f.Deletion, 0).UTC(), Records: f.Records}, nil
}

// shuffle puts records in a uniformly random order (Fisher-Yates with crypto/rand).
func shuffle(r []Record) error {
	for i := len(r) - 1; i > 0; i-- {
		j, err := rand.Int(rand.Reader, big.NewInt(int64(i+1)))
		if err != nil {
			return err
		}
		r[i], r[j.Int64()] = r[j.Int64()], r[i]
	}
	return nil
}

// Shuffle returns items in a uniformly random order: the order a board shows items in before
// the team sorts them, which says nothing of the order they arrived in.
func Shuffle[T any](s []T) []T {
	out := append([]T(nil), s...)
	for i := len(out) - 1; i > 0; i-- {
		j, err := rand.Int(rand.Reader, big.NewInt(int64(i+1)))
		if err != nil {
			panic(err)
		}
		out[i], out[j.Int64()] = out[j.Int64()], out[i]
	}
	return out
}
