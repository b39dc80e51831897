package board

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	"filippo.io/age"

	"quietroom/app/seal"
	"quietroom/app/yamlfile"
)

// The public part's file is three lines: the magic, the canonical JSON of what it says, and
// the board's signature of the first two lines (base64), each ended by a line feed and
// nothing after. Canonical means the bytes are exactly what encoding/json writes for what they
// decode to: a repeated or unknown key, a space, another order or another spelling of the
// same value is refused, as are trailing bytes.
const (
	publicMagic   = "quietroom board public v2\n"
	publicMagicV1 = "quietroom board public v1\n"
)

// maxPublic bounds a public part file.
const maxPublic = 4096

// Deletion dates a public part may carry: not before earliestDeletion, nor more than
// MaxDeletionAhead after the kiosk's clock. A peer challenge's records die four months and a day
// after its visit; five years is far beyond any engagement and still refuses 9999.
var earliestDeletion = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// MaxDeletionAhead is how far after now a public part's deletion date may lie.
const MaxDeletionAhead = 5 * 365 * 24 * time.Hour

// ruleID is the text rule of the engagement id a public part carries (app/yamlfile's: no
// control or text-direction character, and a length).
var ruleID = yamlfile.Text{Max: 100}

// Public is the part of a board that travels to the other rooms' kiosks: what they need to
// write to the board and nothing that reads it. It holds the board's engagement id (a random
// id, not its title), the board's public key, the bundle authentication key, the deletion
// date and the board's verifying key, signed with the board's signing key. It holds no
// content, no title, no names: the short code, not a title, tells the member it is the board
// they mean.
type Public struct {
	EngagementID string
	Recipient    string
	AuthKey      []byte
	DeletionDate time.Time
	// Signer is the board's verifying key (Ed25519).
	Signer []byte
	// signature is set by Key.Public and ParsePublic.
	signature []byte
}

// BoardID is the board's short public name.
func (p Public) BoardID() string { return BoardID(p.Recipient) }

// Code is the short code the member compares with the one the board's kiosk shows before
// linking (seal.ShortCode of the verifying key and the age public key).
func (p Public) Code() string { return Code(p.Signer, p.Recipient) }

// Code is a board's short code from its verifying key and its age public key.
func Code(signer []byte, recipient string) string {
	return seal.ShortCode(seal.SignBoardPublic, signer, []byte(recipient))
}

// Writer returns the write-only side of the board the public part is for.
func (p Public) Writer() (Writer, error) { return NewWriter(p.EngagementID, p.Recipient) }

// Public returns the board's public part with the given deletion date, signed with the
// board's signing key.
func (k *Key) Public(deletion time.Time) (Public, error) {
	w, err := k.Writer()
	if err != nil {
		return Public{}, err
	}
	auth, err := k.authKey()
	if err != nil {
		return Public{}, err
	}
	sk, err := k.signingKey()
	if err != nil {
		return Public{}, err
	}
	defer sk.Destroy()
	p := Public{EngagementID: k.EngagementID(), Recipient: w.Recipient(), AuthKey: auth,
		DeletionDate: deletion.UTC().Truncate(time.Second), Signer: sk.Public()}
	body, err := p.body()
	if err != nil {
		return Public{}, err
	}
	p.signature = sk.Sign(body)
	return p, nil
}

// Code returns the board's short code, as the board's kiosk shows it for the other rooms to
// compare.
func (k *Key) Code() (string, error) {
	w, err := k.Writer()
	if err != nil {
		return "", err
	}
	sk, err := k.signingKey()
	if err != nil {
		return "", err
	}
	defer sk.Destroy()
	return Code(sk.Public(), w.Recipient()), nil
}

func (k *Key) signingKey() (*seal.SigningKey, error) {
	sk, err := k.k.SigningKey()
	if err != nil {
		return nil, boardError(err)
	}
	return sk, nil
}

type publicFile struct {
	Engagement string `json:"engagement"`
	Recipient  string `json:"recipient"`
	Auth       []byte `json:"auth"`
	Signer     []byte `json:"signer"`
	Deletion   int64  `json:"deletion"`
}

// body is the signed part: the magic and the canonical JSON line.
func (p Public) body() ([]byte, error) {
	b, err := json.Marshal(publicFile{Engagement: p.EngagementID, Recipient: p.Recipient, Auth: p.AuthKey,
		Signer: p.Signer, Deletion: p.DeletionDate.Unix()})
	if err != nil {
		return nil, err
	}
	out := append([]byte(publicMagic), b...)
	return append(out, '\n'), nil
}

