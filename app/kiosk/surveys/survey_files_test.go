package surveys_test

import (
	"bytes"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/kiosk/surveys"
	"quietroom/app/retention"
	"quietroom/app/store"
	"quietroom/app/survey"
)

// TestSurveyFilesDoNotTellOrderOrTeam is the attack on a copied data folder while a survey is
// open: responses are submitted in a known order, from teams of different sizes and name
// lengths answering different numbers of items, with the minute-by-minute clock mark written
// between them as the running kiosk writes it. Then, from the files alone (the database, its
// WAL and shm, read as raw bytes, and the stored sealed records, as anyone with the folder can
// read them without a key), the test tries to recover:
//
//   - the order: where each response's bytes lie in the database file (its page, its overflow
//     pages, its place in a page) and in the WAL (which frame), and the order of the ids;
//   - the time: how many clock marks the WAL holds before each response's first frame;
//   - the team: the sealed length, and where the bytes lie, against the team.
//
// Each is a rank correlation (Spearman) with the order of submission, or the share of its
// variance the team explains (eta squared), and the test fails when one exceeds what chance
// allows. With 40 responses, Spearman's rho under no relation has a standard deviation of
// 1/sqrt(39) = 0.16, so 0.5 is more than three of them; eta squared over four teams is
// expected near 3/39 = 0.08. The ids come from a seeded source (kiosk.Options.Rand), so where
// the responses lie is the same at every run; the sealing's own randomness changes only the
// bytes, never where they are. A sealed length that differs between responses fails at once.
func TestSurveyFilesDoNotTellOrderOrTeam(t *testing.T) {
	const n = 40
	rnd := rand.New(rand.NewChaCha8([32]byte{'s', 'u', 'r', 'v', 'e', 'y'}))
	r := &benchRoom{data: t.TempDir(), key: filepath.Join(t.TempDir(), "key", "device.key"), stick: t.TempDir(),
		clock: clocktest.New(benchStart), params: kiosktest.Params, name: "Room 1",
		rand: &lockedRand{r: rand.NewChaCha8([32]byte{'i', 'd', 's'})}}
	r.open(t)
	member := r.enrol(t, "Alice Interviewer")
	teams := []string{"A", "Children in care and the fostering and adoption service", "Youth justice", "Early help"}
	sizes := []int{20, 12, 6, 2}
	now := r.clock.Now()
	rec, err := surveys.CreateSurvey(ctx, r.k, r.admin, surveys.NewSurvey{Title: "Leadership culture survey", Teams: teams,
		Opens: now, Closes: now.AddDate(0, 0, 7), DeletionDate: now.AddDate(0, 2, 0), Members: []string{member}})
	if err != nil {
		t.Fatal(err)
	}
	_, sv, err := surveys.OpenSurvey(ctx, r.k)
	if err != nil {
		t.Fatal(err)
	}
	var plan []int // the team of each submission, in order
	for ti, size := range sizes {
		for range size {
			plan = append(plan, ti)
		}
	}
	rnd.Shuffle(len(plan), func(i, j int) { plan[i], plan[j] = plan[j], plan[i] })

	var (
		ids       []string // in the order submitted
		teamOf    = map[string]int{}
		stored    = map[string][]byte{}
		markTimes []time.Time
	)
	for i, ti := range plan {
		// The clock marks of the minutes before this person came.
		for range 1 + rnd.IntN(3) {
			r.clock.Advance(time.Minute)
			markTimes = append(markTimes, r.clock.Now())
			if err := r.db.RecordTime(ctx, retention.ClockMark{Trusted: r.clock.Now(), Boot: "boot-1", Uptime: time.Duration(len(markTimes)) * time.Minute}); err != nil {
				t.Fatal(err)
			}
		}
		// Each team answers its own share of the items, so that lengths would differ.
		a := map[string]int{}
		for j, it := range sv.Items {
			if j < len(sv.Items)*(len(teams)-ti)/len(teams) {
				a[it.ID] = 1 + (i+j)%sv.Points
			}
		}
		if err := surveys.SubmitSurveyResponse(ctx, r.k, rec.EngagementID, survey.Response{Team: teams[ti], Answers: a}); err != nil {
			t.Fatal(err)
		}
		all, err := r.db.SurveyResponses(ctx, rec.EngagementID)
		if err != nil {
			t.Fatal(err)
		}
		var added []string
		for id := range all {
			if _, ok := stored[id]; !ok {
				added = append(added, id)
			}
		}
		if len(added) != 1 {
			t.Fatalf("submission %d added %d responses", i, len(added))
		}
		ids = append(ids, added[0])
		teamOf[added[0]] = ti
		stored = all
	}
	// A minute's clock mark after the last, as the kiosk writes one a minute later.
	r.clock.Advance(time.Minute)
	if err := r.db.RecordTime(ctx, retention.ClockMark{Trusted: r.clock.Now(), Boot: "boot-1"}); err != nil {
		t.Fatal(err)
	}

	order := make([]float64, n) // i-th submission's place
	team := make([]int, n)
	for i, id := range ids {
		order[i] = float64(i)
		team[i] = teamOf[id]
	}

	t.Run("sealed length", func(t *testing.T) {
		lengths := map[int]int{}
		byTeam := map[int]map[int]int{}
		for _, id := range ids {
			l := len(stored[id])
			lengths[l]++
			if byTeam[teamOf[id]] == nil {
				byTeam[teamOf[id]] = map[int]int{}
			}
			byTeam[teamOf[id]][l]++
		}
		if len(lengths) != 1 {
			t.Errorf("sealed lengths differ: %d lengths; by team (length: count) %v", len(lengths), byTeam)
		}
	})

	readFiles := func() map[string][]byte {
		files := map[string][]byte{}
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if b, err := os.ReadFile(filepath.Join(r.data, store.FileName+suffix)); err == nil {
				files[suffix] = b
			}
		}
		return files
	}
	attack := func(t *testing.T, files map[string][]byte) {
		stats := map[string][]float64{}
		add := func(name string, i int, v float64) {
			if stats[name] == nil {
				stats[name] = slices.Repeat([]float64{math.NaN()}, n)
			}
			stats[name][i] = v
		}
		db := files[""]
		pageSize := 4096
		if len(db) >= 18 {
			if p := int(db[16])<<8 | int(db[17]); p >= 512 {
				pageSize = p
			} else if p == 1 {
				pageSize = 65536
			}
		}
		wal := files["-wal"]
		const walHeader, frameHeader = 32, 24
		walFrame := func(off int) int { return (off - walHeader) / (frameHeader + pageSize) }
		// The clock mark's frames: those holding the mark's JSON.
		var markFrames []int
		for off := 0; ; {
			k := bytes.Index(wal[off:], []byte(`"trusted":`))
			if k < 0 {
				break
			}
			markFrames = append(markFrames, walFrame(off+k))
			off += k + 1
		}
		for i, id := range ids {
			b := stored[id]
			// Pieces of the response short enough to lie whole on one page wherever it starts.
			var pieces [][]byte
			for off := 40; off+24 <= len(b); off += 64 {
				pieces = append(pieces, b[off:off+24])
			}
			pieces = append(pieces, b[len(b)-24:])
			first, tail := -1, -1
			for _, p := range pieces {
				if k := bytes.Index(db, p); k >= 0 && (first < 0 || k < first) {
					first = k
				}
			}
			if k := bytes.Index(db, pieces[len(pieces)-1]); k >= 0 {
				tail = k
			}
			if first >= 0 {
				add("database: first byte's offset", i, float64(first))
				add("database: first byte's page", i, float64(first/pageSize))
				add("database: place in its page", i, float64(first%pageSize))
			}
			if tail >= 0 {
				add("database: last bytes' page (overflow chain)", i, float64(tail/pageSize))
			}
			if k := bytes.Index(db, []byte(id)); k >= 0 {
				add("database: id's offset", i, float64(k))
			}
			firstFrame, lastFrame := -1, -1
			for _, p := range pieces {
				for off := 0; ; {
					k := bytes.Index(wal[off:], p)
					if k < 0 {
						break
					}
					f := walFrame(off + k)
					if firstFrame < 0 || f < firstFrame {
						firstFrame = f
					}
					lastFrame = max(lastFrame, f)
					off += k + 1
				}
			}
			if firstFrame >= 0 {
				add("WAL: first frame", i, float64(firstFrame))
				add("WAL: last frame", i, float64(lastFrame))
				marks := 0
				for _, f := range markFrames {
					if f < firstFrame {
						marks++
					}
				}
				add("WAL: clock marks before it (its minute)", i, float64(marks))
			}
			if k := bytes.Index(files["-shm"], pieces[0]); k >= 0 {
				add("shm: offset", i, float64(k))
			}
		}
		sortedIDs := slices.Sorted(maps.Keys(teamOf))
		for i, id := range ids {
			add("order of the ids", i, float64(slices.Index(sortedIDs, id)))
		}

		names := slices.Sorted(maps.Keys(stats))
		for _, name := range names {
			t.Run(name, func(t *testing.T) {
				var xs, ys []float64
				var ts []int
				for i, v := range stats[name] {
					if !math.IsNaN(v) {
						xs, ys, ts = append(xs, order[i]), append(ys, v), append(ts, team[i])
					}
				}
				if len(xs) < 8 {
					t.Logf("found for %d responses only: nothing to rank", len(xs))
					return
				}
				rho := spearman(xs, ys)
				eta := etaSquared(ranks(ys), ts)
				t.Logf("%d responses: Spearman rho with the order of submission %.2f; eta squared by team %.2f", len(xs), rho, eta)
				if math.Abs(rho) > 0.5 {
					t.Errorf("%s gives the order of submission: Spearman rho %.2f over %d responses", name, rho, len(xs))
				}
				if eta > 0.4 {
					t.Errorf("%s gives the team: eta squared %.2f over %d responses", name, eta, len(xs))
				}
			})
		}
	}
	// The folder copied while the kiosk runs, then after it stopped (SQLite moves what the WAL
	// holds into the database file when the last connection closes).
	t.Run("running", func(t *testing.T) { attack(t, readFiles()) })
	r.close()
	t.Run("stopped", func(t *testing.T) { attack(t, readFiles()) })
	if len(markTimes) == 0 {
		t.Fatal("no clock mark written")
	}
}

