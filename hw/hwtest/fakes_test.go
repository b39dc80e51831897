package hwtest_test

import (
	"errors"
	"testing"
	"time"

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

func TestClockRunsCallbacksInOrder(t *testing.T) {
	c := clocktest.New(time.Time{})
	start := c.Now()
	var order []time.Duration
	record := func() { order = append(order, c.Now().Sub(start)) }
	c.AfterFunc(300*time.Millisecond, record)
	c.AfterFunc(100*time.Millisecond, func() {
		record()
		c.AfterFunc(100*time.Millisecond, record) // due at 200 ms, within the same Advance
	})
	stopped := c.AfterFunc(150*time.Millisecond, record)
	if !stopped.Stop() {
		t.Fatalf("Stop() of a pending call = false")
	}
	c.Advance(time.Second)
	want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 300 * time.Millisecond}
	if len(order) != len(want) {
		t.Fatalf("callbacks ran at %v, want %v", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("callbacks ran at %v, want %v", order, want)
		}
	}
	if got := c.Now().Sub(start); got != time.Second {
		t.Errorf("Now() after Advance(1s) = start+%v", got)
	}
	if stopped.Stop() {
		t.Errorf("Stop() of a stopped call = true")
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
