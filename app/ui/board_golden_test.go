package ui

import (
	"context"
	"testing"
	"testing/cryptotest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"quietroom/app/board"
	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/kiosktest"
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
			room := kiosktest.NewRoom(t, "Room 1", clock, t.TempDir())
			e := room.PeerChallenge(t, "Peer challenge, Northshire Council", time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC))
			alice := room.Enrol(t, "Alice Morgan", boardPIN)
			if err := boards.SetTeam(ctx, room.Kiosk, room.Admin, e.ID, []string{alice}); err != nil {
				t.Fatal(err)
			}
			b, err := boards.Open(ctx, room.SignIn(t, alice, boardPIN), e.ID)
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
				it, _ := board.NewQuote(x.tag, x.text)
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
			w.PinQuote(in, items[0])
			if _, err := kiosktest.BuildWork(ctx, b, w); err != nil {
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

// TestBoardFitsLargerText walks the board's screens with the larger text on, the keyboard open
// and shut where a screen has one, on the 7" display, at 1280x720 and on a projector.
func TestBoardFitsLargerText(t *testing.T) {
	walksEveryPack(t)
	for _, size := range []fyne.Size{{Width: 800, Height: 480}, {Width: 1280, Height: 720}, {Width: 1920, Height: 1080}} {
		t.Run(goldenSize(size), func(t *testing.T) { boardFitsLargerText(t, size) })
	}
}

func boardFitsLargerText(t *testing.T, size fyne.Size) {
	cryptotest.SetGlobalRandom(t, 13)
	test.NewTempApp(t)
	ctx := context.Background()
	clock := clocktest.New(time.Date(2026, 3, 9, 18, 0, 0, 0, time.UTC))
	room := kiosktest.NewRoom(t, "Room 1", clock, t.TempDir())
	e := room.PeerChallenge(t, "Peer challenge, Northshire Council", time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC), "social workers")
	alice := room.Enrol(t, "Alice Morgan", boardPIN)
	room.Interview(t, alice, boardPIN, e.ID, "peer-ai-staff-practice", "social workers", "A long note about what was said in the interview, which goes on for a while to fill the line",
		"A long quote from the interview, long enough to be cut on the narrow screen of the kiosk in the room")
	if err := boards.SetTeam(ctx, room.Kiosk, room.Admin, e.ID, []string{alice}); err != nil {
		t.Fatal(err)
	}
	h := boardUI(t, room, size)
	h.tap("Larger text")
	h.signInAs("Alice Morgan")
	h.tap("Team boards")
	h.boardFits()
	h.tapPrefix("Peer challenge, Northshire Council")
	h.boardFits()
	h.tap("Contribute from your sessions")
	h.boardFits()
	h.tapPrefix("Your session of")
	h.boardFits()
	h.tap("Rose")
	h.fitsWithKeyboard()
	h.tap("Confirm: add to the list")
	h.tap("Back")
	h.tap("Write a new post-it")
	h.typeInto(0, "A long post-it written by hand about something the team wants to keep in mind tomorrow")
	h.tap("Bud")
	h.tap("Confirm: add to the list")
	h.tapPrefix("Send ")
	h.tap("Finish")
	h.signInAs("Alice Morgan")
	h.tap("Team boards")
	h.tapPrefix("Peer challenge, Northshire Council")
	h.tap("Open the board")
	for _, tab := range []string{"Sheets", "Read out", "All items", "Stick and team"} {
		h.tap(tab)
		h.boardFits()
	}
	h.tap("Themes")
	h.fitsWithKeyboard()
	h.typeInto(0, "A theme with quite a long name for the narrow screen")
	h.tap("New theme")
	h.tapPrefix("Rose · ")
	h.tapPrefix("A theme with")
	h.boardFits()
	h.tapPrefix("A theme with")
	h.fitsWithKeyboard()
	h.tap("Add an insight")
	h.fitsWithKeyboard()
	h.typeInto(0, "An insight statement long enough to be cut in the list of the theme's insights")
	h.tapPrefix("A long quote")
	h.tap("Save")
	h.boardFits()
	h.tap("Presentation")
	h.fitsWithKeyboard()
	h.tap("Export to the USB stick")
	h.boardFits()
	h.tap("Alice Morgan")
	h.boardFits()
}
