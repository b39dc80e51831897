package panel

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Errors of the panel's order and of what follows the decision.
var (
	// ErrNotYetScoring: in the guide's order the panel scores after it has seen every
	// candidate and recorded its discussion.
	ErrNotYetScoring = errors.New("the panel scores after its discussion: once every candidate has been seen, the person leading the interview records the discussion, then each member scores on their own")
	// ErrNotAllSeen: the discussion is recorded once every candidate still in the recruitment
	// has been interviewed.
	ErrNotAllSeen = errors.New("the panel meets to discuss once every candidate has been seen: interview the others, or withdraw those who will not come")
	// ErrDiscussed: the discussion has been recorded and cannot change.
	ErrDiscussed = errors.New("the discussion has been recorded and cannot be changed")
	// ErrNotLead: only the member leading the interview does this.
	ErrNotLead = errors.New("only the person leading the interview can do this: ask them to sign in")
	// ErrNotDecidedYet: what follows the decision waits for it.
	ErrNotDecidedYet = errors.New("this comes after the decision: the appointing officer records the decision first")
	// ErrNotPartner: only the service user or carer gives their own feedback.
	ErrNotPartner = errors.New("only the service user or carer on the panel gives this feedback, signed in with their own PIN")
)

// Order is when the members score: the guide's (every candidate seen, then the discussion,
// then the scores) or the organisation's own choice of scoring after each candidate.
type Order string

const (
	// OrderGuide is the guide's order (seed 004): "Once all candidates have been seen the
	// panel will: Meet to discuss their thoughts on each person; Score each candidate's
	// responses", then the decision. Members keep their own notes per candidate while the
	// candidates are seen; nobody scores before the discussion is recorded.
	OrderGuide Order = "after-all"
	// OrderEachCandidate is scoring each candidate after their interview, for an organisation
	// whose scoring process says so (the guide: the organisation's process "does need to be
	// followed precisely"). The discussion may still be recorded; it is not required.
	OrderEachCandidate Order = "after-each"
)

// Orders lists the orders in the order a form offers them: the guide's first.
func Orders() []Order { return []Order{OrderGuide, OrderEachCandidate} }

// ScoringOrder is the recruitment's order: the guide's unless the panel chose otherwise.
func (r *Recruitment) ScoringOrder() Order {
	if r.Order == "" {
		return OrderGuide
	}
	return r.Order
}

// SetOrder sets when the members score, before the first candidate's interview.
func (r *Recruitment) SetOrder(o Order) error {
	if r.Frozen() {
		return fmt.Errorf("%w: the order of the panel is set before the first candidate", ErrFrozen)
	}
	if !slices.Contains(Orders(), o) {
		return invalid("order", "choose the guide's order (score after every candidate has been seen and discussed) or scoring after each candidate")
	}
	r.Order = o
	return nil
}

// LeadID is the member leading the interview: the one the panel chose (Lead), else the
// appointing officer, "the person who is leading the interview" in the guide.
func (r *Recruitment) LeadID() string {
	if r.Lead != "" {
		if m, err := r.Member(r.Lead); err == nil && mayLead(m) {
			return r.Lead
		}
	}
	if ao := r.WithRole(RoleAppointingOfficer); len(ao) > 0 {
		return ao[0].ID
	}
	return ""
}

func mayLead(m Member) bool { return m.Has(RoleAppointingOfficer) || m.Has(RoleChair) }

// SetLead chooses who leads the interview: the appointing officer or the chair. It may
// change until the decision (the appointing officer taken ill on the day, say).
func (r *Recruitment) SetLead(memberID string) error {
	if r.Decision != nil {
		return ErrDecided
	}
	m, err := r.Member(memberID)
	if err != nil {
		return err
	}
	if !mayLead(m) {
		return invalid("leading the interview", "choose the appointing officer or the chair")
	}
	r.Lead = memberID
	return nil
}

// IsLead reports whether the member leads the interview.
func (r *Recruitment) IsLead(memberID string) bool { return memberID != "" && r.LeadID() == memberID }

// RequireLead is nil for the member leading the interview, ErrNotLead for any other member.
func (r *Recruitment) RequireLead(memberID string) error {
	if _, err := r.Member(memberID); err != nil {
		return err
	}
	if !r.IsLead(memberID) {
		return ErrNotLead
	}
	return nil
}

// AllSeen reports whether every candidate still in the recruitment was interviewed (and
// there is at least one): when the panel meets to discuss.
func (r *Recruitment) AllSeen() bool {
	act := r.Active()
	if len(act) == 0 {
		return false
	}
	for _, c := range act {
		if c.InterviewedAt.IsZero() {
			return false
		}
	}
	return true
}

