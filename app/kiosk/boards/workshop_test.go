package boards_test

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"quietroom/app/assemble/core"
	"quietroom/app/board"
	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/protocol"
	"quietroom/app/report/fynefont"
	"quietroom/app/retention"
	"quietroom/app/session"
	"quietroom/app/store"
	"quietroom/app/workshop"
	"quietroom/hw"
	"quietroom/hw/hwtest"
)

// workshopRoom is a room's kiosk on the SQLite store with the workshops' storage, as
// app/assemble wires it.
type workshopRoom struct {
	k     *kiosk.Kiosk
	db    *store.DB
	ret   *retention.Retention
	admin *kiosk.Admin
	data  string
	stick string
}

func newWorkshopRoom(t *testing.T, clock *clocktest.Clock) *workshopRoom {
	t.Helper()
	ctx := context.Background()
	r := &workshopRoom{data: t.TempDir(), stick: t.TempDir()}
	c, err := core.Open(ctx, core.Config{DataDir: r.data, KeyFile: filepath.Join(t.TempDir(), "key", "device.key"),
		OTP: &kiosktest.OTP{}, Clock: clock, Params: kiosktest.Params})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	r.db, r.ret = c.DB, c.Retention
	packs, err := protocol.OpenLibrary(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	r.k, err = c.Kiosk(packs, hwtest.NewIndicator(hw.TwoColour, clock), kiosk.Options{ImportDirs: []string{r.stick}, ExportDirs: []string{r.stick}})
	if err != nil {
		t.Fatal(err)
	}
	if r.admin, err = r.k.Setup(ctx, []byte("90817263"), "Room 1"); err != nil {
		t.Fatal(err)
	}
	return r
}

func workshopPDFText(t *testing.T, path string) string {
	t.Helper()
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check %s: %v\n%s", filepath.Base(path), err, out)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", filepath.Base(path), err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func stickNames(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, de := range des {
		out = append(out, de.Name())
	}
	return out
}

// TestWorkshopJourney goes from a finished board through the slides, a four-table workshop,
// the actions and the follow-up agenda, to the purge the day after the follow-up visit.
func TestWorkshopJourney(t *testing.T) {
	for _, tool := range []string{"pdftotext", "qpdf"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	ctx := context.Background()
	visit := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	clock := clocktest.New(visit.Add(14 * time.Hour))
	r := newWorkshopRoom(t, clock)
	follow := session.ProposedFollowUp(session.KindPeerChallenge, visit, visit)
	e, err := r.k.CreateEngagement(ctx, r.admin, kiosk.NewEngagement{Title: "Children in care 2026", Kind: session.KindPeerChallenge,
		VisitDate: visit, FollowUpDate: follow, DeletionDate: session.DeletionAfterFollowUp(follow)})
	if err != nil {
		t.Fatal(err)
	}
	ann, err := r.k.AddInterviewer(ctx, r.admin, "Ann", []byte("246810"))
	if err != nil {
		t.Fatal(err)
	}
	if err := boards.SetTeam(ctx, r.k, r.admin, e.ID, []string{ann.ID}); err != nil {
		t.Fatal(err)
	}
	signIn := func() *kiosk.SignedIn {
		t.Helper()
		s, err := r.k.SignIn(ctx, ann.ID, []byte("246810"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}

	// A finished board: quotes and buds in a theme, four insights.
	b, err := boards.Open(ctx, signIn(), e.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	q, _ := board.NewQuote(board.Thorn, "Nobody tells us what happens next")
	bud1, _ := board.NewItem(board.Bud, "A named worker for every move")
	bud2, _ := board.NewItem(board.Bud, "Leaders' open door hour")
	if _, err := b.Contribute(ctx, []board.Item{q, bud1, bud2}); err != nil {
		t.Fatal(err)
	}
	var work board.Work
	th, _ := work.AddTheme("Communication")
	for _, it := range []board.Item{q, bud1, bud2} {
		_ = work.Move(it.ID, th)
	}
	statements := []string{"Young people are not told about moves", "Staff feel unheard", "Carers want one contact", "Good practice is not shared"}
	for _, s := range statements {
		if _, err := work.AddInsight(th, s); err != nil {
			t.Fatal(err)
		}
	}
	_ = work.SetAim("To understand how leaders support children in care")
	if _, err := kiosktest.BuildWork(ctx, b, work); err != nil {
		t.Fatal(err)
	}

	// The slides, as the team presents them at 13.45.
	slides, err := boards.ExportSlides(ctx, signIn(), e.ID, r.stick, fynefont.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	if txt := workshopPDFText(t, slides[0]); !strings.Contains(txt, "Staff feel unheard") {
		t.Errorf("the slides lack an insight: %s", txt)
	}
	for _, p := range slides {
		_ = os.Remove(p)
	}

	// The workshop, from 14.15.
	w, err := b.Workshop()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.AddGoal(ctx, 1, "x", "y"); !errors.Is(err, boards.ErrNoWorkshop) {
		t.Fatalf("a goal before the start = %v, want ErrNoWorkshop", err)
	}
	if err := w.Start(ctx, 4); err != nil {
		t.Fatal(err)
	}
	if err := w.Start(ctx, 4); !errors.Is(err, boards.ErrWorkshopStarted) {
		t.Errorf("a second start = %v", err)
	}
	view := func() workshop.Workshop {
		t.Helper()
		ws, ok, err := w.View(ctx)
		if err != nil || !ok {
			t.Fatalf("View = %v, %v", ok, err)
		}
		return ws
	}
	ws := view()
	if len(ws.Insights) != 4 || ws.Insights[1].Statement != "Staff feel unheard" || len(ws.Tables) != 4 {
		t.Fatalf("the workshop took %+v", ws.Insights)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.StartStep(ctx, 1))
	clock.Advance(7 * time.Minute)
	if i, left, ok := view().Timetable.Left(w.Now()); !ok || i != 1 || left != 13*time.Minute {
		t.Errorf("time left = %d %v %v, want 13m of Reflecting", i, left, ok)
	}
	must(w.SetMinutes(ctx, 1, 25))
	amendment := "Staff in *two* teams feel unheard  \n(not all)"
	goalText := map[int]string{}
	for n := 1; n <= 4; n++ {
		for i, in := range ws.Insights {
			m, a := workshop.Agree, ""
			switch {
			case n == 2 && i == 1:
				m, a = workshop.Amend, amendment
			case n == 3 && i == 3:
				m = workshop.Disagree
			}
			must(w.MarkInsight(ctx, n, in.ID, m, a))
		}
		goalText[n] = []string{"", "Every child told before a move", "Leaders visit teams monthly", "One contact for carers", "A practice week each year"}[n]
		must(w.AddGoal(ctx, n, ws.Insights[n-1].ID, goalText[n]))
	}
	must(w.AddInsight(ctx, 3, "Transitions have no owner"))
	ws = view()
	own := ws.Tables[2].NewInsights[0].ID
	must(w.AddGoal(ctx, 3, own, "A lead for each transition"))
	goals := view().Goals()
	if len(goals) != 5 {
		t.Fatalf("central list = %d goals", len(goals))
	}
	// Idea generation: each table ticks a goal; none twice.
	must(w.Choose(ctx, 1, goals[1].ID))
	if err := w.Choose(ctx, 2, goals[1].ID); !errors.Is(err, workshop.ErrTaken) {
		t.Errorf("a goal taken twice = %v, want workshop.ErrTaken", err)
	}
	for n, g := range map[int]int{2: 0, 3: 4, 4: 3} {
		must(w.Choose(ctx, n, goals[g].ID))
	}
	ideas, err := w.SolutionIdeas(ctx)
	if err != nil || !slices.Contains(ideas, "Leaders' open door hour") {
		t.Fatalf("the team's solution ideas = %v, %v", ideas, err)
	}
	for n := 1; n <= 4; n++ {
		for _, s := range []string{ideas[0], "Idea A of table " + string(rune('0'+n)), "Idea B", "Idea C"} {
			must(w.AddIdea(ctx, n, s))
		}
		t4 := view().Tables[n-1]
		if err := w.ChooseActions(ctx, n, []string{t4.Ideas[0].ID, t4.Ideas[1].ID}); err == nil {
			t.Errorf("table %d chose two actions", n)
		}
		must(w.ChooseActions(ctx, n, []string{t4.Ideas[1].ID, t4.Ideas[0].ID, t4.Ideas[3].ID}))
	}
	must(w.SetNextSteps(ctx, "A working group on transitions by May"))
	must(w.AddRemark(ctx, false, "Every table was heard"))
	must(w.AddRemark(ctx, true, "Even better if we had more time for ideas"))
	best := view().BestIdeas()
	if len(best) != 4 || best[1].Goal != "Every child told before a move" || best[1].Ideas[0] != "Idea A of table 2" {
		t.Fatalf("best ideas = %+v", best)
	}
	if m, _ := view().Tables[1].MarkOf(ws.Insights[1].ID); m.Amendment != amendment {
		t.Errorf("the amendment came back as %q, not as typed", m.Amendment)
	}

	// Sealed: nothing of it in the data folder in the clear.
	for _, needle := range []string{"Idea A of table", "Every child told", "working group on transitions"} {
		if n, _, err := store.ScanPaths(ctx, dataFiles(t, r.data), [][]byte{[]byte(needle)}); err != nil || n != 0 {
			t.Errorf("%q is in the data folder in the clear (%d, %v)", needle, n, err)
		}
	}

	// Export with the presentation: slides, outline, workshop PDF and CSV, all or none.
	paths, err := boards.ExportWorkshop(ctx, signIn(), e.ID, r.stick, fynefont.Fonts(), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 4 {
		t.Fatalf("export wrote %v", paths)
	}
	pdfName, csvName := boards.WorkshopFileNames(e.Title)
	txt := workshopPDFText(t, filepath.Join(r.stick, pdfName))
	for _, want := range []string{"1. Reflecting on the key insights", "Table 2", "Amend. Staff feel unheard", "Staff in *two* teams feel unheard",
		"New insight: Transitions have no owner", "The central list of goals", "Chosen by table 1", "2. Idea generation", "3. Feedback",
		"Idea A of table 3", "A working group on transitions by May", "What went well?", "Every table was heard", "Even better if",
		"4. Timings", "14.15", "16.35"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the workshop PDF lacks %q", want)
		}
	}
	if !strings.Contains(txt, "Table 2's amendment: Staff in *two* teams") || strings.Contains(txt, "“Staff in") {
		t.Error("the amendment is not printed as the table's words (never in quotation marks)")
	}
	raw, err := os.ReadFile(filepath.Join(r.stick, csvName))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var actions int
	for _, row := range rows {
		if strings.HasPrefix(row[2], "action ") {
			actions++
		}
		if row[2] == "amend" && row[4] != amendment {
			t.Errorf("the CSV's amendment = %q, not as typed", row[4])
		}
	}
	if actions != 12 {
		t.Errorf("the CSV holds %d actions, want 3 for each of 4 tables", actions)
	}
	for _, p := range paths[:2] {
		if txt := workshopPDFText(t, p); !strings.Contains(txt, "Staff feel unheard") {
			t.Errorf("%s lacks the insight", filepath.Base(p))
		}
	}
	// Again to the same stick: every name is there, nothing is written or replaced.
	before := stickNames(t, r.stick)
	if _, err := boards.ExportWorkshop(ctx, signIn(), e.ID, r.stick, fynefont.Fonts(), false); !errors.Is(err, fs.ErrExist) {
		t.Errorf("a second export = %v, want fs.ErrExist", err)
	}
	if after := stickNames(t, r.stick); !slices.Equal(before, after) {
		t.Errorf("a refused export changed the stick: %v → %v", before, after)
	}
	// Apart from the presentation, on another stick: the workshop's two files only.
	apart := t.TempDir()
	if paths, err := boards.ExportWorkshop(ctx, signIn(), e.ID, apart, fynefont.Fonts(), false); err != nil || len(paths) != 2 {
		t.Errorf("export apart = %v, %v", paths, err)
	}
	if _, err := r.k.SignIn(ctx, ann.ID, []byte("000000")); err == nil {
		t.Error("a wrong PIN signed in")
	}

	// The follow-up agenda for the directors' meeting.
	agenda, err := boards.ExportFollowUp(ctx, signIn(), e.ID, r.stick, fynefont.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	txt = workshopPDFText(t, agenda)
	for _, want := range append(slices.Clone(workshop.Agenda), "Table 4", "Action 1: Idea A of table 4", "A working group on transitions by May", follow.Format("2 January 2006")) {
		if !strings.Contains(txt, strings.Join(strings.Fields(want), " ")) {
			t.Errorf("the follow-up agenda lacks %q", want)
		}
	}

	// Every export left a content-free audit entry: the refused one too, as failed.
	audit, err := r.k.Audit(ctx, r.admin, 0)
	if err != nil {
		t.Fatal(err)
	}
	var exports []string
	for _, ev := range audit {
		if strings.HasPrefix(ev.Action, "board.workshop") || strings.HasPrefix(ev.Action, "board.follow-up") {
			exports = append(exports, ev.Action+" "+ev.Outcome)
		}
		for _, never := range []string{"Idea A", "Every child", "working group"} {
			if strings.Contains(fmt.Sprintf("%+v", ev), never) {
				t.Errorf("an audit entry holds the workshop's words: %+v", ev)
			}
		}
	}
	if got := strings.Join(exports, ", "); got != "board.follow-up.export ok, board.workshop.export ok, board.workshop.export failed, board.workshop.export ok, board.workshop.export ok" {
		t.Errorf("audit of the exports, newest first = %s", got)
	}

	// The day after the follow-up visit, nothing of the workshop is left.
	sealed, err := r.db.Workshop(ctx, e.ID)
	if err != nil || len(sealed) == 0 {
		t.Fatalf("stored workshop = %d bytes, %v", len(sealed), err)
	}
	b.Close()
	clock.Set(session.DeletionAfterFollowUp(follow).Add(time.Minute))
	if _, err := r.ret.PurgeDue(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := r.db.Workshop(ctx, e.ID); !errors.Is(err, session.ErrNotFound) {
		t.Errorf("the workshop after the purge = %v, want session.ErrNotFound", err)
	}
	if n, _, err := store.ScanPaths(ctx, dataFiles(t, r.data), [][]byte{sealed}); err != nil || n != 0 {
		t.Errorf("the sealed workshop is still in the data folder after the purge (%d, %v)", n, err)
	}
}

func dataFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, de fs.DirEntry, err error) error {
		if err == nil && de.Type().IsRegular() {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
