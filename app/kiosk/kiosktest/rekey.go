package kiosktest

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"quietroom/app/retention"
	"quietroom/app/session"
)

// ResetInterviewerKey implements kiosk.Interviewers: the audit entry first, then the new key
// slot, and the interviewer's board, panel and survey keys cleared (they wait to be let in again),
// with nothing that can fail after the entry, as the store's one transaction.
func (s *Store) ResetInterviewerKey(ctx context.Context, iv session.Interviewer, ev retention.AuditEvent) error {
	if err := s.Storage.AppendAudit(ctx, ev); err != nil {
		return fmt.Errorf("reset interviewer %s: %w", iv.ID, err)
	}
	s.mu.Lock()
	iv.KeySlot = slices.Clone(iv.KeySlot)
	s.interviewers[iv.ID] = iv
	s.mu.Unlock()
	s.Panels.mu.Lock()
	for _, p := range s.Panels.panels {
		if _, ok := p.MemberKeys[iv.ID]; ok {
			p.MemberKeys[iv.ID] = nil
		}
	}
	s.Panels.mu.Unlock()
	s.Boards.clearMember(iv.ID)
	v := s.sv()
	v.mu.Lock()
	for _, keys := range v.keys {
		if _, ok := keys[iv.ID]; ok {
			keys[iv.ID] = nil
		}
	}
	v.mu.Unlock()
	return nil
}

// LetInPanelMember implements kiosk.Panels.
func (s *Panels) LetInPanelMember(ctx context.Context, engagementID, interviewerID string, sealed []byte, ev retention.AuditEvent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.panels[engagementID]
	if !ok {
		return fmt.Errorf("panel %s: %w", engagementID, session.ErrNotFound)
	}
	if _, ok := p.MemberKeys[interviewerID]; !ok {
		return fmt.Errorf("panel member: %w", session.ErrNotFound)
	}
	if err := s.audit.AppendAudit(ctx, ev); err != nil {
		return err
	}
	p.MemberKeys[interviewerID] = bytes.Clone(sealed)
	return nil
}

// LetInSurveyMember implements kiosk.Surveys.
func (s *Store) LetInSurveyMember(ctx context.Context, engagementID, interviewerID string, sealed []byte, ev retention.AuditEvent) error {
	v := s.sv()
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, ok := v.keys[engagementID][interviewerID]; !ok {
		return fmt.Errorf("survey member: %w", session.ErrNotFound)
	}
	if err := s.Storage.AppendAudit(ctx, ev); err != nil {
		return err
	}
	v.keys[engagementID][interviewerID] = bytes.Clone(sealed)
	return nil
}
