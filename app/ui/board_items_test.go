package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/cryptotest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/board"
	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/kiosktest"
)

// itemsRoom is a room whose peer challenge's team is Alice, with one interview of hers (two
// quotes, tagged rose in the interview) and a board holding two post-its and a theme.
func itemsRoom(t *testing.T, size fyne.Size) (*harness, *kiosktest.Room, string) {
	t.Helper()
	cryptotest.SetGlobalRandom(t, 17)
	test.NewTempApp(t)
	ctx := context.Background()
	room := kiosktest.NewRoom(t, "Room 1", clocktest.New(time.Date(2026, 3, 9, 18, 0, 0, 0, time.UTC)), t.TempDir())
	e := room.PeerChallenge(t, "Peer challenge, Northshire Council", time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC), "social workers")
	alice := room.Enrol(t, "Alice Morgan", boardPIN)
	room.Interview(t, alice, boardPIN, e.ID, "peer-ai-staff-practice", "social workers", "Notes of the interview",
		"My manager really listens when I raise a worry", "I asked Priya Shah at Millbrook Hospital and she sorted it")
	if err := boards.SetTeam(ctx, room.Kiosk, room.Admin, e.ID, []string{alice}); err != nil {
		t.Fatal(err)
	}
	b, err := boards.Open(ctx, room.SignIn(t, alice, boardPIN), e.ID)
	if err != nil {
		t.Fatal(err)
	}
	var items []board.Item
	for _, text := range []string{"Caseloads are too high to do the job properly", "Nobody calls back after four o'clock"} {
		it, _ := board.NewItem(board.Thorn, text)
		items = append(items, it)
	}
	if _, err := b.Contribute(ctx, items); err != nil {
		t.Fatal(err)
	}
	var w board.Work
	w.AddTheme("Workload")
	w.AddTheme("Getting hold of people")
	if _, err := kiosktest.BuildWork(ctx, b, w); err != nil {
		t.Fatal(err)
	}
	b.Close()
	return boardUI(t, room, size), room, e.ID
}

func (h *harness) openTheBoard() {
	h.t.Helper()
	h.signInAs("Alice Morgan")
	h.tap("Team boards")
	h.tapPrefix("Peer challenge, Northshire Council")
	h.tap("Open the board")
	h.wantScreen("board-sheets")
}

// center is the middle of o on the canvas.
func center(o fyne.CanvasObject) fyne.Position {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return p.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
}

// TestBoardDragItemOntoTheme: a post-it dragged onto a theme moves into it; dropped elsewhere it
// stays; tap, then theme, still moves one.
func TestBoardDragItemOntoTheme(t *testing.T) {
	h, _, _ := itemsRoom(t, fyne.NewSize(800, 480))
	h.openTheBoard()
	h.tap("Themes")
	neededSize(h.w) // lay the screen out, as the window does before a drag
	item, theme := h.postIt("Thorn · Caseloads"), h.postIt("Workload")
	if item == nil || theme == nil {
		t.Fatalf("the post-it or the theme is not shown: %s", h.allTexts())
	}
	// Dropped on nothing: it stays where it was.
	item.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{AbsolutePosition: fyne.NewPos(1, 1)}, Dragged: fyne.NewDelta(5, 5)})
	item.DragEnd()
	if !h.shows("Workload · 0 items") {
		t.Fatalf("a post-it dropped on no theme moved: %s", h.allTexts())
	}
	item.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{AbsolutePosition: center(theme)}, Dragged: fyne.NewDelta(200, 10)})
	if !theme.selected {
		t.Error("the theme under a dragged post-it is not marked")
	}
	item.DragEnd()
	if !h.shows("Workload · 1 item ·") || h.postIt("Thorn · Caseloads") != nil {
		t.Fatalf("the dragged post-it did not move into the theme: %s", h.allTexts())
	}
	h.tapPrefix("Thorn · Nobody calls")
	h.tapPrefix("Getting hold of people")
	if !h.shows("Getting hold of people · 1 item ·") || !h.shows("Every item is in a theme.") {
		t.Fatalf("tap, then theme, did not move the post-it: %s", h.allTexts())
	}
	h.tapPrefix("Workload")
	h.wantScreen("board-theme")
	if !h.shows("Thorn · Caseloads are too high to do the job properly") {
		t.Errorf("the theme does not show its post-it whole: %s", h.allTexts())
	}
}

