package session_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"quietroom/app/protocol"
	"quietroom/app/session"
)

// TestJourney runs a whole interview, checks nothing readable reached the store, seals it, and
// reopens it for the write-up with a key from the vault.
func TestJourney(t *testing.T) {
	h := newHarness(t)
	plaintexts := []string{
		"the weekly huddle keeps everyone honest",
		"I never know who to ask on a Friday",
		"rotas published late",
		"more time with the children",
		"I felt they were guarded at first",
		"nothing else, thanks",
		"signature-strokes-001",
	}
	h.start()
	h.must("ShowPreamble", h.eng.ShowPreamble(h.ctx))
	h.must("ShowConsent", h.eng.ShowConsent(h.ctx))
	c := allAgreed()
	c.Signature = []byte(plaintexts[6])
	if st, err := h.eng.GiveConsent(h.ctx, c); err != nil || st != session.StateQuestions {
		t.Fatalf("GiveConsent = %q, %v; want questions, nil", st, err)
	}
	h.must("SetNote", h.eng.SetNote(h.ctx, "t1", plaintexts[0]))
	q, err := h.eng.AddQuote(h.ctx, "t1", plaintexts[1], session.TagThorn)
	h.must("AddQuote", err)
	h.must("Next", h.eng.Next(h.ctx))
	h.must("SetAnswer", h.eng.SetAnswer(h.ctx, "t2", 7))
	h.must("Next", h.eng.Next(h.ctx))
	h.must("SetNote", h.eng.SetNote(h.ctx, "t3", plaintexts[2]))
	h.must("Skip", h.eng.Skip(h.ctx))
	h.must("ShowClosing", h.eng.ShowClosing(h.ctx))
	h.must("SetClosingAnswer", h.eng.SetClosingAnswer(h.ctx, plaintexts[5]))
	h.must("UpdateConsent", h.eng.UpdateConsent(h.ctx, followUp, true))
	h.must("StartWriteUp", h.eng.StartWriteUp(h.ctx))
	_, err = h.eng.AddReflection(h.ctx, plaintexts[4], session.TagNone)
	h.must("AddReflection", err)
	_, err = h.eng.AddQuote(h.ctx, "t4", plaintexts[3], session.TagBud)
	h.must("AddQuote", err)
	h.must("TagItem", h.eng.TagItem(h.ctx, q, session.TagRose))

	wantItems := h.eng.Items()
	wantTopics := h.eng.Topics()
	if got := []session.TopicState{wantTopics[0].State, wantTopics[1].State, wantTopics[2].State, wantTopics[3].State}; !slices.Equal(got,
		[]session.TopicState{session.TopicDone, session.TopicDone, session.TopicSkipped, session.TopicDone}) {
		t.Errorf("topic states = %v, want [done done skipped done]", got)
	}

	checkNoPlaintext(t, h, append(plaintexts, "foster carers"))

	h.must("Seal", h.eng.Seal(h.ctx))
	if !h.keys.Issued(h.id)[0].Destroyed() {
		t.Errorf("session key destroyed after Seal = false, want true")
	}
	if items := h.eng.Items(); len(items) != 0 {
		t.Errorf("Items() after Seal = %d items, want none in memory", len(items))
	}
	if info, _ := h.eng.Info(); info.Label != "" || info.State != session.StateSealed {
		t.Errorf("Info() after Seal = label %q state %q, want no label, sealed", info.Label, info.State)
	}
	if got := h.ind.States(); !slices.Equal(got, []session.RoomState{session.RoomOccupied, session.RoomFree}) {
		t.Errorf("indicator showed %v, want [occupied free]", got)
	}
	checkNoPlaintext(t, h, append(plaintexts, "foster carers"))

	// After a restart the interviewer reopens it with their PIN.
	h.eng = h.newEngine()
	key, err := h.keys.Open(h.id)
	h.must("Keys.Open", err)
	h.must("Reopen", h.eng.Reopen(h.ctx, h.id, key))
	if st := h.eng.State(); st != session.StateWriteUp {
		t.Errorf("State() after Reopen = %q, want write-up", st)
	}
	if got := h.eng.Items(); !slices.Equal(got, wantItems) {
		t.Errorf("Items() after Reopen = %+v, want %+v", got, wantItems)
	}
	if info, _ := h.eng.Info(); info.Label != "foster carers" {
		t.Errorf("Info().Label after Reopen = %q, want foster carers", info.Label)
	}
	if got, ok := h.eng.ConsentGiven(); !ok || !bytes.Equal(got.Signature, []byte(plaintexts[6])) || !got.Choices[followUp] {
		t.Errorf("ConsentGiven() after Reopen = %+v, %v; want the signature and follow-up agreed", got, ok)
	}
	if v, ok := h.eng.Answer("t2"); !ok || v != 7 {
		t.Errorf("Answer(t2) after Reopen = %d, %v; want 7, true", v, ok)
	}
	if got := h.eng.Topics(); !slices.EqualFunc(got, wantTopics, func(a, b session.TopicItem) bool { return a.ID == b.ID && a.State == b.State }) {
		t.Errorf("Topics() after Reopen = %+v, want %+v", got, wantTopics)
	}
	h.must("EditItem", h.eng.EditItem(h.ctx, q, "I never know who to ask at weekends"))
	h.must("Seal", h.eng.Seal(h.ctx))
	if !key.Destroyed() {
		t.Errorf("reopened key destroyed after Seal = false, want true")
	}
}

