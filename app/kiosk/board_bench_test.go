package kiosk_test

import (
	"fmt"
	"os"
	"testing"

	"quietroom/app/board"
	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/report/fynefont"
)

// teamBoard is a peer challenge's board kept in one room, on the real store: n post-its (the
// three tags in turn) contributed by a team member, six themes holding two thirds of them,
// five insights each with a quote pinned, and the aim: a board on the second day.
type teamBoard struct {
	r      *benchRoom
	eng    string
	alice  string
	themes []string
	loose  string // an item in no theme
}

func newTeamBoard(b *testing.B, n int) *teamBoard {
	b.Helper()
	r := newBenchRoom(b, "Room 1", clocktest.New(benchStart), kiosktest.Params, "")
	t := &teamBoard{r: r}
	t.eng = r.room().PeerChallenge(b, "Peer challenge, Northshire Council", benchVisit, "social workers", "foster carers").ID
	t.alice = r.enrol(b, "Alice Interviewer")
	bob := r.enrol(b, "Bob Interviewer")
	if err := boards.SetTeam(ctx, r.k, r.admin, t.eng, []string{t.alice, bob}); err != nil {
		b.Fatal(err)
	}
	bd, err := boards.Open(ctx, r.signIn(b, t.alice), t.eng)
	if err != nil {
		b.Fatal(err)
	}
	defer bd.Close()
	if added, err := bd.Contribute(ctx, items(b, n, 0)); err != nil || added != n {
		b.Fatalf("Contribute = %d, %v; want %d", added, err, n)
	}
	all, err := bd.Items(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var w board.Work
	if err := w.SetAim("AIM-1 to help the service see how its staff and carers experience support"); err != nil {
		b.Fatal(err)
	}
	for i := range 6 {
		id, err := w.AddTheme(fmt.Sprintf("THEME-%d being listened to", i+1))
		if err != nil {
			b.Fatal(err)
		}
		t.themes = append(t.themes, id)
	}
	first := map[string]board.Item{} // theme → its first item
	moved := 0
	for i, it := range all {
		if i%3 == 0 {
			t.loose = it.ID
			continue
		}
		th := t.themes[moved%len(t.themes)]
		moved++
		if err := w.Move(it.ID, th); err != nil {
			b.Fatal(err)
		}
		if first[th].ID == "" {
			first[th] = it
		}
	}
	for i, th := range t.themes[:5] {
		id, err := w.AddInsight(th, fmt.Sprintf("INSIGHT-%d staff feel heard by their managers", i+1))
		if err != nil {
			b.Fatal(err)
		}
		if err := w.EditInsight(id, fmt.Sprintf("INSIGHT-%d staff feel heard by their managers", i+1),
			"What the team heard, in a sentence or two, with an example of what changed after."); err != nil {
			b.Fatal(err)
		}
		if err := w.PinQuote(id, first[th]); err != nil {
			b.Fatal(err)
		}
	}
	ids, err := kiosktest.BuildWork(ctx, bd, w)
	if err != nil {
		b.Fatal(err)
	}
	for i, th := range t.themes {
		t.themes[i] = ids[th]
	}
	return t
}

// BenchmarkBoardOpen opens a board as the screen's "Open the board" does: the member's key
// opens the board key (OpenBoard), then every item and the day-2 work are read and opened
// (what the sheets show). The member's sign-in before it is not timed. Realistic: 300 items,
// six themes.
func BenchmarkBoardOpen(b *testing.B) {
	scaled(b, "open a board", 300, tapGoal, func(b *testing.B, n int) {
		t := newTeamBoard(b, n)
		for b.Loop() {
			b.StopTimer()
			s := t.r.signIn(b, t.alice)
			b.StartTimer()
			bd, err := boards.Open(ctx, s, t.eng)
			if err != nil {
				b.Fatal(err)
			}
			got, err := bd.Items(ctx)
			if err != nil || len(got) != n {
				b.Fatalf("Items = %d, %v; want %d", len(got), err, n)
			}
			if _, err := bd.Work(ctx); err != nil {
				b.Fatal(err)
			}
			bd.Close()
		}
	})
}

// BenchmarkBoardMove moves an item into a theme, as the sorting table does once the theme is
// tapped: the item looked up, then the work read, changed and sealed back under the board's
// lock (MoveItem). The item goes to
// and fro between two themes, so the board keeps its size. (The screen then shows the table
// again, reading every item: app/ui BenchmarkScreenBoardMove.)
func BenchmarkBoardMove(b *testing.B) {
	scaled(b, "move an item into a theme", 300, tapGoal, func(b *testing.B, n int) {
		t := newTeamBoard(b, n)
		bd, err := boards.Open(ctx, t.r.signIn(b, t.alice), t.eng)
		if err != nil {
			b.Fatal(err)
		}
		defer bd.Close()
		i := 0
		for b.Loop() {
			if err := bd.MoveItem(ctx, t.loose, t.themes[i%2]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkBoardImport imports a bundle of n items another room exported to the USB stick
// (ImportBundles: the bundle read, checked and opened, kept for acceptance; AcceptImport: opened
// again, its records stored with the receipt in one transaction). Every iteration imports into a fresh copy of the board's data folder (the
// copy and the sign-in are not timed). Realistic: 100 items.
func BenchmarkBoardImport(b *testing.B) {
	scaled(b, "import a bundle", 100, tapGoal, func(b *testing.B, n int) {
		clock := clocktest.New(benchStart)
		one := newBenchRoom(b, "Room 1", clock, kiosktest.Params, "")
		two := newBenchRoom(b, "Room 2", clock, kiosktest.Params, one.stick)
		engOne := one.room().PeerChallenge(b, "Peer challenge, Northshire Council", benchVisit, "social workers").ID
		engTwo := two.room().PeerChallenge(b, "Peer challenge, Northshire Council", benchVisit, "social workers").ID
		alice, carol := one.enrol(b, "Alice Interviewer"), two.enrol(b, "Carol Interviewer")
		if err := boards.SetTeam(ctx, one.k, one.admin, engOne, []string{alice}); err != nil {
			b.Fatal(err)
		}
		bd, err := boards.Open(ctx, one.signIn(b, alice), engOne)
		if err != nil {
			b.Fatal(err)
		}
		public, err := bd.ExportPublic(ctx, one.stick)
		bd.Close()
		if err != nil {
			b.Fatal(err)
		}
		exportContributions(b, two, carol, engTwo, public, items(b, n, 0), nil)
		os.Remove(public)
		one.close()
		for b.Loop() {
			b.StopTimer()
			c := one.copyOpen(b)
			bd, err := boards.Open(ctx, c.signIn(b, alice), engOne)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			res, err := bd.ImportBundles(ctx)
			if err != nil || len(res) != 1 || res[0].Err != nil || res[0].Pending.Items != n {
				b.Fatalf("ImportBundles = %+v, %v; want one bundle of %d items", res, err, n)
			}
			imp, err := bd.AcceptImport(ctx, res[0].Pending.BundleID, res[0].Pending.RoomCode)
			b.StopTimer()
			if err != nil || imp.Items != n {
				b.Fatalf("AcceptImport = %+v, %v; want %d items", imp, err, n)
			}
			bd.Close()
			c.close()
			b.StartTimer()
		}
	})
}

// exportContributions links room's engagement to the board whose public part is at public,
// adds the items and the sessions' interview records as the member id, and exports them as a
// bundle to the room's stick.
func exportContributions(b *testing.B, room *benchRoom, id, eng, public string, its []board.Item, sessions []string) {
	b.Helper()
	link(b, room.signIn(b, id), eng, public)
	c, err := boards.Contribute(ctx, room.signIn(b, id), eng)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := c.Add(ctx, its, sessions); err != nil {
		b.Fatal(err)
	}
	c.Close()
	if _, _, err := boards.ExportBundle(ctx, room.signIn(b, id), eng, room.stick); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkBoardExportPresentation exports the presentation as the screen does once a member
// has given their PIN: the board opened, the presentation built from its items and work, the
// PDF made (fonts embedded) and written whole to the stick, with its audit entry. The PIN
// check before it is not timed (BenchmarkPINCheck). Realistic: a board of 300 items.
func BenchmarkBoardExportPresentation(b *testing.B) {
	scaled(b, "export the presentation", 300, tapGoal, func(b *testing.B, n int) {
		t := newTeamBoard(b, n)
		var size int64
		for b.Loop() {
			b.StopTimer()
			s := t.r.signIn(b, t.alice)
			b.StartTimer()
			path, err := boards.ExportPresentation(ctx, s, t.eng, t.r.stick, fynefont.Fonts())
			b.StopTimer()
			if err != nil {
				b.Fatal(err)
			}
			if fi, err := os.Stat(path); err == nil {
				size = fi.Size()
			}
			if err := os.Remove(path); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		b.ReportMetric(float64(size)/1024, "KiB-pdf")
	})
}
