package ui

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/ui/uitest"
)

// storyWords are the words typingStory draws from: short and long, capitals, digits,
// punctuation and letters beyond ASCII, so that a row fills up at every kind of key.
var storyWords = strings.Fields(`said in the team I a we felt heard when decisions were
explained; Zoë's café über niño señor déjà-vu (maybe) 12 3.5 100% 2024, yes! no? "quoted"
it's manager's long-standing collaboration responsibilities — x, y: z ok
a I i o é ü ñ in it of to 1 7 a. I, is on at é ü`)

// typingStory is n runes of notes as a person types them: words of every length and a line
// break now and then. With panel set, only what the on-screen keyboard's letter keys type.
func typingStory(seed uint64, n int, panel bool) string {
	rnd := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	count := 0
	for count < n {
		w := storyWords[rnd.IntN(len(storyWords))]
		if panel {
			w = strings.Map(func(r rune) rune {
				if r < 128 && (unicode.IsLetter(r) || strings.ContainsRune(",.?'", r)) {
					return r
				}
				return -1
			}, w)
		}
		if w == "" {
			continue
		}
		sep := " "
		if rnd.IntN(40) == 0 {
			sep = "\n"
		}
		b.WriteString(w + sep)
		count += utf8.RuneCountInString(w) + 1
	}
	return string([]rune(b.String())[:n])
}

// windowKeys is the name of the key a physical keyboard presses for r, and whether Shift is
// held for it, as the desktop driver reports them.
func windowKeys(r rune) (fyne.KeyName, bool) {
	switch {
	case r == ' ':
		return fyne.KeySpace, false
	case r >= 'a' && r <= 'z':
		return fyne.KeyName(strings.ToUpper(string(r))), false
	case r >= 'A' && r <= 'Z':
		return fyne.KeyName(string(r)), true
	case r >= '0' && r <= '9':
		return fyne.KeyName(string(r)), false
	}
	names := map[rune]fyne.KeyName{',': fyne.KeyComma, '.': fyne.KeyPeriod, ';': fyne.KeySemicolon,
		'\'': fyne.KeyApostrophe, '-': fyne.KeyMinus, '/': fyne.KeySlash}
	if n, ok := names[r]; ok {
		return n, false
	}
	return "", strings.ContainsRune(`!?"():%`, r) // a key the driver has no name for
}

// pressKey types r as the desktop driver delivers a physical key: KeyDown, then TypedKey
// with the key's name (Return alone for a line break), then TypedRune with the character,
// then KeyUp; Shift around it for capitals.
func pressKey(f *kbEntry, r rune) {
	if r == '\n' {
		k := &fyne.KeyEvent{Name: fyne.KeyReturn}
		f.KeyDown(k)
		f.TypedKey(k)
		f.KeyUp(k)
		return
	}
	name, shift := windowKeys(r)
	sh := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	if shift {
		f.KeyDown(sh)
		f.TypedKey(sh)
	}
	k := &fyne.KeyEvent{Name: name}
	f.KeyDown(k)
	f.TypedKey(k)
	f.TypedRune(r)
	f.KeyUp(k)
	if shift {
		f.KeyUp(sh)
	}
}

// typist types a story into a screen's note and checks, after every key, that the note
// shown and the note saved are exactly what was typed.
type typist struct {
	t    *testing.T
	h    *harness
	want string
	// wrapped counts the spaces that ended a row where the Entry could not show the cursor
	// after them.
	wrapped int
}

// typeStory types story at the cursor, which is at offset at of the note, with type1 for
// each rune; between (if set) runs between keys, as a window lays out and draws between
// events.
func (ty *typist) typeStory(story string, at int, type1 func(rune), between func(i int)) {
	ty.t.Helper()
	for i, r := range []rune(story) {
		w := []rune(ty.want)
		ty.want = string(w[:at]) + string(r) + string(w[at:])
		at++
		type1(r)
		ed := ty.h.note()
		if got := ed.Text(); got != ty.want {
			ty.t.Fatalf("key %d (%q): the note differs from what was typed:\n%s", i, r, noteDiff(got, ty.want))
		}
		if got := ed.cursor(); got != at {
			ty.t.Fatalf("key %d (%q): the cursor is at %d, want %d after what was typed", i, r, got, at)
		}
		if r == ' ' && ed.entry.CursorTextOffset() != ed.entry.Caret() {
			ty.wrapped++
		}
		if between != nil {
			between(i)
		}
	}
}

