package sessiontest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"quietroom/app/session"
)

// StoreContract tests the semantics every session.Store must have. open returns a new, empty
// store holding exactly the given engagements (the Store interface cannot create them); each
// subtest opens its own.
//
// Where the contract leaves a choice it says so: a failed call must return an error and leave no
// trace, but the contract only insists on ErrNotFound where callers branch on it (an unknown
// engagement, session, entry or consent record). Times must come back Equal (not ==) to what was
// stored, at least to the second; TimerState.RunningSince to the nanosecond, since Progress and
// TimerState are stored as JSON.
func StoreContract(t *testing.T, open func(t *testing.T, engagements ...session.Engagement) session.Store) {
	t.Helper()
	ctx := context.Background()
	engA := contractEngagement("eng-a", "360 interviews, cohort 3")
	engB := contractEngagement("eng-b", "Peer challenge, host authority")
	engB.LegalHold, engB.HoldReason, engB.Closed = true, "dispute 2031-04", true
	engB.StakeholderGroups = nil
	openAB := func(t *testing.T) session.Store {
		t.Helper()
		return open(t, engA, engB)
	}

	t.Run("Engagement", func(t *testing.T) {
		s := openAB(t)
		for _, want := range []session.Engagement{engA, engB} {
			got, err := s.Engagement(ctx, want.ID)
			if err != nil {
				t.Fatalf("Engagement(%q) error = %v, want nil", want.ID, err)
			}
			checkEngagement(t, got, want)
		}
		if _, err := s.Engagement(ctx, "missing"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Engagement(missing) error = %v, want ErrNotFound", err)
		}
	})

	t.Run("CreateAndGet", func(t *testing.T) {
		s := openAB(t)
		want := contractRecord("s-1", engA.ID)
		mustCreate(t, s, want)
		checkSession(t, s, want)
	})

	t.Run("SessionNotFound", func(t *testing.T) {
		s := openAB(t)
		if _, err := s.Session(ctx, "missing"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Session(missing) error = %v, want ErrNotFound", err)
		}
	})

	t.Run("CreateDuplicateChangesNothing", func(t *testing.T) {
		s := openAB(t)
		want := contractRecord("s-1", engA.ID)
		mustCreate(t, s, want)
		dup := contractRecord("s-1", engA.ID)
		dup.State = session.StateSealed
		dup.SealedLabel = []byte("other")
		if err := s.CreateSession(ctx, dup); err == nil {
			t.Fatalf("CreateSession(duplicate id) error = nil, want an error")
		}
		checkSession(t, s, want)
	})

	t.Run("CreateWithUnknownEngagementFails", func(t *testing.T) {
		s := openAB(t)
		if err := s.CreateSession(ctx, contractRecord("s-1", "missing")); err == nil {
			t.Fatalf("CreateSession(unknown engagement) error = nil, want an error")
		}
		if _, err := s.Session(ctx, "s-1"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Session after failed create: error = %v, want ErrNotFound", err)
		}
	})

	t.Run("Update", func(t *testing.T) {
		s := openAB(t)
		r := contractRecord("s-1", engA.ID)
		mustCreate(t, s, r)
		r.State = session.StateClosing
		r.TopicIDs = []string{"t3", "t1"}
		r.SealedLabel = []byte{9, 8, 7}
		r.SealedParticipants = []byte{5, 0, 5}
		r.Progress = session.Progress{Current: 1, Status: map[string]string{"t3": "done", "t1": "skipped"}}
		r.Timer = session.TimerState{Planned: 45 * time.Minute, Elapsed: 12*time.Minute + 3*time.Nanosecond}
		r.DeletionDate = r.DeletionDate.AddDate(0, 0, -7)
		r.UpdatedAt = r.UpdatedAt.Add(time.Hour)
		if err := s.UpdateSession(ctx, r); err != nil {
			t.Fatalf("UpdateSession error = %v, want nil", err)
		}
		checkSession(t, s, r)
	})

	t.Run("UpdateNotFoundChangesNothing", func(t *testing.T) {
		s := openAB(t)
		err := s.UpdateSession(ctx, contractRecord("missing", engA.ID))
		if !errors.Is(err, session.ErrNotFound) {
			t.Errorf("UpdateSession(missing) error = %v, want ErrNotFound", err)
		}
		if _, err := s.Session(ctx, "missing"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Session after failed update: error = %v, want ErrNotFound", err)
		}
	})

	t.Run("ProgressAndTimerRoundTrip", func(t *testing.T) {
		running := time.Date(2031, 1, 2, 3, 4, 5, 678901234, time.UTC)
		tests := []struct {
			name     string
			progress session.Progress
			timer    session.TimerState
		}{
			{"zero", session.Progress{}, session.TimerState{}},
			{"paused", session.Progress{Current: 2, Status: map[string]string{"a": "done", "b": "skipped"}},
				session.TimerState{Planned: 30 * time.Minute, Elapsed: 17*time.Minute + 999*time.Millisecond}},
			{"running", session.Progress{Current: 0, Status: map[string]string{"a": "done"}},
				session.TimerState{Planned: 45 * time.Minute, Elapsed: time.Nanosecond, RunningSince: running}},
			{"running in another zone", session.Progress{},
				session.TimerState{Planned: time.Hour, Elapsed: 0, RunningSince: running.In(time.FixedZone("BST", 3600))}},
			{"overtime", session.Progress{Current: 5},
				session.TimerState{Planned: time.Minute, Elapsed: 3*time.Hour + 7*time.Second}},
		}
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := openAB(t)
				r := contractRecord(fmt.Sprintf("s-%d", i), engA.ID)
				r.Progress, r.Timer = tt.progress, tt.timer
				mustCreate(t, s, r)
				checkSession(t, s, r)
				// and again through an update
				r.Progress.Current++
				r.Timer.Elapsed += time.Second
				if err := s.UpdateSession(ctx, r); err != nil {
					t.Fatalf("UpdateSession error = %v, want nil", err)
				}
				checkSession(t, s, r)
			})
		}
	})

	t.Run("BytesRoundTrip", func(t *testing.T) {
		s := openAB(t)
		all := make([]byte, 256)
		for i := range all {
			all[i] = byte(i)
		}
		r := contractRecord("s-1", engA.ID)
		r.SealedLabel = slices.Clone(all)
		r.SealedKey = append([]byte{0, 0, 0}, all...)
		mustCreate(t, s, r)
		checkSession(t, s, r)
		e := contractEntry("e-1", r.ID, 0)
		e.Sealed = append(slices.Clone(all), 0)
		mustPutEntry(t, s, e)
		checkEntries(t, s, r.ID, []session.Entry{e})
		c := contractConsent(r.ID)
		c.SealedSignature = append([]byte{0}, all...)
		mustPutConsent(t, s, c)
		checkConsent(t, s, c)
	})

	t.Run("CopiesInAndOut", func(t *testing.T) {
		s := openAB(t)
		r := contractRecord("s-1", engA.ID)
		want := contractRecord("s-1", engA.ID)
		mustCreate(t, s, r)
		r.TopicIDs[0] = "changed"
		r.SealedLabel[0] ^= 0xff
		r.Progress.Status["t1"] = "changed"
		got, err := s.Session(ctx, "s-1")
		if err != nil {
			t.Fatalf("Session error = %v, want nil", err)
		}
		got.TopicIDs[0] = "changed"
		got.SealedKey[0] ^= 0xff
		got.Progress.Status["t2"] = "changed"
		checkSession(t, s, want)

		e := contractEntry("e-1", "s-1", 0)
		wantEntry := contractEntry("e-1", "s-1", 0)
		mustPutEntry(t, s, e)
		e.Sealed[0] ^= 0xff
		list, err := s.Entries(ctx, "s-1")
		if err != nil || len(list) != 1 {
			t.Fatalf("Entries = %d entries, %v; want 1, nil", len(list), err)
		}
		list[0].Sealed[0] ^= 0xff
		checkEntries(t, s, "s-1", []session.Entry{wantEntry})

		c := contractConsent("s-1")
		wantConsent := contractConsent("s-1")
		mustPutConsent(t, s, c)
		c.Choices["take-part"] = false
		c.SealedSignature[0] ^= 0xff
		checkConsent(t, s, wantConsent)
	})

	t.Run("EntryFieldsRoundTrip", func(t *testing.T) {
		s := openAB(t)
		mustCreate(t, s, contractRecord("s-1", engA.ID))
		var want []session.Entry
		kinds := []session.EntryKind{session.EntryNote, session.EntryQuote, session.EntryReflection, session.EntryAnswer, session.EntryClosing}
		tags := []session.Tag{session.TagNone, session.TagRose, session.TagThorn, session.TagBud}
		for i, k := range kinds {
			e := contractEntry(fmt.Sprintf("e-%d", i), "s-1", i)
			e.Kind, e.Tag = k, tags[i%len(tags)]
			if k == session.EntryReflection || k == session.EntryClosing {
				e.TopicID = ""
			}
			mustPutEntry(t, s, e)
			want = append(want, e)
		}
		checkEntries(t, s, "s-1", want)
	})

	t.Run("PutEntryReplacesByIDInPlace", func(t *testing.T) {
		s := openAB(t)
		mustCreate(t, s, contractRecord("s-1", engA.ID))
		e1, e2, e3 := contractEntry("e-1", "s-1", 0), contractEntry("e-2", "s-1", 1), contractEntry("e-3", "s-1", 2)
		for _, e := range []session.Entry{e1, e2, e3} {
			mustPutEntry(t, s, e)
		}
		e2.Sealed = []byte("replaced body")
		e2.Tag = session.TagThorn
		e2.UpdatedAt = e2.UpdatedAt.Add(time.Hour)
		mustPutEntry(t, s, e2)
		checkEntries(t, s, "s-1", []session.Entry{e1, e2, e3})
	})

	t.Run("EntriesInCreationOrder", func(t *testing.T) {
		s := openAB(t)
		mustCreate(t, s, contractRecord("s-1", engA.ID))
		// Entries made within the same clock tick keep the order they were put in.
		var want []session.Entry
		for i, id := range []string{"zz", "aa", "mm", "00", "e-10", "e-9"} {
			e := contractEntry(id, "s-1", 0)
			e.Sealed = []byte{byte(i)}
			mustPutEntry(t, s, e)
			want = append(want, e)
		}
		// Later entries come after, whatever their ids.
		for i, id := range []string{"b", "a"} {
			e := contractEntry(id, "s-1", 10+i)
			mustPutEntry(t, s, e)
			want = append(want, e)
		}
		checkEntries(t, s, "s-1", want)
	})

	t.Run("EntriesPerSession", func(t *testing.T) {
		s := openAB(t)
		mustCreate(t, s, contractRecord("s-1", engA.ID))
		mustCreate(t, s, contractRecord("s-2", engA.ID))
		mustCreate(t, s, contractRecord("s-3", engA.ID))
		a, b := contractEntry("e-1", "s-1", 0), contractEntry("e-2", "s-2", 1)
		mustPutEntry(t, s, a)
		mustPutEntry(t, s, b)
		checkEntries(t, s, "s-1", []session.Entry{a})
		checkEntries(t, s, "s-2", []session.Entry{b})
		checkEntries(t, s, "s-3", nil)
		list, err := s.Entries(ctx, "missing")
		if len(list) != 0 || (err != nil && !errors.Is(err, session.ErrNotFound)) {
			t.Errorf("Entries(missing) = %d entries, %v; want none, and nil or ErrNotFound", len(list), err)
		}
	})

	t.Run("PutEntryUnknownSessionChangesNothing", func(t *testing.T) {
		s := openAB(t)
		if err := s.PutEntry(ctx, contractEntry("e-1", "missing", 0)); err == nil {
			t.Fatalf("PutEntry(unknown session) error = nil, want an error")
		}
		mustCreate(t, s, contractRecord("missing", engA.ID))
		checkEntries(t, s, "missing", nil)
	})

	t.Run("DeleteEntry", func(t *testing.T) {
		s := openAB(t)
		mustCreate(t, s, contractRecord("s-1", engA.ID))
		mustCreate(t, s, contractRecord("s-2", engA.ID))
		e1, e2, e3 := contractEntry("e-1", "s-1", 0), contractEntry("e-2", "s-1", 1), contractEntry("e-3", "s-1", 2)
		for _, e := range []session.Entry{e1, e2, e3} {
			mustPutEntry(t, s, e)
		}
		if err := s.DeleteEntry(ctx, "s-1", "e-2"); err != nil {
			t.Fatalf("DeleteEntry(s-1, e-2) error = %v, want nil", err)
		}
		checkEntries(t, s, "s-1", []session.Entry{e1, e3})
		if err := s.DeleteEntry(ctx, "s-1", "e-2"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("DeleteEntry(s-1, e-2) again error = %v, want ErrNotFound", err)
		}
		if err := s.DeleteEntry(ctx, "s-2", "e-1"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("DeleteEntry(s-2, e-1 of s-1) error = %v, want ErrNotFound", err)
		}
		if err := s.DeleteEntry(ctx, "missing", "e-1"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("DeleteEntry(missing, e-1) error = %v, want ErrNotFound", err)
		}
		checkEntries(t, s, "s-1", []session.Entry{e1, e3})
		// A deleted id can be put again; it then counts as new.
		mustPutEntry(t, s, e2)
		checkEntries(t, s, "s-1", []session.Entry{e1, e3, e2})
	})

	t.Run("Consent", func(t *testing.T) {
		s := openAB(t)
		mustCreate(t, s, contractRecord("s-1", engA.ID))
		if _, err := s.Consent(ctx, "s-1"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Consent before PutConsent: error = %v, want ErrNotFound", err)
		}
		c := contractConsent("s-1")
		mustPutConsent(t, s, c)
		checkConsent(t, s, c)
		c.Choices["follow-up"] = true
		c.SealedSignature = nil
		mustPutConsent(t, s, c)
		checkConsent(t, s, c)
		if _, err := s.Consent(ctx, "missing"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Consent(missing) error = %v, want ErrNotFound", err)
		}
	})

	t.Run("PutConsentUnknownSessionChangesNothing", func(t *testing.T) {
		s := openAB(t)
		if err := s.PutConsent(ctx, contractConsent("missing")); err == nil {
			t.Fatalf("PutConsent(unknown session) error = nil, want an error")
		}
		mustCreate(t, s, contractRecord("missing", engA.ID))
		if _, err := s.Consent(ctx, "missing"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Consent after failed PutConsent: error = %v, want ErrNotFound", err)
		}
	})

	t.Run("CountDecline", func(t *testing.T) {
		s := openAB(t)
		for i := range 3 {
			if err := s.CountDecline(ctx, engA.ID); err != nil {
				t.Fatalf("CountDecline(%s) #%d error = %v, want nil", engA.ID, i, err)
			}
		}
		if err := s.CountDecline(ctx, "missing"); err == nil {
			t.Errorf("CountDecline(missing) error = nil, want an error")
		}
		// A decline keeps no session: the engagement is still usable and no session appeared.
		checkEngagement(t, mustEngagement(t, s, engA.ID), engA)
	})

	t.Run("ConcurrentWriters", func(t *testing.T) {
		s := openAB(t)
		mustCreate(t, s, contractRecord("shared", engA.ID))
		const writers, writes = 6, 8
		var wg sync.WaitGroup
		errs := make(chan error, writers*writes*4)
		for w := range writers {
			wg.Go(func() {
				id := fmt.Sprintf("own-%d", w)
				r := contractRecord(id, engA.ID)
				if err := s.CreateSession(ctx, r); err != nil {
					errs <- fmt.Errorf("CreateSession(%s): %w", id, err)
					return
				}
				for i := range writes {
					e := contractEntry(fmt.Sprintf("%s-e%d", id, i), id, i)
					if err := s.PutEntry(ctx, e); err != nil {
						errs <- fmt.Errorf("PutEntry(%s): %w", e.ID, err)
					}
					shared := contractEntry(fmt.Sprintf("shared-%d-%d", w, i), "shared", i)
					if err := s.PutEntry(ctx, shared); err != nil {
						errs <- fmt.Errorf("PutEntry(%s): %w", shared.ID, err)
					}
					r.Progress.Current = i
					if err := s.UpdateSession(ctx, r); err != nil {
						errs <- fmt.Errorf("UpdateSession(%s): %w", id, err)
					}
					if _, err := s.Entries(ctx, "shared"); err != nil {
						errs <- fmt.Errorf("Entries(shared): %w", err)
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		list, err := s.Entries(ctx, "shared")
		if err != nil || len(list) != writers*writes {
			t.Errorf("Entries(shared) = %d entries, %v; want %d, nil", len(list), err, writers*writes)
		}
		for w := range writers {
			id := fmt.Sprintf("own-%d", w)
			r, err := s.Session(ctx, id)
			if err != nil || r.Progress.Current != writes-1 {
				t.Errorf("Session(%s).Progress.Current = %d, %v; want %d, nil", id, r.Progress.Current, err, writes-1)
			}
			list, err := s.Entries(ctx, id)
			if err != nil || len(list) != writes {
				t.Fatalf("Entries(%s) = %d entries, %v; want %d, nil", id, len(list), err, writes)
			}
			for i, e := range list {
				if want := fmt.Sprintf("%s-e%d", id, i); e.ID != want {
					t.Errorf("Entries(%s)[%d].ID = %q, want %q", id, i, e.ID, want)
				}
			}
		}
	})
}

var contractBase = time.Date(2031, 1, 2, 9, 30, 0, 0, time.UTC)

func contractEngagement(id, title string) session.Engagement {
	return session.Engagement{
		ID:                id,
		Title:             title,
		DeletionDate:      time.Date(2031, 6, 1, 0, 0, 0, 0, time.UTC),
		StakeholderGroups: []string{"foster carers", "social workers"},
		CreatedAt:         contractBase.Add(-24 * time.Hour),
	}
}

func contractRecord(id, engagementID string) session.Record {
	return session.Record{
		ID:                 id,
		EngagementID:       engagementID,
		InterviewerID:      "int-1",
		PackID:             "ai-interview",
		PackVersion:        3,
		PackHash:           "sha256:0123abcd",
		TopicIDs:           []string{"t1", "t2", "t3"},
		SealedLabel:        []byte("\x00sealed-label\xff"),
		SealedParticipants: []byte("\x00sealed-participants\xff"),
		State:              session.StateQuestions,
		Progress:           session.Progress{Current: 1, Status: map[string]string{"t1": "done"}},
		Timer: session.TimerState{
			Planned: 30 * time.Minute, Elapsed: 4*time.Minute + 250*time.Millisecond,
			RunningSince: contractBase.Add(5*time.Minute + 123456789*time.Nanosecond),
		},
		DeletionDate: time.Date(2031, 5, 20, 0, 0, 0, 0, time.UTC),
		SealedKey:    []byte("\x01sealed-key\x00"),
		CreatedAt:    contractBase,
		UpdatedAt:    contractBase.Add(10 * time.Minute),
	}
}

func contractEntry(id, sessionID string, minute int) session.Entry {
	at := contractBase.Add(time.Duration(minute) * time.Minute)
	return session.Entry{
		ID: id, SessionID: sessionID, TopicID: "t1", Kind: session.EntryNote, Tag: session.TagRose,
		Sealed: []byte("\x00sealed " + id), CreatedAt: at, UpdatedAt: at.Add(time.Second),
	}
}

func contractConsent(sessionID string) session.ConsentRecord {
	return session.ConsentRecord{
		SessionID:       sessionID,
		PackHash:        "sha256:0123abcd",
		Choices:         map[string]bool{"take-part": true, "notes": true, "follow-up": false},
		SealedSignature: []byte("\x00sealed signature"),
		GivenAt:         contractBase.Add(3 * time.Minute),
	}
}

func mustEngagement(t *testing.T, s session.Store, id string) session.Engagement {
	t.Helper()
	e, err := s.Engagement(context.Background(), id)
	if err != nil {
		t.Fatalf("Engagement(%q) error = %v, want nil", id, err)
	}
	return e
}

func mustCreate(t *testing.T, s session.Store, r session.Record) {
	t.Helper()
	if err := s.CreateSession(context.Background(), r); err != nil {
		t.Fatalf("CreateSession(%s) error = %v, want nil", r.ID, err)
	}
}

func mustPutEntry(t *testing.T, s session.Store, e session.Entry) {
	t.Helper()
	if err := s.PutEntry(context.Background(), e); err != nil {
		t.Fatalf("PutEntry(%s) error = %v, want nil", e.ID, err)
	}
}

func mustPutConsent(t *testing.T, s session.Store, c session.ConsentRecord) {
	t.Helper()
	if err := s.PutConsent(context.Background(), c); err != nil {
		t.Fatalf("PutConsent(%s) error = %v, want nil", c.SessionID, err)
	}
}

func checkEngagement(t *testing.T, got, want session.Engagement) {
	t.Helper()
	if got.ID != want.ID || got.Title != want.Title || got.LegalHold != want.LegalHold ||
		got.HoldReason != want.HoldReason || got.Closed != want.Closed ||
		!got.DeletionDate.Equal(want.DeletionDate) || !got.CreatedAt.Equal(want.CreatedAt) ||
		!slices.Equal(got.StakeholderGroups, want.StakeholderGroups) {
		t.Errorf("Engagement(%q) = %+v, want %+v", want.ID, got, want)
	}
}

func checkSession(t *testing.T, s session.Store, want session.Record) {
	t.Helper()
	got, err := s.Session(context.Background(), want.ID)
	if err != nil {
		t.Fatalf("Session(%q) error = %v, want nil", want.ID, err)
	}
	var diffs []string
	diff := func(field string, ok bool, g, w any) {
		if !ok {
			diffs = append(diffs, fmt.Sprintf("%s = %v, want %v", field, g, w))
		}
	}
	diff("ID", got.ID == want.ID, got.ID, want.ID)
	diff("EngagementID", got.EngagementID == want.EngagementID, got.EngagementID, want.EngagementID)
	diff("InterviewerID", got.InterviewerID == want.InterviewerID, got.InterviewerID, want.InterviewerID)
	diff("PackID", got.PackID == want.PackID, got.PackID, want.PackID)
	diff("PackVersion", got.PackVersion == want.PackVersion, got.PackVersion, want.PackVersion)
	diff("PackHash", got.PackHash == want.PackHash, got.PackHash, want.PackHash)
	diff("TopicIDs", slices.Equal(got.TopicIDs, want.TopicIDs), got.TopicIDs, want.TopicIDs)
	diff("SealedLabel", bytes.Equal(got.SealedLabel, want.SealedLabel), got.SealedLabel, want.SealedLabel)
	diff("SealedParticipants", bytes.Equal(got.SealedParticipants, want.SealedParticipants), got.SealedParticipants, want.SealedParticipants)
	diff("State", got.State == want.State, got.State, want.State)
	diff("Progress.Current", got.Progress.Current == want.Progress.Current, got.Progress.Current, want.Progress.Current)
	diff("Progress.Status", maps.Equal(got.Progress.Status, want.Progress.Status), got.Progress.Status, want.Progress.Status)
	diff("Timer.Planned", got.Timer.Planned == want.Timer.Planned, got.Timer.Planned, want.Timer.Planned)
	diff("Timer.Elapsed", got.Timer.Elapsed == want.Timer.Elapsed, got.Timer.Elapsed, want.Timer.Elapsed)
	diff("Timer.RunningSince", got.Timer.RunningSince.Equal(want.Timer.RunningSince) &&
		got.Timer.RunningSince.IsZero() == want.Timer.RunningSince.IsZero(), got.Timer.RunningSince, want.Timer.RunningSince)
	diff("DeletionDate", got.DeletionDate.Equal(want.DeletionDate), got.DeletionDate, want.DeletionDate)
	diff("SealedKey", bytes.Equal(got.SealedKey, want.SealedKey), got.SealedKey, want.SealedKey)
	diff("CreatedAt", got.CreatedAt.Equal(want.CreatedAt), got.CreatedAt, want.CreatedAt)
	diff("UpdatedAt", got.UpdatedAt.Equal(want.UpdatedAt), got.UpdatedAt, want.UpdatedAt)
	// Every exported field of Progress and TimerState, including any added later, must survive.
	diff("Progress (all fields)", progressEqual(got.Progress, want.Progress), got.Progress, want.Progress)
	diff("Timer (all fields)", timerEqual(got.Timer, want.Timer), got.Timer, want.Timer)
	for _, d := range diffs {
		t.Errorf("Session(%q).%s", want.ID, d)
	}
}

// progressEqual compares field by field, treating a nil and an empty map as equal.
func progressEqual(a, b session.Progress) bool {
	if len(a.Status) == 0 && len(b.Status) == 0 {
		a.Status, b.Status = nil, nil
	}
	return reflect.DeepEqual(a, b)
}

// timerEqual compares field by field, times with Equal.
func timerEqual(a, b session.TimerState) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := range va.NumField() {
		fa, fb := va.Field(i).Interface(), vb.Field(i).Interface()
		if ta, ok := fa.(time.Time); ok {
			if !ta.Equal(fb.(time.Time)) {
				return false
			}
			continue
		}
		if !reflect.DeepEqual(fa, fb) {
			return false
		}
	}
	return true
}

func checkEntries(t *testing.T, s session.Store, sessionID string, want []session.Entry) {
	t.Helper()
	got, err := s.Entries(context.Background(), sessionID)
	if err != nil {
		t.Fatalf("Entries(%q) error = %v, want nil", sessionID, err)
	}
	if len(got) != len(want) {
		t.Fatalf("Entries(%q) = %d entries %v, want %d %v", sessionID, len(got), entryIDs(got), len(want), entryIDs(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.SessionID != w.SessionID || g.TopicID != w.TopicID || g.Kind != w.Kind ||
			g.Tag != w.Tag || !bytes.Equal(g.Sealed, w.Sealed) || !g.CreatedAt.Equal(w.CreatedAt) ||
			!g.UpdatedAt.Equal(w.UpdatedAt) {
			t.Errorf("Entries(%q)[%d] = %+v, want %+v", sessionID, i, g, w)
		}
	}
}

func entryIDs(list []session.Entry) []string {
	ids := make([]string, len(list))
	for i, e := range list {
		ids[i] = e.ID
	}
	return ids
}

func checkConsent(t *testing.T, s session.Store, want session.ConsentRecord) {
	t.Helper()
	got, err := s.Consent(context.Background(), want.SessionID)
	if err != nil {
		t.Fatalf("Consent(%q) error = %v, want nil", want.SessionID, err)
	}
	if got.SessionID != want.SessionID || got.PackHash != want.PackHash ||
		!maps.Equal(got.Choices, want.Choices) || !bytes.Equal(got.SealedSignature, want.SealedSignature) ||
		!got.GivenAt.Equal(want.GivenAt) {
		t.Errorf("Consent(%q) = %+v, want %+v", want.SessionID, got, want)
	}
}
