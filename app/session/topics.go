package session

import (
	"context"
	"fmt"
	"slices"

	"quietroom/app/protocol"
)

// TopicState is how far a topic has got: remaining, done or skipped.
type TopicState string

const (
	TopicRemaining TopicState = ""
	TopicDone      TopicState = "done"
	TopicSkipped   TopicState = "skipped" // the interviewee prefers not to discuss it
)

// TopicItem is one line of the topic list.
type TopicItem struct {
	protocol.Topic
	State   TopicState
	Current bool
}

// Topics lists the session's topics in asking order with their state; nil without a session.
func (e *Engine) Topics() []TopicItem {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.s == nil {
		return nil
	}
	out := make([]TopicItem, len(e.s.topics))
	for i, t := range e.s.topics {
		out[i] = TopicItem{Topic: t, State: TopicState(e.s.rec.Progress.Status[t.ID]), Current: i == e.s.rec.Progress.Current}
	}
	return out
}

// CurrentTopic is the topic being asked, with its index in the topic list.
func (e *Engine) CurrentTopic() (protocol.Topic, int, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.s == nil {
		return protocol.Topic{}, 0, fmt.Errorf("current topic: %w", ErrNoSession)
	}
	i := e.s.rec.Progress.Current
	if i < 0 || i >= len(e.s.topics) {
		return protocol.Topic{}, 0, fmt.Errorf("current topic %d: %w", i, ErrUnknownTopic)
	}
	return e.s.topics[i], i, nil
}

func (e *Engine) currentTopicID() string {
	i := e.s.rec.Progress.Current
	if i < 0 || i >= len(e.s.topics) {
		return ""
	}
	return e.s.topics[i].ID
}

// Next marks the current topic done (unless it was skipped) and moves to the next one. On the
// last topic it only marks it done; the closing is a separate step (ShowClosing).
func (e *Engine) Next(ctx context.Context) error {
	return e.navigate(ctx, "next topic", func(p *Progress, n int) error {
		if id := e.s.topics[p.Current].ID; p.Status[id] != string(TopicSkipped) {
			p.Status[id] = string(TopicDone)
		}
		if p.Current+1 < n {
			p.Current++
		}
		return nil
	})
}

// Previous goes back one topic without changing any topic's state. On the first topic it
// returns ErrEndOfTopics.
func (e *Engine) Previous(ctx context.Context) error {
	return e.navigate(ctx, "previous topic", func(p *Progress, n int) error {
		if p.Current == 0 {
			return ErrEndOfTopics
		}
		p.Current--
		return nil
	})
}

// GoToTopic jumps to a topic from the topic list without changing any topic's state.
func (e *Engine) GoToTopic(ctx context.Context, topicID string) error {
	return e.navigate(ctx, "go to topic", func(p *Progress, n int) error {
		i := slices.IndexFunc(e.s.topics, func(t protocol.Topic) bool { return t.ID == topicID })
		if i < 0 {
			return fmt.Errorf("%q: %w", topicID, ErrUnknownTopic)
		}
		p.Current = i
		return nil
	})
}

// Skip marks the current topic skipped ("prefers not to discuss") and moves to the next one.
// A panel's session refuses it (ErrNoSkipInPanel): every candidate is asked every question.
func (e *Engine) Skip(ctx context.Context) error {
	if e.Panel() {
		return fmt.Errorf("skip topic: %w", ErrNoSkipInPanel)
	}
	return e.navigate(ctx, "skip topic", func(p *Progress, n int) error {
		p.Status[e.s.topics[p.Current].ID] = string(TopicSkipped)
		if p.Current+1 < n {
			p.Current++
		}
		return nil
	})
}

// Panel reports whether the open session is a recruitment panel's (its pack is of kind panel):
// no skip and no hint to drop topics.
func (e *Engine) Panel() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.s != nil && e.s.pack != nil && e.s.pack.Kind == protocol.KindPanel
}

// Unskip returns the current topic from skipped to remaining (the interviewee changed their mind).
func (e *Engine) Unskip(ctx context.Context) error {
	return e.navigate(ctx, "unskip topic", func(p *Progress, n int) error {
		delete(p.Status, e.s.topics[p.Current].ID)
		return nil
	})
}

// navigate changes the progress during the questions and saves it.
func (e *Engine) navigate(ctx context.Context, what string, change func(p *Progress, n int) error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.s == nil {
		return fmt.Errorf("%s: %w", what, ErrNoSession)
	}
	if e.s.rec.State != StateQuestions {
		return fmt.Errorf("%s in %s: %w", what, e.s.rec.State, ErrWrongState)
	}
	next := cloneRecord(e.s.rec)
	if err := change(&next.Progress, len(e.s.topics)); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	now := e.clock.Now()
	if err := e.save(ctx, next, now); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
