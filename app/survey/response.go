package survey

import (
	"encoding/json"
	"errors"
	"fmt"
)

// ErrResponse is what a response that does not fit its survey or engagement matches.
var ErrResponse = errors.New("survey response not valid")

// Response is one person's answers: their team and, per item id, a point from 1 (the left
// statement) to the survey's Points (the right statement). An item not answered is absent:
// every item is optional. A response holds nothing else: no time, no order, no name.
type Response struct {
	Team    string
	Answers map[string]int
}

// CheckResponse says what is wrong with r for survey s in engagement e; nil when nothing.
func CheckResponse(s *Survey, e *Engagement, r Response) error {
	if e.SurveyHash != s.Hash {
		return fmt.Errorf("%w: the engagement asks another version of the survey", ErrResponse)
	}
	if !e.HasTeam(r.Team) {
		return fmt.Errorf("%w: choose one of the engagement's teams", ErrResponse)
	}
	for id, v := range r.Answers {
		if _, ok := s.Item(id); !ok {
			return fmt.Errorf("%w: no item %q in the survey", ErrResponse, id)
		}
		if v < 1 || v > s.Points {
			return fmt.Errorf("%w: item %q: %d is not a point between 1 and %d", ErrResponse, id, v, s.Points)
		}
	}
	return nil
}

// wire is a response as sealed. JSON writes map keys sorted, so the bytes say nothing of the
// order the items were answered in.
type wire struct {
	V       int            `json:"v"`
	Survey  string         `json:"survey"`
	Team    string         `json:"team"`
	Answers map[string]int `json:"answers"`
}

const wireVersion = 1

// MaxEncoded bounds an encoded response: a hundred items and a long team name are far inside it.
const MaxEncoded = 16 << 10

// Encode turns a response to survey hash surveyHash into the bytes that are sealed.
func Encode(surveyHash string, r Response) ([]byte, error) {
	a := r.Answers
	if a == nil {
		a = map[string]int{}
	}
	return json.Marshal(wire{V: wireVersion, Survey: surveyHash, Team: r.Team, Answers: a})
}

// Decode reads what Encode wrote, and returns the survey hash it was given for.
func Decode(b []byte) (Response, string, error) {
	if len(b) > MaxEncoded {
		return Response{}, "", fmt.Errorf("%w: %d bytes, more than a response holds", ErrResponse, len(b))
	}
	var w wire
	if err := json.Unmarshal(b, &w); err != nil {
		return Response{}, "", fmt.Errorf("%w: %v", ErrResponse, err)
	}
	if w.V != wireVersion {
		return Response{}, "", fmt.Errorf("%w: version %d", ErrResponse, w.V)
	}
	if w.Answers == nil {
		w.Answers = map[string]int{}
	}
	return Response{Team: w.Team, Answers: w.Answers}, w.Survey, nil
}