// checkNoPlaintext scans everything the store holds for each plaintext.
func checkNoPlaintext(t *testing.T, h *harness, plaintexts []string) {
	t.Helper()
	dump := h.store.Dump()
	for _, p := range plaintexts {
		if bytes.Contains(dump, []byte(p)) {
			t.Errorf("store holds plaintext %q", p)
		}
	}
}

func TestReopenRefusals(t *testing.T) {
	t.Run("wrong key", func(t *testing.T) {
		h := newHarness(t)
		h.driveTo(session.StateSealed)
		sealedID := h.id
		h.start() // a second session, for a key of another session
		h.must("Withdraw", h.eng.Withdraw(h.ctx))
		wrong, _ := h.keys.Open(h.id)
		if err := h.eng.Reopen(h.ctx, sealedID, wrong); err == nil {
			t.Fatalf("Reopen with another session's key = nil, want an error")
		}
		if st := h.eng.State(); st != session.StateWithdrawn {
			t.Errorf("State() after failed Reopen = %q, want withdrawn (unchanged)", st)
		}
	})
	t.Run("pack changed", func(t *testing.T) {
		h := newHarness(t)
		h.driveTo(session.StateSealed)
		changed := *h.packs["ai-360"]
		changed.Hash = "sha256:other"
		h.packs["ai-360"] = &changed
		key, _ := h.keys.Open(h.id)
		if err := h.eng.Reopen(h.ctx, h.id, key); !errors.Is(err, session.ErrPackMismatch) {
			t.Errorf("Reopen with a changed pack = %v, want ErrPackMismatch", err)
		}
	})
	t.Run("while live", func(t *testing.T) {
		h := newHarness(t)
		h.driveTo(session.StateSealed)
		sealedID := h.id
		h.start()
		key, _ := h.keys.Open(sealedID)
		if err := h.eng.Reopen(h.ctx, sealedID, key); !errors.Is(err, session.ErrSessionLive) {
			t.Errorf("Reopen while a session is live = %v, want ErrSessionLive", err)
		}
	})
}

func TestDecline(t *testing.T) {
	tests := []struct {
		name string
		from session.State
		do   func(h *harness) error
	}{
		{"refused required point", session.StateConsent, func(h *harness) error {
			c := refused()
			c.Signature = []byte("strokes")
			st, err := h.eng.GiveConsent(h.ctx, c)
			if err == nil && st != session.StateDeclined {
				t.Errorf("GiveConsent(refused) = %q, want declined", st)
			}
			return err
		}},
		{"declined at consent", session.StateConsent, func(h *harness) error { return h.eng.Decline(h.ctx) }},
		{"declined at preamble", session.StatePreamble, func(h *harness) error { return h.eng.Decline(h.ctx) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.driveTo(tt.from)
			h.must(tt.name, tt.do(h))
			if st := h.eng.State(); st != session.StateDeclined {
				t.Errorf("State() = %q, want declined", st)
			}
			if n := h.store.Declines("eng-1"); n != 1 {
				t.Errorf("Declines(eng-1) = %d, want 1", n)
			}
			snap := h.store.Snapshot()
			if len(snap.Sessions)+len(snap.Entries)+len(snap.Consents) != 0 {
				t.Errorf("store after decline = %+v, want nothing but the count", snap)
			}
			if !h.keys.Issued(h.id)[0].Destroyed() {
				t.Errorf("key destroyed after decline = false, want true")
			}
			if got := h.ind.States(); !slices.Equal(got, []session.RoomState{session.RoomOccupied, session.RoomFree}) {
				t.Errorf("indicator showed %v, want [occupied free]", got)
			}
			if _, ok := h.eng.ConsentGiven(); ok {
				t.Errorf("ConsentGiven() after decline = true, want false")
			}
			// A new session may start.
			h.start()
		})
	}
}

