package retrying_test

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/hw"
	"quietroom/hw/hwtest"
	"quietroom/hw/retrying"
)

func TestContract(t *testing.T) {
	hwtest.TestIndicator(t, func(t *testing.T, w hw.Wiring, clock *clocktest.Clock) hwtest.IndicatorHarness {
		f := hwtest.NewIndicator(w, clock)
		d := retrying.Open(func() (hw.Indicator, error) { return f, nil }, retrying.Options{Clock: clock})
		return hwtest.IndicatorHarness{Indicator: d, Light: f.Light}
	})
}

func TestMissingHardwareIsLoggedAndRetried(t *testing.T) {
	clock := clocktest.New(time.Time{})
	var logs bytes.Buffer
	missing := errors.New("GPIO line GPIO17 (led): GPIO line not found")
	fake := hwtest.NewIndicator(hw.Single, clock)
	opens := 0
	open := func() (hw.Indicator, error) {
		opens++
		if opens < 3 {
			return nil, missing
		}
		return fake, nil
	}
	d := retrying.Open(open, retrying.Options{
		Log:   slog.New(slog.NewTextHandler(&logs, nil)),
		Clock: clock,
	})
	steps := []struct {
		name      string
		wait      time.Duration
		show      hw.State
		wantOpens int
		wantFault bool
	}{
		{"a Show soon after is not a retry", 10 * time.Second, hw.Occupied, 1, true},
		{"a minute later it retries and fails", time.Minute, hw.EndingSoon, 2, true},
		{"next minute it opens and shows the state", time.Minute, hw.Overtime, 3, false},
		{"then it uses the indicator", time.Second, hw.Free, 3, false},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			clock.Advance(s.wait)
			if err := d.Show(s.show); err != nil {
				t.Fatalf("Show(%v) = %v, want nil whatever the hardware does", s.show, err)
			}
			if opens != s.wantOpens || (d.Fault() != nil) != s.wantFault {
				t.Errorf("opens = %d, Fault() = %v; want %d opens, fault %v", opens, d.Fault(), s.wantOpens, s.wantFault)
			}
		})
	}
	if got, _ := fake.State(); got != hw.Free {
		t.Errorf("indicator shows %v, want free", got)
	}
	if strings.Count(logs.String(), "level=WARN") != 1 || !strings.Contains(logs.String(), "GPIO17") ||
		strings.Count(logs.String(), "working again") != 1 {
		t.Errorf("want one warning naming the line and one recovery, got:\n%s", logs.String())
	}
}

func TestFailingShowIsLoggedOnce(t *testing.T) {
	fake := hwtest.NewIndicator(hw.Single, nil)
	var logs bytes.Buffer
	d := retrying.Open(func() (hw.Indicator, error) { return fake, nil },
		retrying.Options{Log: slog.New(slog.NewTextHandler(&logs, nil)), Clock: clocktest.New(time.Time{})})
	busy := errors.New("busy")
	fake.Fail(busy)
	for _, s := range []hw.State{hw.Occupied, hw.EndingSoon, hw.Overtime} {
		if err := d.Show(s); err != nil {
			t.Fatalf("Show(%v) = %v", s, err)
		}
		if !errors.Is(d.Fault(), busy) {
			t.Errorf("Fault() after Show(%v) = %v, want busy", s, d.Fault())
		}
	}
	fake.Fail(nil)
	_ = d.Show(hw.Free)
	if d.Fault() != nil {
		t.Errorf("Fault() after the indicator works again = %v, want nil", d.Fault())
	}
	if strings.Count(logs.String(), "level=WARN") != 1 || strings.Count(logs.String(), "working again") != 1 {
		t.Errorf("want one warning and one recovery line, got:\n%s", logs.String())
	}
}
