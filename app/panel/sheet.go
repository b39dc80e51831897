package panel

import (
	"fmt"
	"strings"
	"time"
)

// Mark is one member's score of one candidate's answer to one question.
type Mark struct {
	QuestionID string
	// Score is on the recruitment's scale. Zero with Scored false is "not scored yet".
	Score  int
	Scored bool
	// NoAnswer records that the candidate did not answer; the answer is still scored.
	NoAnswer bool
	// Reason is the member's short reason for the score.
	Reason string
}

// Sheet is one member's score sheet for one candidate: a mark per question and their notes.
// Whether it was submitted is not the sheet's to say: it is the recruitment's Submissions
// (Recruitment.Submitted), the one record of it.
type Sheet struct {
	Candidate string
	MemberID  string
	Marks     []Mark
	Notes     string
}

// Submission is a member's submitted sheet for a candidate: after it the sheet is final and
// the member may read the others' sheets of that candidate. The kiosk stores it sealed.
type Submission struct {
	Candidate string
	MemberID  string
	At        time.Time
}

// Submissions are who submitted for which candidate, and when: the one record of
// "submitted", for the store (Stored) and the rules (Recruitment) alike.
type Submissions []Submission

// Find returns the member's submission for the candidate (numbers compare as CheckCandidateNumber
// writes them, whatever the case typed).
func (ss Submissions) Find(memberID, candidate string) (Submission, bool) {
	for _, x := range ss {
		if x.MemberID == memberID && strings.EqualFold(x.Candidate, strings.TrimSpace(candidate)) {
			return x, true
		}
	}
	return Submission{}, false
}

// Has reports whether the member submitted for the candidate.
func (ss Submissions) Has(memberID, candidate string) bool {
	_, ok := ss.Find(memberID, candidate)
	return ok
}

// Submitted reports whether the member submitted their sheet for the candidate.
func (r *Recruitment) Submitted(memberID, candidate string) bool {
	return r.Submissions.Has(memberID, candidate)
}

// MayRead says whether viewer may read member's sheet of the candidate: their own at any
// time; another member's only once every member of the panel, the viewer among them, has
// submitted their own for that candidate (ErrNotSubmitted before), in either order. This is
// independent scoring: nobody sees another's scores, nor their notes, before every score of
// the candidate is final. The kiosk asks it before it opens any sheet of another member.
func (r *Recruitment) MayRead(viewer, memberID, candidate string) error {
	if _, err := r.Member(viewer); err != nil {
		return err
	}
	if _, err := r.Member(memberID); err != nil {
		return err
	}
	if viewer != memberID && !r.AllScored(candidate) {
		return ErrNotSubmitted
	}
	return nil
}

// Mark returns the mark for a question (a zero Mark when none).
func (s *Sheet) Mark(questionID string) Mark {
	if s != nil {
		for _, m := range s.Marks {
			if m.QuestionID == questionID {
				return m
			}
		}
	}
	return Mark{QuestionID: questionID}
}

// Total is the sum of the sheet's scores.
func (s *Sheet) Total() int {
	t := 0
	for _, m := range s.Marks {
		if m.Scored {
			t += m.Score
		}
	}
	return t
}

func (r *Recruitment) sheet(candidate, memberID string) *Sheet {
	for _, s := range r.Sheets {
		if s.Candidate == candidate && s.MemberID == memberID {
			return s
		}
	}
	return nil
}

// interviewed returns the candidate, once interviewed.
func (r *Recruitment) interviewed(candidate string) (Candidate, error) {
	c, ok := r.Candidate(candidate)
	if !ok {
		return Candidate{}, invalid("candidate number", "no candidate has that number")
	}
	if c.InterviewedAt.IsZero() {
		return Candidate{}, ErrNotInterviewed
	}
	return c, nil
}

// Sheet returns member's sheet of the candidate as viewer may read it (MayRead): the viewer's
// own at any time, another member's only once the viewer has submitted their own
// (ErrNotSubmitted before). A sheet not started yet is returned empty.
func (r *Recruitment) Sheet(viewer, memberID, candidate string) (*Sheet, error) {
	c, err := r.interviewed(candidate)
	if err != nil {
		return nil, err
	}
	if err := r.MayRead(viewer, memberID, c.Number); err != nil {
		return nil, err
	}
	if s := r.sheet(c.Number, memberID); s != nil {
		return s, nil
	}
	return &Sheet{Candidate: c.Number, MemberID: memberID}, nil
}

