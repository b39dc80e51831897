package kiosk

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/vault"
)

func (a *Admin) Check() error {
	if a == nil || a.proof == nil {
		return vault.ErrNotAdmin
	}
	return nil
}

// NewEngagement is the admin's form for an engagement.
type NewEngagement struct {
	Title string // never a person's name
	Kind  session.EngagementKind
	// VisitDate (a peer challenge's on-site visit) and FollowUpDate (the follow-up visit or
	// discussion) are given for the kinds that have them; a 360 programme's FollowUpDate is
	// the programme's last day, which it must have. The deletion date is normally the day after
	// the follow-up (session.DeletionAfterFollowUp) and is never before it.
	VisitDate, FollowUpDate time.Time
	DeletionDate            time.Time
	StakeholderGroups       []string
}

// AllEngagements lists every engagement, closed ones included, for the admin.
func (k *Kiosk) AllEngagements(ctx context.Context, a *Admin) ([]session.Engagement, error) {
	if err := a.Check(); err != nil {
		return nil, err
	}
	return k.d.Engagements.Engagements(ctx)
}

// CreateEngagement creates an engagement. Its deletion date is required and must be in the
// future (by trusted time).
func (k *Kiosk) CreateEngagement(ctx context.Context, a *Admin, n NewEngagement) (session.Engagement, error) {
	if err := a.Check(); err != nil {
		return session.Engagement{}, err
	}
	title := strings.TrimSpace(n.Title)
	if title == "" {
		return session.Engagement{}, fmt.Errorf("%w: give the engagement a title (for example \"360 interviews, cohort 3\")", ErrInvalid)
	}
	now := k.Now()
	// The programme's end comes first: without it a 360 engagement has no deletion date to
	// give, and a made-up one would destroy a participant's notes before the programme ends.
	if n.Kind.AsksProgrammeEnd() && n.FollowUpDate.IsZero() {
		return session.Engagement{}, fmt.Errorf("%w: give the last day of the programme: the follow-up discussion is when the programme is finished, and the records are deleted the day after", ErrInvalid)
	}
	if n.DeletionDate.IsZero() {
		return session.Engagement{}, fmt.Errorf("%w: %w", ErrInvalid, retention.ErrNoDeletionDate)
	}
	if !n.DeletionDate.After(now) {
		return session.Engagement{}, fmt.Errorf("%w: the deletion date must be in the future", ErrInvalid)
	}
	switch {
	case n.Kind.HasVisit() && n.VisitDate.IsZero():
		return session.Engagement{}, fmt.Errorf("%w: give the date of the visit", ErrInvalid)
	case n.Kind.HasFollowUp() && n.FollowUpDate.IsZero():
		return session.Engagement{}, fmt.Errorf("%w: give the date of the follow-up", ErrInvalid)
	case !n.VisitDate.IsZero() && !n.FollowUpDate.IsZero() && n.FollowUpDate.Before(n.VisitDate):
		return session.Engagement{}, fmt.Errorf("%w: the follow-up must come after the visit", ErrInvalid)
	case !n.FollowUpDate.IsZero() && n.DeletionDate.Before(session.DeletionAfterFollowUp(n.FollowUpDate)):
		return session.Engagement{}, fmt.Errorf("%w: the deletion date is before the end of the follow-up day, so the records would be gone for the follow-up; choose a later date", ErrInvalid)
	}
	if !n.Kind.HasVisit() {
		n.VisitDate = time.Time{}
	}
	if !n.Kind.HasFollowUp() {
		n.FollowUpDate = time.Time{}
	}
	var groups []string
	for _, g := range n.StakeholderGroups {
		if g = strings.Join(strings.Fields(g), " "); g != "" && !slices.Contains(groups, g) {
			groups = append(groups, g)
		}
	}
	e := session.Engagement{
		ID: k.newID(), Title: title, Kind: n.Kind, VisitDate: n.VisitDate, FollowUpDate: n.FollowUpDate,
		DeletionDate: n.DeletionDate, StakeholderGroups: groups, CreatedAt: now,
	}
	ev := retention.AuditEvent{At: now, Actor: retention.RoleAdmin, Action: "engagement.create", EngagementID: e.ID, Outcome: "ok"}
	if err := k.d.Engagements.CreateEngagement(ctx, e, ev); err != nil {
		return session.Engagement{}, fmt.Errorf("create engagement: %w", err)
	}
	return e, nil
}

