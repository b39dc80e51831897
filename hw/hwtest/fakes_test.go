package hwtest_test

import (
	"errors"
	"testing"

	"quietroom/app/clock/clocktest"
	"quietroom/hw"
	"quietroom/hw/hwtest"
)

func TestFakeIndicatorContract(t *testing.T) {
	hwtest.TestIndicator(t, func(t *testing.T, w hw.Wiring, clock *clocktest.Clock) hwtest.IndicatorHarness {
		f := hwtest.NewIndicator(w, clock)
		return hwtest.IndicatorHarness{Indicator: f, Light: f.Light}
	})
}

func TestFakeButtonContract(t *testing.T) {
	hwtest.TestButton(t, func(t *testing.T, clock *clocktest.Clock) hwtest.ButtonHarness {
		b := hwtest.NewButton(clock)
		return hwtest.ButtonHarness{Button: b, Contact: b.Contact}
	})
}

func TestFakeIndicatorFailAndHistory(t *testing.T) {
	f := hwtest.NewIndicator(hw.Single, nil)
	broken := errors.New("line busy")
	for _, s := range []hw.State{hw.Occupied, hw.Occupied, hw.EndingSoon} {
		if err := f.Show(s); err != nil {
			t.Fatalf("Show(%v) = %v", s, err)
		}
	}
	f.Fail(broken)
	if err := f.Show(hw.Free); !errors.Is(err, broken) {
		t.Errorf("Show with Fail set = %v, want %v", err, broken)
	}
	got := f.History()
	want := []hw.State{hw.Occupied, hw.EndingSoon}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("History() = %v, want %v", got, want)
	}
}

func TestFakeWatchdogAndSecret(t *testing.T) {
	w := &hwtest.Watchdog{}
	_ = w.Ready()
	_ = w.Ping()
	_ = w.Stopping()
	if got := w.Sent(); len(got) != 3 || got[0] != "READY=1" || got[2] != "STOPPING=1" {
		t.Errorf("Sent() = %q", got)
	}
	s := &hwtest.Secret{Key: []byte{1, 2, 3}}
	k, err := s.DeviceSecret()
	if err != nil || len(k) != 3 {
		t.Fatalf("DeviceSecret() = %v, %v", k, err)
	}
	k[0] = 0
	if s.Key[0] != 1 {
		t.Errorf("DeviceSecret returned the fake's own slice, want a copy")
	}
}
