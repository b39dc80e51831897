package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/retention"
	"quietroom/app/seal"
	"quietroom/app/session"
	"quietroom/app/survey"
	"quietroom/app/vault"
)

// The tests in this file store survey responses as the kiosk does (sealed to the survey's key,
// which is sealed to the review team) and look at the files as an attacker would.

const surveyTeamMarker = "QRTEAM-Fostering-and-adoption"

type surveyDevice struct {
	dev     journeyDevice
	d       *DB
	v       *vault.Vault
	slots   map[string]vault.Slot
	pins    map[string]string
	clock   *clocktest.Clock
	r       *retention.Retention
	plain   map[string][][]byte // engagement → the plaintext of every response
	sealed  map[string][][]byte // engagement → every sealed response and sealed key
	surveys *survey.Survey
}

func newSurveyDevice(t *testing.T) *surveyDevice {
	t.Helper()
	ctx := context.Background()
	sd := &surveyDevice{dev: newJourneyDevice(t), slots: map[string]vault.Slot{}, pins: map[string]string{},
		plain: map[string][][]byte{}, sealed: map[string][][]byte{}, surveys: survey.Builtin()}
	sd.d = openDB(t, sd.dev.dataDir, Options{})
	sd.v = sd.dev.vault(t)
	for i, id := range []string{"member-1", "member-2", "outsider"} {
		pin := fmt.Sprintf("%06d", 482910+i)
		slot, err := sd.v.NewInterviewer(id, []byte(pin))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := slot.MarshalBinary()
		if err := sd.d.PutInterviewer(ctx, Interviewer{ID: id, DisplayName: id, KeySlot: b, CreatedAt: day0, UpdatedAt: day0}); err != nil {
			t.Fatal(err)
		}
		sd.slots[id], sd.pins[id] = slot, pin
	}
	ver, err := sd.v.NewAdminVerifier([]byte("admin-credential-1"))
	if err != nil {
		t.Fatal(err)
	}
	vb, _ := ver.MarshalBinary()
	if err := sd.d.SetUp(ctx, vb, "Room 1", retention.AuditEvent{At: day0, Actor: retention.RoleAdmin, Action: "setup", Outcome: "ok"}); err != nil {
		t.Fatal(err)
	}
	sd.clock = clocktest.New(day0)
	sd.r = newRetention(t, sd.d, sd.clock)
	return sd
}

// addSurvey creates a survey engagement deleted at del with n responses.
func (sd *surveyDevice) addSurvey(t *testing.T, id string, del time.Time, n int) {
	t.Helper()
	ctx := context.Background()
	s := sd.surveys
	pub, keys, err := vault.NewSurveyKey(id, map[string]string{"member-1": sd.slots["member-1"].PublicKey, "member-2": sd.slots["member-2"].PublicKey})
	if err != nil {
		t.Fatal(err)
	}
	rec := survey.Record{Engagement: survey.Engagement{EngagementID: id, Title: "Survey " + id, SurveyID: s.ID,
		SurveyVersion: s.Version, SurveyHash: s.Hash, Teams: []string{surveyTeamMarker, "Front door"},
		Opens: day0, Closes: day0.AddDate(0, 0, 14), MinGroup: 5, DeletionDate: del}, File: survey.BuiltinFile(), PublicKey: pub}
	e := session.Engagement{ID: id, Title: rec.Title, Kind: "survey", DeletionDate: del, CreatedAt: day0}
	if err := sd.d.CreateSurvey(ctx, e, rec, keys, retention.AuditEvent{At: day0, Actor: retention.RoleAdmin, Action: "survey.create", EngagementID: id, Outcome: "ok"}); err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		sd.sealed[id] = append(sd.sealed[id], k)
	}
	for i := range n {
		answers := map[string]int{}
		for j, it := range s.Items {
			answers[it.ID] = 1 + (i+j)%5
		}
		plain, err := survey.Encode(s, survey.Response{Team: surveyTeamMarker, Answers: answers})
		if err != nil {
			t.Fatal(err)
		}
		var b [16]byte
		_, _ = rand.Read(b[:])
		rid := hex.EncodeToString(b[:])
		sealed, err := seal.SealRecord(pub, seal.PurposeSurveyResponse, id, rid, plain)
		if err != nil {
			t.Fatal(err)
		}
		if err := sd.d.PutSurveyResponse(ctx, id, rid, sealed); err != nil {
			t.Fatal(err)
		}
		sd.plain[id] = append(sd.plain[id], plain)
		// A response is larger than a row keeps on its page: its tail goes to an overflow
		// page. Look for its head (past age's fixed prefix, into the unique ephemeral key)
		// and its tail, each of which lies whole on one page.
		sd.sealed[id] = append(sd.sealed[id], sealed[30:130], sealed[len(sealed)-100:])
	}
}