// SetDeletionDate changes an engagement's deletion date (sessions are never extended).
func (k *Kiosk) SetDeletionDate(ctx context.Context, a *Admin, engagementID string, date time.Time) error {
	if err := a.Check(); err != nil {
		return err
	}
	return k.d.Retention.SetDeletionDate(ctx, engagementID, date, retention.RoleAdmin)
}

// PlaceHold puts an engagement on legal hold; the reason is required.
func (k *Kiosk) PlaceHold(ctx context.Context, a *Admin, engagementID, reason string) error {
	if err := a.Check(); err != nil {
		return err
	}
	return k.d.Retention.PlaceHold(ctx, engagementID, reason, retention.RoleAdmin)
}

// ReleaseHold releases a legal hold.
func (k *Kiosk) ReleaseHold(ctx context.Context, a *Admin, engagementID string) error {
	if err := a.Check(); err != nil {
		return err
	}
	return k.d.Retention.ReleaseHold(ctx, engagementID, retention.RoleAdmin)
}

// CloseEngagement closes an engagement to new sessions; its records stay until their date.
func (k *Kiosk) CloseEngagement(ctx context.Context, a *Admin, engagementID string) error {
	if err := a.Check(); err != nil {
		return err
	}
	ev := retention.AuditEvent{At: k.Now(), Actor: retention.RoleAdmin, Action: "engagement.close", EngagementID: engagementID, Outcome: "ok"}
	if err := k.d.Engagements.CloseEngagement(ctx, engagementID, ev); err != nil {
		return fmt.Errorf("close engagement: %w", err)
	}
	return nil
}

// FollowUpAhead reports whether an engagement's follow-up date has not come yet (by trusted
// time), with that date: a wipe now destroys records the follow-up may still need, so the
// admin is told so plainly before confirming. False for an engagement without a follow-up.
func (k *Kiosk) FollowUpAhead(ctx context.Context, a *Admin, engagementID string) (time.Time, bool, error) {
	if err := a.Check(); err != nil {
		return time.Time{}, false, err
	}
	followUp, err := k.followUpOf(ctx, engagementID)
	if err != nil {
		return time.Time{}, false, err
	}
	return followUp, retention.FollowUpAt(k.Now(), followUp) == retention.FollowUpBefore, nil
}

// followUpOf is an engagement's follow-up date; zero when it has none or is not there (a wipe
// of it then finds nothing, or says so).
func (k *Kiosk) followUpOf(ctx context.Context, engagementID string) (time.Time, error) {
	all, err := k.d.Engagements.Engagements(ctx)
	if err != nil {
		return time.Time{}, fmt.Errorf("engagement %s: %w", engagementID, err)
	}
	for _, e := range all {
		if e.ID == engagementID {
			return e.FollowUpDate, nil
		}
	}
	return time.Time{}, nil
}

// WipeEngagement destroys every record of an engagement ("follow-up visit done") and returns
// the receipt, which says whether the wipe came before, on or after the engagement's follow-up
// date. The light shows maintenance meanwhile. A live session blocks it.
func (k *Kiosk) WipeEngagement(ctx context.Context, a *Admin, engagementID string) (retention.Receipt, error) {
	if err := a.Check(); err != nil {
		return retention.Receipt{}, err
	}
	if st := k.engine.State(); st != "" && !st.Final() && st != session.StateSealed {
		return retention.Receipt{}, fmt.Errorf("wipe: %w", session.ErrSessionLive)
	}
	followUp, err := k.followUpOf(ctx, engagementID)
	if err != nil {
		return retention.Receipt{}, fmt.Errorf("wipe: %w", err)
	}
	done := k.light.Maintenance()
	defer done()
	r, err := k.d.Retention.WipeFollowedUp(ctx, engagementID, followUp, retention.RoleAdmin)
	if err != nil {
		return retention.Receipt{}, fmt.Errorf("wipe engagement: %w", err)
	}
	k.log.Info("engagement wiped", "engagement_id", engagementID, "sessions", r.Sessions, "outcome", r.Outcome)
	return r, nil
}