func TestWithdraw(t *testing.T) {
	for _, from := range []session.State{session.StateSetup, session.StatePreamble, session.StateConsent,
		session.StateQuestions, session.StateClosing, session.StateWriteUp} {
		t.Run(string(from), func(t *testing.T) {
			h := newHarness(t)
			h.driveTo(from)
			stored := len(h.store.Snapshot().Sessions) > 0
			h.must("Withdraw", h.eng.Withdraw(h.ctx))
			if snap := h.store.Snapshot(); len(snap.Sessions)+len(snap.Entries)+len(snap.Consents)+len(snap.Declines) != 0 {
				t.Errorf("store after Withdraw = %+v, want empty", snap)
			}
			var want []string
			if stored {
				want = []string{h.id}
			}
			if got := h.eraser.Destroyed(); !slices.Equal(got, want) {
				t.Errorf("Eraser.Destroyed() = %v, want %v", got, want)
			}
			if !h.keys.Issued(h.id)[0].Destroyed() {
				t.Errorf("key destroyed after Withdraw = false, want true")
			}
			if last, _ := h.ind.Last(); last != session.RoomFree {
				t.Errorf("indicator last showed %v, want free", last)
			}
			if len(h.eng.Items()) != 0 {
				t.Errorf("Items() after Withdraw is not empty")
			}
		})
	}
}

func TestConsentChoices(t *testing.T) {
	tests := []struct {
		name    string
		choices map[string]bool
		want    session.State
		wantErr error
	}{
		{"all agreed", map[string]bool{"take-part": true, "notes": true, followUp: true}, session.StateQuestions, nil},
		{"optional refused", map[string]bool{"take-part": true, "notes": true, followUp: false}, session.StateQuestions, nil},
		{"take part refused", map[string]bool{"take-part": false, "notes": true, followUp: true}, session.StateDeclined, nil},
		{"optional not chosen", map[string]bool{"take-part": true, "notes": true}, session.StateConsent, session.ErrInvalidConsent},
		{"required not chosen", map[string]bool{"take-part": true, followUp: true}, session.StateConsent, session.ErrInvalidConsent},
		{"none chosen", nil, session.StateConsent, session.ErrInvalidConsent},
		{"unknown point", map[string]bool{"take-part": true, "notes": true, followUp: true, "photos": true}, session.StateConsent, session.ErrInvalidConsent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.driveTo(session.StateConsent)
			before := h.observe()
			st, err := h.eng.GiveConsent(h.ctx, session.Consent{Choices: tt.choices})
			if !errors.Is(err, tt.wantErr) || st != tt.want {
				t.Fatalf("GiveConsent(%v) = %q, %v; want %q, %v", tt.choices, st, err, tt.want, tt.wantErr)
			}
			if tt.wantErr != nil {
				if c := changes(before, h.observe()); len(c) > 0 {
					t.Errorf("GiveConsent(%v) changed %v", tt.choices, c)
				}
				return
			}
			if st == session.StateQuestions {
				got, err := h.store.Consent(h.ctx, h.id)
				if err != nil || got.PackHash != testPack().Hash || !got.GivenAt.Equal(t0) || got.Choices[followUp] != tt.choices[followUp] {
					t.Errorf("stored consent = %+v, %v; want the choices, pack hash and time", got, err)
				}
			}
		})
	}
}

