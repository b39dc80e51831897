package session

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"quietroom/app/protocol"
)

// Review is the whole open session as its interviewer reads it again: a copy in plaintext,
// built from what the engine holds in memory, for the screens only. It holds no key and the
// engine keeps no reference to it; changing it changes nothing stored.
type Review struct {
	ID        string
	PackTitle string
	Label     string // the interviewee label (a group or a candidate number, never a name)
	// People is how many took part: 1 for a one-to-one, more for a small-group interview.
	People       int
	CreatedAt    time.Time
	DeletionDate time.Time
	State        State
	// Topics are the session's topics in asking order, each with what was recorded on it.
	Topics []ReviewTopic
	// Quotes are the key quotes not about one topic (captured at the closing or the write-up).
	Quotes []Item
	// ClosingQuestion and ClosingAnswer are the catch-all question and its answer ("" if none).
	ClosingQuestion string
	ClosingAnswer   string
	// WriteUp is one answer per write-up prompt of the pack, in the pack's order.
	WriteUp []ReviewWriteUp
	// Reflections are reflections not kept under a prompt (AddReflection), in order.
	Reflections []Item
	// Consent is the interviewee's choice on each consent point of the pack, in the pack's
	// order. The signature itself is not part of the review: Signed says whether there is one.
	Consent []ReviewConsent
	Signed  bool
}

// ReviewTopic is one topic with its state and content.
type ReviewTopic struct {
	Topic protocol.Topic
	State TopicState
	Note  string
	// Answer is the number given on the topic's scale; Answered is false when none was.
	Answer   int
	Answered bool
	// Quotes are the key quotes captured on this topic, in the order they were captured.
	Quotes []Item
}

// ReviewWriteUp is one write-up prompt with its answer ("" when unanswered).
type ReviewWriteUp struct {
	Prompt protocol.WriteUpPrompt
	Text   string
}

// ReviewConsent is one consent point and the interviewee's choice on it; Chosen is false when
// the record holds no choice for it.
type ReviewConsent struct {
	Point  protocol.ConsentPoint
	Agreed bool
	Chosen bool
}

// Review returns the open session as a whole, for its interviewer to read again. It is
// read-only: it writes nothing and logs nothing. It needs a session holding content (the
// questions, the closing or the write-up, which a sealed session returns to when its
// interviewer reopens it): ErrNoSession without one, ErrWrongState in any other state.
func (e *Engine) Review() (Review, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.contentAllowed("review session"); err != nil {
		return Review{}, err
	}
	return reviewOf(e.s), nil
}

// Read loads one stored session with its key and returns it as a Review, without taking it
// into the engine or changing anything stored: for its interviewer to pick key quotes and notes
// from it for a team's board. The caller keeps and destroys key. A session in a state that
// holds no content is ErrIllegalMove.
func (e *Engine) Read(ctx context.Context, sessionID string, key SessionKey) (Review, error) {
	l, err := e.load(ctx, sessionID, key)
	if err != nil {
		return Review{}, fmt.Errorf("read session %s: %w", sessionID, err)
	}
	return reviewOf(l), nil
}

func reviewOf(s *live) Review {
	r := Review{
		ID: s.rec.ID, PackTitle: s.pack.Title, Label: s.label, People: s.group.tookPart, CreatedAt: s.rec.CreatedAt,
		DeletionDate: s.rec.DeletionDate, State: s.rec.State,
		ClosingQuestion: s.pack.Closing.Question, Signed: len(s.signature) > 0,
	}
	byTopic := make(map[string]int, len(s.topics))
	for i, t := range s.topics {
		byTopic[t.ID] = i
		r.Topics = append(r.Topics, ReviewTopic{Topic: t, State: TopicState(s.rec.Progress.Status[t.ID])})
	}
	prompts := s.pack.WriteUp()
	answers := map[string]string{}
	for _, it := range s.items {
		ti, onTopic := byTopic[it.TopicID]
		switch it.Kind {
		case EntryNote:
			if onTopic {
				r.Topics[ti].Note = it.Text
			}
		case EntryAnswer:
			if v, err := strconv.Atoi(it.Text); onTopic && err == nil {
				r.Topics[ti].Answer, r.Topics[ti].Answered = v, true
			}
		case EntryQuote:
			if onTopic {
				r.Topics[ti].Quotes = append(r.Topics[ti].Quotes, it)
			} else {
				r.Quotes = append(r.Quotes, it)
			}
		case EntryClosing:
			r.ClosingAnswer = it.Text
		case EntryReflection:
			if slices.ContainsFunc(prompts, func(p protocol.WriteUpPrompt) bool { return p.ID == it.TopicID && it.TopicID != "" }) {
				answers[it.TopicID] = it.Text
			} else {
				r.Reflections = append(r.Reflections, it)
			}
		}
	}
	for _, p := range prompts {
		r.WriteUp = append(r.WriteUp, ReviewWriteUp{Prompt: p, Text: answers[p.ID]})
	}
	for _, p := range s.pack.Consent {
		agreed, chosen := s.consent.Choices[p.ID]
		r.Consent = append(r.Consent, ReviewConsent{Point: p, Agreed: agreed, Chosen: chosen})
	}
	return r
}

// Quotes lists the session's key quotes in the order they were captured, for the interviewer
// to correct during the interview; nil without a session or after a final state.
func (e *Engine) Quotes() []Item {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.s == nil {
		return nil
	}
	var out []Item
	for _, it := range e.s.items {
		if it.Kind == EntryQuote {
			out = append(out, it)
		}
	}
	return out
}
