package board

import (
	"bytes"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"filippo.io/age"
)

const (
	recordVersion   = 1
	keyVersion      = 1
	maxSealedRecord = 64 << 10
	maxSealedKey    = 4096
	// record kinds, bound into every sealed record.
	kindItem      = "item"
	kindWork      = "work"
	kindInterview = "interview"
)

// Key is an engagement's opened board key: the board's age X25519 identity. Only a team
// member opens it (OpenKey, with their own unlocked identity); it reads every record on the
// board and is forgotten with Lock.
type Key struct {
	mu           sync.Mutex
	engagementID string
	id           *age.X25519Identity
}

// NewKey makes the board key of an engagement. The caller seals it to each member at once
// (SealFor) and locks it.
func NewKey(engagementID string) (*Key, error) {
	if engagementID == "" {
		return nil, fmt.Errorf("new board key: %w: no engagement", ErrInvalid)
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("new board key: %w", err)
	}
	return &Key{engagementID: engagementID, id: id}, nil
}

func (k *Key) current() (*age.X25519Identity, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.id == nil {
		return nil, ErrLocked
	}
	return k.id, nil
}

// EngagementID returns the engagement the board belongs to.
func (k *Key) EngagementID() string { return k.engagementID }

// Lock forgets the board's private key; later calls fail with ErrLocked.
func (k *Key) Lock() {
	k.mu.Lock()
	k.id = nil
	k.mu.Unlock()
}

// Writer returns the write-only side of the board, which seals without reading.
func (k *Key) Writer() (Writer, error) {
	id, err := k.current()
	if err != nil {
		return Writer{}, err
	}
	return Writer{engagementID: k.engagementID, recipient: id.Recipient().String()}, nil
}

// SealFor seals the board key to a team member's age public key ("age1..."), binding the
// engagement id: this is how the first members get it, and how an existing member lets a new
// one in.
func (k *Key) SealFor(memberRecipient string) ([]byte, error) {
	id, err := k.current()
	if err != nil {
		return nil, err
	}
	r, err := age.ParseX25519Recipient(memberRecipient)
	if err != nil {
		return nil, fmt.Errorf("seal board key: %w: member key: %v", ErrInvalid, err)
	}
	payload := appendField([]byte{keyVersion}, []byte(k.engagementID))
	payload = append(payload, id.String()...)
	defer clear(payload)
	return ageSeal(r, payload)
}

// OpenKey opens a board key sealed to a member (SealFor) with the member's own identity.
func OpenKey(engagementID string, member age.Identity, sealed []byte) (*Key, error) {
	payload, err := ageOpen(member, sealed, maxSealedKey)
	if err != nil {
		return nil, fmt.Errorf("open board key: %w", err)
	}
	defer clear(payload)
	want := appendField([]byte{keyVersion}, []byte(engagementID))
	if !bytes.HasPrefix(payload, want) {
		return nil, fmt.Errorf("open board key: %w", ErrCannotOpen)
	}
	id, err := age.ParseX25519Identity(string(payload[len(want):]))
	if err != nil {
		return nil, fmt.Errorf("open board key: %w", ErrCannotOpen)
	}
	return &Key{engagementID: engagementID, id: id}, nil
}

// BoardID is the short public name of a board: the first 8 bytes of the SHA-256 of its public
// key, in hex. It names no engagement and no person.
func BoardID(recipient string) string {
	h := sha256.Sum256([]byte(recipient))
	return hex.EncodeToString(h[:8])
}

// ID returns the board's id (BoardID of its public key).
func (k *Key) ID() (string, error) {
	id, err := k.current()
	if err != nil {
		return "", err
	}
	return BoardID(id.Recipient().String()), nil
}

// authKey is the bundle authentication key: derived from the board's private key, so the
// board's kiosk needs nothing stored beside it, and carried in the public part to the kiosks
// that contribute.
func (k *Key) authKey() ([]byte, error) {
	id, err := k.current()
	if err != nil {
		return nil, err
	}
	return hkdf.Key(sha256.New, []byte(id.String()), nil, "quietroom board bundle auth v1:"+k.engagementID, 32)
}

// Writer seals records to a board without being able to read them: it holds the board's
// public key only. It is what a contributing member's kiosk uses, on the board's kiosk and on
// the others.
type Writer struct {
	engagementID string
	recipient    string
}

// NewWriter returns the writer for a board's public key.
func NewWriter(engagementID, recipient string) (Writer, error) {
	if _, err := age.ParseX25519Recipient(recipient); err != nil || engagementID == "" {
		return Writer{}, fmt.Errorf("board writer: %w", ErrInvalid)
	}
	return Writer{engagementID: engagementID, recipient: recipient}, nil
}

// EngagementID returns the engagement of the board the writer writes to.
func (w Writer) EngagementID() string { return w.engagementID }

// Recipient returns the board's public key.
func (w Writer) Recipient() string { return w.recipient }