func TestUpdateConsent(t *testing.T) {
	h := newHarness(t)
	h.driveTo(session.StateClosing)
	h.must("UpdateConsent", h.eng.UpdateConsent(h.ctx, followUp, true))
	if got, _ := h.store.Consent(h.ctx, h.id); !got.Choices[followUp] || !got.Choices[protocol.ConsentNotes] {
		t.Errorf("stored choices = %v, want follow-up agreed and the rest kept", got.Choices)
	}
	for _, tt := range []struct {
		point string
		want  error
	}{
		{protocol.ConsentNotes, session.ErrInvalidConsent},
		{"photos", session.ErrInvalidConsent},
	} {
		if err := h.eng.UpdateConsent(h.ctx, tt.point, false); !errors.Is(err, tt.want) {
			t.Errorf("UpdateConsent(%q) = %v, want %v", tt.point, err, tt.want)
		}
	}
	h2 := newHarness(t)
	h2.driveTo(session.StateConsent)
	if err := h2.eng.UpdateConsent(h2.ctx, followUp, true); !errors.Is(err, session.ErrWrongState) {
		t.Errorf("UpdateConsent before consent = %v, want ErrWrongState", err)
	}
}

func TestNotesAutosave(t *testing.T) {
	h := newHarness(t)
	h.driveTo(session.StateQuestions) // writes one note on t1
	base := h.store.Calls("PutEntry")
	edits := []string{"W", "We", "Weekly", "Weekly huddles help"}
	for _, text := range edits {
		h.clock.Advance(time.Second)
		h.must("SetNote", h.eng.SetNote(h.ctx, "t3", text))
	}
	h.must("SetNote (unchanged)", h.eng.SetNote(h.ctx, "t3", edits[len(edits)-1]))
	if got := h.store.Calls("PutEntry") - base; got != len(edits) {
		t.Errorf("PutEntry calls for %d edits = %d, want %d", len(edits), got, len(edits))
	}
	entries, _ := h.store.Entries(h.ctx, h.id)
	var notes []session.Entry
	for _, e := range entries {
		if e.TopicID == "t3" {
			notes = append(notes, e)
		}
	}
	if len(notes) != 1 || notes[0].Kind != session.EntryNote {
		t.Fatalf("stored notes for t3 = %d, want 1", len(notes))
	}
	key, _ := h.keys.Open(h.id)
	if body, err := key.Open(notes[0].ID, notes[0].Sealed); err != nil || string(body) != edits[len(edits)-1] {
		t.Errorf("stored note opens to %q, %v; want %q", body, err, edits[len(edits)-1])
	}
	if got := h.eng.Note("t3"); got != edits[len(edits)-1] {
		t.Errorf("Note(t3) = %q, want %q", got, edits[len(edits)-1])
	}
	if err := h.eng.SetNote(h.ctx, "t9", "x"); !errors.Is(err, session.ErrUnknownTopic) {
		t.Errorf("SetNote(t9) = %v, want ErrUnknownTopic", err)
	}
}

