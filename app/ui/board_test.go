package ui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/cryptotest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/board"
	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
)

const boardPIN = "482913"

// boardUI shows a room's kiosk in a new test window of size.
func boardUI(t *testing.T, room *kiosktest.Room, size fyne.Size) *harness {
	t.Helper()
	w := test.NewWindow(nil)
	w.Resize(size)
	t.Cleanup(w.Close)
	u := New(w, room.Kiosk, Options{NoTicker: true, IdleTimeout: time.Hour})
	u.Start()
	return &harness{t: t, u: u, w: w}
}

// tapPrefix taps the first button whose text starts with prefix.
func (h *harness) tapPrefix(prefix string) {
	h.t.Helper()
	for range 20 {
		for _, b := range h.buttons() {
			if strings.HasPrefix(b.Text, prefix) && !b.Disabled() {
				test.Tap(b)
				return
			}
		}
		if p := h.postIt(prefix); p != nil {
			test.Tap(p)
			return
		}
		// Turn the pages of every pager on the screen.
		turned := false
		for _, b := range h.buttons() {
			if (label(b) == "▼" || b.Text == "Next page") && b.Visible() && !b.Disabled() {
				test.Tap(b)
				turned = true
			}
		}
		if !turned {
			break
		}
	}
	h.t.Fatalf("screen %s: no button starting %q; buttons: %v", h.u.Screen(), prefix, h.buttonTexts())
}

// postIt is the shown post-it whose text starts with prefix, or nil.
func (h *harness) postIt(prefix string) *postIt {
	for _, o := range h.objects() {
		if p, ok := o.(*postIt); ok && p.Visible() && strings.HasPrefix(p.label.Text, prefix) {
			return p
		}
	}
	return nil
}

