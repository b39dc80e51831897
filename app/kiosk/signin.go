package kiosk

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"quietroom/app/protocol"
	"quietroom/app/session"
	"quietroom/app/vault"
)

// AdminSubject is the rate limiter's subject for the admin credential.
const AdminSubject = "admin"

// MinPINLength is the shortest PIN or admin credential the kiosk accepts: with the card and the
// device key, an attacker tries PINs offline, and six digits already cost about 36 core-hours
// against Argon2id where four would cost 20 minutes.
const MinPINLength = 6

// Admin is a signed-in admin. Only SignInAdmin and Setup make one.
type Admin struct {
	proof *vault.Admin
}

// Setup is the first-boot setup: it stores the admin credential's verifier and the room's name,
// with the set-up's audit entry, in one store call. It fails with ErrAlreadySetUp on a device
// that has an admin.
func (k *Kiosk) Setup(ctx context.Context, credential []byte, roomName string) (*Admin, error) {
	first, err := k.FirstBoot(ctx)
	if err != nil {
		return nil, err
	}
	if !first {
		return nil, ErrAlreadySetUp
	}
	if k.d.Secret.Pending() {
		return nil, ErrSecretPending
	}
	if err := CheckPIN(credential); err != nil {
		return nil, fmt.Errorf("setup: %w", err)
	}
	roomName = strings.TrimSpace(roomName)
	if roomName == "" {
		return nil, fmt.Errorf("setup: %w: give the room a name (for example \"Room 2\")", ErrInvalid)
	}
	ver, err := k.d.Vault.NewAdminVerifier(credential)
	if err != nil {
		return nil, fmt.Errorf("setup: %w", err)
	}
	b, err := ver.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("setup: %w", err)
	}
	proof, err := k.d.Vault.VerifyAdmin(ver, credential)
	if err != nil {
		return nil, fmt.Errorf("setup: %w", err)
	}
	if err := k.d.Settings.SetUp(ctx, b, roomName, k.adminEvent("device.setup", 0)); err != nil {
		return nil, fmt.Errorf("setup: %w", err)
	}
	k.log.Info("device set up")
	return &Admin{proof: proof}, nil
}

// ErrShortPIN: a new PIN or admin credential is shorter than MinPINLength. It matches
// ErrInvalid.
var ErrShortPIN = fmt.Errorf("%w: use at least %d digits", ErrInvalid, MinPINLength)

// CheckPIN is the rule for a new PIN or admin credential, for a screen that asks for it twice
// to say at the first entry that it is too short.
func CheckPIN(pin []byte) error {
	if len(pin) < MinPINLength {
		return ErrShortPIN
	}
	return nil
}

// SignInAdmin checks the admin credential under the admin rate limit. A wrong credential is
// vault.ErrWrongCredential; too soon after wrong ones, a *vault.TooSoonError; an empty one
// ErrNoPIN, which is no attempt.
func (k *Kiosk) SignInAdmin(ctx context.Context, credential []byte) (*Admin, error) {
	if len(credential) == 0 {
		return nil, ErrNoPIN
	}
	b, err := k.d.Settings.AdminVerifier(ctx)
	if errors.Is(err, session.ErrNotFound) {
		return nil, ErrNotSetUp
	}
	if err != nil {
		return nil, fmt.Errorf("admin sign-in: %w", err)
	}
	ver, err := vault.ParseAdminVerifier(b)
	if err != nil {
		return nil, fmt.Errorf("admin sign-in: %w", err)
	}
	var proof *vault.Admin
	err = k.d.AdminLimiter.Try(ctx, AdminSubject, func() error {
		var err error
		proof, err = k.d.Vault.VerifyAdmin(ver, credential)
		return err
	})
	if err != nil {
		k.log.Info("admin sign-in refused")
		return nil, err
	}
	return &Admin{proof: proof}, nil
}

// Interviewers lists who may sign in: ids and display names (no key slots), disabled ones
// left out.
func (k *Kiosk) Interviewers(ctx context.Context) ([]session.Interviewer, error) {
	all, err := k.d.Interviewers.Interviewers(ctx)
	if err != nil {
		return nil, fmt.Errorf("list interviewers: %w", err)
	}
	out := make([]session.Interviewer, 0, len(all))
	for _, iv := range all {
		if !iv.Disabled {
			out = append(out, iv.Public())
		}
	}
	return out, nil
}

// SignedIn is an interviewer who gave their PIN. It holds their unlocked key until it starts or
// reopens a session, or SignOut: after that, sign in again.
type SignedIn struct {
	k    *Kiosk
	id   string
	name string
	in   *vault.Interviewer
}

// ID is the interviewer's id.
func (s *SignedIn) ID() string { return s.id }

// Name is the interviewer's display name.
func (s *SignedIn) Name() string { return s.name }

// SignOut forgets the unlocked key. Calling it twice is harmless.
func (s *SignedIn) SignOut() {
	if s.in != nil {
		s.in.Lock()
	}
}