// open reads an engagement's responses with a member's PIN, as the results screen does.
func (sd *surveyDevice) open(t *testing.T, member, engagementID string) (int, error) {
	t.Helper()
	ctx := context.Background()
	in, err := sd.v.Unlock(member, []byte(sd.pins[member]), sd.slots[member])
	if err != nil {
		return 0, err
	}
	defer in.Lock()
	k, err := sd.d.SurveyKey(ctx, engagementID, member)
	if err != nil {
		return 0, err
	}
	r, err := in.OpenGroupKey(seal.PurposeSurveyKey, engagementID, k)
	if err != nil {
		return 0, err
	}
	defer r.Destroy()
	rs, err := sd.d.SurveyResponses(ctx, engagementID)
	if err != nil {
		return 0, err
	}
	n := 0
	for id, b := range rs {
		p, err := r.Open(seal.PurposeSurveyResponse, id, b)
		if err != nil {
			return n, err
		}
		if !bytes.Contains(p, []byte(surveyTeamMarker)) {
			return n, errors.New("opened response lacks its team")
		}
		n++
	}
	return n, nil
}

// TestSurveyResponsesLeaveNoPlaintextOnDisk: no byte of the data folder holds a response's
// plaintext or its team (which travels only inside the sealed response); a member opens them
// all, and neither an interviewer off the review team nor the admin credential opens any.
func TestSurveyResponsesLeaveNoPlaintextOnDisk(t *testing.T) {
	sd := newSurveyDevice(t)
	sd.addSurvey(t, "s1", day0.AddDate(0, 2, 0), 12)
	sd.d.truncateWAL(context.Background())
	needles := append([][]byte{[]byte(`"answers"`), []byte(`"team":`)}, sd.plain["s1"]...)
	// The team's name is in the engagement's list of teams (the host's names are not
	// content); what must be nowhere is a response, and so its answers.
	if n := foundInDir(t, sd.dev.dataDir, needles); n != 0 {
		t.Fatalf("response plaintext found %d times in the data folder", n)
	}
	if n := foundInDir(t, sd.dev.dataDir, sd.sealed["s1"]); n != len(sd.sealed["s1"]) {
		t.Fatalf("found %d of %d sealed responses and keys: the scan looked at the wrong files", n, len(sd.sealed["s1"]))
	}
	for _, m := range []string{"member-1", "member-2"} {
		if n, err := sd.open(t, m, "s1"); err != nil || n != 12 {
			t.Errorf("member %s opened %d responses, %v; want 12", m, n, err)
		}
	}
	if _, err := sd.open(t, "outsider", "s1"); !errors.Is(err, session.ErrNotFound) {
		t.Errorf("outsider's survey key = %v, want ErrNotFound", err)
	}
	// The outsider's own key opens neither member's sealed survey key.
	out, err := sd.v.Unlock("outsider", []byte(sd.pins["outsider"]), sd.slots["outsider"])
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"member-1", "member-2"} {
		k, _ := sd.d.SurveyKey(context.Background(), "s1", m)
		if _, err := out.OpenGroupKey(seal.PurposeSurveyKey, "s1", k); !errors.Is(err, vault.ErrCannotOpen) {
			t.Errorf("outsider opening %s's survey key = %v, want ErrCannotOpen", m, err)
		}
	}
	// The admin credential verifies as the admin and opens no member's key.
	ver, err := sd.d.AdminVerifier(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	av, _ := vault.ParseAdminVerifier(ver)
	if _, err := sd.v.VerifyAdmin(av, []byte("admin-credential-1")); err != nil {
		t.Fatalf("admin credential = %v", err)
	}
	for _, m := range []string{"member-1", "member-2"} {
		if _, err := sd.v.Unlock(m, []byte("admin-credential-1"), sd.slots[m]); !errors.Is(err, vault.ErrWrongCredential) {
			t.Errorf("admin credential unlocking %s = %v, want ErrWrongCredential", m, err)
		}
	}
}

