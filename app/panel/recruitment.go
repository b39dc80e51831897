package panel

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Errors callers branch on. Each is wrapped with what to fix (the field and what to do).
var (
	// ErrInvalid: a field of the recruitment's set-up is missing or wrong.
	ErrInvalid = errors.New("not valid")
	// ErrDuplicateCandidate: the candidate number is already in the recruitment.
	ErrDuplicateCandidate = errors.New("that candidate number is already on this recruitment: check the number and type it again")
	// ErrFrozen: the question set is fixed once the first candidate is interviewed.
	ErrFrozen = errors.New("the questions are fixed: every candidate must be asked the same questions, so they cannot change after the first candidate")
	// ErrScaleNotSet: the organisation's scoring scale has not been set (the built-in labels
	// are a placeholder) or a level has no label.
	ErrScaleNotSet = errors.New("the scoring scale is not set")
	// ErrNotMember: the person is not on this recruitment's panel.
	ErrNotMember = errors.New("you are not on this recruitment's panel: only its members can open it")
	// ErrNotSubmitted: a member asked for others' scores of a candidate before submitting
	// their own.
	ErrNotSubmitted = errors.New("the others' scores of this candidate are shown once every member of the panel has submitted their own: nobody sees another's scores before that")
	// ErrSubmitted: the member's sheet for the candidate was submitted and cannot change.
	ErrSubmitted = errors.New("your scores for this candidate were submitted and cannot be changed")
	// ErrIncomplete: a sheet is submitted with a question not scored or without a reason.
	ErrIncomplete = errors.New("not every question is scored")
	// ErrNotInterviewed: the candidate has not been interviewed yet.
	ErrNotInterviewed = errors.New("this candidate has not been interviewed yet")
	// ErrNotAllScored: the decision needs every member's scores for every candidate.
	ErrNotAllScored = errors.New("every panel member must score every candidate before the decision")
	// ErrNotAppointingOfficer: only the appointing officer records the decision.
	ErrNotAppointingOfficer = errors.New("only the appointing officer records the decision: ask them to sign in")
	// ErrDecided: the decision is recorded and final.
	ErrDecided = errors.New("the decision has been recorded and cannot be changed")
	// ErrWithdrawn: the candidate was withdrawn from the recruitment.
	ErrWithdrawn = errors.New("this candidate has been withdrawn from the recruitment: they are not interviewed or scored")
	// ErrNoConfirmation: an involvement partner has not signed the confirmation of
	// understanding.
	ErrNoConfirmation = errors.New("the service user or carer on the panel has not yet signed the confirmation of understanding")
)

// Role is what a member does on the panel. One person may hold two roles (the chair is often
// the appointing officer).
type Role string

const (
	// RoleAppointingOfficer leads, has the final judgement and records the decision.
	RoleAppointingOfficer Role = "appointing-officer"
	// RoleChair welcomes the candidate and runs the interview (the kiosk shows them the prompts).
	RoleChair Role = "chair"
	// RoleStaff is a member of staff who works in the service.
	RoleStaff Role = "staff"
	// RolePartner is the involvement partner: a service user or carer.
	RolePartner Role = "partner"
)

// Roles lists the roles in the order a form offers them.
func Roles() []Role {
	return []Role{RoleAppointingOfficer, RoleChair, RoleStaff, RolePartner}
}

// Member is a panel member: an interviewer of the kiosk (with their own PIN and key) and their
// roles on this panel.
type Member struct {
	ID    string // the interviewer's id
	Roles []Role
}

// Has reports whether the member holds r.
func (m Member) Has(r Role) bool { return slices.Contains(m.Roles, r) }

// Post is what is recruited to: a job, never a person.
type Post struct {
	Title string // e.g. "Community mental health nurse"
	Band  string // e.g. "Band 6"
}

// MinMembers is the guide's smallest panel: "Interview panel formed to include at least 3
// members".
const MinMembers = 3

