package boards_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"quietroom/app/board"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/boards"
	"quietroom/app/retention"
)

// link links a board's file as a member does: the preview's code compared, and what it
// replaces confirmed.
func link(t testing.TB, s *kiosk.SignedIn, eng, path string) boards.LinkPreview {
	t.Helper()
	pv, err := boards.PreviewLink(ctx, s, eng, path)
	if err != nil {
		t.Fatal(err)
	}
	c := boards.LinkConfirm{Code: pv.Code}
	if pv.Replaces != nil {
		c.Replaces = pv.Replaces.BoardID
	}
	if _, err := boards.LinkBoard(ctx, s, eng, path, c); err != nil {
		t.Fatal(err)
	}
	return pv
}

// acceptAll accepts every bundle waiting on the board, as a member who compared the codes.
func acceptAll(t testing.TB, b *boards.Board) {
	t.Helper()
	ps, err := b.PendingImports(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if _, err := b.AcceptImport(ctx, p.BundleID, p.RoomCode); err != nil {
			t.Fatal(err)
		}
	}
}

// exportPublic saves room 1's board file to the stick and returns its path and the code its
// kiosk shows.
func exportPublic(t *testing.T, r *rooms) (string, string) {
	t.Helper()
	b := open(t, r.one, r.alice, r.engOne)
	defer b.Close()
	path, err := b.ExportPublic(ctx, r.stick)
	if err != nil {
		t.Fatal(err)
	}
	code, err := b.Code()
	if err != nil {
		t.Fatal(err)
	}
	return path, code
}

// TestLinkShowsACodeToCompare: linking shows the code the board's kiosk shows, and links only
// with that code confirmed; an attacker's file under the board's name shows another code.
func TestLinkShowsACodeToCompare(t *testing.T) {
	r := twoRooms(t)
	path, boardCode := exportPublic(t, r)
	s := r.two.SignIn(t, r.carol, pin)
	pv, err := boards.PreviewLink(ctx, s, r.engTwo, path)
	if err != nil {
		t.Fatal(err)
	}
	if pv.Code != boardCode || len(strings.ReplaceAll(pv.Code, " ", "")) != 20 || pv.Replaces != nil {
		t.Fatalf("PreviewLink = %+v, board's kiosk shows %q", pv, boardCode)
	}
	for _, code := range []string{"", "00000 00000 00000 00000"} {
		if _, err := boards.LinkBoard(ctx, s, r.engTwo, path, boards.LinkConfirm{Code: code}); !errors.Is(err, boards.ErrCodeNotCompared) {
			t.Fatalf("LinkBoard(code %q) = %v, want ErrCodeNotCompared", code, err)
		}
	}
	if _, err := boards.Contribute(ctx, s, r.engTwo); !errors.Is(err, boards.ErrNoBoard) {
		t.Fatalf("Contribute before linking = %v, want ErrNoBoard", err)
	}

	// An attacker's board file, written under the real board's file name.
	rogue := r.one.PeerChallenge(t, "rogue", time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)).ID
	if err := boards.SetTeam(ctx, r.one.Kiosk, r.one.Admin, rogue, []string{r.bob}); err != nil {
		t.Fatal(err)
	}
	rb := open(t, r.one, r.bob, rogue)
	dir := t.TempDir()
	rpath, err := rb.ExportPublic(ctx, dir)
	rb.Close()
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(rpath)
	os.WriteFile(path, raw, 0o600)
	pv2, err := boards.PreviewLink(ctx, s, r.engTwo, path)
	if err != nil {
		t.Fatal(err)
	}
	if pv2.Code == boardCode {
		t.Fatal("an attacker's file shows the board's code")
	}
	if _, err := boards.LinkBoard(ctx, s, r.engTwo, path, boards.LinkConfirm{Code: boardCode}); !errors.Is(err, boards.ErrCodeNotCompared) {
		t.Fatalf("LinkBoard(attacker's file, board's code) = %v, want ErrCodeNotCompared", err)
	}
}

// TestLinkRefusesAFlippedBit: a board's file with any one bit flipped is not linked (a sample
// of positions here; app/board's test of the same name tries every bit).
func TestLinkRefusesAFlippedBit(t *testing.T) {
	r := twoRooms(t)
	path, _ := exportPublic(t, r)
	raw, _ := os.ReadFile(path)
	s := r.two.SignIn(t, r.carol, pin)
	for i := 0; i < len(raw)*8; i += 97 {
		b := bytes.Clone(raw)
		b[i/8] ^= 1 << (i % 8)
		os.WriteFile(path, b, 0o600)
		if pv, err := boards.PreviewLink(ctx, s, r.engTwo, path); err == nil {
			t.Fatalf("PreviewLink(bit %d flipped) = %+v", i, pv)
		}
		if _, err := boards.LinkBoard(ctx, s, r.engTwo, path, boards.LinkConfirm{Code: "x"}); err == nil {
			t.Fatalf("LinkBoard(bit %d flipped) linked", i)
		}
	}
}