func TestContentErrors(t *testing.T) {
	tests := []struct {
		name string
		from session.State
		do   func(h *harness) error
		want error
	}{
		{"note before consent", session.StateConsent, func(h *harness) error { return h.eng.SetNote(h.ctx, "t1", "x") }, session.ErrWrongState},
		{"note after seal", session.StateSealed, func(h *harness) error { return h.eng.SetNote(h.ctx, "t1", "x") }, session.ErrWrongState},
		{"note without session", "", func(h *harness) error { return h.eng.SetNote(h.ctx, "t1", "x") }, session.ErrNoSession},
		{"quote in preamble", session.StatePreamble, func(h *harness) error { _, err := h.eng.AddQuote(h.ctx, "t1", "x", ""); return err }, session.ErrWrongState},
		{"empty quote", session.StateQuestions, func(h *harness) error { _, err := h.eng.AddQuote(h.ctx, "t1", "  ", ""); return err }, session.ErrEmptyText},
		{"quote bad tag", session.StateQuestions, func(h *harness) error { _, err := h.eng.AddQuote(h.ctx, "t1", "x", "daisy"); return err }, session.ErrInvalidTag},
		{"quote unknown topic", session.StateQuestions, func(h *harness) error { _, err := h.eng.AddQuote(h.ctx, "t9", "x", ""); return err }, session.ErrUnknownTopic},
		{"empty reflection", session.StateWriteUp, func(h *harness) error { _, err := h.eng.AddReflection(h.ctx, "", ""); return err }, session.ErrEmptyText},
		{"tag unknown item", session.StateQuestions, func(h *harness) error { return h.eng.TagItem(h.ctx, "nope", session.TagBud) }, session.ErrUnknownItem},
		{"bad tag", session.StateQuestions, func(h *harness) error { return h.eng.TagItem(h.ctx, h.eng.Items()[0].ID, "daisy") }, session.ErrInvalidTag},
		{"edit unknown item", session.StateQuestions, func(h *harness) error { return h.eng.EditItem(h.ctx, "nope", "x") }, session.ErrUnknownItem},
		{"delete unknown item", session.StateQuestions, func(h *harness) error { return h.eng.DeleteItem(h.ctx, "nope") }, session.ErrUnknownItem},
		{"closing answer during questions", session.StateQuestions, func(h *harness) error { return h.eng.SetClosingAnswer(h.ctx, "x") }, session.ErrWrongState},
		{"navigate in closing", session.StateClosing, func(h *harness) error { return h.eng.Next(h.ctx) }, session.ErrWrongState},
		{"previous on first", session.StateQuestions, func(h *harness) error { return h.eng.Previous(h.ctx) }, session.ErrEndOfTopics},
		{"go to unknown topic", session.StateQuestions, func(h *harness) error { return h.eng.GoToTopic(h.ctx, "t9") }, session.ErrUnknownTopic},
		{"pause in write-up", session.StateWriteUp, func(h *harness) error { return h.eng.Pause(h.ctx) }, session.ErrWrongState},
		{"pause before consent", session.StateConsent, func(h *harness) error { return h.eng.Pause(h.ctx) }, session.ErrWrongState},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.driveTo(tt.from)
			before := h.observe()
			if err := tt.do(h); !errors.Is(err, tt.want) {
				t.Fatalf("%s = %v, want %v", tt.name, err, tt.want)
			}
			if c := changes(before, h.observe()); len(c) > 0 {
				t.Errorf("%s changed %v", tt.name, c)
			}
		})
	}
}

func TestQuotesAndTags(t *testing.T) {
	h := newHarness(t)
	h.driveTo(session.StateQuestions)
	id, err := h.eng.AddQuote(h.ctx, "t1", "they listen", session.TagRose)
	h.must("AddQuote", err)
	h.must("TagItem", h.eng.TagItem(h.ctx, id, session.TagBud))
	h.must("EditItem", h.eng.EditItem(h.ctx, id, "they really listen"))
	items := h.eng.Items()
	i := slices.IndexFunc(items, func(it session.Item) bool { return it.ID == id })
	if i < 0 || items[i].Tag != session.TagBud || items[i].Text != "they really listen" || items[i].Kind != session.EntryQuote {
		t.Fatalf("Items() = %+v, want the edited, re-tagged quote", items)
	}
	entries, _ := h.store.Entries(h.ctx, h.id)
	if e := entries[len(entries)-1]; e.ID != id || e.Tag != session.TagBud || e.Kind != session.EntryQuote {
		t.Errorf("stored quote = %+v, want tag bud, kind quote", e)
	}
	h.must("DeleteItem", h.eng.DeleteItem(h.ctx, id))
	if entries, _ := h.store.Entries(h.ctx, h.id); slices.ContainsFunc(entries, func(e session.Entry) bool { return e.ID == id }) {
		t.Errorf("stored entries still hold the deleted quote")
	}
	if slices.ContainsFunc(h.eng.Items(), func(it session.Item) bool { return it.ID == id }) {
		t.Errorf("Items() still holds the deleted quote")
	}
}

