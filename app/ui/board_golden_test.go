package ui

import (
	"context"
	"testing"
	"testing/cryptotest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"quietroom/app/board"
	"quietroom/app/board/boardtest"
	"quietroom/app/clock/clocktest"
)

// boardSizes are the board's screens: the kiosk's 7" display and a projector.
var boardSizes = []fyne.Size{{Width: 800, Height: 480}, {Width: 1920, Height: 1080}}

// TestGoldenBoard keeps images of the board's sheets, read-out, themes and insight screens on
// the 7" display and on a 1920x1080 projector.
func TestGoldenBoard(t *testing.T) {
	for _, size := range boardSizes {
		t.Run(goldenSize(size), func(t *testing.T) {
			cryptotest.SetGlobalRandom(t, 11)
			test.NewTempApp(t)
			ctx := context.Background()
			clock := clocktest.New(time.Date(2026, 3, 9, 18, 0, 0, 0, time.UTC))
			room := boardtest.NewRoom(t, "Room 1", clock, t.TempDir())
			e := room.PeerChallenge(t, "Peer challenge, Northshire Council", time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC))
			alice := room.Enrol(t, "Alice Morgan", boardPIN)
			if err := room.Kiosk.SetTeam(ctx, room.Admin, e.ID, []string{alice}); err != nil {
				t.Fatal(err)
			}
			b, err := room.SignIn(t, alice, boardPIN).OpenBoard(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			var items []board.Item
			for _, x := range []struct {
				tag  board.Tag
				text string
			}{
				{board.Rose, "My manager really listens when I raise a worry"},
				{board.Rose, "Supervision happens every month without fail"},
				{board.Thorn, "Caseloads are too high to do the job properly"},
				{board.Thorn, "Nobody calls back after four o'clock"},
				{board.Bud, "A duty rota shared with the carers"},
			} {
				it, _ := board.NewItem(x.tag, x.text)
				items = append(items, it)
			}
			if _, err := b.Contribute(ctx, items); err != nil {
				t.Fatal(err)
			}
			var w board.Work
			th, _ := w.AddTheme("Being listened to")
			w.AddTheme("Workload")
			w.Move(items[0].ID, th)
			in, _ := w.AddInsight(th, "Staff feel heard by their managers")
			w.PinQuote(in, items[0].ID)
			if err := b.SaveWork(ctx, w); err != nil {
				t.Fatal(err)
			}
			b.Close()

			h := boardUI(t, room, size)
			h.signInAs("Alice Morgan")
			h.tap("Team boards")
			h.tapPrefix("Peer challenge, Northshire Council")
			h.tap("Open the board")
			golden := func(name string) {
				t.Helper()
				h.boardFits()
				test.AssertRendersToImage(t, "board-"+name+"-"+goldenSize(size)+".png", h.w.Canvas())
			}
			golden("sheets")
			h.tap("Read out")
			golden("read-out")
			h.tap("Themes")
			golden("themes")
			h.tapPrefix("Being listened to")
			h.tapPrefix("Staff feel heard")
			golden("insight")
		})
	}
}
