package store

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"filippo.io/age"

	"quietroom/app/board"
	"quietroom/app/clock/clocktest"
	"quietroom/app/retention"
	"quietroom/app/session"
)

var boardEv = retention.AuditEvent{At: day0, Actor: retention.RoleInterviewer, Action: "board.test", Outcome: "ok"}

// boardWith makes a board for eng with one member and n items whose text holds marker, and
// returns the board key and every sealed byte string stored.
func boardWith(t *testing.T, d *DB, eng string, n int, marker string) (*board.Key, [][]byte) {
	t.Helper()
	ctx := context.Background()
	m, _ := age.GenerateX25519Identity()
	k, err := board.NewKey(eng)
	if err != nil {
		t.Fatal(err)
	}
	sk, err := k.SealFor(m.Recipient().String())
	if err != nil {
		t.Fatal(err)
	}
	w, _ := k.Writer()
	if err := d.CreateBoard(ctx, eng, w.Recipient(), []board.Member{{InterviewerID: "iv1", SealedKey: sk}}, boardEv); err != nil {
		t.Fatal(err)
	}
	captured := [][]byte{sk}
	var recs []board.Record
	for i := 0; i < n; i++ {
		it, _ := board.NewItem(board.Thorn, marker+" the rota is never on time")
		s, err := w.SealItem(it)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, board.Record{ID: it.ID, Sealed: s})
		captured = append(captured, s)
	}
	if added, err := d.AddBoardRecords(ctx, eng, recs, boardEv); err != nil || added != n {
		t.Fatalf("AddBoardRecords = %d, %v", added, err)
	}
	// Adding them again adds nothing.
	if added, err := d.AddBoardRecords(ctx, eng, recs, boardEv); err != nil || added != 0 {
		t.Fatalf("AddBoardRecords again = %d, %v", added, err)
	}
	var work board.Work
	work.AddTheme(marker + " theme")
	sw, _ := k.SealWork(work)
	if err := d.SaveBoardWork(ctx, eng, sw); err != nil {
		t.Fatal(err)
	}
	return k, append(captured, sw)
}

func TestBoardRowsAndImports(t *testing.T) {
	ctx := context.Background()
	d := openDB(t, t.TempDir(), Options{})
	mustEngagement(t, d, "e1", day0.AddDate(0, 4, 0))
	k, _ := boardWith(t, d, "e1", 3, "X")
	recs, err := d.BoardRecords(ctx, "e1")
	if err != nil || len(recs) != 3 {
		t.Fatalf("BoardRecords = %d, %v", len(recs), err)
	}
	for _, r := range recs {
		if _, err := k.OpenItem(r.ID, r.Sealed); err != nil {
			t.Fatal(err)
		}
	}
	imp := board.Import{BundleID: board.NewID(), SourceKiosk: "room 2", At: day0}
	it, _ := board.NewItem(board.Rose, "new")
	w, _ := k.Writer()
	s, _ := w.SealItem(it)
	got, err := d.ImportBundle(ctx, "e1", imp, append([]board.Record{{ID: it.ID, Sealed: s}}, recs[0]), boardEv)
	if err != nil || got.Items != 1 || got.Duplicates != 1 {
		t.Fatalf("ImportBundle = %+v, %v", got, err)
	}
	if _, err := d.ImportBundle(ctx, "e1", imp, nil, boardEv); !errors.Is(err, ErrDuplicateBundle) {
		t.Fatalf("ImportBundle twice = %v, want ErrDuplicateBundle", err)
	}
	if imps, _ := d.BoardImports(ctx, "e1"); len(imps) != 1 || imps[0].SourceKiosk != "room 2" {
		t.Fatalf("BoardImports = %+v", imps)
	}
	if _, _, err := d.Board(ctx, "nope"); !errors.Is(err, session.ErrNotFound) {
		t.Fatalf("Board(nope) = %v", err)
	}
}

