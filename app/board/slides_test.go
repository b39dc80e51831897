package board

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"quietroom/app/report/fynefont"
)

// deckBoard is a board on day 2 with everything a deck must leave out: notes and post-its
// beside the key quotes, a note pinned before items had a kind, a theme holding more quotes
// and points than the presentation shows, items in no theme, buds, a group of one, a
// description and a statement long enough to run on.
type deckBoard struct {
	w          Work
	items      []Item
	ivs        []Interview
	shown      []string // texts the slides must show whole
	notAsQuote []string // texts that may show, but never as a quote
	never      []string // texts no slide may hold
}

func newDeckBoard(t *testing.T) deckBoard {
	t.Helper()
	var b deckBoard
	add := func(it Item) Item { b.items = append(b.items, it); return it }
	if err := b.w.SetAim("AIM to help the service see how staff and carers experience support"); err != nil {
		t.Fatal(err)
	}
	listen, _ := b.w.AddTheme("Being listened to")
	work, _ := b.w.AddTheme("Workload")
	q1 := add(quote(t, Rose, "QUOTE-ONE my manager really listens when I raise a worry"))
	q2 := add(quote(t, Rose, "QUOTE-TWO "+strings.Repeat("supervision happens every month without fail and it helps ", 6)))
	q3 := add(quote(t, Rose, "QUOTE-THREE a third quote the theme has no room for"))
	n1 := add(note(t, Rose, "NOTE-ONE staff seemed tired but engaged"))
	n2 := add(note(t, Rose, "NOTE-TWO the office was quiet"))
	n3 := add(note(t, Rose, "NOTE-THREE a third note past the theme's points"))
	p1 := add(item(t, Thorn, "POSTIT-ONE caseloads are too high"))
	loose := add(quote(t, Thorn, "LOOSE-QUOTE nobody calls back after four o'clock"))
	looseNote := add(note(t, Thorn, "LOOSE-NOTE the team ran late"))
	bud := add(item(t, Bud, "BUD-ONE a duty rota shared with the carers"))
	for _, it := range []Item{q1, q2, q3, n1, n2, n3} {
		b.w.Move(it.ID, listen)
	}
	b.w.Move(p1.ID, work)
	in, _ := b.w.AddInsight(listen, "INSIGHT-ONE staff feel heard by their managers")
	b.w.EditInsight(in, "INSIGHT-ONE staff feel heard by their managers",
		"DESCRIPTION "+strings.Repeat("managers make time to listen when a worry is raised and act on it ", 5))
	b.w.PinQuote(in, q1)
	b.w.PinQuote(in, q2)
	long := "INSIGHT-TWO " + strings.Repeat("caseloads leave no room for reflective practice ", 4)
	in2, _ := b.w.AddInsight(work, long)
	// A note pinned before items had a kind: stored, but never shown as a quote.
	for i := range b.w.Themes {
		for j := range b.w.Themes[i].Insights {
			if b.w.Themes[i].Insights[j].ID == in2 {
				b.w.Themes[i].Insights[j].Quotes = []string{n1.ID}
			}
		}
	}
	for _, g := range []struct {
		group  string
		n, ppl int
	}{{"social workers", 3, 1}, {"foster carers", 1, 5}, {"GROUP-OF-TWO elected members", 2, 1}} {
		for range g.n {
			b.ivs = append(b.ivs, Interview{ID: NewID(), Group: g.group, QuestionSet: "Appreciative inquiry: staff", People: g.ppl})
		}
	}
	b.shown = []string{b.w.Aim, q1.Text, q2.Text, n1.Text, n2.Text, p1.Text, "Being listened to", "Workload",
		"INSIGHT-ONE staff feel heard by their managers", long, "social workers", "foster carers"}
	b.notAsQuote = []string{n1.Text, n2.Text, p1.Text}
	b.never = []string{"QUOTE-THREE", "NOTE-THREE", "LOOSE-QUOTE", "LOOSE-NOTE", "BUD-ONE", "GROUP-OF-TWO"}
	_ = looseNote
	_ = loose
	_ = bud
	return b
}

// flat is text with its runs of space (and line breaks) made one space: the slides wrap.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// entries joins each slide's wrapped lines back into the entries they came from, with their
// style, across continued slides.
func deckEntries(d Deck) (all string, quotes []string, others []string) {
	var b strings.Builder
	var cur string
	var style LineStyle
	end := func() {
		if cur == "" {
			return
		}
		if style == LineQuote {
			quotes = append(quotes, cur)
		} else {
			others = append(others, cur)
		}
		cur = ""
	}
	for _, s := range d.Slides {
		b.WriteString(s.Text() + "\n")
		for _, l := range s.Lines {
			if !l.More {
				end()
			}
			cur = strings.TrimSpace(cur + " " + l.Text)
			style = l.Style
		}
	}
	end()
	return b.String(), quotes, others
}