// checkSaved checks that the note saved is what was typed.
func (ty *typist) checkSaved() {
	ty.t.Helper()
	if got := ty.h.savedNote(); got != ty.want {
		ty.t.Fatalf("the saved note differs from what was typed:\n%s", noteDiff(got, ty.want))
	}
}

// typeToWraps types about n runes at the cursor, word by word, choosing each word
// so that the space after it lands where the row wraps, on as many rows as it can: a word
// that fits the row but leaves no room for a space. It returns how many rows it filled.
func (ty *typist) typeToWraps(seed uint64, n int, panel bool, type1 func(rune), between func(int)) (rows int) {
	ty.t.Helper()
	if testing.Short() {
		n /= 3 // make test runs this package under the race detector with -short too
	}
	rnd := rand.New(rand.NewPCG(seed, 11))
	ed := ty.h.note()
	words := map[string]bool{}
	for _, w := range strings.Fields(typingStory(seed, 3000, panel)) {
		words[w] = true
	}
	vocabulary := slices.Sorted(maps.Keys(words))
	e := ed.entry
	_, measure := wrapWidth(ty.t, e)
	wordWidth := map[string]float32{}
	for _, w := range vocabulary {
		wordWidth[w] = measure(w)
	}
	space := measure(" ")
	var w string
	for typed := 0; typed < n; typed += utf8.RuneCountInString(w) + 1 {
		// The row's width and a word's add up, near enough for choosing words: whether the
		// space did land at the wrap is counted from the entry itself.
		width, _ := wrapWidth(ty.t, e) // the field's width changes as the panel opens or closes
		used := float32(0)
		if at := e.Caret(); e.CursorTextOffset() == at { // else the last space wrapped: a row starts
			row, _ := e.rowCol(at)
			used = measure(string([]rune(e.Text)[e.rowStart(row):at]))
		}
		var fill, room []string
		for _, w := range vocabulary {
			switch end := used + wordWidth[w]; {
			case end <= width-1 && end+space > width+1:
				fill = append(fill, w)
			case end+space <= width:
				room = append(room, w)
			}
		}
		switch {
		case len(fill) > 0:
			w = fill[rnd.IntN(len(fill))]
			rows++
		case len(room) > 0:
			w = room[rnd.IntN(len(room))]
		default:
			w = vocabulary[rnd.IntN(len(vocabulary))]
			rows++
		}
		ty.typeStory(w+" ", ty.h.note().cursor(), type1, between)
	}
	ty.checkSaved()
	ty.t.Logf("%d rows filled, a space at the wrap of %d", rows, ty.wrapped)
	return rows
}

// wrapWidth is the width the entry wraps its text at, and how it measures text.
func wrapWidth(t *testing.T, e *kbEntry) (float32, func(string) float32) {
	t.Helper()
	th := e.Theme()
	size := th.Size(theme.SizeNameText)
	measure := func(s string) float32 { return fyne.MeasureText(s, size, e.TextStyle).Width }
	for _, o := range uitest.Objects(e) {
		if rt, ok := o.(*widget.RichText); ok && rt.String() == e.Text {
			return rt.Size().Width - 2*th.Size(theme.SizeNameInnerPadding), measure
		}
	}
	t.Fatal("the entry shows no text")
	return 0, nil
}

// noteDiff shows where got first differs from want, with some text around it.
func noteDiff(got, want string) string {
	g, w := []rune(got), []rune(want)
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	from := max(0, i-40)
	return fmt.Sprintf("first difference at rune %d of %d (want %d):\n got  …%q…\n want …%q…",
		i, len(g), len(w), string(g[from:min(len(g), i+40)]), string(w[from:min(len(w), i+40)]))
}

