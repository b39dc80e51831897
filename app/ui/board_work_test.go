package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/kiosktest"
)

// otherScreen opens the board as another screen would (the same member at a second kiosk
// screen, or another member), to change it behind the harness's back.
func otherScreen(t *testing.T, room *kiosktest.Room, eng string) *boards.Board {
	t.Helper()
	ctx := context.Background()
	team, err := boards.Team(ctx, room.Kiosk, eng)
	if err != nil || len(team) == 0 {
		t.Fatalf("Team = %v, %v", team, err)
	}
	b, err := boards.Open(ctx, room.SignIn(t, team[0].ID, boardPIN), eng)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b
}

// themeID is the id of the board's theme of that name.
func themeID(t *testing.T, b *boards.Board, name string) string {
	t.Helper()
	w, err := b.Work(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range w.Themes {
		if th.Name == name {
			return th.ID
		}
	}
	t.Fatalf("no theme %q in %+v", name, w.Themes)
	return ""
}

// TestBoardWorkErrorsShown: when the board's kiosk refuses a change to the day-2 work (here the
// theme or insight was removed meanwhile from another screen), the screen says so and stays,
// rather than dropping the error or putting the removed theme back.
func TestBoardWorkErrorsShown(t *testing.T) {
	const gone = "This theme is no longer on the board: another team member removed it. Look at the themes again."
	h, room, eng := itemsRoom(t, fyne.NewSize(800, 480))
	other := otherScreen(t, room, eng)
	ctx := context.Background()
	if _, err := other.AddTheme(ctx, "Support"); err != nil {
		t.Fatal(err)
	}
	h.openTheBoard()

	// An insight written above a theme removed meanwhile.
	h.tap("Themes")
	h.tapPrefix("Workload")
	h.tap("Add an insight")
	h.wantScreen("board-insight")
	h.typeInto(0, "Caseloads crowd out supervision")
	if err := other.RemoveTheme(ctx, themeID(t, other, "Workload")); err != nil {
		t.Fatal(err)
	}
	h.tap("Save")
	h.wantScreen("board-insight")
	if !h.shows(gone) {
		t.Errorf("Save of an insight above a theme removed meanwhile: the error is not shown: %s", h.allTexts())
	}
	h.tap("Back")
	h.wantScreen("board-themes")

	// A theme removed meanwhile, renamed or removed again.
	h.tapPrefix("Getting hold of people")
	h.wantScreen("board-theme")
	if err := other.RemoveTheme(ctx, themeID(t, other, "Getting hold of people")); err != nil {
		t.Fatal(err)
	}
	for _, button := range []string{"Remove the theme", "Rename"} {
		h.tap(button)
		h.wantScreen("board-theme")
		if !h.shows(gone) {
			t.Errorf("%s on a theme removed meanwhile: the error is not shown: %s", button, h.allTexts())
		}
	}
	if w, _ := other.Work(ctx); len(w.Themes) != 1 || w.Themes[0].Name != "Support" {
		t.Errorf("the work after the refused changes = %+v, want the other member's theme alone", w)
	}
	h.tap("Back to the themes")
	h.wantScreen("board-themes")

	// An insight removed meanwhile: its Save and its Remove say so.
	th := themeID(t, other, "Support")
	in, err := other.AddInsight(ctx, th, boards.InsightEdit{Statement: "Carers lose contact after hours"})
	if err != nil {
		t.Fatal(err)
	}
	h.tapPrefix("Support")
	h.tapPrefix("Carers lose contact")
	h.wantScreen("board-insight")
	if err := other.RemoveInsight(ctx, in); err != nil {
		t.Fatal(err)
	}
	const insightGone = "This insight is no longer on the board: another team member removed it. Look at the theme again."
	for _, button := range []string{"Save", "Remove"} {
		h.tap(button)
		h.wantScreen("board-insight")
		if !h.shows(insightGone) {
			t.Errorf("%s of an insight removed meanwhile: the error is not shown: %s", button, h.allTexts())
		}
	}
}
