package session_test

import (
	"errors"
	"testing"
	"time"

	"quietroom/app/session"
)

// TestPanelOffersNoSkipAndNoDropHint: a recruitment panel asks every candidate every question,
// so its session refuses Skip and its timer never suggests topics to drop.
func TestPanelOffersNoSkipAndNoDropHint(t *testing.T) {
	for _, pack := range []string{"ai-360", "panel-b6"} {
		t.Run(pack, func(t *testing.T) {
			h := newHarness(t)
			s := h.setup()
			s.Pack, s.Label = h.packs[pack], "C1"
			h.must("Start", h.eng.Start(h.ctx, s, h.keys))
			h.must("ShowPreamble", h.eng.ShowPreamble(h.ctx))
			h.must("ShowConsent", h.eng.ShowConsent(h.ctx))
			_, err := h.eng.GiveConsent(h.ctx, allAgreed())
			h.must("GiveConsent", err)
			panel := pack == "panel-b6"
			if got := h.eng.Panel(); got != panel {
				t.Fatalf("Panel() = %v, want %v", got, panel)
			}
			err = h.eng.Skip(h.ctx)
			if panel && !errors.Is(err, session.ErrNoSkipInPanel) {
				t.Errorf("Skip on a panel = %v, want ErrNoSkipInPanel", err)
			}
			if !panel && err != nil {
				t.Errorf("Skip on an interview = %v, want nil", err)
			}
			// Run the clock to the first warning.
			for h.eng.Tick().Timer.Warning == 0 && !h.eng.Tick().Timer.Over {
				h.clock.Advance(time.Minute)
			}
			st := h.eng.Tick().Timer
			if panel && (len(st.Keep) > 0 || len(st.Drop) > 0) {
				t.Errorf("panel timer at the warning suggests keep %v, drop %v; want none", st.Keep, st.Drop)
			}
		})
	}
}