// Discussion is the panel's meeting to discuss its thoughts on each person: that it happened
// (who recorded it, when) and, per candidate number, what the panel agreed to note ("" for
// nothing). It is the panel's shared record, not a member's notes.
type Discussion struct {
	By    string // the member leading the interview, who recorded it
	At    time.Time
	Notes map[string]string
}

// MaxDiscussionLen is the longest note the panel agrees for one candidate.
const MaxDiscussionLen = 1000

// CheckDiscussion checks a discussion's notes without recording it.
func (r *Recruitment) CheckDiscussion(memberID string, notes map[string]string) error {
	if r.Decision != nil {
		return ErrDecided
	}
	if err := r.RequireLead(memberID); err != nil {
		return err
	}
	if r.Discussion != nil {
		return ErrDiscussed
	}
	if !r.AllSeen() {
		return ErrNotAllSeen
	}
	for n, text := range notes {
		c, ok := r.Candidate(n)
		if !ok || c.Withdrawn() {
			return invalid("discussion", fmt.Sprintf("candidate %s is not one the panel discussed", n))
		}
		if err := checkText("discussion of candidate "+c.Number, text, MaxDiscussionLen, false); err != nil {
			return err
		}
	}
	return nil
}

// RecordDiscussion records that the panel met to discuss each candidate, with what it agreed
// to note per candidate: by the member leading the interview, once every candidate still in
// the recruitment has been seen, before the decision. It is final. In the guide's order the
// members score after it.
func (r *Recruitment) RecordDiscussion(memberID string, notes map[string]string, now time.Time) error {
	if err := r.CheckDiscussion(memberID, notes); err != nil {
		return err
	}
	d := &Discussion{By: memberID, At: now, Notes: map[string]string{}}
	for n, text := range notes {
		if strings.TrimSpace(text) == "" {
			continue
		}
		c, _ := r.Candidate(n)
		d.Notes[c.Number] = text
	}
	r.Discussion = d
	return nil
}

// Discussed reports whether the panel's discussion was recorded.
func (r *Recruitment) Discussed() bool { return r.Discussion != nil }

// MayScore says whether members may score the candidate now: nil, or ErrNotYetScoring in the
// guide's order before the discussion.
func (r *Recruitment) MayScore(candidate string) error {
	if _, err := r.interviewed(candidate); err != nil {
		return err
	}
	if r.ScoringOrder() == OrderGuide && r.Discussion == nil {
		return ErrNotYetScoring
	}
	return nil
}

// Phase is where the recruitment stands, for the screens to offer the next step.
type Phase int

const (
	// PhaseSetUp: before the first candidate (post, scale, questions, candidates, order).
	PhaseSetUp Phase = iota
	// PhaseInterviews: candidates are being seen (and, scoring after each, scored).
	PhaseInterviews
	// PhaseDiscussion: in the guide's order, every candidate seen and the discussion not yet
	// recorded.
	PhaseDiscussion
	// PhaseScoring: members score (in the guide's order, after the discussion).
	PhaseScoring
	// PhaseDecision: every candidate scored by every member; the appointing officer decides.
	PhaseDecision
	// PhaseDecided: the decision is recorded; what follows it (telling the service user or
	// carer, their feedback, candidates' feedback requests) is recorded now.
	PhaseDecided
)

// Phase says where the recruitment stands.
func (r *Recruitment) Phase() Phase {
	switch {
	case r.Decision != nil:
		return PhaseDecided
	case r.AllCandidatesScored():
		return PhaseDecision
	case !r.Frozen():
		return PhaseSetUp
	}
	if r.ScoringOrder() == OrderGuide {
		switch {
		case !r.AllSeen():
			return PhaseInterviews
		case r.Discussion == nil:
			return PhaseDiscussion
		}
		return PhaseScoring
	}
	if !r.AllSeen() {
		return PhaseInterviews
	}
	return PhaseScoring
}

// ChecksAndReferences is the guide's sentence the record carries after the decision.
const ChecksAndReferences = "All offers of employment will be subject to checks and references."

// OutcomeTold is the appointing officer's record that they told the service user or carer
// who the successful candidate is (the guide: "The Appointing Officer should contact you
// after the interview to confirm who the successful candidate is").
type OutcomeTold struct {
	PartnerID string
	By        string // the appointing officer
	At        time.Time
}