// TestNoteTypingKeepsEverySpace types long notes as a person does, key by key, and requires
// the note shown and saved to be exactly what was typed after every key: with the normal and
// the larger text, on a physical keyboard (the keys as the desktop driver delivers them: a
// key event before each character) with the on-screen keyboard closed or open, and on the
// on-screen keyboard's own keys. Spaces land at the end of many wrapped rows; a space there
// used to leave the Entry's cursor before it, so the next word went in before the space
// ("said in" became "saidin", the space last).
func TestNoteTypingKeepsEverySpace(t *testing.T) {
	for _, large := range []bool{false, true} {
		for _, how := range []string{"physical keys", "physical keys, on-screen keyboard open", "on-screen keyboard"} {
			name := how
			if large {
				name += ", larger text"
			}
			t.Run(name, func(t *testing.T) {
				h := newHarness(t)
				if large {
					h.tap("Larger text")
				}
				h.toQuestions()
				ed := h.note()
				field := ed.Field()
				type1 := func(r rune) { pressKey(field, r) }
				switch how {
				case "physical keys":
					h.w.Canvas().Focus(field)
					pressKey(field, 'x')
					field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
				case "physical keys, on-screen keyboard open":
					h.w.Canvas().Focus(field)
					pressKey(field, 'x') // the first physical key closes the panel
					field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
					h.tap("Keyboard")
					if !contains(h.buttonTexts(), "Space") {
						t.Fatal("the Keyboard button did not open the on-screen keyboard")
					}
				case "on-screen keyboard":
					h.w.Canvas().Focus(field)
					if !contains(h.buttonTexts(), "Space") {
						t.Fatal("tapping into the notes did not open the on-screen keyboard")
					}
					type1 = func(r rune) {
						switch {
						case r == ' ':
							h.tap("Space")
						case r == '\n':
							h.tap("New line")
						case unicode.IsUpper(r):
							h.tap("Shift")
							h.tap(string(r))
						default:
							h.tap(string(r))
						}
					}
				}
				ty := &typist{t: t, h: h}
				n := 600
				if how == "on-screen keyboard" {
					n = 400 // each key a tap on the screen
				}
				rows := ty.typeToWraps(uint64(len(name)), n, how == "on-screen keyboard", type1, nil)
				if ty.wrapped < rows/2 {
					t.Errorf("a space typed ended %d of %d wrapped rows, want at least half for the test to mean something", ty.wrapped, rows)
				}
			})
		}
	}
}

// TestNoteTypingThroughLayoutAndTime: keys typed while the window lays the field out again
// between them (as a real window does before it draws), while the session's timer passes
// minutes, and across a change of text size in the middle of the note, still arrive exactly.
func TestNoteTypingThroughLayoutAndTime(t *testing.T) {
	h := newHarness(t)
	h.toQuestions()
	ed := h.note()
	field := ed.Field()
	h.w.Canvas().Focus(field)
	ty := &typist{t: t, h: h}
	between := func(i int) {
		field.Refresh()
		ed.Refresh()
		if i%5 == 0 {
			h.w.Content().Refresh()
		}
		if i%37 == 0 {
			h.env.Clock.Advance(time.Minute)
			h.u.Tick()
		}
	}
	type1 := func(r rune) { pressKey(field, r) }
	rows := ty.typeToWraps(3, 400, false, type1, between)
	largeText(h, true) // the text wraps anew under the cursor
	rows += ty.typeToWraps(4, 300, false, type1, between)
	h.tap("Keyboard") // the panel opens and the screen's layout changes
	rows += ty.typeToWraps(5, 200, false, type1, between)
	largeText(h, false)
	h.tap("Keyboard")
	rows += ty.typeToWraps(6, 200, false, type1, between)
	if ty.wrapped < rows/2 {
		t.Errorf("a space typed ended %d of %d wrapped rows, want at least half", ty.wrapped, rows)
	}
}

