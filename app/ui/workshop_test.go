package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"quietroom/app/board"
	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/workshop"
)

const workshopPIN = "246813"

// workshopRoom is a room whose board is finished (four insights, buds), with its workshop
// started with four tables when start, shown in a test window of size; the member is signed
// in on the workshop's home.
func workshopRoom(t *testing.T, size fyne.Size, large, start bool) (*harness, *boards.Workshop) {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	clock := clocktest.New(time.Date(2026, 3, 10, 14, 15, 0, 0, time.UTC))
	room := kiosktest.NewRoom(t, "Room 1", clock, t.TempDir())
	e := room.PeerChallenge(t, "Children in care", time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC), "social workers")
	iv, err := room.Kiosk.AddInterviewer(ctx, room.Admin, "Ann", []byte(workshopPIN))
	if err != nil {
		t.Fatal(err)
	}
	if err := boards.SetTeam(ctx, room.Kiosk, room.Admin, e.ID, []string{iv.ID}); err != nil {
		t.Fatal(err)
	}
	s, err := room.Kiosk.SignIn(ctx, iv.ID, []byte(workshopPIN))
	if err != nil {
		t.Fatal(err)
	}
	b, err := boards.Open(ctx, s, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	var items []board.Item
	for _, text := range []string{"A named worker for every move", "Leaders' open door hour, every week, with the front line"} {
		it, _ := board.NewItem(board.Bud, text)
		items = append(items, it)
	}
	if _, err := b.Contribute(ctx, items); err != nil {
		t.Fatal(err)
	}
	var w board.Work
	th, _ := w.AddTheme("Communication")
	for _, st := range []string{"Young people are not told about moves before they happen", "Staff feel unheard by senior leaders",
		"Carers want one point of contact out of hours", "Good practice in one team is not shared with the others"} {
		if _, err := w.AddInsight(th, st); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := kiosktest.BuildWork(ctx, b, w); err != nil {
		t.Fatal(err)
	}
	ws, err := b.Workshop()
	if err != nil {
		t.Fatal(err)
	}
	if start {
		if err := ws.Start(ctx, 4); err != nil {
			t.Fatal(err)
		}
	}
	h := boardUI(t, room, size)
	h.env = room.Env
	if large {
		h.u.theme.large = true
		fyne.CurrentApp().Settings().SetTheme(&kioskTheme{large: true})
	}
	sums, err := boards.Boards(ctx, s)
	if err != nil || len(sums) != 1 {
		t.Fatalf("boards = %v, %v", sums, err)
	}
	openWorkshop(h.u, s, sums[0], newErrorLabel())
	return h, ws
}

// fillWorkshop writes every table's sheet through the kiosk: marks, goals, choices, ideas,
// actions, long enough texts to wrap.
func fillWorkshop(t *testing.T, w *boards.Workshop) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	v, _, err := w.View(ctx)
	must(err)
	for n := 1; n <= 4; n++ {
		for i, in := range v.Insights {
			m, a := workshop.Agree, ""
			if i == n-1 {
				m, a = workshop.Amend, strings.Repeat("An amendment that runs on. ", 6)
			}
			must(w.MarkInsight(ctx, n, in.ID, m, a))
		}
		must(w.AddInsight(ctx, n, fmt.Sprintf("Table %d's own insight about transitions and who owns them", n)))
		for j := 0; j < 3; j++ {
			must(w.AddGoal(ctx, n, v.Insights[j].ID, fmt.Sprintf("Goal %d of table %d: every child is told before a move, by someone they know, in words they understand", j+1, n)))
		}
	}
	v, _, _ = w.View(ctx)
	goals := v.Goals()
	for n := 1; n <= 4; n++ {
		must(w.Choose(ctx, n, goals[n*2].ID))
		for j := 0; j < 5; j++ {
			must(w.AddIdea(ctx, n, fmt.Sprintf("Idea %d of table %d: a named worker for every move, who stays in touch for the first month", j+1, n)))
		}
		v, _, _ = w.View(ctx)
		ids := v.Tables[n-1].Ideas
		must(w.ChooseActions(ctx, n, []string{ids[0].ID, ids[1].ID, ids[2].ID}))
	}
	must(w.SetNextSteps(ctx, strings.Repeat("A working group on transitions reports in May. ", 5)))
	for i := 0; i < 4; i++ {
		must(w.AddRemark(ctx, false, "Every table was heard"))
		must(w.AddRemark(ctx, true, "Even better if there were more time for ideas"))
	}
	must(w.StartStep(ctx, 4))
}