// lockedRand is a seeded randomness source safe for concurrent use.
type lockedRand struct {
	mu sync.Mutex
	r  *rand.ChaCha8
}

func (l *lockedRand) Read(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.r.Read(p)
}

// ranks gives each value its rank (0-based), ties the mean of their ranks.
func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	out := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		for k := i; k <= j; k++ {
			out[idx[k]] = float64(i+j) / 2
		}
		i = j + 1
	}
	return out
}

// spearman is Spearman's rank correlation of x and y; 0 when either is constant.
func spearman(x, y []float64) float64 {
	rx, ry := ranks(x), ranks(y)
	mx, my := mean(rx), mean(ry)
	var sxy, sxx, syy float64
	for i := range rx {
		sxy += (rx[i] - mx) * (ry[i] - my)
		sxx += (rx[i] - mx) * (rx[i] - mx)
		syy += (ry[i] - my) * (ry[i] - my)
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

// etaSquared is the share of v's variance that the groups explain; 0 when v is constant.
func etaSquared(v []float64, group []int) float64 {
	m := mean(v)
	sum, count := map[int]float64{}, map[int]int{}
	var total float64
	for i, x := range v {
		sum[group[i]] += x
		count[group[i]]++
		total += (x - m) * (x - m)
	}
	if total == 0 {
		return 0
	}
	var between float64
	for g, s := range sum {
		gm := s / float64(count[g])
		between += float64(count[g]) * (gm - m) * (gm - m)
	}
	return between / total
}

func mean(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}
