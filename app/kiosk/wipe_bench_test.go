package kiosk_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/retention"
	"quietroom/app/store"
)

// peerChallenge is one peer challenge across three rooms on the real store: each room's
// interviewers ran their share of the sessions and contributed their share of the items with
// the sessions' interview records; the board is kept in the first room, the other two
// contributed by bundles it imported. Every room is closed, to be copied.
type peerChallenge struct {
	rooms []*benchRoom
	engs  []string // each room's engagement
}

const peerChallengeTitle = "Peer challenge, Northshire Council"

func newPeerChallenge(b *testing.B, sessions, n int) *peerChallenge {
	b.Helper()
	clock := clocktest.New(benchStart)
	pc := &peerChallenge{}
	var ids []string
	for i := range 3 {
		stick := ""
		if i > 0 {
			stick = pc.rooms[0].stick
		}
		r := newBenchRoom(b, fmt.Sprintf("Room %d", i+1), clock, kiosktest.Params, stick)
		pc.rooms = append(pc.rooms, r)
		pc.engs = append(pc.engs, r.room().PeerChallenge(b, peerChallengeTitle, benchVisit, "social workers", "foster carers").ID)
		ids = append(ids, r.enrol(b, fmt.Sprintf("Interviewer %d", i+1)))
	}
	one := pc.rooms[0]
	if err := boards.SetTeam(ctx, one.k, one.admin, pc.engs[0], ids[:1]); err != nil {
		b.Fatal(err)
	}
	bd, err := boards.Open(ctx, one.signIn(b, ids[0]), pc.engs[0])
	if err != nil {
		b.Fatal(err)
	}
	public, err := bd.ExportPublic(ctx, one.stick)
	bd.Close()
	if err != nil {
		b.Fatal(err)
	}
	for i, r := range pc.rooms {
		var sids []string
		for s := range sessions / 3 {
			k := i*sessions/3 + s
			sids = append(sids, r.room().Interview(b, ids[i], pin, pc.engs[i], "peer-ai-staff-practice", "social workers",
				fmt.Sprintf("NOTE-%02d what the team said about supervision", k),
				fmt.Sprintf("QUOTE-S%02d the team really listens", k), fmt.Sprintf("QUOTE-T%02d nobody calls back after four", k)))
		}
		its := items(b, n/3, i*n/3)
		if i == 0 {
			c, err := boards.Contribute(ctx, r.signIn(b, ids[0]), pc.engs[0])
			if err != nil {
				b.Fatal(err)
			}
			if _, err := c.Add(ctx, its, sids); err != nil {
				b.Fatal(err)
			}
			c.Close()
			continue
		}
		exportContributions(b, r, ids[i], pc.engs[i], public, its, sids)
	}
	os.Remove(public)
	bd, err = boards.Open(ctx, one.signIn(b, ids[0]), pc.engs[0])
	if err != nil {
		b.Fatal(err)
	}
	res, err := bd.ImportBundles(ctx)
	if err != nil || len(res) != 2 || res[0].Err != nil || res[1].Err != nil {
		b.Fatalf("ImportBundles = %+v, %v", res, err)
	}
	acceptAll(b, bd)
	got, err := bd.Items(ctx)
	bd.Close()
	if err != nil || len(got) != n {
		b.Fatalf("the board holds %d items, %v; want %d", len(got), err, n)
	}
	for _, r := range pc.rooms {
		r.close()
		// The scan reads what is in the clear: the engagement's title, typed by the admin.
		if found, _, err := store.ScanPaths(ctx, r.files(b), [][]byte{[]byte(peerChallengeTitle)}); err != nil || found == 0 {
			b.Fatalf("the scan of %s found the title %d times (%v): it reads nothing", r.name, found, err)
		}
	}
	return pc
}

// BenchmarkWipePeerChallenge wipes the whole sealed data of one peer challenge in its three
// rooms, as each room's admin does after the follow-up visit (WipeEngagement: the sessions'
// keys and rows, the board's records, keys and work, the outbox and the link, with
// secure_delete, the WAL truncated and the free pages reclaimed), then scans every byte of
// the three data folders for the content's plaintext markers (none may be found; none ever
// is, as the content was sealed, and the wipe must leave nothing either). The three rooms
// are fresh copies every iteration (not timed). Realistic: 24 sessions and 300 items;
// a tenth is 3 sessions (one a room) and 30 items.
func BenchmarkWipePeerChallenge(b *testing.B) {
	scaled(b, "wipe a peer challenge in three rooms, with the raw scan", 300, tapGoal, func(b *testing.B, n int) {
		sessions := max(3, 24*n/300)
		pc := newPeerChallenge(b, sessions, n)
		var scanning time.Duration
		var scanned int64
		for b.Loop() {
			b.StopTimer()
			rooms := make([]*benchRoom, len(pc.rooms))
			for i, r := range pc.rooms {
				rooms[i] = r.copyOpen(b)
			}
			b.StartTimer()
			var wiped, records int
			for i, r := range rooms {
				rec, err := r.k.WipeEngagement(ctx, r.admin, pc.engs[i])
				if err != nil || rec.Outcome != retention.OutcomePassed {
					b.Fatalf("WipeEngagement in %s = %s, %v", r.name, rec.Outcome, err)
				}
				wiped += rec.Sessions
				records += rec.BoardRecords
			}
			start := time.Now()
			var paths []string
			for _, r := range rooms {
				paths = append(paths, r.files(b)...)
			}
			found, bytes, err := store.ScanPaths(context.Background(), paths, markerNeedles())
			scanning += time.Since(start)
			scanned = bytes
			b.StopTimer()
			if err != nil || found != 0 {
				b.Fatalf("after the wipe the scan found %d markers (%v)", found, err)
			}
			if wiped != sessions || records == 0 {
				b.Fatalf("the wipes took %d sessions and %d board records; want %d sessions and the board", wiped, records, sessions)
			}
			for _, r := range rooms {
				r.close()
			}
			b.StartTimer()
		}
		b.ReportMetric(float64(scanning.Microseconds())/1e3/float64(b.N), "ms-scan")
		b.ReportMetric(float64(scanned)/(1<<20), "MiB-scanned")
	})
}
