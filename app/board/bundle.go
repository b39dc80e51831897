package board

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"quietroom/app/seal"
	"quietroom/app/yamlfile"
)

// bundleMagic opens a bundle file; the board id (16 hex characters) follows it, then the age
// ciphertext's length, the ciphertext (sealed for seal.PurposeBoardBundle, with the engagement
// and the board id), and the HMAC-SHA256 of everything before it (seal.MAC). The sealed
// plaintext is the room's signature (seal.SignRoomBundle, 64 bytes) followed by the body it
// signs: canonical JSON naming the engagement, the board, the bundle, the room, the room's
// verifying key, the deletion date and the records.
const (
	bundleMagic   = "QRBB2"
	bundleMagicV1 = "QRBB1"
	bundleVersion = 2
)

const (
	// MaxBundle bounds a bundle file.
	MaxBundle = 32 << 20
	// MaxBundleItems bounds the items in one bundle: a room's evening of contributions is a
	// few hundred post-its at most.
	MaxBundleItems = 2000
	// MaxBundleInterviews bounds the interview records in one bundle: a peer challenge's room
	// sees a few dozen interviews.
	MaxBundleInterviews = 200
	// MaxRoomName is the longest room name a bundle may carry, in characters.
	MaxRoomName = 100
	macSize     = seal.MACSize
)

