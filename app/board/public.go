package board

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"filippo.io/age"
)

// publicMagic opens a public part file.
const publicMagic = "quietroom board public v1\n"

// maxPublic bounds a public part file.
const maxPublic = 4096

// Public is the part of a board that travels to the other rooms' kiosks: what they need to
// write to the board and nothing that reads it. It holds the board's engagement id (a random
// id, not the title), its public key, the bundle authentication key and the deletion date.
// It holds no content, no title, no names.
type Public struct {
	EngagementID string
	Recipient    string
	AuthKey      []byte
	DeletionDate time.Time
}

// BoardID is the board's short public name.
func (p Public) BoardID() string { return BoardID(p.Recipient) }

// Writer returns the write-only side of the board the public part is for.
func (p Public) Writer() (Writer, error) { return NewWriter(p.EngagementID, p.Recipient) }

// Public returns the board's public part with the given deletion date.
func (k *Key) Public(deletion time.Time) (Public, error) {
	w, err := k.Writer()
	if err != nil {
		return Public{}, err
	}
	auth, err := k.authKey()
	if err != nil {
		return Public{}, err
	}
	return Public{EngagementID: k.EngagementID(), Recipient: w.Recipient(), AuthKey: auth, DeletionDate: deletion.UTC()}, nil
}

type publicFile struct {
	Engagement string `json:"engagement"`
	Recipient  string `json:"recipient"`
	Auth       []byte `json:"auth"`
	Deletion   int64  `json:"deletion"`
}

// MarshalBinary encodes the public part for the stick.
func (p Public) MarshalBinary() ([]byte, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	b, err := json.Marshal(publicFile{Engagement: p.EngagementID, Recipient: p.Recipient, Auth: p.AuthKey, Deletion: p.DeletionDate.Unix()})
	if err != nil {
		return nil, err
	}
	return append([]byte(publicMagic), b...), nil
}

// ParsePublic decodes what MarshalBinary wrote; anything else is ErrMalformed.
func ParsePublic(b []byte) (Public, error) {
	if len(b) > maxPublic || !bytes.HasPrefix(b, []byte(publicMagic)) {
		return Public{}, fmt.Errorf("public part: %w", ErrMalformed)
	}
	dec := json.NewDecoder(bytes.NewReader(b[len(publicMagic):]))
	dec.DisallowUnknownFields()
	var f publicFile
	if err := dec.Decode(&f); err != nil {
		return Public{}, fmt.Errorf("public part: %w", ErrMalformed)
	}
	p := Public{EngagementID: f.Engagement, Recipient: f.Recipient, AuthKey: f.Auth, DeletionDate: time.Unix(f.Deletion, 0).UTC()}
	if err := p.check(); err != nil {
		return Public{}, err
	}
	return p, nil
}

func (p Public) check() error {
	if _, err := age.ParseX25519Recipient(p.Recipient); err != nil || p.EngagementID == "" || len(p.EngagementID) > 100 || len(p.AuthKey) != 32 || p.DeletionDate.IsZero() || p.DeletionDate.Unix() <= 0 {
		return fmt.Errorf("public part: %w", ErrMalformed)
	}
	return nil
}