// allTexts is every text the screen shows: labels, buttons, entries and drawn text.
func (h *harness) allTexts() string {
	var b strings.Builder
	for _, o := range h.objects() {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text)
		case *Button:
			b.WriteString(x.Text)
		case *widget.Button:
			b.WriteString(x.Text)
		case *kbEntry:
			b.WriteString(x.Text)
		case *canvas.Text:
			b.WriteString(x.Text)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// typeInto types text into the screen's n-th text field (0 is the first).
func (h *harness) typeInto(n int, text string) {
	h.t.Helper()
	var entries []*kbEntry
	for _, o := range h.objects() {
		if e, ok := o.(*kbEntry); ok {
			entries = append(entries, e)
		}
	}
	if n >= len(entries) {
		h.t.Fatalf("screen %s has %d text fields", h.u.Screen(), len(entries))
	}
	entries[n].SetText("")
	test.Type(entries[n], text)
}

func (h *harness) signInAs(name string) {
	h.t.Helper()
	h.u.showHome()
	h.tap("Start")
	h.tap(name)
	h.pin(boardPIN)
	h.wantScreen("interviewer")
}

// boardFits fails when the screen shown needs more room than the window has.
func (h *harness) boardFits() {
	h.t.Helper()
	size := h.w.Canvas().Size()
	if got := neededSize(h.w); got.Width > size.Width+0.5 || got.Height > size.Height+0.5 {
		h.t.Errorf("%s needs %.0fx%.0f, more than the %.0fx%.0f window", h.u.Screen(), got.Width, got.Height, size.Width, size.Height)
	}
}

// fitsWithKeyboard checks the screen fits with its keyboard panel open, then closes it.
func (h *harness) fitsWithKeyboard() {
	h.t.Helper()
	h.boardFits()
	h.tap("Keyboard")
	h.boardFits()
	h.tap("Keyboard")
	h.boardFits()
}

// boardJourney is a peer challenge in two rooms run through the screens: room 1 keeps the board
// (Alice and Bob), room 2 contributes (Carol); a folder stands for the stick.
type boardJourney struct {
	t          *testing.T
	clock      *clocktest.Clock
	stick      string
	one, two   *kiosktest.Room
	engOne     string
	sessionIDs []string
}

func newBoardJourney(t *testing.T) *boardJourney {
	test.NewTempApp(t)
	j := &boardJourney{t: t, clock: clocktest.New(time.Date(2026, 3, 9, 18, 0, 0, 0, time.UTC)), stick: t.TempDir()}
	j.one = kiosktest.NewRoom(t, "Room 1", j.clock, j.stick)
	j.two = kiosktest.NewRoom(t, "Room 2", j.clock, j.stick)
	visit := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	e1 := j.one.PeerChallenge(t, "Peer challenge, Northshire Council", visit, "social workers", "foster carers", "elected members")
	e2 := j.two.PeerChallenge(t, "Peer challenge, Northshire Council", visit, "social workers", "foster carers", "elected members")
	j.engOne = e1.ID
	alice := j.one.Enrol(t, "Alice Morgan", boardPIN)
	bob := j.one.Enrol(t, "Bob Singh", boardPIN)
	carol := j.two.Enrol(t, "Carol Evans", boardPIN)
	add := func(id string) { j.sessionIDs = append(j.sessionIDs, id) }
	add(j.one.Interview(t, alice, boardPIN, e1.ID, "peer-ai-staff-practice", "social workers", "Notes of the first interview",
		"My manager really listens when I raise a worry", "I asked Priya in the duty team and she sorted it the same day"))
	add(j.one.Interview(t, alice, boardPIN, e1.ID, "peer-ai-staff-practice", "social workers", "Notes of the second interview",
		"Supervision happens every month without fail"))
	add(j.one.Interview(t, bob, boardPIN, e1.ID, "peer-ai-staff-practice", "social workers", "Notes of the third interview",
		"Caseloads are too high to do the job properly"))
	add(j.two.Interview(t, carol, boardPIN, e2.ID, "peer-ai-users", "elected members", "Notes of the fourth interview",
		"Nobody calls back after four o'clock"))
	return j
}

// contribute signs name in on h, picks every item the session list offers with tag, deals with
// the names, and sends it.
func (j *boardJourney) contribute(h *harness, name string, tags []string, postIt string) {
	t := j.t
	t.Helper()
	h.signInAs(name)
	h.tap("Team boards")
	h.wantScreen("boards")
	h.tapPrefix("Peer challenge, Northshire Council")
	h.wantScreen("board-menu")
	h.tap("Contribute from your sessions")
	h.wantScreen("contribute")
	sessions := 0
	for _, b := range h.buttonTexts() {
		if strings.HasPrefix(b, "Your session of") {
			sessions++
		}
	}
	ti := 0
	for s := 0; s < sessions; s++ {
		var open []string
		for _, b := range h.buttonTexts() {
			if strings.HasPrefix(b, "Your session of") && !strings.HasSuffix(b, "✓") {
				open = append(open, b)
			}
		}
		h.tap(open[0])
		h.wantScreen("contribute-session")
		// Each quote has its three tag buttons; the notes of the interview follow them.
		quotes := 0
		for _, o := range h.objects() {
			if b, ok := o.(*Button); ok && b.Text == "Rose" {
				quotes++
			}
			if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Notes of") {
				quotes--
			}
		}
		for q := 0; q < quotes; q++ {
			var tagButtons []*Button
			for _, o := range h.objects() {
				if b, ok := o.(*Button); ok && b.Text == tags[ti%len(tags)] {
					tagButtons = append(tagButtons, b)
				}
			}
			test.Tap(tagButtons[0]) // a quote on the list shows no tag buttons any more
			h.wantScreen("contribute-item")
			h.fitsWithKeyboard()
			if strings.Contains(h.allTexts(), "“Priya” may be a name") {
				h.tap("[name]")
				if strings.Contains(h.allTexts(), "Priya") {
					t.Error("the name is still in the item after replacing it")
				}
			}
			h.tap("Confirm: add to the list")
			ti++
		}
		h.tap("Back")
		h.wantScreen("contribute")
	}
	if postIt != "" {
		h.tap("Write a new post-it")
		h.typeInto(0, postIt)
		h.tap("Bud")
		h.tap("Confirm: add to the list")
	}
	h.tapPrefix("Send ")
	h.wantScreen("board-done")
	h.tap("Finish")
}