// InterviewerStatus is an interviewer as the admin sees them: no key, and the lock-out state.
type InterviewerStatus struct {
	session.Interviewer
	LockedOut bool
	Wait      time.Duration
}

// AllInterviewers lists every interviewer for the admin, with their lock-out state.
func (k *Kiosk) AllInterviewers(ctx context.Context, a *Admin) ([]InterviewerStatus, error) {
	if err := a.Check(); err != nil {
		return nil, err
	}
	all, err := k.d.Interviewers.Interviewers(ctx)
	if err != nil {
		return nil, fmt.Errorf("list interviewers: %w", err)
	}
	out := make([]InterviewerStatus, len(all))
	for i, iv := range all {
		out[i].Interviewer = iv.Public()
		w, err := k.PINDelay(ctx, iv.ID)
		out[i].LockedOut = errors.Is(err, vault.ErrLockedOut)
		out[i].Wait = w
	}
	return out, nil
}

// AddInterviewer creates an interviewer with their own key pair, sealed under their PIN.
func (k *Kiosk) AddInterviewer(ctx context.Context, a *Admin, displayName string, pin []byte) (session.Interviewer, error) {
	if err := a.Check(); err != nil {
		return session.Interviewer{}, err
	}
	displayName = strings.TrimSpace(displayName)
	if displayName == "" {
		return session.Interviewer{}, fmt.Errorf("%w: give a name or initials", ErrInvalid)
	}
	if err := CheckPIN(pin); err != nil {
		return session.Interviewer{}, err
	}
	id := k.newID()
	slot, err := k.d.Vault.NewInterviewer(id, pin)
	if err != nil {
		return session.Interviewer{}, fmt.Errorf("add interviewer: %w", err)
	}
	b, err := slot.MarshalBinary()
	if err != nil {
		return session.Interviewer{}, fmt.Errorf("add interviewer: %w", err)
	}
	ev := k.adminEvent("interviewer.add", 0)
	iv := session.Interviewer{ID: id, DisplayName: displayName, KeySlot: b, CreatedAt: ev.At, UpdatedAt: ev.At}
	if err := k.d.Interviewers.ResetInterviewerKey(ctx, iv, ev); err != nil {
		return session.Interviewer{}, fmt.Errorf("add interviewer: %w", err)
	}
	return iv.Public(), nil
}

// ClearLockOut lifts an interviewer's wrong-PIN delay or lock-out. It opens nothing. The
// wrong-PIN counts are the vault's (its attempt log), so the audit entry is written first (see
// doc.go): when it cannot be, the lock stays and the error matches ErrNotAudited.
func (k *Kiosk) ClearLockOut(ctx context.Context, a *Admin, interviewerID string) error {
	if err := a.Check(); err != nil {
		return err
	}
	return k.Audited(ctx, k.adminEvent("interviewer.unlock", 0), func() error {
		return k.d.Limiter.Clear(ctx, interviewerID, a.proof)
	})
}

