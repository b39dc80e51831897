package panels

import (
	"bytes"
	"errors"
	"slices"
	"strings"

	"quietroom/app/kiosk"
	"quietroom/app/panel"
)

// ErrConfirmed: the service user or carer's confirmation of understanding is signed already;
// the signed sheet is kept as it is.
var ErrConfirmed = errors.New("the service user or carer has already signed the confirmation of understanding: the signed sheet is kept as it is")

// PanelView is what a panel member's screens show of the recruitment, and what this member
// may do now (Can). It is a copy, made under the kiosk's lock: changing it changes nothing,
// and it holds nobody's scores (Sheet, Sheets and Grid give those, as panel's MayRead lets
// this member read them).
type PanelView struct {
	EngagementID string
	Post         panel.Post
	// Me is the member signed in, with their roles; Members the whole panel, in its order.
	Me      panel.Member
	Members []panel.Member
	Scale   panel.Scale
	// ScaleSet: the organisation's scale is set (not the built-in placeholder).
	ScaleSet  bool
	Questions []panel.Question
	// Frozen: the first candidate has been interviewed, so the question set and the scale
	// are fixed.
	Frozen     bool
	Candidates []PanelCandidate
	// Confirmations are the signed confirmations of understanding; Unconfirmed the service
	// users or carers who have not signed theirs yet; Staff the members who may sign one as
	// the member of staff.
	Confirmations []panel.Confirmation
	Unconfirmed   []panel.Member
	Staff         []panel.Member
	// Decision is the appointing officer's decision; nil before it is recorded.
	Decision *panel.Decision
	// Blockers say what keeps the decision from being recorded (nil once it can be, or is).
	Blockers []panel.Blocker
	// NotReady says what keeps a candidate's interview from starting; nil when nothing does.
	NotReady error
	// Can is what this member may do now. Every action is refused by its method as well,
	// whatever a screen offers.
	Can PanelActions
}

// PanelCandidate is a candidate as the member's screens show them.
type PanelCandidate struct {
	panel.Candidate
	// Interviewed: their interview has started (and they are not withdrawn).
	Interviewed bool
	// Submitted: this member has submitted their scores of the candidate (and so may read the
	// others').
	Submitted bool
	// MayScore says whether the members may score the candidate now (panel's MayScore: nil,
	// or why not).
	MayScore error
	// Waiting are the members (ids) still to submit their scores; ScoredByAll when none is
	// and the candidate is interviewed.
	Waiting     []string
	ScoredByAll bool
}

// PanelAction is one thing a member may do: Offered when their role on the panel has it (a
// screen shows it to them at all), and Why it is refused now (nil: it is open).
type PanelAction struct {
	Offered bool
	Why     error
}

// Open reports whether the member may do it now.
func (a PanelAction) Open() bool { return a.Offered && a.Why == nil }

// PanelActions are the actions of a panel member and whether each is open to them now.
type PanelActions struct {
	// EditSetup: the scale, the question set (its order, who asks, the anchors) and the post;
	// the chair or the appointing officer, before the first interview.
	EditSetup PanelAction
	// ContributeQuestion: any member adds their own question, before the first interview.
	ContributeQuestion PanelAction
	// Candidates: adding and withdrawing candidates; the chair or the appointing officer,
	// until the decision.
	Candidates PanelAction
	// Interview: a candidate's consent and interview; the member leading the interviews
	// (panel's LeadID), until the decision (NotReady says what must be done before a
	// candidate can start).
	Interview PanelAction
	// Score: scoring a candidate (some candidate has been interviewed and, in the guide's
	// order, the discussion recorded: panel's MayScore; each candidate's MayScore says which).
	Score PanelAction
	// Confirm: signing a service user or carer's confirmation of understanding (one is still
	// to sign).
	Confirm PanelAction
	// Decide: the appointing officer, once every candidate is scored by every member, once.
	Decide PanelAction
	// Export: the appointing officer, after the decision.
	Export PanelAction
	// Order: when the members score (SetOrder); the chair or the appointing officer, before
	// the first interview.
	Order PanelAction
	// Lead: who leads the interviews (SetLead); the chair or the appointing officer, until the
	// decision.
	Lead PanelAction
	// Discuss: recording the panel's discussion (RecordDiscussion); the member leading, once
	// every candidate has been seen, once, before the decision.
	Discuss PanelAction
	// TellOutcome: recording that the service user or carer was told the outcome
	// (RecordOutcomeTold); the appointing officer, after the decision.
	TellOutcome PanelAction
	// GiveFeedback: the service user or carer's own feedback (GiveFeedback), after the
	// decision.
	GiveFeedback PanelAction
	// FeedbackRequests: recording which candidates asked for feedback (SetFeedbackRequested);
	// the chair or the appointing officer, at any time.
	FeedbackRequests PanelAction
}

