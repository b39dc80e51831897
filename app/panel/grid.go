package panel

import "strings"

func trim(s string) string { return strings.TrimSpace(s) }

// Grid is the consolidated scores the panel discusses: per candidate and question each
// member's score, the spread and whether it is big enough to discuss, and totals. It holds
// only candidates every member has scored.
type Grid struct {
	Members    []string // member ids, in the panel's order (the columns)
	Questions  []Question
	Candidates []GridCandidate
	// Complete: every candidate not withdrawn was interviewed and is in the grid.
	Complete bool
	// DisagreeAt is the spread at which a question is flagged.
	DisagreeAt int
}

// GridCandidate is one candidate's rows.
type GridCandidate struct {
	Number string
	Rows   []GridRow
	// Totals[i] is member i's total.
	Totals []int
	// Total is the sum of every member's scores.
	Total int
	// Flagged is how many of the candidate's questions are flagged for discussion.
	Flagged int
}

// GridRow is one question for one candidate.
type GridRow struct {
	QuestionID string
	Scores     []int  // per member, in Grid.Members order
	NoAnswer   []bool // per member: they recorded "no answer"
	Spread     int    // highest minus lowest
	Disagree   bool   // Spread >= the recruitment's DisagreeAt
	Sum        int
}

// Disagreement returns the spread at which a question is flagged.
func (r *Recruitment) Disagreement() int {
	if r.DisagreeAt > 0 {
		return r.DisagreeAt
	}
	return DefaultDisagree
}

// GridFor returns the grid as the member viewer may see it: only candidates not withdrawn
// whom every member has scored (the viewer among them, so nobody sees a score before giving their own).
func (r *Recruitment) GridFor(viewer string) (Grid, error) {
	if _, err := r.Member(viewer); err != nil {
		return Grid{}, err
	}
	g := Grid{Questions: r.Questions, Complete: len(r.Candidates) > 0, DisagreeAt: r.Disagreement()}
	for _, m := range r.Members {
		g.Members = append(g.Members, m.ID)
	}
	for _, c := range r.Active() {
		// Every member submitted, the viewer among them: MayRead holds for each sheet below.
		if c.InterviewedAt.IsZero() || !r.AllScored(c.Number) {
			g.Complete = false
			continue
		}
		gc := GridCandidate{Number: c.Number, Totals: make([]int, len(r.Members))}
		for _, q := range r.Questions {
			row := GridRow{QuestionID: q.ID}
			lo, hi := 0, 0
			for i, m := range r.Members {
				mk := r.sheet(c.Number, m.ID).Mark(q.ID)
				row.Scores = append(row.Scores, mk.Score)
				row.NoAnswer = append(row.NoAnswer, mk.NoAnswer)
				row.Sum += mk.Score
				gc.Totals[i] += mk.Score
				if i == 0 || mk.Score < lo {
					lo = mk.Score
				}
				if i == 0 || mk.Score > hi {
					hi = mk.Score
				}
			}
			row.Spread = hi - lo
			row.Disagree = row.Spread >= r.Disagreement()
			if row.Disagree {
				gc.Flagged++
			}
			gc.Total += row.Sum
			gc.Rows = append(gc.Rows, row)
		}
		g.Candidates = append(g.Candidates, gc)
	}
	return g, nil
}

// AllCandidatesScored reports whether every candidate still in the recruitment (not
// withdrawn) was interviewed and scored by every member: the point at which the decision can
// be made. DecisionBlockers says what is missing.
func (r *Recruitment) AllCandidatesScored() bool {
	if len(r.Candidates) == 0 {
		return false
	}
	for _, c := range r.Active() {
		if c.InterviewedAt.IsZero() || !r.AllScored(c.Number) {
			return false
		}
	}
	return true
}