// TestBoardDestructionLeavesNothing purges a board whose engagement reached its deletion date,
// wipes another and an outbox whose travelled date came first, and scans the files after each.
func TestBoardDestructionLeavesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	d := openDB(t, dir, Options{})
	due := day0.AddDate(0, 0, 10)
	later := day0.AddDate(0, 4, 0)
	mustEngagement(t, d, "e-due", due)
	mustEngagement(t, d, "e-wipe", later)
	mustEngagement(t, d, "e-keep", later)
	mustEngagement(t, d, "e-linked", later)
	_, capDue := boardWith(t, d, "e-due", 20, "MARKER-DUE")
	_, capWipe := boardWith(t, d, "e-wipe", 20, "MARKER-WIPE")
	kKeep, capKeep := boardWith(t, d, "e-keep", 20, "MARKER-KEEP")

	// A board kept elsewhere whose travelled deletion date is before this kiosk's.
	other, _ := board.NewKey("far-away")
	pub, _ := other.Public(due)
	raw, _ := pub.MarshalBinary()
	if err := d.LinkBoard(ctx, "e-linked", raw, due, false, boardEv); err != nil {
		t.Fatal(err)
	}
	ow, _ := pub.Writer()
	var out []board.Record
	capOut := [][]byte{}
	for i := 0; i < 10; i++ {
		it, _ := board.NewItem(board.Bud, "MARKER-OUT an idea")
		s, _ := ow.SealItem(it)
		out = append(out, board.Record{ID: it.ID, Sealed: s})
		capOut = append(capOut, s)
	}
	if _, err := d.AddOutbox(ctx, "e-linked", out, due, boardEv); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string][][]byte{"due": capDue, "wipe": capWipe, "keep": capKeep, "out": capOut} {
		if got := foundInDir(t, dir, c); got != len(c) {
			t.Fatalf("before: %d of %d of %s found", got, len(c), name)
		}
	}
	if n := foundInDir(t, dir, [][]byte{[]byte("MARKER-"), []byte("rota is never")}); n != 0 {
		t.Fatalf("plaintext of board items found in the files (%d)", n)
	}
	if next, ok, err := d.NextDeletion(ctx); err != nil || !ok || !next.Equal(due) {
		t.Fatalf("NextDeletion = %v, %v, %v; want %v", next, ok, err, due)
	}

	clock := clocktest.New(day0)
	r := newRetention(t, d, clock)
	clock.Set(due.Add(time.Minute))
	rec, err := r.PurgeDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rec.BoardRecords == 0 || rec.Outcome != retention.OutcomePassed {
		t.Fatalf("purge receipt = %+v", rec)
	}
	if got := foundInDir(t, dir, append(capDue, capOut...)); got != 0 {
		t.Errorf("after purge %d sealed board records found", got)
	}
	if _, _, err := d.BoardLink(ctx, "e-linked"); !errors.Is(err, session.ErrNotFound) {
		t.Errorf("link after its date = %v", err)
	}
	rec, err = r.WipeEngagement(ctx, "e-wipe", retention.RoleAdmin)
	if err != nil || rec.BoardRecords != 20+1+1 || rec.Outcome != retention.OutcomePassed || rec.KeysDestroyed != 1 {
		t.Fatalf("wipe receipt = %+v, %v", rec, err)
	}
	if got := foundInDir(t, dir, capWipe); got != 0 {
		t.Errorf("after wipe %d sealed board records found", got)
	}
	// The kept board still opens.
	recs, err := d.BoardRecords(ctx, "e-keep")
	if err != nil || len(recs) != 20 {
		t.Fatalf("kept board = %d, %v", len(recs), err)
	}
	if _, err := kKeep.OpenItem(recs[0].ID, recs[0].Sealed); err != nil {
		t.Fatal(err)
	}
	if _, err := r.WipeAll(ctx, retention.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	if got := foundInDir(t, dir, capKeep); got != 0 {
		t.Errorf("after wipe all %d sealed board records found", got)
	}
	for _, c := range [][]byte{[]byte("MARKER")} {
		if bytes.Contains(c, nil) && foundInDir(t, dir, [][]byte{c}) != 0 {
			t.Errorf("marker found after wipe all")
		}
	}
}

// TestBoardPendingAndPins: a bundle waits until accepted; the first accepted bundle from a
// room pins its key and a later one under another key changes nothing; a refused bundle is not
// offered again; the engagement's wipe takes pins and waiting bundles with it.
func TestBoardPendingAndPins(t *testing.T) {
	ctx := context.Background()
	d := openDB(t, t.TempDir(), Options{})
	mustEngagement(t, d, "e1", day0.AddDate(0, 4, 0))
	k, _ := boardWith(t, d, "e1", 0, "X")
	w, _ := k.Writer()
	rec := func() board.Record {
		it, _ := board.NewItem(board.Rose, "waiting")
		s, _ := w.SealItem(it)
		return board.Record{ID: it.ID, Sealed: s}
	}
	one, two, three := board.NewID(), board.NewID(), board.NewID()
	for _, id := range []string{one, two, three} {
		if err := d.AddPendingBundle(ctx, "e1", id, []byte("sealed "+id), boardEv); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.AddPendingBundle(ctx, "e1", one, []byte("again"), boardEv); err != nil {
		t.Fatalf("AddPendingBundle(waiting) = %v", err)
	}
	if ws, _ := d.PendingBundles(ctx, "e1"); len(ws) != 3 {
		t.Fatalf("PendingBundles = %d, want 3", len(ws))
	}
	if recs, _ := d.BoardRecords(ctx, "e1"); len(recs) != 0 {
		t.Fatalf("a waiting bundle's records are on the board: %d", len(recs))
	}
	keyA, keyB := []byte("room key A"), []byte("room key B")
	if _, err := d.AcceptBundle(ctx, "e1", board.Import{BundleID: one, SourceKiosk: "Room 2", At: day0}, keyA, []board.Record{rec()}, boardEv); err != nil {
		t.Fatal(err)
	}
	if _, err := d.AcceptBundle(ctx, "e1", board.Import{BundleID: two, SourceKiosk: "Room 2", At: day0}, keyB, []board.Record{rec()}, boardEv); !errors.Is(err, board.ErrRoomKeyChanged) {
		t.Fatalf("AcceptBundle(other key) = %v, want ErrRoomKeyChanged", err)
	}
	if pins, _ := d.RoomPins(ctx, "e1"); !bytes.Equal(pins["Room 2"], keyA) {
		t.Fatalf("RoomPins = %q", pins)
	}
	if recs, _ := d.BoardRecords(ctx, "e1"); len(recs) != 1 {
		t.Fatalf("BoardRecords = %d, want the accepted one", len(recs))
	}
	if err := d.RefuseBundle(ctx, "e1", three, boardEv); err != nil {
		t.Fatal(err)
	}
	if err := d.AddPendingBundle(ctx, "e1", three, []byte("again"), boardEv); !errors.Is(err, board.ErrRefusedBundle) {
		t.Fatalf("AddPendingBundle(refused) = %v, want ErrRefusedBundle", err)
	}
	if err := d.AddPendingBundle(ctx, "e1", one, []byte("again"), boardEv); !errors.Is(err, ErrDuplicateBundle) {
		t.Fatalf("AddPendingBundle(imported) = %v, want ErrDuplicateBundle", err)
	}
	if ws, _ := d.PendingBundles(ctx, "e1"); len(ws) != 1 || ws[0].BundleID != two {
		t.Fatalf("PendingBundles = %+v, want the one from another key", ws)
	}
}
