package survey

import (
	"math"
	"slices"
	"sort"
)

// OtherTeams is the name of the group that small teams are merged into when, together, they
// reach the minimum group size.
const OtherTeams = "Other teams"

// Results are the aggregated answers of an engagement, protected for small teams. They hold
// counts and means only, never a response.
type Results struct {
	Survey   *Survey
	MinGroup int
	// Overall is every shown group together (Groups' responses summed); nothing of a withheld
	// team is in it. Its Responses is 0 when no group can be shown.
	Overall Group
	// Groups are the teams shown on their own (at least MinGroup responses), in the
	// engagement's order, then the merged small teams (Other true) when there is such a group.
	Groups []Group
	// Merged names the small teams in the "Other teams" group; Withheld the small teams whose
	// answers are not shown at all, nor counted in the overall figures (together they have
	// fewer than MinGroup responses, so showing them, or an overall figure that holds them,
	// would show a small team by subtraction).
	Merged   []string
	Withheld []string
	// Differences are the items where the shown groups' mean positions differ most, largest
	// first (at most MaxDifferences; none with fewer than two groups).
	Differences []Difference
}

// MaxDifferences is how many items Differences lists.
const MaxDifferences = 5

// Group is one team's, or the merged small teams', or everyone's answers.
type Group struct {
	Name      string
	Other     bool // the merged small teams
	Responses int
	Items     []ItemResult // in the survey's order
}

// ItemResult is one item's answers within a group.
type ItemResult struct {
	ItemID string
	// Counts[p-1] is how many chose point p. All zero when Withheld.
	Counts []int
	// Answered is the number of answers (the sum of Counts).
	Answered int
	// Withheld: the item's figures are not shown for the group, because fewer than MinGroup
	// people in it answered the item, or because one point holds all of its answers, or all
	// but one (see Disclosive); in the overall figures, the groups withheld this way are left
	// out of this item (Excluded counts them). The two reasons are not told apart.
	Withheld bool
	Excluded int
	// Mean is the mean point (1 to Points); Position the same from -1 (the left statement) to
	// +1 (the right statement), 0 halfway. Both are NaN when nothing is shown.
	Mean     float64
	Position float64
}

// Difference is an item where groups differ: the spread of their mean positions.
type Difference struct {
	ItemID string
	Spread float64 // highest minus lowest Position, 0 to 2
	// Lowest and Highest name the groups at the two ends (leaning most to the left, to the right).
	Lowest, Highest string
}

// Aggregate computes the results of responses to survey s from an engagement with the teams
// and minimum group size given. Responses naming a team that is not in teams are counted
// nowhere.
//
// Small-team protection, in this order:
//   - A team with at least minGroup responses is shown on its own.
//   - The other teams (the small ones, those with no response included) are merged into one
//     "Other teams" group when, together, they have at least minGroup responses.
//   - Otherwise they are withheld: not shown, and left out of the overall figures, so that
//     the overall less the shown teams reveals nothing of them.
//   - Within a shown group, an item fewer than minGroup people answered is withheld, and left
//     out of that item's overall figures for the same reason.
//   - Within a shown group, an item whose answers are all, or all but one, on one point is
//     withheld too (Disclosive), and left out of the item's overall figures.
func Aggregate(s *Survey, teams []string, minGroup int, responses []Response) Results {
	if minGroup < LowestMinGroup {
		minGroup = LowestMinGroup
	}
	byTeam := map[string][]Response{}
	for _, r := range responses {
		if slices.Contains(teams, r.Team) {
			byTeam[r.Team] = append(byTeam[r.Team], r)
		}
	}
	res := Results{Survey: s, MinGroup: minGroup}
	var small []string
	var smallResponses []Response
	for _, t := range teams {
		rs := byTeam[t]
		if len(rs) >= minGroup {
			res.Groups = append(res.Groups, group(s, t, rs, minGroup))
		} else {
			small = append(small, t)
			smallResponses = append(smallResponses, rs...)
		}
	}
	if len(small) > 0 {
		if len(smallResponses) >= minGroup {
			g := group(s, OtherTeams, smallResponses, minGroup)
			g.Other = true
			res.Groups = append(res.Groups, g)
			res.Merged = small
		} else {
			res.Withheld = small
		}
	}
	res.Overall = overall(s, res.Groups)
	res.Differences = differences(s, res.Groups)
	return res
}