// TestBoardShowsWholePostIts: a long post-it is shown whole, not cut, on the sheets and the
// themes, at both text sizes.
func TestBoardShowsWholePostIts(t *testing.T) {
	long := "Caseloads are too high to do the job properly"
	for _, large := range []bool{false, true} {
		h, _, _ := itemsRoom(t, fyne.NewSize(800, 480))
		if large {
			h.tap("Larger text")
		}
		h.openTheBoard()
		for _, tab := range []string{"Sheets", "Themes", "All items"} {
			h.tap(tab)
			seen := h.allTexts()
			for range 3 { // turn the pages
				for _, b := range h.buttons() {
					if label(b) == "▼" && b.Visible() && !b.Disabled() {
						test.Tap(b)
					}
				}
				seen += h.allTexts()
			}
			if !strings.Contains(seen, long) {
				t.Errorf("larger text %v, %s: the post-it is not whole: %s", large, tab, h.allTexts())
			}
			h.boardFits()
		}
		for _, b := range h.buttons() {
			if strings.HasSuffix(b.Text, "…") {
				t.Errorf("larger text %v: a tab or button is cut: %q", large, b.Text)
			}
		}
	}
}

// TestBoardNameCheckShowsEveryWord: every word found is listed, a place is offered as [place]
// and a first name with a surname as one [name].
func TestBoardNameCheckShowsEveryWord(t *testing.T) {
	h, _, _ := itemsRoom(t, fyne.NewSize(800, 480))
	h.signInAs("Alice Morgan")
	h.tap("Team boards")
	h.tapPrefix("Peer challenge, Northshire Council")
	h.tap("Contribute from your sessions")
	h.tap("Write a new post-it")
	h.typeInto(0, "Kevin told Sarah Jones that Dr Patel in Leeds and Tom at Ashby Road would call")
	// Every word in the summary; one row each, a page at a time.
	for _, want := range []string{"“Kevin”, “Sarah Jones”, “Dr Patel”, “Leeds”, “Tom”, “Ashby Road”.", "“Kevin” may be a name"} {
		if !h.shows(want) {
			t.Errorf("the name check does not show %s: %s", want, h.allTexts())
		}
	}
	h.tap("Replace all 6")
	if got, want := h.entry().Text, "[name] told [name] that [name] in [place] and [name] at [place] would call"; got != want {
		t.Errorf("after Replace all: %q, want %q", got, want)
	}
	if !h.shows("No word looks like a name or a place.") {
		t.Errorf("words still found after replacing them all: %s", h.allTexts())
	}
	h.fitsWithKeyboard()
	// With the keyboard open the tags and the words found stay on the screen.
	h.typeInto(0, "Ask Jenny")
	h.tap("Keyboard")
	for _, want := range []string{"Rose", "Thorn", "Bud", "“Jenny”", "Replace it"} {
		if !h.shows(want) {
			t.Errorf("with the keyboard open, %q is not shown: %s", want, h.allTexts())
		}
	}
	h.boardFits()
}

// TestBoardContributeList: the interview's tag is carried, a quote on the list is marked and
// cannot be added twice, and the list to send shows each item whole.
func TestBoardContributeList(t *testing.T) {
	h, _, _ := itemsRoom(t, fyne.NewSize(800, 480))
	h.signInAs("Alice Morgan")
	h.tap("Team boards")
	h.tapPrefix("Peer challenge, Northshire Council")
	h.tap("Contribute from your sessions")
	h.tapPrefix("Your session of")
	h.wantScreen("contribute-session")
	var roses, thorns []*Button
	for _, o := range h.objects() {
		if b, ok := o.(*Button); ok && b.Text == "Rose" {
			roses = append(roses, b)
		}
		if b, ok := o.(*Button); ok && b.Text == "Thorn" {
			thorns = append(thorns, b)
		}
	}
	if len(roses) != 3 || roses[0].Importance != widget.HighImportance || thorns[0].Importance == widget.HighImportance || roses[2].Importance == widget.HighImportance {
		t.Fatalf("the quotes' rose from the interview is not marked (the note's tag is none)")
	}
	test.Tap(roses[0])
	h.wantScreen("contribute-item")
	for _, b := range h.buttons() {
		if b.Text == "Rose" && b.Importance != widget.HighImportance {
			t.Error("the editor does not carry the interview's tag")
		}
	}
	h.tap("Confirm: add to the list")
	h.wantScreen("contribute-session")
	if !h.shows("On your list") {
		t.Fatalf("the quote on the list is not marked: %s", h.allTexts())
	}
	n := 0
	for _, b := range h.buttons() {
		if b.Text == "Rose" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d rows still offer Rose, want 2 (the quote on the list offers none)", n)
	}
	h.tap("Back")
	h.tap("Write a new post-it")
	h.typeInto(0, "my manager really listens when I raise a worry")
	h.tap("Confirm: add to the list")
	if h.u.Screen() != "contribute-item" || !h.shows("this is on your list to send already") {
		t.Errorf("the same words were added twice: %s %s", h.u.Screen(), h.allTexts())
	}
	h.tap("Back")
	if !h.shows("Ready to send: 1") || !h.shows("Rose · My manager really listens when I raise a worry") || !h.shows("Send 1 to the board") {
		t.Errorf("the list to send is not shown: %s", h.allTexts())
	}
	h.boardFits()
}

