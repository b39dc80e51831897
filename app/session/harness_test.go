package session_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/protocol"
	"quietroom/app/session"
	"quietroom/app/session/sessiontest"
)

var t0 = time.Date(2030, 3, 4, 10, 0, 0, 0, time.UTC)

const followUp = "follow-up"

func testPack() *protocol.Pack {
	return &protocol.Pack{
		ID: "ai-360", Version: 2, Title: "360 interview", Language: "en-GB", Kind: protocol.KindInterview,
		DurationMinutes: 30, WarningMinutes: []int{10, 5},
		Preamble: []protocol.Page{{Title: "Why we are here", Text: "..."}},
		Consent: []protocol.ConsentPoint{
			{ID: protocol.ConsentTakePart, Text: "I agree to take part", Required: true},
			{ID: protocol.ConsentNotes, Text: "I agree to notes being taken", Required: true},
			{ID: followUp, Text: "I may be contacted for a follow-up discussion"},
		},
		Topics: []protocol.Topic{
			{ID: "t1", Question: "What works well?", Probes: []string{"Why do you say that?"}, Priority: 1},
			{ID: "t2", Question: "On a scale of 0 to 10, how well supported do you feel?", Priority: 3,
				Scale: &protocol.Scale{Kind: protocol.ScaleRating, Min: 0, Max: 10, MinLabel: "not at all", MaxLabel: "fully"}},
			{ID: "t3", Question: "What gets in the way?", Priority: 2},
			{ID: "t4", Question: "What would you change first?"},
		},
		Closing: protocol.Closing{Question: "Anything else we should have asked?", FollowUp: "Follow-up?", Thanks: "Thank you"},
		Hash:    "sha256:pack-ai-360-v2",
	}
}

func panelPack() *protocol.Pack {
	p := testPack()
	p.ID, p.Kind, p.Hash = "panel-b6", protocol.KindPanel, "sha256:panel"
	p.Topics[0].Scale = &protocol.Scale{Kind: protocol.ScaleScore, Min: 1, Max: 4}
	return p
}

func testEngagement() session.Engagement {
	return session.Engagement{
		ID: "eng-1", Title: "360 interviews, cohort 3", DeletionDate: t0.AddDate(0, 2, 0),
		StakeholderGroups: []string{"foster carers", "social workers"}, CreatedAt: t0.AddDate(0, -1, 0),
	}
}

type harness struct {
	t      *testing.T
	ctx    context.Context
	store  *sessiontest.Store
	keys   *sessiontest.Keys
	eraser *sessiontest.Eraser
	ind    *sessiontest.Indicator
	clock  *clocktest.Clock
	packs  map[string]*protocol.Pack
	eng    *session.Engine
	id     string // the session started by start
	n      int    // ids handed out, across engines sharing the store
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	closed := testEngagement()
	closed.ID, closed.Closed = "eng-closed", true
	expired := testEngagement()
	expired.ID, expired.DeletionDate = "eng-expired", t0.Add(-time.Hour)
	h := &harness{
		t: t, ctx: context.Background(),
		store: sessiontest.NewStore(testEngagement(), closed, expired),
		keys:  sessiontest.NewKeys(),
		ind:   &sessiontest.Indicator{},
		clock: clocktest.New(t0),
		packs: map[string]*protocol.Pack{},
	}
	h.eraser = sessiontest.NewEraser(h.store)
	for _, p := range []*protocol.Pack{testPack(), panelPack()} {
		h.packs[p.ID] = p
	}
	h.eng = h.newEngine()
	return h
}

// newEngine returns a second engine on the same store, keys and clock: the kiosk after a restart.
func (h *harness) newEngine() *session.Engine {
	h.t.Helper()
	eng, err := session.New(session.Deps{
		Store: h.store, Eraser: h.eraser, Indicator: h.ind, Clock: h.clock,
		Packs: session.PacksFunc(func(id string, version int) (*protocol.Pack, error) {
			if p, ok := h.packs[id]; ok && p.Version == version {
				return p, nil
			}
			return nil, fmt.Errorf("pack %s: %w", id, session.ErrNotFound)
		}),
	}, session.Options{NewID: func() string { h.n++; return fmt.Sprintf("id-%d", h.n) }})
	if err != nil {
		h.t.Fatalf("New error = %v, want nil", err)
	}
	return eng
}

func (h *harness) setup() session.Setup {
	return session.Setup{
		EngagementID: "eng-1", InterviewerID: "int-1", Pack: h.packs["ai-360"], Label: "foster carers",
	}
}

func (h *harness) must(what string, err error) {
	h.t.Helper()
	if err != nil {
		h.t.Fatalf("%s error = %v, want nil", what, err)
	}
}

