package panels

import (
	"context"
	"fmt"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/internal/access"
	"quietroom/app/retention"
)

// LetIn lets a panel member who waits (after a PIN reset) in again: the recruitment's key,
// which this member holds while the panel is open, is sealed to their new key.
func (p *PanelMember) LetIn(ctx context.Context, interviewerID string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.key == nil || p.rec == nil {
		return kiosk.ErrSignedOut
	}
	eng := p.stored.EngagementID
	rcpt, err := p.k.CurrentRecipient(ctx, kiosk.GroupPanel, eng, interviewerID)
	if err != nil {
		return err
	}
	sealed, err := p.key.SealFor(rcpt)
	if err != nil {
		return fmt.Errorf("let in: %w", err)
	}
	return p.k.Deps(access.Pass).Panels.LetInPanelMember(ctx, eng, interviewerID, sealed, retention.AuditEvent{
		At: p.k.Now(), Actor: retention.RoleInterviewer, Action: "panel.member.let-in", EngagementID: eng, Count: 1, Outcome: "ok"})
}