// Text rules of a bundle's contents (app/yamlfile's): no control or text-direction
// character; line breaks and tabs only in an item's text.
var (
	ruleRoom      = yamlfile.Text{Max: MaxRoomName}
	ruleItem      = yamlfile.Text{Max: MaxItemText, Lines: true}
	ruleInterview = yamlfile.Text{Max: MaxInterviewText}
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
// comes from, the room's verifying key, and when everything dies. Items and Interviews are
// the records opened (in memory only), for showing what the bundle brings before it is taken.
type Bundle struct {
	EngagementID string
	BundleID     string
	SourceKiosk  string
	// RoomKey is the verifying key the bundle was signed with (the room's own).
	RoomKey      []byte
	DeletionDate time.Time
	Records      []Record
	Items        []Item
	Interviews   []Interview
}

// RoomCode is the short code of the room that signed the bundle, as that room's kiosk shows
// it.
func (b Bundle) RoomCode() string { return RoomCode(b.RoomKey) }

// RoomCode is a room's short code from its verifying key (seal.ShortCode).
func RoomCode(roomKey []byte) string { return seal.ShortCode(seal.SignRoomBundle, roomKey) }

type bundleBody struct {
	V          int      `json:"v"`
	Engagement string   `json:"e"`
	Board      string   `json:"b"`
	Bundle     string   `json:"id"`
	Kiosk      string   `json:"k"`
	Room       []byte   `json:"room"`
	Deletion   int64    `json:"d"`
	Records    []Record `json:"r"`
}

// SealBundle makes a bundle of records for the board of p, from the room named source, signed
// with the room's signing key. The records are shuffled first, so their order says nothing of
// when they were written, and the whole is sealed to the board's key (only the board opens
// it) and authenticated with the public part's key.
func SealBundle(p Public, source string, room *seal.SigningKey, records []Record) ([]byte, string, error) {
	if err := p.shape(); err != nil {
		return nil, "", err
	}
	if room == nil || room.Purpose() != seal.SignRoomBundle {
		return nil, "", fmt.Errorf("seal bundle: %w: no room signing key", ErrInvalid)
	}
	if err := checkCounts(records); err != nil {
		return nil, "", err
	}
	if pr := yamlfile.TextProblem(source, ruleRoom); strings.TrimSpace(source) == "" || pr != "" {
		return nil, "", fmt.Errorf("seal bundle: %w: the room's name %s", ErrInvalid, orEmpty(pr))
	}
	recs := append([]Record(nil), records...)
	if err := shuffle(recs); err != nil {
		return nil, "", err
	}
	id := NewID()
	out, err := assembleBundle(p, room, bundleBody{V: bundleVersion, Engagement: p.EngagementID, Board: p.BoardID(), Bundle: id,
		Kiosk: source, Room: room.Public(), Deletion: p.DeletionDate.Unix(), Records: recs})
	return out, id, err
}

// assembleBundle signs, seals and authenticates a body, checking nothing in it.
func assembleBundle(p Public, room *seal.SigningKey, f bundleBody) ([]byte, error) {
	body, err := json.Marshal(f)
	if err != nil {
		return nil, err
	}
	plain := append(room.Sign(body), body...)
	ct, err := seal.SealRecord(p.Recipient, seal.PurposeBoardBundle, p.EngagementID, p.BoardID(), plain)
	if err != nil {
		return nil, fmt.Errorf("seal bundle: %w", boardError(err))
	}
	out := append([]byte(bundleMagic), p.BoardID()...)
	out = binary.BigEndian.AppendUint32(out, uint32(len(ct)))
	out = append(out, ct...)
	return append(out, seal.MAC(p.AuthKey, out)...), nil
}

func orEmpty(problem string) string {
	if problem == "" {
		return "is empty"
	}
	return problem
}

// checkCounts refuses more items or interview records than a bundle may hold.
func checkCounts(recs []Record) error {
	var items, ivs int
	for _, r := range recs {
		if r.Interview {
			ivs++
		} else {
			items++
		}
	}
	switch {
	case items > MaxBundleItems:
		return &ContentError{Where: "the bundle", Problem: fmt.Sprintf("holds %d items, more than the %d a bundle may hold", items, MaxBundleItems)}
	case ivs > MaxBundleInterviews:
		return &ContentError{Where: "the bundle", Problem: fmt.Sprintf("holds %d interview records, more than the %d a bundle may hold", ivs, MaxBundleInterviews)}
	}
	return nil
}

// BundleBoardID reads the board id a bundle names, without checking anything else: for
// telling a person that a bundle is for another board.
func BundleBoardID(b []byte) (string, error) {
	if len(b) >= len(bundleMagicV1) && bytes.HasPrefix(b, []byte(bundleMagicV1)) {
		return "", fmt.Errorf("bundle: %w", ErrOldFormat)
	}
	if len(b) < len(bundleMagic)+16 || !bytes.HasPrefix(b, []byte(bundleMagic)) {
		return "", fmt.Errorf("bundle: %w", ErrMalformed)
	}
	return string(b[len(bundleMagic) : len(bundleMagic)+16]), nil
}

// OpenBundle checks and opens a bundle for this board. A bundle for another board gives
// ErrOtherBoard; one changed on the way, made without the board's public part, or whose room
// signature does not verify, gives ErrTampered; one from before bundles were signed,
// ErrOldFormat; anything not a bundle, ErrMalformed. Every text and count inside is held to
// the rules (a *ContentError matching ErrContent says what and where), and every record is
// opened to check it is sealed to this board under its id (ErrCannotOpen): one that fails
// fails the whole bundle, so nothing is half-imported. It does not say whether the room's
// key is the one the board knows that room by: the caller does (the kiosk pins it).
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
	plain, err := k.k.Open(seal.PurposeBoardBundle, boardID, b[head:len(b)-macSize])
	if errors.Is(err, seal.ErrDestroyed) {
		return Bundle{}, ErrLocked
	}
	if err != nil {
		return Bundle{}, fmt.Errorf("bundle: %w", ErrTampered)
	}
	return k.openBody(boardID, plain)
}

