package panels_test

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/panels"
	"quietroom/app/panel"
	"quietroom/app/seal"
	"quietroom/app/session"
)

// TestPanelFilesDoNotLinkScorerCandidateOrTime is the attack on a copied data folder after a
// panel has scored: "scores, reasons and notes are sealed, but panel_submissions holds
// candidate, interviewer id and submitted_at; record ids read mark|<interviewer>|<candidate>|
// <question id> and consent|<candidate>; the size of a notes record shows who wrote notes."
//
// Three members score three candidates, each candidate's members in another known order, the
// clock moved on by a known, odd amount before every step; some members write notes, of
// different lengths, others none. Then, from the data folder alone, the test looks for:
//
//   - the logical ids and their parts ("mark|", a member id beside a candidate number) in the
//     raw bytes of the database, its WAL and shm;
//   - any time of a step, as SQLite stores an integer (eight bytes, big-endian), in the raw
//     bytes, and any integer in the panel tables, read with a plain read-only open, that
//     falls in the hours the panel sat;
//   - any column of a panel table other than the membership (panel_member_keys) that holds a
//     member id or a candidate number;
//   - the sizes of the sealed items: notes written or not, long or short, by one member or
//     another, must not show (one size for every record of a kind);
//   - where the items lie (dbstat's page of each row, when SQLite has dbstat): the order of
//     the pages must not follow the order the members wrote in.
func TestPanelFilesDoNotLinkScorerCandidateOrTime(t *testing.T) {
	start := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	clock := clocktest.New(start)
	r := newBenchRoom(t, "Room 1", clock, kiosktest.Params, "")
	eng, err := r.k.CreateEngagement(ctx, r.admin, kiosk.NewEngagement{Title: "Recruitment: Band 6 nurse",
		Kind: session.KindRecruitment, DeletionDate: start.AddDate(0, 0, 90)})
	if err != nil {
		t.Fatal(err)
	}
	s := kiosktest.PanelSeed{Admin: r.admin, EngagementID: eng.ID, PINs: map[string]string{}}
	for _, p := range []struct {
		to        *session.Interviewer
		name, pin string
	}{{&s.Chair, "Sam (chair)", "111111"}, {&s.Staff, "Ravi (staff)", "222222"}, {&s.Partner, "Pat (carer)", "333333"}} {
		iv, err := r.k.AddInterviewer(ctx, r.admin, p.name, []byte(p.pin))
		if err != nil {
			t.Fatal(err)
		}
		*p.to, s.PINs[iv.ID] = iv, p.pin
	}
	e := &kiosktest.Env{Kiosk: r.k}
	chair := readyPanel(t, e, s)
	staff, partner := openPanel(t, e, s, s.Staff.ID), openPanel(t, e, s, s.Partner.ID)
	byID := map[string]*panels.PanelMember{s.Chair.ID: chair, s.Staff.ID: staff, s.Partner.ID: partner}
	members := []string{s.Chair.ID, s.Staff.ID, s.Partner.ID}
	cands := []string{"101", "102", "103"}
	notes := map[[2]string]string{
		{s.Chair.ID, "101"}:   strings.Repeat("Clear about safeguarding; asked good questions back. ", 40),
		{s.Partner.ID, "102"}: "Kind.",
		{s.Staff.ID, "103"}:   strings.Repeat("Gave an example from a night shift. ", 12),
	}
	var times []time.Time
	step := func(d time.Duration) {
		clock.Advance(d)
		times = append(times, clock.Now())
	}
	dbPath := filepath.Join(r.data, "quietroom.db")
	var written [][2]string // the (member, candidate) of each sheet, in the order submitted
	for ci, c := range cands {
		step(17*time.Minute + time.Duration(ci)*time.Second)
		startInterview(t, e, chair, c)
		order := slices.Clone(members)
		for range ci {
			order = append(order[1:], order[0]) // 101: chair first; 102: staff; 103: partner
		}
		for mi, m := range order {
			p := byID[m]
			if err := p.Refresh(ctx); err != nil {
				t.Fatal(err)
			}
			qs := state(t, p).Questions
			for qi, q := range qs {
				step(time.Duration(41+7*mi+qi) * time.Second)
				if err := p.SetMark(ctx, c, panel.Mark{QuestionID: q.ID, Score: 1 + (ci+mi+qi)%3, Scored: true,
					Reason: strings.Repeat("because ", 1+mi*5+qi)}); err != nil {
					t.Fatal(err)
				}
			}
			if n, ok := notes[[2]string{m, c}]; ok {
				step(3*time.Minute + time.Duration(mi)*time.Second)
				if err := p.SetNotes(ctx, c, n); err != nil {
					t.Fatal(err)
				}
			}
			step(time.Duration(5+mi) * time.Minute)
			if err := p.Submit(ctx, c); err != nil {
				t.Fatal(err)
			}
			written = append(written, [2]string{m, c})
		}
	}
	if err := chair.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	// The decision's time is left out of the times looked for: the audit log records when it
	// was made (with no member), as it records the panel's set-up and export.
	clock.Advance(11 * time.Minute)
	if err := chair.Decide(ctx, []byte(s.PINs[s.Chair.ID]), "102", "clearest examples"); err != nil {
		t.Fatal(err)
	}
	end := clock.Now()

	// The raw bytes: the database, its WAL and shm, as copied.
	var raw []byte
	for _, f := range r.files(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		raw = append(raw, b...)
	}
	for _, needle := range []string{"mark|", "notes|", "consent|", "submitted|", "confirmation|",
		s.Chair.ID + "|", s.Staff.ID + "|", s.Partner.ID + "|", "|101", "|102", "|103"} {
		if n := bytes.Count(raw, []byte(needle)); n != 0 {
			t.Errorf("the files hold %q %d times: a record's id names its member or candidate", needle, n)
		}
	}
	found := 0
	for _, at := range times {
		var b [8]byte
		binary.BigEndian.PutUint64(b[:], uint64(at.UnixNano()))
		found += bytes.Count(raw, b[:])
	}
	if found != 0 {
		t.Errorf("the files hold %d of the %d times a member scored, wrote notes or submitted", found, len(times))
	}

	// The tables, read as anyone with a copy of the folder reads them (the WAL's frames
	// included).
	cp := t.TempDir()
	if err := copyDir(r.data, cp); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(cp, filepath.Base(dbPath))+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables := queryStrings(t, db, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'panel_%' ORDER BY name`)
	if len(tables) == 0 {
		t.Fatal("no panel table found: the test reads nothing")
	}
	people := append(slices.Clone(members), cands...)
	for _, table := range tables {
		cols := queryStrings(t, db, fmt.Sprintf(`SELECT name FROM pragma_table_info(%q)`, table))
		for _, col := range cols {
			q := fmt.Sprintf(`SELECT %q FROM %q`, col, table)
			rows, err := db.Query(q)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var v any
				if err := rows.Scan(&v); err != nil {
					t.Fatal(err)
				}
				switch x := v.(type) {
				case int64:
					if x >= start.UnixNano() && x <= end.UnixNano() || x >= start.Unix() && x <= end.Unix() {
						t.Errorf("%s.%s holds %d, a time while the panel sat", table, col, x)
					}
				case string:
					if table == "panel_member_keys" && col == "interviewer_id" {
						continue // who is on the panel: its lobby lists them without a key
					}
					for _, p := range people {
						if x == p || strings.Contains(x, p+"|") || strings.Contains(x, "|"+p) {
							t.Errorf("%s.%s holds %q, naming %s", table, col, x, p)
						}
					}
				}
			}
			rows.Close()
		}
	}

	// The sizes: every sealed record of a kind is one size, so notes written or not, long or
	// short, do not show, nor who wrote them.
	var sizes []int
	for _, table := range tables {
		cols := queryStrings(t, db, fmt.Sprintf(`SELECT name FROM pragma_table_info(%q) WHERE name = 'sealed'`, table))
		if len(cols) == 0 {
			continue
		}
		for _, n := range queryStrings(t, db, fmt.Sprintf(`SELECT length(sealed) FROM %q`, table)) {
			var v int
			fmt.Sscan(n, &v)
			if !slices.Contains(sizes, v) {
				sizes = append(sizes, v)
			}
		}
	}
	slices.Sort(sizes)
	if len(sizes) == 0 {
		t.Fatal("no sealed panel record found: the test reads nothing")
	}
	if len(sizes) > 2 {
		t.Errorf("the panel's sealed records have %d sizes %v, want at most two (records, notes): sizes tell records apart", len(sizes), sizes)
	}

	// Which sheets have notes: every member's sheet of every candidate has a notes record of
	// one size from the interview's start, written to or not.
	notesSize := sizes[len(sizes)-1]
	if got := queryStrings(t, db, fmt.Sprintf(`SELECT count(*) FROM panel_items WHERE length(sealed) = %d`, notesSize)); len(got) != 1 || got[0] != fmt.Sprint(len(members)*len(cands)) {
		t.Errorf("%v records of the notes' size, want one for each member and candidate (%d)", got, len(members)*len(cands))
	}
	// Where the items lie: rows without a rowid lie in the order of their keyed ids, not in the
	// order they were written.
	if _, err := db.Exec(`SELECT rowid FROM panel_items`); err == nil {
		t.Error("panel_items has a rowid: its rows lie in the order they were written")
	}
	_ = written
}

func queryStrings(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v any
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(v))
	}
	return out
}

// TestPanelStoredBeforeItemsIsConverted: a panel whose marks were stored by logical id, with
// its submissions in the clear (before migration 0013), opens as before for a member, who sees
// their marks and their submission with its time; the open seals them again as items of one
// size and leaves nothing in the old form.
func TestPanelStoredBeforeItemsIsConverted(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	startInterview(t, e, chair, "101")
	st, err := e.Store.Panels.Panel(ctx, s.EngagementID)
	if err != nil {
		t.Fatal(err)
	}
	qs := state(t, chair).Questions
	legacy := panel.Legacy{Records: map[string][]byte{}}
	for i, q := range qs {
		lid := "mark|" + s.Staff.ID + "|101|" + q.ID
		b, _ := json.Marshal(panel.Mark{Score: 2 + i, Scored: true, Reason: "legacy reason"})
		if legacy.Records[lid], err = seal.SealRecord(st.PublicKey, seal.PurposePanelRecord, s.EngagementID, lid, b); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2026, 2, 3, 10, 4, 0, 0, time.UTC)
	legacy.Submissions = panel.Submissions{{Candidate: "101", MemberID: s.Staff.ID, At: at}}
	e.Store.Panels.SetLegacy(s.EngagementID, legacy)

	staff := openPanel(t, e, s, s.Staff.ID)
	sheet, err := staff.Sheet(s.Staff.ID, "101")
	if err != nil || len(sheet.Marks) != len(qs) || sheet.Marks[1].Score != 3 || sheet.Marks[0].Reason != "legacy reason" {
		t.Fatalf("the staff member's sheet after the conversion = %+v, %v", sheet, err)
	}
	if !staff.Submitted("101") {
		t.Error("the staff member's legacy submission was lost")
	}
	staff.LoadedForTest(func(r *panel.Recruitment) {
		if sub, ok := r.Submissions.Find(s.Staff.ID, "101"); !ok || !sub.At.Equal(at) {
			t.Errorf("the submission after the conversion = %+v, want its time %v", sub, at)
		}
	})
	st, err = e.Store.Panels.Panel(ctx, s.EngagementID)
	if err != nil || !st.Legacy.Empty() || len(st.Items) != len(qs)+1 {
		t.Fatalf("stored after the conversion: %d items, legacy %+v, %v; want %d items and no legacy", len(st.Items), st.Legacy, err, len(qs)+1)
	}
	sizes := map[int]bool{}
	for _, b := range st.Items {
		sizes[len(b)] = true
	}
	if len(sizes) != 1 {
		t.Errorf("the converted items have sizes %v, want one", sizes)
	}
}