// TestDeckShowsOnlyThePresentation: no slide holds an item outside the themes and insights the
// team chose, a quote the theme has no room for, a bud, a group under the floor; notes and
// post-its never appear as quotes; everything the presentation holds appears whole.
func TestDeckShowsOnlyThePresentation(t *testing.T) {
	b := newDeckBoard(t)
	d := Present(b.w, b.items, b.ivs).Deck("Peer challenge, Northshire Council")
	all, quotes, others := deckEntries(d)
	for _, s := range d.Slides {
		for _, never := range b.never {
			if strings.Contains(s.Text(), never) {
				t.Errorf("slide %q shows %q, which is not in the presentation", s.Label, never)
			}
		}
	}
	flatAll := flat(all)
	whole := func(s string) bool {
		for _, e := range append(slices.Clone(quotes), others...) {
			if strings.Contains(e, flat(s)) {
				return true
			}
		}
		return strings.Contains(flatAll, flat(s))
	}
	for _, want := range b.shown {
		if !whole(want) {
			t.Errorf("the slides lack %q whole", want)
		}
	}
	for _, q := range quotes {
		if !strings.HasPrefix(q, "“QUOTE-") || !strings.HasSuffix(q, "”") {
			t.Errorf("a quote line holds %q: only key quotes, in quotation marks, are quotes", q)
		}
	}
	for _, n := range b.notAsQuote {
		for _, q := range quotes {
			if strings.Contains(q, flat(n)) {
				t.Errorf("%q is shown as a quote", n)
			}
		}
		if !slices.Contains(others, flat(n)) {
			t.Errorf("%q is not shown as the team's words", n)
		}
	}
	if !strings.Contains(flatAll, "2 more people in 1 group of fewer than 3") {
		t.Errorf("the small groups are not counted together:\n%s", all)
	}
	// The floor is the kiosk's addition, not the handbook's, and the slide says so.
	if !strings.Contains(flatAll, "a rule of this kiosk's; the handbook has none") {
		t.Errorf("the small-group rule is not marked as the kiosk's own:\n%s", all)
	}
}

// TestDeckSixLinesAndOrder: every slide has at most six body lines of at most SlideBodyChars
// characters; a theme or insight with more runs on to a "(continued)" slide; the parts come in
// the handbook's order, the themes and insights in the team's.
func TestDeckSixLinesAndOrder(t *testing.T) {
	b := newDeckBoard(t)
	d := Present(b.w, b.items, b.ivs).Deck("Peer challenge, Northshire Council")
	order := []SlideKind{SlideCover, SlideAim, SlideInterviewed, SlideMethodology, SlideTheme, SlideInsight}
	last := 0
	var labels []string
	continued := 0
	for i, s := range d.Slides {
		if len(s.Lines) > MaxSlideLines {
			t.Errorf("slide %d (%s) has %d lines", i+1, s.Label, len(s.Lines))
		}
		if len(s.Title) == 0 || len(s.Title) > SlideTitleLines {
			t.Errorf("slide %d (%s) has a title of %d lines", i+1, s.Label, len(s.Title))
		}
		for _, l := range append(slices.Clone(s.Title), func() (out []string) {
			for _, l := range s.Lines {
				out = append(out, l.Text)
			}
			return
		}()...) {
			if utf8.RuneCountInString(l) > SlideBodyChars {
				t.Errorf("slide %d: line %q is longer than %d", i+1, l, SlideBodyChars)
			}
		}
		k := slices.Index(order, s.Kind)
		if k < last {
			t.Errorf("slide %d is %s after %s", i+1, s.Kind, order[last])
		}
		last = k
		if s.Continued {
			continued++
			if !strings.HasSuffix(s.Label, "(continued)") || d.Slides[i-1].Kind != s.Kind {
				t.Errorf("slide %d continues %q without saying so", i+1, s.Label)
			}
		} else {
			labels = append(labels, s.Label)
		}
	}
	if continued == 0 {
		t.Error("no slide ran on, though a theme and an insight have more than six lines")
	}
	want := []string{"", "Key aim", "Who was interviewed", "Methodology", "Key theme 1 of 2", "Key theme 2 of 2", "Key insight 1 of 2", "Key insight 2 of 2"}
	if !slices.Equal(labels, want) {
		t.Errorf("the parts are %q, want %q", labels, want)
	}
	// The long insight statement is not cut from the title: it is in the body, in bold.
	var strong []string
	for _, s := range d.Slides {
		for _, l := range s.Lines {
			if l.Style == LineStrong {
				strong = append(strong, l.Text)
			}
		}
	}
	if got := strings.Join(strong, " "); !strings.HasPrefix(got, "INSIGHT-TWO caseloads") {
		t.Errorf("the long statement shows as %q", got)
	}
}

