package kiosktest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"quietroom/app/board"
	"quietroom/app/session"
)

// BoardsContract tests the promises of kiosk.Boards: a board needs its engagement and is made
// once, with its members and its audit entry in one transaction; records keep the first of an
// id and are listed by id, the audit entry counting those added; a bundle waits once, is
// refused for good (board.ErrRefusedBundle) or accepted whole with its receipt, pinning its
// room's key at the first (another key is board.ErrRoomKeyChanged) and never imported twice
// (board.ErrDuplicateBundle); a link to a board elsewhere keeps its outbox unless told to drop
// it, and an outbox needs its link; session.ErrNotFound for a board, a record, a waiting bundle
// or a link that is not there; every change that takes an audit entry writes it with the change
// (a refused entry changes nothing), and a failed call changes nothing; a PIN reset leaves the
// member waiting; what is stored is durable when the call returns. open returns a new, empty
// storage; each subtest opens its own. reopen, when not nil, closes p and opens the same data
// again, as after a restart; an in-memory storage passes nil.
func BoardsContract(t *testing.T, open func(t *testing.T) Ports, reopen func(t *testing.T, p Ports) Ports) {
	t.Helper()
	ctx := context.Background()
	members := func() []board.Member {
		return []board.Member{{InterviewerID: "iv-b", SealedKey: []byte("key of b")}, {InterviewerID: "iv-a", SealedKey: []byte("key of a")}}
	}
	fresh := func(t *testing.T) Ports {
		t.Helper()
		p := open(t)
		addEngagement(t, p, "pc-1", session.KindPeerChallenge, contractT0)
		must(t, "CreateBoard", p.Boards.CreateBoard(ctx, "pc-1", "age1board", members(), auditEvent("board.create", "pc-1")))
		return p
	}
	type state struct {
		Recipient string
		Work      []byte
		BoardErr  bool
		Members   []board.Member
		Records   []board.Record
		Pending   []board.Waiting
		Pins      map[string][]byte
		Imports   []board.Import
		Link      []byte
		LinkDate  time.Time
		Outbox    []board.Record
	}
	read := func(p Ports, id string) func() state {
		return func() state {
			var s state
			var err error
			s.Recipient, s.Work, err = p.Boards.Board(ctx, id)
			s.BoardErr = err != nil
			errs := []error{}
			add := func(e error) { errs = append(errs, e) }
			s.Members, err = p.Boards.BoardMembers(ctx, id)
			add(err)
			s.Records, err = p.Boards.BoardRecords(ctx, id)
			add(err)
			s.Pending, err = p.Boards.PendingBundles(ctx, id)
			add(err)
			s.Pins, err = p.Boards.RoomPins(ctx, id)
			add(err)
			s.Imports, err = p.Boards.BoardImports(ctx, id)
			add(err)
			s.Outbox, err = p.Boards.Outbox(ctx, id)
			add(err)
			if err := errors.Join(errs...); err != nil {
				t.Errorf("reading board %s: %v", id, err)
			}
			s.Link, s.LinkDate, _ = p.Boards.BoardLink(ctx, id)
			if len(s.Pins) == 0 {
				s.Pins = nil
			}
			return s
		}
	}
	recs := func(ids ...string) []board.Record {
		var out []board.Record
		for _, id := range ids {
			out = append(out, board.Record{ID: id, Interview: id[0] == 'i', Sealed: []byte("sealed " + id)})
		}
		return out
	}

	t.Run("CreateAndRead", func(t *testing.T) {
		p := open(t)
		addEngagement(t, p, "pc-1", session.KindPeerChallenge, contractT0)
		n := len(auditLog(t, p))
		must(t, "CreateBoard", p.Boards.CreateBoard(ctx, "pc-1", "age1board", members(), auditEvent("board.create", "pc-1")))
		audited(t, p, n, "board.create", "pc-1", -1)
		got := read(p, "pc-1")()
		if got.Recipient != "age1board" || got.BoardErr || len(got.Work) != 0 {
			t.Errorf("Board = %q, %q (error %v), want the recipient and no work yet", got.Recipient, got.Work, got.BoardErr)
		}
		if want := []board.Member{{InterviewerID: "iv-a", SealedKey: []byte("key of a")}, {InterviewerID: "iv-b", SealedKey: []byte("key of b")}}; !reflect.DeepEqual(got.Members, want) {
			t.Errorf("BoardMembers = %q, want %q (by interviewer id)", got.Members, want)
		}
		if _, _, err := p.Boards.Board(ctx, "missing"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Board(missing) = %v, want session.ErrNotFound", err)
		}
		if _, _, err := p.Boards.BoardLink(ctx, "pc-1"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("BoardLink(none) = %v, want session.ErrNotFound", err)
		}
	})

	t.Run("CreateRefusedChangesNothing", func(t *testing.T) {
		p := open(t)
		addEngagement(t, p, "pc-1", session.KindPeerChallenge, contractT0)
		before, n := read(p, "pc-1")(), len(auditLog(t, p))
		wantErr(t, "CreateBoard(refused audit entry)", p.Boards.CreateBoard(ctx, "pc-1", "age1board", members(), noAudit), nil)
		unchanged(t, "CreateBoard(refused audit entry)", read(p, "pc-1"), before, p, n)
		wantErr(t, "CreateBoard(no engagement)", p.Boards.CreateBoard(ctx, "missing", "age1board", members(), auditEvent("board.create", "missing")), nil)
		unchanged(t, "CreateBoard(no engagement)", read(p, "missing"), read(p, "missing")(), p, n)
		if _, _, err := p.Boards.Board(ctx, "missing"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("Board after a refused creation = %v, want session.ErrNotFound", err)
		}
		must(t, "CreateBoard", p.Boards.CreateBoard(ctx, "pc-1", "age1board", members(), auditEvent("board.create", "pc-1")))
		before, n = read(p, "pc-1")(), len(auditLog(t, p))
		wantErr(t, "CreateBoard(again)", p.Boards.CreateBoard(ctx, "pc-1", "age1other", []board.Member{{InterviewerID: "iv-c", SealedKey: []byte("c")}}, auditEvent("board.create", "pc-1")), nil)
		unchanged(t, "CreateBoard(again)", read(p, "pc-1"), before, p, n)
	})

	t.Run("MembersAddedAndReplaced", func(t *testing.T) {
		p := fresh(t)
		before, n := read(p, "pc-1")(), len(auditLog(t, p))
		wantErr(t, "SaveBoardMember(refused audit entry)", p.Boards.SaveBoardMember(ctx, "pc-1", board.Member{InterviewerID: "iv-c", SealedKey: []byte("c")}, noAudit), nil)
		unchanged(t, "SaveBoardMember(refused audit entry)", read(p, "pc-1"), before, p, n)
		must(t, "SaveBoardMember", p.Boards.SaveBoardMember(ctx, "pc-1", board.Member{InterviewerID: "iv-c"}, auditEvent("board.member", "pc-1")))
		audited(t, p, n, "board.member", "pc-1", -1)
		must(t, "SaveBoardMember", p.Boards.SaveBoardMember(ctx, "pc-1", board.Member{InterviewerID: "iv-a", SealedKey: []byte("new key of a")}, auditEvent("board.member", "pc-1")))
		got := read(p, "pc-1")().Members
		if len(got) != 3 || string(got[0].SealedKey) != "new key of a" || got[2].InterviewerID != "iv-c" || len(got[2].SealedKey) != 0 {
			t.Errorf("BoardMembers = %q, want iv-a's key replaced and iv-c waiting (no key)", got)
		}
		wantErr(t, "SaveBoardMember(no board)", p.Boards.SaveBoardMember(ctx, "missing", board.Member{InterviewerID: "iv-c"}, auditEvent("board.member", "missing")), nil)
	})

	t.Run("RecordsKeepTheFirstOfAnID", func(t *testing.T) {
		p := fresh(t)
		before, n := read(p, "pc-1")(), len(auditLog(t, p))
		if _, err := p.Boards.AddBoardRecords(ctx, "pc-1", recs("r2"), noAudit); err == nil {
			t.Error("AddBoardRecords(refused audit entry) = nil, want an error")
		}
		unchanged(t, "AddBoardRecords(refused audit entry)", read(p, "pc-1"), before, p, n)
		added, err := p.Boards.AddBoardRecords(ctx, "pc-1", recs("r2", "i1", "r1"), auditEvent("board.add", "pc-1"))
		if err != nil || added != 3 {
			t.Fatalf("AddBoardRecords = %d, %v; want 3", added, err)
		}
		audited(t, p, n, "board.add", "pc-1", 3)
		again := recs("r1", "r3")
		again[0].Sealed = []byte("other bytes")
		if added, err := p.Boards.AddBoardRecords(ctx, "pc-1", again, auditEvent("board.add", "pc-1")); err != nil || added != 1 {
			t.Fatalf("AddBoardRecords(one held) = %d, %v; want 1", added, err)
		}
		audited(t, p, n+1, "board.add", "pc-1", 1)
		if got, want := read(p, "pc-1")().Records, recs("i1", "r1", "r2", "r3"); !reflect.DeepEqual(got, want) {
			t.Errorf("BoardRecords = %+v, want %+v (by id, the first of an id kept)", got, want)
		}
		if _, err := p.Boards.AddBoardRecords(ctx, "missing", recs("r9"), auditEvent("board.add", "missing")); err == nil {
			t.Error("AddBoardRecords(no board) = nil, want an error")
		}
	})

	t.Run("RemoveRecordWithTheWork", func(t *testing.T) {
		p := fresh(t)
		if _, err := p.Boards.AddBoardRecords(ctx, "pc-1", recs("r1", "r2"), auditEvent("board.add", "pc-1")); err != nil {
			t.Fatal(err)
		}
		must(t, "SaveBoardWork", p.Boards.SaveBoardWork(ctx, "pc-1", []byte("work 1")))
		before, n := read(p, "pc-1")(), len(auditLog(t, p))
		if string(before.Work) != "work 1" {
			t.Errorf("Board's work = %q, want what was saved", before.Work)
		}
		wantErr(t, "RemoveBoardRecord(refused audit entry)", p.Boards.RemoveBoardRecord(ctx, "pc-1", "r1", []byte("work 2"), noAudit), nil)
		unchanged(t, "RemoveBoardRecord(refused audit entry)", read(p, "pc-1"), before, p, n)
		wantErr(t, "RemoveBoardRecord(missing)", p.Boards.RemoveBoardRecord(ctx, "pc-1", "r9", []byte("work 2"), auditEvent("board.remove", "pc-1")), session.ErrNotFound)
		unchanged(t, "RemoveBoardRecord(missing)", read(p, "pc-1"), before, p, n)
		must(t, "RemoveBoardRecord", p.Boards.RemoveBoardRecord(ctx, "pc-1", "r1", []byte("work 2"), auditEvent("board.remove", "pc-1")))
		audited(t, p, n, "board.remove", "pc-1", -1)
		got := read(p, "pc-1")()
		if !reflect.DeepEqual(got.Records, recs("r2")) || string(got.Work) != "work 2" {
			t.Errorf("after the removal: records %+v, work %+v; want r2 and the new work", got.Records, got.Work)
		}
		wantErr(t, "SaveBoardWork(no board)", p.Boards.SaveBoardWork(ctx, "missing", []byte("w")), session.ErrNotFound)
	})

	t.Run("BundlesWaitAndAreRefused", func(t *testing.T) {
		p := fresh(t)
		n := len(auditLog(t, p))
		wantErr(t, "AddPendingBundle(refused audit entry)", p.Boards.AddPendingBundle(ctx, "pc-1", "b-1", []byte("bundle 1"), noAudit), nil)
		must(t, "AddPendingBundle", p.Boards.AddPendingBundle(ctx, "pc-1", "b-2", []byte("bundle 2"), auditEvent("board.bundle", "pc-1")))
		must(t, "AddPendingBundle", p.Boards.AddPendingBundle(ctx, "pc-1", "b-1", []byte("bundle 1"), auditEvent("board.bundle", "pc-1")))
		audited(t, p, n+1, "board.bundle", "pc-1", -1)
		before, n := read(p, "pc-1")(), len(auditLog(t, p))
		if want := []board.Waiting{{BundleID: "b-1", Raw: []byte("bundle 1")}, {BundleID: "b-2", Raw: []byte("bundle 2")}}; !reflect.DeepEqual(before.Pending, want) {
			t.Errorf("PendingBundles = %q, want %q (by id)", before.Pending, want)
		}
		must(t, "AddPendingBundle(waiting already)", p.Boards.AddPendingBundle(ctx, "pc-1", "b-1", []byte("bundle 1"), auditEvent("board.bundle", "pc-1")))
		unchanged(t, "AddPendingBundle(waiting already)", read(p, "pc-1"), before, p, n)
		wantErr(t, "RefuseBundle(refused audit entry)", p.Boards.RefuseBundle(ctx, "pc-1", "b-1", noAudit), nil)
		unchanged(t, "RefuseBundle(refused audit entry)", read(p, "pc-1"), before, p, n)
		must(t, "RefuseBundle", p.Boards.RefuseBundle(ctx, "pc-1", "b-1", auditEvent("board.refuse", "pc-1")))
		audited(t, p, n, "board.refuse", "pc-1", -1)
		if got := read(p, "pc-1")().Pending; len(got) != 1 || got[0].BundleID != "b-2" {
			t.Errorf("PendingBundles after refusing b-1 = %q, want b-2 alone", got)
		}
		before, n = read(p, "pc-1")(), len(auditLog(t, p))
		wantErr(t, "AddPendingBundle(refused before)", p.Boards.AddPendingBundle(ctx, "pc-1", "b-1", []byte("bundle 1"), auditEvent("board.bundle", "pc-1")), board.ErrRefusedBundle)
		wantErr(t, "RefuseBundle(not waiting)", p.Boards.RefuseBundle(ctx, "pc-1", "b-1", auditEvent("board.refuse", "pc-1")), session.ErrNotFound)
		unchanged(t, "refused twice", read(p, "pc-1"), before, p, n)
	})

	t.Run("AcceptedWholeAndPinned", func(t *testing.T) {
		p := fresh(t)
		if _, err := p.Boards.AddBoardRecords(ctx, "pc-1", recs("r1"), auditEvent("board.add", "pc-1")); err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"b-1", "b-2", "b-3"} {
			must(t, "AddPendingBundle", p.Boards.AddPendingBundle(ctx, "pc-1", id, []byte("bundle "+id), auditEvent("board.bundle", "pc-1")))
		}
		before, n := read(p, "pc-1")(), len(auditLog(t, p))
		imp := board.Import{BundleID: "b-1", SourceKiosk: "Room 2", At: contractT0.Add(time.Hour)}
		if _, err := p.Boards.AcceptBundle(ctx, "pc-1", imp, []byte("room 2 key"), recs("r1", "r2", "i1"), noAudit); err == nil {
			t.Error("AcceptBundle(refused audit entry) = nil, want an error")
		}
		unchanged(t, "AcceptBundle(refused audit entry)", read(p, "pc-1"), before, p, n)
		got, err := p.Boards.AcceptBundle(ctx, "pc-1", imp, []byte("room 2 key"), recs("r1", "r2", "i1"), auditEvent("board.accept", "pc-1"))
		if err != nil {
			t.Fatalf("AcceptBundle = %v", err)
		}
		want := board.Import{BundleID: "b-1", SourceKiosk: "Room 2", Items: 1, Interviews: 1, Duplicates: 1, At: imp.At}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("AcceptBundle = %+v, want %+v", got, want)
		}
		audited(t, p, n, "board.accept", "pc-1", 2)
		after := read(p, "pc-1")()
		if !reflect.DeepEqual(after.Records, recs("i1", "r1", "r2")) || !reflect.DeepEqual(after.Pins, map[string][]byte{"Room 2": []byte("room 2 key")}) ||
			len(after.Pending) != 2 || !reflect.DeepEqual(after.Imports, []board.Import{want}) {
			t.Errorf("after accepting b-1: %+v", after)
		}
		n = len(auditLog(t, p))
		imp2 := board.Import{BundleID: "b-2", SourceKiosk: "Room 2", At: contractT0.Add(2 * time.Hour)}
		if _, err := p.Boards.AcceptBundle(ctx, "pc-1", imp2, []byte("another key"), recs("r5"), auditEvent("board.accept", "pc-1")); !errors.Is(err, board.ErrRoomKeyChanged) {
			t.Errorf("AcceptBundle(another room key) = %v, want board.ErrRoomKeyChanged", err)
		}
		unchanged(t, "AcceptBundle(another room key)", read(p, "pc-1"), after, p, n)
		if _, err := p.Boards.AcceptBundle(ctx, "pc-1", board.Import{BundleID: "b-9", SourceKiosk: "Room 2", At: contractT0}, []byte("room 2 key"), recs("r6"), auditEvent("board.accept", "pc-1")); err == nil {
			t.Error("AcceptBundle(not waiting) = nil, want an error")
		}
		unchanged(t, "AcceptBundle(not waiting)", read(p, "pc-1"), after, p, n)
		wantErr(t, "AddPendingBundle(imported before)", p.Boards.AddPendingBundle(ctx, "pc-1", "b-1", []byte("bundle b-1"), auditEvent("board.bundle", "pc-1")), board.ErrDuplicateBundle)
		unchanged(t, "AddPendingBundle(imported before)", read(p, "pc-1"), after, p, n)
		// A later import, from a first room, is listed after it: oldest first.
		early := board.Import{BundleID: "b-3", SourceKiosk: "Room 3", At: contractT0.Add(3 * time.Hour)}
		if _, err := p.Boards.AcceptBundle(ctx, "pc-1", early, []byte("room 3 key"), recs("r7"), auditEvent("board.accept", "pc-1")); err != nil {
			t.Fatalf("AcceptBundle(room 3) = %v", err)
		}
		if imps := read(p, "pc-1")().Imports; len(imps) != 2 || imps[0].BundleID != "b-1" || imps[1].BundleID != "b-3" || len(read(p, "pc-1")().Pins) != 2 {
			t.Errorf("BoardImports = %+v, want b-1 then b-3, each room pinned", imps)
		}
	})

	t.Run("LinkAndOutbox", func(t *testing.T) {
		p := open(t)
		addEngagement(t, p, "pc-2", session.KindPeerChallenge, contractT0)
		date := contractT0.AddDate(0, 4, 0)
		if _, err := p.Boards.AddOutbox(ctx, "pc-2", recs("r1"), date, auditEvent("board.outbox", "pc-2")); err == nil {
			t.Error("AddOutbox(no link) = nil, want an error")
		}
		before, n := read(p, "pc-2")(), len(auditLog(t, p))
		wantErr(t, "LinkBoard(refused audit entry)", p.Boards.LinkBoard(ctx, "pc-2", []byte("public 1"), date, false, noAudit), nil)
		unchanged(t, "LinkBoard(refused audit entry)", read(p, "pc-2"), before, p, n)
		wantErr(t, "LinkBoard(no engagement)", p.Boards.LinkBoard(ctx, "missing", []byte("public 1"), date, false, auditEvent("board.link", "missing")), nil)
		if _, _, err := p.Boards.BoardLink(ctx, "missing"); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("BoardLink after a refused link = %v, want session.ErrNotFound", err)
		}
		must(t, "LinkBoard", p.Boards.LinkBoard(ctx, "pc-2", []byte("public 1"), date, false, auditEvent("board.link", "pc-2")))
		audited(t, p, n, "board.link", "pc-2", -1)
		pub, at, err := p.Boards.BoardLink(ctx, "pc-2")
		if err != nil || string(pub) != "public 1" || !at.Equal(date) {
			t.Errorf("BoardLink = %q, %v, %v; want the public part and its date", pub, at, err)
		}
		n = len(auditLog(t, p))
		if added, err := p.Boards.AddOutbox(ctx, "pc-2", recs("r2", "r1"), date, auditEvent("board.outbox", "pc-2")); err != nil || added != 2 {
			t.Fatalf("AddOutbox = %d, %v; want 2", added, err)
		}
		audited(t, p, n, "board.outbox", "pc-2", 2)
		if added, err := p.Boards.AddOutbox(ctx, "pc-2", recs("r1", "r3"), date, auditEvent("board.outbox", "pc-2")); err != nil || added != 1 {
			t.Fatalf("AddOutbox(one held) = %d, %v; want 1", added, err)
		}
		before, n = read(p, "pc-2")(), len(auditLog(t, p))
		if !reflect.DeepEqual(before.Outbox, recs("r1", "r2", "r3")) {
			t.Errorf("Outbox = %+v, want r1, r2, r3 (by id)", before.Outbox)
		}
		if _, err := p.Boards.AddOutbox(ctx, "pc-2", recs("r4"), date, noAudit); err == nil {
			t.Error("AddOutbox(refused audit entry) = nil, want an error")
		}
		unchanged(t, "AddOutbox(refused audit entry)", read(p, "pc-2"), before, p, n)
		must(t, "LinkBoard(again, keeping)", p.Boards.LinkBoard(ctx, "pc-2", []byte("public 1"), date, false, auditEvent("board.link", "pc-2")))
		if got := read(p, "pc-2")().Outbox; len(got) != 3 {
			t.Errorf("a link made again without dropping lost the outbox: %+v", got)
		}
		must(t, "LinkBoard(another, dropping)", p.Boards.LinkBoard(ctx, "pc-2", []byte("public 2"), date, true, auditEvent("board.link", "pc-2")))
		if got := read(p, "pc-2")(); len(got.Outbox) != 0 || string(got.Link) != "public 2" {
			t.Errorf("after linking another board and dropping the outbox: outbox %+v, link %+v", got.Outbox, got.Link)
		}
	})

	t.Run("APINResetLeavesTheMemberWaiting", func(t *testing.T) {
		p := fresh(t)
		a := addInterviewer(t, p, "iv-a")
		addInterviewer(t, p, "iv-b")
		resetPIN(t, p, a)
		got := read(p, "pc-1")().Members
		if len(got) != 2 || got[0].InterviewerID != "iv-a" || len(got[0].SealedKey) != 0 || string(got[1].SealedKey) != "key of b" {
			t.Errorf("after iv-a's PIN reset the members are %q, want iv-a waiting (no key) and iv-b's key kept", got)
		}
	})

	t.Run("Copies", func(t *testing.T) {
		p := fresh(t)
		rs := recs("r1")
		if _, err := p.Boards.AddBoardRecords(ctx, "pc-1", rs, auditEvent("board.add", "pc-1")); err != nil {
			t.Fatal(err)
		}
		rs[0].Sealed[0] = 'X'
		got := read(p, "pc-1")()
		got.Records[0].Sealed[0], got.Members[0].SealedKey[0] = 'Y', 'Y'
		again := read(p, "pc-1")()
		if string(again.Records[0].Sealed) != "sealed r1" || string(again.Members[0].SealedKey) != "key of a" {
			t.Errorf("the stored board shares memory with what was handed in or read: %+v, %+v", again.Records, again.Members)
		}
	})
	t.Run("DurableOnReturn", func(t *testing.T) {
		if reopen == nil {
			t.Skip("the storage keeps its data in memory")
		}
		p := fresh(t)
		addEngagement(t, p, "pc-2", session.KindPeerChallenge, contractT0)
		if _, err := p.Boards.AddBoardRecords(ctx, "pc-1", recs("r1", "i1"), auditEvent("board.add", "pc-1")); err != nil {
			t.Fatal(err)
		}
		must(t, "SaveBoardWork", p.Boards.SaveBoardWork(ctx, "pc-1", []byte("work")))
		must(t, "SaveBoardMember", p.Boards.SaveBoardMember(ctx, "pc-1", board.Member{InterviewerID: "iv-c"}, auditEvent("board.member", "pc-1")))
		for _, id := range []string{"b-1", "b-2"} {
			must(t, "AddPendingBundle", p.Boards.AddPendingBundle(ctx, "pc-1", id, []byte("bundle "+id), auditEvent("board.bundle", "pc-1")))
		}
		if _, err := p.Boards.AcceptBundle(ctx, "pc-1", board.Import{BundleID: "b-1", SourceKiosk: "Room 2", At: contractT0}, []byte("key"), recs("r2"), auditEvent("board.accept", "pc-1")); err != nil {
			t.Fatal(err)
		}
		must(t, "LinkBoard", p.Boards.LinkBoard(ctx, "pc-2", []byte("public"), contractT0.AddDate(0, 4, 0), false, auditEvent("board.link", "pc-2")))
		if _, err := p.Boards.AddOutbox(ctx, "pc-2", recs("r9"), contractT0.AddDate(0, 4, 0), auditEvent("board.outbox", "pc-2")); err != nil {
			t.Fatal(err)
		}
		one, two, log := read(p, "pc-1")(), read(p, "pc-2")(), auditLog(t, p)
		p = reopen(t, p)
		unchanged(t, "a restart (the board)", read(p, "pc-1"), one, p, len(log))
		unchanged(t, "a restart (the link)", read(p, "pc-2"), two, p, len(log))
	})
}
