package survey

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// The minimum group size: below it a team's results are never shown on their own.
const (
	// DefaultMinGroup is the minimum group size an engagement gets when none is given.
	DefaultMinGroup = 5
	// LowestMinGroup is the smallest minimum group size an engagement may have: with two, each
	// of the pair could read the other's answers from the results.
	LowestMinGroup = 3
	// MaxTeams and MaxTeamName bound the teams a host names: a list that fits the team choice.
	MaxTeams    = 40
	MaxTeamName = 80
)

// ErrEngagement is what a survey engagement that breaks the rules matches with errors.Is; the
// message names the field and what to change.
var ErrEngagement = errors.New("survey engagement not valid")

// Engagement is a survey taken by one host authority's staff: its teams (as the host names
// them), the days it is open, the minimum group size and the deletion date. It rides on a
// session.Engagement of the same id (its title, legal hold and deletion date, which the
// retention package keeps).
type Engagement struct {
	EngagementID string
	Title        string
	// The survey asked (by id, version and content hash).
	SurveyID      string
	SurveyVersion int
	SurveyHash    string
	Teams         []string
	// Opens and Closes are the first and last day it may be taken (their dates count, not
	// their times).
	Opens, Closes time.Time
	// MinGroup is the minimum group size: a team with fewer responses is never shown alone.
	MinGroup int
	// DeletionDate is when every response and result is destroyed.
	DeletionDate time.Time
}

// Day is t's calendar day at midnight UTC: the finest time a survey keeps.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Normalise fills in the defaults (MinGroup 0 becomes DefaultMinGroup), trims the team names
// and takes the dates to their days.
func (e *Engagement) Normalise() {
	if e.MinGroup == 0 {
		e.MinGroup = DefaultMinGroup
	}
	for i, t := range e.Teams {
		e.Teams[i] = strings.Join(strings.Fields(t), " ")
	}
	e.Opens, e.Closes = Day(e.Opens), Day(e.Closes)
}

// Check says what is wrong with the engagement, every problem at once, as an error matching
// ErrEngagement; nil when it is valid. Call Normalise first.
func (e *Engagement) Check() error {
	var ps []string
	add := func(format string, args ...any) { ps = append(ps, fmt.Sprintf(format, args...)) }
	if strings.TrimSpace(e.Title) == "" {
		add("title: write a title, e.g. \"Leadership culture survey, spring\"")
	}
	if e.SurveyID == "" || e.SurveyHash == "" {
		add("survey: choose the survey to ask")
	}
	switch {
	case len(e.Teams) == 0:
		add("teams: name at least one team, as the host authority names them")
	case len(e.Teams) > MaxTeams:
		add("teams: %d teams, more than the %d allowed; group some together", len(e.Teams), MaxTeams)
	}
	seen := map[string]bool{}
	for i, t := range e.Teams {
		k := strings.ToLower(t)
		switch {
		case t == "":
			add("teams[%d]: a team needs a name", i)
		case utf8.RuneCountInString(t) > MaxTeamName:
			add("teams[%d]: %q is longer than %d characters; shorten it", i, t, MaxTeamName)
		case k == strings.ToLower(OtherTeams):
			add("teams[%d]: %q is the name the results give to merged small teams; choose another", i, t)
		case seen[k]:
			add("teams[%d]: %q is named twice; keep one", i, t)
		}
		for _, c := range t {
			if c < ' ' || c == 0x7f {
				add("teams[%d]: holds a control character; delete it", i)
				break
			}
		}
		seen[k] = true
	}
	if e.MinGroup < LowestMinGroup {
		add("minimum group size: %d is too small; it is at least %d (the default is %d)", e.MinGroup, LowestMinGroup, DefaultMinGroup)
	}
	switch {
	case e.Opens.IsZero() || e.Closes.IsZero():
		add("dates: give the day the survey opens and the day it closes")
	case e.Closes.Before(e.Opens):
		add("dates: it closes on %s, before it opens on %s", e.Closes.Format(time.DateOnly), e.Opens.Format(time.DateOnly))
	}
	switch {
	case e.DeletionDate.IsZero():
		add("deletion date: give the day the answers are deleted")
	case !e.Closes.IsZero() && !Day(e.DeletionDate).After(e.Closes):
		add("deletion date: %s is not after the closing day %s; the results must be read before they are deleted", Day(e.DeletionDate).Format(time.DateOnly), e.Closes.Format(time.DateOnly))
	}
	if len(ps) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrEngagement, strings.Join(ps, "; "))
}

// IsOpen reports whether the survey may be taken at now: from the opening day to the closing
// day, both included, and before the deletion date.
func (e *Engagement) IsOpen(now time.Time) bool {
	d := Day(now)
	return !d.Before(e.Opens) && !d.After(e.Closes) && now.Before(e.DeletionDate)
}

// HasTeam reports whether team is one of the engagement's teams.
func (e *Engagement) HasTeam(team string) bool {
	for _, t := range e.Teams {
		if t == team {
			return true
		}
	}
	return false
}

// Record is a survey engagement as kept on the device: its rules, the survey file it asks
// (the wording is public, not content), the public key every response is sealed to, and the
// review-team members (interviewer ids) its private key is sealed to.
type Record struct {
	Engagement
	File      []byte
	PublicKey string
	Members   []string
	// LegalHold is the engagement's hold, which stops its deletion (the retention package's).
	LegalHold bool
}

// Survey loads the survey the record asks; an error when the file no longer loads or is not
// the version the engagement was made with.
func (r *Record) Survey() (*Survey, error) {
	s, err := Load("survey of "+r.Title, r.File)
	if err != nil {
		return nil, err
	}
	if s.Hash != r.SurveyHash {
		return nil, fmt.Errorf("%w: the stored survey is not the one the engagement was made with", ErrInvalid)
	}
	return s, nil
}