// RecordOutcomeTold records that the appointing officer told the service user or carer the
// outcome, after the decision. Recorded again, it keeps the first.
func (r *Recruitment) RecordOutcomeTold(memberID, partnerID string, now time.Time) error {
	m, err := r.Member(memberID)
	if err != nil {
		return err
	}
	if !m.Has(RoleAppointingOfficer) {
		return ErrNotAppointingOfficer
	}
	if r.Decision == nil {
		return ErrNotDecidedYet
	}
	p, err := r.Member(partnerID)
	if err != nil || !p.Has(RolePartner) {
		return invalid("service user or carer", "choose the panel's service user or carer")
	}
	if _, ok := r.Told(partnerID); ok {
		return nil
	}
	r.OutcomesTold = append(r.OutcomesTold, OutcomeTold{PartnerID: partnerID, By: memberID, At: now})
	return nil
}

// Told returns the record that the service user or carer was told the outcome.
func (r *Recruitment) Told(partnerID string) (OutcomeTold, bool) {
	for _, t := range r.OutcomesTold {
		if t.PartnerID == partnerID {
			return t, true
		}
	}
	return OutcomeTold{}, false
}

// PartnerFeedback is the service user or carer's feedback to the appointing officer about
// the panel (the guide: "what went well, what could be improved"), in their own words.
type PartnerFeedback struct {
	PartnerID    string
	WentWell     string
	CouldImprove string
	At           time.Time
}

// MaxFeedbackLen is the longest answer to each of the feedback's two questions.
const MaxFeedbackLen = 2000

// CheckFeedback checks the service user or carer's feedback without recording it.
func (r *Recruitment) CheckFeedback(memberID string, f PartnerFeedback) error {
	m, err := r.Member(memberID)
	if err != nil {
		return err
	}
	if !m.Has(RolePartner) || f.PartnerID != memberID {
		return ErrNotPartner
	}
	if r.Decision == nil {
		return ErrNotDecidedYet
	}
	if err := checkText("what went well", f.WentWell, MaxFeedbackLen, false); err != nil {
		return err
	}
	if err := checkText("what could be improved", f.CouldImprove, MaxFeedbackLen, false); err != nil {
		return err
	}
	if strings.TrimSpace(f.WentWell) == "" && strings.TrimSpace(f.CouldImprove) == "" {
		return invalid("feedback", "write what went well, what could be improved, or both")
	}
	return nil
}

// GiveFeedback records the service user or carer's own feedback, after the decision, kept
// exactly as typed. Given again, it replaces their earlier feedback.
func (r *Recruitment) GiveFeedback(memberID string, f PartnerFeedback) error {
	if err := r.CheckFeedback(memberID, f); err != nil {
		return err
	}
	for i := range r.Feedback {
		if r.Feedback[i].PartnerID == f.PartnerID {
			r.Feedback[i] = f
			return nil
		}
	}
	r.Feedback = append(r.Feedback, f)
	return nil
}

// FeedbackOf returns the service user or carer's feedback.
func (r *Recruitment) FeedbackOf(partnerID string) (PartnerFeedback, bool) {
	for _, f := range r.Feedback {
		if f.PartnerID == partnerID {
			return f, true
		}
	}
	return PartnerFeedback{}, false
}

// FeedbackRequest is a candidate's request for feedback on the decision (the guide: the
// appointing officer will "inform them of the decision and provide feedback if requested").
type FeedbackRequest struct {
	Candidate string
	Asked     bool
	At        time.Time
}

// SetFeedbackRequested records whether a candidate asked for feedback: the appointing officer
// or the chair, at any time (a candidate may ask at the end of their interview or when told
// the decision); false takes back a request tapped in error.
func (r *Recruitment) SetFeedbackRequested(memberID, candidate string, asked bool, now time.Time) error {
	m, err := r.Member(memberID)
	if err != nil {
		return err
	}
	if !m.Has(RoleAppointingOfficer) && !m.Has(RoleChair) {
		return invalid("feedback request", "the appointing officer or the chair records it")
	}
	i, ok := r.candidate(candidate)
	if !ok {
		return invalid("candidate number", "no candidate has that number")
	}
	n := r.Candidates[i].Number
	fr := FeedbackRequest{Candidate: n, Asked: asked, At: now}
	for j := range r.FeedbackRequests {
		if r.FeedbackRequests[j].Candidate == n {
			r.FeedbackRequests[j] = fr
			return nil
		}
	}
	r.FeedbackRequests = append(r.FeedbackRequests, fr)
	return nil
}

// FeedbackRequested reports whether the candidate asked for feedback.
func (r *Recruitment) FeedbackRequested(candidate string) bool {
	for _, f := range r.FeedbackRequests {
		if strings.EqualFold(f.Candidate, strings.TrimSpace(candidate)) {
			return f.Asked
		}
	}
	return false
}
