package board

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"quietroom/app/yamlfile"
)

// Tag is the sheet an item belongs on: a rose (a strength), a thorn (a pain point) or a bud
// (an opportunity), as the handbook's evening of day 1 sorts them.
type Tag string

const (
	Rose  Tag = "rose"
	Thorn Tag = "thorn"
	Bud   Tag = "bud"
)

// Tags lists the three sheets in the order they are read out.
func Tags() []Tag { return []Tag{Rose, Thorn, Bud} }

// Valid reports whether t is one of the three tags.
func (t Tag) Valid() bool { return t == Rose || t == Thorn || t == Bud }

// MaxItemText is the longest item text in characters: a post-it or a quote, not a transcript.
const MaxItemText = 1000

// Item is one post-it on the board: its text and its tag, and nothing else. It carries no
// author, no session, no stakeholder group and no time, by construction: there is no field to
// put them in. ID is random and says nothing about when or where the item was written.
type Item struct {
	ID   string
	Tag  Tag
	Text string
}

// NewItem returns an item with a fresh random id, its text trimmed, checked against the
// limits.
func NewItem(tag Tag, text string) (Item, error) {
	it := Item{ID: NewID(), Tag: tag, Text: strings.TrimSpace(text)}
	return it, it.Check()
}

// Check says what is wrong with the item, if anything: its tag, its id, and its text held to
// app/yamlfile's rules (no control or text-direction character but line breaks and tabs, at
// most MaxItemText characters).
func (it Item) Check() error {
	if err := it.shape(); err != nil {
		return err
	}
	if pr := yamlfile.TextProblem(it.Text, ruleItem); pr != "" {
		return fmt.Errorf("item: %w: text %s", ErrInvalid, pr)
	}
	return nil
}

// shape is what every item on a board keeps to, those stored before the text rules included.
func (it Item) shape() error {
	switch {
	case !it.Tag.Valid():
		return fmt.Errorf("item: %w: tag %q", ErrInvalid, it.Tag)
	case strings.TrimSpace(it.Text) == "":
		return fmt.Errorf("item: %w: empty text", ErrInvalid)
	case !utf8.ValidString(it.Text):
		return fmt.Errorf("item: %w: text is not UTF-8", ErrInvalid)
	case utf8.RuneCountInString(it.Text) > MaxItemText:
		return fmt.Errorf("item: %w: text longer than %d characters", ErrInvalid, MaxItemText)
	case !validID(it.ID):
		return fmt.Errorf("item: %w: id", ErrInvalid)
	}
	return nil
}

// NewID returns a random 128-bit id in hex.
func NewID() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return hex.EncodeToString(b)
}

func validID(id string) bool {
	if len(id) != 32 {
		return false
	}
	_, err := hex.DecodeString(id)
	return err == nil
}

// Sheets sorts items onto the three sheets, keeping their order within each.
func Sheets(items []Item) map[Tag][]Item {
	m := map[Tag][]Item{Rose: nil, Thorn: nil, Bud: nil}
	for _, it := range items {
		m[it.Tag] = append(m[it.Tag], it)
	}
	return m
}

// MaxInterviewText is the longest stakeholder group or question set name of an interview
// record, in characters.
const MaxInterviewText = 200

// Interview is the one fact the board keeps about an interview, for the presentation's "who
// was interviewed" and "methodology": the stakeholder group and the question set. It is not
// linked to any item.
type Interview struct {
	ID          string
	Group       string
	QuestionSet string
}

// Member is a team member of a board as the kiosk keeps them: their interviewer id and the
// board key sealed to them, nil while they wait for an existing member to let them in.
type Member struct {
	InterviewerID string
	SealedKey     []byte
}

// Import is the receipt of one bundle imported on the board's kiosk: how many items and
// interview records arrived, how many were already there, and from which kiosk. No content.
type Import struct {
	BundleID    string
	SourceKiosk string
	Items       int
	Interviews  int
	Duplicates  int
	At          time.Time
}

// Waiting is a bundle imported and checked on the board's kiosk, waiting for a team member to
// accept or refuse what it brings: its id and the file as it came (sealed to the board).
type Waiting struct {
	BundleID string
	Raw      []byte
}