func TestBoardJourneyAcrossTwoRooms(t *testing.T) {
	cryptotest.SetGlobalRandom(t, 7)
	j := newBoardJourney(t)
	one := boardUI(t, j.one, fyne.NewSize(800, 480))
	two := boardUI(t, j.two, fyne.NewSize(800, 480))

	// The admin sets the team; the board is made.
	one.tap("Admin")
	one.pin(kiosktest.AdminCredential)
	one.tap("Engagements")
	one.tapPrefix("Peer challenge, Northshire Council")
	one.tap("Team and board")
	one.wantScreen("team")
	one.tap("Alice Morgan")
	one.tap("Bob Singh")
	one.tap("Save the team")
	one.wantScreen("team")
	if !one.shows("The team is saved: 2 on it.") {
		t.Errorf("saving the team is not confirmed: %s", one.allTexts())
	}

	// Day 1 evening: Alice and Bob contribute from their sessions; the planted name goes.
	j.contribute(one, "Alice Morgan", []string{"Rose", "Rose", "Rose"}, "")
	j.contribute(one, "Bob Singh", []string{"Thorn"}, "A duty rota shared with the carers")

	// The board's file goes to room 2, which links it, contributes and sends its bundle back.
	one.signInAs("Alice Morgan")
	one.tap("Team boards")
	one.tapPrefix("Peer challenge, Northshire Council")
	one.tap("Open the board")
	one.wantScreen("board-sheets")
	one.tap("Stick and team")
	one.tap("Save the board's file for the other rooms")
	codeRE := regexp.MustCompile(`\d{5} \d{5} \d{5} \d{5}`)
	boardCode := codeRE.FindString(one.allTexts())
	if boardCode == "" {
		t.Fatalf("the board's kiosk shows no code: %s", one.allTexts())
	}
	one.tap("Close the board")

	two.signInAs("Carol Evans")
	two.tap("Team boards")
	two.tap("Link a board from the USB stick")
	two.tapPrefix("Board ")
	two.wantScreen("board-link-code")
	if !two.shows(boardCode) || !two.shows("Does the board's kiosk show the same code?") {
		t.Fatalf("the link screen does not show the board's code %s: %s", boardCode, two.allTexts())
	}
	two.tap("Yes, the same: link")
	two.wantScreen("boards")
	two.tapPrefix("Peer challenge, Northshire Council")
	var roomCode []string
	for _, c := range codeRE.FindAllString(two.allTexts(), -1) {
		if !slices.Contains(roomCode, c) {
			roomCode = append(roomCode, c)
		}
	}
	if len(roomCode) != 2 || roomCode[0] != boardCode {
		t.Fatalf("the linked board's menu shows codes %v, want the board's and the room's: %s", roomCode, two.allTexts())
	}
	two.tap("Back")
	j.contribute(two, "Carol Evans", []string{"Thorn"}, "")
	two.signInAs("Carol Evans")
	two.tap("Team boards")
	two.tapPrefix("Peer challenge, Northshire Council")
	two.tap("Export this room's contributions to the USB stick")
	if !two.shows("contributions are on the USB stick") {
		t.Fatalf("export not confirmed: %s", two.allTexts())
	}
	for _, f := range mustGlob(t, j.stick, "*.qrboard") {
		os.Remove(f)
	}
	scanFolder(t, "stick", j.stick)

	// Room 1 imports it; counts and the kiosk, no content.
	one.signInAs("Bob Singh")
	one.tap("Team boards")
	one.tapPrefix("Peer challenge, Northshire Council")
	one.tap("Open the board")
	one.tap("Stick and team")
	one.tap("Import the other rooms' contributions")
	one.wantScreen("board-imports")
	if !one.shows("From Room 2: 1 new item, 1 interview (elected members: 1)") || !one.shows(roomCode[1]) {
		t.Fatalf("what the bundle brings, and room 2's code %s, not shown: %s", roomCode[1], one.allTexts())
	}
	one.tap("Same code: accept")
	if !one.shows("Nothing waits for acceptance.") {
		t.Fatalf("accepted bundle still waits: %s", one.allTexts())
	}
	one.tap("Back")
	one.tap("Import the other rooms' contributions")
	if !one.shows("Already imported") {
		t.Fatalf("second import not ignored: %s", one.allTexts())
	}

	// The three sheets, and reading them out.
	one.tap("Sheets")
	one.boardFits()
	j.checkNoAttribution(one, one.allTexts())
	for _, want := range []string{"Roses (3)", "Thorns (2)", "Buds (1)"} {
		if !one.shows(want) {
			t.Errorf("sheets lack %q: %s", want, one.allTexts())
		}
	}
	one.tap("Read out")
	one.wantScreen("board-read")
	one.boardFits()
	if !one.shows("Rose 1 of 3") {
		t.Errorf("read-out position not shown: %s", one.allTexts())
	}
	seen := one.allTexts()
	for range 5 {
		one.tap("Next")
		seen += one.allTexts()
	}
	if !strings.Contains(seen, "Bud 1 of 1") || !strings.Contains(seen, "duty rota") {
		t.Errorf("read-out did not reach the buds")
	}
	j.checkNoAttribution(one, seen)

	// Day 2: three themes, four insights with quotes.
	one.tap("Themes")
	for _, name := range []string{"Being listened to", "Workload", "Getting hold of people"} {
		one.typeInto(0, name)
		one.tap("New theme")
	}
	one.fitsWithKeyboard()
	move := func(item, theme string) {
		t.Helper()
		one.tapPrefix(item)
		one.tapPrefix(theme)
	}
	move("Rose · My manager", "Being listened to")
	move("Rose · I asked", "Being listened to")
	move("Rose · Supervision", "Being listened to")
	move("Thorn · Caseloads", "Workload")
	move("Thorn · Nobody calls", "Getting hold of people")
	j.checkNoAttribution(one, one.allTexts())
	insight := func(theme, statement, quote string) {
		t.Helper()
		one.tapPrefix(theme)
		one.wantScreen("board-theme")
		one.fitsWithKeyboard()
		one.tap("Add an insight")
		one.wantScreen("board-insight")
		one.fitsWithKeyboard()
		if !one.shows("So what? What do these themes mean?") {
			t.Error("the So what? prompts are not shown")
		}
		one.typeInto(0, statement)
		one.typeInto(1, "What the team heard, briefly.")
		one.tapPrefix(quote)
		one.tap("Save")
		one.wantScreen("board-theme")
		one.boardFits()
		one.tap("Back to the themes")
	}
	insight("Being listened to", "Staff feel heard by their managers, who make time to listen when a worry is raised", "My manager")
	insight("Being listened to", "Problems are solved once they reach the right person", "I asked")
	insight("Workload", "Caseloads leave no room for reflective practice", "Caseloads")
	if !one.shows("3 insights: aim for 4 to 6 (fewer so far).") {
		t.Errorf("the aim is not said: %s", one.allTexts())
	}
	insight("Getting hold of people", "Carers lose contact after office hours", "Nobody calls")
	if !one.shows("4 insights: within the aim of 4 to 6.") {
		t.Errorf("the aim is not said: %s", one.allTexts())
	}

	// The presentation: the aim, then the PDF with a member's PIN.
	one.tap("Presentation")
	one.typeInto(0, "To help the service see how staff and carers experience support")
	one.tap("Save the aim")
	one.fitsWithKeyboard()
	j.checkNoAttribution(one, one.allTexts())
	one.tap("Export to the USB stick")
	one.tap("Alice Morgan")
	one.pin(boardPIN)
	if !one.shows("The presentation is on the USB stick") {
		t.Fatalf("export not confirmed: %s", one.allTexts())
	}
	one.wantScreen("board-presentation") // the PIN pad goes once the file is written
	pdfs := mustGlob(t, j.stick, "*-outline.pdf")
	if len(pdfs) != 1 || len(mustGlob(t, j.stick, "*.pdf")) != 2 {
		t.Fatalf("PDFs on the stick: %v", mustGlob(t, j.stick, "*.pdf"))
	}
	if keep := os.Getenv("QUIETROOM_KEEP_PDF"); keep != "" {
		raw, _ := os.ReadFile(pdfs[0])
		os.WriteFile(keep, raw, 0o600)
	}
	text := pdfToText(t, pdfs[0])
	for _, want := range []string{"Key aim of the review", "Who was interviewed", "social workers", "Methodology", "4 confidential",
		"Key themes", "Being listened to", "Key insights", "who make time to listen", "Carers lose contact after office hours", "My manager really listens",
		"Solution ideas for the workshop", "duty rota"} {
		if !strings.Contains(text, want) {
			t.Errorf("the presentation lacks %q", want)
		}
	}
	// "elected members" is one person: never shown as a group on its own.
	j.checkNoAttribution(one, text)
	if strings.Contains(text, "elected members") {
		t.Error("the presentation shows a group of one")
	}

	one.tap("All items")
	one.boardFits()
	if !one.shows("6 items: 3 roses, 2 thorns, 1 bud.") {
		t.Errorf("the record's counts are not shown: %s", one.allTexts())
	}
	j.checkNoAttribution(one, one.allTexts())
	one.tap("Close the board")

	// Nothing readable on either kiosk's disk.
	scanStore(t, "room 1", j.one.Store)
	scanStore(t, "room 2", j.two.Store)

	// After the follow-up visit the admin wipes the engagement: the board goes with it.
	one.u.showHome()
	one.tap("Admin")
	one.pin(kiosktest.AdminCredential)
	one.tap("Wipe an engagement")
	one.tapPrefix("Peer challenge, Northshire Council")
	one.tap("Wipe before the follow-up") // the journey's clock is still before the follow-up
	one.tap("Wipe now")
	one.wantScreen("receipt")
	if !one.shows("Team boards: ") || !one.shows("Check that nothing remains: passed.") {
		t.Errorf("the receipt does not count the board: %s", one.allTexts())
	}
	if recs, _ := j.one.Store.Boards.BoardRecords(context.Background(), j.engOne); len(recs) != 0 {
		t.Errorf("%d board records left after the wipe", len(recs))
	}
}

