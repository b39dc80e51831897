package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/cryptotest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"quietroom/app/board"
	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/kiosktest"
)

// slidesRoom is a room whose board holds a theme with a key quote and a note, an insight with
// the quote pinned and a long description, and, outside anything the team chose, a key quote
// in no theme and a bud. It returns the harness, the room and its clock.
func slidesRoom(t *testing.T, size fyne.Size) (*harness, *kiosktest.Room, *clocktest.Clock) {
	t.Helper()
	cryptotest.SetGlobalRandom(t, 19)
	test.NewTempApp(t)
	ctx := context.Background()
	clock := clocktest.New(time.Date(2026, 3, 10, 11, 0, 0, 0, time.UTC))
	room := kiosktest.NewRoom(t, "Room 1", clock, t.TempDir())
	e := room.PeerChallenge(t, "Peer challenge, Northshire Council", time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC), "social workers")
	alice := room.Enrol(t, "Alice Morgan", boardPIN)
	for range 3 {
		room.Interview(t, alice, boardPIN, e.ID, "peer-ai-staff-practice", "social workers", "Notes", "A quote")
	}
	if err := boards.SetTeam(ctx, room.Kiosk, room.Admin, e.ID, []string{alice}); err != nil {
		t.Fatal(err)
	}
	b, err := boards.Open(ctx, room.SignIn(t, alice, boardPIN), e.ID)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := board.NewQuote(board.Rose, "My manager really listens when I raise a worry")
	n, _ := board.NewNote(board.Rose, "NOTE staff seemed tired but engaged")
	loose, _ := board.NewQuote(board.Thorn, "LOOSE nobody calls back after four o'clock")
	bud, _ := board.NewItem(board.Bud, "BUD a duty rota shared with the carers")
	if _, err := b.Contribute(ctx, []board.Item{q, n, loose, bud}); err != nil {
		t.Fatal(err)
	}
	var w board.Work
	w.SetAim("To help the service see how staff and carers experience support")
	th, _ := w.AddTheme("Being listened to")
	w.Move(q.ID, th)
	w.Move(n.ID, th)
	in, _ := w.AddInsight(th, "Staff feel heard by their managers")
	w.EditInsight(in, "Staff feel heard by their managers", strings.Repeat("Managers make time to listen when a worry is raised, and act on it. ", 5))
	w.PinQuote(in, q)
	if _, err := kiosktest.BuildWork(ctx, b, w); err != nil {
		t.Fatal(err)
	}
	b.Close()
	return boardUI(t, room, size), room, clock
}

// slideShown is the slide show's view on the screen.
func (h *harness) slideShown() *slideView {
	h.t.Helper()
	for _, o := range h.objects() {
		if v, ok := o.(*slideView); ok {
			return v
		}
	}
	h.t.Fatalf("screen %s shows no slide", h.u.Screen())
	return nil
}

// key types a key as a keyboard or a presenter remote does: to what has the focus.
func (h *harness) key(name fyne.KeyName) {
	h.t.Helper()
	f := h.w.Canvas().Focused()
	if f == nil {
		h.t.Fatalf("screen %s: nothing has the keyboard's focus", h.u.Screen())
	}
	f.TypedKey(&fyne.KeyEvent{Name: name})
}

