package kiosktest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/protocol"
	"quietroom/app/session"
	"quietroom/app/vault"
)

// AdminCredential is every test room's admin credential.
const AdminCredential = "90817263"

// Room is one room's kiosk for the team board's tests, on the in-memory store (Env), set up
// with a room name and AdminCredential. Two rooms in one test share a clock and a folder
// standing for the USB stick, through which they pass a board's files.
type Room struct {
	*Env
	// Stick is the folder standing for the USB stick (the kiosk's import and export folder).
	Stick string
	Admin *kiosk.Admin
}

// NewRoom returns a set-up kiosk named name, on clock, reading and writing the stick folder.
func NewRoom(t testing.TB, name string, clock *clocktest.Clock, stick string) *Room {
	t.Helper()
	packs, err := protocol.OpenLibrary(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e := &Env{Store: NewStore(), Clock: clock, Packs: packs,
		Attempts: vault.NewMemoryAttemptLog(), AdminAttempts: vault.NewMemoryAttemptLog(),
		ReceiptIDs: &seeded{r: newChaCha(name)}, ImportDir: stick, OTP: &OTP{},
		KeyFile: filepath.Join(t.TempDir(), "key", "device.key")}
	e.assemble(t)
	r := &Room{Env: e, Stick: stick}
	if r.Admin, err = e.Kiosk.Setup(context.Background(), []byte(AdminCredential), name); err != nil {
		t.Fatal(err)
	}
	return r
}

// PeerChallenge creates a peer challenge engagement visited on visit, followed up four months
// later, and returns it.
func (r *Room) PeerChallenge(t testing.TB, title string, visit time.Time, groups ...string) session.Engagement {
	t.Helper()
	follow := session.ProposedFollowUp(session.KindPeerChallenge, visit, visit)
	e, err := r.Kiosk.CreateEngagement(context.Background(), r.Admin, kiosk.NewEngagement{
		Title: title, Kind: session.KindPeerChallenge, VisitDate: visit, FollowUpDate: follow,
		DeletionDate: session.DeletionAfterFollowUp(follow), StakeholderGroups: groups,
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// Enrol adds an interviewer with a PIN and returns their id.
func (r *Room) Enrol(t testing.TB, name, pin string) string {
	t.Helper()
	iv, err := r.Kiosk.AddInterviewer(context.Background(), r.Admin, name, []byte(pin))
	if err != nil {
		t.Fatal(err)
	}
	return iv.ID
}

// SignIn signs an interviewer in.
func (r *Room) SignIn(t testing.TB, id, pin string) *kiosk.SignedIn {
	t.Helper()
	s, err := r.Kiosk.SignIn(context.Background(), id, []byte(pin))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Interview runs and seals one session of the interviewer in the engagement with the given
// interviewee label, capturing each quote (tagged rose) and a note, and returns the session's
// id.
func (r *Room) Interview(t testing.TB, id, pin, engagementID, packID, label, note string, quotes ...string) string {
	t.Helper()
	return r.GroupInterview(t, id, pin, engagementID, packID, label, 1, note, quotes...)
}

// GroupInterview is Interview with people participants, each of whom gives consent in turn.
func (r *Room) GroupInterview(t testing.TB, id, pin, engagementID, packID, label string, people int, note string, quotes ...string) string {
	t.Helper()
	ctx := context.Background()
	pack, ok := protocol.BuiltinPack(packID)
	if !ok {
		t.Fatalf("no built-in pack %s", packID)
	}
	s := r.SignIn(t, id, pin)
	if err := s.StartSession(ctx, kiosk.SessionSetup{EngagementID: engagementID, Pack: pack, Label: label, Participants: people}); err != nil {
		t.Fatal(err)
	}
	en := r.Kiosk.Engine()
	choices := map[string]bool{}
	for _, p := range pack.Consent {
		choices[p.ID] = true
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(en.ShowPreamble(ctx))
	for range people {
		must(en.ShowConsent(ctx))
		_, err := en.GiveConsent(ctx, session.Consent{Choices: choices})
		must(err)
	}
	tp, _, _ := en.CurrentTopic()
	must(en.SetNote(ctx, tp.ID, note))
	for _, q := range quotes {
		_, err := en.AddQuote(ctx, tp.ID, q, session.TagRose)
		must(err)
	}
	info, _ := en.Info()
	must(en.ShowClosing(ctx))
	must(en.StartWriteUp(ctx))
	must(en.Seal(ctx))
	return info.ID
}