// TestWorkshopScreensFit walks every workshop screen, empty and filled, at 800x480 with and
// without the larger text, and at 1920x1080.
func TestWorkshopScreensFit(t *testing.T) {
	for _, c := range []struct {
		size  fyne.Size
		large bool
	}{{fyne.NewSize(800, 480), false}, {fyne.NewSize(800, 480), true}, {fyne.NewSize(1920, 1080), false}} {
		t.Run(fmt.Sprintf("%.0fx%.0f/large=%v", c.size.Width, c.size.Height, c.large), func(t *testing.T) {
			h, w := workshopRoom(t, c.size, c.large, false)
			f := &fit{harness: h, size: c.size, large: c.large}
			f.check("the workshop's start")
			h.tap("Start the workshop")
			h.wantScreen("workshop-home")
			fillWorkshop(t, w)
			s := &workshopScreens{u: h.u, w: w, title: "Children in care"}
			walk := []struct {
				name string
				show func()
			}{
				{"home", func() { s.showHome("On the USB stick: Children-in-care-workshop.pdf, Children-in-care-workshop.csv.") }},
				{"tables, part 1", func() { s.showTables(partReflect) }},
				{"tables, part 2", func() { s.showTables(partIdeas) }},
				{"an insight", func() { s.table = 2; s.showInsights(1) }},
				{"goals", func() { s.table = 2; s.showGoals() }},
				{"goal's insight", func() { s.table = 2; s.showGoalInsight() }},
				{"ideas", func() { s.table, s.picked = 3, nil; s.showIdeas() }},
				{"choose", func() { s.table = 3; s.showChoose() }},
				{"team's ideas", func() { s.table = 3; s.showTeamIdeas() }},
				{"remove ideas", func() { s.table = 3; s.showRemoveIdeas() }},
				{"feedback", s.showFeedback},
				{"timings", s.showTimings},
				{"follow-up", s.showFollowUp},
				{"export", func() { s.showExportWho(exportWithPresentation) }},
				{"text", func() {
					s.askText("workshop-goal", "Table 2's goal for: Staff feel unheard by senior leaders", "The goal", "", true,
						func(string) error { return nil }, func() {})
				}},
				{"goals projector", func() { s.showGoalsProjector(0) }},
				{"best projector", func() { s.showBestProjector(0) }},
			}
			for _, step := range walk {
				step.show()
				f.checkPages(step.name)
			}
			if err := w.SetTables(context.Background(), workshop.MaxTables); err != nil {
				t.Fatal(err)
			}
			s.showTables(partIdeas)
			f.checkPages("twelve tables")
		})
	}
}

// TestWorkshopOnScreen enters a table's sheet by touch: a mark, a goal taken by another table
// refused, three actions tapped in order; the projector's type is large at 1080 px.
func TestWorkshopOnScreen(t *testing.T) {
	h, w := workshopRoom(t, fyne.NewSize(800, 480), false, true)
	ctx := context.Background()
	h.wantScreen("workshop-home")
	h.tap("1. Reflecting")
	h.tapPrefix("Table 1")
	h.wantScreen("workshop-insights")
	h.tap("Disagree (cross)")
	v, _, _ := w.View(ctx)
	if m, ok := v.Tables[0].MarkOf(v.Insights[0].ID); !ok || m.Mark != workshop.Disagree {
		t.Fatalf("table 1's mark = %+v, %v", m, ok)
	}
	if !h.shows("Insight 2 of 4") {
		t.Error("a mark does not move on to the next insight")
	}
	if err := w.AddGoal(ctx, 2, v.Insights[0].ID, "Every child told before a move"); err != nil {
		t.Fatal(err)
	}
	if err := w.AddGoal(ctx, 2, v.Insights[1].ID, "Leaders visit teams monthly"); err != nil {
		t.Fatal(err)
	}
	v, _, _ = w.View(ctx)
	if err := w.Choose(ctx, 2, v.Goals()[0].ID); err != nil {
		t.Fatal(err)
	}
	s := &workshopScreens{u: h.u, w: w, title: "Children in care", table: 1}
	s.showChoose()
	for _, b := range h.buttons() {
		if strings.Contains(b.Text, "Taken by table 2") && !b.Disabled() {
			t.Error("a goal another table has is offered")
		}
	}
	h.tapPrefix("2. Leaders visit")
	h.wantScreen("workshop-ideas")
	h.tap("Team's ideas")
	h.tapPrefix("A named worker")
	for _, idea := range []string{"Monthly visits", "Open door hour", "Skip-level talks"} {
		if err := w.AddIdea(ctx, 1, idea); err != nil {
			t.Fatal(err)
		}
	}
	s.showIdeas()
	for _, b := range h.buttons() {
		if b.Text == "Save the three actions" && !b.Disabled() {
			t.Error("the actions can be saved before three are chosen")
		}
	}
	for _, p := range []string{"Open door hour", "A named worker", "Skip-level talks"} {
		h.tapPrefix(p)
	}
	h.tap("Save the three actions")
	v, _, _ = w.View(ctx)
	best := v.BestIdeas()
	if len(best) != 1 || strings.Join(best[0].Ideas, "|") != "Open door hour|A named worker for every move|Skip-level talks" {
		t.Fatalf("table 1's actions = %+v", best)
	}

	// On the projector: title at least 40 px and body at least 28 px at 1080 px high.
	h.w.Resize(fyne.NewSize(1920, 1080))
	for _, show := range []func(){func() { s.showGoalsProjector(0) }, func() { s.showBestProjector(0) }} {
		show()
		var title, body []float32
		for _, o := range h.objects() {
			tx, ok := o.(*canvas.Text)
			if !ok || !tx.Visible() {
				continue
			}
			switch {
			case tx.Text == "Our goals" || strings.HasPrefix(tx.Text, "Table 1:"):
				title = append(title, tx.TextSize)
			case strings.HasPrefix(tx.Text, "1. ") || strings.HasPrefix(tx.Text, "2. ") || strings.HasPrefix(tx.Text, "Goal: "):
				body = append(body, tx.TextSize)
			}
		}
		if len(title) != 1 || title[0] < 40 || len(body) < 2 {
			t.Fatalf("%s: title at %v px, body at %v px; want a title of 40 px or more", h.u.Screen(), title, body)
		}
		for _, sz := range body {
			if sz < 28 {
				t.Errorf("%s: body at %v px, want 28 or more", h.u.Screen(), sz)
			}
		}
		if h.u.Screen() == "workshop-best-projector" && !drawsText(h, "1. Open door hour") {
			t.Error("the three best ideas do not show table 1's first action")
		}
	}
}

