package kiosk

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"quietroom/app/retention"
	"quietroom/app/seal"
	"quietroom/app/session"
	"quietroom/app/vault"
)

// A PIN reset (ResetPIN) gives an interviewer a new key. Every group key sealed to the old one
// (a team's board, a recruitment panel's, a survey review team's) then no longer opens for
// them, and nobody can seal it to the new key but a member who still holds it: the admin holds
// none. So the reset leaves the interviewer waiting to be let in again in each of their groups,
// in the same transaction as the new key (Interviewers.ResetInterviewerKey), and another member
// lets them in from the group's own screens (Board.LetIn, PanelMember.LetIn,
// SignedIn.LetInSurvey). Where no other member holds the key, nobody ever can: the admin is
// told so before confirming (PINResetEffects), and ResetPIN refuses a reset whose effects
// changed since.

// Errors of a PIN reset and of letting a member in again.
var (
	// ErrWaitingToBeLetInAgain: the member's PIN was reset, so the group's key, sealed to their
	// old key, does not open for them until another member lets them in again.
	ErrWaitingToBeLetInAgain = errors.New("you are waiting to be let in again by another member: your PIN was reset, so the key you held here no longer opens. Ask another member to sign in here and tap Let in beside your name")
	// ErrPINResetChanged: what a PIN reset affects is not what the admin was shown (a group
	// changed meanwhile).
	ErrPINResetChanged = errors.New("what this new PIN affects has changed meanwhile: go back and read the warning again")
	// ErrNotWaiting: the member to let in holds the key already.
	ErrNotWaiting = errors.New("this member is not waiting to be let in")
)

// GroupKind is the kind of group whose key is sealed to each member.
type GroupKind string

// The groups a member holds a key of.
const (
	GroupBoard  GroupKind = "board"  // a peer challenge team's board kept here
	GroupPanel  GroupKind = "panel"  // a recruitment panel
	GroupSurvey GroupKind = "survey" // a survey's review team
)

// Group is one group an interviewer is a member of, as the New PIN warning lists it: no key.
type Group struct {
	Kind         GroupKind
	EngagementID string
	Title        string
	// Waiting: the interviewer waits to be let in already.
	Waiting bool
	// Orphaned: no other member who can sign in holds the key, so nobody can let the
	// interviewer in after a reset: the group becomes unreadable to everyone, for good.
	Orphaned bool
}

// PINReset is what a new PIN for an interviewer does, as the admin is told before confirming:
// their sessions become unreadable (always), and in each group they wait to be let in again,
// or, in an Orphaned group, nobody can read it any more.
type PINReset struct {
	InterviewerID string
	Name          string
	Groups        []Group
}

// Orphaned are the groups that become unreadable for good.
func (r PINReset) Orphaned() []Group {
	return slices.DeleteFunc(slices.Clone(r.Groups), func(g Group) bool { return !g.Orphaned })
}

func (r PINReset) same(o PINReset) bool {
	return r.InterviewerID == o.InterviewerID && slices.Equal(r.Groups, o.Groups)
}

// PINResetEffects says what a new PIN for the interviewer would do to the groups they are in
// (admin). It opens nothing: who holds a key is in the clear.
func (k *Kiosk) PINResetEffects(ctx context.Context, a *Admin, interviewerID string) (PINReset, error) {
	if err := a.Check(); err != nil {
		return PINReset{}, err
	}
	iv, err := k.d.Interviewers.Interviewer(ctx, interviewerID)
	if err != nil {
		return PINReset{}, fmt.Errorf("new PIN: %w", err)
	}
	gs, err := k.groupsOf(ctx, interviewerID)
	if err != nil {
		return PINReset{}, fmt.Errorf("new PIN: %w", err)
	}
	return PINReset{InterviewerID: interviewerID, Name: iv.DisplayName, Groups: gs}, nil
}

// member is one member of a group: whether they hold its key.
type member struct {
	id     string
	hasKey bool
}

// groupsOf lists the groups the interviewer is in, by kind and title, with whether anyone else
// able to sign in holds the key.
func (k *Kiosk) groupsOf(ctx context.Context, interviewerID string) ([]Group, error) {
	engs, err := k.d.Engagements.Engagements(ctx)
	if err != nil {
		return nil, err
	}
	enabled := map[string]bool{}
	ivs, err := k.d.Interviewers.Interviewers(ctx)
	if err != nil {
		return nil, err
	}
	for _, iv := range ivs {
		enabled[iv.ID] = !iv.Disabled
	}
	var out []Group
	for _, e := range engs {
		for _, kind := range []GroupKind{GroupBoard, GroupPanel, GroupSurvey} {
			ms, err := k.members(ctx, kind, e.ID)
			if err != nil {
				return nil, err
			}
			i := slices.IndexFunc(ms, func(m member) bool { return m.id == interviewerID })
			if i < 0 {
				continue
			}
			others := slices.ContainsFunc(ms, func(m member) bool { return m.id != interviewerID && m.hasKey && enabled[m.id] })
			out = append(out, Group{Kind: kind, EngagementID: e.ID, Title: e.Title, Waiting: !ms[i].hasKey, Orphaned: !others})
		}
	}
	slices.SortStableFunc(out, func(a, b Group) int {
		return strings.Compare(string(a.Kind)+"\x00"+a.Title+"\x00"+a.EngagementID, string(b.Kind)+"\x00"+b.Title+"\x00"+b.EngagementID)
	})
	return out, nil
}

