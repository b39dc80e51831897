package panel

import (
	"fmt"
	"slices"
	"time"
)

// Withdrawal is why a candidate leaves the recruitment without being decided on. A withdrawn
// candidate stays on the record with the reason; they are not interviewed or scored after it,
// and the decision and the grid go on without them.
type Withdrawal string

const (
	// WithdrawDeclined: the candidate withdrew from the recruitment (before or after their
	// interview).
	WithdrawDeclined Withdrawal = "declined"
	// WithdrawNoShow: the candidate did not attend their interview.
	WithdrawNoShow Withdrawal = "did-not-attend"
	// WithdrawError: the number was entered in error (a typo, a candidate not shortlisted).
	WithdrawError Withdrawal = "entered-in-error"
	// WithdrawNoConsent: the candidate declined to consent to their interview, on the kiosk's
	// information or consent screen (DeclineConsent), before it started. It is theirs alone:
	// no form offers it, so nobody else can record it for them.
	WithdrawNoConsent Withdrawal = "declined-consent"
)

// Withdrawals lists the reasons in the order a form offers them.
func Withdrawals() []Withdrawal {
	return []Withdrawal{WithdrawDeclined, WithdrawNoShow, WithdrawError}
}

// Withdraw takes a candidate out of the recruitment with a reason, until the decision. A
// candidate who has been interviewed can only have withdrawn themselves (WithdrawDeclined):
// they did attend, and their number was right. Their sheets stay on the record.
func (r *Recruitment) Withdraw(number string, why Withdrawal, now time.Time) error {
	if r.Decision != nil {
		return ErrDecided
	}
	i, ok := r.candidate(number)
	if !ok {
		return invalid("candidate number", "no candidate has that number")
	}
	c := &r.Candidates[i]
	if c.Withdrawn() {
		return invalid("candidate "+c.Number, "this candidate has already been withdrawn")
	}
	if !slices.Contains(Withdrawals(), why) {
		return invalid("reason", "choose why the candidate is withdrawn: they withdrew, did not attend, or the number was entered in error")
	}
	if !c.InterviewedAt.IsZero() && why != WithdrawDeclined {
		return invalid("reason", fmt.Sprintf("candidate %s has been interviewed: only their own withdrawal takes them off the recruitment", c.Number))
	}
	c.Withdrawal, c.WithdrawnAt = why, now
	return nil
}

// DeclineConsent records that the candidate declined to consent to their interview: they said
// so themselves on the information or consent screen, before the interview started. They are
// withdrawn with that reason (WithdrawNoConsent), distinct from a candidate who withdrew from the
// recruitment, and stay on the record with it.
func (r *Recruitment) DeclineConsent(number string, now time.Time) error {
	if r.Decision != nil {
		return ErrDecided
	}
	i, ok := r.candidate(number)
	if !ok {
		return invalid("candidate number", "no candidate has that number")
	}
	c := &r.Candidates[i]
	if c.Withdrawn() {
		return invalid("candidate "+c.Number, "this candidate has already been withdrawn")
	}
	if !c.InterviewedAt.IsZero() {
		return invalid("candidate "+c.Number, "the interview has started: only the candidate's own withdrawal takes them off the recruitment")
	}
	c.Withdrawal, c.WithdrawnAt = WithdrawNoConsent, now
	return nil
}

// Active lists the candidates who have not been withdrawn, in the order they were added.
func (r *Recruitment) Active() []Candidate {
	var out []Candidate
	for _, c := range r.Candidates {
		if !c.Withdrawn() {
			out = append(out, c)
		}
	}
	return out
}

// Blocker is one thing that keeps the decision from being recorded: a candidate still to be
// interviewed (NotInterviewed), the panel's discussion not recorded yet in the guide's order
// (Discussion, with Candidate ""), or the members still to submit their scores of a candidate
// (Waiting, member ids). Candidate is "" when the recruitment has no candidate at all.
type Blocker struct {
	Candidate      string
	NotInterviewed bool
	Discussion     bool
	Waiting        []string
}

// DecisionBlockers says what keeps the decision from being recorded, one entry per candidate
// still in the recruitment: nil when the appointing officer can decide (or already has). A
// withdrawn candidate never blocks it.
func (r *Recruitment) DecisionBlockers() []Blocker {
	if r.Decision != nil {
		return nil
	}
	if len(r.Candidates) == 0 {
		return []Blocker{{}}
	}
	var out []Blocker
	// In the guide's order nobody scores before the discussion: until it is recorded, the
	// decision waits for the candidates to be seen, then for the discussion.
	before := r.ScoringOrder() == OrderGuide && r.Discussion == nil
	for _, c := range r.Active() {
		switch {
		case c.InterviewedAt.IsZero():
			out = append(out, Blocker{Candidate: c.Number, NotInterviewed: true})
		case before:
		case !r.AllScored(c.Number):
			out = append(out, Blocker{Candidate: c.Number, Waiting: r.Waiting(c.Number)})
		}
	}
	if before && len(out) == 0 && len(r.Active()) > 0 {
		out = append(out, Blocker{Discussion: true})
	}
	return out
}
