package session

import (
	"fmt"
	"regexp"
	"strings"

	"quietroom/app/protocol"
)

// candidateNumber matches a candidate number: up to four digits, optionally after "C", "Cand",
// "Cand." or "Candidate" and an optional "#" or "-" ("C12", "07", "Candidate 3", "#4", "c-12").
var candidateNumber = regexp.MustCompile(`^(?i:(?:candidate|cand\.?|c)\s*[#-]?\s*|#\s*)?([0-9]{1,4})$`)

// CheckLabel checks an interviewee label against the rule in the package documentation and
// returns it in its canonical form: the engagement's own spelling of a stakeholder group, or
// "Candidate " and the digits as typed. groups are the engagement's stakeholder groups; a panel
// accepts candidate numbers only. The error wraps ErrInvalidLabel, says in plain words what is
// allowed and never repeats what was typed (it may be a name, and errors reach logs).
func CheckLabel(label string, groups []string, kind protocol.Kind) (string, error) {
	typed := strings.Join(strings.Fields(label), " ")
	if m := candidateNumber.FindStringSubmatch(typed); m != nil {
		return "Candidate " + m[1], nil
	}
	const number = "a candidate number such as C12, 07 or Candidate 3"
	if kind == protocol.KindPanel {
		return "", fmt.Errorf("%w: a recruitment panel identifies people by %s, never by name", ErrInvalidLabel, number)
	}
	for _, g := range groups {
		if strings.EqualFold(typed, strings.Join(strings.Fields(g), " ")) && typed != "" {
			return g, nil
		}
	}
	if len(groups) == 0 {
		return "", fmt.Errorf("%w: use %s, never a person's name (this engagement has no stakeholder groups)", ErrInvalidLabel, number)
	}
	return "", fmt.Errorf("%w: choose one of this engagement's stakeholder groups (%s) or use %s, never a person's name",
		ErrInvalidLabel, strings.Join(groups, ", "), number)
}
