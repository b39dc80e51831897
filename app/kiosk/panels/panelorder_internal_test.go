package panels

import (
	"testing"
	"time"

	"quietroom/app/panel"
)

// TestSetupOrder: a set-up sealed before the order was a setting keeps the order it was run
// in once under way (scoring after each candidate), and takes the guide's otherwise.
func TestSetupOrder(t *testing.T) {
	for _, tc := range []struct {
		doc  setupDoc
		want panel.Order
	}{
		{setupDoc{}, panel.OrderGuide},
		{setupDoc{FrozenAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}, panel.OrderEachCandidate},
		{setupDoc{FrozenAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Order: panel.OrderGuide}, panel.OrderGuide},
		{setupDoc{Order: panel.OrderEachCandidate}, panel.OrderEachCandidate},
	} {
		if got := setupOrder(tc.doc); got != tc.want {
			t.Errorf("setupOrder(%+v) = %q, want %q", tc.doc, got, tc.want)
		}
	}
}
