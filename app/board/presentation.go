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
// SmallPeople people), never shown one by one. People are counted as they took part: a
// small-group interview of five foster carers counts five.
type Interviewed struct {
	Groups      []GroupCount
	SmallGroups int
	SmallPeople int
	// Threshold is the floor the groups were held to (SmallGroup), for saying so.
	Threshold int
	// Total is the number of people interviewed, Interviews the number of interviews.
	Total      int
	Interviews int
}

// GroupCount is a stakeholder group and how many people of it were interviewed.
type GroupCount struct {
	Group string
	Count int
}

// Methodology is how the review was done: the question sets used and the number of
// interviews, one-to-one (one person) and small-group (more than one).
type Methodology struct {
	QuestionSets []string
	Interviews   int
	OneToOne     int
	SmallGroup   int
}

// PresentedTheme is a theme's name with up to MaxQuotes key quotes from it (shown as people's
// words, in quotation marks) and up to MaxQuotes of its other points (notes and the team's
// post-its, shown as the team's words, never in quotation marks).
type PresentedTheme struct {
	Name   string
	Quotes []string
	Points []string
}

// PresentedInsight is an insight statement with its description and its pinned key quotes
// (a pin that is not a key quote, from before items had a kind, is left out).
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
		n := iv.people()
		counts[iv.Group] += n
		p.Interviewed.Total += n
		if n > 1 {
			p.Methodology.SmallGroup++
		} else {
			p.Methodology.OneToOne++
		}
		if iv.QuestionSet != "" {
			sets[iv.QuestionSet] = true
		}
	}
	p.Interviewed.Threshold = threshold
	p.Interviewed.Interviews = len(interviews)
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

	// text is the texts of the items named, those that are key quotes only (quotes) or those
	// that are not (the theme's other points).
	text := func(ids []string, quotes bool) []string {
		var out []string
		for _, id := range ids {
			if it, ok := byID[id]; ok && it.IsQuote() == quotes {
				out = append(out, it.Text)
			}
		}
		return out
	}
	for _, t := range w.Themes {
		var quotes, points []string
		for _, in := range t.Insights {
			for _, q := range in.Quotes {
				if len(quotes) < MaxQuotes && slices.Contains(t.Items, q) && !slices.Contains(quotes, q) && byID[q].IsQuote() {
					quotes = append(quotes, q)
				}
			}
		}
		for _, id := range t.Items {
			it := byID[id]
			switch {
			case it.Tag == Bud:
			case it.IsQuote():
				if len(quotes) < MaxQuotes && !slices.Contains(quotes, id) {
					quotes = append(quotes, id)
				}
			case it.ID != "" && len(points) < MaxQuotes:
				points = append(points, id)
			}
		}
		p.Themes = append(p.Themes, PresentedTheme{Name: t.Name, Quotes: text(quotes, true), Points: text(points, false)})
		for _, in := range t.Insights {
			p.Insights = append(p.Insights, PresentedInsight{Statement: in.Statement, Description: in.Description, Quotes: text(in.Quotes, true)})
		}
	}
	for _, it := range items {
		if it.Tag == Bud {
			p.Ideas = append(p.Ideas, it.Text)
		}
	}
	return p
}
