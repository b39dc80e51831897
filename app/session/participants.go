package session

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"quietroom/app/protocol"
)

// MaxParticipants is the most people one session may have: the handbook's day-1 interviews
// are small-group ones ("4-5 participants will be fine for each session"), with room to spare.
// A recruitment panel's candidate is always alone.
const MaxParticipants = 8

// group is who reads the preamble and gives consent in turn, and how many took part. A
// one-to-one is a group of one. No participant is named: they are a turn, and those who
// agreed are counted, nothing more.
type group struct {
	expected int       // set at set-up (1 to MaxParticipants)
	turn     int       // the participant reading or consenting now, from 0
	agreed   []Consent // the choices of those who gave consent, in turn order
	tookPart int       // how many gave consent, once the questions began (or as stored)
}

// last reports whether the participant whose turn it is is the last one expected.
func (g group) last() bool { return g.turn+1 >= g.expected }

func (g *group) forget() {
	for _, c := range g.agreed {
		clear(c.Signature)
	}
	g.agreed = nil
}

// checkParticipants is the set-up's number of participants: 0 means 1; a panel's candidate
// is alone.
func checkParticipants(n int, kind protocol.Kind) (int, error) {
	switch {
	case n == 0:
		return 1, nil
	case n < 1 || n > MaxParticipants:
		return 0, fmt.Errorf("%w: a session has between 1 and %d participants", ErrInvalidSetup, MaxParticipants)
	case n > 1 && kind == protocol.KindPanel:
		return 0, fmt.Errorf("%w: a recruitment panel interviews one candidate at a time", ErrInvalidSetup)
	}
	return n, nil
}

// loadGroup opens a stored session's count of participants; a record from before the count
// was kept was a one-to-one.
func loadGroup(key SessionKey, sealed []byte) (group, error) {
	if len(sealed) == 0 {
		return group{expected: 1, tookPart: 1}, nil
	}
	b, err := key.Open(recordParticipants, sealed)
	if err != nil {
		return group{}, fmt.Errorf("open participants: %w", err)
	}
	n, err := strconv.Atoi(string(b))
	if err != nil || n < 1 || n > MaxParticipants {
		return group{}, fmt.Errorf("open participants: %q is not a count of people", b)
	}
	return group{expected: n, turn: n - 1, tookPart: n}, nil
}

// groupConsent is the consent record of those who took part, as one: the required points
// (which each of them agreed to), and each optional point agreed only where every one of them
// agreed, so that nobody is, say, contacted for a follow-up who said no. The signatures of
// those who signed are kept one to a line (a signature pad's strokes hold no line break). For
// a one-to-one it is that person's consent as given.
func groupConsent(pack *protocol.Pack, agreed []Consent) Consent {
	if len(agreed) == 1 {
		return Consent{Choices: maps.Clone(agreed[0].Choices), Signature: slices.Clone(agreed[0].Signature)}
	}
	out := Consent{Choices: map[string]bool{}}
	for _, p := range pack.Consent {
		all := true
		for _, c := range agreed {
			all = all && c.Choices[p.ID]
		}
		out.Choices[p.ID] = all
	}
	var sigs [][]byte
	for _, c := range agreed {
		if len(c.Signature) > 0 {
			sigs = append(sigs, c.Signature)
		}
	}
	out.Signature = bytes.Join(sigs, []byte("\n"))
	return out
}
