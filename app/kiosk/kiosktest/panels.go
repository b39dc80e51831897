package kiosktest

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
	"testing"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
	"quietroom/app/retention"
	"quietroom/app/session"
)

// Panels is kiosk.Panels in memory, with the SQLite store's rules, proven by PanelsContract as
// the store is: a second submission (an item id stored already) or decision is refused, frozen
// once stored is kept, a conversion replaces the legacy records, and every change is a copy. It takes
// no part in retention's purge and wipes (Wipe forgets one by hand): how a panel is destroyed
// is the SQLite store's, tested there and in app/assemble against the real files.
type Panels struct {
	mu     sync.Mutex
	panels map[string]*panel.Stored
	audit  interface {
		AppendAudit(context.Context, retention.AuditEvent) error
	}
}

var _ kiosk.Panels = (*Panels)(nil)

// NewPanels returns empty panel storage whose audit entries go to audit.
func NewPanels(audit interface {
	AppendAudit(context.Context, retention.AuditEvent) error
}) *Panels {
	return &Panels{panels: map[string]*panel.Stored{}, audit: audit}
}

func clone(p panel.Stored) panel.Stored {
	p.SealedSetup = bytes.Clone(p.SealedSetup)
	p.MemberKeys = cloneBytes(p.MemberKeys)
	p.Items = cloneBytes(p.Items)
	if p.Items == nil {
		p.Items = map[string][]byte{}
	}
	p.Legacy.Records = cloneBytes(p.Legacy.Records)
	p.Legacy.Submissions = slices.Clone(p.Legacy.Submissions)
	return p
}

// cloneBytes copies a map and the bytes it holds.
func cloneBytes(m map[string][]byte) map[string][]byte {
	if m == nil {
		return nil
	}
	out := make(map[string][]byte, len(m))
	for k, v := range m {
		out[k] = bytes.Clone(v)
	}
	return out
}

// CreatePanel implements kiosk.Panels.
func (s *Panels) CreatePanel(ctx context.Context, p panel.Stored, ev retention.AuditEvent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.panels[p.EngagementID]; ok {
		return fmt.Errorf("create panel: already there")
	}
	if err := s.audit.AppendAudit(ctx, ev); err != nil {
		return err
	}
	c := clone(p)
	s.panels[p.EngagementID] = &c
	return nil
}

// Panel implements kiosk.Panels.
func (s *Panels) Panel(ctx context.Context, id string) (panel.Stored, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.panels[id]
	if !ok {
		return panel.Stored{}, fmt.Errorf("panel %s: %w", id, session.ErrNotFound)
	}
	return clone(*p), nil
}

// PanelsOf implements kiosk.Panels.
func (s *Panels) PanelsOf(ctx context.Context, interviewerID string) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for id, p := range s.panels {
		if _, ok := p.MemberKeys[interviewerID]; ok {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out, nil
}

// SavePanelSetup implements kiosk.Panels.
func (s *Panels) SavePanelSetup(ctx context.Context, id string, sealed []byte, frozen bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.panels[id]
	if !ok {
		return session.ErrNotFound
	}
	p.SealedSetup = bytes.Clone(sealed)
	p.Frozen = p.Frozen || frozen
	return nil
}

// PutPanelItem implements kiosk.Panels.
func (s *Panels) PutPanelItem(ctx context.Context, id, itemID string, sealed []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.panels[id]
	if !ok {
		return session.ErrNotFound
	}
	if p.Items == nil {
		p.Items = map[string][]byte{}
	}
	p.Items[itemID] = bytes.Clone(sealed)
	return nil
}

// SubmitPanelSheet implements kiosk.Panels.
func (s *Panels) SubmitPanelSheet(ctx context.Context, id, itemID string, sealed []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.panels[id]
	if !ok {
		return session.ErrNotFound
	}
	if _, ok := p.Items[itemID]; ok {
		return panel.ErrSubmitted
	}
	p.Items[itemID] = bytes.Clone(sealed)
	return nil
}

// DecidePanel implements kiosk.Panels.
func (s *Panels) DecidePanel(ctx context.Context, id, itemID string, sealed []byte, ev retention.AuditEvent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.panels[id]
	if !ok {
		return session.ErrNotFound
	}
	if p.Decided {
		return panel.ErrDecided
	}
	if err := s.audit.AppendAudit(ctx, ev); err != nil {
		return err
	}
	p.Decided = true
	p.Items[itemID] = bytes.Clone(sealed)
	return nil
}

// AddPanelItems implements kiosk.Panels.
func (s *Panels) AddPanelItems(ctx context.Context, id string, items map[string][]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.addItems(id, items)
	return err
}

// addItems adds the items the panel has not got yet; the caller holds s.mu.
func (s *Panels) addItems(id string, items map[string][]byte) (*panel.Stored, error) {
	p, ok := s.panels[id]
	if !ok {
		return nil, session.ErrNotFound
	}
	for k, v := range items {
		if _, ok := p.Items[k]; !ok {
			p.Items[k] = bytes.Clone(v)
		}
	}
	return p, nil
}

// ConvertPanel implements kiosk.Panels.
func (s *Panels) ConvertPanel(ctx context.Context, id string, items map[string][]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, err := s.addItems(id, items)
	if err != nil {
		return err
	}
	p.Legacy = panel.Legacy{}
	return nil
}

// SetLegacy makes a panel as it was stored before its records were kept as items: its items
// are dropped and l is kept instead, for the kiosk to convert on the next open.
func (s *Panels) SetLegacy(id string, l panel.Legacy) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.panels[id]; ok {
		p.Items = map[string][]byte{}
		p.Legacy = panel.Legacy{Records: maps.Clone(l.Records), Submissions: slices.Clone(l.Submissions)}
	}
}

