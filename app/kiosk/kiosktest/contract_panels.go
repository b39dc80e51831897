package kiosktest

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"testing"

	"quietroom/app/panel"
	"quietroom/app/session"
)

// PanelsContract tests the promises of kiosk.Panels: a panel reads back as it was stored,
// session.ErrNotFound for none; a second panel for a recruitment, a second submission under an
// item id (panel.ErrSubmitted) and a second decision (panel.ErrDecided) are refused; frozen
// once stored is kept; items added for placeholders keep the ones already stored; the audit
// entry of a creation, a decision and a member let in is written in the same transaction (a
// refused entry changes nothing); a failed call changes nothing; a PIN reset leaves the member
// waiting; what is read and what was handed in are copies; what is stored is durable when the
// call returns. open returns a new, empty storage; each subtest opens its own. reopen, when not
// nil, closes p and opens the same data again, as after a restart; an in-memory storage passes
// nil.
func PanelsContract(t *testing.T, open func(t *testing.T) Ports, reopen func(t *testing.T, p Ports) Ports) {
	t.Helper()
	ctx := context.Background()
	fresh := func(t *testing.T) (Ports, panel.Stored) {
		t.Helper()
		p := open(t)
		addEngagement(t, p, "rec-1", session.KindRecruitment, contractT0)
		return p, panel.Stored{EngagementID: "rec-1", PublicKey: "age1recipient", SealedSetup: []byte("sealed set-up"),
			MemberKeys: map[string][]byte{"iv-a": []byte("key of a"), "iv-b": []byte("key of b")}}
	}
	read := func(p Ports, id string) func() panel.Stored {
		return func() panel.Stored {
			s, err := p.Panels.Panel(ctx, id)
			if err != nil {
				return panel.Stored{EngagementID: "error: " + err.Error()}
			}
			return s
		}
	}
	create := func(t *testing.T, p Ports, s panel.Stored) {
		t.Helper()
		must(t, "CreatePanel", p.Panels.CreatePanel(ctx, s, auditEvent("panel.create", s.EngagementID)))
	}

	t.Run("CreateAndRead", func(t *testing.T) {
		p, s := fresh(t)
		before := len(auditLog(t, p))
		create(t, p, s)
		audited(t, p, before, "panel.create", "rec-1", -1)
		got, err := p.Panels.Panel(ctx, "rec-1")
		must(t, "Panel", err)
		if got.EngagementID != "rec-1" || got.PublicKey != s.PublicKey || !bytes.Equal(got.SealedSetup, s.SealedSetup) ||
			!reflect.DeepEqual(got.MemberKeys, s.MemberKeys) || len(got.Items) != 0 || got.Frozen || got.Decided {
			t.Errorf("Panel = %+v, want what was stored: %+v", got, s)
		}
		if _, err := p.Panels.Panel(ctx, "missing"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Panel(missing) = %v, want session.ErrNotFound", err)
		}
	})

	t.Run("CreateTwiceIsRefused", func(t *testing.T) {
		p, s := fresh(t)
		create(t, p, s)
		before, n := read(p, "rec-1")(), len(auditLog(t, p))
		other := s
		other.PublicKey, other.MemberKeys = "age1other", map[string][]byte{"iv-c": []byte("key of c")}
		wantErr(t, "CreatePanel(again)", p.Panels.CreatePanel(ctx, other, auditEvent("panel.create", "rec-1")), nil)
		unchanged(t, "CreatePanel(again)", read(p, "rec-1"), before, p, n)
	})

	t.Run("CreateNotAuditedChangesNothing", func(t *testing.T) {
		p, s := fresh(t)
		n := len(auditLog(t, p))
		wantErr(t, "CreatePanel(refused audit entry)", p.Panels.CreatePanel(ctx, s, noAudit), nil)
		if got := len(auditLog(t, p)); got != n {
			t.Errorf("a refused creation wrote %d audit entries", got-n)
		}
		if _, err := p.Panels.Panel(ctx, "rec-1"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Panel after a refused creation = %v, want session.ErrNotFound", err)
		}
		if ids, err := p.Panels.PanelsOf(ctx, "iv-a"); err != nil || len(ids) != 0 {
			t.Errorf("PanelsOf after a refused creation = %v, %v; want none", ids, err)
		}
	})

	t.Run("PanelsOfAMember", func(t *testing.T) {
		p, s := fresh(t)
		create(t, p, s)
		addEngagement(t, p, "rec-2", session.KindRecruitment, contractT0.Add(1))
		create(t, p, panel.Stored{EngagementID: "rec-2", PublicKey: "age1two", SealedSetup: []byte("two"),
			MemberKeys: map[string][]byte{"iv-b": []byte("b"), "iv-c": []byte("c")}})
		for member, want := range map[string][]string{"iv-a": {"rec-1"}, "iv-b": {"rec-1", "rec-2"}, "iv-c": {"rec-2"}, "iv-d": nil} {
			got, err := p.Panels.PanelsOf(ctx, member)
			must(t, "PanelsOf", err)
			if !reflect.DeepEqual(sortedCopy(got), want) {
				t.Errorf("PanelsOf(%s) = %v, want %v", member, got, want)
			}
		}
	})

	t.Run("FrozenIsKept", func(t *testing.T) {
		p, s := fresh(t)
		create(t, p, s)
		must(t, "SavePanelSetup", p.Panels.SavePanelSetup(ctx, "rec-1", []byte("set-up 2"), true))
		must(t, "SavePanelSetup", p.Panels.SavePanelSetup(ctx, "rec-1", []byte("set-up 3"), false))
		got := read(p, "rec-1")()
		if !got.Frozen || string(got.SealedSetup) != "set-up 3" {
			t.Errorf("after freezing and saving again: frozen %v, set-up %q; want frozen, the last set-up", got.Frozen, got.SealedSetup)
		}
		wantErr(t, "SavePanelSetup(missing)", p.Panels.SavePanelSetup(ctx, "missing", []byte("x"), true), session.ErrNotFound)
	})

	t.Run("ItemsPutAndReplaced", func(t *testing.T) {
		p, s := fresh(t)
		create(t, p, s)
		must(t, "PutPanelItem", p.Panels.PutPanelItem(ctx, "rec-1", "item-1", []byte("first")))
		must(t, "PutPanelItem", p.Panels.PutPanelItem(ctx, "rec-1", "item-2", []byte("second")))
		must(t, "PutPanelItem", p.Panels.PutPanelItem(ctx, "rec-1", "item-1", []byte("replaced")))
		if got := read(p, "rec-1")().Items; !reflect.DeepEqual(got, map[string][]byte{"item-1": []byte("replaced"), "item-2": []byte("second")}) {
			t.Errorf("Items = %q, want item-1 replaced and item-2", got)
		}
		wantErr(t, "PutPanelItem(no panel)", p.Panels.PutPanelItem(ctx, "missing", "item-1", []byte("x")), nil)
		if _, err := p.Panels.Panel(ctx, "missing"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("a failed PutPanelItem made a panel: %v", err)
		}
	})

	t.Run("ASecondSubmissionIsRefused", func(t *testing.T) {
		p, s := fresh(t)
		create(t, p, s)
		must(t, "SubmitPanelSheet", p.Panels.SubmitPanelSheet(ctx, "rec-1", "sub-1", []byte("submitted")))
		must(t, "PutPanelItem", p.Panels.PutPanelItem(ctx, "rec-1", "item-1", []byte("a mark")))
		before := read(p, "rec-1")()
		wantErr(t, "SubmitPanelSheet(again)", p.Panels.SubmitPanelSheet(ctx, "rec-1", "sub-1", []byte("again")), panel.ErrSubmitted)
		wantErr(t, "SubmitPanelSheet(an item's id)", p.Panels.SubmitPanelSheet(ctx, "rec-1", "item-1", []byte("over")), panel.ErrSubmitted)
		unchanged(t, "a refused submission", read(p, "rec-1"), before, p, len(auditLog(t, p)))
		if string(before.Items["sub-1"]) != "submitted" {
			t.Errorf("the submission was stored as %q", before.Items["sub-1"])
		}
	})

	t.Run("DecidedOnceAndAudited", func(t *testing.T) {
		p, s := fresh(t)
		create(t, p, s)
		before, n := read(p, "rec-1")(), len(auditLog(t, p))
		wantErr(t, "DecidePanel(refused audit entry)", p.Panels.DecidePanel(ctx, "rec-1", "decision", []byte("d"), noAudit), nil)
		unchanged(t, "DecidePanel(refused audit entry)", read(p, "rec-1"), before, p, n)
		must(t, "DecidePanel", p.Panels.DecidePanel(ctx, "rec-1", "decision", []byte("the decision"), auditEvent("panel.decide", "rec-1")))
		audited(t, p, n, "panel.decide", "rec-1", -1)
		got := read(p, "rec-1")()
		if !got.Decided || string(got.Items["decision"]) != "the decision" {
			t.Errorf("after the decision: decided %v, item %q", got.Decided, got.Items["decision"])
		}
		n = len(auditLog(t, p))
		wantErr(t, "DecidePanel(again)", p.Panels.DecidePanel(ctx, "rec-1", "decision-2", []byte("again"), auditEvent("panel.decide", "rec-1")), panel.ErrDecided)
		unchanged(t, "DecidePanel(again)", read(p, "rec-1"), got, p, n)
	})

	t.Run("AddedItemsKeepStoredOnes", func(t *testing.T) {
		p, s := fresh(t)
		create(t, p, s)
		must(t, "PutPanelItem", p.Panels.PutPanelItem(ctx, "rec-1", "b", []byte("written")))
		must(t, "AddPanelItems", p.Panels.AddPanelItems(ctx, "rec-1", map[string][]byte{"a": []byte("pa"), "b": []byte("pb"), "c": []byte("pc")}))
		must(t, "ConvertPanel", p.Panels.ConvertPanel(ctx, "rec-1", map[string][]byte{"c": []byte("cc"), "d": []byte("cd")}))
		want := map[string][]byte{"a": []byte("pa"), "b": []byte("written"), "c": []byte("pc"), "d": []byte("cd")}
		got := read(p, "rec-1")()
		if !reflect.DeepEqual(got.Items, want) {
			t.Errorf("Items = %q, want %q", got.Items, want)
		}
		if len(got.Legacy.Records) != 0 || len(got.Legacy.Submissions) != 0 {
			t.Errorf("legacy records after ConvertPanel: %+v", got.Legacy)
		}
	})

	t.Run("LetInAfterAPINReset", func(t *testing.T) {
		p, s := fresh(t)
		a, b := addInterviewer(t, p, "iv-a"), addInterviewer(t, p, "iv-b")
		create(t, p, s)
		resetPIN(t, p, a)
		got := read(p, "rec-1")()
		if ks, ok := got.MemberKeys["iv-a"]; !ok || len(ks) != 0 {
			t.Errorf("after iv-a's PIN reset their key is %q (on the panel: %v), want none while on the panel", ks, ok)
		}
		if string(got.MemberKeys[b.ID]) != "key of b" {
			t.Errorf("another member's key changed with the reset: %q", got.MemberKeys[b.ID])
		}
		n := len(auditLog(t, p))
		wantErr(t, "LetInPanelMember(refused audit entry)", p.Panels.LetInPanelMember(ctx, "rec-1", "iv-a", []byte("new"), noAudit), nil)
		unchanged(t, "LetInPanelMember(refused audit entry)", read(p, "rec-1"), got, p, n)
		wantErr(t, "LetInPanelMember(not on the panel)", p.Panels.LetInPanelMember(ctx, "rec-1", "iv-z", []byte("new"), auditEvent("panel.letin", "rec-1")), session.ErrNotFound)
		unchanged(t, "LetInPanelMember(not on the panel)", read(p, "rec-1"), got, p, n)
		must(t, "LetInPanelMember", p.Panels.LetInPanelMember(ctx, "rec-1", "iv-a", []byte("new key of a"), auditEvent("panel.letin", "rec-1")))
		audited(t, p, n, "panel.letin", "rec-1", -1)
		if got := read(p, "rec-1")().MemberKeys["iv-a"]; string(got) != "new key of a" {
			t.Errorf("after letting in, iv-a's key = %q", got)
		}
	})

	t.Run("Copies", func(t *testing.T) {
		p, s := fresh(t)
		setup := []byte("sealed set-up")
		s.SealedSetup = setup
		create(t, p, s)
		setup[0] = 'X'
		s.MemberKeys["iv-a"][0] = 'X'
		sealed := []byte("item")
		must(t, "PutPanelItem", p.Panels.PutPanelItem(ctx, "rec-1", "i", sealed))
		sealed[0] = 'X'
		got := read(p, "rec-1")()
		got.SealedSetup[0], got.MemberKeys["iv-b"][0], got.Items["i"][0] = 'Y', 'Y', 'Y'
		got.MemberKeys["iv-z"] = []byte("z")
		again := read(p, "rec-1")()
		if string(again.SealedSetup) != "sealed set-up" || string(again.MemberKeys["iv-a"]) != "key of a" ||
			string(again.MemberKeys["iv-b"]) != "key of b" || string(again.Items["i"]) != "item" || len(again.MemberKeys) != 2 {
			t.Errorf("the stored panel shares memory with what was handed in or read: %+v", again)
		}
	})
	t.Run("DurableOnReturn", func(t *testing.T) {
		if reopen == nil {
			t.Skip("the storage keeps its data in memory")
		}
		p, s := fresh(t)
		create(t, p, s)
		must(t, "SavePanelSetup", p.Panels.SavePanelSetup(ctx, "rec-1", []byte("set-up 2"), true))
		must(t, "PutPanelItem", p.Panels.PutPanelItem(ctx, "rec-1", "item-1", []byte("a mark")))
		must(t, "SubmitPanelSheet", p.Panels.SubmitPanelSheet(ctx, "rec-1", "sub-1", []byte("submitted")))
		must(t, "AddPanelItems", p.Panels.AddPanelItems(ctx, "rec-1", map[string][]byte{"a": []byte("pa")}))
		must(t, "DecidePanel", p.Panels.DecidePanel(ctx, "rec-1", "decision", []byte("the decision"), auditEvent("panel.decide", "rec-1")))
		before, log := read(p, "rec-1")(), auditLog(t, p)
		p = reopen(t, p)
		unchanged(t, "a restart", read(p, "rec-1"), before, p, len(log))
	})
}