// TestSurveyDestructionLeavesNothing: responses and the survey's sealed keys go with their
// engagement, at its deletion date, by a wipe of it and by a factory reset, each with a
// receipt; afterwards the files hold no byte of them and the other surveys still open.
func TestSurveyDestructionLeavesNothing(t *testing.T) {
	ctx := context.Background()
	sd := newSurveyDevice(t)
	due := day0.AddDate(0, 1, 0)
	later := day0.AddDate(0, 3, 0)
	sd.addSurvey(t, "s-due", due, 7)
	sd.addSurvey(t, "s-wipe", later, 6)
	sd.addSurvey(t, "s-keep", later, 5)
	sd.clock.Set(due.Add(time.Minute))
	steps := []struct {
		name string
		do   func() (retention.Receipt, error)
		gone string
	}{
		{"purge", func() (retention.Receipt, error) { return sd.r.PurgeDue(ctx) }, "s-due"},
		{"wipe engagement", func() (retention.Receipt, error) { return sd.r.WipeEngagement(ctx, "s-wipe", retention.RoleAdmin) }, "s-wipe"},
		{"wipe all", func() (retention.Receipt, error) { return sd.r.WipeAll(ctx, retention.RoleAdmin) }, "s-keep"},
	}
	var destroyed []string
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			rec, err := st.do()
			if err != nil {
				t.Fatal(err)
			}
			// The receipt does not count the responses: beside results that leave a small
			// team out, the total would give that team's turnout.
			if rec.SurveyResponses != 0 || rec.KeysDestroyed != 2 || rec.Outcome != retention.OutcomePassed ||
				rec.BytesScanned == 0 || rec.KeysFound != 0 {
				t.Errorf("receipt = %+v, want no count of survey responses, 2 keys, passed", rec)
			}
			destroyed = append(destroyed, st.gone)
			for _, id := range destroyed {
				if n := foundInDir(t, sd.dev.dataDir, sd.sealed[id]); n != 0 {
					t.Errorf("%d sealed responses or keys of %s still in the files", n, id)
				}
				if rs, err := sd.d.SurveyResponses(ctx, id); err != nil || len(rs) != 0 {
					t.Errorf("SurveyResponses(%s) = %d responses, %v; want none", id, len(rs), err)
				}
				if _, err := sd.d.SurveyKey(ctx, id, "member-1"); !errors.Is(err, session.ErrNotFound) {
					t.Errorf("SurveyKey(%s) = %v, want ErrNotFound", id, err)
				}
			}
			if st.gone != "s-keep" {
				if n, err := sd.open(t, "member-1", "s-keep"); err != nil || n != 5 {
					t.Errorf("surviving survey opened %d, %v; want 5", n, err)
				}
			}
			recs, err := sd.d.Receipts(ctx)
			if err != nil || len(recs) == 0 || recs[0].SurveyResponses != 0 || recs[0].KeysDestroyed != 2 {
				t.Errorf("stored receipt = %+v, %v; want 2 keys and no count of responses", recs, err)
			}
		})
	}
	if all, err := sd.d.Surveys(ctx); err != nil || len(all) != 0 {
		t.Errorf("Surveys after the wipe = %d, %v; want none", len(all), err)
	}
}

// The survey's deletion date wakes the purge, as a session's does.
func TestNextDeletionCountsSurveys(t *testing.T) {
	sd := newSurveyDevice(t)
	due := day0.AddDate(0, 1, 0)
	sd.addSurvey(t, "s", due, 1)
	at, ok, err := sd.d.NextDeletion(context.Background())
	if err != nil || !ok || !at.Equal(due) {
		t.Errorf("NextDeletion = %v, %v, %v; want %v", at, ok, err, due)
	}
}

// Moving the engagement's date later never keeps responses past the date respondents were
// told; moving it earlier brings their deletion forward.
func TestSurveyDeletionDateNeverExtends(t *testing.T) {
	ctx := context.Background()
	sd := newSurveyDevice(t)
	told := day0.AddDate(0, 1, 0)
	sd.addSurvey(t, "s", told, 5)
	ev := retention.AuditEvent{At: day0, Actor: retention.RoleAdmin, Action: "engagement.deletion-date", EngagementID: "s", Outcome: "ok"}
	if err := sd.d.SetDeletionDate(ctx, "s", told.AddDate(0, 6, 0), ev); err != nil {
		t.Fatal(err)
	}
	if all, _ := sd.d.Surveys(ctx); len(all) != 1 || !all[0].DeletionDate.Equal(told) {
		t.Fatalf("Surveys() deletion date = %v, want the date respondents were told, %v", all, told)
	}
	sd.clock.Set(told.Add(time.Minute))
	rec, err := sd.r.PurgeDue(ctx)
	if err != nil || len(rec.EngagementIDs) != 1 || rec.KeysDestroyed != 2 {
		t.Fatalf("PurgeDue at the date told = %+v, %v; want the survey and its 2 keys destroyed", rec, err)
	}
	if rs, err := sd.d.SurveyResponses(ctx, "s"); err != nil || len(rs) != 0 {
		t.Errorf("SurveyResponses after the purge = %d, %v; want none", len(rs), err)
	}
}
