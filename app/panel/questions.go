package panel

import (
	"fmt"
	"slices"
	"strings"

	"quietroom/app/protocol"
)

// Source is where a question came from.
type Source string

const (
	SourcePack    Source = "pack"    // a question pack's topic
	SourcePartner Source = "partner" // contributed by the service user or carer
	SourcePanel   Source = "panel"   // written by the panel for this post
)

// Question is one question of the recruitment's set, asked the same way of every candidate.
type Question struct {
	ID     string
	Text   string
	Source Source
	// AskedBy is the member who asks it.
	AskedBy string
	// Anchors[i], where given, says what an answer at score Scale.Min+i looks like (a
	// behaviourally anchored scale); shown beside the score buttons.
	Anchors []string
}

// Anchor returns the anchor of score v for the question ("" when none).
func (q Question) Anchor(s Scale, v int) string {
	i := v - s.Min
	if i < 0 || i >= len(q.Anchors) {
		return ""
	}
	return q.Anchors[i]
}

// FromPack makes a question of a pack's topic (the pack's id and topic's id name it).
func FromPack(p *protocol.Pack, topicID string) (Question, error) {
	for _, t := range p.Topics {
		if t.ID == topicID {
			return Question{ID: p.ID + "/" + t.ID, Text: t.Question, Source: SourcePack}, nil
		}
	}
	return Question{}, invalid("question", fmt.Sprintf("pack %s has no topic %q", p.ID, topicID))
}

// SetQuestions replaces the question set, in the order asked, before the first candidate.
func (r *Recruitment) SetQuestions(qs []Question) error {
	if r.Frozen() {
		return ErrFrozen
	}
	old := r.Questions
	r.Questions = slices.Clone(qs)
	if err := r.checkQuestionShapes(); err != nil {
		r.Questions = old
		return err
	}
	return nil
}

// AddQuestion appends a question before the first candidate. A contributed question is given
// the id "own-N".
func (r *Recruitment) AddQuestion(q Question) error {
	if q.ID == "" {
		n := 1
		for r.question("own-"+fmt.Sprint(n)) >= 0 {
			n++
		}
		q.ID = "own-" + fmt.Sprint(n)
	}
	return r.SetQuestions(append(slices.Clone(r.Questions), q))
}

// MoveQuestion moves question i by delta places (-1 up, +1 down) before the first candidate.
func (r *Recruitment) MoveQuestion(i, delta int) error {
	if r.Frozen() {
		return ErrFrozen
	}
	j := i + delta
	if i < 0 || i >= len(r.Questions) || j < 0 || j >= len(r.Questions) {
		return nil
	}
	r.Questions[i], r.Questions[j] = r.Questions[j], r.Questions[i]
	return nil
}

// RemoveQuestion takes question i off the set before the first candidate.
func (r *Recruitment) RemoveQuestion(i int) error {
	if r.Frozen() {
		return ErrFrozen
	}
	if i >= 0 && i < len(r.Questions) {
		r.Questions = slices.Delete(r.Questions, i, i+1)
	}
	return nil
}

func (r *Recruitment) question(id string) int {
	return slices.IndexFunc(r.Questions, func(q Question) bool { return q.ID == id })
}

// checkQuestionShapes checks what can be checked while the set is being built.
func (r *Recruitment) checkQuestionShapes() error {
	if len(r.Questions) > MaxQuestions {
		return invalid("questions", fmt.Sprintf("use at most %d questions", MaxQuestions))
	}
	ids := map[string]bool{}
	for i, q := range r.Questions {
		field := fmt.Sprintf("question %d", i+1)
		if q.ID == "" || ids[q.ID] {
			return invalid(field, "it is in the set twice")
		}
		ids[q.ID] = true
		if err := checkText(field, q.Text, MaxQuestionLen, true); err != nil {
			return err
		}
		switch q.Source {
		case SourcePack, SourcePartner, SourcePanel:
		default:
			return invalid(field, "say where it comes from")
		}
		if q.AskedBy != "" {
			if _, err := r.Member(q.AskedBy); err != nil {
				return invalid(field, "the member who asks it is not on the panel")
			}
		}
		for j, a := range q.Anchors {
			if err := checkText(fmt.Sprintf("%s, anchor of score %d", field, r.Scale.Min+j), a, MaxAnchorLen, false); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkQuestions checks the set is complete for interviewing: at least one question, each
// asked by a member, anchors no more than the scale's levels.
func (r *Recruitment) checkQuestions() error {
	if err := r.checkQuestionShapes(); err != nil {
		return err
	}
	if len(r.Questions) == 0 {
		return invalid("questions", "choose the questions every candidate will be asked")
	}
	levels := r.Scale.Max - r.Scale.Min + 1
	for i, q := range r.Questions {
		if q.AskedBy == "" {
			return invalid(fmt.Sprintf("question %d", i+1), "choose who asks it")
		}
		if len(q.Anchors) > levels {
			return invalid(fmt.Sprintf("question %d", i+1), "it has more anchors than the scale has scores")
		}
	}
	return nil
}

// ContributedBy lists the questions a member contributed (for the partner's own list).
func (r *Recruitment) ContributedBy(source Source) []Question {
	var out []Question
	for _, q := range r.Questions {
		if q.Source == source {
			out = append(out, q)
		}
	}
	return out
}

// QuestionText is the question as asked, for screens and the record.
func (q Question) QuestionText() string { return strings.TrimSpace(q.Text) }
