package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/assemble"
	"quietroom/app/kiosk"
	"quietroom/app/session"
	"quietroom/app/ui"
)

// The soak (make soak) drives the real program in Xvfb at 800x480 with seeded random taps,
// drags, typing and keys for QUIETROOM_SOAK (a duration), with scripted ways in from Home (sign
// in with the demo PIN, then the interviewer's boards, panels, surveys and sessions; Admin) so
// that the random steps reach the deep screens. It fails, printing the seed, the last steps and
// a screenshot's path, when:
//
//   - the window is no longer 800x480;
//   - the UI stops drawing: the program's frame count (its "runtime stats" lines, logged off
//     the UI's thread, each of which asks for a frame) stands still for soakScreenWithin, or
//     its stats lines stop; a scripted tap on a known button that shows no screen within
//     soakScreenWithin is a freeze when the frames stopped too, else the map's mistake;
//   - the program logs that a screen does not fit, panics, or exits;
//   - goroutines or memory (PSS) grow past a bound over the run (soakGoroutineGrowth and the
//     PSS bounds below).
//
// QUIETROOM_SOAK_SEED replays a run's choices (what the program answers, and so the screens a
// step lands on, can still differ with timing).
const (
	soakEnv     = "QUIETROOM_SOAK"
	soakSeedEnv = "QUIETROOM_SOAK_SEED"

	soakScreenWithin = 10 * time.Second
	soakStatsEvery   = 2 * time.Second
	soakStatsWithin  = 15 * time.Second // the longest gap between stats lines
	soakHistory      = 30
	soakSlowStep     = 5 * time.Second
)

func TestKioskSoak(t *testing.T) {
	s := os.Getenv(soakEnv)
	if s == "" {
		t.Skipf("the soak runs with %s=<duration> (make soak)", soakEnv)
	}
	length, err := time.ParseDuration(s)
	if err != nil || length <= 0 {
		t.Fatalf("%s=%q: want a duration such as 4m", soakEnv, s)
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv(soakSeedEnv); v != "" {
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("%s=%q: want a number", soakSeedEnv, v)
		}
	}
	t.Logf("seed %d (%s=%d replays it), for %v", seed, soakSeedEnv, seed, length)
	r := runSoak(t, soakOptions{fixture: newSoakFixture(t), seed: seed, length: length})
	t.Log(r.summary())
	if r.failure != nil {
		t.Fatal(r.report())
	}
}

// TestSoakCatchesFaults shows that the soak's detectors catch what they are for: the program
// is broken on purpose (QUIETROOM_SOAK_FAULT, honoured only with --dev) a few seconds into a
// short soak, which must fail with the matching finding.
func TestSoakCatchesFaults(t *testing.T) {
	if os.Getenv(soakEnv) == "" {
		t.Skipf("three short soaks of the real program: runs in make soak (%s set), before the soak itself", soakEnv)
	}
	for _, p := range []string{"Xvfb", "xwd", "xdotool"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Fatalf("%s is not installed: run make deps", p)
		}
	}
	fixture := newSoakFixture(t)
	for _, tc := range []struct{ fault, want string }{
		{"grow", findWindow},
		{"freeze", findFrozen},
		{"panic", findCrash},
	} {
		t.Run(tc.fault, func(t *testing.T) {
			r := runSoak(t, soakOptions{fixture: fixture, seed: 1, length: 100 * time.Second, fault: tc.fault + "@6s"})
			if r.failure == nil {
				t.Fatalf("the soak with %s=%s passed, want it to find %q\n%s", faultEnv, tc.fault, tc.want, r.summary())
			}
			if r.failure.kind != tc.want {
				t.Fatalf("the soak with %s=%s found %q, want %q\n%s", faultEnv, tc.fault, r.failure.kind, tc.want, r.report())
			}
			t.Logf("found as expected after %v: %s", r.failure.at.Round(time.Second), r.failure.msg)
		})
	}
}