// TestRelinkSaysWhatItReplaces: linking again names the link it replaces and needs the
// comparison again; relinking to another board deletes what waited for the old one.
func TestRelinkSaysWhatItReplaces(t *testing.T) {
	r := twoRooms(t)
	path, _ := exportPublic(t, r)
	s := r.two.SignIn(t, r.carol, pin)
	first := link(t, s, r.engTwo, path)
	r.two.Interview(t, r.carol, pin, r.engTwo, "peer-ai-users", "foster carers", "n", "a quote")
	contribute(t, r.two, r.carol, r.engTwo, board.Bud)

	// The same board's file again: it replaces that link, and what waits stays.
	pv, err := boards.PreviewLink(ctx, s, r.engTwo, path)
	if err != nil || pv.Replaces == nil || pv.Replaces.BoardID != first.BoardID || pv.Replaces.Code != first.Code ||
		!pv.Replaces.Same || pv.Replaces.Waiting != 2 {
		t.Fatalf("PreviewLink(again) = %+v, %v", pv.Replaces, err)
	}
	if _, err := boards.LinkBoard(ctx, s, r.engTwo, path, boards.LinkConfirm{Code: pv.Code}); !errors.Is(err, boards.ErrRelinkNotConfirmed) {
		t.Fatalf("relink without saying what it replaces = %v, want ErrRelinkNotConfirmed", err)
	}
	link(t, s, r.engTwo, path)
	if recs, _ := r.two.DB.Outbox(ctx, r.engTwo); len(recs) != 2 {
		t.Fatalf("outbox after relinking the same board = %d, want 2", len(recs))
	}

	// Another board's file: it says so, and what waited for the old board goes.
	other := r.one.PeerChallenge(t, "other", time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)).ID
	if err := boards.SetTeam(ctx, r.one.Kiosk, r.one.Admin, other, []string{r.bob}); err != nil {
		t.Fatal(err)
	}
	ob := open(t, r.one, r.bob, other)
	opath, err := ob.ExportPublic(ctx, t.TempDir())
	ob.Close()
	if err != nil {
		t.Fatal(err)
	}
	pv, err = boards.PreviewLink(ctx, s, r.engTwo, opath)
	if err != nil || pv.Replaces == nil || pv.Replaces.Same || pv.Replaces.BoardID != first.BoardID || pv.Replaces.Waiting != 2 {
		t.Fatalf("PreviewLink(other board) = %+v, %v", pv.Replaces, err)
	}
	link(t, s, r.engTwo, opath)
	if recs, _ := r.two.DB.Outbox(ctx, r.engTwo); len(recs) != 0 {
		t.Fatalf("outbox after linking another board = %d, want 0", len(recs))
	}
}