// Limits on typed fields.
const (
	MaxPostLen       = 80
	MaxCandidateLen  = 12
	MaxQuestionLen   = 600
	MaxReasonLen     = 400
	MaxNotesLen      = 4000
	MaxLabelLen      = 60
	MaxAnchorLen     = 200
	MaxCandidates    = 40
	MaxQuestions     = 20
	MaxDecisionLen   = 1000
	MaxPrintedName   = 60
	DefaultDisagree  = 2
	maxMembers       = 8
	maxScaleLevels   = 11
	noCandidateLabel = ""
)

// Candidate is a candidate known by their number.
type Candidate struct {
	Number string
	// InterviewedAt is when the chair started the candidate's interview; zero before.
	InterviewedAt time.Time
	// Withdrawal says why the candidate was withdrawn; "" while they are in the recruitment.
	Withdrawal Withdrawal
	// WithdrawnAt is when they were withdrawn; zero while they are in the recruitment.
	WithdrawnAt time.Time
}

// Withdrawn reports whether the candidate was withdrawn (Recruitment.Withdraw).
func (c Candidate) Withdrawn() bool { return c.Withdrawal != "" }

// Recruitment is one recruitment panel: an engagement of kind recruitment, its post, panel,
// candidates, scale and frozen question set, the members' sheets, the confirmations and the
// decision. It holds the rules; it does not store or seal anything.
type Recruitment struct {
	EngagementID string
	Post         Post
	Members      []Member
	Candidates   []Candidate
	Scale        Scale
	Questions    []Question
	// FrozenAt is when the question set was fixed (the first candidate's interview); zero
	// before.
	FrozenAt time.Time
	// DisagreeAt is the spread of scores (highest minus lowest) on one question at which the
	// grid flags it for discussion. Zero means DefaultDisagree.
	DisagreeAt int

	Sheets []*Sheet
	// Submissions are who submitted for which candidate (all of them, whoever looks): what
	// Submitted, MayRead, the grid and the decision go by.
	Submissions Submissions
	// Consents are the candidates' consents, each kept to the consent rule (RecordConsent).
	Consents      []Consent
	Confirmations []Confirmation
	Decision      *Decision

	// Order is when the members score (ScoringOrder: the guide's when ""). Lead is the member
	// leading the interview ("" for the appointing officer: LeadID).
	Order Order
	Lead  string
	// Discussion is the panel's recorded discussion; nil before.
	Discussion *Discussion
	// After the decision: the service user or carer told the outcome, their feedback; and
	// the candidates who asked for feedback.
	OutcomesTold     []OutcomeTold
	Feedback         []PartnerFeedback
	FeedbackRequests []FeedbackRequest
}

// New returns a recruitment with the built-in placeholder scale (which blocks the first
// candidate until the organisation's scale is set).
func New(engagementID string, post Post, members []Member) (*Recruitment, error) {
	r := &Recruitment{EngagementID: engagementID, Post: post, Members: members, Scale: PlaceholderScale(), Order: OrderGuide}
	if err := r.checkSetUp(); err != nil {
		return nil, err
	}
	return r, nil
}

func invalid(field, what string) error { return fmt.Errorf("%w: %s: %s", ErrInvalid, field, what) }

func (r *Recruitment) checkSetUp() error {
	if strings.TrimSpace(r.EngagementID) == "" {
		return invalid("recruitment", "choose the recruitment (an engagement of kind recruitment)")
	}
	if err := checkText("post title", r.Post.Title, MaxPostLen, true); err != nil {
		return err
	}
	if err := checkText("band", r.Post.Band, MaxPostLen, true); err != nil {
		return err
	}
	return CheckMembers(r.Members)
}