// TestBoardEditPostIt: a post-it is corrected from All items, with the name check.
func TestBoardEditPostIt(t *testing.T) {
	h, _, _ := itemsRoom(t, fyne.NewSize(800, 480))
	h.openTheBoard()
	h.tap("All items")
	var edit *Button
	for _, o := range h.objects() {
		if b, ok := o.(*Button); ok && b.Text == "Edit" && edit == nil {
			edit = b
		}
	}
	if edit == nil {
		t.Fatalf("All items offers no Edit: %s", h.allTexts())
	}
	test.Tap(edit)
	h.wantScreen("board-item-edit")
	h.typeInto(0, "Nobody calls back after four, said Kevin")
	if !h.shows("“Kevin” may be a name") {
		t.Errorf("the name check does not apply: %s", h.allTexts())
	}
	h.tap("Replace it")
	h.tap("Bud")
	h.tap("Save the post-it")
	h.wantScreen("board-items")
	if !h.shows("Bud · Nobody calls back after four, said [name]") {
		t.Errorf("the corrected post-it is not shown: %s", h.allTexts())
	}
}

// TestBoardCloseKeepsMemberSignedIn: closing the board returns to the member's team boards,
// from which the board opens again without a PIN; the idle time-out signs them out.
func TestBoardCloseKeepsMemberSignedIn(t *testing.T) {
	h, _, _ := itemsRoom(t, fyne.NewSize(800, 480))
	h.openTheBoard()
	h.tap("Close the board")
	h.wantScreen("boards")
	h.tapPrefix("Peer challenge, Northshire Council")
	h.tap("Open the board")
	h.wantScreen("board-sheets")
	if err := h.u.onIdle(); err != nil {
		t.Fatal(err)
	}
	if h.u.signedIn != nil || h.u.boards.openBoard != nil {
		t.Error("the idle time-out left the member signed in or the board open")
	}
}

// TestBoardStickMessagesFit: the Stick and team tab and the imports fit the window after the
// board's file is saved and a bundle is refused, on the 7" display and a projector, at both
// text sizes.
func TestBoardStickMessagesFit(t *testing.T) {
	for _, size := range boardSizes {
		for _, large := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/larger=%v", goldenSize(size), large), func(t *testing.T) {
				h, room, _ := itemsRoom(t, size)
				if large {
					h.tap("Larger text")
				}
				h.openTheBoard()
				h.tap("Stick and team")
				h.boardFits()
				h.tap("Save the board's file for the other rooms")
				if !h.shows("Saved as") {
					t.Fatalf("the board's file is not saved: %s", h.allTexts())
				}
				h.boardFits()
				if err := os.WriteFile(filepath.Join(room.Stick, "room-2"+boards.BundleFileExt), []byte("not a bundle"), 0o600); err != nil {
					t.Fatal(err)
				}
				h.tap("Import the other rooms' contributions")
				h.wantScreen("board-imports")
				h.boardFits()
				h.tap("Back")
				h.tap("Save the board's file for the other rooms")
				h.boardFits()
				h.tap("Import the other rooms' contributions")
				h.boardFits()
			})
		}
	}
}
