package session

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"quietroom/app/protocol"
)

// Consent is what the interviewee chose on the consent screen.
type Consent struct {
	// Choices maps every consent point id of the pack to the interviewee's explicit choice.
	Choices map[string]bool
	// Signature is the optional finger-drawn signature or initials (an encoded image); it is
	// sealed before it is stored. A group's record keeps those who signed one to a line.
	Signature []byte
}

// GiveConsent records the choices of the participant whose turn it is (Info.Turn). Every
// consent point of the pack needs an explicit choice (ErrInvalidConsent otherwise; the rule is
// protocol's CheckConsent). A participant who refuses a required point does not take part, as
// by Decline. While more participants are expected, the session goes back to the preamble for
// the next one (StatePreamble). After the last, when at least one agreed, the session is stored
// for the first time with the consent of those who took part (groupConsent) and how many they
// were, and moves to the questions: the timer starts. When nobody agreed, the session is
// declined. It returns the state the session is in afterwards.
func (e *Engine) GiveConsent(ctx context.Context, c Consent) (State, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.checkMove(StateQuestions, StateConsent); err != nil {
		return e.stateLocked(), err
	}
	// The rule is the pack's, the same for a panel's candidate (protocol.CheckConsent).
	agreed, err := e.s.pack.CheckConsent(c.Choices)
	if err != nil {
		return e.s.rec.State, fmt.Errorf("give consent: %w", err)
	}
	if !agreed {
		if err := e.participantDeclines(ctx); err != nil {
			return e.s.rec.State, err
		}
		return e.s.rec.State, nil
	}
	g := &e.s.group
	g.agreed = append(g.agreed, Consent{Choices: maps.Clone(c.Choices), Signature: slices.Clone(c.Signature)})
	if !g.last() {
		e.nextParticipant()
		return e.s.rec.State, nil
	}
	if err := e.begin(ctx); err != nil {
		g.agreed = g.agreed[:len(g.agreed)-1]
		return e.s.rec.State, err
	}
	return e.s.rec.State, nil
}

// nextParticipant hands the preamble to the next participant of a group.
func (e *Engine) nextParticipant() {
	e.s.group.turn++
	e.s.rec.State = StatePreamble
	e.log.Info("next participant", "session_id", e.s.rec.ID)
}

// participantDeclines takes the participant whose turn it is out of the group: their decline
// is counted and nothing of them is kept. The group goes on with the next participant, or,
// after the last, with those who agreed; when nobody did, the session is declined.
func (e *Engine) participantDeclines(ctx context.Context) error {
	g := &e.s.group
	switch {
	case !g.last():
		if err := e.store.CountDecline(ctx, e.s.rec.EngagementID); err != nil {
			return fmt.Errorf("decline in session %s: count: %w", e.s.rec.ID, err)
		}
		e.nextParticipant()
		return nil
	case len(g.agreed) == 0:
		return e.decline(ctx)
	}
	if err := e.begin(ctx); err != nil {
		return err
	}
	// The interview has begun: a count that fails now is logged, not returned, so that the
	// screen goes on to the questions it has begun.
	if err := e.store.CountDecline(ctx, e.s.rec.EngagementID); err != nil {
		e.log.Warn("decline not counted", "session_id", e.s.rec.ID, "err", err)
	}
	return nil
}

