package session

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"quietroom/app/protocol"
)

// Item is one piece of the session's content in plaintext, as the interviewer sees it. It only
// ever exists in the engine's memory; the store holds it as a sealed Entry.
type Item struct {
	ID      string
	TopicID string // empty when not about one topic
	Kind    EntryKind
	Tag     Tag
	// Text is the body; for an answer, the number in decimal.
	Text      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Items lists the session's content in the order it was created; nil without a session or after
// a final state.
func (e *Engine) Items() []Item {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.s == nil {
		return nil
	}
	return slices.Clone(e.s.items)
}

// Note returns the interviewer's notes on a topic ("" when none).
func (e *Engine) Note(topicID string) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if i := e.find(EntryNote, topicID); i >= 0 {
		return e.s.items[i].Text
	}
	return ""
}

// SetNote replaces the notes on a topic. The UI calls it on every edit: each call that changes
// the text is one durable write of the sealed notes.
func (e *Engine) SetNote(ctx context.Context, topicID, text string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.contentAllowed("save note"); err != nil {
		return err
	}
	if err := e.knownTopic(topicID); err != nil {
		return fmt.Errorf("save note: %w", err)
	}
	return e.putSingle(ctx, "save note", EntryNote, topicID, text)
}

// AddQuote captures a key quote, optionally tagged. A quote has no attribution, by design. It
// returns the quote's id.
func (e *Engine) AddQuote(ctx context.Context, topicID, text string, tag Tag) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.contentAllowed("add quote"); err != nil {
		return "", err
	}
	if topicID != "" {
		if err := e.knownTopic(topicID); err != nil {
			return "", fmt.Errorf("add quote: %w", err)
		}
	}
	return e.add(ctx, "add quote", EntryQuote, topicID, text, tag)
}

// AddReflection adds a write-up reflection (what the person said, what you felt, initial
// reflections), optionally tagged. It returns the reflection's id.
func (e *Engine) AddReflection(ctx context.Context, text string, tag Tag) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.contentAllowed("add reflection"); err != nil {
		return "", err
	}
	return e.add(ctx, "add reflection", EntryReflection, "", text, tag)
}

// EditItem replaces the text of a note, quote, reflection or closing answer. Answers change
// through SetAnswer.
func (e *Engine) EditItem(ctx context.Context, id, text string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.contentAllowed("edit item"); err != nil {
		return err
	}
	i := e.indexOf(id)
	if i < 0 {
		return fmt.Errorf("edit item %s: %w", id, ErrUnknownItem)
	}
	it := e.s.items[i]
	if it.Kind == EntryAnswer {
		return fmt.Errorf("edit item %s: %w: change an answer with its scale", id, ErrWrongState)
	}
	if (it.Kind == EntryQuote || it.Kind == EntryReflection) && strings.TrimSpace(text) == "" {
		return fmt.Errorf("edit item %s: %w; delete it instead", id, ErrEmptyText)
	}
	it.Text = text
	return e.put(ctx, "edit item", i, it)
}

// TagItem sets or clears the roses / thorns / buds tag of an item.
func (e *Engine) TagItem(ctx context.Context, id string, tag Tag) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.contentAllowed("tag item"); err != nil {
		return err
	}
	if err := checkTag(tag); err != nil {
		return fmt.Errorf("tag item %s: %w", id, err)
	}
	i := e.indexOf(id)
	if i < 0 {
		return fmt.Errorf("tag item %s: %w", id, ErrUnknownItem)
	}
	it := e.s.items[i]
	it.Tag = tag
	return e.put(ctx, "tag item", i, it)
}

// DeleteItem removes an item of any kind.
func (e *Engine) DeleteItem(ctx context.Context, id string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.contentAllowed("delete item"); err != nil {
		return err
	}
	i := e.indexOf(id)
	if i < 0 {
		return fmt.Errorf("delete item %s: %w", id, ErrUnknownItem)
	}
	if err := e.store.DeleteEntry(ctx, e.s.rec.ID, id); err != nil {
		return fmt.Errorf("delete item %s: %w", id, err)
	}
	e.s.items = slices.Delete(slices.Clone(e.s.items), i, i+1)
	return nil
}

// SetAnswer records the number given on a topic's scale (a 0-10 rating or a panel score). It
// fails with ErrNoScale when the topic asks for no number and ErrOutOfRange outside the scale.
func (e *Engine) SetAnswer(ctx context.Context, topicID string, value int) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.contentAllowed("save answer"); err != nil {
		return err
	}
	i := slices.IndexFunc(e.s.topics, func(t protocol.Topic) bool { return t.ID == topicID })
	if i < 0 {
		return fmt.Errorf("save answer: %q: %w", topicID, ErrUnknownTopic)
	}
	sc := e.s.topics[i].Scale
	if sc == nil {
		return fmt.Errorf("save answer: %q: %w", topicID, ErrNoScale)
	}
	if value < sc.Min || value > sc.Max {
		return fmt.Errorf("save answer: %w: %d is not between %d and %d", ErrOutOfRange, value, sc.Min, sc.Max)
	}
	return e.putSingle(ctx, "save answer", EntryAnswer, topicID, strconv.Itoa(value))
}