// CheckMembers checks a panel: at least MinMembers people, one appointing officer, one chair,
// at least one member of staff and at least one service user or carer, each person once.
// The appointing officer may also chair; the involvement partner holds no other role.
func CheckMembers(ms []Member) error {
	if len(ms) < MinMembers {
		return invalid("panel", fmt.Sprintf("add at least %d people: the appointing officer, a member of staff and a service user or carer", MinMembers))
	}
	if len(ms) > maxMembers {
		return invalid("panel", fmt.Sprintf("a panel has at most %d people", maxMembers))
	}
	seen := map[string]bool{}
	count := map[Role]int{}
	for _, m := range ms {
		if m.ID == "" {
			return invalid("panel", "a member has no interviewer chosen")
		}
		if seen[m.ID] {
			return invalid("panel", "a person is on the panel twice: give one person both roles instead")
		}
		seen[m.ID] = true
		if len(m.Roles) == 0 {
			return invalid("panel", "give every member a role")
		}
		rs := map[Role]bool{}
		for _, r := range m.Roles {
			if !slices.Contains(Roles(), r) {
				return invalid("panel", fmt.Sprintf("unknown role %q", r))
			}
			if rs[r] {
				return invalid("panel", "a role is given twice to one member")
			}
			rs[r] = true
			count[r]++
		}
		if rs[RolePartner] && len(rs) > 1 {
			return invalid("panel", "the service user or carer holds no other role on the panel")
		}
		if rs[RoleStaff] && (rs[RoleAppointingOfficer] || rs[RoleChair]) {
			return invalid("panel", "the member of staff is another person than the appointing officer and the chair")
		}
	}
	switch {
	case count[RoleAppointingOfficer] != 1:
		return invalid("panel", "choose exactly one appointing officer")
	case count[RoleChair] != 1:
		return invalid("panel", "choose exactly one chair (it may be the appointing officer)")
	case count[RoleStaff] < 1:
		return invalid("panel", "add a member of staff")
	case count[RolePartner] < 1:
		return invalid("panel", "add a service user or carer")
	}
	return nil
}

func checkText(field, s string, max int, required bool) error {
	t := strings.TrimSpace(s)
	if required && t == "" {
		return invalid(field, "type it")
	}
	if len([]rune(s)) > max {
		return invalid(field, fmt.Sprintf("shorten it to %d characters", max))
	}
	for _, c := range s {
		if unicode.IsControl(c) && c != '\n' {
			return invalid(field, "remove the control characters")
		}
	}
	return nil
}

// Member returns the member with the interviewer id.
func (r *Recruitment) Member(id string) (Member, error) {
	for _, m := range r.Members {
		if m.ID == id {
			return m, nil
		}
	}
	return Member{}, ErrNotMember
}

// WithRole returns the members holding role.
func (r *Recruitment) WithRole(role Role) []Member {
	var out []Member
	for _, m := range r.Members {
		if m.Has(role) {
			out = append(out, m)
		}
	}
	return out
}

// CheckCandidateNumber checks a candidate number as typed: digits only (the number the
// application was given, such as 1042), at most MaxCandidateLen of them, so that neither a
// name nor a name joined to digits ("SMITH-1042") can be used.
func CheckCandidateNumber(n string) (string, error) {
	n = strings.TrimSpace(n)
	if n == "" {
		return "", invalid("candidate number", "type the candidate's number from their application, never their name")
	}
	for _, c := range n {
		if c < '0' || c > '9' {
			return "", invalid("candidate number", "type digits only, never the name")
		}
	}
	if len(n) > MaxCandidateLen {
		return "", invalid("candidate number", fmt.Sprintf("use at most %d digits", MaxCandidateLen))
	}
	return n, nil
}

