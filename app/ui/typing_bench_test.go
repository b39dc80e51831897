package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/app/ui/uitest"
)

// BenchmarkNoteKeystroke types into the notes of a live session's questions screen (800x480,
// fyne test driver, kiosktest fakes) holding 500, 5,000 and 20,000 characters: one operation
// is a letter typed at the end of the note and erased again with Backspace, so the note keeps
// its length. It reports the cost of one key (half an operation), everything a key does on
// this driver included: the entry's edit and layout, the screen's "Saved" and the engine's
// sealed save. The goal is a key at 20,000 characters within 2 x a key at 500;
// BenchmarkNoteKeystrokeRatio reports that ratio.
//
// Where the time goes (pprof, Fyne v2.7.1): nearly all of it is in the Entry's RichText, which
// holds its whole text as one segment. Its renderer's Refresh converts that whole segment to
// runes once for every wrapped row (rows x length: quadratic in the text's length, and most of
// the allocations), and updateRowBounds re-wraps and re-measures the whole text, twice a key.
// The notes are therefore a noteEditor, whose Entry holds only the block being typed into (at
// most blockSplit runes): the key's cost no longer grows with the note, and what is left that
// does (joining the note for OnChanged, sealing and storing it) is a small part.
func BenchmarkNoteKeystroke(b *testing.B) {
	for _, n := range noteSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			notes := notesOfLiveSession(b, n)
			b.ReportAllocs()
			for b.Loop() {
				typeAndErase(notes)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N)/1e3, "µs/key")
		})
	}
}

// BenchmarkNoteKeystrokeRatio measures a key at 500 and at 20,000 characters side by side,
// interleaved in rounds (the machine's noise falls on both alike), and reports the ratio of
// the medians: the goal is at most 2.
func BenchmarkNoteKeystrokeRatio(b *testing.B) {
	const rounds, keys = 5, 20
	small, large := notesOfLiveSession(b, noteSizes[0]), notesOfLiveSession(b, noteSizes[len(noteSizes)-1])
	perKey := func(e *kbEntry) float64 {
		start := time.Now()
		for range keys / 2 {
			typeAndErase(e)
		}
		return float64(time.Since(start).Nanoseconds()) / keys / 1e3
	}
	var s, l []float64
	for range b.N {
		for range rounds {
			s = append(s, perKey(small))
			l = append(l, perKey(large))
		}
	}
	ratio := median(l) / median(s)
	b.ReportMetric(median(s), "µs/key-500")
	b.ReportMetric(median(l), "µs/key-20000")
	b.ReportMetric(ratio, "x-at-20000")
	b.Logf("goal: a key in a note of 20,000 characters %.0f µs <= 2 x a key at 500 (%.0f µs) = %.0f µs: %s (%.1f x)",
		median(l), median(s), 2*median(s), passFail(ratio <= 2), ratio)
}

func passFail(ok bool) string {
	if ok {
		return "pass"
	}
	return "FAIL"
}

var noteSizes = []int{500, 5000, 20000}

// typeAndErase types a letter at the cursor and erases it, as a person correcting a typo does.
func typeAndErase(e *kbEntry) {
	e.TypedRune('x')
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// notesOfLiveSession starts an interview in a new 800x480 test window, reaches its questions
// screen, fills the first topic's notes with n characters of prose in paragraphs, and puts the
// cursor at the end, where a person writing adds words.
func notesOfLiveSession(tb testing.TB, n int) *kbEntry {
	tb.Helper()
	test.NewTempApp(tb)
	env, d := kiosktest.Seeded(tb)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(800, 480))
	tb.Cleanup(w.Close)
	u := New(w, env.Kiosk, Options{NoTicker: true})
	u.Start()
	tb.Cleanup(u.Stop)

	objects := func() []fyne.CanvasObject { return uitest.Objects(w.Content()) }
	tap := func(text string, nth int) {
		tb.Helper()
		for _, o := range objects() {
			if b, ok := o.(*Button); ok && b.Text == text && !b.Disabled() {
				if nth == 0 {
					test.Tap(b)
					return
				}
				nth--
			}
		}
		tb.Fatalf("screen %s: no button %q", u.Screen(), text)
	}
	has := func(text string) bool {
		for _, o := range objects() {
			if b, ok := o.(*Button); ok && b.Text == text && !b.Disabled() {
				return true
			}
		}
		return false
	}
	pin := func() {
		for _, r := range d.InterviewerPIN {
			tap(string(r), 0)
		}
		tap("OK", 0)
	}
	tap("Start", 0)
	tap(d.InterviewerName, 0)
	pin()
	tap("Start a new session", 0)
	tap(d.EngagementTitle, 0)
	tap("360-degree leadership interview (30 min)", 0)
	tap("Next", 0)
	tap("peers", 0)
	tap("Start session", 0)
	tap("Hand the screen to the interviewee", 0)
	for u.Screen() == "preamble" {
		if has("Continue to consent") {
			tap("Continue to consent", 0)
		} else {
			tap("Next", 0)
		}
	}
	tap("Yes", 0)
	tap("Yes", 1)
	tap("No", 2)
	tap("Confirm my choices", 0)
	pin()
	if u.Screen() != "questions" {
		tb.Fatalf("screen = %s, want questions", u.Screen())
	}

	var notes *noteEditor
	for _, o := range objects() {
		if e, ok := o.(*noteEditor); ok {
			notes = e
			break
		}
	}
	if notes == nil {
		tb.Fatal("the questions screen has no notes field")
	}
	notes.SetText(prose(n)) // the cursor waits at the end
	field := notes.Field()
	w.Canvas().Focus(field)
	typeAndErase(field) // the first key lays the entry out at this length: not timed
	if got := len([]rune(notes.Text())); got != n {
		tb.Fatalf("the note holds %d characters, want %d", got, n)
	}
	if topic, _, err := u.engine.CurrentTopic(); err != nil || u.engine.Note(topic.ID) != notes.Text() {
		tb.Fatalf("the engine did not save the note as typed (%v)", err)
	}
	return field
}

// prose is n characters of notes as an interviewer writes them: sentences, with a new
// paragraph every 400 characters or so.
func prose(n int) string {
	const sentence = "They gave a clear example of delegating to the team and said what changed after. "
	var s strings.Builder
	for s.Len() < n {
		s.WriteString(sentence)
		if s.Len()%400 < len(sentence) {
			s.WriteString("\n")
		}
	}
	return s.String()[:n]
}