func TestAnswers(t *testing.T) {
	tests := []struct {
		name  string
		pack  string
		topic string
		value int
		want  error
	}{
		{"rating low end", "ai-360", "t2", 0, nil},
		{"rating high end", "ai-360", "t2", 10, nil},
		{"rating middle", "ai-360", "t2", 6, nil},
		{"rating too high", "ai-360", "t2", 11, session.ErrOutOfRange},
		{"rating negative", "ai-360", "t2", -1, session.ErrOutOfRange},
		{"no scale", "ai-360", "t1", 5, session.ErrNoScale},
		{"unknown topic", "ai-360", "t9", 5, session.ErrUnknownTopic},
		{"score in range", "panel-b6", "t1", 4, nil},
		{"score below range", "panel-b6", "t1", 0, session.ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			s := h.setup()
			s.Pack, s.Label = h.packs[tt.pack], "C1"
			h.must("Start", h.eng.Start(h.ctx, s, h.keys))
			info, _ := h.eng.Info()
			h.id = info.ID
			h.must("ShowPreamble", h.eng.ShowPreamble(h.ctx))
			h.must("ShowConsent", h.eng.ShowConsent(h.ctx))
			_, err := h.eng.GiveConsent(h.ctx, allAgreed())
			h.must("GiveConsent", err)
			before := h.observe()
			err = h.eng.SetAnswer(h.ctx, tt.topic, tt.value)
			if !errors.Is(err, tt.want) {
				t.Fatalf("SetAnswer(%s, %d) = %v, want %v", tt.topic, tt.value, err, tt.want)
			}
			if tt.want != nil {
				if c := changes(before, h.observe()); len(c) > 0 {
					t.Errorf("SetAnswer(%s, %d) changed %v", tt.topic, tt.value, c)
				}
				return
			}
			if v, ok := h.eng.Answer(tt.topic); !ok || v != tt.value {
				t.Errorf("Answer(%s) = %d, %v; want %d, true", tt.topic, v, ok, tt.value)
			}
			checkNoPlaintext(t, h, []string{"C1", "Candidate 1"})
		})
	}
}

func TestTopicNavigation(t *testing.T) {
	h := newHarness(t)
	h.driveTo(session.StateQuestions)
	type step struct {
		name    string
		do      func() error
		current string
		states  string // one letter per topic: r remaining, d done, s skipped
	}
	steps := []step{
		{"Next", func() error { return h.eng.Next(h.ctx) }, "t2", "drrr"},
		{"Skip", func() error { return h.eng.Skip(h.ctx) }, "t3", "dsrr"},
		{"Previous", func() error { return h.eng.Previous(h.ctx) }, "t2", "dsrr"},
		{"Next over skipped", func() error { return h.eng.Next(h.ctx) }, "t3", "dsrr"},
		{"GoToTopic t2", func() error { return h.eng.GoToTopic(h.ctx, "t2") }, "t2", "dsrr"},
		{"Unskip", func() error { return h.eng.Unskip(h.ctx) }, "t2", "drrr"},
		{"GoToTopic t4", func() error { return h.eng.GoToTopic(h.ctx, "t4") }, "t4", "drrr"},
		{"Next on last", func() error { return h.eng.Next(h.ctx) }, "t4", "drrd"},
		{"GoToTopic t3", func() error { return h.eng.GoToTopic(h.ctx, "t3") }, "t3", "drrd"},
		{"ShowClosing marks current done", func() error { return h.eng.ShowClosing(h.ctx) }, "t3", "drdd"},
	}
	letter := map[session.TopicState]byte{session.TopicRemaining: 'r', session.TopicDone: 'd', session.TopicSkipped: 's'}
	for _, s := range steps {
		h.must(s.name, s.do())
		var got []byte
		cur := ""
		for _, it := range h.eng.Topics() {
			got = append(got, letter[it.State])
			if it.Current {
				cur = it.ID
			}
		}
		if string(got) != s.states || cur != s.current {
			t.Errorf("after %s: topics = %s, current %s; want %s, current %s", s.name, got, cur, s.states, s.current)
		}
		rec, _ := h.store.Session(h.ctx, h.id)
		if h.eng.Topics()[rec.Progress.Current].ID != cur {
			t.Errorf("after %s: stored current topic = %d, want %s", s.name, rec.Progress.Current, cur)
		}
	}
}

// TestConcurrentUse runs the UI's timer ticks alongside note edits; the race detector checks it.
func TestConcurrentUse(t *testing.T) {
	h := newHarness(t)
	h.driveTo(session.StateQuestions)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 200 {
			h.eng.Tick()
			h.eng.Topics()
			h.eng.Items()
		}
	}()
	for i := range 50 {
		h.must("SetNote", h.eng.SetNote(h.ctx, "t3", strings.Repeat("x", i+1)))
		h.clock.Advance(time.Second)
	}
	<-done
	if got := h.eng.Note("t3"); len(got) != 50 {
		t.Errorf("Note(t3) has %d characters, want 50", len(got))
	}
}
