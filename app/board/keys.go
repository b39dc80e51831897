package board

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"filippo.io/age"

	"quietroom/app/seal"
)

// Key is an engagement's opened board key: the board's age X25519 identity, made and sealed
// by app/seal for one purpose (seal.PurposeBoardKey). Only a team member opens it (OpenKey,
// with their own unlocked identity); it reads every record on the board and is forgotten with
// Lock.
type Key struct {
	k *seal.Key
}

// NewKey makes the board key of an engagement. The caller seals it to each member at once
// (SealFor) and locks it.
func NewKey(engagementID string) (*Key, error) {
	if engagementID == "" {
		return nil, fmt.Errorf("new board key: %w: no engagement", ErrInvalid)
	}
	k, err := seal.NewKey(seal.PurposeBoardKey, engagementID)
	if err != nil {
		return nil, fmt.Errorf("new board key: %w", boardError(err))
	}
	return &Key{k: k}, nil
}

// OpenKey opens a board key sealed to a member (SealFor) with the member's own identity. A
// key sealed for anything but this engagement's board (another engagement, a panel's or a
// survey's key) gives ErrCannotOpen.
func OpenKey(engagementID string, member age.Identity, sealed []byte) (*Key, error) {
	k, err := seal.OpenKey(seal.PurposeBoardKey, engagementID, member, sealed)
	if err != nil {
		return nil, fmt.Errorf("open board key: %w", boardError(err))
	}
	return &Key{k: k}, nil
}

