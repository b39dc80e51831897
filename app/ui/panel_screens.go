package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
	"quietroom/app/protocol"
)

// The recruitment panel's screens. One kiosk sits on the panel's table; members take turns
// with their own PINs. Between them the lobby shows who has scored, never a score. A signed-in
// member's panel (panelScreens.panel) holds the recruitment's key until they sign out.

// panelScreens are the recruitment panel's screens, with the panel's own state; the shell
// (u) shows them and lends its helpers.
type panelScreens struct {
	u *UI
	// panel is the signed-in panel member's open recruitment.
	panel *panels.PanelMember
}

// panelPackID is the pack whose candidate preamble and consent the panel shows.
const panelPackID = panels.PanelPackID

// close forgets the signed-in member's recruitment (and its key).
func (s *panelScreens) close() {
	if s.panel != nil {
		s.panel.Close()
		s.panel = nil
	}
}

// names maps interviewer ids to display names.
func (s *panelScreens) names() map[string]string {
	out := map[string]string{}
	if ivs, err := s.u.kiosk.Interviewers(s.u.ctx); err == nil {
		for _, iv := range ivs {
			out[iv.ID] = iv.DisplayName
		}
	}
	return out
}

func roleName(r panel.Role) string {
	switch r {
	case panel.RoleAppointingOfficer:
		return lang.L("Appointing officer")
	case panel.RoleChair:
		return lang.L("Chair")
	case panel.RoleStaff:
		return lang.L("Member of staff")
	case panel.RolePartner:
		return lang.L("Service user or carer")
	}
	return string(r)
}

func rolesText(m panel.Member) string {
	var s []string
	for _, r := range m.Roles {
		s = append(s, roleName(r))
	}
	return strings.Join(s, lang.L(" and "))
}

// state is the signed-in member's view of the recruitment and what they may do now (the
// kiosk's PanelView); false when there is none (Home shown).
func (s *panelScreens) state() (panels.PanelView, bool) {
	if s.panel == nil {
		s.u.showHome()
		return panels.PanelView{}, false
	}
	v, err := s.panel.State()
	if err != nil {
		s.u.showHome()
		return panels.PanelView{}, false
	}
	return v, true
}

func (s *panelScreens) panelPack() *protocol.Pack { return panels.PanelPack(s.u.kiosk) }

// fitPages is a list of rows that shows as many as the room holds (fitList), with Previous
// page and Next page under it only when the rows need more than one page: a page holds what
// fits at the window's size and text size, not a fixed count.
type fitPages struct {
	list *fitList
	nav  *fyne.Container
}

func (u *UI) newFitPages(rows []fyne.CanvasObject) *fyne.Container {
	l := newFitList(rows, u.touch)
	p := &fitPages{list: l, nav: container.NewHBox(l.prev, layout.NewSpacer(), l.info, layout.NewSpacer(), l.next)}
	return container.New(p, l.box, p.nav)
}

// Layout implements fyne.Layout: the rows take the whole height when they all fit in it,
// otherwise the page buttons take the bottom.
func (p *fitPages) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	if p.list.start == 0 && p.fitsAll(size) {
		p.nav.Hide()
		p.list.box.Move(fyne.NewPos(0, 0))
		p.list.box.Resize(size)
		return
	}
	p.nav.Show()
	navH := p.nav.MinSize().Height
	boxH := max(size.Height-navH-theme.Padding(), 0)
	p.list.box.Move(fyne.NewPos(0, 0))
	p.list.box.Resize(fyne.NewSize(size.Width, boxH))
	p.nav.Move(fyne.NewPos(0, size.Height-navH))
	p.nav.Resize(fyne.NewSize(size.Width, navH))
}

func (p *fitPages) fitsAll(size fyne.Size) bool {
	y := float32(0)
	for i, o := range p.list.rows {
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		if i > 0 {
			y += theme.Padding()
		}
		y += o.MinSize().Height
		if y > size.Height {
			return false
		}
	}
	return true
}

// MinSize implements fyne.Layout: one row's height at most (fitList) and the page buttons, so
// a long list never makes the window grow.
func (p *fitPages) MinSize(_ []fyne.CanvasObject) fyne.Size {
	b, n := p.list.box.MinSize(), p.nav.MinSize()
	return fyne.NewSize(max(b.Width, n.Width), b.Height+n.Height+theme.Padding())
}
