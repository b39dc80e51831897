package board

import (
	"slices"
	"sort"
)

// SmallGroup is the smallest number of people a stakeholder group must have to be shown on its
// own in "who was interviewed": a group of one or two could point at a person. It is the one
// floor of every presentation; no caller chooses another.
const SmallGroup = 3

// Presentation is the one report of a peer challenge, in the handbook's order: the aim of the
// review, who was interviewed, the methodology, the key themes with quotes, the key insights
// with their descriptions and quotes, and the solution ideas for the workshop (the buds). It
// holds no names, no session, no time and no interviewer: nothing the board does not hold.
type Presentation struct {
	Aim         string
	Interviewed Interviewed
	Methodology Methodology
	Themes      []PresentedTheme
	Insights    []PresentedInsight
	Ideas       []string
	InsightAim  Aim
}

// Interviewed is who was interviewed: groups of at least Threshold (SmallGroup) people with
// their counts, and the groups smaller than that counted together (SmallGroups of them,
// SmallPeople people), never shown one by one.
type Interviewed struct {
	Groups      []GroupCount
	SmallGroups int
	SmallPeople int
	// Threshold is the floor the groups were held to (SmallGroup), for saying so.
	Threshold int
	Total     int
}

// GroupCount is a stakeholder group and how many people of it were interviewed.
type GroupCount struct {
	Group string
	Count int
}

// Methodology is how the review was done: the question sets used and the number of
// interviews.
type Methodology struct {
	QuestionSets []string
	Interviews   int
}

// PresentedTheme is a theme's name with up to two quotes from it.
type PresentedTheme struct {
	Name   string
	Quotes []string
}

// PresentedInsight is an insight statement with its description and quotes.
type PresentedInsight struct {
	Statement   string
	Description string
	Quotes      []string
}

// Present builds the presentation from the board's items, interviews and work. Stakeholder
// groups of fewer than SmallGroup people, and interviews with no group, are counted together,
// never shown on their own.
func Present(w Work, items []Item, interviews []Interview) Presentation {
	threshold := SmallGroup
	byID := map[string]Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	p := Presentation{Aim: w.Aim, InsightAim: w.InsightAim()}

	counts := map[string]int{}
	sets := map[string]bool{}
	for _, iv := range interviews {
		counts[iv.Group]++
		if iv.QuestionSet != "" {
			sets[iv.QuestionSet] = true
		}
	}
	p.Interviewed.Threshold = threshold
	p.Interviewed.Total = len(interviews)
	for g, n := range counts {
		if n >= threshold && g != "" {
			p.Interviewed.Groups = append(p.Interviewed.Groups, GroupCount{Group: g, Count: n})
		} else {
			p.Interviewed.SmallGroups++
			p.Interviewed.SmallPeople += n
		}
	}
	sort.Slice(p.Interviewed.Groups, func(i, j int) bool {
		a, b := p.Interviewed.Groups[i], p.Interviewed.Groups[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Group < b.Group
	})
	for s := range sets {
		p.Methodology.QuestionSets = append(p.Methodology.QuestionSets, s)
	}
	sort.Strings(p.Methodology.QuestionSets)
	p.Methodology.Interviews = len(interviews)

	text := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			if it, ok := byID[id]; ok {
				out = append(out, it.Text)
			}
		}
		return out
	}
	for _, t := range w.Themes {
		var quotes []string
		for _, in := range t.Insights {
			for _, q := range in.Quotes {
				if len(quotes) < MaxQuotes && slices.Contains(t.Items, q) && !slices.Contains(quotes, q) {
					quotes = append(quotes, q)
				}
			}
		}
		for _, id := range t.Items {
			if len(quotes) < MaxQuotes && !slices.Contains(quotes, id) && byID[id].Tag != Bud {
				quotes = append(quotes, id)
			}
		}
		p.Themes = append(p.Themes, PresentedTheme{Name: t.Name, Quotes: text(quotes)})
		for _, in := range t.Insights {
			p.Insights = append(p.Insights, PresentedInsight{Statement: in.Statement, Description: in.Description, Quotes: text(in.Quotes)})
		}
	}
	for _, it := range items {
		if it.Tag == Bud {
			p.Ideas = append(p.Ideas, it.Text)
		}
	}
	return p
}