// TestOldBoardFileMustBeRelinked: a link made from a file of before boards' files were signed
// is listed as needing a new link, and contributing says so.
func TestOldBoardFileMustBeRelinked(t *testing.T) {
	r := twoRooms(t)
	old, err := os.ReadFile(filepath.Join("..", "..", "board", "testdata", "v1", "public.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.two.DB.LinkBoard(ctx, r.engTwo, old, time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC), false, boardEvent()); err != nil {
		t.Fatal(err)
	}
	s := r.two.SignIn(t, r.carol, pin)
	list, err := boards.Boards(ctx, s)
	if err != nil || len(list) != 1 || !list[0].Relink || list[0].BoardID == "" {
		t.Fatalf("Boards = %+v, %v", list, err)
	}
	if _, err := boards.Contribute(ctx, s, r.engTwo); !errors.Is(err, board.ErrOldFormat) {
		t.Fatalf("Contribute(old link) = %v, want ErrOldFormat", err)
	}
	path := filepath.Join(r.stick, "board-old"+boards.PublicFileExt)
	os.WriteFile(path, old, 0o600)
	if _, err := boards.PreviewLink(ctx, s, r.engTwo, path); !errors.Is(err, board.ErrOldFormat) {
		t.Fatalf("PreviewLink(old file) = %v, want ErrOldFormat", err)
	}
}

// roomTwoBundle links room 2 to room 1's board, contributes Carol's interviews and exports a
// bundle; it returns the bundle's path.
func roomTwoBundle(t *testing.T, r *rooms, group string, interviews int) string {
	t.Helper()
	path, _ := exportPublic(t, r)
	link(t, r.two.SignIn(t, r.carol, pin), r.engTwo, path)
	for i := range interviews {
		r.two.Interview(t, r.carol, pin, r.engTwo, "peer-ai-users", group, "n", "QUOTE "+string(rune('A'+i)))
	}
	contribute(t, r.two, r.carol, r.engTwo, board.Thorn)
	os.Remove(path)
	bundle, _, err := boards.ExportBundle(ctx, r.two.SignIn(t, r.carol, pin), r.engTwo, r.stick)
	if err != nil {
		t.Fatal(err)
	}
	return bundle
}

// TestForgedInterviewCountNeedsAcceptance: interview records a bundle brings (forged ones
// included: a stick carrier holding the board's file can make them) never reach the
// presentation until a team member accepts the bundle, having seen what it brings.
func TestForgedInterviewCountNeedsAcceptance(t *testing.T) {
	r := twoRooms(t)
	r.one.Interview(t, r.alice, pin, r.engOne, "peer-ai-staff-practice", "social workers", "n", "QUOTE one")
	contribute(t, r.one, r.alice, r.engOne, board.Rose)
	roomTwoBundle(t, r, "foster carers", 3)

	b := open(t, r.one, r.alice, r.engOne)
	defer b.Close()
	before, err := b.Presentation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res, err := b.ImportBundles(ctx)
	if err != nil || len(res) != 1 || res[0].Err != nil {
		t.Fatalf("ImportBundles = %+v, %v", res, err)
	}
	p := res[0].Pending
	if p.Interviews != 3 || len(p.Groups) != 1 || p.Groups[0] != (board.GroupCount{Group: "foster carers", Count: 3}) ||
		len(p.QuestionSets) != 1 || !p.NewRoom || p.RoomCode == "" {
		t.Fatalf("pending = %+v", p)
	}
	code, _ := boards.RoomCode(r.two.Kiosk)
	if p.RoomCode != code {
		t.Fatalf("the board's kiosk shows room 2's code %q, room 2 shows %q", p.RoomCode, code)
	}
	after, _ := b.Presentation(ctx)
	if after.Interviewed.Total != before.Interviewed.Total || after.Methodology.Interviews != before.Methodology.Interviews {
		t.Fatalf("a waiting bundle counts: %d interviews, before %d", after.Interviewed.Total, before.Interviewed.Total)
	}
	if items, _ := b.Items(ctx); len(items) != 1 {
		t.Fatalf("a waiting bundle's items are on the board: %d", len(items))
	}
	if _, err := b.AcceptImport(ctx, p.BundleID, "00000 00000 00000 00000"); !errors.Is(err, boards.ErrCodeNotCompared) {
		t.Fatalf("AcceptImport(wrong code) = %v, want ErrCodeNotCompared", err)
	}
	// Refused: it never counts, and is not offered again.
	if err := b.RefuseImport(ctx, p.BundleID); err != nil {
		t.Fatal(err)
	}
	res, _ = b.ImportBundles(ctx)
	if !errors.Is(res[0].Err, board.ErrRefusedBundle) {
		t.Fatalf("ImportBundles(refused before) = %+v", res)
	}
	if got, _ := b.Presentation(ctx); got.Interviewed.Total != before.Interviewed.Total {
		t.Fatalf("a refused bundle counts: %d", got.Interviewed.Total)
	}
	if ps, _ := b.PendingImports(ctx); len(ps) != 0 {
		t.Fatalf("PendingImports after refusing = %+v", ps)
	}
}

// TestBundleFromAnotherKeyRefused: once a room's key is pinned (its first bundle accepted), a
// bundle naming that room but signed by another key (another kiosk, the stick carrier's) is
// refused, and nothing of it waits.
func TestBundleFromAnotherKeyRefused(t *testing.T) {
	r := twoRooms(t)
	roomTwoBundle(t, r, "foster carers", 1)
	b := open(t, r.one, r.alice, r.engOne)
	res, err := b.ImportBundles(ctx)
	if err != nil || res[0].Err != nil {
		t.Fatalf("ImportBundles = %+v, %v", res, err)
	}
	acceptAll(t, b)
	b.Close()
	for _, f := range mustGlob(t, filepath.Join(r.stick, "*"+boards.BundleFileExt)) {
		os.Remove(f)
	}

	// A third kiosk, also calling itself "Room 2", with the board's file.
	three := newImpostor(t, r)
	path, _ := exportPublic(t, r)
	dave := three.Enrol(t, "Dave Interviewer", pin)
	eng := three.PeerChallenge(t, "Peer challenge, Northshire Council", time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC), "foster carers").ID
	link(t, three.SignIn(t, dave, pin), eng, path)
	three.Interview(t, dave, pin, eng, "peer-ai-users", "foster carers", "n", "QUOTE forged")
	contribute(t, three, dave, eng, board.Rose)
	if _, _, err := boards.ExportBundle(ctx, three.SignIn(t, dave, pin), eng, r.stick); err != nil {
		t.Fatal(err)
	}
	b = open(t, r.one, r.alice, r.engOne)
	defer b.Close()
	res, err = b.ImportBundles(ctx)
	if err != nil || len(res) != 1 || !errors.Is(res[0].Err, board.ErrRoomKeyChanged) {
		t.Fatalf("ImportBundles(another key) = %+v, %v; want ErrRoomKeyChanged", res, err)
	}
	if ps, _ := b.PendingImports(ctx); len(ps) != 0 {
		t.Fatalf("a bundle under another key waits: %+v", ps)
	}
}

func mustGlob(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// newImpostor is a third kiosk that calls itself "Room 2", on the same stick.
func newImpostor(t *testing.T, r *rooms) *diskRoom {
	t.Helper()
	return newDiskRoom(t, "Room 2", r.clock, r.stick)
}

func boardEvent() retention.AuditEvent {
	return retention.AuditEvent{At: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Actor: retention.RoleInterviewer, Action: "test", Outcome: "ok"}
}