func TestWrapKeepsEveryWord(t *testing.T) {
	text := "A first line\nand a second, " + strings.Repeat("x", 130) + " end"
	got := wrap(text, 60)
	for _, l := range got {
		if utf8.RuneCountInString(l) > 60 {
			t.Errorf("line %q is longer than 60", l)
		}
	}
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if squeeze(strings.Join(got, " ")) != squeeze(text) {
		t.Errorf("wrap lost words: %q", got)
	}
	if got[0] != "A first line" {
		t.Errorf("the text's own line break is not kept: %q", got)
	}
}

// TestSlideRunsStayOnTheSlide: every line of every slide lies between the margins and above
// the footer, at the sizes the slide show and the PDF draw.
func TestSlideRunsStayOnTheSlide(t *testing.T) {
	b := newDeckBoard(t)
	d := Present(b.w, b.items, b.ivs).Deck("Peer challenge, Northshire Council")
	for i := range d.Slides {
		runs, _ := d.Runs(i)
		for _, r := range runs[:len(runs)-2] {
			if bottom := r.Y + r.Size*slideBodyLH; bottom > slideFooterY {
				t.Errorf("slide %d: %q reaches %.3f, into the footer at %.3f", i+1, r.Text, bottom, slideFooterY)
			}
			if r.X < slideMarginX || r.X+r.Wide > SlideAspect-slideMarginX+1e-9 {
				t.Errorf("slide %d: %q is outside the margins", i+1, r.Text)
			}
		}
		if c := runs[len(runs)-1].Text; c != fmt.Sprintf("%d / %d", i+1, len(d.Slides)) {
			t.Errorf("slide %d's counter says %q", i+1, c)
		}
	}
}

func tool(t *testing.T, name string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is missing: run make deps (Debian packages poppler-utils, qpdf)", name)
	}
	return bin
}

// TestDeckPDF: the slides' PDF is one 16:9 page a slide, every font embedded, qpdf finds
// nothing wrong with it, and its text is the slides'.
func TestDeckPDF(t *testing.T) {
	b := newDeckBoard(t)
	d := Present(b.w, b.items, b.ivs).Deck("Peer challenge, Northshire Council")
	raw, err := d.PDF(fynefont.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "slides.pdf")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if keep := os.Getenv("QUIETROOM_KEEP_SLIDES"); keep != "" {
		os.WriteFile(keep, raw, 0o600)
	}
	if out, err := exec.Command(tool(t, "qpdf"), "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	info, err := exec.Command(tool(t, "pdfinfo"), path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`Page size:\s+960 x 540 pts`).Match(info) {
		t.Errorf("the pages are not 16:9 (960 x 540 pt):\n%s", info)
	}
	if !regexp.MustCompile(fmt.Sprintf(`Pages:\s+%d\n`, len(d.Slides))).Match(info) {
		t.Errorf("want %d pages, one a slide:\n%s", len(d.Slides), info)
	}
	fonts, err := exec.Command(tool(t, "pdffonts"), path).Output()
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(fonts)), "\n")[2:]
	if len(rows) == 0 {
		t.Fatalf("pdffonts lists no font:\n%s", fonts)
	}
	for _, r := range rows {
		// name type encoding emb sub uni object ID: the emb column is the fourth from the end.
		f := strings.Fields(r)
		if len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("a font is not embedded: %q", r)
		}
	}
	text, err := exec.Command(tool(t, "pdftotext"), path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(text), "\f")
	for i, s := range d.Slides {
		for _, l := range append(slices.Clone(s.Title), s.Label) {
			if !strings.Contains(flat(pages[i]), flat(l)) {
				t.Errorf("page %d lacks %q:\n%s", i+1, l, pages[i])
			}
		}
		for _, l := range s.Lines {
			if !strings.Contains(flat(pages[i]), flat(l.Text)) {
				t.Errorf("page %d lacks %q:\n%s", i+1, l.Text, pages[i])
			}
		}
		if !strings.Contains(pages[i], d.Counter(i)) {
			t.Errorf("page %d lacks its counter %q", i+1, d.Counter(i))
		}
	}
	for _, never := range b.never {
		if strings.Contains(string(text), never) {
			t.Errorf("the PDF holds %q", never)
		}
	}
	if strings.Contains(string(raw), "/CreationDate") {
		t.Error("the PDF records when it was made")
	}
}