// Wipe forgets a recruitment's panel, as the store's wipe does.
func (s *Panels) Wipe(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.panels, id)
}

// PanelSeed is a recruitment with three interviewers to put on its panel.
type PanelSeed struct {
	Admin *kiosk.Admin
	// EngagementID is the recruitment (kind recruitment).
	EngagementID string
	// Chair is the appointing officer and chair, Staff the member of staff, Partner the
	// service user or carer; PINs by their ids.
	Chair, Staff, Partner session.Interviewer
	PINs                  map[string]string
}

// Members are the seed's panel: the chair is also the appointing officer.
func (s PanelSeed) Members() []panel.Member {
	return []panel.Member{
		{ID: s.Chair.ID, Roles: []panel.Role{panel.RoleAppointingOfficer, panel.RoleChair}},
		{ID: s.Staff.ID, Roles: []panel.Role{panel.RoleStaff}},
		{ID: s.Partner.ID, Roles: []panel.Role{panel.RolePartner}},
	}
}

// SeedPanel sets up the device (admin credential "246810"), a recruitment "Recruitment: Band 6
// nurse" deleted in 90 days and three interviewers.
func SeedPanel(t testing.TB, k *kiosk.Kiosk) PanelSeed {
	t.Helper()
	ctx := context.Background()
	a, err := k.Setup(ctx, []byte("246810"), "Room 2")
	if err != nil {
		t.Fatal(err)
	}
	eng, err := k.CreateEngagement(ctx, a, kiosk.NewEngagement{Title: "Recruitment: Band 6 nurse",
		Kind: session.KindRecruitment, DeletionDate: k.Now().AddDate(0, 0, 90)})
	if err != nil {
		t.Fatal(err)
	}
	s := PanelSeed{Admin: a, EngagementID: eng.ID, PINs: map[string]string{}}
	for _, p := range []struct {
		to        *session.Interviewer
		name, pin string
	}{{&s.Chair, "Sam (chair)", "111111"}, {&s.Staff, "Ravi (staff)", "222222"}, {&s.Partner, "Pat (carer)", "333333"}} {
		iv, err := k.AddInterviewer(ctx, a, p.name, []byte(p.pin))
		if err != nil {
			t.Fatal(err)
		}
		*p.to = iv
		s.PINs[iv.ID] = p.pin
	}
	return s
}

// AgreedConsent is a candidate's consent agreeing to every point of the pack k shows panel
// candidates (PanelPack), as a candidate gives it on the consent screen.
func AgreedConsent(k *kiosk.Kiosk) panels.CandidateConsent {
	p := panels.PanelPack(k)
	c := panels.CandidateConsent{Choices: map[string]bool{}, TextHash: p.Hash}
	for _, pt := range p.Consent {
		c.Choices[pt.ID] = true
	}
	return c
}
