package protocol

import (
	"errors"
	"testing"
)

func TestCheckConsent(t *testing.T) {
	p := &Pack{Consent: []ConsentPoint{
		{ID: ConsentTakePart, Required: true}, {ID: ConsentNotes, Required: true}, {ID: "follow-up"},
	}}
	for _, tc := range []struct {
		name    string
		choices map[string]bool
		agreed  bool
		err     error
	}{
		{"all agreed", map[string]bool{ConsentTakePart: true, ConsentNotes: true, "follow-up": true}, true, nil},
		{"optional declined", map[string]bool{ConsentTakePart: true, ConsentNotes: true, "follow-up": false}, true, nil},
		{"required declined", map[string]bool{ConsentTakePart: true, ConsentNotes: false, "follow-up": true}, false, nil},
		{"optional missing", map[string]bool{ConsentTakePart: true, ConsentNotes: true}, false, ErrInvalidConsent},
		{"required declined, another missing", map[string]bool{ConsentTakePart: false, ConsentNotes: true}, false, ErrInvalidConsent},
		{"nothing", nil, false, ErrInvalidConsent},
		{"unknown point", map[string]bool{ConsentTakePart: true, ConsentNotes: true, "follow-up": true, "photos": true}, false, ErrInvalidConsent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			agreed, err := p.CheckConsent(tc.choices)
			if agreed != tc.agreed || !errors.Is(err, tc.err) || (err == nil) != (tc.err == nil) {
				t.Errorf("CheckConsent(%v) = %v, %v; want %v, %v", tc.choices, agreed, err, tc.agreed, tc.err)
			}
		})
	}
}