// MarshalBinary encodes the signed public part for the stick.
func (p Public) MarshalBinary() ([]byte, error) {
	if err := p.shape(); err != nil {
		return nil, err
	}
	if len(p.signature) != seal.SignatureSize {
		return nil, fmt.Errorf("public part: %w: not signed", ErrInvalid)
	}
	b, err := p.body()
	if err != nil {
		return nil, err
	}
	b = append(b, base64.StdEncoding.EncodeToString(p.signature)...)
	return append(b, '\n'), nil
}

// ParsePublic decodes and checks what MarshalBinary wrote: the board's signature (ErrTampered
// when it does not verify), the canonical encoding and every field (ErrMalformed), with now
// for the deletion date's window. A file written before public parts were signed is
// ErrOldFormat.
func ParsePublic(b []byte, now time.Time) (Public, error) {
	if bytes.HasPrefix(b, []byte(publicMagicV1)) {
		return Public{}, fmt.Errorf("public part: %w", ErrOldFormat)
	}
	if len(b) > maxPublic || len(b) <= len(publicMagic) || !bytes.HasPrefix(b, []byte(publicMagic)) || !bytes.HasSuffix(b, []byte("\n")) {
		return Public{}, fmt.Errorf("public part: %w", ErrMalformed)
	}
	lines := bytes.Split(b[len(publicMagic):len(b)-1], []byte("\n"))
	if len(lines) != 2 {
		return Public{}, fmt.Errorf("public part: %w: not three lines", ErrMalformed)
	}
	dec := json.NewDecoder(bytes.NewReader(lines[0]))
	dec.DisallowUnknownFields()
	var f publicFile
	if err := dec.Decode(&f); err != nil || dec.More() {
		return Public{}, fmt.Errorf("public part: %w", ErrMalformed)
	}
	sig, err := base64.StdEncoding.Strict().DecodeString(string(lines[1]))
	if err != nil || len(sig) != seal.SignatureSize {
		return Public{}, fmt.Errorf("public part: %w: signature", ErrMalformed)
	}
	p := Public{EngagementID: f.Engagement, Recipient: f.Recipient, AuthKey: f.Auth, Signer: f.Signer,
		DeletionDate: time.Unix(f.Deletion, 0).UTC(), signature: sig}
	canonical, err := p.MarshalBinary()
	if err != nil {
		return Public{}, err
	}
	if !bytes.Equal(canonical, b) {
		return Public{}, fmt.Errorf("public part: %w: not in its one encoding", ErrMalformed)
	}
	if !seal.Verify(seal.SignBoardPublic, p.Signer, b[:len(b)-len(lines[1])-1], sig) {
		return Public{}, fmt.Errorf("public part: %w", ErrTampered)
	}
	if err := p.dates(now); err != nil {
		return Public{}, err
	}
	return p, nil
}

// shape checks every field but the dates' window and the signature.
func (p Public) shape() error {
	bad := func(what string) error { return fmt.Errorf("public part: %w: %s", ErrMalformed, what) }
	r, err := age.ParseX25519Recipient(p.Recipient)
	switch {
	case err != nil || r.String() != p.Recipient:
		return bad("public key")
	case p.EngagementID == "" || yamlfile.TextProblem(p.EngagementID, ruleID) != "":
		return bad("engagement id")
	case len(p.AuthKey) != 32:
		return bad("authentication key")
	case len(p.Signer) != ed25519.PublicKeySize:
		return bad("verifying key")
	case p.DeletionDate.Before(earliestDeletion):
		return bad("deletion date")
	}
	return nil
}

func (p Public) dates(now time.Time) error {
	if p.DeletionDate.After(now.Add(MaxDeletionAhead)) {
		return fmt.Errorf("public part: %w: deletion date more than five years ahead", ErrMalformed)
	}
	return nil
}

// OldPublicBoardID reads the board id of a public part written before they were signed
// (version 1), for saying which link a new one replaces. It authenticates nothing.
func OldPublicBoardID(b []byte) (string, bool) {
	if !bytes.HasPrefix(b, []byte(publicMagicV1)) {
		return "", false
	}
	var f struct {
		Recipient string `json:"recipient"`
	}
	if json.Unmarshal(b[len(publicMagicV1):], &f) != nil || f.Recipient == "" {
		return "", false
	}
	return BoardID(f.Recipient), true
}