// What a soak finds.
const (
	findWindow = "window size"
	findFrozen = "UI stopped drawing"
	findFit    = "screen does not fit"
	findCrash  = "crash"
	findLeak   = "leak"
	// findHarness is the soak's own trouble (xdotool refused a step), reported with its seed
	// and steps like the program's.
	findHarness = "soak harness"
)

type soakOptions struct {
	fixture *soakFixture
	seed    uint64
	length  time.Duration
	fault   string // QUIETROOM_SOAK_FAULT for the program, "" for none
}

type soakFailure struct {
	kind, msg string
	at        time.Duration // into the run
}

// soakResult is what a run found and saw.
type soakResult struct {
	opts    soakOptions
	failure *soakFailure
	steps   []string // the last soakHistory steps, oldest first
	nsteps  int
	screens map[string]int // screen name: times shown
	samples []soakSample
	shot    string // the screenshot kept at the failure
	output  string // the program's output, its end
}

type soakSample struct {
	at         time.Duration
	goroutines int
	pssMiB     float64
}

func (r *soakResult) summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "seed %d: %d steps, %d distinct screens shown:", r.opts.seed, r.nsteps, len(r.screens))
	names := make([]string, 0, len(r.screens))
	for n := range r.screens {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(&b, " %s×%d", n, r.screens[n])
	}
	if len(r.samples) > 0 {
		first, last := r.samples[0], r.samples[len(r.samples)-1]
		fmt.Fprintf(&b, "\ngoroutines %d → %d, PSS %.0f → %.0f MiB over %v",
			first.goroutines, last.goroutines, first.pssMiB, last.pssMiB, last.at.Round(time.Second))
	}
	return b.String()
}

func (r *soakResult) report() string {
	var b strings.Builder
	f := r.failure
	fmt.Fprintf(&b, "soak failed after %v: %s: %s\n", f.at.Round(time.Second), f.kind, f.msg)
	fmt.Fprintf(&b, "replay: make soak %s=%d (QUIETROOM_SOAK_FAULT=%q)\n", soakSeedEnv, r.opts.seed, r.opts.fault)
	fmt.Fprintf(&b, "the last %d of %d steps:\n", len(r.steps), r.nsteps)
	for _, s := range r.steps {
		fmt.Fprintf(&b, "  %s\n", s)
	}
	if r.shot != "" {
		fmt.Fprintf(&b, "screenshot: %s\n", r.shot)
	}
	fmt.Fprintf(&b, "%s\nthe program's output, its end:\n%s", r.summary(), r.output)
	return b.String()
}

// soakMap is where the buttons of the screens near Home, the interviewer's and the admin's
// menus are, and which screen each shows. It is read from the same UI laid out on the test
// driver (journey, as the smoke tests do) over a copy of the very data folder the real program
// runs on, so that lists and bars hold the same rows.
type soakMap struct {
	buttons map[string]map[string]fyne.Position // screen: button text: centre
	leads   map[string]map[string]string        // screen: button text: the screen it shows
}

// soakFixture is the data folder a soak starts from and the map of its screens: made once for
// a test and its subtests (seeding and mapping take a while), copied for each run.
type soakFixture struct {
	dir string
	m   *soakMap
}