// TestSlideShow: the presentation's slides, full window on the 7" display and on a 1920x1080
// projector: every slide fits with its words in large type (title >= 40 px and body >= 28 px
// at 1080p); only the presentation's content is on any slide; the keyboard's arrows and Space,
// a presenter remote's page keys, a tap on the slide and the buttons turn the slides; the
// counter says where; Escape and Back to the board go back; the slides wait half an hour
// (or the kiosk's idle time-out, if longer) without a touch, then close the board.
func TestSlideShow(t *testing.T) {
	for _, size := range boardSizes {
		t.Run(goldenSize(size), func(t *testing.T) {
			h, _, clock := slidesRoom(t, size)
			h.openTheBoard()
			h.tap("Presentation")
			h.boardFits()
			if !slices.ContainsFunc(h.buttonTexts(), func(s string) bool { return strings.HasPrefix(s, "1 / 7 · Peer challenge, Northshire Council") }) {
				t.Errorf("the presentation screen does not list the slides: %s", h.allTexts())
			}
			h.tap("Slide show")
			h.wantScreen("board-slides")
			v := h.slideShown()
			n := len(v.deck.Slides)
			if n != 7 {
				t.Fatalf("the deck has %d slides, want 7 (cover, aim, who, methodology, theme, insight over 2)", n)
			}
			if h.w.Canvas().Focused() != v {
				t.Fatal("the slide does not have the keyboard's focus")
			}
			at := func(want int, after string) {
				t.Helper()
				if v.at != want {
					t.Fatalf("after %s the slide is %d, want %d", after, v.at+1, want+1)
				}
				// On the slide's foot and on the bar below it.
				if c := v.deck.Counter(want); strings.Count(h.allTexts(), "\n"+c+"\n") < 2 {
					t.Errorf("after %s the counter %q is not shown on the slide and the bar", after, c)
				}
			}
			at(0, "opening")
			// Every slide: fits, large, nothing but the presentation.
			for i := range n {
				h.boardFits()
				texts := h.allTexts()
				for _, never := range []string{"LOOSE", "BUD", "NOTE staff seemed tired but engaged”", "“NOTE"} {
					if strings.Contains(texts, never) {
						t.Errorf("slide %d shows %q", i+1, never)
					}
				}
				checkSlideType(t, h, v, size)
				h.key(fyne.KeyRight)
			}
			at(n-1, "Right past the last slide")
			h.key(fyne.KeyHome)
			at(0, "Home")
			h.key(fyne.KeySpace)
			at(1, "Space")
			h.key(fyne.KeyPageDown)
			at(2, "Page Down")
			h.key(fyne.KeyPageUp)
			at(1, "Page Up")
			h.key(fyne.KeyLeft)
			at(0, "Left")
			h.key(fyne.KeyLeft)
			at(0, "Left on the first slide")
			h.key(fyne.KeyEnd)
			at(n-1, "End")
			h.key(fyne.KeyPageDown)
			at(n-1, "Page Down on the last slide")
			test.TapAt(v, fyne.NewPos(v.Size().Width/6, v.Size().Height/2))
			at(n-2, "a tap on the slide's left")
			test.TapAt(v, fyne.NewPos(v.Size().Width*5/6, v.Size().Height/2))
			at(n-1, "a tap on the slide's right")
			h.tap("Previous")
			at(n-2, "Previous")
			h.key(fyne.KeyRight) // after a button, a key still turns the slide
			at(n-1, "Right after Previous")
			h.tap("Previous")
			h.tap("Next")
			at(n-1, "Next")
			// A tap on the black margin or the bar takes the keyboard's focus from the slide:
			// a remote's key still turns it.
			h.w.Canvas().Unfocus()
			h.w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyPageUp})
			at(n-2, "Page Up with nothing focused")
			h.key(fyne.KeyPageDown)
			at(n-1, "Page Down")

			// A presenter talks for minutes over one slide: the board stays open.
			clock.Advance(25 * time.Minute)
			h.u.Tick()
			h.wantScreen("board-slides")
			h.key(fyne.KeyLeft) // the presenter turns a slide: back is open again
			h.key(fyne.KeyEscape)
			h.wantScreen("board-presentation")
			h.tapPrefix("6 / 7")
			v = h.slideShown()
			h.wantScreen("board-slides")
			at(5, "opening at slide 6")
			h.tap("Back to the board")
			h.wantScreen("board-presentation")
			h.tap("Slide show")
			v = h.slideShown()
			at(0, "Slide show")
			clock.Advance(max(slidesIdle, h.u.opts.IdleTimeout) + time.Minute)
			h.u.Tick()
			h.wantScreen("home")
			if h.u.boards.openBoard != nil {
				t.Error("the board is still open after the slides' idle time-out")
			}
		})
	}
}

// TestSlideShowLeftAfterPause: the slides may stay up through a long talk, but the board
// behind them does not. Leaving the slide show after a pause longer than the kiosk's idle
// time-out, by the button or by Escape, closes the board and goes Home: a passer-by at a
// projector left on a slide is not let into the board's items.
func TestSlideShowLeftAfterPause(t *testing.T) {
	for _, leave := range []string{"button", "Escape"} {
		t.Run(leave, func(t *testing.T) {
			h, _, clock := slidesRoom(t, fyne.NewSize(800, 480))
			h.u.opts.IdleTimeout = 2 * time.Minute // the kiosk's default
			h.openTheBoard()
			h.tap("Presentation")
			h.tap("Slide show")
			h.wantScreen("board-slides")
			clock.Advance(h.u.opts.IdleTimeout + time.Second)
			h.u.Tick()
			h.wantScreen("board-slides")
			if leave == "button" {
				h.tap("Back to the board")
			} else {
				h.key(fyne.KeyEscape)
			}
			h.wantScreen("home")
			if h.u.boards.openBoard != nil {
				t.Error("the board is still open after leaving the slides after a pause")
			}
		})
	}
}

