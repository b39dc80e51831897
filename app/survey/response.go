package survey

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
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

// The sealed form of a response has one length whatever it holds, so that the length of what
// is stored says nothing of the team (a longer name) or of how many items were answered:
//
//	version (1 byte, 2)
//	survey hash: its length (1 byte) and up to 64 bytes, zero-padded
//	team: its length in bytes (2 bytes, big-endian) and up to MaxTeamName runes of UTF-8
//	      (4 bytes each at most), zero-padded
//	answers: one byte per item in the survey's order, 0 for none, then zeros to MaxItems
//
// Every byte of padding must be zero, so one response has exactly one encoding.
const (
	wireVersion  = 2
	maxHash      = 64
	maxTeamBytes = MaxTeamName * utf8.UTFMax
	offHash      = 1
	offTeam      = offHash + 1 + maxHash
	offAnswers   = offTeam + 2 + maxTeamBytes
	// EncodedSize is the length of every encoded response.
	EncodedSize = offAnswers + MaxItems
)

// legacyWire is a response as the first version sealed it (JSON, with its length varying with
// the team and the items answered). Responses stored then are still read.
type legacyWire struct {
	V       int            `json:"v"`
	Survey  string         `json:"survey"`
	Team    string         `json:"team"`
	Answers map[string]int `json:"answers"`
}

// MaxEncoded bounds what Decode reads: a first-version response with a hundred items and a
// long team name is far inside it.
const MaxEncoded = 16 << 10

// Encode turns a response to survey s into the bytes that are sealed: always EncodedSize
// bytes, in the survey's item order (so nothing of the order of answering is in them). r must
// pass CheckResponse.
func Encode(s *Survey, r Response) ([]byte, error) {
	if len(s.Hash) > maxHash || len(s.Items) > MaxItems || s.Points > 255 {
		return nil, fmt.Errorf("%w: the survey is larger than a response can record", ErrResponse)
	}
	if len(r.Team) > maxTeamBytes || utf8.RuneCountInString(r.Team) > MaxTeamName {
		return nil, fmt.Errorf("%w: the team's name is longer than %d characters", ErrResponse, MaxTeamName)
	}
	b := make([]byte, EncodedSize)
	b[0] = wireVersion
	b[offHash] = byte(len(s.Hash))
	copy(b[offHash+1:], s.Hash)
	binary.BigEndian.PutUint16(b[offTeam:], uint16(len(r.Team)))
	copy(b[offTeam+2:], r.Team)
	known := 0
	for i, it := range s.Items {
		v, ok := r.Answers[it.ID]
		if !ok {
			continue
		}
		if v < 1 || v > s.Points {
			return nil, fmt.Errorf("%w: item %q: %d is not a point between 1 and %d", ErrResponse, it.ID, v, s.Points)
		}
		b[offAnswers+i] = byte(v)
		known++
	}
	if known != len(r.Answers) {
		return nil, fmt.Errorf("%w: an answer to an item the survey does not have", ErrResponse)
	}
	return b, nil
}

// Decode reads a response to survey s from what Encode wrote (or what the first version
// wrote). A response to another wording of the survey, or bytes Encode would not write, are
// ErrResponse.
func Decode(s *Survey, b []byte) (Response, error) {
	if len(b) > 0 && b[0] == '{' {
		return decodeLegacy(s, b)
	}
	if len(b) != EncodedSize || b[0] != wireVersion {
		return Response{}, fmt.Errorf("%w: not a response of this version", ErrResponse)
	}
	n := int(b[offHash])
	if n > maxHash || !zero(b[offHash+1+n:offTeam]) {
		return Response{}, fmt.Errorf("%w: survey hash", ErrResponse)
	}
	if string(b[offHash+1:offHash+1+n]) != s.Hash {
		return Response{}, fmt.Errorf("%w: a response to another version of the survey", ErrResponse)
	}
	n = int(binary.BigEndian.Uint16(b[offTeam:]))
	if n > maxTeamBytes || !zero(b[offTeam+2+n:offAnswers]) {
		return Response{}, fmt.Errorf("%w: team", ErrResponse)
	}
	team := string(b[offTeam+2 : offTeam+2+n])
	if !utf8.ValidString(team) || utf8.RuneCountInString(team) > MaxTeamName {
		return Response{}, fmt.Errorf("%w: team", ErrResponse)
	}
	if len(s.Items) > MaxItems || !zero(b[offAnswers+len(s.Items):]) {
		return Response{}, fmt.Errorf("%w: answers beyond the survey's items", ErrResponse)
	}
	r := Response{Team: team, Answers: map[string]int{}}
	for i, it := range s.Items {
		switch v := int(b[offAnswers+i]); {
		case v == 0:
		case v > s.Points:
			return Response{}, fmt.Errorf("%w: item %q: %d is not a point between 1 and %d", ErrResponse, it.ID, v, s.Points)
		default:
			r.Answers[it.ID] = v
		}
	}
	return r, nil
}

func decodeLegacy(s *Survey, b []byte) (Response, error) {
	if len(b) > MaxEncoded {
		return Response{}, fmt.Errorf("%w: %d bytes, more than a response holds", ErrResponse, len(b))
	}
	var w legacyWire
	if err := json.Unmarshal(b, &w); err != nil {
		return Response{}, fmt.Errorf("%w: %v", ErrResponse, err)
	}
	if w.V != 1 {
		return Response{}, fmt.Errorf("%w: version %d", ErrResponse, w.V)
	}
	if w.Survey != s.Hash {
		return Response{}, fmt.Errorf("%w: a response to another version of the survey", ErrResponse)
	}
	if w.Answers == nil {
		w.Answers = map[string]int{}
	}
	return Response{Team: w.Team, Answers: w.Answers}, nil
}

func zero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