type itemBody struct {
	Tag  Tag    `json:"t"`
	Text string `json:"x"`
}

type interviewBody struct {
	Group string `json:"g"`
	Set   string `json:"s"`
}

// SealItem seals an item to the board. The item is checked first.
func (w Writer) SealItem(it Item) ([]byte, error) {
	if err := it.Check(); err != nil {
		return nil, err
	}
	body, err := json.Marshal(itemBody{Tag: it.Tag, Text: it.Text})
	if err != nil {
		return nil, err
	}
	return w.seal(kindItem, it.ID, body)
}

// SealInterview seals the group and question set of one interview to the board.
func (w Writer) SealInterview(iv Interview) ([]byte, error) {
	if !validID(iv.ID) || len(iv.Group) > 200 || len(iv.QuestionSet) > 200 {
		return nil, fmt.Errorf("interview: %w", ErrInvalid)
	}
	body, err := json.Marshal(interviewBody{Group: iv.Group, Set: iv.QuestionSet})
	if err != nil {
		return nil, err
	}
	return w.seal(kindInterview, iv.ID, body)
}

func (w Writer) seal(kind, recordID string, body []byte) ([]byte, error) {
	r, err := age.ParseX25519Recipient(w.recipient)
	if err != nil {
		return nil, fmt.Errorf("seal %s: %w", kind, ErrInvalid)
	}
	payload := append(recordHeader(kind, w.engagementID, recordID), body...)
	defer clear(payload)
	defer clear(body)
	return ageSeal(r, payload)
}

func recordHeader(kind, engagementID, recordID string) []byte {
	b := appendField([]byte{recordVersion}, []byte(kind))
	b = appendField(b, []byte(engagementID))
	return appendField(b, []byte(recordID))
}

func (k *Key) open(kind, recordID string, sealed []byte) ([]byte, error) {
	id, err := k.current()
	if err != nil {
		return nil, err
	}
	payload, err := ageOpen(id, sealed, maxSealedRecord)
	if err != nil {
		return nil, err
	}
	want := recordHeader(kind, k.engagementID, recordID)
	if !bytes.HasPrefix(payload, want) {
		clear(payload)
		return nil, ErrCannotOpen
	}
	return payload[len(want):], nil
}

// OpenItem opens an item sealed to this board under the given id.
func (k *Key) OpenItem(id string, sealed []byte) (Item, error) {
	body, err := k.open(kindItem, id, sealed)
	if err != nil {
		return Item{}, fmt.Errorf("open item: %w", err)
	}
	var b itemBody
	if err := json.Unmarshal(body, &b); err != nil {
		return Item{}, fmt.Errorf("open item: %w", ErrCannotOpen)
	}
	it := Item{ID: id, Tag: b.Tag, Text: b.Text}
	if err := it.Check(); err != nil {
		return Item{}, fmt.Errorf("open item: %w", ErrCannotOpen)
	}
	return it, nil
}

// OpenInterview opens an interview record sealed to this board under the given id.
func (k *Key) OpenInterview(id string, sealed []byte) (Interview, error) {
	body, err := k.open(kindInterview, id, sealed)
	if err != nil {
		return Interview{}, fmt.Errorf("open interview: %w", err)
	}
	var b interviewBody
	if err := json.Unmarshal(body, &b); err != nil {
		return Interview{}, fmt.Errorf("open interview: %w", ErrCannotOpen)
	}
	return Interview{ID: id, Group: b.Group, QuestionSet: b.Set}, nil
}

// SealWork seals the team's day-2 work (themes, insights, aim) to the board.
func (k *Key) SealWork(w Work) ([]byte, error) {
	wr, err := k.Writer()
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(w)
	if err != nil {
		return nil, err
	}
	return wr.seal(kindWork, "work", body)
}

// OpenWork opens the sealed work. Nil sealed bytes give an empty Work.
func (k *Key) OpenWork(sealed []byte) (Work, error) {
	if len(sealed) == 0 {
		return Work{}, nil
	}
	body, err := k.open(kindWork, "work", sealed)
	if err != nil {
		return Work{}, fmt.Errorf("open work: %w", err)
	}
	var w Work
	if err := json.Unmarshal(body, &w); err != nil {
		return Work{}, fmt.Errorf("open work: %w", ErrCannotOpen)
	}
	return w, nil
}

func ageSeal(r age.Recipient, payload []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, r)
	if err == nil {
		_, err = w.Write(payload)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	return buf.Bytes(), nil
}

func ageOpen(id age.Identity, sealed []byte, limit int) ([]byte, error) {
	if len(sealed) > limit+1024 {
		return nil, ErrCannotOpen
	}
	r, err := age.Decrypt(bytes.NewReader(sealed), id)
	if err != nil {
		return nil, ErrCannotOpen
	}
	payload, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil || len(payload) > limit {
		clear(payload)
		return nil, ErrCannotOpen
	}
	return payload, nil
}

func appendField(b, field []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(field)))
	return append(b, field...)
}
