package store

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"quietroom/app/clock/clocktest"
	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/session/sessiontest"
	"quietroom/app/vault"
)

// The tests in this file run a whole interview the way the kiosk does — the session engine,
// the real vault and this SQLite store — and then look at the files as an attacker would.

const journeyMarker = "QRMARK-7f3a-she-said-the-manager-is-never-there"

var cheapParams = vault.Params{MemoryKiB: 64, Time: 1, Threads: 1}

// journeyDevice is a data folder with its device secret kept in a separate folder, as on a
// real device.
type journeyDevice struct {
	dataDir, secretDir string
}

func newJourneyDevice(t testing.TB) journeyDevice {
	t.Helper()
	return journeyDevice{dataDir: t.TempDir(), secretDir: filepath.Join(t.TempDir(), "secret")}
}

func (dev journeyDevice) vault(t testing.TB) *vault.Vault {
	t.Helper()
	kf, err := vault.NewKeyFile(filepath.Join(dev.secretDir, "device.key"), vault.KeyFileOptions{DataDir: dev.dataDir})
	if err != nil {
		t.Fatal(err)
	}
	if err := kf.Create(); err != nil {
		t.Fatal(err)
	}
	v, err := vault.New(kf, vault.Options{Params: cheapParams})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// runInterview records a full interview whose every free text contains journeyMarker, seals it
// and closes the store. It returns the session id.
func runInterview(t *testing.T, dev journeyDevice, pin string) string {
	t.Helper()
	ctx := context.Background()
	d := openDB(t, dev.dataDir, Options{})
	v := dev.vault(t)
	slot, err := v.NewInterviewer("iv1", []byte(pin))
	if err != nil {
		t.Fatal(err)
	}
	slotBytes, err := slot.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.PutInterviewer(ctx, Interviewer{ID: "iv1", DisplayName: "AB", KeySlot: slotBytes, CreatedAt: day0, UpdatedAt: day0}); err != nil {
		t.Fatal(err)
	}
	eng := session.Engagement{ID: "eng1", Title: "360 interviews, cohort 3", DeletionDate: day0.AddDate(0, 2, 0),
		StakeholderGroups: []string{"direct reports"}, CreatedAt: day0}
	if err := d.CreateEngagement(ctx, eng, retention.AuditEvent{At: day0, Actor: retention.RoleAdmin, Action: "engagement.create", EngagementID: "eng1", Outcome: "ok"}); err != nil {
		t.Fatal(err)
	}
	in, err := v.Unlock("iv1", []byte(pin), slot)
	if err != nil {
		t.Fatal(err)
	}
	clock := clocktest.New(day0)
	e := newJourneyEngine(t, d, clock)
	pack, ok := protocol.BuiltinPack("leadership-360")
	if !ok {
		t.Fatal("built-in pack leadership-360 missing")
	}
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	must("start", e.Start(ctx, session.Setup{EngagementID: "eng1", InterviewerID: "iv1", Pack: pack, Label: "direct reports"}, in))
	must("preamble", e.ShowPreamble(ctx))
	must("consent screen", e.ShowConsent(ctx))
	choices := map[string]bool{}
	for _, c := range pack.Consent {
		choices[c.ID] = true
	}
	if _, err := e.GiveConsent(ctx, session.Consent{Choices: choices, Signature: []byte("signature " + journeyMarker)}); err != nil {
		t.Fatal(err)
	}
	for i, topic := range e.Topics() {
		must("note", e.SetNote(ctx, topic.ID, "first draft "+journeyMarker))
		must("note edit", e.SetNote(ctx, topic.ID, "edited note "+journeyMarker))
		if i%3 == 0 {
			if _, err := e.AddQuote(ctx, topic.ID, "quote "+journeyMarker, session.TagThorn); err != nil {
				t.Fatal(err)
			}
		}
	}
	must("closing", e.ShowClosing(ctx))
	must("closing answer", e.SetClosingAnswer(ctx, "closing "+journeyMarker))
	must("write-up", e.StartWriteUp(ctx))
	if _, err := e.AddReflection(ctx, "what you felt "+journeyMarker, session.TagBud); err != nil {
		t.Fatal(err)
	}
	info, _ := e.Info()
	must("seal", e.Seal(ctx))
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	return info.ID
}

func newJourneyEngine(t testing.TB, d *DB, clock *clocktest.Clock) *session.Engine {
	t.Helper()
	r := newRetention(t, d, clock)
	e, err := session.New(session.Deps{
		Store: d, Eraser: r, Indicator: &sessiontest.Indicator{}, Clock: clock,
		Packs: session.PacksFunc(func(id string, version int) (*protocol.Pack, error) {
			if p, ok := protocol.BuiltinPack(id); ok && p.Version == version {
				return p, nil
			}
			return nil, session.ErrNotFound
		}),
	}, session.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestInterviewLeavesNoPlaintextOnDisk: after a whole interview through the engine, no byte of
// the database, its WAL or shm, or anything else in the data folder holds the marker that every
// note, quote, reflection, closing answer and signature contained.
func TestInterviewLeavesNoPlaintextOnDisk(t *testing.T) {
	dev := newJourneyDevice(t)
	id := runInterview(t, dev, "482916")
	if n := foundInDir(t, dev.dataDir, [][]byte{[]byte(journeyMarker), []byte("QRMARK")}); n != 0 {
		t.Fatalf("marker found %d times in the data folder after sealing session %s", n, id)
	}
	// The sealed content is there and opens with the interviewer's PIN: the scan above looked at
	// real data, not an empty folder.
	if got := reopenNotes(t, dev, dev.vault(t), "482916", id); !bytes.Contains([]byte(got), []byte(journeyMarker)) {
		t.Fatalf("reopened notes = %q, want the marker back", got)
	}
}

// TestCopiedDataFolderOpensNothing: a copy of the data folder without the device secret opens
// nothing, even with the right PIN; with the secret but a wrong PIN, nothing opens either.
func TestCopiedDataFolderOpensNothing(t *testing.T) {
	dev := newJourneyDevice(t)
	id := runInterview(t, dev, "482916")

	stolen := newJourneyDevice(t) // a new, different device secret
	copyDir(t, dev.dataDir, stolen.dataDir)

	for _, tc := range []struct {
		name string
		dev  journeyDevice
		v    *vault.Vault
		pin  string
	}{
		{"copy without the device secret, right PIN", stolen, stolen.vault(t), "482916"},
		{"copy with the device secret, wrong PIN", stolen, dev.vault(t), "482917"},
		{"original device, wrong PIN", dev, dev.vault(t), "000000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := openDB(t, tc.dev.dataDir, Options{})
			defer d.Close()
			iv, err := d.Interviewer(context.Background(), "iv1")
			if err != nil {
				t.Fatal(err)
			}
			slot, err := vault.ParseSlot(iv.KeySlot)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tc.v.Unlock("iv1", []byte(tc.pin), slot); !errors.Is(err, vault.ErrWrongCredential) {
				t.Fatalf("Unlock = %v, want ErrWrongCredential", err)
			}
		})
	}
	// The copy with the right secret and PIN does open: the refusals above are about the
	// credentials, not a broken copy.
	if got := reopenNotes(t, stolen, dev.vault(t), "482916", id); !bytes.Contains([]byte(got), []byte(journeyMarker)) {
		t.Fatalf("copy with secret and PIN: notes = %q, want the marker", got)
	}
}

// reopenNotes unlocks the interviewer, reopens the sealed session through the engine and returns
// the first topic's note.
func reopenNotes(t *testing.T, dev journeyDevice, v *vault.Vault, pin, sessionID string) string {
	t.Helper()
	ctx := context.Background()
	d := openDB(t, dev.dataDir, Options{})
	defer d.Close()
	iv, err := d.Interviewer(ctx, "iv1")
	if err != nil {
		t.Fatal(err)
	}
	slot, err := vault.ParseSlot(iv.KeySlot)
	if err != nil {
		t.Fatal(err)
	}
	in, err := v.Unlock("iv1", []byte(pin), slot)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := d.Session(ctx, sessionID)
	if err != nil {
		t.Fatal(err)
	}
	key, err := in.OpenSessionKey(sessionID, rec.SealedKey)
	if err != nil {
		t.Fatal(err)
	}
	e := newJourneyEngine(t, d, clocktest.New(day0.AddDate(0, 0, 1)))
	if err := e.Reopen(ctx, sessionID, key); err != nil {
		t.Fatal(err)
	}
	return e.Note(e.Topics()[0].ID)
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	for _, p := range dirFiles(t, from) {
		rel, err := filepath.Rel(from, p)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(to, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
			t.Fatal(err)
		}
		src, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(dst)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(out, src); err != nil {
			t.Fatal(err)
		}
		src.Close()
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