func (h *harness) start() {
	h.t.Helper()
	h.must("Start", h.eng.Start(h.ctx, h.setup(), h.keys))
	info, _ := h.eng.Info()
	h.id = info.ID
}

func allAgreed() session.Consent {
	return session.Consent{Choices: map[string]bool{protocol.ConsentTakePart: true, protocol.ConsentNotes: true, followUp: false}}
}

func refused() session.Consent {
	return session.Consent{Choices: map[string]bool{protocol.ConsentTakePart: true, protocol.ConsentNotes: false, followUp: true}}
}

// driveTo brings a fresh harness's session to state s along the journey ("" means no session).
func (h *harness) driveTo(s session.State) {
	h.t.Helper()
	path := map[session.State][]session.State{
		"":                     {},
		session.StateSetup:     {session.StateSetup},
		session.StatePreamble:  {session.StateSetup, session.StatePreamble},
		session.StateConsent:   {session.StateSetup, session.StatePreamble, session.StateConsent},
		session.StateQuestions: {session.StateSetup, session.StatePreamble, session.StateConsent, session.StateQuestions},
		session.StateClosing:   {session.StateSetup, session.StatePreamble, session.StateConsent, session.StateQuestions, session.StateClosing},
		session.StateWriteUp:   {session.StateSetup, session.StatePreamble, session.StateConsent, session.StateQuestions, session.StateClosing, session.StateWriteUp},
		session.StateSealed:    {session.StateSetup, session.StatePreamble, session.StateConsent, session.StateQuestions, session.StateClosing, session.StateWriteUp, session.StateSealed},
		session.StateDeclined:  {session.StateSetup, session.StatePreamble, session.StateConsent, session.StateDeclined},
		session.StateWithdrawn: {session.StateSetup, session.StatePreamble, session.StateConsent, session.StateQuestions, session.StateWithdrawn},
	}[s]
	for _, step := range path {
		switch step {
		case session.StateSetup:
			h.start()
		case session.StatePreamble:
			h.must("ShowPreamble", h.eng.ShowPreamble(h.ctx))
		case session.StateConsent:
			h.must("ShowConsent", h.eng.ShowConsent(h.ctx))
		case session.StateQuestions:
			_, err := h.eng.GiveConsent(h.ctx, allAgreed())
			h.must("GiveConsent", err)
			h.clock.Advance(time.Minute)
			h.must("SetNote", h.eng.SetNote(h.ctx, "t1", "works well: the weekly huddle"))
		case session.StateClosing:
			h.must("ShowClosing", h.eng.ShowClosing(h.ctx))
		case session.StateWriteUp:
			h.must("StartWriteUp", h.eng.StartWriteUp(h.ctx))
		case session.StateSealed:
			h.must("Seal", h.eng.Seal(h.ctx))
		case session.StateDeclined:
			h.must("Decline", h.eng.Decline(h.ctx))
		case session.StateWithdrawn:
			h.must("Withdraw", h.eng.Withdraw(h.ctx))
		}
	}
	if got := h.eng.State(); got != s {
		h.t.Fatalf("driveTo(%q): State() = %q, want %q", s, got, s)
	}
}

// observed is everything a caller can see of the engine and everything the fakes hold.
type observed struct {
	State     session.State
	Info      session.Info
	HasInfo   bool
	Items     []session.Item
	Topics    []session.TopicItem
	Consent   session.Consent
	HasCons   bool
	Store     sessiontest.Snapshot
	Shown     []session.RoomState
	Erased    []string
	Destroyed []bool
}

func (h *harness) observe() observed {
	o := observed{
		State: h.eng.State(), Items: h.eng.Items(), Topics: h.eng.Topics(), Store: h.store.Snapshot(),
		Shown: h.ind.States(), Erased: h.eraser.Destroyed(),
	}
	o.Info, o.HasInfo = h.eng.Info()
	o.Consent, o.HasCons = h.eng.ConsentGiven()
	for _, k := range h.keys.Issued(h.id) {
		o.Destroyed = append(o.Destroyed, k.Destroyed())
	}
	return o
}

// changes names the parts of what is observed that differ. Keys handed out by the fake vault
// after before was taken (for Reopen) belong to the caller and are not compared.
func changes(before, after observed) []string {
	if len(after.Destroyed) > len(before.Destroyed) {
		after.Destroyed = after.Destroyed[:len(before.Destroyed)]
	}
	var out []string
	vb, va := reflect.ValueOf(before), reflect.ValueOf(after)
	for i := range vb.NumField() {
		if !reflect.DeepEqual(vb.Field(i).Interface(), va.Field(i).Interface()) {
			out = append(out, fmt.Sprintf("%s: %+v -> %+v", vb.Type().Field(i).Name, vb.Field(i).Interface(), va.Field(i).Interface()))
		}
	}
	return out
}

func isAny(err error, targets ...error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}