// panelAction names an action for may.
type panelAction int

const (
	actEditSetup panelAction = iota
	actContribute
	actCandidates
	actInterview
	actScore
	actConfirm
	actDecide
	actExport
	actOrder
	actLead
	actDiscuss
	actTellOutcome
	actFeedback
	actFeedbackRequests
)

// may is the one place that says whether this member may do a on the recruitment now:
// whether their role has it at all (offered), and why it is refused now (nil: it is open).
// The view (State) and the action methods both ask it.
func (p *PanelMember) may(r *panel.Recruitment, a panelAction) (offered bool, why error) {
	me, err := r.Member(p.id)
	if err != nil {
		return false, err
	}
	leads := me.Has(panel.RoleChair) || me.Has(panel.RoleAppointingOfficer)
	appoints := me.Has(panel.RoleAppointingOfficer)
	switch a {
	case actEditSetup:
		if !leads {
			return false, ErrNotChair
		}
		if r.Frozen() {
			return true, panel.ErrFrozen
		}
	case actContribute:
		if r.Frozen() {
			return true, panel.ErrFrozen
		}
	case actCandidates:
		if !leads {
			return false, ErrNotChair
		}
		if r.Decision != nil {
			return true, panel.ErrDecided
		}
	case actInterview:
		if err := r.RequireLead(p.id); err != nil {
			return false, err
		}
		if r.Decision != nil {
			return true, panel.ErrDecided
		}
	case actScore:
		// Open while some candidate may be scored now (panel's MayScore); the first refusal
		// says why not.
		why := panel.ErrNotInterviewed
		for _, c := range r.Interviewed() {
			if why = r.MayScore(c.Number); why == nil {
				break
			}
		}
		if why != nil {
			return true, why
		}
	case actConfirm:
		if len(unconfirmed(r)) == 0 {
			return true, ErrConfirmed
		}
	case actDecide:
		if !appoints {
			return false, panel.ErrNotAppointingOfficer
		}
		if r.Decision != nil {
			return true, panel.ErrDecided
		}
		if !r.AllCandidatesScored() {
			return true, panel.ErrNotAllScored
		}
	case actExport:
		if !appoints {
			return false, panel.ErrNotAppointingOfficer
		}
		if r.Decision == nil {
			return true, ErrNotDecided
		}
	case actOrder:
		if !leads {
			return false, ErrNotChair
		}
		if r.Frozen() {
			return true, panel.ErrFrozen
		}
	case actLead:
		if !leads {
			return false, ErrNotChair
		}
		if r.Decision != nil {
			return true, panel.ErrDecided
		}
	case actDiscuss:
		if err := r.RequireLead(p.id); err != nil {
			return false, err
		}
		if err := r.CheckDiscussion(p.id, nil); err != nil {
			return true, err
		}
	case actTellOutcome:
		if !appoints {
			return false, panel.ErrNotAppointingOfficer
		}
		if r.Decision == nil {
			return true, panel.ErrNotDecidedYet
		}
	case actFeedback:
		if !me.Has(panel.RolePartner) {
			return false, panel.ErrNotPartner
		}
		if r.Decision == nil {
			return true, panel.ErrNotDecidedYet
		}
	case actFeedbackRequests:
		if !leads {
			return false, ErrNotChair
		}
	}
	return true, nil
}

// require refuses a unless may says it is open.
func (p *PanelMember) require(r *panel.Recruitment, a panelAction) error {
	_, why := p.may(r, a)
	return why
}