// own returns the member's own sheet for the candidate to write on, started when they have
// none yet; ErrSubmitted once they submitted it, ErrWithdrawn once the candidate was withdrawn.
func (r *Recruitment) own(memberID, candidate string) (*Sheet, error) {
	if _, err := r.Member(memberID); err != nil {
		return nil, err
	}
	c, err := r.interviewed(candidate)
	if err != nil {
		return nil, err
	}
	if c.Withdrawn() {
		return nil, fmt.Errorf("candidate %s: %w", c.Number, ErrWithdrawn)
	}
	if r.Submitted(memberID, c.Number) {
		return nil, ErrSubmitted
	}
	if s := r.sheet(c.Number, memberID); s != nil {
		return s, nil
	}
	s := &Sheet{Candidate: c.Number, MemberID: memberID}
	r.Sheets = append(r.Sheets, s)
	return s, nil
}

// CheckMark checks a mark against the set and the scale without recording it.
func (r *Recruitment) CheckMark(m Mark) error {
	i := r.question(m.QuestionID)
	if i < 0 {
		return invalid("question", "it is not in this recruitment's question set")
	}
	field := fmt.Sprintf("question %d", i+1)
	if m.Scored && !r.Scale.Contains(m.Score) {
		return invalid(field, fmt.Sprintf("choose a score from %d to %d", r.Scale.Min, r.Scale.Max))
	}
	return checkText(field+" reason", m.Reason, MaxReasonLen, false)
}

// SetMark records the member's mark for a candidate's answer (replacing an earlier one for
// the question) until the member submits the sheet.
func (r *Recruitment) SetMark(memberID, candidate string, m Mark) error {
	if _, err := r.Member(memberID); err != nil {
		return err
	}
	if err := r.MayScore(candidate); err != nil {
		return err
	}
	s, err := r.own(memberID, candidate)
	if err != nil {
		return err
	}
	if err := r.CheckMark(m); err != nil {
		return err
	}
	for i := range s.Marks {
		if s.Marks[i].QuestionID == m.QuestionID {
			s.Marks[i] = m
			return nil
		}
	}
	s.Marks = append(s.Marks, m)
	return nil
}

// SetNotes records the member's notes for a candidate until they submit.
func (r *Recruitment) SetNotes(memberID, candidate, notes string) error {
	s, err := r.own(memberID, candidate)
	if err != nil {
		return err
	}
	if err := checkText("notes", notes, MaxNotesLen, false); err != nil {
		return err
	}
	s.Notes = notes
	return nil
}

// CheckComplete says which question of the sheet still needs a score or a reason.
func (r *Recruitment) CheckComplete(s *Sheet) error {
	for i, q := range r.Questions {
		m := s.Mark(q.ID)
		if !m.Scored {
			return fmt.Errorf("%w: give question %d a score (use \"no answer\" and a score if the candidate did not answer)", ErrIncomplete, i+1)
		}
		if len([]rune(m.Reason)) == 0 || len(trim(m.Reason)) == 0 {
			return fmt.Errorf("%w: give question %d a short reason for its score", ErrIncomplete, i+1)
		}
	}
	return nil
}

// Submit makes the member's sheet for the candidate final: every question scored with a
// reason. It adds the member's Submission; after it the member sees the others' scores of
// that candidate.
func (r *Recruitment) Submit(memberID, candidate string, now time.Time) error {
	if _, err := r.Member(memberID); err != nil {
		return err
	}
	if err := r.MayScore(candidate); err != nil {
		return err
	}
	s, err := r.own(memberID, candidate)
	if err != nil {
		return err
	}
	if err := r.CheckComplete(s); err != nil {
		return err
	}
	r.Submissions = append(r.Submissions, Submission{Candidate: s.Candidate, MemberID: memberID, At: now})
	return nil
}

// SheetsFor returns every member's sheet of the candidate as the member viewer may see them:
// all of them once every member has submitted theirs, otherwise ErrNotSubmitted (MayRead).
func (r *Recruitment) SheetsFor(viewer, candidate string) ([]*Sheet, error) {
	if _, err := r.Member(viewer); err != nil {
		return nil, err
	}
	c, ok := r.Candidate(candidate)
	if !ok {
		return nil, invalid("candidate number", "no candidate has that number")
	}
	var out []*Sheet
	for _, m := range r.Members {
		if err := r.MayRead(viewer, m.ID, c.Number); err != nil {
			return nil, err
		}
		if s := r.sheet(c.Number, m.ID); s != nil {
			out = append(out, s)
		}
	}
	return out, nil
}

// AllScored reports whether every member submitted a sheet for the candidate.
func (r *Recruitment) AllScored(candidate string) bool {
	return len(r.Waiting(candidate)) == 0
}

// Waiting lists the members who have not yet submitted for the candidate.
func (r *Recruitment) Waiting(candidate string) []string {
	var out []string
	for _, m := range r.Members {
		if !r.Submitted(m.ID, candidate) {
			out = append(out, m.ID)
		}
	}
	return out
}