// largeText sets the larger text on or off as Home's button does, in the middle of a screen.
func largeText(h *harness, on bool) {
	h.u.theme.large = on
	fyne.CurrentApp().Settings().SetTheme(&kioskTheme{large: on, contrast: h.u.theme.contrast})
}

// TestNoteTypingBeforeALineBreak types into the end of a paragraph that a line break
// follows: a space that wraps there has no row either, and the Entry put its cursor on the
// next line.
func TestNoteTypingBeforeALineBreak(t *testing.T) {
	for _, large := range []bool{false, true} {
		t.Run(fmt.Sprintf("larger text %v", large), func(t *testing.T) {
			h := newHarness(t)
			if large {
				h.tap("Larger text")
			}
			h.toQuestions()
			ed := h.note()
			field := ed.Field()
			h.w.Canvas().Focus(field)
			const rest = "\nThe next paragraph stays where it is."
			ed.SetText(rest)
			field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
			if ed.cursor() != 0 {
				t.Fatalf("PageUp put the cursor at %d, want 0", ed.cursor())
			}
			ty := &typist{t: t, h: h, want: rest}
			rows := ty.typeToWraps(9, 400, false, func(r rune) { pressKey(field, r) }, nil)
			if ty.wrapped < rows/2 {
				t.Errorf("a space typed ended %d of %d wrapped rows, want at least half", ty.wrapped, rows)
			}
		})
	}
}

// TestNoteSelectAllCopiesTheWholeNote: Ctrl+A selects the whole note, whatever its length and
// wherever the cursor is, and Ctrl+C copies all of it; typing then replaces it, as in one
// field; Ctrl+X cuts it all.
func TestNoteSelectAllCopiesTheWholeNote(t *testing.T) {
	_, ed := notesEditor(t)
	note := prose(3000) + "\n\n" + longNote[:1500] + "\nZoë: “déjà vu”"
	ed.SetText(note)
	if len(ed.blocks) < 4 {
		t.Fatalf("the note is %d blocks, want at least 4", len(ed.blocks))
	}
	field := ed.Field()
	test.Tap(ed.views[1]) // the cursor in a block in the middle
	clip := test.NewClipboard()

	field.TypedShortcut(&fyne.ShortcutSelectAll{})
	if got := ed.SelectedText(); got != note {
		t.Errorf("after Ctrl+A the selection holds %d characters, want the note's %d", utf8.RuneCountInString(got), utf8.RuneCountInString(note))
	}
	field.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
	if got := clip.Content(); got != note {
		t.Fatalf("Ctrl+C after Ctrl+A copied %d characters, want the whole note's %d:\n%s",
			utf8.RuneCountInString(got), utf8.RuneCountInString(note), noteDiff(got, note))
	}
	if ed.Text() != note {
		t.Fatal("select all and copy changed the note")
	}

	// A key event before the character, as a physical keyboard sends it, does not undo the
	// selection: the letter replaces the note.
	pressKey(field, 'Q')
	if got := ed.Text(); got != "Q" {
		t.Errorf("typing over the whole note left %q, want %q", short(got, 40), "Q")
	}

	ed.SetText(note)
	field.TypedShortcut(&fyne.ShortcutSelectAll{})
	field.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
	if clip.Content() != note || ed.Text() != "" {
		t.Errorf("Ctrl+X after Ctrl+A: copied %d characters, left %d; want %d and none",
			len(clip.Content()), len(ed.Text()), len(note))
	}

	// Moving the cursor ends the selection: copy then copies nothing of the note's other
	// blocks.
	ed.SetText(note)
	field.TypedShortcut(&fyne.ShortcutSelectAll{})
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	clip.SetContent("")
	field.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
	if got := clip.Content(); got != "" {
		t.Errorf("after Ctrl+A and Right, Ctrl+C copied %d characters, want none", len(got))
	}
	pressKey(field, '!')
	if got := ed.Text(); got != note+"!" {
		t.Errorf("after Ctrl+A and Right a key went elsewhere than the note's end:\n%s", noteDiff(got, note+"!"))
	}
}
