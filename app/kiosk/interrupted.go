package kiosk

import (
	"context"
	"fmt"
)

// Interrupted reports whether a session was left live when the kiosk last stopped (consent
// given, not yet sealed) and nobody has continued it yet: the room is in use although no
// interviewer is signed in, so the light shows occupied until that interviewer signs in,
// continues it from their own list and seals it. It reads only metadata: the content stays
// sealed to the interviewer. While the engine has a session of its own, the engine is in charge
// of the light and Interrupted reports false.
func (k *Kiosk) Interrupted(ctx context.Context) (bool, error) {
	if k.engine.State() != "" && !k.engine.State().Final() {
		return false, nil
	}
	ivs, err := k.d.Interviewers.Interviewers(ctx)
	if err != nil {
		return false, fmt.Errorf("look for an interrupted session: %w", err)
	}
	for _, iv := range ivs {
		recs, err := k.d.Sessions.SessionsOf(ctx, iv.ID)
		if err != nil {
			return false, fmt.Errorf("look for an interrupted session: %w", err)
		}
		for _, r := range recs {
			if !r.State.Final() {
				k.light.SetInterrupted(true)
				return true, nil
			}
		}
	}
	k.light.SetInterrupted(false)
	return false, nil
}
