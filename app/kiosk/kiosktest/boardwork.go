package kiosktest

import (
	"context"
	"fmt"

	"quietroom/app/board"
	"quietroom/app/kiosk/boards"
)

// BuildWork puts w on the open board through the board's intents, as the team's screens
// would: the aim, then each theme with its items in order, then each insight with its
// description and quotes. The board gives its own ids to the themes and insights; BuildWork
// returns them by the ids in w. Items named in w must be on the board already.
func BuildWork(ctx context.Context, b *boards.Board, w board.Work) (map[string]string, error) {
	ids := map[string]string{}
	if w.Aim != "" {
		if err := b.SetAim(ctx, w.Aim); err != nil {
			return nil, fmt.Errorf("aim: %w", err)
		}
	}
	for _, t := range w.Themes {
		id, err := b.AddTheme(ctx, t.Name)
		if err != nil {
			return nil, fmt.Errorf("theme %q: %w", t.Name, err)
		}
		ids[t.ID] = id
		for _, it := range t.Items {
			if err := b.MoveItem(ctx, it, id); err != nil {
				return nil, fmt.Errorf("theme %q, item %s: %w", t.Name, it, err)
			}
		}
	}
	for _, t := range w.Themes {
		for _, in := range t.Insights {
			id, err := b.AddInsight(ctx, ids[t.ID], boards.InsightEdit{Statement: in.Statement, Description: in.Description, Pin: in.Quotes})
			if err != nil {
				return nil, fmt.Errorf("insight %q: %w", in.Statement, err)
			}
			ids[in.ID] = id
		}
	}
	return ids, nil
}