func newSoakFixture(t *testing.T) *soakFixture {
	t.Helper()
	dir := seedSoakData(t)
	m := exploreSoakMap(t, dir)
	// The journeys the soak is for: a scripted way in must be able to reach each.
	for _, screen := range []string{"interviewer", "boards", "panels", "survey-team", "survey-list", "admin", "setup-engagement"} {
		if m.buttons[screen] == nil {
			t.Errorf("the soak's map does not reach the %s screen: its ways in have gone stale", screen)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return &soakFixture{dir: dir, m: m}
}

// soakBack is what a button that leads out of a screen says.
var soakBack = map[string]bool{"Back": true, "Cancel": true, "Sign out": true, "Done": true, "Go back": true}

// soakToggles change the theme for the whole app: the map is laid out in the default one, so
// it does not tap them (the random steps do, on the real program).
var soakToggles = map[string]bool{"Larger text": true, "High contrast": true}

// soakCredentials are the demo's, as the --dev run printed them.
type soakCredentials struct{ admin, interviewer, pin string }

var demoLines = regexp.MustCompile(`DEMO admin PIN:\s+(\d+)\nDEMO interviewer:\s+(.+)\nDEMO interviewer PIN:\s+(\d+)`)

func parseDemo(tb testing.TB, out string) soakCredentials {
	tb.Helper()
	m := demoLines.FindStringSubmatch(out)
	if m == nil {
		tb.Fatalf("no demo credentials in:\n%s", out)
	}
	return soakCredentials{admin: m[1], interviewer: strings.TrimSpace(m[2]), pin: m[3]}
}

// soakOpen opens the kiosk of a development folder in this process, as run --dev does.
func soakOpen(tb testing.TB, dir string) (*assemble.Kiosk, soakCredentials) {
	tb.Helper()
	cfg, err := parseRun([]string{"--dev", "--data", dir}, io.Discard)
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	k, err := assemble.Open(context.Background(), cfg.assembly(slog.New(slog.DiscardHandler), &out))
	if err != nil {
		tb.Fatalf("open %s: %v", dir, err)
	}
	return k, parseDemo(tb, out.String())
}

// seedSoakData makes the development folder the soak runs on: run --dev's demo data, and a
// recruitment whose panel is still to be set up, so that the demo interviewer has a way into
// the panels too.
func seedSoakData(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	k, cred := soakOpen(tb, dir)
	defer k.Close()
	ctx := context.Background()
	a, err := k.Kiosk.SignInAdmin(ctx, []byte(cred.admin))
	if err != nil {
		tb.Fatal(err)
	}
	_, err = k.Kiosk.CreateEngagement(ctx, a, kiosk.NewEngagement{
		Title: "Soak: recruitment, band 6", Kind: session.KindRecruitment,
		DeletionDate: session.DefaultDeletionDate(k.Kiosk.Now().In(time.Local)),
	})
	if err != nil {
		tb.Fatalf("seed a recruitment: %v", err)
	}
	return dir
}

// exploreSoakMap lays out the kiosk of a copy of dir on the test driver and taps its way two
// levels down from Home, the interviewer's menu and the admin's.
func exploreSoakMap(t *testing.T, dir string) *soakMap {
	t.Helper()
	copied := t.TempDir()
	copyDir(t, dir, copied)
	test.NewTempApp(t)
	k, cred := soakOpen(t, copied)
	t.Cleanup(k.Close)
	m := &soakMap{buttons: map[string]map[string]fyne.Position{}, leads: map[string]map[string]string{}}
	var j *journey
	note := func() {
		screen := j.u.Screen()
		if m.buttons[screen] != nil {
			return
		}
		m.buttons[screen] = map[string]fyne.Position{}
		m.leads[screen] = map[string]string{}
		for _, o := range j.objects() {
			var b *widget.Button
			switch x := o.(type) {
			case *ui.Button:
				b = &x.Button
			case *widget.Button:
				b = x
			default:
				continue
			}
			if b.Disabled() || b.Text == "" {
				continue
			}
			if _, seen := m.buttons[screen][b.Text]; !seen {
				m.buttons[screen][b.Text] = j.centre(b)
			}
		}
	}
	// tap taps the first enabled button saying text and notes where it leads and the screen it
	// shows; false if there is none.
	tap := func(text string) bool {
		t.Helper()
		from := j.u.Screen()
		if !j.has(text) {
			return false
		}
		test.Tap(j.button(text, 0))
		if to := j.u.Screen(); to != from {
			m.leads[from][text] = to
		}
		note()
		return true
	}
	pin := func(p string) {
		for _, r := range p {
			test.Tap(j.button(string(r), 0))
		}
	}
	fresh := func(enter func()) {
		if j != nil {
			j.u.Stop()
			j.w.Close()
		}
		w := test.NewWindow(nil)
		w.Resize(fyne.NewSize(800, 480))
		opts := k.UI
		opts.NoTicker = true
		u := ui.New(w, k.Kiosk, opts)
		u.Start()
		j = &journey{tb: t, u: u, w: w}
		note()
		enter()
	}
	t.Cleanup(func() { j.u.Stop(); j.w.Close() })
	roots := []struct {
		screen string
		enter  func()
	}{
		{"home", func() {}},
		{"interviewer", func() { tap("Start"); tap(cred.interviewer); pin(cred.pin); tap("OK") }},
		{"admin", func() { tap("Admin"); pin(cred.admin); tap("OK") }},
	}
	for _, root := range roots {
		fresh(root.enter)
		if got := j.u.Screen(); got != root.screen {
			t.Fatalf("the map's way in reached %s, want %s", got, root.screen)
		}
		// Each way on from the root, and each way on from there: two levels.
		for _, a := range sortedKeys(m.buttons[root.screen]) {
			if soakBack[a] || soakToggles[a] {
				continue
			}
			if j.u.Screen() != root.screen {
				fresh(root.enter)
			}
			if !tap(a) {
				continue
			}
			level1 := j.u.Screen()
			if level1 == root.screen || len(m.leads[level1]) > 0 {
				continue // no screen, or one already explored
			}
			for _, b := range sortedKeys(m.buttons[level1]) {
				if j.u.Screen() != level1 {
					fresh(root.enter)
					if !tap(a) || j.u.Screen() != level1 {
						break
					}
				}
				tap(b)
			}
		}
	}
	return m
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// soaker is one run's state.
type soaker struct {
	t       *testing.T
	rng     *rand.Rand
	display string
	k       *kioskProc
	m       *soakMap
	cred    soakCredentials
	start   time.Time
	r       *soakResult

	seen       int    // bytes of the program's output already read
	screen     string // the screen shown last
	shownCount int    // "screen shown" lines so far
	goroutines int    // from the last "runtime stats" line

	frames     uint64    // from the last "runtime stats" line
	framesAt   time.Time // when frames last grew
	statsAt    time.Time // when the last stats line came
	nextSample time.Time
	lastStep   time.Duration // into the run
}

// errSoak ends a run: the failure is in soakResult.
type errSoak struct{ f *soakFailure }

func runSoak(t *testing.T, o soakOptions) *soakResult {
	t.Helper()
	for _, p := range []string{"Xvfb", "xwd", "xdotool"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Fatalf("%s is not installed: run make deps", p)
		}
	}
	r := &soakResult{opts: o, screens: map[string]int{}}
	dir := t.TempDir()
	copyDir(t, o.fixture.dir, dir)
	m := o.fixture.m
	display := startXvfb(t)
	k := startChild(t, "quietroom", display, kioskChildEnv+"=run", kioskDataEnv+"="+dir, "NOTIFY_SOCKET=",
		statsEnv+"="+soakStatsEvery.String(), faultEnv+"="+o.fault)
	if _, _, err := k.waitDrawn(60*time.Second, 100*time.Millisecond); err != nil {
		t.Fatalf("%v\nprogram output:\n%s", err, k.output())
	}
	s := &soaker{
		t: t, rng: rand.New(rand.NewPCG(o.seed, o.seed^0x9e3779b97f4a7c15)), display: display, k: k, m: m,
		cred: parseDemo(t, k.output()), start: time.Now(), r: r,
	}
	func() {
		defer func() {
			if e := recover(); e != nil {
				if es, ok := e.(errSoak); ok {
					r.failure = es.f
					return
				}
				panic(e)
			}
		}()
		s.run(o.length)
	}()
	if r.failure != nil {
		s.keepScreenshot()
		lines := strings.Split(strings.TrimRight(k.output(), "\n"), "\n")
		r.output = strings.Join(lines[max(0, len(lines)-40):], "\n")
	}
	return r
}

func (s *soaker) fail(kind, format string, args ...any) {
	panic(errSoak{&soakFailure{kind: kind, msg: fmt.Sprintf(format, args...), at: time.Since(s.start)}})
}

func (s *soaker) run(length time.Duration) {
	s.nextSample = time.Now()
	for time.Since(s.start) < length {
		s.check()
		if s.screen == "home" && s.rng.IntN(3) > 0 {
			s.wayIn()
		}
		for range 8 + s.rng.IntN(20) {
			s.randomStep()
			s.check()
		}
		s.homeward()
	}
	s.check()
	s.leaks()
}

// step records what is about to be done.
func (s *soaker) step(format string, args ...any) {
	s.r.nsteps++
	now := time.Since(s.start)
	if gap := now - s.lastStep; s.r.nsteps > 1 && gap > soakSlowStep {
		// A UI that answers slowly shows here first.
		s.r.steps = append(s.r.steps, fmt.Sprintf("     (the step above and its checks took %.1fs)", gap.Seconds()))
	}
	s.lastStep = now
	line := fmt.Sprintf("%4d %6.1fs [%s] %s", s.r.nsteps, now.Seconds(), s.screen, fmt.Sprintf(format, args...))
	s.r.steps = append(s.r.steps, line)
	if n := len(s.r.steps); n > soakHistory {
		s.r.steps = s.r.steps[n-soakHistory:]
	}
}

func (s *soaker) xdo(args ...string) {
	if err := xdo(s.display, args...); err != nil {
		s.read()
		if s.k.exited() {
			s.fail(findCrash, "the program exited (%v) while xdotool ran", s.k.err)
		}
		s.fail(findHarness, "%v", err)
	}
}

// tap moves and clicks in one xdotool run, whose steps X takes in order. (mousemove --sync
// waits for the pointer to move, and so for ever, or until something else moves it, when it
// is already there: a PIN with a digit twice.)
func (s *soaker) tap(x, y int) {
	s.xdo("mousemove", strconv.Itoa(x), strconv.Itoa(y), "click", "1")
}

func (s *soaker) pause() {
	time.Sleep(time.Duration(80+s.rng.IntN(300)) * time.Millisecond)
}

// navigate taps the button label of screen where the map has it, and waits for the screen the
// map saw it show. A UI that is drawing shows a screen; when none comes within
// soakScreenWithin, the frame count tells a frozen UI from a tap the real screen does not
// answer as the map's does (its data differ). It reports whether the map's screen came.
func (s *soaker) navigate(label, screen string) bool {
	s.read()
	at, known := s.m.buttons[screen][label]
	want := s.m.leads[screen][label]
	if s.screen != screen || !known || want == "" {
		return false
	}
	before := s.shownCount
	s.step("scripted tap %q at (%.0f,%.0f), expecting %s", label, at.X, at.Y, want)
	s.tap(int(at.X), int(at.Y))
	deadline := time.Now().Add(soakScreenWithin)
	nextCheck := time.Now().Add(time.Second)
	for {
		s.read()
		if time.Now().After(nextCheck) { // the other detectors go on while it waits
			s.check()
			nextCheck = time.Now().Add(time.Second)
		}
		if s.shownCount > before {
			// Let a second screen shown at once (a step that leads straight on) arrive.
			time.Sleep(150 * time.Millisecond)
			s.read()
			return s.screen == want
		}
		if time.Now().After(deadline) {
			s.check() // fails if the frames stopped too
			s.step("(no screen after the tap, but frames are painted: the real %s differs from the map's)", screen)
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// wayIn signs in from Home, as the demo interviewer or the admin, and walks up to two of the
// ways on the map knows from there; random steps go on from where it ends.
func (s *soaker) wayIn() {
	pinPad, root := "pin", "interviewer"
	if s.rng.IntN(4) == 0 {
		pinPad, root = "admin-sign-in", "admin"
		if !s.navigate("Admin", "home") {
			return
		}
	} else {
		if !s.navigate("Start", "home") {
			return
		}
		if !s.navigate(s.m.leadTo("sign-in", "pin"), "sign-in") {
			return
		}
	}
	pin := s.cred.pin
	if root == "admin" {
		pin = s.cred.admin
	}
	for _, r := range pin {
		at := s.m.buttons[pinPad][string(r)]
		s.step("PIN digit at (%.0f,%.0f)", at.X, at.Y)
		s.tap(int(at.X), int(at.Y))
		time.Sleep(60 * time.Millisecond)
	}
	if !s.navigate("OK", pinPad) {
		return
	}
	for range 2 {
		ways := sortedKeys(s.m.leads[s.screen])
		ways = slices.DeleteFunc(ways, func(w string) bool { return soakBack[w] })
		if len(ways) == 0 || s.rng.IntN(5) == 0 {
			return
		}
		if !s.navigate(ways[s.rng.IntN(len(ways))], s.screen) {
			return
		}
	}
}

// leadTo is the text of a button on screen that the map saw lead to next.
func (m *soakMap) leadTo(screen, next string) string {
	for _, text := range sortedKeys(m.leads[screen]) {
		if m.leads[screen][text] == next {
			return text
		}
	}
	return ""
}

var soakKeys = []string{"Tab", "shift+Tab", "space", "Return", "Escape", "BackSpace", "Up", "Down", "Left", "Right", "Delete", "KP_Enter"}

// randomStep is one random input.
func (s *soaker) randomStep() {
	switch n := s.rng.IntN(100); {
	case n < 35:
		x, y := s.rng.IntN(800), s.rng.IntN(480)
		s.step("tap (%d,%d)", x, y)
		s.tap(x, y)
	case n < 60:
		// A button the map knows on this screen, if it knows the screen.
		if known := s.m.buttons[s.screen]; len(known) > 0 {
			texts := make([]string, 0, len(known))
			for text := range known {
				texts = append(texts, text)
			}
			slices.Sort(texts)
			text := texts[s.rng.IntN(len(texts))]
			at := known[text]
			s.step("tap %q at (%.0f,%.0f)", text, at.X, at.Y)
			s.tap(int(at.X), int(at.Y))
			break
		}
		// Else somewhere in the lower part, where most screens keep their buttons.
		x, y := s.rng.IntN(800), 300+s.rng.IntN(180)
		s.step("tap low (%d,%d)", x, y)
		s.tap(x, y)
	case n < 70:
		pts := 2 + s.rng.IntN(4)
		x, y := s.rng.IntN(800), s.rng.IntN(480)
		desc := fmt.Sprintf("drag (%d,%d)", x, y)
		args := []string{"mousemove", strconv.Itoa(x), strconv.Itoa(y), "mousedown", "1"}
		for range pts {
			x = min(max(x+s.rng.IntN(241)-120, 0), 799)
			y = min(max(y+s.rng.IntN(161)-80, 0), 479)
			desc += fmt.Sprintf("→(%d,%d)", x, y)
			args = append(args, "sleep", "0.03", "mousemove", strconv.Itoa(x), strconv.Itoa(y))
		}
		s.step("%s", desc)
		s.xdo(append(args, "mouseup", "1")...)
	case n < 82:
		const letters = "abcdefghijklmnopqrstuvwxyz ABCDEFG0123456789.,'-"
		b := make([]byte, 1+s.rng.IntN(14))
		for i := range b {
			b[i] = letters[s.rng.IntN(len(letters))]
		}
		b[0] = letters[s.rng.IntN(26)] // a leading '-' would be read as an option of xdotool's
		s.step("type %q", b)
		s.xdo("type", "--delay", "15", string(b))
	default:
		key := soakKeys[s.rng.IntN(len(soakKeys))]
		s.step("key %s", key)
		s.xdo("key", key)
	}
	s.pause()
}

// homeward makes a few attempts to come back to Home for the next way in: the way out of the
// screen shown where the map knows the screen, else the places where the map's screens keep
// their ways out, most used first. What it does not bring home, random steps and the idle
// time-out do.
func (s *soaker) homeward() {
	spots := s.m.backSpots()
	for try := range 8 {
		s.read()
		if s.screen == "home" {
			return
		}
		var out []string
		for text := range s.m.buttons[s.screen] {
			if soakBack[text] {
				out = append(out, text)
			}
		}
		slices.Sort(out)
		var at fyne.Position
		switch {
		case len(out) > 0:
			text := out[s.rng.IntN(len(out))]
			at = s.m.buttons[s.screen][text]
			s.step("homeward tap %q at (%.0f,%.0f)", text, at.X, at.Y)
		case try < len(spots):
			at = spots[try]
			s.step("homeward tap at (%.0f,%.0f), where screens keep their way out", at.X, at.Y)
		default:
			s.step("key Escape (homeward)")
			s.xdo("key", "Escape")
			s.pause()
			continue
		}
		s.tap(int(at.X), int(at.Y))
		time.Sleep(400 * time.Millisecond)
	}
}

// backSpots are the places of the ways out (soakBack) on the map's screens, the most used
// first.
func (m *soakMap) backSpots() []fyne.Position {
	count := map[fyne.Position]int{}
	for _, screen := range m.buttons {
		for text, at := range screen {
			if soakBack[text] {
				count[at]++
			}
		}
	}
	spots := make([]fyne.Position, 0, len(count))
	for at := range count {
		spots = append(spots, at)
	}
	slices.SortFunc(spots, func(a, b fyne.Position) int {
		if d := count[b] - count[a]; d != 0 {
			return d
		}
		if a.Y != b.Y {
			return int(a.Y - b.Y)
		}
		return int(a.X - b.X)
	})
	return spots
}

var (
	shownName = regexp.MustCompile(`msg="screen shown".* name=(\S+)`)
	statsLine = regexp.MustCompile(`msg="runtime stats".* goroutines=(\d+) frames=(\d+)`)
)

// read takes in the program's new output lines.
func (s *soaker) read() {
	out := s.k.output()
	if len(out) <= s.seen {
		return
	}
	chunk := out[s.seen:]
	end := strings.LastIndexByte(chunk, '\n')
	if end < 0 {
		return
	}
	s.seen += end + 1
	for _, line := range strings.Split(chunk[:end], "\n") {
		switch {
		case strings.Contains(line, "panic:") || strings.Contains(line, "fatal error:"):
			s.fail(findCrash, "%s", line)
		case strings.Contains(line, `msg="screen does not fit"`):
			s.fail(findFit, "%s", line)
		}
		if m := shownName.FindStringSubmatch(line); m != nil {
			s.screen = strings.Trim(m[1], `"`)
			s.shownCount++
			s.r.screens[s.screen]++
		}
		if m := statsLine.FindStringSubmatch(line); m != nil {
			s.goroutines, _ = strconv.Atoi(m[1])
			frames, _ := strconv.ParseUint(m[2], 10, 64)
			now := time.Now()
			if s.framesAt.IsZero() || frames > s.frames {
				s.frames, s.framesAt = frames, now
			}
			s.statsAt = now
		}
	}
}

// check runs the detectors that need no scripted step.
func (s *soaker) check() {
	s.read()
	if s.k.exited() {
		// The output copier may still hold the last lines (the panic's): give it a moment.
		time.Sleep(300 * time.Millisecond)
		s.read()
		s.fail(findCrash, "the program exited: %v", s.k.err)
	}
	if w, h, err := geometry(s.display); err != nil {
		s.read()
		if s.k.exited() {
			s.fail(findCrash, "the program exited: %v", s.k.err)
		}
		s.fail(findWindow, "%v", err)
	} else if w != 800 || h != 480 {
		s.fail(findWindow, "the window is %dx%d, want the screen's 800x480", w, h)
	}
	switch {
	case s.statsAt.IsZero():
		if time.Since(s.start) > soakStatsWithin {
			s.fail(findFrozen, "no runtime stats line within %v of the start", soakStatsWithin)
		}
	case time.Since(s.statsAt) > soakStatsWithin:
		s.fail(findFrozen, "the program has logged no runtime stats for %v: the whole program stopped", time.Since(s.statsAt).Round(time.Second))
	case time.Since(s.framesAt) > soakScreenWithin:
		s.fail(findFrozen, "no frame painted for %v (frames=%d), though each stats line asks for one", time.Since(s.framesAt).Round(time.Second), s.frames)
	}
	if time.Now().After(s.nextSample) {
		s.nextSample = time.Now().Add(10 * time.Second)
		if s.goroutines > 0 { // the program has logged its count
			s.r.samples = append(s.r.samples, soakSample{at: time.Since(s.start), goroutines: s.goroutines, pssMiB: treePSSMiB(s.t, s.k.pid())})
			s.leaks()
		}
	}
}

// Bounds of growth over a run: what the trailing minute's lowest sample may exceed the lowest of
// the run's second and third minute by (the first minute warms caches and fonts). Lowest
// samples, so that a burst of work is not taken for a leak.
const (
	soakGoroutineGrowth = 40
	soakPSSGrowthMiB    = 150.0
	soakPSSMaxMiB       = 700.0
)

// leaks fails on a PSS above its bound, and on goroutines or PSS grown past the bounds once the
// run is long enough to have a baseline.
func (s *soaker) leaks() {
	n := len(s.r.samples)
	if n == 0 {
		return
	}
	if last := s.r.samples[n-1]; last.pssMiB > soakPSSMaxMiB {
		s.fail(findLeak, "PSS is %.0f MiB, above the bound of %.0f MiB", last.pssMiB, soakPSSMaxMiB)
	}
	now := s.r.samples[n-1].at
	if now < 4*time.Minute {
		return
	}
	base := soakSample{goroutines: 1 << 30, pssMiB: 1e9}
	trail := base
	for _, x := range s.r.samples {
		if x.at >= time.Minute && x.at < 3*time.Minute {
			base.goroutines, base.pssMiB = min(base.goroutines, x.goroutines), min(base.pssMiB, x.pssMiB)
		}
		if x.at >= now-time.Minute {
			trail.goroutines, trail.pssMiB = min(trail.goroutines, x.goroutines), min(trail.pssMiB, x.pssMiB)
		}
	}
	if trail.goroutines > base.goroutines+soakGoroutineGrowth {
		s.fail(findLeak, "goroutines grew from %d to at least %d over the last minute", base.goroutines, trail.goroutines)
	}
	if trail.pssMiB > base.pssMiB+soakPSSGrowthMiB {
		s.fail(findLeak, "PSS grew from %.0f to at least %.0f MiB over the last minute", base.pssMiB, trail.pssMiB)
	}
}

// keepScreenshot saves the display's picture where it outlives the test's folders.
func (s *soaker) keepScreenshot() {
	img, err := screenshot(s.display)
	if err != nil {
		s.t.Logf("no screenshot: %v", err)
		return
	}
	dir, err := os.MkdirTemp("", "quietroom-soak-")
	if err != nil {
		s.t.Logf("no screenshot: %v", err)
		return
	}
	s.r.shot = filepath.Join(dir, fmt.Sprintf("seed-%d.png", s.r.opts.seed))
	savePNG(s.t, s.r.shot, img)
}

// geometry is the kiosk window's size as X sees it, or why it cannot be read.
func geometry(display string) (int, int, error) {
	cmd := exec.Command("xdotool", "search", "--name", "Quiet Room", "getwindowgeometry")
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, 0, fmt.Errorf("xdotool getwindowgeometry: %v: %s", err, bytes.TrimSpace(out))
	}
	m := geometryLine.FindSubmatch(out)
	if m == nil {
		return 0, 0, fmt.Errorf("no geometry in %q", out)
	}
	w, _ := strconv.Atoi(string(m[1]))
	h, _ := strconv.Atoi(string(m[2]))
	return w, h, nil
}
