package boards_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"quietroom/app/board"
	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/report/fynefont"
	"quietroom/app/store"
)

// pdfText is the text of a PDF as pdftotext reads it.
func pdfText(t *testing.T, path string) string {
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

// contribute signs id in on room, reads every one of their sessions and adds each quote as an
// item (tagged tag), with the interviews counted.
func contribute(t *testing.T, room *diskRoom, id, eng string, tag board.Tag) int {
	t.Helper()
	s := room.SignIn(t, id, pin)
	c, err := boards.Contribute(ctx, s, eng)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	list, err := c.Sessions(ctx)
	if err != nil || len(list) == 0 {
		t.Fatalf("Sessions = %v, %v", list, err)
	}
	var (
		items []board.Item
		ids   []string
	)
	check := c.NameCheck()
	for _, ss := range list {
		rv, err := c.Read(ctx, ss.ID)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, ss.ID)
		for _, tp := range rv.Topics {
			for _, q := range tp.Quotes {
				text := board.Replace(q.Text, check.Check(q.Text))
				it, err := board.NewQuote(tag, text)
				if err != nil {
					t.Fatal(err)
				}
				items = append(items, it)
			}
		}
	}
	n, err := c.Add(ctx, items, ids)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBoardAcrossTwoRooms(t *testing.T) {
	r := twoRooms(t)
	r.sessions[r.alice] = append(r.sessions[r.alice], r.one.Interview(t, r.alice, pin, r.engOne, "peer-ai-staff-practice", "social workers", "NOTE-ALICE",
		"QUOTE-A1 the team really listens", "QUOTE-A2 I asked Sarah and she sorted it"))
	r.one.Interview(t, r.bob, pin, r.engOne, "peer-ai-staff-practice", "social workers", "NOTE-BOB",
		"QUOTE-B1 supervision happens every month")
	r.two.Interview(t, r.carol, pin, r.engTwo, "peer-ai-users", "foster carers", "NOTE-CAROL",
		"QUOTE-C1 nobody calls back after four")

	if n := contribute(t, r.one, r.alice, r.engOne, board.Rose); n != 3 {
		t.Fatalf("Alice added %d, want 2 items and 1 interview", n)
	}
	if n := contribute(t, r.one, r.bob, r.engOne, board.Rose); n != 2 {
		t.Fatalf("Bob added %d", n)
	}

	// The board's public part goes to room 2 on the stick.
	b := open(t, r.one, r.alice, r.engOne)
	pubPath, err := b.ExportPublic(ctx, r.stick)
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	s := r.two.SignIn(t, r.carol, pin)
	link(t, s, r.engTwo, pubPath)
	if n := contribute(t, r.two, r.carol, r.engTwo, board.Thorn); n != 2 {
		t.Fatalf("Carol added %d", n)
	}
	// Room 2 cannot read what it contributed: it has no board, only its public part.
	if _, err := boards.Open(ctx, r.two.SignIn(t, r.carol, pin), r.engTwo); !errors.Is(err, boards.ErrNoBoard) {
		t.Fatalf("OpenBoard on room 2 = %v, want ErrNoBoard", err)
	}
	os.Remove(pubPath)
	bundlePath, n, err := boards.ExportBundle(ctx, r.two.SignIn(t, r.carol, pin), r.engTwo, r.stick)
	if err != nil || n != 2 {
		t.Fatalf("ExportBundle = %d, %v", n, err)
	}

	// A lost stick holds nothing readable.
	scanNone(t, "stick", r.stick)

	// Room 1 imports the bundle: counted, from room 2; again: ignored.
	b = open(t, r.one, r.bob, r.engOne)
	res, err := b.ImportBundles(ctx)
	if err != nil || len(res) != 1 || res[0].Err != nil || res[0].Pending.Items != 1 || res[0].Pending.Interviews != 1 ||
		res[0].Pending.Room != "Room 2" || !res[0].Pending.NewRoom {
		t.Fatalf("ImportBundles = %+v, %v", res, err)
	}
	imp, err := b.AcceptImport(ctx, res[0].Pending.BundleID, res[0].Pending.RoomCode)
	if err != nil || imp.Items != 1 || imp.Interviews != 1 || imp.SourceKiosk != "Room 2" {
		t.Fatalf("AcceptImport = %+v, %v", imp, err)
	}
	res, _ = b.ImportBundles(ctx)
	if !errors.Is(res[0].Err, board.ErrDuplicateBundle) {
		t.Fatalf("second import = %+v, want ErrDuplicateBundle", res)
	}
	items, err := b.Items(ctx)
	if err != nil || len(items) != 4 {
		t.Fatalf("Items = %d, %v", len(items), err)
	}
	var named bool
	for _, it := range items {
		if strings.Contains(it.Text, "Sarah") {
			t.Errorf("the name check let a name through: %q", it.Text)
		}
		named = named || strings.Contains(it.Text, "[name]")
	}
	if !named {
		t.Error("no [name] on the board")
	}
	ivs, _ := b.Interviews(ctx)
	if len(ivs) != 3 {
		t.Fatalf("interviews = %+v", ivs)
	}

	// A tampered bundle is refused and nothing of it imported.
	raw, _ := os.ReadFile(bundlePath)
	raw[len(raw)/2] ^= 1
	os.WriteFile(bundlePath, raw, 0o600)
	res, _ = b.ImportBundles(ctx)
	if !errors.Is(res[0].Err, board.ErrTampered) {
		t.Fatalf("tampered import = %+v", res)
	}
	if again, _ := b.Items(ctx); len(again) != 4 {
		t.Fatalf("items after a refused bundle = %d", len(again))
	}
	b.Close()

	// Strangers: a non-member, and a member added later who waits until let in.
	dave := r.one.Enrol(t, "Dave Interviewer", pin)
	if _, err := boards.Open(ctx, r.one.SignIn(t, dave, pin), r.engOne); !errors.Is(err, kiosk.ErrNotOnTeam) {
		t.Fatalf("non-member OpenBoard = %v", err)
	}
	if err := boards.SetTeam(ctx, r.one.Kiosk, r.one.Admin, r.engOne, []string{r.alice, r.bob, dave}); err != nil {
		t.Fatal(err)
	}
	if _, err := boards.Open(ctx, r.one.SignIn(t, dave, pin), r.engOne); !errors.Is(err, boards.ErrWaitingToBeLetIn) {
		t.Fatalf("waiting member OpenBoard = %v", err)
	}
	b = open(t, r.one, r.alice, r.engOne)
	if err := b.LetIn(ctx, dave); err != nil {
		t.Fatal(err)
	}
	b.Close()
	if got, _ := open(t, r.one, dave, r.engOne).Items(ctx); len(got) != 4 {
		t.Fatalf("Dave reads %d items", len(got))
	}

	scanNone(t, "room 1", r.one.DataDir)
	scanNone(t, "room 2", r.two.DataDir)

	// Day 2: three themes, four insights with quotes, and the presentation.
	b = open(t, r.one, r.bob, r.engOne)
	items, _ = b.Items(ctx)
	var w board.Work
	w.SetAim("To help the service see how its staff and carers experience support.")
	byText := func(s string) board.Item {
		for _, it := range items {
			if strings.Contains(it.Text, s) {
				return it
			}
		}
		t.Fatalf("no item with %q", s)
		return board.Item{}
	}
	listening, _ := w.AddTheme("Being listened to")
	access, _ := w.AddTheme("Getting hold of people")
	support, _ := w.AddTheme("Support and supervision")
	w.Move(byText("listens").ID, listening)
	w.Move(byText("[name]").ID, listening)
	w.Move(byText("calls back").ID, access)
	w.Move(byText("supervision").ID, support)
	for _, in := range []struct{ theme, statement, quote string }{
		{listening, "Staff feel heard by their managers", "listens"},
		{listening, "Problems get solved when they reach the right person", "[name]"},
		{access, "Carers lose contact after office hours", "calls back"},
		{support, "Supervision is regular and valued", "supervision"},
	} {
		id, err := w.AddInsight(in.theme, in.statement)
		if err != nil {
			t.Fatal(err)
		}
		w.EditInsight(id, in.statement, "What the team heard, in a sentence or two.")
		if err := w.PinQuote(id, byText(in.quote)); err != nil {
			t.Fatal(err)
		}
	}
	if w.InsightAim() != board.AimMet {
		t.Fatal("four insights miss the aim")
	}
	if _, err := kiosktest.BuildWork(ctx, b, w); err != nil {
		t.Fatal(err)
	}
	// Two social workers and one foster carer were interviewed: both groups are under the
	// board's floor of three, so neither is shown on its own, whoever asks.
	p, err := b.Presentation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if iv := p.Interviewed; len(iv.Groups) != 0 || iv.SmallGroups != 2 || iv.SmallPeople != 3 || iv.Threshold != board.SmallGroup || iv.Total != 3 {
		t.Errorf("Presentation().Interviewed = %+v, want no group on its own, 3 people in 2 small groups, threshold %d", iv, board.SmallGroup)
	}
	b.Close()
	pdfPath, err := boards.ExportPresentation(ctx, r.one.SignIn(t, r.alice, pin), r.engOne, r.stick, fynefont.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	if keep := os.Getenv("QUIETROOM_KEEP_PDF"); keep != "" {
		// For looking at the presentation: QUIETROOM_KEEP_PDF=/tmp/p.pdf go test -run Board ./app/kiosk
		raw, _ := os.ReadFile(pdfPath)
		os.WriteFile(keep, raw, 0o600)
	}
	text := pdfText(t, pdfPath)
	for _, want := range []string{"Key aim of the review", "Who was interviewed", "Methodology", "Key themes", "Key insights",
		"Being listened to", "Staff feel heard by their managers", "the team really listens", "fewer than 3 people"} {
		if !strings.Contains(text, want) {
			t.Errorf("the presentation lacks %q", want)
		}
	}
	for _, never := range []string{"Alice", "Bob", "Carol", "Interviewer", "Sarah", "Room 1", "Room 2", "NOTE-", "2026",
		"social workers", "foster carers"} {
		if strings.Contains(text, never) {
			t.Errorf("the presentation holds %q", never)
		}
	}
	if regexp.MustCompile(`\d{1,2}:\d\d`).MatchString(text) {
		t.Error("the presentation holds a time of day")
	}
	for _, id := range append(r.sessions[r.alice], r.engOne) {
		if strings.Contains(text, id) {
			t.Errorf("the presentation holds the id %s", id)
		}
	}
	audit, _ := r.one.Kiosk.Audit(ctx, r.one.Admin, 0)
	if audit[0].Action != "board.presentation.export" || audit[0].Count != 4 {
		t.Errorf("last audit entry = %+v", audit[0])
	}

	// The follow-up visit passes: both kiosks' copies go, with receipts.
	r.clock.Set(time.Date(2026, 7, 12, 0, 0, 0, 0, time.UTC))
	for name, room := range map[string]*diskRoom{"room 1": r.one, "room 2": r.two} {
		rec, err := room.Ret.PurgeDue(ctx)
		if err != nil || rec.BoardRecords == 0 || rec.Outcome != "passed" {
			t.Fatalf("%s purge = %+v, %v", name, rec, err)
		}
	}
	if recs, _ := r.one.DB.BoardRecords(ctx, r.engOne); len(recs) != 0 {
		t.Fatalf("room 1 keeps %d records", len(recs))
	}
	if recs, _ := r.two.DB.Outbox(ctx, r.engTwo); len(recs) != 0 {
		t.Fatalf("room 2 keeps %d outbox records", len(recs))
	}
}

func TestBoardAdminOpensNothing(t *testing.T) {
	r := twoRooms(t)
	r.one.Interview(t, r.alice, pin, r.engOne, "peer-ai-staff-practice", "social workers", "NOTE-ALICE", "QUOTE-A1 the team really listens")
	contribute(t, r.one, r.alice, r.engOne, board.Rose)
	// Everything the admin's use cases show is content-free.
	var seen strings.Builder
	audit, _ := r.one.Kiosk.Audit(ctx, r.one.Admin, 0)
	receipts, _ := r.one.Kiosk.Receipts(ctx, r.one.Admin)
	engs, _ := r.one.Kiosk.AllEngagements(ctx, r.one.Admin)
	team, _ := boards.Team(ctx, r.one.Kiosk, r.engOne)
	fmt.Fprintf(&seen, "%+v %+v %+v %+v", audit, receipts, engs, team)
	for _, m := range []string{"QUOTE-", "NOTE-", "listens"} {
		if strings.Contains(seen.String(), m) {
			t.Errorf("the admin's screens hold %q", m)
		}
	}
	// The admin credential is no team member's: the sealed board keys open only with a
	// member's own key.
	if _, err := r.one.Kiosk.SignIn(ctx, r.alice, []byte(kiosktest.AdminCredential)); err == nil {
		t.Fatal("the admin credential opened a member's key")
	}
	// The admin's use cases give no way in: the board key is sealed to members only, and the
	// admin credential is no member's.
	if _, err := r.one.Kiosk.SignIn(ctx, "admin", []byte(kiosktest.AdminCredential)); err == nil {
		t.Fatal("the admin credential signed in as an interviewer")
	}
	ms, err := r.one.DB.BoardMembers(ctx, r.engOne)
	if err != nil || len(ms) != 2 {
		t.Fatal(ms, err)
	}
	for _, m := range ms {
		if m.InterviewerID != r.alice && m.InterviewerID != r.bob {
			t.Fatalf("member %s", m.InterviewerID)
		}
	}
	// Setting the team again does not hand out new keys: later members wait for a member.
	if err := boards.SetTeam(ctx, r.one.Kiosk, r.one.Admin, r.engOne, []string{r.alice, r.bob, r.carol}); err == nil {
		t.Fatal("a room 2 interviewer joined room 1's team")
	}
}

func TestBoardBundleForAnotherEngagement(t *testing.T) {
	r := twoRooms(t)
	// Room 1 has a second peer challenge with its own board.
	other := r.one.PeerChallenge(t, "Peer challenge, Southshire", time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)).ID
	if err := boards.SetTeam(ctx, r.one.Kiosk, r.one.Admin, other, []string{r.alice}); err != nil {
		t.Fatal(err)
	}
	b := open(t, r.one, r.alice, other)
	path, err := b.ExportPublic(ctx, r.stick)
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	r.two.Interview(t, r.carol, pin, r.engTwo, "peer-ai-users", "foster carers", "n", "a quote")
	link(t, r.two.SignIn(t, r.carol, pin), r.engTwo, path)
	contribute(t, r.two, r.carol, r.engTwo, board.Bud)
	os.Remove(path)
	if _, _, err := boards.ExportBundle(ctx, r.two.SignIn(t, r.carol, pin), r.engTwo, r.stick); err != nil {
		t.Fatal(err)
	}
	b = open(t, r.one, r.alice, r.engOne)
	defer b.Close()
	res, err := b.ImportBundles(ctx)
	if err != nil || len(res) != 1 || !errors.Is(res[0].Err, board.ErrOtherBoard) {
		t.Fatalf("ImportBundles = %+v, %v; want ErrOtherBoard", res, err)
	}
	if items, _ := b.Items(ctx); len(items) != 0 {
		t.Fatalf("items = %d", len(items))
	}
}

func open(t *testing.T, room *diskRoom, id, eng string) *boards.Board {
	t.Helper()
	b, err := boards.Open(ctx, room.SignIn(t, id, pin), eng)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// scanNone scans every file under dir for the plaintext markers of the journey.
func scanNone(t *testing.T, what, dir string) {
	t.Helper()
	var paths []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	markers := [][]byte{[]byte("QUOTE-"), []byte("NOTE-"), []byte("listens"), []byte("Sarah")}
	// (The stakeholder groups are the engagement's admin-entered list, in the clear by design: not content.)
	n, _, err := store.ScanPaths(context.Background(), paths, markers)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		for _, p := range paths {
			data, _ := os.ReadFile(p)
			for _, m := range markers {
				if bytes.Contains(data, m) {
					t.Errorf("%s: %s holds %q", what, filepath.Base(p), m)
				}
			}
		}
	}
}