// AddCandidate adds a candidate by number. A number typed twice (a withdrawn candidate's
// among them) is ErrDuplicateCandidate. Candidates may be added until the decision, and in
// the guide's order until the discussion (every candidate is seen before it).
func (r *Recruitment) AddCandidate(number string) error {
	n, err := CheckCandidateNumber(number)
	if err != nil {
		return err
	}
	if r.Decision != nil {
		return ErrDecided
	}
	if r.Discussion != nil && r.ScoringOrder() == OrderGuide {
		return fmt.Errorf("%w: a candidate added now would not be seen before it", ErrDiscussed)
	}
	if _, ok := r.candidate(n); ok {
		return fmt.Errorf("candidate %s: %w", n, ErrDuplicateCandidate)
	}
	if len(r.Candidates) >= MaxCandidates {
		return invalid("candidates", fmt.Sprintf("a recruitment has at most %d candidates", MaxCandidates))
	}
	r.Candidates = append(r.Candidates, Candidate{Number: n})
	return nil
}

func (r *Recruitment) candidate(number string) (int, bool) {
	for i, c := range r.Candidates {
		if strings.EqualFold(c.Number, strings.TrimSpace(number)) {
			return i, true
		}
	}
	return -1, false
}

// Candidate returns the candidate with the number.
func (r *Recruitment) Candidate(number string) (Candidate, bool) {
	i, ok := r.candidate(number)
	if !ok {
		return Candidate{}, false
	}
	return r.Candidates[i], true
}

// Frozen reports whether the question set is fixed.
func (r *Recruitment) Frozen() bool { return !r.FrozenAt.IsZero() }

// ReadyToInterview says what keeps the first (or next) candidate's interview from starting:
// nil when nothing does. The scale must be the organisation's, every question asked by a
// member, and every involvement partner must have signed the confirmation of understanding.
func (r *Recruitment) ReadyToInterview() error {
	if err := r.checkSetUp(); err != nil {
		return err
	}
	if err := r.Scale.Ready(); err != nil {
		return err
	}
	if err := r.checkQuestions(); err != nil {
		return err
	}
	for _, p := range r.WithRole(RolePartner) {
		if !r.Confirmed(p.ID) {
			return ErrNoConfirmation
		}
	}
	return nil
}

// StartInterview marks the candidate as interviewed at now, fixing the question set if this
// is the first candidate. It is refused until ReadyToInterview is nil, and for a candidate
// whose consent is not recorded (ErrNoConsent).
func (r *Recruitment) StartInterview(number string, now time.Time) error {
	if r.Decision != nil {
		return ErrDecided
	}
	i, ok := r.candidate(number)
	if !ok {
		return invalid("candidate number", "add the candidate to the recruitment first")
	}
	if r.Candidates[i].Withdrawn() {
		return fmt.Errorf("candidate %s: %w", r.Candidates[i].Number, ErrWithdrawn)
	}
	if err := r.ReadyToInterview(); err != nil {
		return err
	}
	if !r.Consented(number) {
		return ErrNoConsent
	}
	if !r.Candidates[i].InterviewedAt.IsZero() {
		return nil
	}
	if r.FrozenAt.IsZero() {
		r.FrozenAt = now
	}
	r.Candidates[i].InterviewedAt = now
	return nil
}

// Interviewed lists the candidates interviewed so far and not withdrawn, in the order they
// were added.
func (r *Recruitment) Interviewed() []Candidate {
	var out []Candidate
	for _, c := range r.Candidates {
		if !c.InterviewedAt.IsZero() && !c.Withdrawn() {
			out = append(out, c)
		}
	}
	return out
}

// SetPost changes the post before the first candidate.
func (r *Recruitment) SetPost(p Post) error {
	if r.Frozen() {
		return ErrFrozen
	}
	old := r.Post
	r.Post = p
	if err := r.checkSetUp(); err != nil {
		r.Post = old
		return err
	}
	return nil
}

// SetScale sets the organisation's scale before the first candidate.
func (r *Recruitment) SetScale(s Scale) error {
	if r.Frozen() {
		return ErrFrozen
	}
	if err := s.Check(); err != nil {
		return err
	}
	r.Scale = s
	return nil
}
