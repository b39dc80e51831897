package panel

import (
	"fmt"
	"time"
)

// Decision is the appointing officer's outcome of the recruitment.
type Decision struct {
	// Selected is the selected candidate's number; "" when no candidate is appointed.
	Selected string
	Reasons  string
	By       string // the appointing officer's member id
	At       time.Time
}

// Decide records the decision: by the appointing officer, after every candidate still in the
// recruitment was scored by every member (a withdrawn one is not waited for), with reasons;
// Selected is the number of a candidate not withdrawn, or "" for none. It is final.
func (r *Recruitment) Decide(memberID, selected, reasons string, now time.Time) error {
	m, err := r.Member(memberID)
	if err != nil {
		return err
	}
	if !m.Has(RoleAppointingOfficer) {
		return ErrNotAppointingOfficer
	}
	if r.Decision != nil {
		return ErrDecided
	}
	if !r.AllCandidatesScored() {
		return ErrNotAllScored
	}
	if selected != noCandidateLabel {
		c, ok := r.Candidate(selected)
		if !ok {
			return invalid("selected candidate", "choose one of the candidates, or no appointment")
		}
		if c.Withdrawn() {
			return fmt.Errorf("candidate %s: %w", c.Number, ErrWithdrawn)
		}
		selected = c.Number
	}
	if err := checkText("reasons", reasons, MaxDecisionLen, true); err != nil {
		return err
	}
	r.Decision = &Decision{Selected: selected, Reasons: reasons, By: memberID, At: now}
	return nil
}