// SignIn unlocks an interviewer's key slot with their PIN, under the rate limit. A wrong PIN is
// vault.ErrWrongCredential; too soon after wrong ones a *vault.TooSoonError (matching
// vault.ErrTooSoon); after too many, vault.ErrLockedOut (an admin clears it). An empty PIN is
// ErrNoPIN and no attempt.
func (k *Kiosk) SignIn(ctx context.Context, interviewerID string, pin []byte) (*SignedIn, error) {
	if len(pin) == 0 {
		return nil, ErrNoPIN
	}
	iv, err := k.d.Interviewers.Interviewer(ctx, interviewerID)
	if err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	if iv.Disabled {
		return nil, ErrDisabled
	}
	slot, err := vault.ParseSlot(iv.KeySlot)
	if err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	var in *vault.Interviewer
	err = k.d.Limiter.Try(ctx, interviewerID, func() error {
		var err error
		in, err = k.d.Vault.Unlock(interviewerID, pin, slot)
		return err
	})
	if err != nil {
		k.log.Info("interviewer sign-in refused", "interviewer_id", interviewerID)
		return nil, err
	}
	return &SignedIn{k: k, id: interviewerID, name: iv.DisplayName, in: in}, nil
}

// PINDelay says how long the interviewer must wait before the next PIN: zero, or
// vault.ErrLockedOut. The sign-in screen shows it before the PIN pad is used.
func (k *Kiosk) PINDelay(ctx context.Context, interviewerID string) (time.Duration, error) {
	err := k.d.Limiter.Check(ctx, interviewerID)
	var tooSoon *vault.TooSoonError
	if errors.As(err, &tooSoon) {
		return tooSoon.Wait, nil
	}
	return 0, err
}

// Engagements lists the engagements an interviewer may start a session in: open, not a survey, and with a
// deletion date still ahead.
func (k *Kiosk) Engagements(ctx context.Context) ([]session.Engagement, error) {
	all, err := k.d.Engagements.Engagements(ctx)
	if err != nil {
		return nil, fmt.Errorf("list engagements: %w", err)
	}
	now := k.Now()
	return slices.DeleteFunc(all, func(e session.Engagement) bool {
		return e.Closed || !e.DeletionDate.After(now) || e.Kind == SurveyKind
	}), nil
}

// SessionSetup is what the interviewer chooses on the set-up screen.
type SessionSetup struct {
	EngagementID string
	Pack         *protocol.Pack
	TopicIDs     []string
	Duration     time.Duration
	Label        string
	// Participants is how many take part (session.Setup's Participants): 0 or 1 for a
	// one-to-one, more for a small-group interview.
	Participants int
}

// StartSession starts a session sealed to this interviewer and locks their key: from now on the
// engine holds only the session's own key. The SignedIn is used up when it succeeds; on an
// error the interviewer may correct the setup and try again.
func (s *SignedIn) StartSession(ctx context.Context, st SessionSetup) error {
	if s.in == nil {
		return ErrSignedOut
	}
	err := s.k.engine.Start(ctx, session.Setup{
		EngagementID: st.EngagementID, InterviewerID: s.id, Pack: st.Pack, TopicIDs: st.TopicIDs,
		Duration: st.Duration, Label: st.Label, Participants: st.Participants,
	}, s.in)
	if err != nil {
		return err
	}
	s.SignOut()
	s.in = nil
	return nil
}

// SessionSummary is one of an interviewer's sessions as the list shows it: no content.
type SessionSummary struct {
	ID           string
	EngagementID string
	PackID       string
	State        session.State
	CreatedAt    time.Time
	DeletionDate time.Time
}

// Sessions lists this interviewer's own stored sessions, newest first.
func (s *SignedIn) Sessions(ctx context.Context) ([]SessionSummary, error) {
	recs, err := s.k.d.Sessions.SessionsOf(ctx, s.id)
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	out := make([]SessionSummary, 0, len(recs))
	for _, r := range recs {
		if r.InterviewerID != s.id {
			continue
		}
		out = append(out, SessionSummary{
			ID: r.ID, EngagementID: r.EngagementID, PackID: r.PackID, State: r.State,
			CreatedAt: r.CreatedAt, DeletionDate: r.DeletionDate,
		})
	}
	slices.SortFunc(out, func(a, b SessionSummary) int { return b.CreatedAt.Compare(a.CreatedAt) })
	return out, nil
}

// Reopen opens one of this interviewer's sessions in the engine: a sealed one for the
// write-up, a live one (after a restart) where it was. The interviewer's key is locked after.
func (s *SignedIn) Reopen(ctx context.Context, sessionID string) error {
	if s.in == nil {
		return ErrSignedOut
	}
	rec, err := s.k.d.Sessions.Session(ctx, sessionID)
	if err != nil {
		return fmt.Errorf("reopen session: %w", err)
	}
	if rec.InterviewerID != s.id {
		return ErrNotYours
	}
	key, err := s.in.OpenSessionKey(sessionID, rec.SealedKey)
	if err != nil {
		return fmt.Errorf("reopen session: %w", err)
	}
	if err := s.k.engine.Reopen(ctx, sessionID, key); err != nil {
		key.Destroy()
		return err
	}
	s.SignOut()
	s.in = nil
	return nil
}