// drawsText says whether the window draws a text (a projector view's line) starting with prefix.
func drawsText(h *harness, prefix string) bool {
	for _, o := range h.objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() && strings.HasPrefix(tx.Text, prefix) {
			return true
		}
	}
	return false
}

// TestWorkshopIdleClosesTheBoard: the workshop's screens wait 30 minutes untouched (a step of
// idea generation, the projector's views), or the kiosk's own time-out if longer, then close
// the board, forgetting its key.
func TestWorkshopIdleClosesTheBoard(t *testing.T) {
	h, _ := workshopRoom(t, fyne.NewSize(800, 480), false, true)
	h.tap("Projector: goals")
	h.wantScreen("workshop-goals-projector")
	idle := max(workshopIdle, h.u.opts.IdleTimeout) // this harness's own time-out is an hour
	h.env.Clock.Advance(idle - time.Minute)
	h.u.Tick()
	if h.u.Screen() != "workshop-goals-projector" || h.u.boards.openBoard == nil {
		t.Fatalf("a minute before the time-out: %s, board open %v", h.u.Screen(), h.u.boards.openBoard != nil)
	}
	h.env.Clock.Advance(2 * time.Minute)
	h.u.Tick()
	if h.u.Screen() != "home" || h.u.boards.openBoard != nil {
		t.Errorf("a minute after the time-out: %s, board open %v; want Home and the board closed", h.u.Screen(), h.u.boards.openBoard != nil)
	}
}

// TestWorkshopLeftAfterPause: the workshop's screens may wait half an hour, but Back to the team
// boards after a pause longer than the kiosk's idle time-out closes the board and goes Home, so
// whoever finds the kiosk on a workshop screen is not led into the board's items; without a
// pause it goes back to the team boards with the member still signed in, as before.
func TestWorkshopLeftAfterPause(t *testing.T) {
	for _, pause := range []bool{false, true} {
		t.Run(fmt.Sprintf("pause=%v", pause), func(t *testing.T) {
			h, _ := workshopRoom(t, fyne.NewSize(800, 480), false, true)
			h.u.opts.IdleTimeout = 2 * time.Minute // the kiosk's default
			if pause {
				h.env.Clock.Advance(3 * time.Minute)
				h.u.Tick()
				h.wantScreen("workshop-home")
			}
			h.tap("Back to the team boards")
			if pause {
				h.wantScreen("home")
				if h.u.boards.openBoard != nil {
					t.Error("the board is still open after leaving the workshop after a pause")
				}
				return
			}
			h.wantScreen("boards")
		})
	}
}
