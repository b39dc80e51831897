package session_test

import (
	"errors"
	"reflect"
	"testing"

	"quietroom/app/protocol"
	"quietroom/app/session"
)

// TestReviewWholeSession: after sealing and reopening, Review gives back every part of the
// session in order (topics with state, notes, answers and quotes; closing; write-up by prompt;
// consent choices), and reading it writes nothing.
func TestReviewWholeSession(t *testing.T) {
	h := newHarness(t)
	h.driveTo(session.StateQuestions) // the note on t1
	q1, err := h.eng.AddQuote(h.ctx, "t1", "I never know who to ask on a Friday", session.TagThorn)
	h.must("AddQuote", err)
	h.must("Next", h.eng.Next(h.ctx))
	h.must("SetAnswer", h.eng.SetAnswer(h.ctx, "t2", 7))
	h.must("Next", h.eng.Next(h.ctx))
	h.must("Skip", h.eng.Skip(h.ctx))
	h.must("Previous", h.eng.Previous(h.ctx)) // t4 is left as it was
	h.must("ShowClosing", h.eng.ShowClosing(h.ctx))
	h.must("SetClosingAnswer", h.eng.SetClosingAnswer(h.ctx, "nothing else, thanks"))
	h.must("UpdateConsent", h.eng.UpdateConsent(h.ctx, followUp, true))
	h.must("StartWriteUp", h.eng.StartWriteUp(h.ctx))
	q2, err := h.eng.AddQuote(h.ctx, "", "more time with the children", session.TagBud)
	h.must("AddQuote", err)
	h.must("SetWriteUp", h.eng.SetWriteUp(h.ctx, protocol.WriteUpSaid, "the huddle works"))
	_, err = h.eng.AddReflection(h.ctx, "guarded at first", session.TagNone)
	h.must("AddReflection", err)
	h.must("Seal", h.eng.Seal(h.ctx))

	h.eng = h.newEngine()
	key, err := h.keys.Open(h.id)
	h.must("Keys.Open", err)
	h.must("Reopen", h.eng.Reopen(h.ctx, h.id, key))

	before := h.store.Snapshot()
	puts := h.store.Calls("PutEntry") + h.store.Calls("UpdateSession") + h.store.Calls("PutConsent")
	r, err := h.eng.Review()
	h.must("Review", err)
	if after := h.store.Snapshot(); !reflect.DeepEqual(before, after) {
		t.Error("Review changed the store")
	}
	if got := h.store.Calls("PutEntry") + h.store.Calls("UpdateSession") + h.store.Calls("PutConsent"); got != puts {
		t.Errorf("store writes during Review = %d, want 0", got-puts)
	}

	if r.ID != h.id || r.Label != "foster carers" || r.PackTitle != "360 interview" || r.State != session.StateWriteUp {
		t.Errorf("Review() head = %q %q %q %q, want the session, its label, its pack and write-up", r.ID, r.Label, r.PackTitle, r.State)
	}
	if !r.DeletionDate.Equal(testEngagement().DeletionDate) {
		t.Errorf("Review().DeletionDate = %v, want %v", r.DeletionDate, testEngagement().DeletionDate)
	}
	type topic struct {
		ID       string
		State    session.TopicState
		Note     string
		Answer   int
		Answered bool
		Quotes   int
	}
	var got []topic
	for _, tp := range r.Topics {
		got = append(got, topic{tp.Topic.ID, tp.State, tp.Note, tp.Answer, tp.Answered, len(tp.Quotes)})
	}
	want := []topic{
		{"t1", session.TopicDone, "works well: the weekly huddle", 0, false, 1},
		{"t2", session.TopicDone, "", 7, true, 0},
		{"t3", session.TopicSkipped, "", 0, false, 0},
		{"t4", session.TopicRemaining, "", 0, false, 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Review().Topics = %+v, want %+v", got, want)
	}
	if q := r.Topics[0].Quotes[0]; q.ID != q1 || q.Tag != session.TagThorn || q.Text != "I never know who to ask on a Friday" {
		t.Errorf("topic t1's quote = %+v, want the whole quote, tagged thorn", q)
	}
	if r.Topics[1].Topic.Scale == nil || r.Topics[1].Topic.Scale.MaxLabel != "fully" {
		t.Errorf("topic t2 = %+v, want its scale with the end labels", r.Topics[1].Topic)
	}
	if len(r.Quotes) != 1 || r.Quotes[0].ID != q2 || r.Quotes[0].Tag != session.TagBud {
		t.Errorf("Review().Quotes = %+v, want the quote not about a topic", r.Quotes)
	}
	if r.ClosingQuestion != "Anything else we should have asked?" || r.ClosingAnswer != "nothing else, thanks" {
		t.Errorf("Review() closing = %q: %q, want the question and its answer", r.ClosingQuestion, r.ClosingAnswer)
	}
	if len(r.WriteUp) != 3 || r.WriteUp[0].Prompt.ID != protocol.WriteUpSaid || r.WriteUp[0].Text != "the huddle works" || r.WriteUp[1].Text != "" {
		t.Errorf("Review().WriteUp = %+v, want the three prompts with the first answered", r.WriteUp)
	}
	if len(r.Reflections) != 1 || r.Reflections[0].Text != "guarded at first" {
		t.Errorf("Review().Reflections = %+v, want the one reflection not under a prompt", r.Reflections)
	}
	wantConsent := []bool{true, true, true}
	for i, c := range r.Consent {
		if !c.Chosen || c.Agreed != wantConsent[i] {
			t.Errorf("Review().Consent[%d] = %+v, want chosen, agreed %v", i, c, wantConsent[i])
		}
	}
	if len(r.Consent) != 3 || r.Signed {
		t.Errorf("Review() consent = %d points, signed %v; want 3, not signed", len(r.Consent), r.Signed)
	}

	// The review is a copy: changing it changes nothing in the engine.
	r.Topics[0].Quotes[0].Text = "changed"
	if got := h.eng.Quotes()[0].Text; got != "I never know who to ask on a Friday" {
		t.Errorf("Quotes()[0] after changing the review = %q, want it unchanged", got)
	}
	if got := len(h.eng.Quotes()); got != 2 {
		t.Errorf("len(Quotes()) = %d, want 2", got)
	}
}

// TestReviewOnlyWithContent: there is nothing to read before consent, without a session, or
// once the session is sealed or gone (its plaintext has left memory).
func TestReviewOnlyWithContent(t *testing.T) {
	for _, tc := range []struct {
		state session.State
		want  error
	}{
		{"", session.ErrNoSession},
		{session.StatePreamble, session.ErrWrongState},
		{session.StateConsent, session.ErrWrongState},
		{session.StateSealed, session.ErrWrongState},
		{session.StateWithdrawn, session.ErrWrongState},
		{session.StateDeclined, session.ErrWrongState},
		{session.StateQuestions, nil},
		{session.StateClosing, nil},
		{session.StateWriteUp, nil},
	} {
		t.Run(string(tc.state), func(t *testing.T) {
			h := newHarness(t)
			h.driveTo(tc.state)
			r, err := h.eng.Review()
			if !errors.Is(err, tc.want) {
				t.Fatalf("Review() in %q = %v, want %v", tc.state, err, tc.want)
			}
			if err != nil && !reflect.DeepEqual(r, session.Review{}) {
				t.Errorf("Review() in %q = %+v with its error, want nothing", tc.state, r)
			}
			if tc.want != nil && h.eng.Quotes() != nil {
				t.Errorf("Quotes() in %q = %v, want none", tc.state, h.eng.Quotes())
			}
		})
	}
}
