package session

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"quietroom/app/protocol"
)

// Consent is what the interviewee chose on the consent screen.
type Consent struct {
	// Choices maps every consent point id of the pack to the interviewee's explicit choice.
	Choices map[string]bool
	// Signature is the optional finger-drawn signature or initials (an encoded image); it is
	// sealed before it is stored.
	Signature []byte
}

// GiveConsent records the interviewee's choices. Every consent point of the pack needs an
// explicit choice (ErrInvalidConsent otherwise; the rule is protocol's CheckConsent). When every required point is agreed, the session
// is stored for the first time, with its consent record, and moves to the questions: the timer
// starts. When a required point is refused, the session is declined exactly as by Decline. It
// returns the state the session is in afterwards.
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
		if err := e.decline(ctx); err != nil {
			return e.s.rec.State, err
		}
		return e.s.rec.State, nil
	}

	now := e.clock.Now()
	id := e.s.rec.ID
	var sealedSig []byte
	if len(c.Signature) > 0 {
		var err error
		if sealedSig, err = e.s.key.Seal(recordSignature, c.Signature); err != nil {
			return e.s.rec.State, fmt.Errorf("give consent: seal signature: %w", err)
		}
	}
	before, created := e.s.rec, false
	if !e.s.persisted {
		// The session reaches the store only now: before consent nothing of it is kept.
		first := cloneRecord(e.s.rec)
		first.UpdatedAt = now
		if err := e.store.CreateSession(ctx, first); err != nil {
			return e.s.rec.State, fmt.Errorf("give consent: create session %s: %w", id, err)
		}
		e.s.rec, e.s.persisted, created = first, true, true
	}
	// undo removes a session this call created when a later write fails, so that a failed
	// consent leaves nothing stored. If even that fails, the session stays stored in the consent
	// state, and a retry, a decline or a withdrawal deals with it.
	undo := func(err error) (State, error) {
		if created && e.eraser.DestroySession(ctx, id) == nil {
			e.s.rec, e.s.persisted = before, false
		}
		return e.s.rec.State, fmt.Errorf("give consent: %w", err)
	}
	cr := ConsentRecord{
		SessionID: id, PackHash: e.s.pack.Hash, Choices: maps.Clone(c.Choices),
		SealedSignature: sealedSig, GivenAt: now,
	}
	if err := e.store.PutConsent(ctx, cr); err != nil {
		return undo(fmt.Errorf("save consent of %s: %w", id, err))
	}
	next := cloneRecord(e.s.rec)
	next.State = StateQuestions
	next.Timer = startTimer(next.Timer, now)
	if err := e.save(ctx, next, now); err != nil {
		return undo(err)
	}
	e.s.consent = cr
	e.s.signature = slices.Clone(c.Signature)
	e.log.Info("consent given", "session_id", id)
	e.showRoom(now)
	return e.s.rec.State, nil
}

// Decline ends the session because the interviewee does not take part (from the preamble or the
// consent screen): nothing is kept but a count in the engagement, the key is destroyed and the
// light goes back to free.
func (e *Engine) Decline(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.checkMove(StateDeclined, StatePreamble, StateConsent); err != nil {
		return err
	}
	return e.decline(ctx)
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
