package kiosktest

import (
	"context"
	"errors"
	"maps"
	"reflect"
	"testing"
	"time"

	"quietroom/app/kiosk"
	"quietroom/app/session"
	"quietroom/app/survey"
)

// SurveysContract tests the promises of kiosk.Surveys: a survey is created with its engagement,
// its review team's keys and its audit entry in one transaction (a refused entry, or an
// engagement id in use, changes nothing); the list reads each back, by title; a response is
// stored once under its id, writes nothing else (no audit entry) and needs its survey; a key is
// read by its member only (session.ErrNotFound for anyone else); a PIN reset leaves the member
// waiting until let in, with its audit entry; what is stored is durable when the call returns.
// open returns a new, empty storage; each subtest opens its own. reopen, when not nil, closes p
// and opens the same data again, as after a restart; an in-memory storage passes nil.
func SurveysContract(t *testing.T, open func(t *testing.T) Ports, reopen func(t *testing.T, p Ports) Ports) {
	t.Helper()
	ctx := context.Background()
	day := func(d int) time.Time { return time.Date(2026, 5, d, 0, 0, 0, 0, time.UTC) }
	newSurvey := func(id, title string) (session.Engagement, survey.Record) {
		del := contractT0.AddDate(0, 6, 0)
		e := session.Engagement{ID: id, Title: title, Kind: kiosk.SurveyKind, DeletionDate: del, CreatedAt: contractT0}
		return e, survey.Record{Engagement: survey.Engagement{EngagementID: id, Title: title, SurveyID: "leadership-culture",
			SurveyVersion: 2, SurveyHash: "sha256:abc", Teams: []string{"Duty team", "Fostering"}, Opens: day(4), Closes: day(29),
			MinGroup: 5, DeletionDate: del}, File: []byte("id: leadership-culture\n"), PublicKey: "age1survey"}
	}
	keys := func() map[string][]byte {
		return map[string][]byte{"iv-a": []byte("key of a"), "iv-b": []byte("key of b")}
	}
	create := func(t *testing.T, p Ports, id, title string) survey.Record {
		t.Helper()
		e, r := newSurvey(id, title)
		must(t, "CreateSurvey", p.Surveys.CreateSurvey(ctx, e, r, keys(), auditEvent("survey.create", id)))
		r.Members = []string{"iv-a", "iv-b"}
		return r
	}
	type state struct {
		Surveys   []survey.Record
		Responses map[string][]byte
		Keys      map[string]string
	}
	read := func(p Ports, id string) func() state {
		return func() state {
			var s state
			var err error
			if s.Surveys, err = p.Surveys.Surveys(ctx); err != nil {
				t.Errorf("Surveys = %v", err)
			}
			if s.Responses, err = p.Surveys.SurveyResponses(ctx, id); err != nil {
				t.Errorf("SurveyResponses = %v", err)
			}
			if len(s.Responses) == 0 {
				s.Responses = nil
			}
			s.Keys = map[string]string{}
			for _, m := range []string{"iv-a", "iv-b", "iv-c"} {
				k, err := p.Surveys.SurveyKey(ctx, id, m)
				switch {
				case errors.Is(err, session.ErrNotFound):
				case err != nil:
					t.Errorf("SurveyKey(%s) = %v", m, err)
				default:
					s.Keys[m] = string(k)
				}
			}
			return s
		}
	}

	t.Run("CreateAndList", func(t *testing.T) {
		p := open(t)
		n := len(auditLog(t, p))
		want := create(t, p, "sv-1", "Leadership culture, spring")
		audited(t, p, n, "survey.create", "sv-1", -1)
		got := read(p, "sv-1")()
		if len(got.Surveys) != 1 || !reflect.DeepEqual(got.Surveys[0], want) {
			t.Errorf("Surveys = %+v, want [%+v]", got.Surveys, want)
		}
		if !reflect.DeepEqual(got.Keys, map[string]string{"iv-a": "key of a", "iv-b": "key of b"}) {
			t.Errorf("keys = %q, want each member's own and nobody else's", got.Keys)
		}
	})

	t.Run("ListedByTitle", func(t *testing.T) {
		p := open(t)
		create(t, p, "sv-1", "Zebra team survey")
		create(t, p, "sv-3", "Autumn survey")
		create(t, p, "sv-2", "Autumn survey")
		var ids []string
		for _, r := range read(p, "sv-1")().Surveys {
			ids = append(ids, r.EngagementID)
		}
		if want := []string{"sv-2", "sv-3", "sv-1"}; !reflect.DeepEqual(ids, want) {
			t.Errorf("Surveys are listed %v, want %v (by title, then id)", ids, want)
		}
	})

	t.Run("CreateRefusedChangesNothing", func(t *testing.T) {
		p := open(t)
		e, r := newSurvey("sv-1", "Leadership culture")
		n := len(auditLog(t, p))
		wantErr(t, "CreateSurvey(refused audit entry)", p.Surveys.CreateSurvey(ctx, e, r, keys(), noAudit), nil)
		unchanged(t, "CreateSurvey(refused audit entry)", read(p, "sv-1"), state{Keys: map[string]string{}}, p, n)
		if _, err := p.Surveys.SurveyKey(ctx, "sv-1", "iv-a"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("SurveyKey after a refused creation = %v, want session.ErrNotFound", err)
		}
		create(t, p, "sv-1", "Leadership culture")
		before, n := read(p, "sv-1")(), len(auditLog(t, p))
		e.Title, r.Title = "Another", "Another"
		wantErr(t, "CreateSurvey(an engagement id in use)", p.Surveys.CreateSurvey(ctx, e, r, map[string][]byte{"iv-c": []byte("c")}, auditEvent("survey.create", "sv-1")), nil)
		unchanged(t, "CreateSurvey(an engagement id in use)", read(p, "sv-1"), before, p, n)
	})

	t.Run("ResponsesStoredOnceWithoutAudit", func(t *testing.T) {
		p := open(t)
		create(t, p, "sv-1", "Leadership culture")
		create(t, p, "sv-2", "Other survey")
		n := len(auditLog(t, p))
		must(t, "PutSurveyResponse", p.Surveys.PutSurveyResponse(ctx, "sv-1", "r-2", []byte("second")))
		must(t, "PutSurveyResponse", p.Surveys.PutSurveyResponse(ctx, "sv-1", "r-1", []byte("first")))
		must(t, "PutSurveyResponse", p.Surveys.PutSurveyResponse(ctx, "sv-2", "r-9", []byte("other")))
		if got := len(auditLog(t, p)); got != n {
			t.Errorf("responses wrote %d audit entries, want none (an entry's time would date them)", got-n)
		}
		before := read(p, "sv-1")()
		if want := map[string][]byte{"r-1": []byte("first"), "r-2": []byte("second")}; !reflect.DeepEqual(before.Responses, want) {
			t.Errorf("SurveyResponses = %q, want %q", before.Responses, want)
		}
		wantErr(t, "PutSurveyResponse(an id stored)", p.Surveys.PutSurveyResponse(ctx, "sv-1", "r-1", []byte("over")), nil)
		unchanged(t, "PutSurveyResponse(an id stored)", read(p, "sv-1"), before, p, n)
		wantErr(t, "PutSurveyResponse(no survey)", p.Surveys.PutSurveyResponse(ctx, "missing", "r-3", []byte("x")), session.ErrNotFound)
		if rs, err := p.Surveys.SurveyResponses(ctx, "missing"); err != nil || len(rs) != 0 {
			t.Errorf("SurveyResponses(no survey) = %q, %v; want none", rs, err)
		}
		rs, _ := p.Surveys.SurveyResponses(ctx, "sv-1")
		rs["r-1"][0] = 'X'
		delete(rs, "r-2")
		if got := read(p, "sv-1")().Responses; !maps.EqualFunc(got, before.Responses, func(a, b []byte) bool { return string(a) == string(b) }) {
			t.Errorf("the stored responses share memory with what was read: %q", got)
		}
	})

	t.Run("LetInAfterAPINReset", func(t *testing.T) {
		p := open(t)
		a := addInterviewer(t, p, "iv-a")
		addInterviewer(t, p, "iv-b")
		create(t, p, "sv-1", "Leadership culture")
		resetPIN(t, p, a)
		got := read(p, "sv-1")()
		if got.Keys["iv-a"] != "" || got.Keys["iv-b"] != "key of b" {
			t.Errorf("after iv-a's PIN reset the keys are %q, want iv-a's empty and iv-b's kept", got.Keys)
		}
		if members := got.Surveys[0].Members; !reflect.DeepEqual(members, []string{"iv-a", "iv-b"}) {
			t.Errorf("after the reset the review team is %v, want both still on it", members)
		}
		n := len(auditLog(t, p))
		wantErr(t, "LetInSurveyMember(refused audit entry)", p.Surveys.LetInSurveyMember(ctx, "sv-1", "iv-a", []byte("new"), noAudit), nil)
		unchanged(t, "LetInSurveyMember(refused audit entry)", read(p, "sv-1"), got, p, n)
		wantErr(t, "LetInSurveyMember(not on the team)", p.Surveys.LetInSurveyMember(ctx, "sv-1", "iv-c", []byte("new"), auditEvent("survey.letin", "sv-1")), session.ErrNotFound)
		unchanged(t, "LetInSurveyMember(not on the team)", read(p, "sv-1"), got, p, n)
		must(t, "LetInSurveyMember", p.Surveys.LetInSurveyMember(ctx, "sv-1", "iv-a", []byte("new key of a"), auditEvent("survey.letin", "sv-1")))
		audited(t, p, n, "survey.letin", "sv-1", -1)
		if k := read(p, "sv-1")().Keys["iv-a"]; k != "new key of a" {
			t.Errorf("after letting in, iv-a's key = %q", k)
		}
	})
	t.Run("DurableOnReturn", func(t *testing.T) {
		if reopen == nil {
			t.Skip("the storage keeps its data in memory")
		}
		p := open(t)
		create(t, p, "sv-1", "Leadership culture")
		must(t, "PutSurveyResponse", p.Surveys.PutSurveyResponse(ctx, "sv-1", "r-1", []byte("first")))
		must(t, "PutSurveyResponse", p.Surveys.PutSurveyResponse(ctx, "sv-1", "r-2", []byte("second")))
		before, log := read(p, "sv-1")(), auditLog(t, p)
		p = reopen(t, p)
		unchanged(t, "a restart", read(p, "sv-1"), before, p, len(log))
	})
}