// openBody checks and opens a bundle's sealed plaintext: the room's signature and the body.
func (k *Key) openBody(boardID string, plain []byte) (Bundle, error) {
	f, err := parseBody(plain)
	if err != nil {
		return Bundle{}, err
	}
	if f.Engagement != k.EngagementID() || f.Board != boardID {
		return Bundle{}, fmt.Errorf("bundle: %w", ErrOtherBoard)
	}
	out := Bundle{EngagementID: f.Engagement, BundleID: f.Bundle, SourceKiosk: f.Kiosk, RoomKey: f.Room,
		DeletionDate: time.Unix(f.Deletion, 0).UTC(), Records: f.Records}
	items, ivs := 0, 0
	for _, r := range f.Records {
		if r.Interview {
			ivs++
			iv, err := k.OpenInterview(r.ID, r.Sealed)
			if err != nil {
				return Bundle{}, fmt.Errorf("bundle: interview record %d: %w", ivs, ErrCannotOpen)
			}
			if err := checkInterview(iv, fmt.Sprintf("interview record %d of %d", ivs, countOf(f.Records, true))); err != nil {
				return Bundle{}, err
			}
			out.Interviews = append(out.Interviews, iv)
			continue
		}
		items++
		it, err := k.OpenItem(r.ID, r.Sealed)
		if err != nil {
			return Bundle{}, fmt.Errorf("bundle: item %d: %w", items, ErrCannotOpen)
		}
		if pr := yamlfile.TextProblem(it.Text, ruleItem); pr != "" {
			return Bundle{}, &ContentError{Where: fmt.Sprintf("item %d of %d", items, countOf(f.Records, false)), Problem: "its text " + pr}
		}
		out.Items = append(out.Items, it)
	}
	return out, nil
}

// parseBody checks the room's signature and the body's encoding, ids and counts, opening no
// record: what lies behind the MAC, fuzzed on its own.
func parseBody(plain []byte) (bundleBody, error) {
	if len(plain) < seal.SignatureSize {
		return bundleBody{}, fmt.Errorf("bundle: %w", ErrMalformed)
	}
	sig, raw := plain[:seal.SignatureSize], plain[seal.SignatureSize:]
	var f bundleBody
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return bundleBody{}, fmt.Errorf("bundle: %w", ErrMalformed)
	}
	if f.V != bundleVersion {
		return bundleBody{}, fmt.Errorf("bundle: %w: version %d", ErrMalformed, f.V)
	}
	if again, err := json.Marshal(f); err != nil || !bytes.Equal(again, raw) {
		return bundleBody{}, fmt.Errorf("bundle: %w: not in its one encoding", ErrMalformed)
	}
	if !seal.Verify(seal.SignRoomBundle, f.Room, raw, sig) {
		return bundleBody{}, fmt.Errorf("bundle: %w: the room's signature", ErrTampered)
	}
	if !validID(f.Bundle) {
		return bundleBody{}, fmt.Errorf("bundle: %w: bundle id", ErrMalformed)
	}
	if pr := yamlfile.TextProblem(f.Kiosk, ruleRoom); strings.TrimSpace(f.Kiosk) == "" || pr != "" {
		return bundleBody{}, &ContentError{Where: "the room's name", Problem: orEmpty(pr)}
	}
	if err := checkCounts(f.Records); err != nil {
		return bundleBody{}, err
	}
	seen := map[string]bool{}
	for i, r := range f.Records {
		if !validID(r.ID) || seen[r.ID] {
			return bundleBody{}, fmt.Errorf("bundle: %w: record %d: id", ErrMalformed, i+1)
		}
		seen[r.ID] = true
	}
	return f, nil
}

func countOf(recs []Record, interview bool) int {
	n := 0
	for _, r := range recs {
		if r.Interview == interview {
			n++
		}
	}
	return n
}

// checkInterview holds an interview record's texts to the rules.
func checkInterview(iv Interview, where string) error {
	if pr := yamlfile.TextProblem(iv.Group, ruleInterview); pr != "" {
		return &ContentError{Where: where, Problem: "its stakeholder group " + pr}
	}
	if pr := yamlfile.TextProblem(iv.QuestionSet, ruleInterview); pr != "" {
		return &ContentError{Where: where, Problem: "its question set " + pr}
	}
	if iv.People < 1 || iv.People > MaxInterviewPeople {
		return &ContentError{Where: where, Problem: fmt.Sprintf("counts %d people, not between 1 and %d", iv.People, MaxInterviewPeople)}
	}
	return nil
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