// boardError gives seal's errors the board's sentinels, keeping seal's too.
func boardError(err error) error {
	switch {
	case errors.Is(err, seal.ErrDestroyed):
		return ErrLocked
	case errors.Is(err, seal.ErrCannotOpen):
		return fmt.Errorf("%w: %w", ErrCannotOpen, err)
	case errors.Is(err, seal.ErrMalformed), errors.Is(err, seal.ErrTooLarge):
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return err
}

// EngagementID returns the engagement the board belongs to.
func (k *Key) EngagementID() string { return k.k.Scope() }

// Lock forgets the board's private key; later calls fail with ErrLocked.
func (k *Key) Lock() { k.k.Destroy() }

// Writer returns the write-only side of the board, which seals without reading.
func (k *Key) Writer() (Writer, error) {
	r, err := k.k.Recipient()
	if err != nil {
		return Writer{}, boardError(err)
	}
	return Writer{engagementID: k.EngagementID(), recipient: r}, nil
}

// SealFor seals the board key to a team member's age public key ("age1..."), binding its
// purpose and the engagement id: this is how the first members get it, and how an existing
// member lets a new one in.
func (k *Key) SealFor(memberRecipient string) ([]byte, error) {
	b, err := k.k.SealFor(memberRecipient)
	if err != nil {
		return nil, fmt.Errorf("seal board key: %w", boardError(err))
	}
	return b, nil
}

// BoardID is the short public name of a board: the first 8 bytes of the SHA-256 of its public
// key, in hex. It names no engagement and no person.
func BoardID(recipient string) string {
	h := sha256.Sum256([]byte(recipient))
	return hex.EncodeToString(h[:8])
}

// ID returns the board's id (BoardID of its public key).
func (k *Key) ID() (string, error) {
	r, err := k.k.Recipient()
	if err != nil {
		return "", boardError(err)
	}
	return BoardID(r), nil
}

// authKey is the bundle authentication key (seal's Key.BundleAuthKey): derived from the
// board's private key, so the board's kiosk needs nothing stored beside it, and carried in the
// public part to the kiosks that contribute.
func (k *Key) authKey() ([]byte, error) {
	a, err := k.k.BundleAuthKey()
	if err != nil {
		return nil, boardError(err)
	}
	return a, nil
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
	Tag Tag `json:"t"`
	// Kind is one letter (kindCode), always written, so that every item of one text length
	// seals to one size whatever its kind; a body without one is from before items had a
	// kind, and is a note.
	Kind string `json:"k,omitempty"`
	Text string `json:"x"`
}

type interviewBody struct {
	Group string `json:"g"`
	Set   string `json:"s"`
	// People is always written (at most MaxInterviewPeople, one digit), so that one-to-one
	// and small-group records seal to one size; a body without it counts 1.
	People int `json:"p,omitempty"`
}

var kindCodes = map[Kind]string{KindQuote: "q", KindNote: "n", KindPostIt: "p"}

func kindOf(code string) (Kind, bool) {
	if code == "" {
		return KindNote, true
	}
	for k, c := range kindCodes {
		if c == code {
			return k, true
		}
	}
	return "", false
}

// SealItem seals an item to the board. The item is checked first.
func (w Writer) SealItem(it Item) ([]byte, error) {
	if err := it.Check(); err != nil {
		return nil, err
	}
	body, err := json.Marshal(itemBody{Tag: it.Tag, Kind: kindCodes[it.Kind], Text: it.Text})
	if err != nil {
		return nil, err
	}
	return w.seal(seal.PurposeBoardItem, it.ID, body)
}

// SealInterview seals the group and question set of one interview to the board.
func (w Writer) SealInterview(iv Interview) ([]byte, error) {
	if !validID(iv.ID) {
		return nil, fmt.Errorf("interview: %w: id", ErrInvalid)
	}
	iv.People = iv.people()
	if err := checkInterview(iv, "interview"); err != nil {
		return nil, fmt.Errorf("interview: %w: %w", ErrInvalid, err)
	}
	body, err := json.Marshal(interviewBody{Group: iv.Group, Set: iv.QuestionSet, People: iv.People})
	if err != nil {
		return nil, err
	}
	return w.seal(seal.PurposeBoardInterview, iv.ID, body)
}

// seal seals a record of the board: its purpose (item, interview, work), the engagement id
// and the record id are sealed with it, so a record moved to another row, kind or board does
// not open.
func (w Writer) seal(p seal.Purpose, recordID string, body []byte) ([]byte, error) {
	defer clear(body)
	b, err := seal.SealRecord(w.recipient, p, w.engagementID, recordID, body)
	if err != nil {
		return nil, fmt.Errorf("seal %s: %w", p, boardError(err))
	}
	return b, nil
}

func (k *Key) open(p seal.Purpose, recordID string, sealed []byte) ([]byte, error) {
	b, err := k.k.Open(p, recordID, sealed)
	if err != nil {
		return nil, boardError(err)
	}
	return b, nil
}

// OpenItem opens an item sealed to this board under the given id.
func (k *Key) OpenItem(id string, sealed []byte) (Item, error) {
	body, err := k.open(seal.PurposeBoardItem, id, sealed)
	if err != nil {
		return Item{}, fmt.Errorf("open item: %w", err)
	}
	var b itemBody
	if err := json.Unmarshal(body, &b); err != nil {
		return Item{}, fmt.Errorf("open item: %w", ErrCannotOpen)
	}
	kind, ok := kindOf(b.Kind)
	if !ok {
		return Item{}, fmt.Errorf("open item: %w", ErrCannotOpen)
	}
	it := Item{ID: id, Tag: b.Tag, Kind: kind, Text: b.Text}
	if err := it.shape(); err != nil {
		return Item{}, fmt.Errorf("open item: %w", ErrCannotOpen)
	}
	return it, nil
}

// OpenInterview opens an interview record sealed to this board under the given id.
func (k *Key) OpenInterview(id string, sealed []byte) (Interview, error) {
	body, err := k.open(seal.PurposeBoardInterview, id, sealed)
	if err != nil {
		return Interview{}, fmt.Errorf("open interview: %w", err)
	}
	var b interviewBody
	if err := json.Unmarshal(body, &b); err != nil {
		return Interview{}, fmt.Errorf("open interview: %w", ErrCannotOpen)
	}
	if b.People == 0 {
		b.People = 1 // sealed before interviews counted their people: a one-to-one
	}
	// A count out of bounds is left for the bundle's check to refuse with a ContentError.
	return Interview{ID: id, Group: b.Group, QuestionSet: b.Set, People: b.People}, nil
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
	return wr.seal(seal.PurposeBoardWork, "work", body)
}

// OpenWork opens the sealed work. Nil sealed bytes give an empty Work.
func (k *Key) OpenWork(sealed []byte) (Work, error) {
	if len(sealed) == 0 {
		return Work{}, nil
	}
	body, err := k.open(seal.PurposeBoardWork, "work", sealed)
	if err != nil {
		return Work{}, fmt.Errorf("open work: %w", err)
	}
	var w Work
	if err := json.Unmarshal(body, &w); err != nil {
		return Work{}, fmt.Errorf("open work: %w", ErrCannotOpen)
	}
	return w, nil
}