// members lists a group's members; none when the engagement has no such group (or the kiosk
// keeps no such groups).
func (k *Kiosk) members(ctx context.Context, kind GroupKind, engagementID string) ([]member, error) {
	var out []member
	switch kind {
	case GroupBoard:
		if k.d.Boards == nil {
			return nil, nil
		}
		ms, err := k.d.Boards.BoardMembers(ctx, engagementID)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			out = append(out, member{m.InterviewerID, len(m.SealedKey) > 0})
		}
	case GroupPanel:
		if k.d.Panels == nil {
			return nil, nil
		}
		st, err := k.d.Panels.Panel(ctx, engagementID)
		if errors.Is(err, session.ErrNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		for id, key := range st.MemberKeys {
			out = append(out, member{id, len(key) > 0})
		}
	case GroupSurvey:
		recs, err := k.d.Surveys.Surveys(ctx)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			if r.EngagementID != engagementID {
				continue
			}
			for _, id := range r.Members {
				key, err := k.d.Surveys.SurveyKey(ctx, engagementID, id)
				if err != nil && !errors.Is(err, session.ErrNotFound) {
					return nil, err
				}
				out = append(out, member{id, len(key) > 0})
			}
		}
	}
	slices.SortFunc(out, func(a, b member) int { return strings.Compare(a.id, b.id) })
	return out, nil
}

// Waiting lists the members of a group who wait to be let in (again), by name: the group's
// screens show them, with Let in for a member who can. No keys.
func (k *Kiosk) Waiting(ctx context.Context, kind GroupKind, engagementID string) ([]TeamMember, error) {
	ms, err := k.members(ctx, kind, engagementID)
	if err != nil {
		return nil, err
	}
	var out []TeamMember
	for _, m := range ms {
		if m.hasKey {
			continue
		}
		name := m.id
		if iv, err := k.d.Interviewers.Interviewer(ctx, m.id); err == nil {
			name = iv.DisplayName
		}
		out = append(out, TeamMember{ID: m.id, Name: name, Waiting: true})
	}
	slices.SortFunc(out, func(a, b TeamMember) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// currentRecipient is a waiting member's public key now (after their reset), checking that
// they wait in the group.
func (k *Kiosk) CurrentRecipient(ctx context.Context, kind GroupKind, engagementID, interviewerID string) (string, error) {
	ms, err := k.members(ctx, kind, engagementID)
	if err != nil {
		return "", err
	}
	i := slices.IndexFunc(ms, func(m member) bool { return m.id == interviewerID })
	switch {
	case i < 0:
		return "", ErrNotOnTeam
	case ms[i].hasKey:
		return "", ErrNotWaiting
	}
	iv, err := k.d.Interviewers.Interviewer(ctx, interviewerID)
	if err != nil {
		return "", err
	}
	return vault.PublicKeyOf(iv.KeySlot)
}

// LetInSurvey lets a review-team member who waits (after a PIN reset) in again: the signed-in
// member's key opens the survey's key, which is sealed to the waiting member's new key and
// forgotten. It reads no response, so it may be done while the survey is open.
func (s *SignedIn) LetInSurvey(ctx context.Context, engagementID, interviewerID string) error {
	if s.in == nil {
		return ErrSignedOut
	}
	mine, err := s.k.d.Surveys.SurveyKey(ctx, engagementID, s.id)
	switch {
	case errors.Is(err, session.ErrNotFound):
		return ErrNotOnReviewTeam
	case err != nil:
		return err
	case len(mine) == 0:
		return ErrWaitingToBeLetInAgain
	}
	rcpt, err := s.k.CurrentRecipient(ctx, GroupSurvey, engagementID, interviewerID)
	if err != nil {
		return err
	}
	key, err := s.in.OpenGroupKey(seal.PurposeSurveyKey, engagementID, mine)
	if errors.Is(err, vault.ErrKeyDestroyed) {
		return ErrSignedOut
	}
	if err != nil {
		return fmt.Errorf("let in: %w", err)
	}
	defer key.Destroy()
	sealed, err := key.SealFor(rcpt)
	if err != nil {
		return fmt.Errorf("let in: %w", err)
	}
	return s.k.d.Surveys.LetInSurveyMember(ctx, engagementID, interviewerID, sealed, retention.AuditEvent{
		At: s.k.Now(), Actor: retention.RoleInterviewer, Action: "survey.member.let-in", EngagementID: engagementID, Count: 1, Outcome: "ok"})
}

// WaitingIn reports whether the signed-in interviewer waits to be let in to a group (again,
// after a PIN reset): their own screens say so instead of offering what would not open.
func (s *SignedIn) WaitingIn(ctx context.Context, kind GroupKind, engagementID string) (bool, error) {
	ms, err := s.k.members(ctx, kind, engagementID)
	if err != nil {
		return false, err
	}
	i := slices.IndexFunc(ms, func(m member) bool { return m.id == s.id })
	return i >= 0 && !ms[i].hasKey, nil
}
