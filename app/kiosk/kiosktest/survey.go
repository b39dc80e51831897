package kiosktest

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"

	"quietroom/app/kiosk"
	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/survey"
)

var _ kiosk.Surveys = (*Store)(nil)

// surveys are the survey engagements in memory. Wiping or purging the engagement in the
// in-memory retention storage does not reach them: the store's tests check that deletion on
// SQLite, with the raw-byte scan.
type surveys struct {
	mu        sync.Mutex
	records   map[string]survey.Record
	keys      map[string]map[string][]byte // engagement → member → sealed key
	responses map[string]map[string][]byte // engagement → response id → sealed
}

func (s *Store) sv() *surveys {
	s.svOnce.Do(func() {
		s.surveys = &surveys{records: map[string]survey.Record{}, keys: map[string]map[string][]byte{}, responses: map[string]map[string][]byte{}}
	})
	return s.surveys
}

// CreateSurvey implements kiosk.Surveys.
// The engagement is made with it: an id in use is refused, and nothing changes.
func (s *Store) CreateSurvey(ctx context.Context, e session.Engagement, r survey.Record, keys map[string][]byte, ev retention.AuditEvent) error {
	v := s.sv()
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, err := s.Storage.Engagement(ctx, e.ID); err == nil {
		return fmt.Errorf("create survey %s: the engagement id is in use", e.ID)
	}
	if err := s.Storage.AppendAudit(ctx, ev); err != nil {
		return fmt.Errorf("create survey %s: %w", e.ID, err)
	}
	s.Storage.AddEngagement(e)
	r.File = bytes.Clone(r.File)
	r.Teams = slices.Clone(r.Teams)
	v.records[e.ID] = r
	v.keys[e.ID] = cloneBytes(keys)
	v.responses[e.ID] = map[string][]byte{}
	return nil
}

// Surveys implements kiosk.Surveys, with the engagement's deletion date and hold as they are
// now.
func (s *Store) Surveys(ctx context.Context) ([]survey.Record, error) {
	v := s.sv()
	v.mu.Lock()
	recs := slices.Collect(maps.Values(v.records))
	v.mu.Unlock()
	var out []survey.Record
	for _, r := range recs {
		e, err := s.Storage.Engagement(ctx, r.EngagementID)
		if err != nil {
			continue // wiped
		}
		// The earlier of the engagement's date and the one the survey was made with, as the store.
		if e.DeletionDate.Before(r.DeletionDate) {
			r.DeletionDate = e.DeletionDate
		}
		r.LegalHold, r.Title = e.LegalHold, e.Title
		r.File, r.Teams = bytes.Clone(r.File), slices.Clone(r.Teams)
		r.Members = slices.Sorted(maps.Keys(v.keys[r.EngagementID]))
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b survey.Record) int {
		if a.Title != b.Title {
			return compare(a.Title, b.Title)
		}
		return compare(a.EngagementID, b.EngagementID)
	})
	return out, nil
}

func compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// PutSurveyResponse implements kiosk.Surveys.
func (s *Store) PutSurveyResponse(ctx context.Context, engagementID, responseID string, sealed []byte) error {
	v := s.sv()
	v.mu.Lock()
	defer v.mu.Unlock()
	rs, ok := v.responses[engagementID]
	if !ok {
		return fmt.Errorf("survey %s: %w", engagementID, session.ErrNotFound)
	}
	if _, dup := rs[responseID]; dup {
		return fmt.Errorf("survey response %s is already stored", responseID)
	}
	rs[responseID] = bytes.Clone(sealed)
	return nil
}

// SurveyResponses implements kiosk.Surveys.
func (s *Store) SurveyResponses(ctx context.Context, engagementID string) (map[string][]byte, error) {
	v := s.sv()
	v.mu.Lock()
	defer v.mu.Unlock()
	return cloneBytes(v.responses[engagementID]), nil
}

// SurveyResponseCount counts an engagement's responses, for tests: the kiosk never asks.
func (s *Store) SurveyResponseCount(ctx context.Context, engagementID string) (int, error) {
	v := s.sv()
	v.mu.Lock()
	defer v.mu.Unlock()
	return len(v.responses[engagementID]), nil
}

// SurveyKey implements kiosk.Surveys.
func (s *Store) SurveyKey(ctx context.Context, engagementID, interviewerID string) ([]byte, error) {
	v := s.sv()
	v.mu.Lock()
	defer v.mu.Unlock()
	k, ok := v.keys[engagementID][interviewerID]
	if !ok {
		return nil, fmt.Errorf("survey key: %w", session.ErrNotFound)
	}
	return bytes.Clone(k), nil
}
