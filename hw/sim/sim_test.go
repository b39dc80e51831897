package sim_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/hw"
	"quietroom/hw/hwtest"
	"quietroom/hw/sim"
)

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

func TestIndicatorContract(t *testing.T) {
	hwtest.TestIndicator(t, func(t *testing.T, w hw.Wiring, clock *clocktest.Clock) hwtest.IndicatorHarness {
		i := sim.NewIndicator(discard(), w, clock)
		return hwtest.IndicatorHarness{Indicator: i, Light: i.Light}
	})
}

func TestButtonContract(t *testing.T) {
	hwtest.TestButton(t, func(t *testing.T, clock *clocktest.Clock) hwtest.ButtonHarness {
		b := sim.NewButton(discard(), clock)
		return hwtest.ButtonHarness{Button: b, Contact: b.Contact}
	})
}

func TestIndicatorLogsAndNotifiesChanges(t *testing.T) {
	var logs bytes.Buffer
	clock := clocktest.New(time.Time{})
	i := sim.NewIndicator(slog.New(slog.NewTextHandler(&logs, nil)), hw.TwoColour, clock)
	var got []hw.State
	cancel := i.Subscribe(func(s hw.State) { got = append(got, s) })
	for _, s := range []hw.State{hw.Occupied, hw.Occupied, hw.EndingSoon} {
		if err := i.Show(s); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	_ = i.Show(hw.Free)

	want := []hw.State{hw.Free, hw.Occupied, hw.EndingSoon}
	if len(got) != len(want) {
		t.Fatalf("subscriber saw %v, want %v", got, want)
	}
	for k := range want {
		if got[k] != want[k] {
			t.Fatalf("subscriber saw %v, want %v", got, want)
		}
	}
	if n := strings.Count(logs.String(), "indicator changed"); n != 3 {
		t.Errorf("%d log lines, want 3 (one per change):\n%s", n, logs.String())
	}
	if !strings.Contains(logs.String(), `state="ending soon"`) || !strings.Contains(logs.String(), "component=indicator") {
		t.Errorf("log lacks the state or component:\n%s", logs.String())
	}
}

func TestButtonPress(t *testing.T) {
	clock := clocktest.New(time.Time{})
	b := sim.NewButton(discard(), clock)
	defer b.Close()
	b.Press()
	select {
	case at := <-b.Presses():
		if !at.Equal(clock.Now()) {
			t.Errorf("press at %v, want %v", at, clock.Now())
		}
	default:
		t.Fatalf("Press() delivered nothing")
	}
}