// ResetPIN gives an interviewer who forgot their PIN a new key pair under a new PIN and lifts
// any lock-out. Their earlier sessions can then no longer be opened by anyone (the admin holds
// no key to them); they are still deleted on their dates. In each board, panel and survey
// review team they are in, they wait to be let in again by another member (see rekey.go).
// told is what PINResetEffects showed the admin; when the reset would now do otherwise (a
// group became one nobody else can open, say), it is refused with ErrPINResetChanged. The new
// key slot, the waiting marks and the audit entry are stored together; the lock-out is lifted
// after, and if that fails the error says so (the new PIN is set, and ClearLockOut, the
// Unlock button, lifts the lock).
func (k *Kiosk) ResetPIN(ctx context.Context, a *Admin, told PINReset, pin []byte) error {
	if err := a.Check(); err != nil {
		return err
	}
	if err := CheckPIN(pin); err != nil {
		return err
	}
	now, err := k.PINResetEffects(ctx, a, told.InterviewerID)
	if err != nil {
		return fmt.Errorf("reset PIN: %w", err)
	}
	if !now.same(told) {
		return ErrPINResetChanged
	}
	iv, err := k.d.Interviewers.Interviewer(ctx, told.InterviewerID)
	if err != nil {
		return fmt.Errorf("reset PIN: %w", err)
	}
	slot, err := k.d.Vault.NewInterviewer(iv.ID, pin)
	if err != nil {
		return fmt.Errorf("reset PIN: %w", err)
	}
	if iv.KeySlot, err = slot.MarshalBinary(); err != nil {
		return fmt.Errorf("reset PIN: %w", err)
	}
	ev := k.adminEvent("interviewer.reset", len(now.Groups))
	iv.UpdatedAt = ev.At
	if err := k.d.Interviewers.ResetInterviewerKey(ctx, iv, ev); err != nil {
		return fmt.Errorf("reset PIN: %w", err)
	}
	if err := k.d.Limiter.Clear(ctx, iv.ID, a.proof); err != nil {
		return fmt.Errorf("%w (%w)", ErrPINSetStillLocked, err)
	}
	return nil
}

// ErrPINSetStillLocked: ResetPIN set the new PIN but could not lift the wrong-PIN lock.
var ErrPINSetStillLocked = errors.New("the new PIN is set, but the wrong-PIN lock could not be lifted: tap Unlock for this interviewer")

// Audit returns the audit log, newest first (at most limit events; all when limit <= 0).
func (k *Kiosk) Audit(ctx context.Context, a *Admin, limit int) ([]retention.AuditEvent, error) {
	if err := a.Check(); err != nil {
		return nil, err
	}
	return k.d.Audit.Audit(ctx, limit)
}

// Receipts returns the deletion receipts.
func (k *Kiosk) Receipts(ctx context.Context, a *Admin) ([]retention.Receipt, error) {
	if err := a.Check(); err != nil {
		return nil, err
	}
	return k.d.Audit.Receipts(ctx)
}

// Clock returns what retention thinks of the clock. No admin is needed: the home screen shows a
// warning when the clock looks wrong.
func (k *Kiosk) Clock(ctx context.Context) (retention.Status, error) {
	return k.d.Retention.Status(ctx)
}

// ConfirmClock is the admin confirming a clock that jumped ahead.
func (k *Kiosk) ConfirmClock(ctx context.Context, a *Admin) error {
	if err := a.Check(); err != nil {
		return err
	}
	return k.d.Retention.ConfirmClock(ctx, retention.RoleAdmin)
}

// Health is the storage health screen: no content.
type Health struct {
	Integrity  string // "ok", or what the database's check found
	Secret     string // where the device secret comes from
	LightError string // the indicator's last hardware error, "" when fine
}

// Health checks the database and reports the device secret and the light.
func (k *Kiosk) Health(ctx context.Context, a *Admin) (Health, error) {
	if err := a.Check(); err != nil {
		return Health{}, err
	}
	h := Health{Secret: k.d.Secret.Name()}
	integrity, err := k.d.Integrity.IntegrityCheck(ctx)
	if err != nil {
		h.Integrity = err.Error()
	} else {
		h.Integrity = integrity
	}
	if err := k.light.Err(); err != nil {
		h.LightError = err.Error()
	}
	return h, nil
}
