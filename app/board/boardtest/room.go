// Package boardtest builds a room's kiosk on disk for the team board's tests: the real SQLite
// store in its own data folder, the real vault and retention, a fake clock and light, and a
// folder standing for the USB stick. Two rooms in one test share a clock and a stick.
package boardtest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/store"
	"quietroom/app/vault"
	"quietroom/hw"
	"quietroom/hw/hwtest"
)

// AdminCredential is every test room's admin credential.
const AdminCredential = "90817263"

// Room is one room's kiosk.
type Room struct {
	Kiosk *kiosk.Kiosk
	DB    *store.DB
	Ret   *retention.Retention
	// DataDir is the data folder (the database); Stick the folder standing for the USB stick.
	DataDir, Stick string
	Admin          *kiosk.Admin
}

// NewRoom opens a set-up kiosk named name, with its data in a new folder, on clock, reading and
// writing the stick folder.
func NewRoom(t testing.TB, name string, clock *clocktest.Clock, stick string) *Room {
	t.Helper()
	ctx := context.Background()
	r := &Room{DataDir: t.TempDir(), Stick: stick}
	db, err := store.Open(ctx, r.DataDir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	r.DB = db
	kf, err := vault.NewKeyFile(filepath.Join(t.TempDir(), "key", "device.key"), vault.KeyFileOptions{DataDir: r.DataDir})
	if err != nil {
		t.Fatal(err)
	}
	secret, err := vault.NewSecretChoice(&kiosktest.OTP{}, kf, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := vault.New(secret, vault.Options{Params: kiosktest.Params})
	if err != nil {
		t.Fatal(err)
	}
	r.Ret, err = retention.New(ctx, db, clock, retention.Options{})
	if err != nil {
		t.Fatal(err)
	}
	packs, err := protocol.OpenLibrary(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	r.Kiosk, err = kiosk.New(kiosk.Deps{
		Sessions: db, Engagements: db, Interviewers: db, Settings: db, Audit: db, Integrity: db, Surveys: db, Boards: db,
		Vault: v, Retention: r.Ret, Packs: packs, Light: hwtest.NewIndicator(hw.TwoColour, clock), Secret: secret,
		Limiter:      vault.NewLimiter(db, r.Ret, vault.DefaultPolicy()),
		AdminLimiter: vault.NewLimiter(db, r.Ret, vault.AdminPolicy()),
	}, kiosk.Options{ImportDirs: []string{stick}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Admin, err = r.Kiosk.Setup(ctx, []byte(AdminCredential), name); err != nil {
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
// interviewee label, capturing each quote (tagged by the session's tags) and a note, and
// returns the session's id.
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