// checkNoAttribution fails when text holds an interviewer's name, an interviewee label beside
// an item, the planted name, a session id or a time of day.
func (j *boardJourney) checkNoAttribution(h *harness, text string) {
	j.t.Helper()
	for _, never := range []string{"Alice", "Morgan", "Bob", "Singh", "Carol", "Evans", "Priya", "Notes of the"} {
		if strings.Contains(text, never) {
			j.t.Errorf("%s shows %q", h.u.Screen(), never)
		}
	}
	for _, id := range j.sessionIDs {
		if strings.Contains(text, id) {
			j.t.Errorf("%s shows a session id", h.u.Screen())
		}
	}
	if regexp.MustCompile(`\b\d{1,2}:\d\d\b`).MatchString(text) {
		j.t.Errorf("%s shows a time of day", h.u.Screen())
	}
}

func mustGlob(t *testing.T, dir, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func pdfToText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is not installed: run make deps (Debian package poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// boardMarkers are the interviews' words that nothing may keep in the clear.
var boardMarkers = []string{"really listens", "Priya", "Caseloads", "calls back", "duty rota",
	"Notes of the", "Being listened to", "Staff feel heard"}

// scanFolder scans every file under dir for the interviews' plaintext.
func scanFolder(t *testing.T, what, dir string) {
	t.Helper()
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || !info.Mode().IsRegular() || strings.HasSuffix(p, ".pdf") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v", what, err)
			return nil
		}
		scanBytes(t, what+": "+filepath.Base(p), b)
		return nil
	})
}