// Answer returns the number recorded on a topic's scale.
func (e *Engine) Answer(topicID string) (int, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if i := e.find(EntryAnswer, topicID); i >= 0 {
		if v, err := strconv.Atoi(e.s.items[i].Text); err == nil {
			return v, true
		}
	}
	return 0, false
}

// SetClosingAnswer replaces the answer to the catch-all closing question; like SetNote, the UI
// calls it on every edit.
func (e *Engine) SetClosingAnswer(ctx context.Context, text string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.contentAllowed("save closing answer"); err != nil {
		return err
	}
	if e.s.rec.State == StateQuestions {
		return fmt.Errorf("save closing answer in %s: %w", e.s.rec.State, ErrWrongState)
	}
	return e.putSingle(ctx, "save closing answer", EntryClosing, "", text)
}

// ClosingAnswer returns the answer to the catch-all closing question.
func (e *Engine) ClosingAnswer() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if i := e.find(EntryClosing, ""); i >= 0 {
		return e.s.items[i].Text
	}
	return ""
}

func (e *Engine) contentAllowed(what string) error {
	if e.s == nil {
		return fmt.Errorf("%s: %w", what, ErrNoSession)
	}
	if !e.s.rec.State.hasContent() {
		return fmt.Errorf("%s in %s: %w", what, e.s.rec.State, ErrWrongState)
	}
	return nil
}

func (e *Engine) knownTopic(id string) error {
	if !slices.Contains(e.s.rec.TopicIDs, id) {
		return fmt.Errorf("%q: %w", id, ErrUnknownTopic)
	}
	return nil
}

func checkTag(t Tag) error {
	switch t {
	case TagNone, TagRose, TagThorn, TagBud:
		return nil
	}
	return ErrInvalidTag
}

// find returns the index of the one item of a kind kept per topic (notes, answers, closing).
func (e *Engine) find(kind EntryKind, topicID string) int {
	if e.s == nil {
		return -1
	}
	return slices.IndexFunc(e.s.items, func(it Item) bool { return it.Kind == kind && it.TopicID == topicID })
}

func (e *Engine) indexOf(id string) int {
	return slices.IndexFunc(e.s.items, func(it Item) bool { return it.ID == id })
}

// putSingle writes the one item of a kind kept per topic, creating it on first use. Writing the
// same text again is not an edit and writes nothing.
func (e *Engine) putSingle(ctx context.Context, what string, kind EntryKind, topicID, text string) error {
	if i := e.find(kind, topicID); i >= 0 {
		it := e.s.items[i]
		if it.Text == text {
			return nil
		}
		it.Text = text
		return e.put(ctx, what, i, it)
	}
	now := e.clock.Now()
	it := Item{ID: e.newID(), TopicID: topicID, Kind: kind, Text: text, CreatedAt: now}
	return e.put(ctx, what, -1, it)
}

func (e *Engine) add(ctx context.Context, what string, kind EntryKind, topicID, text string, tag Tag) (string, error) {
	if err := checkTag(tag); err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	if strings.TrimSpace(text) == "" {
		return "", fmt.Errorf("%s: %w", what, ErrEmptyText)
	}
	it := Item{ID: e.newID(), TopicID: topicID, Kind: kind, Tag: tag, Text: text, CreatedAt: e.clock.Now()}
	if err := e.put(ctx, what, -1, it); err != nil {
		return "", err
	}
	return it.ID, nil
}

// put seals the item and stores it as an entry, then adopts it in memory: at index i, or
// appended when i < 0.
func (e *Engine) put(ctx context.Context, what string, i int, it Item) error {
	it.UpdatedAt = e.clock.Now()
	sealed, err := e.s.key.Seal(it.ID, []byte(it.Text))
	if err != nil {
		return fmt.Errorf("%s: seal: %w", what, err)
	}
	en := Entry{
		ID: it.ID, SessionID: e.s.rec.ID, TopicID: it.TopicID, Kind: it.Kind, Tag: it.Tag,
		Sealed: sealed, CreatedAt: it.CreatedAt, UpdatedAt: it.UpdatedAt,
	}
	if err := e.store.PutEntry(ctx, en); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	items := slices.Clone(e.s.items)
	if i < 0 {
		items = append(items, it)
	} else {
		items[i] = it
	}
	e.s.items = items
	return nil
}