// checkSlideType checks that the slide shown lies in the window, that its text is as large as
// a room reads from the back on a 1080p projector, and that it fills the width or the height.
func checkSlideType(t *testing.T, h *harness, v *slideView, size fyne.Size) {
	t.Helper()
	r := test.WidgetRenderer(v).(*slideRenderer)
	origin, hgt := slideBox(v.Size())
	if w := hgt * float32(board.SlideAspect); w < v.Size().Width-1 && hgt < v.Size().Height-1 {
		t.Errorf("the slide is %.0fx%.0f in a view of %.0fx%.0f: not as large as it fits", w, hgt, v.Size().Width, v.Size().Height)
	}
	if size.Height >= 1080 && hgt < 1000 {
		t.Errorf("the slide is %.0f px high on the projector", hgt)
	}
	slide := v.deck.Slides[v.at]
	for i, txt := range r.texts {
		run := r.runs[i]
		pos := txt.Position().Subtract(origin)
		if pos.X < -0.5 || pos.Y < -0.5 || pos.X+txt.Size().Width > hgt*float32(board.SlideAspect)+0.5 || pos.Y+txt.TextSize > hgt+0.5 {
			t.Errorf("slide %d: %q at %v is off the slide", v.at+1, txt.Text, pos)
		}
		if w := fyne.MeasureText(txt.Text, txt.TextSize, txt.TextStyle).Width; w > float32(run.Wide)*hgt+0.5 {
			t.Errorf("slide %d: %q is %.0f wide in a box of %.0f", v.at+1, txt.Text, w, float32(run.Wide)*hgt)
		}
		if size.Height < 1080 {
			continue
		}
		isTitle := false
		for _, l := range slide.Title {
			isTitle = isTitle || (l == txt.Text && run.Size == board.SlideTitleSize)
		}
		isBody := run.Size == board.SlideBodySize && txt.Text != "•"
		switch {
		case isTitle && txt.TextSize < 40:
			t.Errorf("slide %d: the title %q is %.0f px, want at least 40", v.at+1, txt.Text, txt.TextSize)
		case isBody && txt.TextSize < 28:
			t.Errorf("slide %d: %q is %.0f px, want at least 28", v.at+1, txt.Text, txt.TextSize)
		}
	}
	var shown []string
	for _, o := range h.objects() {
		if x, ok := o.(*canvas.Text); ok {
			shown = append(shown, x.Text)
		}
	}
	all := strings.Join(shown, "\n")
	for _, l := range slide.Lines {
		if !strings.Contains(all, l.Text) {
			t.Errorf("slide %d: %q is not drawn", v.at+1, l.Text)
		}
	}
}

// TestSlideShowFitsLargerText: with the larger text on, the presentation screen and every
// slide with its bar fit the 7" display, 1280x720 and a projector, each slide's lines inside it.
func TestSlideShowFitsLargerText(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 800, Height: 480}, {Width: 1280, Height: 720}, {Width: 1920, Height: 1080}} {
		t.Run(goldenSize(size), func(t *testing.T) {
			h, _, _ := slidesRoom(t, size)
			h.tap("Larger text")
			h.openTheBoard()
			h.tap("Presentation")
			h.boardFits()
			h.tap("Slide show")
			v := h.slideShown()
			for range v.deck.Slides {
				h.boardFits()
				checkSlideType(t, h, v, size)
				h.key(fyne.KeyPageDown)
			}
		})
	}
}

// TestSlidesExport: Export writes the slides and the outline, named as the screen says.
func TestSlidesExport(t *testing.T) {
	h, room, _ := slidesRoom(t, fyne.NewSize(800, 480))
	h.openTheBoard()
	h.tap("Presentation")
	h.tap("Export to the USB stick")
	h.boardFits()
	if !h.shows("Two PDFs: the slides (16:9, as shown) and the outline (the text, for your own template).") {
		t.Errorf("the export does not say what it writes: %s", h.allTexts())
	}
	h.tap("Alice Morgan")
	h.pin(boardPIN)
	want := "The presentation is on the USB stick: the slides as Peer-challenge-Northshire-Council-slides.pdf, the outline as Peer-challenge-Northshire-Council-outline.pdf."
	if !h.shows(want) {
		t.Fatalf("export not confirmed: %s", h.allTexts())
	}
	h.wantScreen("board-presentation")
	h.boardFits()
	slides := pdfToText(t, filepath.Join(room.Stick, "Peer-challenge-Northshire-Council-slides.pdf"))
	for _, want := range []string{"Being listened to", "“My manager really listens when I raise a worry”", "Staff feel heard by their managers"} {
		if !strings.Contains(slides, want) {
			t.Errorf("the slides lack %q", want)
		}
	}
	for _, never := range []string{"LOOSE", "BUD", "Alice"} {
		if strings.Contains(slides, never) {
			t.Errorf("the slides hold %q", never)
		}
	}
	if _, err := os.Stat(filepath.Join(room.Stick, "Peer-challenge-Northshire-Council-outline.pdf")); err != nil {
		t.Errorf("the outline is not on the stick: %v", err)
	}
}