// scanStore scans every byte the room's store holds for the interviews' plaintext.
func scanStore(t *testing.T, what string, st *kiosktest.Store) {
	t.Helper()
	scanBytes(t, what, st.Dump())
}

func scanBytes(t *testing.T, what string, held []byte) {
	t.Helper()
	for _, m := range boardMarkers {
		if bytes.Contains(held, []byte(m)) {
			t.Errorf("%s: %q is kept in the clear", what, m)
		}
	}
}

func TestBoardMessages(t *testing.T) {
	if err := loadTranslations(); err != nil {
		t.Fatal(err)
	}
	var w board.Work
	_, err := w.AddTheme("  ")
	if got, want := message(err), "Theme name: write between 1 and 200 characters."; got != want {
		t.Errorf("message(blank theme) = %q, want %q", got, want)
	}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("bundle: %w", board.ErrTampered), "changed on the way"},
		{fmt.Errorf("bundle: %w", board.ErrOtherBoard), "another engagement's board"},
		{fmt.Errorf("import: %w", board.ErrDuplicateBundle), "Already imported"},
		{kiosk.ErrNotOnTeam, "You are not on this engagement's team"},
	} {
		if got := message(tc.err); !strings.Contains(got, tc.want) {
			t.Errorf("message(%v) = %q, want it to say %q", tc.err, got, tc.want)
		}
	}
}
