package roomlight_test

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"quietroom/app/session"
	"quietroom/hw"
	"quietroom/hw/hwtest"
	"quietroom/hw/roomlight"
)

func TestShowMapsRoomStates(t *testing.T) {
	tests := []struct {
		room session.RoomState
		want hw.State
	}{
		{session.RoomFree, hw.Free},
		{session.RoomOccupied, hw.Occupied},
		{session.RoomEndingSoon, hw.EndingSoon},
		{session.RoomOvertime, hw.Overtime},
		{session.RoomState(99), hw.Fault}, // a bug shows as a fault
	}
	for _, tt := range tests {
		t.Run(tt.room.String(), func(t *testing.T) {
			fake := hwtest.NewIndicator(hw.TwoColour, nil)
			l := roomlight.New(fake, nil)
			l.Show(tt.room)
			if got, _ := fake.State(); got != tt.want {
				t.Errorf("Show(%v): indicator shows %v, want %v", tt.room, got, tt.want)
			}
			if err := l.Err(); err != nil {
				t.Errorf("Err() after Show(%v) = %v, want nil", tt.room, err)
			}
		})
	}
}

func TestHoldsWaitForTheAdmin(t *testing.T) {
	fake := hwtest.NewIndicator(hw.TwoColour, nil)
	l := roomlight.New(fake, nil)
	l.Show(session.RoomFree)
	done := l.Maintenance()
	l.Show(session.RoomOccupied)
	if got, _ := fake.State(); got != hw.Maintenance {
		t.Errorf("during maintenance the light shows %v, want maintenance", got)
	}
	done()
	if got, _ := fake.State(); got != hw.Occupied {
		t.Errorf("after maintenance the light shows %v, want the room's occupied", got)
	}
	l.Show(session.RoomFree)
	l.SetInterrupted(true)
	if got, _ := fake.State(); got != hw.Occupied {
		t.Errorf("with an interrupted session waiting the light shows %v, want occupied", got)
	}
	if err := l.Test(hw.Fault); err != nil {
		t.Fatal(err)
	}
	l.Restore()
	if got, _ := fake.State(); got != hw.Occupied {
		t.Errorf("after the LED test the light shows %v, want occupied", got)
	}
}

// TestFaultsAreLoggedOnce: an indicator whose Show fails is logged once per fault and its error
// kept for the health screen; a Faulty indicator is only asked.
func TestFaultsAreLoggedOnce(t *testing.T) {
	var logs bytes.Buffer
	fake := hwtest.NewIndicator(hw.Single, nil)
	broken := errors.New("broken")
	fake.Fail(broken)
	l := roomlight.New(fake, slog.New(slog.NewTextHandler(&logs, nil)))
	l.Show(session.RoomOccupied)
	l.Show(session.RoomEndingSoon)
	if !errors.Is(l.Err(), broken) {
		t.Errorf("Err() = %v, want the indicator's error", l.Err())
	}
	if n := strings.Count(logs.String(), "level=WARN"); n != 1 {
		t.Errorf("%d warnings for one fault, want 1:\n%s", n, logs.String())
	}
	fake.Fail(nil)
	l.Show(session.RoomFree)
	if err := l.Err(); err != nil {
		t.Errorf("Err() after the indicator works again = %v, want nil", err)
	}

	logs.Reset()
	faulty := &faultyIndicator{Indicator: hwtest.NewIndicator(hw.Single, nil), fault: broken}
	l = roomlight.New(faulty, slog.New(slog.NewTextHandler(&logs, nil)))
	l.Show(session.RoomOccupied)
	if !errors.Is(l.Err(), broken) {
		t.Errorf("Err() over a Faulty indicator = %v, want its fault", l.Err())
	}
	if logs.Len() != 0 {
		t.Errorf("a Faulty indicator's fault was logged again:\n%s", logs.String())
	}
}

type faultyIndicator struct {
	*hwtest.Indicator
	fault error
}

func (f *faultyIndicator) Fault() error { return f.fault }