func group(s *Survey, name string, rs []Response, minGroup int) Group {
	g := Group{Name: name, Responses: len(rs)}
	for _, it := range s.Items {
		ir := ItemResult{ItemID: it.ID, Counts: make([]int, s.Points)}
		for _, r := range rs {
			if v, ok := r.Answers[it.ID]; ok && v >= 1 && v <= s.Points {
				ir.Counts[v-1]++
				ir.Answered++
			}
		}
		if ir.Answered < minGroup || Disclosive(ir.Counts) {
			ir = ItemResult{ItemID: it.ID, Counts: make([]int, s.Points), Withheld: true}
		}
		ir.setMean(s.Points)
		g.Items = append(g.Items, ir)
	}
	return g
}

// Disclosive reports whether a group's counts of one item would show what a person in it
// answered: one point holds every answer, or every answer but one. Then anyone who knows a
// member is in the group knows their answer (every answer the same), or the one who answered
// otherwise knows everyone else's (all but one the same). This is the group-disclosure rule
// of statistical disclosure control (a cell is suppressed when one category holds all of a
// group, or all but one), applied with the minimum group size, which bounds how few answers
// are shown at all. The overall figures hold only groups that pass it, each with at least two
// answers off its largest point, so they pass it too.
func Disclosive(counts []int) bool {
	total, largest := 0, 0
	for _, c := range counts {
		total += c
		largest = max(largest, c)
	}
	return total > 0 && largest >= total-1
}

func overall(s *Survey, groups []Group) Group {
	g := Group{Name: "All shown teams"}
	for _, gr := range groups {
		g.Responses += gr.Responses
	}
	for i, it := range s.Items {
		ir := ItemResult{ItemID: it.ID, Counts: make([]int, s.Points)}
		for _, gr := range groups {
			gi := gr.Items[i]
			if gi.Withheld {
				ir.Excluded++
				continue
			}
			for p, c := range gi.Counts {
				ir.Counts[p] += c
			}
			ir.Answered += gi.Answered
		}
		if ir.Answered == 0 {
			ir.Withheld = true
		}
		ir.setMean(s.Points)
		g.Items = append(g.Items, ir)
	}
	return g
}

func (ir *ItemResult) setMean(points int) {
	if ir.Withheld || ir.Answered == 0 {
		ir.Mean, ir.Position = math.NaN(), math.NaN()
		return
	}
	sum := 0
	for p, c := range ir.Counts {
		sum += (p + 1) * c
	}
	ir.Mean = float64(sum) / float64(ir.Answered)
	mid := float64(points+1) / 2
	ir.Position = (ir.Mean - mid) / (mid - 1)
}

func differences(s *Survey, groups []Group) []Difference {
	if len(groups) < 2 {
		return nil
	}
	var ds []Difference
	for i, it := range s.Items {
		d := Difference{ItemID: it.ID}
		lo, hi := math.Inf(1), math.Inf(-1)
		shown := 0
		for _, g := range groups {
			p := g.Items[i].Position
			if math.IsNaN(p) {
				continue
			}
			shown++
			if p < lo {
				lo, d.Lowest = p, g.Name
			}
			if p > hi {
				hi, d.Highest = p, g.Name
			}
		}
		if shown < 2 {
			continue
		}
		d.Spread = hi - lo
		ds = append(ds, d)
	}
	sort.SliceStable(ds, func(a, b int) bool { return ds[a].Spread > ds[b].Spread })
	if len(ds) > MaxDifferences {
		ds = ds[:MaxDifferences]
	}
	return ds
}

// Shown reports whether any group can be shown.
func (r *Results) Shown() bool { return len(r.Groups) > 0 }
