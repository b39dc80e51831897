package panel

import (
	"fmt"
	"strings"
)

// Scale is the organisation's scoring scale: whole scores from Min to Max, each with a label
// ("3: meets the standard"). The organisation sets it once, before the first candidate; the
// built-in one (PlaceholderScale) only shows what a scale looks like and blocks the first
// candidate until it is replaced.
type Scale struct {
	Min, Max int
	// Labels[i] is the label of score Min+i.
	Labels []string
	// Placeholder marks the built-in scale: shown, never used to score.
	Placeholder bool
}

// PlaceholderScale is the built-in 1-5 scale whose labels say they are a placeholder.
func PlaceholderScale() Scale {
	return Scale{Min: 1, Max: 5, Placeholder: true, Labels: []string{
		"little or no evidence (placeholder)", "some evidence (placeholder)", "meets the standard (placeholder)",
		"good evidence (placeholder)", "strong evidence (placeholder)",
	}}
}

// Levels is the scores of the scale, lowest first.
func (s Scale) Levels() []int {
	var out []int
	for v := s.Min; v <= s.Max; v++ {
		out = append(out, v)
	}
	return out
}

// Label returns the label of score v ("" when v is outside the scale).
func (s Scale) Label(v int) string {
	if v < s.Min || v > s.Max || v-s.Min >= len(s.Labels) {
		return ""
	}
	return s.Labels[v-s.Min]
}

// Contains reports whether v is a score of the scale.
func (s Scale) Contains(v int) bool { return v >= s.Min && v <= s.Max }

// Check checks the scale's shape: 0 <= Min < Max, at most 11 levels, a label per level (each
// may still be empty here; Ready refuses that).
func (s Scale) Check() error {
	switch {
	case s.Min < 0 || s.Max <= s.Min:
		return invalid("scoring scale", "the highest score must be above the lowest, and the lowest 0 or more")
	case s.Max-s.Min+1 > maxScaleLevels:
		return invalid("scoring scale", fmt.Sprintf("use at most %d levels", maxScaleLevels))
	case len(s.Labels) != s.Max-s.Min+1:
		return invalid("scoring scale", "give one label for each score")
	}
	for i, l := range s.Labels {
		if err := checkText(fmt.Sprintf("label of score %d", s.Min+i), l, MaxLabelLen, false); err != nil {
			return err
		}
	}
	return nil
}

// Ready says whether the scale can be used to score: not the placeholder, and every level
// labelled. The error names the level to label.
func (s Scale) Ready() error {
	if s.Placeholder {
		return fmt.Errorf("%w: set the organisation's scoring scale before the first candidate: the 1-5 labels shown are a placeholder", ErrScaleNotSet)
	}
	if err := s.Check(); err != nil {
		return fmt.Errorf("%w: %w", ErrScaleNotSet, err)
	}
	for i, l := range s.Labels {
		if strings.TrimSpace(l) == "" {
			return fmt.Errorf("%w: give score %d a label (what it means in your scoring process)", ErrScaleNotSet, s.Min+i)
		}
	}
	return nil
}
