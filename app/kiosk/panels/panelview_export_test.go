package panels

import (
	"quietroom/app/kiosk"
	"quietroom/app/panel"
)

// LoadedForTest calls fn with the recruitment as this member's kiosk loaded it, the records it
// opened among them: for the tests of what load opens and converts. The screens see only
// State.
func (p *PanelMember) LoadedForTest(fn func(r *panel.Recruitment)) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	fn(p.rec)
	return nil
}