// begin stores the session for the first time with the consent of those who took part, and
// moves to the questions: the timer starts.
func (e *Engine) begin(ctx context.Context) error {
	g := &e.s.group
	c := groupConsent(e.s.pack, g.agreed)
	now := e.clock.Now()
	id := e.s.rec.ID
	var sealedSig []byte
	if len(c.Signature) > 0 {
		var err error
		if sealedSig, err = e.s.key.Seal(recordSignature, c.Signature); err != nil {
			return fmt.Errorf("give consent: seal signature: %w", err)
		}
	}
	people := len(g.agreed)
	sealedPeople, err := e.s.key.Seal(recordParticipants, []byte(strconv.Itoa(people)))
	if err != nil {
		return fmt.Errorf("give consent: seal participants: %w", err)
	}
	before, created := e.s.rec, false
	if !e.s.persisted {
		// The session reaches the store only now: before consent nothing of it is kept.
		first := cloneRecord(e.s.rec)
		first.State = StateConsent
		first.SealedParticipants = sealedPeople
		first.UpdatedAt = now
		if err := e.store.CreateSession(ctx, first); err != nil {
			return fmt.Errorf("give consent: create session %s: %w", id, err)
		}
		e.s.rec, e.s.persisted, created = first, true, true
	}
	// undo removes a session this call created when a later write fails, so that a failed
	// consent leaves nothing stored. If even that fails, the session stays stored in the consent
	// state, and a retry, a decline or a withdrawal deals with it.
	undo := func(err error) error {
		if created && e.eraser.DestroySession(ctx, id) == nil {
			e.s.rec, e.s.persisted = before, false
		}
		return fmt.Errorf("give consent: %w", err)
	}
	cr := ConsentRecord{
		SessionID: id, PackHash: e.s.pack.Hash, Choices: c.Choices,
		SealedSignature: sealedSig, GivenAt: now,
	}
	if err := e.store.PutConsent(ctx, cr); err != nil {
		return undo(fmt.Errorf("save consent of %s: %w", id, err))
	}
	next := cloneRecord(e.s.rec)
	next.State = StateQuestions
	next.SealedParticipants = sealedPeople
	next.Timer = startTimer(next.Timer, now)
	if err := e.save(ctx, next, now); err != nil {
		return undo(err)
	}
	e.s.consent = cr
	e.s.signature = c.Signature
	g.tookPart = people
	g.forget()
	e.log.Info("consent given", "session_id", id, "participants", people)
	e.showRoom(now)
	return nil
}

// Decline takes the participant whose turn it is out of the session because they do not take
// part (from the preamble or the consent screen): nothing of them is kept but a count in the
// engagement. In a group the session goes on as GiveConsent says after a refusal: to the next
// participant's preamble, or, after the last, to the questions with those who agreed. When
// nobody takes part, the session is declined: the key is destroyed and the light goes back to
// free. Info.State says which.
func (e *Engine) Decline(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.checkMove(StateDeclined, StatePreamble, StateConsent); err != nil {
		return err
	}
	return e.participantDeclines(ctx)
}

func (e *Engine) decline(ctx context.Context) error {
	id := e.s.rec.ID
	if e.s.persisted {
		// Only after a consent that failed half-way: remove what reached the store.
		if err := e.eraser.DestroySession(ctx, id); err != nil {
			return fmt.Errorf("decline session %s: destroy: %w", id, err)
		}
		e.s.persisted = false
	}
	if err := e.store.CountDecline(ctx, e.s.rec.EngagementID); err != nil {
		return fmt.Errorf("decline session %s: count: %w", id, err)
	}
	e.s.rec.State = StateDeclined
	e.finish(e.clock.Now())
	return nil
}

// UpdateConsent changes the choice on an optional consent point, typically the willingness to be
// contacted for a follow-up discussion asked at the closing. Required points cannot be changed:
// refusing one now is a withdrawal (Withdraw).
func (e *Engine) UpdateConsent(ctx context.Context, pointID string, agreed bool) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.contentAllowed("update consent"); err != nil {
		return err
	}
	i := slices.IndexFunc(e.s.pack.Consent, func(p protocol.ConsentPoint) bool { return p.ID == pointID })
	if i < 0 {
		return fmt.Errorf("update consent: %w: %q is not a consent point of this pack", ErrInvalidConsent, pointID)
	}
	if e.s.pack.Consent[i].Required {
		return fmt.Errorf("update consent: %w: %q is required; withdraw the session instead", ErrInvalidConsent, pointID)
	}
	cr := e.s.consent
	cr.Choices = maps.Clone(cr.Choices)
	if cr.Choices == nil {
		cr.Choices = map[string]bool{}
	}
	cr.Choices[pointID] = agreed
	if err := e.store.PutConsent(ctx, cr); err != nil {
		return fmt.Errorf("update consent of %s: %w", e.s.rec.ID, err)
	}
	e.s.consent = cr
	return nil
}

// ConsentGiven returns the interviewee's choices and signature; false before consent or after a
// final state.
func (e *Engine) ConsentGiven() (Consent, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.s == nil || e.s.consent.Choices == nil {
		return Consent{}, false
	}
	return Consent{Choices: maps.Clone(e.s.consent.Choices), Signature: slices.Clone(e.s.signature)}, true
}

func (e *Engine) stateLocked() State {
	if e.s == nil {
		return ""
	}
	return e.s.rec.State
}
