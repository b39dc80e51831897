package kiosk_test

import (
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/boards"
)

// Helpers of the board's tests (app/kiosk/boards) that the core's tests and benchmarks use too:
// a PIN reset and a wipe cross the board.

// rooms is a peer challenge in two rooms: the board's kiosk (room 1: Alice and Bob) and another
// (room 2: Carol), sharing a clock and a stick.
type rooms struct {
	clock          *clocktest.Clock
	stick          string
	one, two       *diskRoom
	engOne, engTwo string
	alice, bob     string
	carol          string
	sessions       map[string][]string
}

const pin = "482913"

func twoRooms(t *testing.T) *rooms {
	t.Helper()
	r := &rooms{clock: clocktest.New(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)), stick: t.TempDir(), sessions: map[string][]string{}}
	r.one = newDiskRoom(t, "Room 1", r.clock, r.stick)
	r.two = newDiskRoom(t, "Room 2", r.clock, r.stick)
	visit := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	r.engOne = r.one.PeerChallenge(t, "Peer challenge, Northshire Council", visit, "social workers", "foster carers").ID
	r.engTwo = r.two.PeerChallenge(t, "Peer challenge, Northshire Council", visit, "social workers", "foster carers").ID
	r.alice = r.one.Enrol(t, "Alice Interviewer", pin)
	r.bob = r.one.Enrol(t, "Bob Interviewer", pin)
	r.carol = r.two.Enrol(t, "Carol Interviewer", pin)
	if err := boards.SetTeam(ctx, r.one.Kiosk, r.one.Admin, r.engOne, []string{r.alice, r.bob}); err != nil {
		t.Fatal(err)
	}
	return r
}

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
