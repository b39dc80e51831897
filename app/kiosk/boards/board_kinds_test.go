package boards_test

import (
	"errors"
	"strings"
	"testing"

	"quietroom/app/board"
	"quietroom/app/kiosk/boards"
	"quietroom/app/report/fynefont"
)

// TestBoardQuotesNotesAndGroups follows a small-group interview and a one-to-one onto the
// board: each contribution keeps what it is (the key quote, the interviewer's note, the
// member's own post-it) without saying who; only the quote may be pinned to an insight or
// printed in quotation marks; and "who was interviewed" counts the group's three people.
func TestBoardQuotesNotesAndGroups(t *testing.T) {
	r := twoRooms(t)
	r.one.GroupInterview(t, r.alice, pin, r.engOne, "peer-ai-staff-practice", "foster carers", 3,
		"NOTEG carers seemed unsure who to call", "QUOTEG we hear about changes last")
	r.one.Interview(t, r.bob, pin, r.engOne, "peer-ai-staff-practice", "social workers", "NOTEB tired team",
		"QUOTEB supervision happens every month")

	// Alice picks the group's key quote and her note, and writes a post-it of her own.
	c, err := boards.Contribute(ctx, r.one.SignIn(t, r.alice, pin), r.engOne)
	if err != nil {
		t.Fatal(err)
	}
	list, err := c.Sessions(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("Sessions = %v, %v", list, err)
	}
	rv, err := c.Read(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if rv.People != 3 {
		t.Fatalf("Read().People = %d, want 3", rv.People)
	}
	q, _ := board.NewQuote(board.Thorn, rv.Topics[0].Quotes[0].Text)
	n, _ := board.NewNote(board.Thorn, rv.Topics[0].Note)
	p, _ := board.NewItem(board.Thorn, "POSTIT nobody owns the change plan")
	if _, err := c.Add(ctx, []board.Item{q, n, p}, []string{list[0].ID}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	contribute(t, r.one, r.bob, r.engOne, board.Rose)

	b := open(t, r.one, r.alice, r.engOne)
	items, err := b.Items(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]board.Kind{}
	th, err := b.AddTheme(ctx, "Change reaches carers last")
	if err != nil {
		t.Fatal(err)
	}
	byKind := map[board.Kind]board.Item{}
	for _, it := range items {
		kinds[strings.Fields(it.Text)[0]] = it.Kind
		if err := b.MoveItem(ctx, it.ID, th); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(it.Text, "QUOTEG") || it.Kind != board.KindQuote {
			byKind[it.Kind] = it
		}
	}
	if kinds["QUOTEG"] != board.KindQuote || kinds["QUOTEB"] != board.KindQuote || kinds["NOTEG"] != board.KindNote ||
		kinds["POSTIT"] != board.KindPostIt {
		t.Fatalf("kinds on the board = %v, want the quotes quotes, the note a note, the post-it a post-it", kinds)
	}
	in, err := b.AddInsight(ctx, th, boards.InsightEdit{Statement: "Carers hear of change last"})
	if err != nil {
		t.Fatal(err)
	}

	// A note or a post-it is refused as a quote: by the work, and by the use case whatever
	// the screen sends, pinned alone or with the insight's words.
	var local board.Work
	lth, _ := local.AddTheme("Change reaches carers last")
	lin, _ := local.AddInsight(lth, "Carers hear of change last")
	for _, k := range []board.Kind{board.KindNote, board.KindPostIt} {
		if err := local.PinQuote(lin, byKind[k]); !errors.Is(err, board.ErrNotAQuote) {
			t.Errorf("Work.PinQuote(%s) = %v, want ErrNotAQuote", k, err)
		}
		if err := b.PinQuote(ctx, in, byKind[k].ID); !errors.Is(err, board.ErrNotAQuote) {
			t.Errorf("Board.PinQuote(%s) = %v, want ErrNotAQuote", k, err)
		}
		if err := b.EditInsight(ctx, in, boards.InsightEdit{Statement: "Carers hear of change last", Pin: []string{byKind[k].ID}}); !errors.Is(err, board.ErrNotAQuote) {
			t.Errorf("Board.EditInsight(a %s pinned) = %v, want ErrNotAQuote", k, err)
		}
		if _, err := b.AddInsight(ctx, th, boards.InsightEdit{Statement: "Another", Pin: []string{byKind[k].ID}}); !errors.Is(err, board.ErrNotAQuote) {
			t.Errorf("Board.AddInsight(a %s pinned) = %v, want ErrNotAQuote", k, err)
		}
	}
	if w, _ := b.Work(ctx); len(w.Insights()) != 1 || len(w.Insights()[0].Quotes) != 0 {
		t.Fatalf("insights after the refused pins = %+v, want the one insight with no quote", w.Insights())
	}
	if err := b.PinQuote(ctx, in, byKind[board.KindQuote].ID); err != nil {
		t.Fatal(err)
	}

	pr, err := b.Presentation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	iv := pr.Interviewed
	if len(iv.Groups) != 1 || iv.Groups[0] != (board.GroupCount{Group: "foster carers", Count: 3}) || iv.SmallPeople != 1 ||
		iv.Total != 4 || iv.Interviews != 2 {
		t.Errorf("Interviewed = %+v, want the three foster carers shown, one more person, 4 people in 2 interviews", iv)
	}
	if m := pr.Methodology; m.OneToOne != 1 || m.SmallGroup != 1 {
		t.Errorf("Methodology = %+v, want 1 one-to-one and 1 small-group", m)
	}

	path, err := boards.ExportPresentation(ctx, r.one.SignIn(t, r.alice, pin), r.engOne, r.stick, fynefont.Fonts())
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, path)
	for _, want := range []string{"“QUOTEG we hear about changes last”", "NOTEG carers seemed unsure", "POSTIT nobody owns",
		"1 confidential one-to-one and 1 small-group interviews", "4 people in all, in 2 interviews (1 one-to-one, 1 small-group).",
		"foster carers"} {
		if !strings.Contains(text, want) {
			t.Errorf("the presentation lacks %q:\n%s", want, text)
		}
	}
	for _, never := range []string{"“NOTEG", "“POSTIT", "unsure who to call”", "owns the change plan”", "one-to-one interviews."} {
		if strings.Contains(text, never) {
			t.Errorf("the presentation holds %q: a note or post-it shown as someone's words, or every interview said to be one-to-one", never)
		}
	}
}