func unconfirmed(r *panel.Recruitment) []panel.Member {
	var out []panel.Member
	for _, m := range r.WithRole(panel.RolePartner) {
		if !r.Confirmed(m.ID) {
			out = append(out, m)
		}
	}
	return out
}

// State returns this member's view of the recruitment now and what they may do.
func (p *PanelMember) State() (PanelView, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return PanelView{}, kiosk.ErrSignedOut
	}
	return p.state(p.rec)
}

func (p *PanelMember) state(r *panel.Recruitment) (PanelView, error) {
	me, err := r.Member(p.id)
	if err != nil {
		return PanelView{}, err
	}
	v := PanelView{
		EngagementID: r.EngagementID,
		Post:         r.Post,
		Me:           copyMember(me),
		Scale:        r.Scale,
		ScaleSet:     r.Scale.Ready() == nil,
		Frozen:       r.Frozen(),
		NotReady:     r.ReadyToInterview(),
	}
	v.Scale.Labels = slices.Clone(r.Scale.Labels)
	for _, m := range r.Members {
		v.Members = append(v.Members, copyMember(m))
		if !m.Has(panel.RolePartner) {
			v.Staff = append(v.Staff, copyMember(m))
		}
	}
	for _, m := range unconfirmed(r) {
		v.Unconfirmed = append(v.Unconfirmed, copyMember(m))
	}
	for _, q := range r.Questions {
		q.Anchors = slices.Clone(q.Anchors)
		v.Questions = append(v.Questions, q)
	}
	for _, c := range r.Candidates {
		pc := PanelCandidate{Candidate: c, Interviewed: !c.InterviewedAt.IsZero() && !c.Withdrawn(),
			Submitted: r.Submitted(p.id, c.Number), Waiting: r.Waiting(c.Number), MayScore: r.MayScore(c.Number)}
		pc.ScoredByAll = pc.Interviewed && len(pc.Waiting) == 0
		v.Candidates = append(v.Candidates, pc)
	}
	for _, c := range r.Confirmations {
		c.PartnerSignature = bytes.Clone(c.PartnerSignature)
		c.StaffSignature = bytes.Clone(c.StaffSignature)
		v.Confirmations = append(v.Confirmations, c)
	}
	if r.Decision != nil {
		d := *r.Decision
		v.Decision = &d
	}
	for _, b := range r.DecisionBlockers() {
		b.Waiting = slices.Clone(b.Waiting)
		v.Blockers = append(v.Blockers, b)
	}
	for a, dst := range map[panelAction]*PanelAction{
		actEditSetup: &v.Can.EditSetup, actContribute: &v.Can.ContributeQuestion, actCandidates: &v.Can.Candidates,
		actInterview: &v.Can.Interview, actScore: &v.Can.Score, actConfirm: &v.Can.Confirm,
		actDecide: &v.Can.Decide, actExport: &v.Can.Export, actOrder: &v.Can.Order, actLead: &v.Can.Lead,
		actDiscuss: &v.Can.Discuss, actTellOutcome: &v.Can.TellOutcome, actFeedback: &v.Can.GiveFeedback,
		actFeedbackRequests: &v.Can.FeedbackRequests,
	} {
		dst.Offered, dst.Why = p.may(r, a)
	}
	return v, nil
}

func copyMember(m panel.Member) panel.Member {
	m.Roles = slices.Clone(m.Roles)
	return m
}

// Candidate returns the candidate with the number (as the recruitment compares numbers).
func (v PanelView) Candidate(number string) (PanelCandidate, bool) {
	for _, c := range v.Candidates {
		if strings.EqualFold(c.Number, strings.TrimSpace(number)) {
			return c, true
		}
	}
	return PanelCandidate{}, false
}

// Active lists the candidates not withdrawn, in the order they were added.
func (v PanelView) Active() []PanelCandidate {
	var out []PanelCandidate
	for _, c := range v.Candidates {
		if !c.Withdrawn() {
			out = append(out, c)
		}
	}
	return out
}

// Interviewed lists the candidates interviewed and not withdrawn, in the order they were
// added.
func (v PanelView) Interviewed() []PanelCandidate {
	var out []PanelCandidate
	for _, c := range v.Candidates {
		if c.Interviewed {
			out = append(out, c)
		}
	}
	return out
}
