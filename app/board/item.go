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

// Kind is what an item is: a key quote (someone's words, as the note taker kept them), a note
// (the interviewer's own words about what was said) or the team's own post-it. Only a quote may
// be pinned to an insight or printed in quotation marks; a kind never says who.
type Kind string

const (
	// KindQuote is a key quote captured during an interview: the only kind shown as someone's
	// words.
	KindQuote Kind = "quote"
	// KindNote is taken from an interviewer's notes: it may inform a theme, never stand as a
	// quote. Items stored or bundled before items had a kind are notes.
	KindNote Kind = "note"
	// KindPostIt is a post-it a team member wrote on the board's evening, from no session.
	KindPostIt Kind = "post-it"
)

// Valid reports whether k is one of the three kinds.
func (k Kind) Valid() bool { return k == KindQuote || k == KindNote || k == KindPostIt }

// MaxItemText is the longest item text in characters: a post-it or a quote, not a transcript.
const MaxItemText = 1000

// Item is one post-it on the board: its text, its tag and its kind, and nothing else. It
// carries no author, no session, no stakeholder group and no time, by construction: there is
// no field to put them in. ID is random and says nothing about when or where the item was
// written.
type Item struct {
	ID   string
	Tag  Tag
	Kind Kind
	Text string
}

// NewItem returns the team's own post-it (KindPostIt) with a fresh random id, its text
// trimmed, checked against the limits.
func NewItem(tag Tag, text string) (Item, error) { return newItem(KindPostIt, tag, text) }

// NewQuote returns an item made from a key quote of a session (KindQuote), as NewItem does.
func NewQuote(tag Tag, text string) (Item, error) { return newItem(KindQuote, tag, text) }

// NewNote returns an item made from an interviewer's notes (KindNote), as NewItem does.
func NewNote(tag Tag, text string) (Item, error) { return newItem(KindNote, tag, text) }

func newItem(kind Kind, tag Tag, text string) (Item, error) {
	it := Item{ID: NewID(), Tag: tag, Kind: kind, Text: strings.TrimSpace(text)}
	return it, it.Check()
}

// IsQuote reports whether the item is a key quote: the only kind that may be pinned to an
// insight or printed as someone's words.
func (it Item) IsQuote() bool { return it.Kind == KindQuote }

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
	case !it.Kind.Valid():
		return fmt.Errorf("item: %w: kind %q", ErrInvalid, it.Kind)
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

// MaxInterviewPeople is the most people one interview record may count: a small-group
// interview of the handbook's day 1 ("4-5 participants will be fine for each session"), with
// room to spare, and the session engine's own limit (app/session MaxParticipants).
const MaxInterviewPeople = 8

// Interview is the one fact the board keeps about an interview, for the presentation's "who
// was interviewed" and "methodology": the stakeholder group, the question set and how many
// people took part (1 for a one-to-one, more for a small-group interview). It is not linked
// to any item.
type Interview struct {
	ID          string
	Group       string
	QuestionSet string
	// People is how many took part; records stored or bundled before it was kept count 1.
	People int
}

// people is how many took part: 1 for a record that does not say (People 0).
func (iv Interview) people() int {
	if iv.People == 0 {
		return 1
	}
	return iv.People
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
